"""``finnews analyze``: every input through every stage, in parallel, incrementally.

* Discovery: files (html, htm, txt, md, and JSON Lines feeds whose rows carry url / title /
  published and html or text) under the given paths, recursively, in a stable order.
* Work unit: one article. Its result (the document JSON) is cached under
  ``OUT/cache/<sha256 of input bytes + pipeline fingerprint>.json``, written atomically the
  moment it is done, so a rerun on an unchanged folder does no model work and an
  interrupted run (Ctrl-C, kill -9) resumes where it stopped.
* Parallel: a process pool (``workers``, default all cores); each worker builds the pipeline
  once (models load once per worker).
* A bad input becomes a row of ``OUT/errors.jsonl`` (path, code, message); the batch goes on.
* Outputs are rebuilt from the cache at the end, each written atomically (see tables.py).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from nlp.io import atomic_write

SUFFIXES = {".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown"}
FEED_SUFFIXES = {".jsonl", ".ndjson"}
STAGES = ["promo", "entities", "figures", "sentiment", "claims", "verify"]


@dataclass
class Item:
    """One article to analyse: a file, or one row of a JSON Lines feed."""

    key: str  # path, or path#line for feed rows
    path: str
    line: int | None = None


@dataclass
class AnalyzeOptions:
    workers: int = 0  # 0: all cores
    stages: list[str] = field(default_factory=lambda: list(STAGES))
    stage_options: dict = field(default_factory=dict)


def discover(paths: list[Path], errors: list[dict]) -> list[Item]:
    items: list[Item] = []
    seen: set[Path] = set()
    for root in paths:
        if root.is_file():
            candidates = [root]
        elif root.is_dir():
            candidates = []
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                dirnames.sort()
                candidates += [Path(dirpath) / f for f in sorted(filenames)]
        else:
            errors.append({"path": str(root), "code": "E101", "message": f"{root}: file not found."})
            continue
        for path in candidates:
            suffix = path.suffix.lower()
            real = path.resolve() if path.exists() else path
            if real in seen:
                continue
            seen.add(real)
            if suffix in SUFFIXES:
                items.append(Item(str(path), str(path)))
            elif suffix in FEED_SUFFIXES:
                items += _feed_items(path, errors)
    return items


def _feed_items(path: Path, errors: list[dict]) -> list[Item]:
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError as err:
        errors.append({"path": str(path), "code": "E102", "message": f"{path}: cannot read the file ({err})."})
        return []
    return [Item(f"{path}#{n}", str(path), n) for n, line in enumerate(lines, 1) if line.strip()]


def fingerprint(options: AnalyzeOptions) -> str:
    """Changes when the stages or their options change, so cached results are not reused."""
    from nlp import __version__

    raw = json.dumps({"v": __version__, "stages": options.stages, "options": options.stage_options}, sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()[:12]


def item_bytes(item: Item) -> bytes:
    if item.line is None:
        return Path(item.path).read_bytes()
    lines = Path(item.path).read_text("utf-8", errors="replace").splitlines()
    return lines[item.line - 1].encode("utf-8")


def cache_key(item: Item, fp: str) -> str:
    return hashlib.sha256(item_bytes(item) + fp.encode()).hexdigest()


# -- worker side ---------------------------------------------------------------------
_PIPELINE = None


def _init_worker(stages: list[str], stage_options: dict) -> None:
    global _PIPELINE
    import torch

    torch.set_num_threads(1)
    _PIPELINE = build_pipeline(stages, stage_options)


def build_pipeline(stages: list[str], stage_options: dict):
    from nlp.pipeline import Pipeline

    return Pipeline(stages, stage_options)


def analyse_item(item: Item, cache_file: str) -> tuple[str, str | None, dict | None]:
    """Run the pipeline on one item and cache the document. Returns (key, cache file or None, error)."""
    from nlp.errors import FinnewsError
    from nlp.parse import load_document

    try:
        if item.line is None:
            doc = load_document(item.path)
        else:
            doc = _feed_document(item)
        doc = _PIPELINE(doc)
    except FinnewsError as err:
        return item.key, None, {"path": item.key, "code": err.code, "message": str(err)}
    except Exception as err:  # noqa: BLE001 - one bad input never stops the batch
        return item.key, None, {"path": item.key, "code": "E499", "message": f"{type(err).__name__}: {err}"}
    atomic_write(Path(cache_file), doc.to_json().encode("utf-8"))
    return item.key, cache_file, None


def _feed_document(item: Item):
    from nlp.errors import Errors, InputError
    from nlp.parse import parse_bytes

    try:
        row = json.loads(item_bytes(item))
    except ValueError as err:
        raise InputError(Errors.E102, path=item.key, reason=f"not a JSON object ({err})") from err
    body = row.get("html") or row.get("text") if isinstance(row, dict) else None
    if not body:
        raise InputError(Errors.E103, path=item.key)
    from nlp.schema import ContentFormat

    fmt = ContentFormat.HTML if row.get("html") else ContentFormat.TEXT
    doc = parse_bytes(body.encode("utf-8"), item.key, content_format=fmt)
    doc.title = row.get("title") or doc.title
    doc.url = row.get("url") or doc.url
    if row.get("published"):
        from nlp.parse.dates import parse_date

        doc.published = parse_date(str(row["published"])) or doc.published
    return doc


def run(items: list[Item], out: Path, options: AnalyzeOptions, progress=None) -> Iterator[tuple[str, str | None, dict | None]]:
    """Analyse what is not cached yet; yield (key, cache file, error) for every item."""
    cache_dir = out / "cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    fp = fingerprint(options)
    todo = []
    for item in items:
        try:
            target = cache_dir / f"{cache_key(item, fp)}.json"
        except OSError as err:
            yield item.key, None, {"path": item.key, "code": "E102", "message": f"{item.key}: cannot read ({err})."}
            continue
        if target.exists():
            yield item.key, str(target), None
        else:
            todo.append((item, str(target)))
    if not todo:
        return
    workers = options.workers or os.cpu_count() or 1
    if workers == 1:
        _init_worker(options.stages, options.stage_options)
        for item, target in todo:
            yield analyse_item(item, target)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker,
                             initargs=(options.stages, options.stage_options)) as pool:
        futures = [pool.submit(analyse_item, item, target) for item, target in todo]
        for future in as_completed(futures):
            yield future.result()
