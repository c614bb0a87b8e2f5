"""The verify stage through the pipeline: verdicts with their evidence, and the flag only for
contradicted claims."""

import datetime as dt

import nlp.claims.stage  # noqa: F401
import nlp.entities.stage  # noqa: F401
import nlp.figures.stage  # noqa: F401
import nlp.promo.stage  # noqa: F401
import nlp.verify.stage  # noqa: F401
from nlp.parse import parse_bytes
from nlp.pipeline import Pipeline


def analyse(store, text, published="2025-06-06"):
    doc = parse_bytes(text.encode(), "t.txt")
    doc.published = dt.date.fromisoformat(published) if published else None
    return Pipeline(["promo", "entities", "figures", "claims", "verify"], {"verify": {"store": str(store)}})(doc)


def test_verdicts_checks_and_flags(synthetic_store):
    doc = analyse(synthetic_store, "\n\n".join([
        "The Russell 2000 sank 5.0% on Monday.",
        "The Russell 2000 rose 2.0% on Monday.",
        "The Russell 2000 trades at 14 times forward earnings.",
    ]))
    got = [(doc.claims[v.claim].text, v.verdict) for v in doc.verdicts]
    assert [v for _, v in got] == ["supported", "contradicted", "unverifiable"]
    contradicted = doc.verdicts[1]
    check = contradicted.deciding
    assert check.instrument == "^RUT" and check.measure == "pct_change"
    assert check.window_end == dt.date(2025, 6, 2) and round(check.computed, 1) == -5.0
    assert "computed -5" in contradicted.reason and check.rows
    assert [f.name for f in doc.flags if f.name == "unsupported_claim"] == ["unsupported_claim"]
    assert doc.verdicts[2].reason_kind == "valuation"


def test_an_undated_article_says_so(synthetic_store):
    doc = analyse(synthetic_store, "The Russell 2000 rose 1.5% on Tuesday.", published=None)
    [verdict] = doc.verdicts
    assert verdict.verdict == "unverifiable" and verdict.reason_kind == "no_date"


def test_a_date_without_a_time_is_also_read_as_the_morning_after(synthetic_store):
    # a note dated Tuesday 2025-06-03 that speaks of Monday's close: true in the second reading
    doc = analyse(synthetic_store, "The Russell 2000 is down 5.0% since Friday.", published="2025-06-03")
    assert [v.verdict for v in doc.verdicts] == ["supported"]


def test_a_note_written_before_the_close_speaks_of_the_day_before(synthetic_store):
    # 08:47 New York time on Tuesday 2025-06-03: the last close is Monday's 5% drop
    doc = parse_bytes(b"The Russell 2000 sank 5.0% in the latest session.", "t.txt")
    doc.published = dt.datetime(2025, 6, 3, 12, 47, tzinfo=dt.UTC)
    doc = Pipeline(["promo", "entities", "figures", "claims", "verify"],
                   {"verify": {"store": str(synthetic_store)}})(doc)
    assert [v.verdict for v in doc.verdicts] == ["supported"]


def test_a_headline_that_states_a_move_is_checked_but_a_topic_heading_is_not(synthetic_store):
    text = "# Russell 2000 sinks 5.0% on Monday\n\n## Index scorecard\n\nSmall caps had a hard start to the week.\n"
    doc = parse_bytes(text.encode(), "t.md")
    doc.published = dt.date(2025, 6, 6)
    stages = ["promo", "entities", "figures", "claims", "verify"]
    doc = Pipeline(stages, {"verify": {"store": str(synthetic_store)}})(doc)
    assert [doc.claims[v.claim].text for v in doc.verdicts if v.verdict == "supported"] == [
        "Russell 2000 sinks 5.0% on Monday"]
    assert not any(c.text == "Index scorecard" for c in doc.claims)


def test_the_low_of_the_session_is_the_intraday_low():
    from nlp.verify.planner import Planner

    plan = Planner(dt.date(2026, 2, 12)).plan("SPX low of session -1.7% vs prior close", [], 0)
    assert [(q.measure, q.asserted.signed) for q in plan.queries] == [("intraday_swing", -1.7)]


def test_a_second_reading_is_made_only_when_a_verdict_depends_on_the_day(synthetic_store, monkeypatch):
    from nlp.verify.stage import VerifyStage

    calls = []
    original = VerifyStage._verdicts
    monkeypatch.setattr(VerifyStage, "_verdicts", lambda self, doc, day: calls.append(day) or original(self, doc, day))
    analyse(synthetic_store, "Revenue at the Finnish group rose 12% to EUR 31 million in the quarter.")
    assert len(calls) == 1  # a date without a time has two readings, but nothing here depends on the day
    calls.clear()
    analyse(synthetic_store, "The Russell 2000 sank 5.0% on Monday.")
    assert len(calls) == 2
