"""``finnews analyze``: every input through every stage, in parallel, incrementally.

* Discovery: files (html, htm, txt, md, and JSON Lines feeds whose rows carry url / title /
  published and html or text) under the given paths, recursively, in a stable order.
* Work unit: one article. Its result (the document JSON) is cached under
  ``OUT/cache/<sha256 of input bytes + pipeline fingerprint>.json``, written atomically the
  moment it is done, so a rerun on an unchanged folder does no model work and an
  interrupted run (Ctrl-C, kill -9) resumes where it stopped.
* Parallel: ``workers`` child processes (default all cores; one child for ``workers=1``),
  each building the pipeline once (models load once per worker), see supervisor.py; what
  runs in them is worker.py.
* A bad input becomes a row of ``OUT/errors.jsonl`` (path, code, message); the batch goes on.
  Only regular files are read (a FIFO would block, a symlink loop never resolves), and one
  article gets at most ``timeout`` seconds (E111): a child still busy after that, even in C
  code, is killed and replaced, as is one that dies (E114), so no input can hang the batch.
  Input past ``ParseOptions.max_parse_bytes`` is cut before parsing (W111), so a 30 MB file
  costs what its first 2 MB cost.
* Outputs are rebuilt from the cache at the end, each written atomically (see tables.py).
* File names are data: a name that is not valid UTF-8 (b'caf\\xe9.txt') is kept exactly in
  memory (Python's surrogate escapes, as ``os.fsdecode`` gives it) and written out as text
  with replacement characters (:func:`text_name`) plus its exact bytes in hex
  (:func:`name_bytes`, the ``source_bytes`` column and error-row field).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.batch.supervisor import ChildPool

SUFFIXES = {".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown"}
FEED_SUFFIXES = {".jsonl", ".ndjson"}


def default_stages() -> list[str]:
    """Every built-in stage, in the order their declarations give (nlp.pipeline)."""
    from nlp.pipeline import builtin_order

    return builtin_order()


@dataclass
class Item:
    """One article to analyse: a file, or one row of a JSON Lines feed."""

    key: str  # path, or path#line for feed rows, or the URL of a fetched page
    path: str
    line: int | None = None
    offset: int = 0  # a feed row: where its bytes start in the file, and how many there are
    size: int = 0
    fetch: dict | None = None  # a fetched page's manifest row (see fetched.py)
    sidecar: dict | None = None  # a text file's NAME.meta.json (published, title, author, url)


@dataclass
class AnalyzeOptions:
    workers: int = 0  # 0: all cores
    stages: list[str] = field(default_factory=default_stages)
    stage_options: dict = field(default_factory=dict)
    timeout: float | None = 60.0  # seconds per article; None: no limit
    engine: str = "local"  # local (process pool) or dask (dask.distributed, see dask_engine.py)
    scheduler: str | None = None  # dask scheduler address; None: a LocalCluster


@dataclass
class Outcome:
    """What became of one item: its cached document, or an error row; and how long it took."""

    key: str
    cache_file: str | None
    error: dict | None
    seconds: float = 0.0
    fatal: str | None = None  # why the worker's pipeline could not be built (no item can succeed)


def text_name(name: str) -> str:
    """``name`` as valid text: the bytes of a file name that are not UTF-8 (surrogate escapes)
    become U+FFFD, so the name can be written to JSON, Parquet and DuckDB."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        return name.encode("utf-8", "replace").decode("utf-8")


def name_bytes(name: str) -> str | None:
    """The exact bytes of a file name in hex (``os.fsencode``), or None when the name is valid
    UTF-8 and its text says it all. ``bytes.fromhex`` gives the name back."""
    if text_name(name) == name:
        return None
    try:
        return os.fsencode(name).hex()
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogatepass").hex()


def error_row(path: str, code, /, **fields: object) -> dict:
    """A row of errors.jsonl, its message from :class:`nlp.errors.Errors` (``code`` is a member
    or its name). A name that is not valid UTF-8 is written as text with
    replacement characters, and exactly in ``source_bytes``."""
    from nlp.errors import Errors

    code = code.name if isinstance(code, Errors) else code
    fields = {k: v for k, v in fields.items() if k != "path"}  # the row's own path names the input
    text = text_name(path)
    message = Errors[code].value.format(path=text, **fields)
    row = {"path": text, "code": code, "message": text_name(message)}
    exact = name_bytes(path)
    if exact is not None:
        row["source_bytes"] = exact
    return row


