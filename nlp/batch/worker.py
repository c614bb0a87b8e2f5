"""The worker side of ``finnews analyze``: what runs in the child processes (see
supervisor.py) and on dask workers — build the pipeline once, then turn one input's bytes into
a document JSON or an error row.

Kept apart from runner.py (discovery, cache keys, the parent's loop) because this is the
code a child imports and runs per article; the parent only hands it tasks.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import threading
import time
from pathlib import Path

from nlp.batch.runner import Item, Outcome, error_row, item_bytes, text_name
from nlp.io import atomic_write
from nlp.models import silence_model_libraries

_PIPELINE = None
_INIT_ERROR: str | None = None  # why this worker could not build its pipeline


def init_worker(stages: list[str], stage_options: dict) -> None:
    """Build the worker's pipeline. A failure is kept and reported by every task (E404)
    instead of raised: an initializer that raises breaks the whole pool with a traceback."""
    global _PIPELINE, _INIT_ERROR
    _INIT_ERROR = None
    silence_model_libraries()
    one_thread_per_worker()
    try:
        _PIPELINE = build_pipeline(stages, stage_options)
    except Exception as err:  # noqa: BLE001 - reported once by the parent, see runner.run()
        _INIT_ERROR = f"{type(err).__name__}: {err}"


def one_thread_per_worker() -> None:
    """A worker is one core: model inference (onnxruntime, and torch when a torch backend is
    used) and the BLAS/OpenMP pools under numpy and spaCy each get one thread, or N workers
    would run N × cores threads and slow each other down."""
    from nlp.models.encoders import limit_threads

    limit_threads(1)
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:  # comes with scikit-learn; without it the pools keep their default
        pass


def build_pipeline(stages: list[str], stage_options: dict):
    from nlp.pipeline import Pipeline

    return Pipeline(stages, stage_options)


class _Timeout(BaseException):
    """BaseException, so that no ``except Exception`` inside a stage swallows it."""


def _alarm(signum, frame):
    raise _Timeout


def analyse_bytes(key: str, data: bytes, feed_row: bool, timeout: float | None = None, pipeline=None,
                  fetch: dict | None = None, sidecar: dict | None = None) -> tuple[bytes | None, dict | None, float]:
    """The per-article function of every engine: one input's bytes through the worker's
    pipeline. Returns (document JSON or None, error row or None, seconds)."""
    from nlp.errors import Errors, FinnewsError
    from nlp.parse import apply_sidecar, parse_bytes

    start = time.perf_counter()
    name = text_name(key)  # the document's source: text, valid in every output
    # a signal can only interrupt the main thread: dask runs tasks in threads, without a limit
    limited = bool(timeout) and threading.current_thread() is threading.main_thread()
    if limited:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        if fetch is not None:
            from nlp.batch.fetched import fetched_document

            doc = fetched_document(name, data, fetch)
        else:
            doc = _feed_document(name, data) if feed_row else parse_bytes(data, name)
            apply_sidecar(doc, sidecar or {})
        return (pipeline or _PIPELINE)(doc).to_json().encode("utf-8"), None, time.perf_counter() - start
    except _Timeout:
        error = error_row(key, Errors.E111, seconds=timeout)
    except FinnewsError as err:
        error = error_row(key, err.code, **err.fields)
    except Exception as err:  # noqa: BLE001 - one bad input never stops the batch
        error = error_row(key, Errors.E499, reason=f"{type(err).__name__}: {err}")
    finally:
        if limited:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return None, error, time.perf_counter() - start


def analyse_task(key: str, data: bytes, feed_row: bool, timeout: float | None, fetch: dict | None = None,
                 sidecar: dict | None = None) -> tuple[bytes | None, dict | None, float]:
    """:func:`analyse_bytes` in a child process set up by :func:`init_worker` (the dask engine's:
    it ships bytes, so the item's manifest row and sidecar travel with them)."""
    from nlp.errors import Errors

    if _INIT_ERROR is not None:
        return None, error_row(key, Errors.E404, reason=_INIT_ERROR), 0.0
    return analyse_bytes(key, data, feed_row, timeout, fetch=fetch, sidecar=sidecar)


def analyse_item(item: Item, cache_file: str, timeout: float | None = None) -> Outcome:
    """Analyse one item in this process and cache its document the moment it is done."""
    from nlp.errors import Errors, FinnewsError

    if _INIT_ERROR is not None:
        return Outcome(item.key, None, error_row(item.key, Errors.E404, reason=_INIT_ERROR), fatal=_INIT_ERROR)
    try:
        data = _read_file(item.path) if item.line is None else item_bytes(item)
    except OSError as err:
        return Outcome(item.key, None, error_row(item.key, Errors.E102, reason=err.strerror or err))
    except FinnewsError as err:  # the size and file-type checks
        return Outcome(item.key, None, error_row(item.key, err.code, **err.fields))
    payload, error, seconds = analyse_bytes(item.key, data, item.line is not None, timeout, fetch=item.fetch,
                                            sidecar=item.sidecar)
    if payload is None:
        return Outcome(item.key, None, error, seconds)
    atomic_write(Path(cache_file), payload)
    return Outcome(item.key, cache_file, None, seconds)


def _read_file(path: str) -> bytes:
    from nlp.errors import Errors, InputError
    from nlp.parse import ParseOptions

    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise InputError(Errors.E110, path=path, kind="special file")
    limit = ParseOptions().max_input_bytes
    if info.st_size > limit:
        raise InputError(Errors.E105, path=path, size=info.st_size, limit=limit)
    return Path(path).read_bytes()


def _feed_document(key: str, data: bytes):
    from nlp.errors import Errors, InputError
    from nlp.parse import parse_bytes

    try:
        row = json.loads(data)
    except ValueError as err:
        raise InputError(Errors.E102, path=key, reason=f"not a JSON object ({err})") from err
    body = row.get("html") or row.get("text") if isinstance(row, dict) else None
    if not body or not isinstance(body, str):
        raise InputError(Errors.E103, path=key)
    from nlp.schema import ContentFormat

    fmt = ContentFormat.HTML if row.get("html") else ContentFormat.TEXT
    doc = parse_bytes(body.encode("utf-8", "replace"), key, content_format=fmt)
    text_field = lambda name: row.get(name) if isinstance(row.get(name), str) else None  # noqa: E731
    doc.title = text_field("title") or doc.title
    doc.url = text_field("url") or doc.url
    if row.get("published"):
        from nlp.parse.dates import parse_date

        doc.published = parse_date(str(row["published"])) or doc.published
    return doc
