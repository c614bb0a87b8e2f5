"""Verification on a hand-made price history (no shared data needed)."""

import datetime as dt

import pandas as pd
import pytest

import nlp.claims.stage  # noqa: F401
import nlp.entities.stage  # noqa: F401
import nlp.figures.stage  # noqa: F401
import nlp.promo.stage  # noqa: F401
import nlp.verify.stage  # noqa: F401
from nlp.market.store import MarketStore
from nlp.parse import parse_bytes
from nlp.pipeline import Pipeline
from nlp.verify.windows import day_of, infer_as_of, windows


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("m") / "m.duckdb"
    days = pd.bdate_range("2024-12-02", "2025-12-31")
    close = [1000 + i for i in range(len(days))]  # one point a business day
    frame = pd.DataFrame({"symbol": "^RUT", "date": days.date, "open": close, "high": [c + 5 for c in close],
                          "low": close, "close": close, "volume": 1.0, "adjusted": False, "provisional": False,
                          "source": "test"})
    with MarketStore(path) as store:
        store.add(frame)
    return path


def verdicts(store_path, text, published="2025-12-31"):
    doc = parse_bytes(text.encode(), "t.txt")
    doc.published = dt.date.fromisoformat(published) if published else None
    doc = Pipeline(["promo", "entities", "figures", "claims", "verify"], {"verify": {"store": str(store_path)}})(doc)
    return [(doc.claims[v.claim].text, v.verdict, v.reason) for v in doc.verdicts]


def _close(day):
    return 1000 + len(pd.bdate_range("2024-12-02", day)) - 1


def test_true_false_and_unverifiable_claims(store_path):
    dec10 = _close("2025-12-10")
    ytd = (_close("2025-12-31") / _close("2024-12-31") - 1) * 100
    text = "\n\n".join([
        f"The Russell 2000 closed at {dec10:,} on December 10.",
        f"The Russell 2000 closed at {dec10 + 50:,} on December 10.",
        f"The Russell 2000 is up {ytd:.1f}% so far this year.",
        "The Russell 2000 is up 40% so far this year.",
        "The Russell 2000 trades at 14 times forward earnings.",
    ])
    got = [v for _, v, _ in verdicts(store_path, text)]
    assert got == ["supported", "contradicted", "supported", "contradicted", "unverifiable"]


def test_undated_articles_cannot_be_anchored(store_path):
    [(_, verdict, reason)] = verdicts(store_path, "The Russell 2000 is up 25% so far this year.", published=None)
    assert verdict == "unverifiable" and "as-of" in reason


def test_readings_of_since_a_month():
    readings = windows("since August 2025", "", dt.date(2025, 12, 12))
    assert [w.base for w in readings] == [dt.date(2025, 7, 31), dt.date(2025, 8, 1)]
    assert all(w.end == dt.date(2025, 12, 12) for w in readings)


def test_days_and_inferred_as_of():
    assert day_of("on December 10th", dt.date(2025, 12, 12)) == (dt.date(2025, 12, 10),) * 2
    assert day_of("in early December", dt.date(2025, 12, 12)) == (dt.date(2025, 12, 1), dt.date(2025, 12, 10))
    assert infer_as_of("Since August 2025 … reaching 2,576 intraday on December 10th.") == dt.date(2025, 12, 10)
    assert infer_as_of("Dec.24 2025") == dt.date(2025, 12, 24)
    assert infer_as_of("No dates here.") is None


def test_typical_daily_swings(store_path):
    text = "\n\n".join(["For the Russell 2000, intra-day swings of 0.3–0.6% are common.",
                        "For the Russell 2000, intra-day swings of 5–8% are common."])
    got = [v for _, v, _ in verdicts(store_path, text)]
    assert got == ["supported", "contradicted"]
