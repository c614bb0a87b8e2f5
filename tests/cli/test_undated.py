"""An article without a date: its claims say why they cannot be checked, and so does the
batch summary."""

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.shared


def test_the_summary_counts_undated_articles(tmp_path, shared_dir):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "undated.txt").write_text("The Russell 2000 rose 1.5% on Tuesday to 2,442.03.\n")
    (inputs / "dated.txt").write_text("NEW YORK, Nov. 25, 2024 (Wire) - The Russell 2000 rose 1.5% to 2,442.03.\n")
    (inputs / "sidecar.txt").write_text("The Russell 2000 rose 1.5% to 2,442.03.\n")
    (inputs / "sidecar.meta.json").write_text('{"published": "2024-11-25"}')
    run = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "analyze", str(inputs),
                          "--out", str(tmp_path / "out"), "--stages", "verify", "--workers", "1"],
                         capture_output=True, text=True, timeout=600,
                         env={**__import__("os").environ, "FINNEWS_DATA": str(shared_dir)})
    assert run.returncode == 0, run.stderr[-2000:]
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["articles"] == 3 and summary["undated"] == 1
    assert "1 article(s) have no publication date" in run.stderr
    docs = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line)
            for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()}
    assert {v["reason_kind"] for v in docs["undated.txt"]["verdicts"]} == {"no_date"}
    assert [v["verdict"] for v in docs["dated.txt"]["verdicts"]] == ["supported"]
    assert [v["verdict"] for v in docs["sidecar.txt"]["verdicts"]] == ["supported"]
