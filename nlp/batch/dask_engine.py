"""``finnews analyze --engine dask``: the same per-article function
(:func:`nlp.batch.worker.analyse_bytes`) on a dask.distributed cluster.

The client reads each input and ships its bytes, so workers need no access to the input
folder; each worker builds the pipeline once (the first task on it loads the models) and
returns the document JSON, which the client caches and writes exactly as the local engine
does. Without ``--scheduler`` a LocalCluster with one single-threaded worker process per core
is started. Each worker runs its articles in a child process of its own, which it kills and
replaces when an article runs past the time limit (see supervisor.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from nlp.io import atomic_write

_WORKER_POOLS: dict[str, object] = {}


def _analyse_on_worker(key: str, data: bytes, feed_row: bool, stages: list[str], stage_options: dict,
                       fingerprint: str, timeout: float | None = None, fetch: dict | None = None,
                       sidecar: dict | None = None) -> tuple[bytes | None, dict | None, float]:
    """One article in a child process of this dask worker (started once per worker and
    configuration, replaced when an article runs past ``timeout``): a dask task runs in a
    thread, which no signal can stop, and C code would not notice one anyway."""
    from nlp.batch import runner, worker
    from nlp.batch.supervisor import ChildPool

    pool = _WORKER_POOLS.get(fingerprint)
    if pool is None:
        # spawn, not fork: a dask worker runs threads (its event loop), which a fork copies
        # mid-step; a daemonic worker (distributed.worker.daemon) may not start children
        # and runs articles in its own thread, with no limit, as before
        import multiprocessing

        if multiprocessing.current_process().daemon:
            return _analyse_in_thread(key, data, feed_row, stages, stage_options, fingerprint, fetch, sidecar)
        pool = _WORKER_POOLS[fingerprint] = ChildPool(1, worker.init_worker, (stages, stage_options), start="spawn")
    task = (key, worker.analyse_task, (key, data, feed_row, timeout, fetch, sidecar))
    for _, status, value in pool.results([task], timeout):
        if status == "done":
            return value
        outcome = runner.stopped(key, status, value, timeout)
        return None, outcome.error, outcome.seconds
    raise RuntimeError("no result")  # unreachable: results() yields once per task


_WORKER_PIPELINES: dict[str, object] = {}


def _analyse_in_thread(key: str, data: bytes, feed_row: bool, stages: list[str], stage_options: dict,
                       fingerprint: str, fetch: dict | None = None,
                       sidecar: dict | None = None) -> tuple[bytes | None, dict | None, float]:
    from nlp.batch import worker

    if fingerprint not in _WORKER_PIPELINES:  # once per worker process and configuration
        worker.silence_model_libraries()
        worker.one_thread_per_worker()
        _WORKER_PIPELINES[fingerprint] = worker.build_pipeline(stages, stage_options)
    return worker.analyse_bytes(key, data, feed_row, pipeline=_WORKER_PIPELINES[fingerprint], fetch=fetch,
                                sidecar=sidecar)


def run_dask(todo: list, options, fingerprint: str) -> Iterator:
    """Yield an Outcome per (item, cache file) in ``todo`` as the cluster finishes them."""
    from distributed import Client, LocalCluster, as_completed

    from nlp.batch.runner import Outcome, error_row, item_bytes
    from nlp.errors import Errors

    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        import os

        import dask

        # non-daemonic workers may start the child process that runs their articles
        with dask.config.set({"distributed.worker.daemon": False}):
            cluster = LocalCluster(n_workers=options.workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = {}
        for item, target in todo:
            try:
                data = item_bytes(item)
            except OSError as err:
                yield Outcome(item.key, None, error_row(item.key, Errors.E102, reason=err.strerror or err))
                continue
            future = client.submit(_analyse_on_worker, item.key, data, item.line is not None, options.stages,
                                   options.stage_options, fingerprint, options.timeout, item.fetch, item.sidecar,
                                   pure=False)
            futures[future] = (item, target)
        for future in as_completed(futures):
            item, target = futures.pop(future)
            try:
                payload, error, seconds = future.result()
            except Exception as err:  # noqa: BLE001 - a lost worker fails one article, not the batch
                yield Outcome(item.key, None, error_row(item.key, Errors.E499, reason=f"{type(err).__name__}: {err}"))
                continue
            if payload is None:
                yield Outcome(item.key, None, error, seconds)
            else:
                atomic_write(Path(target), payload)
                yield Outcome(item.key, target, None, seconds)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
