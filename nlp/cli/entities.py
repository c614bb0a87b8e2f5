"""``finnews symbols build|show`` and ``finnews entities``."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from nlp.cli import app, iso_date, say
from nlp.cli.common import AnalysedInputs, analysis_stages

symbols_app = typer.Typer(help="Build and inspect the symbol reference used to link tickers.",
                          no_args_is_help=True)
app.add_typer(symbols_app, name="symbols")


class MentionFormat(StrEnum):
    table = "table"
    json = "json"


@symbols_app.command("build")
def symbols_build(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Where to write the store "
                   "(default: $FINNEWS_HOME/symbols-v1.json.gz, FINNEWS_HOME defaulting to ~/.cache/finnews).")] = None,
) -> None:
    """Build the symbol store from the lists under <data path>/market/ (SEC, NASDAQ Trader,
    NASDAQ screener, S&P 500 constituents, IWM holdings)."""
    from nlp.config import data_path
    from nlp.entities.store import SymbolStore

    store = SymbolStore.build(data_path().require("market"))
    target = store.save(out)
    kinds: dict[str, int] = {}
    for info in store.symbols.values():
        kinds[info.kind] = kinds.get(info.kind, 0) + 1
    typer.echo(f"{len(store)} symbols ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), "
               f"{len(store.name_aliases)} company names -> {target}")
    for name, reader in store.built_from.items():
        typer.echo(f"  {reader:>13}: {name}")


@symbols_app.command("show")
def symbols_show(
    symbols: Annotated[list[str], typer.Argument(help="Tickers (IWM, ALAB) or table symbols (^RUT, small_caps).")],
    store_path: Annotated[Path | None, typer.Option("--store", help="A symbol store other than the default.")] = None,
) -> None:
    """Print what finnews knows about symbols: kind, name, exchange, size and the names that link to them."""
    from nlp.entities import load_linker

    linker = load_linker(str(store_path) if store_path else None)
    names: dict[str, list[str]] = {}
    for written, symbol in linker.store.name_aliases.items():
        names.setdefault(symbol, []).append(written)
    for written, target in linker.table.aliases.items():
        if target.symbol:
            names.setdefault(target.symbol, []).append(written)
    for symbol in symbols:
        info = linker.store.get(symbol.upper()) or linker.store.get(symbol)
        table_entry = linker.table.symbols.get(symbol)
        if info is None and table_entry is None:
            say(f"{symbol}: unknown symbol", "error")
            continue
        record = {"symbol": symbol}
        if info is not None:
            record.update(name=info.name, kind=info.kind, exchange=info.exchange, size=info.size,
                          sp500=info.sp500, russell2000=info.russell2000, market_cap=info.market_cap)
        if table_entry is not None:
            record.update(name=table_entry.name, kind=table_entry.kind,
                          exchange=table_entry.exchange or record.get("exchange"),
                          size=table_entry.size or record.get("size"))
            if table_entry.members:
                record["members"] = list(table_entry.members)
        record["names"] = sorted(set(names.get(info.symbol if info else symbol, [])))
        typer.echo(json.dumps(record, ensure_ascii=False))


@app.command()
def entities(
    inputs: Annotated[list[str], typer.Argument(help="HTML/text/Markdown files or http(s) URLs.")],
    fmt: Annotated[MentionFormat, typer.Option("--format", "-f", help="table: a readable table; "
                   "json: one JSON object per mention (text, start, end, symbol, kind, exchange, role).")
                   ] = MentionFormat.table,
    store_path: Annotated[Path | None, typer.Option("--store", help="A symbol store other than the default.")] = None,
) -> None:
    """Link every mention of a stock, ETF, index, basket or market segment to its symbol.

    Offsets are character offsets into the document text (`finnews extract --format json`
    shows it). Only article blocks are read: sponsored and navigation blocks are skipped.
    """
    from nlp.pipeline import Pipeline

    options = {"entities": {"store": str(store_path) if store_path else None}}
    documents = AnalysedInputs(inputs, Pipeline(analysis_stages(["entities"]), options))
    for item, doc in documents:
        if fmt == MentionFormat.json:
            for e in doc.entities:
                typer.echo(json.dumps({"source": item, "text": e.text, "start": e.start, "end": e.end,
                                       "symbol": e.symbol, "kind": e.kind, "exchange": e.exchange,
                                       "role": e.role, "name": e.name}, ensure_ascii=False))
        else:
            table = Table(title=item, show_lines=False)
            for col in ("start", "text", "symbol", "kind", "exchange", "role"):
                table.add_column(col)
            for e in doc.entities:
                table.add_row(str(e.start), e.text, e.symbol or "-", e.kind or "-", e.exchange or "-", e.role or "-")
            Console().print(table)
    documents.exit()


@app.command()
def claims(
    inputs: Annotated[list[str], typer.Argument(help="HTML/text/Markdown files or http(s) URLs.")],
    fmt: Annotated[MentionFormat, typer.Option("--format", "-f", help="table or json (one object per claim).")
                   ] = MentionFormat.table,
    as_of: Annotated[str | None, typer.Option("--as-of", callback=iso_date, help="Check claims as of this date "
                     "(YYYY-MM-DD) instead of the article's publication date.")] = None,
    store_path: Annotated[Path | None, typer.Option("--store", help="Market store (default: "
                          "$FINNEWS_HOME/market.duckdb, built from <data path>/market when absent).")] = None,
    verify: Annotated[bool, typer.Option("--verify/--no-verify", help="Check each claim against the market "
                      "data (when there is any).")] = True,
) -> None:
    """Check-worthy claims with their type (market_data, valuation, fundamentals, forecast,
    macro_policy, historical, definition), status, attribution and figures, and each claim's
    verdict against the market data: supported, contradicted (with the computed value) or
    unverifiable (with the reason); then the article's arithmetic and consistency checks."""
    from nlp.cli.analyze import _available_stages
    from nlp.pipeline import Pipeline

    wanted = ["entities", "figures", "claims"] + (["verify"] if verify else [])
    stages, options = _available_stages(wanted, store_path, as_of)
    documents = AnalysedInputs(inputs, Pipeline(analysis_stages(stages), options))
    for item, doc in documents:
        verdicts = {v.claim: v for v in doc.verdicts}
        rows = []
        for i, c in enumerate(doc.claims):
            figs = [doc.figures[k] for k in c.figures]
            rows.append({"source": item, "text": c.text, "start": c.start, "end": c.end, "type": c.claim_type,
                         "status": c.status, "checkworthy": c.checkworthy, "attributed_to": c.attributed_to,
                         "figures": [f.model_dump(exclude_none=True, exclude={"start", "end"}) for f in figs],
                         "entities": [doc.entities[k].symbol for k in c.entities if doc.entities[k].symbol],
                         **_verdict_fields(verdicts.get(i))})
        checks = [f for f in doc.flags if f.name in ("arithmetic_consistent", "arithmetic_inconsistent",
                                                      "contradictory_figures")]
        if fmt == MentionFormat.json:
            for row in rows:
                typer.echo(json.dumps(row, ensure_ascii=False, default=str))
            for flag in checks:
                typer.echo(json.dumps({"source": item, "check": flag.name, "evidence": flag.evidence},
                                      ensure_ascii=False))
            continue
        Console().print(claims_table(item, rows))
        for flag in checks:
            Console().print(f"{flag.name}: {'; '.join(flag.evidence)}", highlight=False, markup=False)
    documents.exit()


