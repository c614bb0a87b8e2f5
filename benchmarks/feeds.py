"""Feed cost against feed length: ``finnews analyze FEED.jsonl`` on JSON Lines feeds of
1,000 / 10,000 / 50,000 distinct rows, built at run time from the shared sentence sets (never
copied into the repository). Time should grow linearly with the rows and memory stay flat.

    python benchmarks/feeds.py [--rows 1000 10000 50000] [--stages promo] [--workers 1]

Each row is a short article: three distinct sentences and a date. Reports seconds, rows per
second and the peak RSS of the whole ``finnews`` process tree for each feed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.distinct_corpus import distinct_sentences  # noqa: E402
from nlp.config import data_path  # noqa: E402


def write_feed(path: Path, rows: int, sentences: list[str], seed: int = 7) -> None:
    """``rows`` articles of three sentences; no two rows alike (a row's sentences are a
    combination drawn without repeating a combination)."""
    rng = random.Random(seed)
    seen: set[tuple[int, int, int]] = set()
    start = date(2024, 1, 2)
    with path.open("w", encoding="utf-8") as feed:
        while len(seen) < rows:
            pick = tuple(rng.sample(range(len(sentences)), 3))
            if pick in seen:
                continue
            seen.add(pick)
            text = " ".join(sentences[i] for i in pick)
            day = start + timedelta(days=len(seen) % 700)
            feed.write(json.dumps({"title": f"Item {len(seen)}", "text": text, "published": day.isoformat()}) + "\n")


def run(feed: Path, out: Path, stages: str, workers: int) -> tuple[float, float]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", "from nlp.cli import main; main()", "analyze", str(feed),
                             "--out", str(out), "--stages", stages, "--workers", str(workers), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"analyze {feed} failed: {proc.stderr.read().decode()[-500:]}")
    return seconds, usage.ru_maxrss / 1024  # the largest process of the tree, in MB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--stages", default="promo")
    parser.add_argument("--workers", type=int, default=1)
    opts = parser.parse_args()
    sentences = distinct_sentences(data_path().require("data"))
    print(f"{'rows':>7} {'seconds':>9} {'rows/s':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="finnews-feeds-") as scratch:
        for rows in opts.rows:
            feed = Path(scratch) / f"feed-{rows}.jsonl"
            write_feed(feed, rows, sentences)
            seconds, peak = run(feed, Path(scratch) / f"out-{rows}", opts.stages, opts.workers)
            print(f"{rows:>7} {seconds:>9.1f} {rows / seconds:>8.1f} {peak:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
