"""The executor on a hand-built market store (nlp.verify.measures)."""

import datetime as dt

import pytest

from nlp.market.store import MarketStore
from nlp.verify.judge import judge
from nlp.verify.measures import Executor
from nlp.verify.query import Asserted, Query
from nlp.verify.temporal import DAY, MONTH, Period

JUNE_2 = dt.date(2025, 6, 2)


@pytest.fixture(scope="module")
def executor(synthetic_store):
    store = MarketStore(synthetic_store, read_only=True)
    yield Executor(store, dt.date(2025, 6, 6))
    store.close()


def day(d):
    return Period(DAY, d, d, str(d), 0)


def test_qualifiers_set_direction_and_width():
    assert judge(Asserted(14, 0, "just_below", -1), -13.8)[0] == "supported"
    assert judge(Asserted(14, 0, "just_below", -1), -14.6)[0] == "contradicted"
    assert judge(Asserted(2, 0, "above", 1), 2.1)[0] == "supported"
    assert judge(Asserted(2, 0, "above", 1), 1.9)[0] == "contradicted"
    assert judge(Asserted(10, 0, "about", 1), 10.8)[0] == "supported"
    assert judge(Asserted(2.8, 1, None, 1), 2.79)[0] == "supported"
    assert judge(Asserted(2.8, 1, None, 1), 2.6)[0] == "contradicted"
    assert judge(Asserted(3.2, 1, None, -1), 3.18)[0] == "contradicted"  # said it fell; it rose


def test_a_day_move_in_percent_and_points_with_its_rows(executor):
    result = executor.run(Query("^RUT", "pct_change", Asserted(5.0, 1, None, -1), day(JUNE_2)))
    assert result.verdict == "supported" and result.computed == pytest.approx(-5.0)
    assert [r["date"] for r in result.rows] == ["2025-05-30", "2025-06-02"]
    points = executor.run(Query("^GSPC", "point_change", Asserted(100.0, 2, None, 1), day(JUNE_2)))
    assert points.verdict == "supported" and points.computed == pytest.approx(100.0)


def test_records_streaks_and_counts(executor):
    assert executor.run(Query("^RUT", "record_close", Asserted(None), day(dt.date(2025, 5, 30)))).verdict == "supported"
    after_the_drop = executor.run(Query("^RUT", "record_close", Asserted(None), day(dt.date(2025, 6, 5))))
    assert after_the_drop.verdict == "contradicted"
    assert executor.run(Query("^RUT", "streak", Asserted(4, 0, None, -1), day(dt.date(2025, 6, 5)),
                              options={"unit": "day"})).verdict == "supported"
    assert executor.run(Query("^RUT", "streak", Asserted(5, 0, None, -1), day(dt.date(2025, 6, 5)),
                              options={"unit": "day"})).verdict == "contradicted"
    assert executor.run(Query("^RUT", "count_sessions", Asserted(4, 0, None, -1), day(dt.date(2025, 6, 5)),
                              options={"of": 10})).verdict == "supported"


def test_drawdown_and_rank_since(executor):
    may = Period(MONTH, dt.date(2025, 5, 1), dt.date(2025, 5, 31), "May", 0)
    result = executor.run(Query("^RUT", "drawdown", Asserted(5.0, 0, "about"), day(dt.date(2025, 6, 5)),
                                options={"named": may}))
    assert result.verdict == "supported" and 5 < result.computed < 6
    ranked = executor.run(Query("^RUT", "rank_since", Asserted(None), day(dt.date(2025, 6, 5)),
                                options={"named": Period(MONTH, dt.date(2025, 3, 1), dt.date(2025, 3, 31), "March", 0),
                                         "highest": False, "of": "close", "unit": "day"}))
    assert ranked.verdict == "supported"  # the lowest close since March (prices rose a point a day before)


def test_a_fund_level_needs_unadjusted_prices_and_unknown_symbols_are_unverifiable(executor):
    result = executor.run(Query("IWM", "level", Asserted(5100.0, 2), day(JUNE_2)))
    assert result.verdict == "unverifiable" and "adjusted" in result.reason
    assert executor.run(Query("TSLA", "pct_change", Asserted(3.0, 0, None, 1), day(JUNE_2))).verdict == "unverifiable"


def test_a_day_the_market_was_closed_is_not_settled_by_the_day_before(executor):
    good_friday = dt.date(2025, 4, 18)
    result = executor.run(Query("^RUT", "pct_change", Asserted(1.0, 1, None, 1), day(good_friday)))
    assert result.verdict == "unverifiable" and "not a trading day" in result.reason


def test_a_record_move_is_nothing_as_extreme_since_the_data_begin(executor):
    drop = Query("^RUT", "rank_since", Asserted(None), day(JUNE_2),
                 options={"of": "change", "named": None, "worst": True, "unit": "day"})
    assert executor.run(drop).verdict == "supported"  # the only fall of the series
    rise = Query("^RUT", "rank_since", Asserted(None), day(dt.date(2025, 6, 9)),
                 options={"of": "points", "named": None, "highest": True, "unit": "day"})
    result = executor.run(rise)
    assert result.verdict == "contradicted" and "not a record" in result.reason


def test_record_streaks_and_the_record_before(executor):
    # ^RUT rises 1 a day except the drop of 2025-06-02 and three down days after it: the
    # closes from 2025-06-11 on are records again, one a day
    streak = executor.run(Query("^RUT", "record_streak", Asserted(2, 0, None, 1), day(dt.date(2025, 6, 5))))
    assert streak.verdict == "contradicted" and streak.computed == 0
    first = Query("^RUT", "record_first", Asserted(None), day(JUNE_2 - dt.timedelta(days=3)),
                  options={"named": Period(MONTH, dt.date(2025, 5, 1), dt.date(2025, 5, 31), "May", 0)})
    assert executor.run(first).verdict == "supported"  # 2025-05-30: a record, the one before on 05-29


def test_a_range_holds_its_both_ends():
    assert judge(Asserted(1.5, 1, "between", 1, upper=2.0), 1.87)[0] == "supported"
    assert judge(Asserted(1.5, 1, "between", 1, upper=2.0), 2.2)[0] == "contradicted"
