"""Start-up of the commands people run on one input: wall time and peak RSS of a whole
``finnews`` process, caches built (the ONNX export, the market and symbol stores).

    python benchmarks/startup.py [--runs 3] [--code A --code B]

Commands: ``finnews sentiment --text <one sentence>`` (target ≤ 3 s), ``finnews claims
<one page>`` and ``finnews analyze <one file>`` (target ≤ 5 s). Each ``--code`` is a
checkout whose ``nlp`` package is put first on PYTHONPATH; runs alternate between checkouts
so that a busy machine weighs on both alike. The first, unmeasured round builds what a
first run builds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "corpora" / "pages" / "blog-value-rotation.html"
SENTENCE = "Small caps rallied as rate-cut hopes grew, while megacaps lagged."


def commands(scratch: Path) -> dict[str, list[str]]:
    one = scratch / "in"
    one.mkdir(exist_ok=True)
    (one / PAGE.name).write_bytes(PAGE.read_bytes())
    return {"sentiment --text": ["sentiment", "--text", SENTENCE],
            "claims one.html": ["claims", str(one / PAGE.name)],
            "analyze one file": ["analyze", str(one / PAGE.name), "--out", "{out}", "--quiet"]}


def run_once(args: list[str], code: Path, scratch: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``finnews`` process run from ``code`` (an
    ``{out}`` argument becomes a new folder: a rerun into the same one would only resume)."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    args = [tempfile.mkdtemp(prefix="out-", dir=scratch) if a == "{out}" else a for a in args]
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", "from nlp.cli import main; main()", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=code)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{code}: finnews {' '.join(args)} failed: {proc.stderr.read().decode()[-500:]}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--code", type=Path, action="append", help="a checkout to measure (repeatable)")
    opts = parser.parse_args()
    codes = [c.resolve() for c in (opts.code or [ROOT])]
    with tempfile.TemporaryDirectory(prefix="finnews-startup-") as scratch:
        todo = commands(Path(scratch))
        results: dict[tuple[str, Path], list[tuple[float, float]]] = {}
        for round_ in range(opts.runs + 1):
            for name, args in todo.items():
                for code in codes:
                    measured = run_once(args, code, Path(scratch))
                    if round_:  # round 0 builds caches
                        results.setdefault((name, code), []).append(measured)
    print(f"{'command':<20} {'code':<28} {'median s':>9} {'min s':>7} {'peak MB':>8}")
    for (name, code), rows in results.items():
        walls = [w for w, _ in rows]
        print(f"{name:<20} {str(code)[-28:]:<28} {statistics.median(walls):>9.2f} {min(walls):>7.2f} "
              f"{max(m for _, m in rows):>8.0f}")


if __name__ == "__main__":
    main()
