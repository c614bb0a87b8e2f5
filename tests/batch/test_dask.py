"""``finnews analyze --engine dask`` on a LocalCluster gives the same outputs as the local engine."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("distributed")

CORPORA = Path(__file__).resolve().parents[2] / "corpora" / "pages"
CLI = [sys.executable, "-c", "from nlp.cli import main; main()", "analyze"]


def test_dask_engine_matches_the_local_engine(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("news-russell-record.html", "weekly-digest-chat-leftover.txt"):
        (folder / name).write_bytes((CORPORA / name).read_bytes())
    (folder / "broken.html").write_bytes(b"\x00\x01\x02binary\xff" * 40)
    env = {**os.environ, "FINNEWS_DATA": str(tmp_path / "no-data")}
    common = ["--workers", "2", "--store", str(tmp_path / "none.duckdb")]
    local = subprocess.run([*CLI, str(folder), "--out", str(tmp_path / "local"), *common],
                           capture_output=True, text=True, env=env, timeout=600)
    dask = subprocess.run([*CLI, str(folder), "--out", str(tmp_path / "dask"), "--engine", "dask", *common],
                          capture_output=True, text=True, env=env, timeout=600)
    assert local.returncode == 1, local.stderr[-2000:]  # broken.html failed
    assert dask.returncode == 1, dask.stderr[-2000:]
    assert json.loads(dask.stdout.strip().splitlines()[-1])["errors"] == 1
    assert (tmp_path / "dask" / "articles.jsonl").read_text() == (tmp_path / "local" / "articles.jsonl").read_text()
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "dask" / "figures.parquet"),
                                  pd.read_parquet(tmp_path / "local" / "figures.parquet"))
    assert [json.loads(x)["code"] for x in (tmp_path / "dask" / "errors.jsonl").read_text().splitlines()] == ["E104"]
