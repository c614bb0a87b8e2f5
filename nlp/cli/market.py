"""``finnews market import|show|list``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app, iso_date, say

market_app = typer.Typer(help="The local market data store (DuckDB) used to verify quoted numbers.",
                         no_args_is_help=True)
app.add_typer(market_app, name="market")
_STORE_HELP = "The store file (default: $FINNEWS_HOME/market.duckdb)."


@market_app.command("import")
def market_import(
    paths: Annotated[list[Path], typer.Argument(help="Price CSV files or folders (searched recursively).")],
    symbol: Annotated[str | None, typer.Option(help="Symbol for every file (default: from the file name).")] = None,
    source: Annotated[str | None, typer.Option(help="Source name (default: the file's folder).")] = None,
    adjusted: Annotated[bool | None, typer.Option("--adjusted/--unadjusted", help="Whether closes are "
                        "split/dividend adjusted (default: indices no, ETFs and stocks yes).")] = None,
    priority: Annotated[int, typer.Option(help="Higher wins when sources disagree on a day.")] = 0,
    store_path: Annotated[Path | None, typer.Option("--store", help=_STORE_HELP)] = None,
) -> None:
    """Load daily prices (Yahoo layout, any column order or case, or Date,Close) into the store.
    Files that are not price files are reported and skipped; the others are imported."""
    from nlp.market.importer import ImportOptions
    from nlp.market.store import MarketStore, import_paths

    failed = []

    def report(path, err):
        failed.append(path)
        say(err, "skipped")

    with MarketStore(store_path) as store:
        counts = import_paths(store, paths, ImportOptions(symbol, source, adjusted), priority, report)
        typer.echo(f"{sum(counts.values()):,} rows from {len(counts)} files into {store.path}")
    if failed and not counts:
        raise typer.Exit(1)


@market_app.command("show")
def market_show(
    symbol: Annotated[str, typer.Argument(help="A symbol as stored: ^RUT, IWM, ^GSPC…")],
    start: Annotated[str | None, typer.Option(callback=iso_date, help="First date, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option(callback=iso_date, help="Last date, YYYY-MM-DD.")] = None,
    adjusted: Annotated[bool | None, typer.Option("--adjusted/--unadjusted", help="Only one kind of close.")] = None,
    store_path: Annotated[Path | None, typer.Option("--store", help=_STORE_HELP)] = None,
) -> None:
    """Print daily rows merged across sources (unadjusted first, final before provisional)."""
    from nlp.errors import DataPathError, Errors
    from nlp.market.store import MarketStore

    with MarketStore(store_path, read_only=True) as store:
        frame = store.history(symbol, start, end, adjusted)
        if frame.empty:
            raise DataPathError(Errors.E601, symbol=symbol, path=store.path)
        cols = ["date", "open", "high", "low", "close", "volume", "adjusted", "provisional", "source"]
        typer.echo(frame[cols].to_string(index=False))


@market_app.command("list")
def market_list(store_path: Annotated[Path | None, typer.Option("--store", help=_STORE_HELP)] = None) -> None:
    """What the store holds: symbol, source, adjusted, rows, first and last date."""
    from nlp.market.store import MarketStore

    with MarketStore(store_path, read_only=True) as store:
        typer.echo(store.symbols().to_string(index=False))


@market_app.command("fetch")
def market_fetch(
    symbols: Annotated[list[str], typer.Argument(help="Symbols to download: ^RUT, IWM, …")],
    provider: Annotated[str, typer.Option(help="yfinance or stooq (needs internet).")] = "stooq",
    start: Annotated[str | None, typer.Option(callback=iso_date,
                                              help="First date, YYYY-MM-DD (yfinance).")] = None,
    end: Annotated[str | None, typer.Option(callback=iso_date, help="Last date, YYYY-MM-DD (yfinance).")] = None,
    store_path: Annotated[Path | None, typer.Option("--store", help=_STORE_HELP)] = None,
) -> None:
    """Download daily prices from an online provider into the store (optional; finnews works
    offline from imported CSVs). An empty answer (offline, unknown symbol) is an error."""
    from nlp.errors import FinnewsError
    from nlp.market.providers import fetch_stooq, fetch_yfinance
    from nlp.market.store import MarketStore

    if provider not in ("yfinance", "stooq"):
        raise typer.BadParameter("choose yfinance or stooq", param_hint="--provider")
    failed = 0
    with MarketStore(store_path) as store:
        for symbol in symbols:
            try:
                frame = fetch_yfinance(symbol, start, end) if provider == "yfinance" else fetch_stooq(symbol)
            except FinnewsError as err:
                failed += 1
                say(err, "error")
                continue
            typer.echo(f"{symbol}: {store.add(frame, priority=-1):,} rows from {provider}")
    if failed:
        raise typer.Exit(1)