def claims_table(title: str, rows: list[dict]) -> Table:
    """The claims of one article as ``finnews claims`` prints them: one block per claim, readable
    at 80 columns. The first line gives the verdict and the claim cut to one line with an
    ellipsis (``--format json`` has it whole); the next, the claim's type and why the verdict
    was given, wrapped in full. Text is data: no rich markup is read from it."""
    table = Table(title=Text(title), box=box.SIMPLE_HEAD, pad_edge=False, expand=False,
                  caption="claims cut to one line: --format json has them whole" if rows else "no claims",
                  caption_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("verdict / type", no_wrap=True)
    table.add_column("claim / why", ratio=1, overflow="fold")
    for n, row in enumerate(rows, 1):
        if n > 1:
            table.add_row()
        claim = Text(" ".join(row["text"].split()), no_wrap=True, overflow="ellipsis")
        table.add_row(str(n), Text(row.get("verdict") or "-", style=_VERDICT_STYLES.get(row.get("verdict"), "")),
                      claim)
        table.add_row("", Text(row.get("type") or "-", style="dim"), Text(f"why: {row.get('why') or '-'}"))
    return table


_VERDICT_STYLES = {"contradicted": "bold red", "supported": "green", "unverifiable": "yellow"}


def _verdict_fields(verdict) -> dict:
    """A verdict as the claims command shows it: the verdict, a line saying why (the query,
    the computed value and the stated tolerance, or the reason), and the checks in full."""
    if verdict is None:
        return {}
    check = verdict.deciding
    if check is not None and check.computed is not None:
        span = f"{check.window_start} to {check.window_end}" if check.window_start != check.window_end else \
            str(check.window_end)
        low, high = check.tolerance_low, check.tolerance_high
        stated = ("" if low is None and high is None else f", stated {low:g} or more" if high is None
                  else f", stated {high:g} or less" if low is None else f", stated {low:g} to {high:g}")
        why = f"{check.measure} of {check.instrument} ({span}): computed {check.computed:g}{stated}"
        if check.reason and verdict.verdict != "supported" and not check.reason.startswith("computed"):
            why += f"; {check.reason}"
    else:
        why = verdict.reason or ""
    return {"verdict": verdict.verdict, "why": why, "reason": verdict.reason, "reason_kind": verdict.reason_kind,
            "checks": [c.model_dump(mode="json", exclude_none=True) for c in verdict.checks]}
