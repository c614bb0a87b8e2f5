"""Evaluation gates: verdicts on the project's verify gold (corpora/gold/verify/claims.json,
pages and seeds) and on the claim-check dev set (corpora/claimcheck/dev, gold computed from
the price files). The blind set is not a gate: it is read once, at the end of a round."""

import pytest

pytestmark = pytest.mark.shared


def test_verify_gold(market_store):
    import benchmarks.verify as bench

    result = bench.evaluate(market_store)
    assert result["claims"] >= 60
    assert result["contradicted_true_claims"] == 0
    assert result["accuracy"] >= 0.95, result["errors"]


def test_claimcheck_dev_set(market_store):
    import benchmarks.claimcheck as bench

    result = bench.evaluate("dev", market_store)
    assert result["claims"] >= 150
    assert result["true_called_contradicted"] == 0 and result["false_called_supported"] == 0, result["errors"]
    assert result["accuracy"] >= 0.95, result["errors"]
