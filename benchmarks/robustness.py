"""Hostile inputs through ``finnews analyze`` and ``finnews market import``: is every input
accounted for, does anything crash or hang, how long does the slowest file take, how much
memory does it need?

    python benchmarks/robustness.py [--workers 2] [--timeout 60] [--big-mb 50]

The inputs come from tests/robustness/hostile_corpus.py (about 140 articles and 10 CSVs,
generated in a temporary folder). Counted:

* crashes: the batch itself failed, or an article raised an unexpected exception (E499,
  caught by the runner; each is a bug even though the batch went on);
* hangs: articles stopped by the per-article time limit (E111);
* lost: inputs that are neither a result nor an error row;
* max seconds per file and peak RSS (the largest process: main or a worker).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.batch.runner import AnalyzeOptions, default_stages, discover, run  # noqa: E402

STAGES = default_stages()
from tests.robustness.hostile_corpus import build  # noqa: E402


def analyse(folder: Path, out: Path, workers: int, timeout: float, stages: list[str]) -> dict:
    errors: list[dict] = []
    items = discover([folder], errors)
    outcomes, crashed = [], None
    t0 = time.perf_counter()
    try:
        outcomes = list(run(items, out, AnalyzeOptions(workers, stages, stage_options(stages), timeout)))
    except Exception as err:  # noqa: BLE001 - a crash of the batch is what we count
        crashed = f"{type(err).__name__}: {err}"
    seconds = time.perf_counter() - t0
    errors += [o.error for o in outcomes if o.error]
    results = [o for o in outcomes if o.cache_file]
    codes = Counter(e["code"] for e in errors)
    slowest = sorted(outcomes, key=lambda o: -o.seconds)[:5]
    return {"items": len(items), "results": len(results), "errors": len(errors), "error_codes": dict(codes),
            "crashes": int(crashed is not None) + codes.get("E499", 0), "crash": crashed,
            "unexpected": [e["message"][:200] for e in errors if e["code"] == "E499"],
            "hangs": codes.get("E111", 0), "seconds": round(seconds, 1),
            "max_seconds_per_file": round(max((o.seconds for o in outcomes), default=0), 2),
            "slowest": [(Path(o.key).name, round(o.seconds, 2)) for o in slowest],
            "accounted": {o.key for o in outcomes} | {e["path"] for e in errors}}


def stage_options(stages: list[str]) -> dict:
    if "verify" not in stages:
        return {}
    from nlp.market.store import ensure_store

    store = ensure_store()
    if store is None:
        stages.remove("verify")
        return {}
    return {"verify": {"store": str(store)}}


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
    return {"files": len(files), "imported": len(counts), "rejected": failures, "crash": crashed, "lost": lost}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--big-mb", type=int, default=50)
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated (default: all)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "hostile"
        manifest = build(root, big_mb=args.big_mb)
        articles = [root / m["path"] for m in manifest if m["path"].startswith("articles")]
        report = analyse(root / "articles", Path(tmp) / "out", args.workers, args.timeout,
                         [s for s in STAGES if s in args.stages.split(",")])
        accounted = report.pop("accounted")
        # a feed is accounted for by its rows; a symlink loop or FIFO by its error row
        lost = [str(p) for p in articles if not any(a == str(p) or a.startswith(f"{p}#") for a in accounted)
                and not p.is_dir()]
        market = import_market(root / "market", Path(tmp) / "market.duckdb")
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    summary = {"stages": args.stages, "inputs_tried": len(articles) + market["files"], "articles": len(articles), **report,
               "lost": len(lost) + len(market["lost"]), "lost_files": lost + market["lost"], "market": market,
               "peak_rss_mb": round(peak / 1024)}
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
