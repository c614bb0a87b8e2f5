"""Batch analysis: the Python face of ``finnews analyze``.

    from nlp.batch import analyze
    result = analyze(["corpora/pages"], "out/run")       # outputs as the CLI writes them
    result.docs[0].sentiment, result.errors, result.out

One run at a time per output folder (a lock, E112). The CLI adds the progress bar and the
market store set-up.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from nlp.batch.runner import (
    AnalyzeOptions,
    Item,
    Outcome,
    default_stages,
    discover,
    name_bytes,
    run,
    text_name,
)
from nlp.batch.tables import TABLES
from nlp.errors import Errors, PipelineError
from nlp.io import atomic_write

# every file the outputs consist of (besides the cache and the per-article report pages)
OUTPUTS = ("articles.jsonl", "errors.jsonl", *(f"{name}.parquet" for name in TABLES), "finnews.duckdb",
           "report.html")

__all__ = ["default_stages", "AnalyzeOptions", "BatchResult", "Inputs", "Item", "Outcome", "analyze", "discover",
           "find_inputs", "run"]


@dataclass
class BatchResult:
    out: Path
    sources: list[tuple[str, str]]  # (input, its cached document file), in input order
    errors: list[dict]
    rewritten: bool = True  # False when the outputs already matched this run and were kept

    @cached_property
    def docs(self) -> list:
        """The analysed documents (nlp.schema.Document), in input order; read on first use."""
        from nlp.schema import Document

        docs = []
        for key, cache_file in self.sources:
            doc = Document.from_json(Path(cache_file).read_text("utf-8"))
            # the cache is by content: a second file with the same bytes shares the first
            # one's document, but keeps its own source (as text: see runner.text_name)
            doc.source = text_name(key)
            docs.append(doc)
        return docs


_MANIFEST = ".outputs.json"  # what the outputs were last built from


@dataclass
class Inputs:
    """What :func:`find_inputs` found: the items to analyse, and an error row for every path
    that is missing, unreadable or of a type analyze does not read."""

    items: list[Item]
    errors: list[dict]


def find_inputs(paths: list[str | Path]) -> Inputs:
    """Discover the inputs under ``paths`` (nothing is written)."""
    errors: list[dict] = []
    items = discover([Path(p) for p in paths], errors)
    return Inputs(items, errors)


def analyze(paths: list[str | Path], out: str | Path, options: AnalyzeOptions | None = None,
            on_outcome=None, on_start=None, inputs: Inputs | None = None) -> BatchResult:
    """Analyse every input under ``paths`` into ``out`` (cache, tables, DuckDB, report).
    ``on_start(n)`` is called once the n inputs are found, ``on_outcome(outcome)`` as each
    article finishes. ``inputs``: what :func:`find_inputs` already found for ``paths``."""
    out = Path(out)
    found = inputs if inputs is not None else find_inputs(paths)
    out.mkdir(parents=True, exist_ok=True)
    with output_lock(out):
        return _analyze_locked(found, out, options or AnalyzeOptions(), on_outcome, on_start)


@contextmanager
def output_lock(out: Path):
    """Hold ``out/.lock`` for the run: a second run on the same folder fails at once (E112).
    Under the lock, temporary files left by a run that was killed while writing are removed."""
    with (out / ".lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PipelineError(Errors.E112, path=out) from None
        for folder in (out, out / "cache"):
            for stale in folder.glob(".*.tmp"):  # atomic_write_with's names; no run is writing now
                stale.unlink(missing_ok=True)
        yield


def _analyze_locked(found: Inputs, out: Path, options: AnalyzeOptions, on_outcome, on_start) -> BatchResult:
    from nlp.batch.report import write_report
    from nlp.batch.tables import write_outputs

    errors, items = list(found.errors), found.items
    if on_start is not None:
        on_start(len(items))
    done: dict[str, str] = {}
    for outcome in run(items, out, options):
        if outcome.error:
            errors.append(outcome.error)
        else:
            done[outcome.key] = outcome.cache_file
        if on_outcome is not None:
            on_outcome(outcome)
    order = {item.key: i for i, item in enumerate(items)}
    result = BatchResult(out, [(key, done[key]) for key in sorted(done, key=order.get)], errors)
    state = _state_digest(result)
    if _outputs_match(out, state):
        result.rewritten = False  # an unchanged folder: nothing to analyse, nothing to rewrite
        return result
    write_outputs(out, result.docs, errors, [name_bytes(key) for key, _ in result.sources])
    write_report(out, result.docs, options.stage_options.get("verify", {}).get("store"))
    atomic_write(out / _MANIFEST, json.dumps({"state": state, "outputs": list(OUTPUTS)}).encode())
    return result


def _state_digest(result: BatchResult) -> str:
    """Everything the outputs are built from: each input with its cached document (whose name
    is the hash of the input's bytes and of the pipeline's fingerprint), and the error rows."""
    raw = json.dumps([[(key, Path(f).name) for key, f in result.sources], result.errors], sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()


def _outputs_match(out: Path, state: str) -> bool:
    try:
        manifest = json.loads((out / _MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("state") == state and all((out / name).is_file() for name in manifest.get("outputs", ()))
