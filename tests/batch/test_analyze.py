"""``finnews analyze`` end to end on a small folder: outputs, errors, cache, lock."""

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora" / "pages"


def analyze(*args):
    return subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "analyze", *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("in")
    for name in ("newsletter-smallcap-weekly.html", "weekly-digest-chat-leftover.txt"):
        (root / name).write_bytes((CORPORA / name).read_bytes())
    (root / "broken.html").write_bytes(b"\x00\x01\x02\x03binary\xff\xfe" * 50)
    (root / "feed.jsonl").write_text(json.dumps({"url": "https://example.com/a", "title": "Feed item",
                                                 "published": "2025-12-01", "text": "Small caps rallied 3% this week."})
                                     + "\n" + "not json\n")
    return root


@pytest.fixture(scope="module")
def result(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    store = tmp_path_factory.mktemp("store") / "none.duckdb"
    run = analyze(str(folder), "--out", str(out), "--workers", "1", "--store", str(store))
    return out, run, store


def test_outputs_and_errors(result):
    out, run, _ = result
    assert run.returncode == 1, run.stderr  # two inputs failed: exit code 1, the rest analysed
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["articles"] == 3 and summary["errors"] == 2
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert {Path(e["path"].split("#")[0]).name for e in errors} == {"broken.html", "feed.jsonl"}
    assert len((out / "articles.jsonl").read_text().splitlines()) == 3
    articles = pd.read_parquet(out / "articles.parquet")
    assert set(articles["title"]) >= {"Feed item", "The Small-Cap Weekly: Breadth Finally Shows Up"}
    blocks = pd.read_parquet(out / "blocks.parquet")
    assert "sponsored" in set(blocks["role"])
    con = duckdb.connect(str(out / "finnews.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM entities WHERE symbol = '^RUT'").fetchone()[0] >= 1


def test_rerun_uses_the_cache(result, folder):
    out, _, store = result
    cached = sorted((out / "cache").glob("*.json"))
    again = analyze(str(folder), "--out", str(out), "--workers", "1", "--store", str(store))
    assert again.returncode == 1  # the same two inputs fail again
    assert sorted((out / "cache").glob("*.json")) == cached
    summary = json.loads(again.stdout.strip().splitlines()[-1])
    assert summary["articles"] == 3 and summary["rewritten"] is False  # nothing changed: outputs kept


def test_outputs_are_rebuilt_when_an_input_or_an_output_changes(tmp_path):
    from nlp.batch import AnalyzeOptions
    from nlp.batch import analyze as analyze_batch

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text("Small caps rallied 3% this week.\n")
    options = AnalyzeOptions(workers=1, stages=["promo", "entities", "figures"])
    assert analyze_batch([folder], out, options).rewritten
    kept = analyze_batch([folder], out, options)
    assert not kept.rewritten and [d.source for d in kept.docs] == [str(folder / "a.txt")]
    (folder / "b.txt").write_text("The Russell 2000 fell 1%.\n")
    assert analyze_batch([folder], out, options).rewritten
    assert len((out / "articles.jsonl").read_text().splitlines()) == 2
    (out / "report.html").unlink()
    assert analyze_batch([folder], out, options).rewritten and (out / "report.html").exists()


def test_a_second_run_on_the_same_folder_is_refused(result, folder):
    out, _, store = result
    with (out / ".lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        second = analyze(str(folder), "--out", str(out), "--workers", "1", "--store", str(store))
    assert second.returncode == 2 and "another finnews analyze" in second.stderr


def test_sql_and_series_commands_read_the_outputs(result, tmp_path):
    out, _, _ = result
    sql = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "sql", "--db",
                          str(out / "finnews.duckdb"), "SELECT count(*) AS n FROM articles"],
                         capture_output=True, text=True, timeout=120)
    assert sql.returncode == 0, sql.stderr
    assert sql.stdout.split() == ["n", "3"]
    target = tmp_path / "series.parquet"
    series = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "series", str(out),
                             "--freq", "W", "--out", str(target)], capture_output=True, text=True, timeout=120)
    assert series.returncode == 0, series.stderr
    assert {"mean_score", "median_score", "articles", "sentences"} <= set(pd.read_parquet(target).columns)
