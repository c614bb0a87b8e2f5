"""The behavioural checklist as a gate (corpora/sentiment_checklist, benchmarks/checklist.py).

The bar of the sentiment issue is 90 %; the gate holds what the fast model measures now
(81.8 % on dev once the CLI says "not mentioned" and reads comparisons as the stage does) so a change that loses ground
fails, and every sentence that never names its target stays unscored."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_checklist_dev_holds_its_ground(tmp_path):
    out = tmp_path / "checklist.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "checklist.py"), "--part", "dev",
                          "--json", str(out)], capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stderr[-2000:]
    summary = json.loads(out.read_text())
    assert summary["rate"] >= 0.80
    assert summary["by_capability"]["irrelevance"]["rate"] == 1.0
