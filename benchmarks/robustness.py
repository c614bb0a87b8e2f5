"""Hostile inputs through finnews: does every input end as an article or an error row, does
anything crash or hang, how long does each class of input take, how much memory is needed?

    python benchmarks/robustness.py [--workers 1 2] [--timeout 60] [--big-mb 30] [--cap 20]
                                    [--no-stages] [--no-batch] [--json FILE]

The inputs come from tests/robustness/hostile_corpus.py (about 190 articles and 10 CSVs,
generated in a temporary folder; each input belongs to a class: pattern-trap, big,
big-feed, misc). Three measurements:

* stages: each input alone in a forked child that times parse and then every pipeline
  stage; a child still running after ``--cap`` seconds is killed and the stage it was in is
  reported. Seconds per input, for each class and stage (max and mean).
* discovery: finding the inputs and their cache keys (a feed's rows are read here).
* batch: ``finnews analyze`` as a user runs it, from an empty cache, once per ``--workers``
  value: wall time, exit code (1 is expected: hostile inputs become error rows), whether a
  traceback was printed, error codes, seconds per input per class (from --verbose) and peak
  memory (the largest process, and all processes of the run together, sampled every 0.2 s),
  and CPU seconds of the run and its workers (what the run costs whatever else the machine
  is doing).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.batch.runner import default_stages  # noqa: E402
from tests.robustness.hostile_corpus import build  # noqa: E402

STAGES = default_stages()

CLI = [sys.executable, "-c", "from nlp.cli import main; main()"]


# -- stages: one input at a time, in a forked child with a cap -----------------------------
def _time_stages(path: str, pipeline, conn) -> None:
    from nlp.errors import FinnewsError
    from nlp.parse import load_document

    t = time.perf_counter()
    conn.send(("parse", None))
    try:
        doc = load_document(path)
    except FinnewsError as err:
        conn.send(("parse", time.perf_counter() - t))
        conn.send(("error", err.code))
        conn.send(("done", None))
        return
    conn.send(("parse", time.perf_counter() - t))
    for stage in pipeline._stages if pipeline is not None else []:
        conn.send((stage.name, None))
        t = time.perf_counter()
        try:
            doc = stage(doc)
        except Exception as err:  # noqa: BLE001 - measured, not fixed, here
            conn.send(("error", f"{stage.name}: {type(err).__name__}"))
        conn.send((stage.name, time.perf_counter() - t))
    conn.send(("done", None))


def stage_times(files: list[tuple[str, str]], stages: list[str], options: dict, cap: float) -> dict:
    """{file: {"group", stage: seconds, ..., "killed": stage or None}} with every stage of a
    file timed in a child forked from a parent that already loaded the models."""
    from nlp.batch.worker import build_pipeline, one_thread_per_worker, silence_model_libraries

    silence_model_libraries()
    one_thread_per_worker()
    pipeline = build_pipeline(stages, options) if stages else None
    ctx = multiprocessing.get_context("fork")
    results = {}
    for path, group in files:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_time_stages, args=(path, pipeline, child), daemon=True)
        proc.start()
        child.close()
        row: dict = {"group": group, "killed": None}
        current = None
        deadline = time.monotonic() + cap
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not parent.poll(left):
                if proc.is_alive():
                    proc.kill()
                    row["killed"] = current or "?"
                    row[current or "?"] = cap
                break
            try:
                name, value = parent.recv()
            except EOFError:
                row["killed"] = row["killed"] or "died"
                break
            if name == "done":
                break
            if name == "error":
                row["error"] = value
            elif value is None:
                current = name
            else:
                row[name] = round(value, 3)
        proc.join()
        results[Path(path).name] = row
    return results


def per_class(rows: dict, columns: list[str]) -> dict:
    """Max and mean seconds per input, for each class and column."""
    out: dict = defaultdict(dict)
    groups = sorted({r["group"] for r in rows.values()})
    for group in groups:
        members = [r for r in rows.values() if r["group"] == group]
        out[group]["inputs"] = len(members)
        for column in columns:
            values = [r[column] for r in members if isinstance(r.get(column), (int, float))]
            if values:
                worst = max(members, key=lambda r: r.get(column, 0) if isinstance(r.get(column), (int, float))
                            else 0)
                name = next(k for k, v in rows.items() if v is worst)
                out[group][column] = {"max": round(max(values), 2), "mean": round(sum(values) / len(values), 3),
                                      "sum": round(sum(values), 1), "worst": name}
        out[group]["killed"] = sorted(k for k, r in rows.items() if r["group"] == group and r.get("killed"))
    return dict(out)


# -- discovery -----------------------------------------------------------------------------
def _discover_child(folder: str, conn) -> None:
    from nlp.batch.runner import cache_key, discover

    t = time.perf_counter()
    errors: list[dict] = []
    items = discover([Path(folder)], errors)
    for item in items:
        cache_key(item, "fp")
    conn.send((len(items), time.perf_counter() - t))


def discovery_time(folder: Path, cap: float) -> dict:
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_discover_child, args=(str(folder), child), daemon=True)
    proc.start()
    if parent.poll(cap):
        items, seconds = parent.recv()
        proc.join()
        return {"items": items, "seconds": round(seconds, 2)}
    proc.kill()
    proc.join()
    return {"items": None, "seconds": None, "killed_after": cap}


# -- batch: the CLI as a user runs it --------------------------------------------------------
def _sample_memory(pid: int, stop: threading.Event, peak: dict) -> None:
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        try:
            procs = [root, *root.children(recursive=True)]
            rss = []
            for p in procs:
                with contextlib.suppress(psutil.Error):  # a child that ended meanwhile
                    rss.append(p.memory_info().rss)
            peak["total"] = max(peak.get("total", 0), sum(rss))
            peak["largest"] = max(peak.get("largest", 0), max(rss, default=0))
            peak["processes"] = max(peak.get("processes", 0), len(rss))
        except psutil.Error:
            return
        stop.wait(0.2)


def batch(folder: Path, out: Path, workers: int, timeout: float, stages: list[str], groups: dict[str, str],
          wall_cap: float, store: str | None) -> dict:
    args = [*CLI, "analyze", str(folder), "--out", str(out), "--workers", str(workers), "--timeout", str(timeout),
            "--stages", ",".join(stages), "--verbose", "--store", store or str(out.parent / "no-store.duckdb")]
    t0 = time.perf_counter()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    stop, peak = threading.Event(), {}
    sampler = threading.Thread(target=_sample_memory, args=(proc.pid, stop, peak), daemon=True)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=wall_cap)
        finished = True
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        stdout, stderr = proc.communicate()
        finished = False
    seconds = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the run and every process it waited for
    cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
    stop.set()
    sampler.join()
    done = {m.group(1): float(m.group(2)) for m in re.finditer(r"done: (.*) \(([\d.]+) s\)$", stderr, re.M)}
    errors = []
    if (out / "errors.jsonl").exists():
        errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    timed_out = {e["path"]: timeout for e in errors if e["code"] == "E111"}
    rows = {key: {"group": groups.get(key.split("#")[0], "misc"), "seconds": s}
            for key, s in {**done, **timed_out}.items()}
    worst = max(rows.items(), key=lambda kv: kv[1]["seconds"], default=(None, {"seconds": 0}))
    summary = per_class(rows, ["seconds"])
    return {"workers": workers, "finished": finished, "seconds": round(seconds, 1),
            "cpu_seconds": round(cpu, 1), "exit_code": proc.returncode,
            "traceback": "Traceback" in stderr, "articles": len(done), "error_rows": len(errors),
            "error_codes": dict(Counter(e["code"] for e in errors)),
            "worst_input": [Path(worst[0]).name if worst[0] else None, round(worst[1]["seconds"], 2)],
            "peak_rss_mb": {k: round(v / 2**20) if k != "processes" else v for k, v in peak.items()},
            "per_class": {g: {"inputs": v["inputs"], **v.get("seconds", {})} for g, v in summary.items()},
            "stdout_tail": stdout[-300:], "stderr_tail": stderr[-600:] if not finished or proc.returncode > 1 else ""}


def stage_options(stages: list[str]) -> tuple[dict, str | None]:
    if "verify" not in stages:
        return {}, None
    from nlp.market.store import ensure_store

    store = ensure_store()
    if store is None:
        stages.remove("verify")
        return {}, None
    return {"verify": {"store": str(store)}}, str(store)


def import_market(folder: Path, store_path: Path) -> dict:
    from nlp.market.store import MarketStore, import_paths

    failures: dict[str, str] = {}
    crashed = None
    counts: dict[str, int] = {}
    try:
        with MarketStore(store_path) as store:
            counts = import_paths(store, [folder], on_error=lambda p, e: failures.__setitem__(str(p), e.code))
    except Exception as err:  # noqa: BLE001
        crashed = f"{type(err).__name__}: {err}"
    files = sorted(str(p) for p in folder.glob("*.csv"))
    lost = [f for f in files if f not in counts and f not in failures]
    return {"files": len(files), "imported": len(counts), "rejected": len(failures), "crash": crashed, "lost": lost}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--big-mb", type=int, default=30)
    parser.add_argument("--cap", type=float, default=20.0, help="seconds before a stage-timing child is killed")
    parser.add_argument("--wall-cap", type=float, default=900.0, help="seconds before a batch run is killed")
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated (default: all)")
    parser.add_argument("--only", default="",
                        help="time only inputs whose name contains one of these (comma-separated; stages part)")
    parser.add_argument("--no-stages", action="store_true")
    parser.add_argument("--no-batch", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    stages = [s for s in STAGES if s in args.stages.split(",")]
    options, store = stage_options(stages)
    summary: dict = {"stages": stages, "timeout": args.timeout, "cap": args.cap}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "hostile"
        t = time.perf_counter()
        manifest = build(root, big_mb=args.big_mb)
        summary["corpus"] = {"inputs": len(manifest), "build_seconds": round(time.perf_counter() - t, 1),
                             "classes": dict(Counter(m.get("group", "misc") for m in manifest))}
        groups = {str(root / m["path"]): m.get("group", "misc") for m in manifest}
        files = [(str(root / m["path"]), m.get("group", "misc")) for m in manifest
                 if m["kind"] == "file" and m["path"].startswith("articles")
                 and not m["path"].endswith((".jsonl", ".ndjson"))
                 and any(part in m["path"] for part in args.only.split(","))]
        if not args.no_stages:
            rows = stage_times(files, stages, options, args.cap)
            summary["stages_per_class"] = per_class(rows, ["parse", *stages])
            summary["slowest_parse"] = sorted(((k, r.get("parse")) for k, r in rows.items()
                                               if isinstance(r.get("parse"), (int, float))), key=lambda x: -x[1])[:8]
            summary["killed"] = {k: r["killed"] for k, r in rows.items() if r.get("killed")}
            summary["stage_rows"] = rows
            summary["discovery"] = discovery_time(root / "articles", args.cap * 5)
        if not args.no_batch:
            summary["batch"] = [batch(root / "articles", Path(tmp) / f"out-{w}", w, args.timeout, stages, groups,
                                      args.wall_cap, store) for w in args.workers]
            summary["market"] = import_market(root / "market", Path(tmp) / "market.duckdb")
    text = json.dumps(summary, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text)


if __name__ == "__main__":
    main()
