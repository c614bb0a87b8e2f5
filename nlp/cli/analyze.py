"""``finnews analyze``: the main job."""

from __future__ import annotations

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
    only: Annotated[str | None, typer.Option("--stages", help="Comma-separated stages to run, of "
                    "promo,entities,figures,sentiment,claims,verify (default: all that can run).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds one article may take before it is "
                       "stopped and listed in errors.jsonl (0: no limit).")] = 60.0,
    engine: Annotated[str, typer.Option("--engine", help="local: a process pool on this machine; dask: a "
                      "dask.distributed cluster (pip install 'finnews[dask]').")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address "
                         "(tcp://host:8786); without it --engine dask starts a LocalCluster.")] = None,
) -> None:
    """Analyse every article: blocks and promotion, tickers, figures, sentiment, claims and
    their verdicts. Writes articles.jsonl, Parquet tables, finnews.duckdb and errors.jsonl
    to --out. Results are cached by content: a rerun does only new work, and an interrupted
    run resumes. A bad file is listed in errors.jsonl and the rest goes on."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from nlp.batch import STAGES, AnalyzeOptions, analyze as analyze_batch

    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"--engine must be local or dask, not {engine!r}")
    if engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            err_console.print("[red]error:[/red] --engine dask needs dask.distributed: pip install 'finnews[dask]'")
            raise typer.Exit(2) from None
    wanted = STAGES
    if only:
        wanted = [name.strip() for name in only.split(",") if name.strip()]
        unknown = sorted(set(wanted) - set(STAGES))
        if unknown:
            raise typer.BadParameter(f"unknown stage(s) {', '.join(unknown)}; choose from {', '.join(STAGES)}")
        wanted = [name for name in STAGES if name in wanted]  # pipeline order
    stages, stage_options = _available_stages(wanted, store_path, as_of)
    options = AnalyzeOptions(workers, stages, stage_options, timeout or None, engine, scheduler)
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  "{task.fields[rate]}", TimeRemainingColumn(), console=err_console, transient=False) as bar:
        task = bar.add_task("analysing", total=None, rate="")

        def advance(outcome) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, advance=1, rate=f"{speed:.1f} articles/s" if speed else "")

        result = analyze_batch(paths, out, options, on_outcome=advance,
                               on_start=lambda n: bar.update(task, total=n))
    errors = result.errors
    typer.echo(json.dumps({"articles": len(result.sources), "errors": len(errors), "stages": stages,
                           "out": str(out), "rewritten": result.rewritten}))
    for e in errors:
        err_console.print(f"[yellow]skipped:[/yellow] {e['message']}", highlight=False)


def _available_stages(stages: list[str], store_path: Path | None, as_of: str | None) -> tuple[list[str], dict]:
    """Every stage whose model or data is here; say which are left out and why."""
    from nlp.sentiment.model import DEFAULT_MODEL

    chosen, options = list(stages), {}
    if "sentiment" in chosen and not (DEFAULT_MODEL / "config.json").exists():
        chosen.remove("sentiment")
        err_console.print("[yellow]note:[/yellow] no sentiment model in models/; sentiment is left out")
    if "verify" in chosen:
        store = _market_store(store_path)
        if store is None:
            chosen.remove("verify")
            err_console.print("[yellow]note:[/yellow] no market data; claim verification is left out")
        else:
            options["verify"] = {"store": str(store), "as_of": as_of}
    return chosen, options


def _market_store(store_path: Path | None) -> Path | None:
    from nlp.market.store import ensure_store

    return ensure_store(store_path, lambda path, market: err_console.print(
        f"building the market store {path} from {market} (once)"))
