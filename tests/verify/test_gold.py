"""Evaluation gate: verdicts on corpora/gold/verify/claims.json (≥ 60 claims)."""

import pytest

pytestmark = pytest.mark.shared


def test_verdict_accuracy_and_no_contradicted_true_claim(shared_dir, tmp_path):
    import benchmarks.verify as bench

    result = bench.evaluate(bench.build_store(tmp_path / "market.duckdb"))
    assert result["claims"] >= 60
    assert result["contradicted_true_claims"] == 0
    assert result["accuracy"] >= 0.95, result["errors"]
