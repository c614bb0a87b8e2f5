import pytest

from nlp.claims.classify import attribution, claim_type
from nlp.claims.consistency import arithmetic_checks, contradictions
from nlp.schema import Figure


def fig(text, start, **kw):
    return Figure(start=start, end=start + len(text), text=text, **kw)


@pytest.mark.parametrize("sentence, who", [
    ("According to Bank of America, small-cap multiples look cheap.", "Bank of America"),
    ("Revenue growth above 14% (per FactSet).", "FactSet"),
    ("Analysts project profits rising 18% in 2026.", "Analysts"),
    ("As Ned Davis Research notes, breadth is improving.", "Ned Davis Research"),
    ("According to Barron’s recent coverage, small caps led in May.", "Barron’s"),
    ("Strategists at Calloway Partners expect more gains.", "Strategists at Calloway Partners"),
    ("Small caps rose 3% this week.", "unattributed"),
])
def test_attribution(sentence, who):
    assert attribution(sentence, []) == who


def test_a_linked_source_wins():
    assert attribution("Growth above 14% (per FactSet).", ["FactSet Research Systems"]) == "FactSet Research Systems"


def test_claim_types():
    assert claim_type("The index hit 2,576 intraday.",
                      [fig("2,576", 14, metric="intraday_high", status="fact")]) == "market_data"
    assert claim_type("It trades at 13.6 times.", [fig("13.6", 13, metric="forward_pe", status="fact")]) == "valuation"
    assert claim_type("Earnings will grow 35%.",
                      [fig("35%", 20, metric="earnings_growth", status="forecast")]) == "forecast"
    assert claim_type("The Fed cut rates three times.",
                      [fig("three", 18, metric="rate_cuts", status="fact")]) == "macro_policy"
    assert claim_type("Small caps are those with market capitalizations under $2 billion.", []) == "definition"


def test_discount_arithmetic_agrees_within_rounding():
    s1 = "The Russell 2000 trades at 13.6, against the S&P 500's 17.2."
    s2 = "This 21% valuation discount is large."
    off = len(s1) + 1
    figures = [fig("13.6", s1.index("13.6"), value=13.6, unit="multiple"),
               fig("17.2", s1.index("17.2"), value=17.2, unit="multiple"),
               fig("21%", off + s2.index("21%"), value=21.0, unit="percent")]
    [flag] = arithmetic_checks([(0, len(s1), s1), (off, off + len(s2), s2)], figures)
    assert flag.name == "arithmetic_consistent" and "20.9%" in flag.evidence[0]
    figures[2] = fig("30%", off + s2.index("21%"), value=30.0, unit="percent")
    [flag] = arithmetic_checks([(0, len(s1), s1), (off, off + len(s2), s2)], figures)
    assert flag.name == "arithmetic_inconsistent"


def test_contradictory_figures_for_one_metric_and_subject():
    a = fig("13.6", 0, value=13.6, unit="multiple", metric="forward_pe", subject="^RUT", status="fact")
    b = fig("15.1", 50, value=15.1, unit="multiple", metric="forward_pe", subject="^RUT", status="fact")
    c = fig("22", 80, value=22.0, unit="multiple", metric="forward_pe", subject="^GSPC", status="fact")
    [flag] = contradictions([a, b, c])
    assert flag.name == "contradictory_figures" and "13.6 vs 15.1" in flag.evidence[0]
    assert contradictions([a, c]) == []
