"""The per-article time limit holds when the time is spent in C code (where no signal gets
through), with one worker too; a worker that dies costs one article; feeds are read once."""

import json
import os
import signal
import time
from pathlib import Path

from nlp.batch import runner, worker
from nlp.batch.runner import AnalyzeOptions, Item, _feed_items, cache_key, item_bytes
from nlp.batch.supervisor import DIED, TIMED_OUT, ChildPool


def _nothing() -> None:
    pass


def _stuck_in_c(seconds: float) -> str:
    # a blocked SIGALRM is what C code amounts to: the child's own alarm never gets through
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(seconds)
    return "finished"


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _echo(value):
    return value


def test_a_child_stuck_in_c_is_killed_and_replaced():
    pool = ChildPool(1, _nothing)
    tasks = [("stuck", _stuck_in_c, (60,)), ("next", _echo, ("ok",)), ("dies", _die, ()), ("last", _echo, ("ok",))]
    start = time.monotonic()
    try:
        results = {tag: (status, value) for tag, status, value in pool.results(tasks, timeout=0.5)}
    finally:
        pool.close()
    assert time.monotonic() - start < 20
    assert results["stuck"][0] == TIMED_OUT and results["dies"] == (DIED, -signal.SIGKILL)
    assert results["next"] == ("done", "ok") and results["last"] == ("done", "ok")
    assert pool.replaced == 2


class _Stuck:
    """A pipeline whose article 'stuck' never returns control to Python."""

    def __call__(self, doc):
        if "stuck" in doc.source:
            _stuck_in_c(60)
        return doc


def test_analyze_with_one_worker_stops_an_article_stuck_in_c(tmp_path, monkeypatch):
    monkeypatch.setattr(worker, "build_pipeline", lambda stages, options: _Stuck())  # children are forked
    monkeypatch.setattr(worker, "one_thread_per_worker", lambda: None)  # no torch to import
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "stuck.txt", "z.txt"):
        (folder / name).write_text(f"Small caps rose 3% in {name}.\n")
    items = runner.discover([folder], [])
    start = time.monotonic()
    outcomes = list(runner.run(items, tmp_path / "out", AnalyzeOptions(workers=1, stages=[], timeout=0.5)))
    assert time.monotonic() - start < 30
    by_name = {Path(o.key).name: o for o in outcomes}
    assert by_name["stuck.txt"].error["code"] == "E111"
    assert by_name["a.txt"].cache_file and by_name["z.txt"].cache_file


def test_a_feed_is_read_once_and_rows_by_offset(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [json.dumps({"text": "x" * 2_000_000}), "", json.dumps({"text": "caf\u00e9 \u2028 row"})]
    rows += [json.dumps({"text": f"row {i}"}) for i in range(20_000)]
    feed.write_text("\n".join(rows) + "\r\n", encoding="utf-8")
    start = time.perf_counter()
    items = _feed_items(feed, [])
    keys = {cache_key(item, "fp") for item in items}
    assert time.perf_counter() - start < 10
    assert len(items) == len(keys) == len(rows) - 1
    assert [i.line for i in items[:3]] == [1, 3, 4]
    assert json.loads(item_bytes(items[1]))["text"] == "caf\u00e9 \u2028 row"  # U+2028 does not end a row
    assert item_bytes(items[-1]) == rows[-1].encode()
    assert item_bytes(Item("k", str(feed), 1, 0, 5)) == b'{"tex'


def test_inputs_with_the_same_bytes_are_analysed_once(tmp_path, monkeypatch):
    monkeypatch.setattr(worker, "build_pipeline", lambda stages, options: _Stuck())
    monkeypatch.setattr(worker, "one_thread_per_worker", lambda: None)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text("Small caps rose 3%.\n")
    for name in ("empty-1.txt", "empty-2.txt"):
        (folder / name).write_text("")
    outcomes = list(runner.run(runner.discover([folder], []), tmp_path / "out", AnalyzeOptions(workers=1, stages=[])))
    by_name = {Path(o.key).name: o for o in outcomes}
    assert by_name["a.txt"].cache_file == by_name["b.txt"].cache_file
    assert len(list((tmp_path / "out" / "cache").iterdir())) == 1
    second = by_name["empty-2.txt"].error
    assert second["code"] == "E103" and second["path"].endswith("empty-2.txt")
    assert second["message"].startswith(second["path"])
