"""Kill -9 in the middle of a batch, rerun, and end with the same outputs as a clean run."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora" / "pages"
CMD = [sys.executable, "-c", "from nlp.cli import main; main()", "analyze"]


@pytest.mark.slow
def test_killed_batch_resumes_to_identical_outputs(tmp_path):
    store = tmp_path / "none.duckdb"
    env = {**os.environ, "FINNEWS_DATA": str(tmp_path / "no-data")}
    clean = tmp_path / "clean"
    subprocess.run([*CMD, str(CORPORA), "--out", str(clean), "--workers", "1", "--store", str(store)],
                   check=True, capture_output=True, env=env, timeout=600)
    out = tmp_path / "killed"
    for _ in range(3):
        proc = subprocess.Popen([*CMD, str(CORPORA), "--out", str(out), "--workers", "1", "--store", str(store)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.time() + 120
        before = len(list((out / "cache").glob("*.json"))) if (out / "cache").exists() else 0
        while time.time() < deadline and proc.poll() is None:
            if (out / "cache").exists() and len(list((out / "cache").glob("*.json"))) > before:
                break
            time.sleep(0.05)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
    subprocess.run([*CMD, str(CORPORA), "--out", str(out), "--workers", "1", "--store", str(store)],
                   check=True, capture_output=True, env=env, timeout=600)
    assert (out / "articles.jsonl").read_text() == (clean / "articles.jsonl").read_text()
    for table in ("articles", "blocks", "entities", "figures", "claims", "sentences"):
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{table}.parquet"),
                                      pd.read_parquet(clean / f"{table}.parquet"))
    assert not list(out.glob(".*.tmp"))


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_kills_at_random_moments_resume_to_identical_outputs(tmp_path, seed):
    """SIGKILL at random times (seeded) anywhere in a run: during start-up, analysis, or while
    the tables and the report are written; the final rerun matches a clean run."""
    import random

    store = tmp_path / "none.duckdb"
    env = {**os.environ, "FINNEWS_DATA": str(tmp_path / "no-data")}
    args = ["--workers", "2", "--store", str(store)]
    clean = tmp_path / "clean"
    started = time.time()
    subprocess.run([*CMD, str(CORPORA), "--out", str(clean), *args], check=True, capture_output=True, env=env,
                   timeout=900)
    duration = time.time() - started
    out = tmp_path / "killed"
    rng = random.Random(seed)
    for _ in range(6):
        proc = subprocess.Popen([*CMD, str(CORPORA), "--out", str(out), *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        try:
            proc.wait(timeout=rng.uniform(0.5, duration))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the workers too, as a crash or an OOM kill would
            proc.wait()
    subprocess.run([*CMD, str(CORPORA), "--out", str(out), *args], check=True, capture_output=True, env=env,
                   timeout=900)
    assert (out / "articles.jsonl").read_text() == (clean / "articles.jsonl").read_text()
    for table in ("articles", "blocks", "entities", "figures", "claims", "sentences"):
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{table}.parquet"),
                                      pd.read_parquet(clean / f"{table}.parquet"))
    assert (out / "report.html").exists() and not list(out.rglob("*.tmp"))
