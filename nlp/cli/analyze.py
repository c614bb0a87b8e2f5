"""``finnews analyze``: the main job."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated

import typer

from nlp.cli import (
    EXIT_FAILED,
    NORMAL,
    QUIET_OPTION,
    VERBOSE,
    VERBOSE_OPTION,
    app,
    err_console,
    iso_date,
    say,
    set_verbosity,
    show_progress,
)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (html, htm, txt, md, and .jsonl feeds). "
                     "Not URLs: download pages with `finnews fetch` first.", metavar="PATH",
                     show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out/analysis"),
    workers: Annotated[int, typer.Option("--workers", "-w", min=0, help="Processes (0: all cores).")] = 0,
    as_of: Annotated[str | None, typer.Option("--as-of", callback=iso_date, help="Verify claims as of this "
                     "date (YYYY-MM-DD) instead of each article's publication date.")] = None,
    store_path: Annotated[Path | None, typer.Option("--store", help="Market store for verification "
                          "(default: $FINNEWS_HOME/market.duckdb; built from <data path>/market when absent).")] = None,
    only: Annotated[str | None, typer.Option("--stages", help="Comma-separated stages to run (default: all "
                    "that can run); the stages they require are added. `finnews stages` lists them.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0, help="Seconds one article may take before it "
                       "is stopped and listed in errors.jsonl (0: no limit).")] = 60.0,
    engine: Annotated[str, typer.Option("--engine", help="local: a process pool on this machine; dask: a "
                      "dask.distributed cluster (pip install 'finnews\\[dask]').")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address "
                         "(tcp://host:8786); without it --engine dask starts a LocalCluster.")] = None,
    quiet: Annotated[bool, QUIET_OPTION] = False,
    verbose: Annotated[bool, VERBOSE_OPTION] = False,
) -> None:
    """Analyse every article: blocks and promotion, tickers, figures, sentiment, claims and
    their verdicts. Writes articles.jsonl, Parquet tables, finnews.duckdb and errors.jsonl
    to --out. Results are cached by content: a rerun does only new work, and an interrupted
    run resumes. A bad file is listed in errors.jsonl and the rest goes on.

    analyze reads files and folders (and .jsonl feeds), not URLs: fetch pages with
    `finnews fetch` first.

    Exit codes:
    0 every input was analysed;
    1 some inputs failed (each is reported on stderr and listed in errors.jsonl);
    2 a usage error (a bad option, a URL, nothing to analyse): found before any work starts, nothing is written.
    """
    from nlp.batch import AnalyzeOptions, find_inputs
    from nlp.batch import analyze as analyze_batch
    from nlp.batch.runner import known_types
    from nlp.errors import Errors, UsageError
    from nlp.pipeline import builtin_order, with_requirements

    set_verbosity(quiet, verbose)
    # everything that can be checked is checked before any work starts and anything is written
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"--engine must be local or dask, not {engine!r}", param_hint="--engine")
    if engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise typer.BadParameter("--engine dask needs dask.distributed: pip install 'finnews[dask]'",
                                     param_hint="--engine") from None
    elif scheduler:
        raise typer.BadParameter("--scheduler is for --engine dask", param_hint="--scheduler")
    every = builtin_order()
    wanted = every
    if only is not None:
        wanted = [name.strip() for name in only.split(",") if name.strip()]
        unknown = sorted(set(wanted) - set(every))
        if unknown or not wanted:
            raise typer.BadParameter(f"unknown stage(s) {', '.join(unknown) or '(none given)'}; choose from "
                                     f"{', '.join(every)}", param_hint="--stages")
        wanted = with_requirements(wanted)  # pipeline order, with what they need
    for raw in paths:
        if _looks_like_url(raw):
            raise UsageError(Errors.E120, path=raw)
    if out.exists() and not out.is_dir():
        raise UsageError(Errors.E125, path=out)
    inputs = find_inputs([Path(p) for p in paths])
    if not inputs.items:
        for row in inputs.errors:
            say(f"[{row['code']}] {row['message']}", "error")
        files, feeds = known_types()
        raise UsageError(Errors.E121, known=files, feeds=feeds, paths=", ".join(paths))

    stages, stage_options = _available_stages(wanted, store_path, as_of)
    options = AnalyzeOptions(workers, stages, stage_options, timeout or None, engine, scheduler)
    result = _run_with_progress(analyze_batch, paths, out, options, inputs)
    errors = result.errors
    summary = {"articles": len(result.sources), "errors": len(errors), "stages": stages, "out": str(out),
               "rewritten": result.rewritten}
    if "verify" in stages:
        # claims of an article with no date cannot be placed in time: say how many there are
        undated = [doc.source for doc in result.docs if doc.published is None]
        summary["undated"] = len(undated)
        if undated and not as_of:
            say(f"{len(undated)} article(s) have no publication date, so their market claims are unverifiable "
                "(give a dateline, a NAME.meta.json sidecar with \"published\", or --as-of)", "note", at=NORMAL)
    typer.echo(json.dumps(summary))
    for e in errors:
        say(f"[{e['code']}] {e['message']}", "skipped", at=0)
    if errors:
        say(f"{len(errors)} of {len(errors) + len(result.sources)} inputs failed; see {out / 'errors.jsonl'}",
            "error")
        raise typer.Exit(EXIT_FAILED)


def _looks_like_url(raw: str) -> bool:
    """A URL (scheme://…), or one a shell or a Path has already folded (https:/host/…) and that
    is no existing file."""
    from nlp.parse import is_url

    return is_url(raw) or (bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:/", raw)) and not Path(raw).exists())


def _run_with_progress(analyze_batch, paths, out, options, inputs):
    """The batch, with a progress bar on a terminal and, with --verbose, a line per input."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from nlp.cli import verbosity

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  "{task.fields[rate]}", TimeRemainingColumn(), console=err_console, transient=False,
                  disable=not show_progress()) as bar:
        task = bar.add_task("analysing", total=None, rate="")

        def advance(outcome) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, advance=1, rate=f"{speed:.1f} articles/s" if speed else "")
            if verbosity() >= VERBOSE and outcome.error is None:
                say(f"{outcome.key} ({outcome.seconds:.2f} s)", "done", at=VERBOSE)

        return analyze_batch(paths, out, options, on_outcome=advance, on_start=lambda n: bar.update(task, total=n),
                             inputs=inputs)


def _available_stages(stages: list[str], store_path: Path | None, as_of: str | None) -> tuple[list[str], dict]:
    """Every stage whose model or data is here; say which are left out and why."""
    from nlp.sentiment.model import DEFAULT_MODEL

    chosen, options = list(stages), {}
    if "sentiment" in chosen and not (DEFAULT_MODEL / "config.json").exists():
        chosen.remove("sentiment")
        say("no sentiment model in models/; sentiment is left out", "note", at=NORMAL)
    if "verify" in chosen:
        store = _market_store(store_path)
        if store is None:
            chosen.remove("verify")
            say("no market data; claim verification is left out", "note", at=NORMAL)
        else:
            options["verify"] = {"store": str(store), "as_of": as_of}
    return chosen, options


def _market_store(store_path: Path | None) -> Path | None:
    from nlp.market.store import ensure_store

    return ensure_store(store_path, lambda path, market: say(f"building the market store {path} from {market} (once)",
                                                             at=NORMAL))