def known_types() -> tuple[str, str]:
    """The suffixes analyze reads, as text for messages: (files, feeds)."""
    return ", ".join(sorted(SUFFIXES)), ", ".join(sorted(FEED_SUFFIXES))


def discover(paths: list[Path], errors: list[dict]) -> list[Item]:
    """The items under ``paths``; a path that is missing, unreadable or (named explicitly) of a
    type analyze does not read becomes a row of ``errors``. In a folder, files of other types
    are skipped silently."""
    from nlp.batch import fetched
    from nlp.errors import Errors

    items: list[Item] = []
    seen: set[Path] = set()
    for root in paths:
        if root.is_file() and root.suffix.lower() == fetched.BODY:
            items.append(fetched.body_item(root, errors))
            continue
        if root.is_file():
            suffix = root.suffix.lower()
            if suffix not in SUFFIXES and suffix not in FEED_SUFFIXES:
                files, feeds = known_types()
                errors.append(error_row(str(root), Errors.E113, suffix=suffix or "no suffix",
                                        known=files, feeds=feeds))
                continue
            candidates = [root]
        elif root.is_dir():
            candidates = []
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                dirnames.sort()
                if fetched.is_fetch_folder(Path(dirpath)):  # read through its manifest, not as a feed
                    items += fetched.fetch_items(Path(dirpath), errors)
                    dirnames[:] = [d for d in dirnames if d != fetched.PAGES]
                    filenames = [f for f in filenames if f != fetched.MANIFEST]
                candidates += [Path(dirpath) / f for f in sorted(filenames)]
        else:
            errors.append(error_row(str(root), Errors.E101))
            continue
        for path in candidates:
            suffix = path.suffix.lower()
            if suffix not in SUFFIXES and suffix not in FEED_SUFFIXES:
                continue
            try:
                mode = path.stat().st_mode  # follows symlinks: a loop or a dangling link fails here
            except OSError as err:
                errors.append(error_row(str(path), Errors.E102, reason=err.strerror or err))
                continue
            if not stat.S_ISREG(mode):
                kind = "FIFO" if stat.S_ISFIFO(mode) else "directory" if stat.S_ISDIR(mode) else "special file"
                errors.append(error_row(str(path), Errors.E110, kind=kind))
                continue
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            if suffix in SUFFIXES:
                from nlp.parse import read_sidecar

                items.append(Item(str(path), str(path), sidecar=read_sidecar(path) or None))
            elif suffix in FEED_SUFFIXES:
                items += _feed_items(path, errors)
    return items


def _feed_items(path: Path, errors: list[dict]) -> list[Item]:
    """One item per non-blank line, with where the line lies in the file: the feed is read
    once, here, and each row later by seeking to it (a feed with an 8 MB row and 20,000 short
    ones is read once, not once per row). Rows end at a newline only, as JSON Lines says: a
    JSON string may hold U+2028 or a lone carriage return."""
    from nlp.errors import Errors

    items: list[Item] = []
    try:
        with path.open("rb") as feed:
            offset = 0
            for n, raw in enumerate(feed, 1):
                if raw.strip():
                    items.append(Item(f"{path}#{n}", str(path), n, offset=offset, size=len(raw)))
                offset += len(raw)
    except OSError as err:
        errors.append(error_row(str(path), Errors.E102, reason=err.strerror or err))
        return []
    return items


