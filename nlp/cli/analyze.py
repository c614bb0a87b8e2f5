"""``finnews analyze``: the main job."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import app, err_console


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (html, htm, txt, md, and .jsonl feeds).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out/analysis"),
    workers: Annotated[int, typer.Option("--workers", "-w", help="Processes (0: all cores).")] = 0,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Verify claims as of this date "
                     "(YYYY-MM-DD) instead of each article's publication date.")] = None,
    store_path: Annotated[Path | None, typer.Option("--store", help="Market store for verification "
                          "(default: $FINNEWS_HOME/market.duckdb; built from <data path>/market when absent).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds one article may take before it is "
                       "stopped and listed in errors.jsonl (0: no limit).")] = 60.0,
) -> None:
    """Analyse every article: blocks and promotion, tickers, figures, sentiment, claims and
    their verdicts. Writes articles.jsonl, Parquet tables, finnews.duckdb and errors.jsonl
    to --out. Results are cached by content: a rerun does only new work, and an interrupted
    run resumes. A bad file is listed in errors.jsonl and the rest goes on."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from nlp.batch.runner import STAGES, AnalyzeOptions, discover, run
    from nlp.batch.tables import write_outputs
    from nlp.schema import Document

    out.mkdir(parents=True, exist_ok=True)
    lock = (out / ".lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        err_console.print(f"[red]error:[/red] another finnews analyze is writing to {out}; wait for it to finish.")
        raise typer.Exit(2) from None
    stages, stage_options = _available_stages(STAGES, store_path, as_of)
    errors: list[dict] = []
    items = discover(paths, errors)
    done: dict[str, str] = {}
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  "{task.fields[rate]}", TimeRemainingColumn(), console=err_console, transient=False) as bar:
        task = bar.add_task("analysing", total=len(items), rate="")
        for outcome in run(items, out, AnalyzeOptions(workers, stages, stage_options, timeout or None)):
            if outcome.error:
                errors.append(outcome.error)
            else:
                done[outcome.key] = outcome.cache_file
            speed = bar.tasks[0].speed
            bar.update(task, advance=1, rate=f"{speed:.1f} articles/s" if speed else "")
    order = {item.key: i for i, item in enumerate(items)}
    docs = [Document.from_json(Path(done[k]).read_text("utf-8")) for k in sorted(done, key=order.get)]
    write_outputs(out, docs, errors)
    from nlp.batch.report import write_report

    write_report(out, docs)
    typer.echo(json.dumps({"articles": len(docs), "errors": len(errors), "stages": stages, "out": str(out)}))
    for e in errors:
        err_console.print(f"[yellow]skipped:[/yellow] {e['message']}", highlight=False)


def _available_stages(stages: list[str], store_path: Path | None, as_of: str | None) -> tuple[list[str], dict]:
    """Every stage whose model or data is here; say which are left out and why."""
    from nlp.sentiment.model import DEFAULT_MODEL

    chosen, options = list(stages), {}
    if not (DEFAULT_MODEL / "config.json").exists():
        chosen.remove("sentiment")
        err_console.print("[yellow]note:[/yellow] no sentiment model in models/; sentiment is left out")
    store = _market_store(store_path)
    if store is None:
        chosen.remove("verify")
        err_console.print("[yellow]note:[/yellow] no market data; claim verification is left out")
    else:
        options["verify"] = {"store": str(store), "as_of": as_of}
    return chosen, options


def _market_store(store_path: Path | None) -> Path | None:
    from nlp.config import data_path
    from nlp.errors import FinnewsError
    from nlp.market.store import MarketStore, default_store_path, import_paths

    path = store_path or default_store_path()
    if path.exists():
        return path
    try:
        market = data_path().require("market")
    except FinnewsError:
        return None
    err_console.print(f"building the market store {path} from {market} (once)")
    with MarketStore(path) as store:
        import_paths(store, [market], on_error=lambda p, e: None)
    return path


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
        err_console.print(f"[red]error:[/red] {err}")
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
) -> None:
    """Sentiment series per day or week: mean/median score, counts, positive/negative shares,
    dispersion, promotional articles excluded and near-duplicates collapsed; no look-ahead."""
    from nlp.batch.series import build_series
    from nlp.io import atomic_write_with
    from nlp.market.store import default_store_path

    if freq not in ("D", "W"):
        err_console.print("[red]error:[/red] --freq is D or W")
        raise typer.Exit(2)
    frame = build_series(folder, target, freq, (store_path or default_store_path()) if returns else None)
    atomic_write_with(out, lambda tmp: frame.to_parquet(tmp, index=False))
    typer.echo(frame.to_string(index=False))
