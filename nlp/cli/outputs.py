"""``finnews sql`` and ``finnews series``: reading a batch's outputs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import QUIET_OPTION, VERBOSE, VERBOSE_OPTION, app, say, set_verbosity


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL over the views articles, blocks, entities, figures, claims, sentences.")],
    db: Annotated[Path, typer.Option("--db", help="The finnews.duckdb of an analyze output.")] = Path("out/analysis/finnews.duckdb"),
) -> None:
    """Query a batch's tables with SQL (DuckDB)."""
    import duckdb

    from nlp.errors import DataPathError, Errors

    if not db.exists():
        raise DataPathError(Errors.E003, name=db.name, path=db.parent, origin="--db")
    con = duckdb.connect(str(db), read_only=True)
    try:
        frame = con.execute(query).df()
    except duckdb.Error as err:
        say(err, "error")
        raise typer.Exit(2) from None
    import pandas as pd

    with pd.option_context("display.max_columns", None, "display.width", 200, "display.max_colwidth", 60):
        typer.echo(frame.to_string(index=False))


@app.command()
def series(
    folder: Annotated[Path, typer.Argument(help="An analyze output folder.")],
    target: Annotated[str, typer.Option(help="small_caps, large_caps or a symbol.")] = "small_caps",
    freq: Annotated[str, typer.Option(help="D (daily) or W (weekly, ending Friday).")] = "D",
    out: Annotated[Path, typer.Option("--out", "-o", help="Parquet file to write.")] = Path("series.parquet"),
    returns: Annotated[bool, typer.Option("--returns/--no-returns", help="Join forward IWM and IWM−IWB "
                       "returns from the market store.")] = False,
    store_path: Annotated[Path | None, typer.Option("--store", help="Market store for --returns.")] = None,
    quiet: Annotated[bool, QUIET_OPTION] = False,
    verbose: Annotated[bool, VERBOSE_OPTION] = False,
) -> None:
    """Sentiment series per day or week: mean/median score, counts, positive/negative shares,
    dispersion, promotional articles excluded and near-duplicates collapsed; no look-ahead.

    Exit codes: 0 the series was written; 2 a usage error (FOLDER is not an analyze output,
    a bad option), with nothing written."""
    from nlp.batch.series import build_series
    from nlp.errors import Errors, UsageError
    from nlp.io import atomic_write_with
    from nlp.market.store import default_store_path

    set_verbosity(quiet, verbose)
    if freq not in ("D", "W"):
        raise typer.BadParameter("choose D (daily) or W (weekly)", param_hint="--freq")
    if not (folder / "articles.jsonl").is_file():
        raise UsageError(Errors.E123, path=folder)
    if out.is_dir():
        raise typer.BadParameter(f"{out} is a folder; give the Parquet file to write", param_hint="--out")
    frame = build_series(folder, target, freq, (store_path or default_store_path()) if returns else None)
    atomic_write_with(out, lambda tmp: frame.to_parquet(tmp, index=False))
    if frame.empty:
        say(f"no dated article in {folder} has a score toward {target}; the series is empty", "note")
    say(f"{len(frame)} rows -> {out}", at=VERBOSE)
    typer.echo(frame.to_string(index=False))
