"""Evaluation gates: verdicts on the project's verify gold (corpora/gold/verify/claims.json,
pages and seeds) and on the claim-check dev sets (corpora/claimcheck/dev..dev5, gold computed
from the price files). Each dev set is spent as a measure of generalisation once developed
on; as a gate it holds the level it reached. The blind sets are not gates."""

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


@pytest.mark.slow
@pytest.mark.parametrize("name, claims, floor, true_contradicted", [
    ("dev2", 110, 0.98, 0), ("dev3", 160, 0.94, 4), ("dev4", 140, 0.89, 7), ("dev5", 165, 0.92, 0)])
def test_later_claimcheck_dev_sets_hold_their_level(market_store, name, claims, floor, true_contradicted):
    import benchmarks.claimcheck as bench

    result = bench.evaluate(name, market_store)
    assert result["claims"] >= claims
    assert result["false_called_supported"] == 0, result["errors"]
    assert result["true_called_contradicted"] <= true_contradicted, result["errors"]
    assert result["accuracy"] >= floor, result["errors"]
