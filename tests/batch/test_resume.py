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
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{table}.parquet"), pd.read_parquet(clean / f"{table}.parquet"))
    assert not list(out.glob(".*.tmp"))
