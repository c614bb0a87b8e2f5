"""``finnews analyze --engine dask`` on a LocalCluster gives the same outputs as the local engine,
including what travels beside the bytes to the worker's child process: a text file's sidecar
metadata and a fetched page's manifest row."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.batch.test_fetched import _fetch_folder

pytest.importorskip("distributed")

CORPORA = Path(__file__).resolve().parents[2] / "corpora" / "pages"
CLI = [sys.executable, "-c", "from nlp.cli import main; main()", "analyze"]


def test_dask_engine_matches_the_local_engine(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("news-russell-record.html", "weekly-digest-chat-leftover.txt"):
        (folder / name).write_bytes((CORPORA / name).read_bytes())
    (folder / "broken.html").write_bytes(b"\x00\x01\x02binary\xff" * 40)
    (folder / "weekly-digest-chat-leftover.meta.json").write_text('{"published": "2024-11-25"}')
    _fetch_folder(folder)
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
    docs = {Path(d["source"]).name: d for d in map(json.loads, (tmp_path / "dask" / "articles.jsonl").open())}
    assert docs["weekly-digest-chat-leftover.txt"]["published"].startswith("2024-11-25")
    assert docs["a"]["meta"]["fetch_fetched_at"] == "2025-11-15T08:00:00+00:00"  # https://news.example/a
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "dask" / "figures.parquet"),
                                  pd.read_parquet(tmp_path / "local" / "figures.parquet"))
    assert [json.loads(x)["code"] for x in (tmp_path / "dask" / "errors.jsonl").read_text().splitlines()] == ["E104"]