def fingerprint(options: AnalyzeOptions) -> str:
    """Changes when the stages, their options, the models or the rule data change, so cached
    results are never reused across them."""
    from nlp import __version__

    raw = json.dumps({"v": __version__, "stages": options.stages, "options": options.stage_options,
                      "files": _model_and_rule_files_digest()}, sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()[:12]


@lru_cache(maxsize=1)
def _model_and_rule_files_digest() -> str:
    """A hash of the models the stages load and of the rule data (lexicons, cue lists, alias
    tables): a retrained model or an edited cue list must not meet stale cached results."""
    return files_digest(ROOT, fingerprinted_files(ROOT))


ROOT = Path(__file__).resolve().parents[2]


def fingerprinted_files(root: Path) -> list[Path]:
    return sorted(p for p in [*(root / "nlp").glob("*/data/**/*"), *(root / "models" / "sentiment-minilm").glob("*"),
                              *(root / "models" / "checkworthy-head").glob("*")]
                  if p.is_file() and p.name != "README.md")


def files_digest(root: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def item_bytes(item: Item) -> bytes:
    if item.line is None:
        return Path(item.path).read_bytes()
    with open(item.path, "rb") as feed:
        feed.seek(item.offset)
        raw = feed.read(item.size)
    # as text: undecodable bytes replaced, the line break dropped
    return raw.decode("utf-8", errors="replace").rstrip("\r\n").encode("utf-8")


def cache_key(item: Item, fp: str) -> str:
    # a fetched page is parsed with its manifest row (URL, content type): part of its key
    # and a text file's sidecar metadata: editing it re-analyses the article
    extra = json.dumps(item.fetch, sort_keys=True).encode() if item.fetch else b""
    extra += json.dumps(item.sidecar, sort_keys=True).encode() if item.sidecar else b""
    return hashlib.sha256(item_bytes(item) + fp.encode() + extra).hexdigest()


def run(items: list[Item], out: Path, options: AnalyzeOptions) -> Iterator[Outcome]:
    """Analyse what is not cached yet; yield an :class:`Outcome` for every item. Raises
    :class:`nlp.errors.PipelineError` (E404) when the pipeline cannot be built at all."""
    from nlp.errors import Errors

    cache_dir = out / "cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    fp = fingerprint(options)
    todo = []
    for item in items:
        try:
            target = cache_dir / f"{cache_key(item, fp)}.json"
        except OSError as err:
            yield Outcome(item.key, None, error_row(item.key, Errors.E102, reason=err.strerror or err))
            continue
        if target.exists():
            yield Outcome(item.key, str(target), None)
        else:
            todo.append((item, str(target)))
    # inputs with the same bytes (a feed repeating a wire story) share one cache file: the
    # first is analysed, the others take its result
    copies: dict[str, list[Item]] = {}
    unique = []
    for item, target in todo:
        if target not in copies:
            unique.append((item, target))
        copies.setdefault(target, []).append(item)
    targets = {item.key: target for item, target in unique}
    for outcome in _analysed(unique, options, fp):
        yield outcome
        first, *others = copies[targets[outcome.key]]
        for item in others:
            error = outcome.error and _error_of(item.key, outcome.error, first.key)
            yield Outcome(item.key, outcome.cache_file, error)


def _error_of(key: str, row: dict, first: str) -> dict:
    """``row`` (the error of input ``first``) as the error of ``key``, an input with the same bytes."""
    copy = {k: v for k, v in row.items() if k != "source_bytes"}
    copy["path"] = text_name(key)
    copy["message"] = row["message"].replace(text_name(first), text_name(key), 1)
    exact = name_bytes(key)
    if exact is not None:
        copy["source_bytes"] = exact
    return copy


def _analysed(todo: list, options: AnalyzeOptions, fp: str) -> Iterator[Outcome]:
    if not todo:
        return
    if options.engine == "dask":
        from nlp.batch.dask_engine import run_dask

        yield from run_dask(todo, options, fp)
        return
    from nlp.batch.worker import analyse_item, init_worker

    workers = options.workers or os.cpu_count() or 1
    # children even for one worker: only a process of its own can be stopped when an article
    # runs past its time limit in C code (see supervisor.py)
    pool = ChildPool(min(workers, len(todo)), init_worker, (options.stages, options.stage_options))
    try:
        tasks = ((item, analyse_item, (item, target, options.timeout)) for item, target in todo)
        for item, status, value in pool.results(tasks, options.timeout):
            yield _checked(value) if status == "done" else stopped(item.key, status, value, options.timeout)
    finally:
        pool.close()


def stopped(key: str, status: str, exitcode: int | None, timeout: float | None) -> Outcome:
    """The error row of an article whose child process was killed at its deadline (E111) or
    died under it (E114)."""
    from nlp.batch.supervisor import TIMED_OUT, describe
    from nlp.errors import Errors

    if status == TIMED_OUT:
        return Outcome(key, None, error_row(key, Errors.E111, seconds=timeout), seconds=timeout or 0.0)
    return Outcome(key, None, error_row(key, Errors.E114, reason=describe(exitcode)))


def _checked(outcome: Outcome) -> Outcome:
    """``outcome``, unless it says the pipeline could not be built: then no article can be
    analysed, and one error says why instead of one row per article."""
    from nlp.errors import Errors, PipelineError

    if outcome.fatal is not None:
        raise PipelineError(Errors.E404, reason=outcome.fatal)
    return outcome
