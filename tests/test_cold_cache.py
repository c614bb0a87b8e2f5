"""Everything built on first use is built once, safely, when several processes start together
on an empty FINNEWS_HOME (the first run of `make demo` starts two workers at once)."""

import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nlp.cache import build_once

ROOT = Path(__file__).resolve().parent.parent

_COLD_START = r"""
import hashlib, json, sys
from nlp.entities import load_store
from nlp.market.store import MarketStore, ensure_store
from nlp.sentiment.model import load_sentiment_model

model = load_sentiment_model()
probs = model.analyse(["Small caps rallied 2% on Tuesday."]).sentence[0]
market = ensure_store()
with MarketStore(market, read_only=True) as store:
    symbols = store.symbols()
symbols_store, warning = load_store()
print(json.dumps({"probs": [round(float(p), 6) for p in probs], "market_rows": int(symbols["rows"].sum()),
                  "symbols": len(symbols_store.symbols), "warning": warning}))
"""


def _slow_build(target: Path, log: Path) -> None:
    def build(scratch: Path) -> None:
        with log.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        time.sleep(0.3)
        scratch.write_text("built")

    build_once(target, build)


def test_build_once_builds_once_across_processes(tmp_path):
    target, log = tmp_path / "artefact", tmp_path / "builds.log"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_slow_build, args=(target, log)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    assert target.read_text() == "built"
    assert len(log.read_text().split()) == 1  # one builder; the others waited and found it
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".artefact.build-")]  # no scratch left


def test_a_failed_build_leaves_nothing_and_the_next_caller_builds(tmp_path):
    target = tmp_path / "artefact"

    def failing(scratch: Path) -> None:
        scratch.write_text("half")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        build_once(target, failing)
    assert not target.exists()
    build_once(target, lambda scratch: scratch.write_text("whole"))
    assert target.read_text() == "whole"


@pytest.mark.shared
@pytest.mark.timeout(900)  # four cold ONNX exports and store builds share two cores
def test_four_processes_on_an_empty_home_all_succeed_alike(tmp_path, shared_dir):
    env = {**os.environ, "FINNEWS_HOME": str(tmp_path / "home"), "FINNEWS_DATA": str(shared_dir),
           "HF_HUB_OFFLINE": "1"}
    procs = [subprocess.Popen([sys.executable, "-c", _COLD_START], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err[-2000:]
        assert "Traceback" not in err
    answers = [json.loads(out.strip().splitlines()[-1]) for out, _ in results]
    assert all(a == answers[0] for a in answers)
    assert answers[0]["market_rows"] > 0 and answers[0]["symbols"] > 1000
