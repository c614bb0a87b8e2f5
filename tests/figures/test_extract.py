"""Figures with their context, on sentences written for the tests."""

import pytest

from nlp.entities import EntityLinker
from nlp.entities.store import SymbolStore
from nlp.figures.extract import figures_in_sentence


@pytest.fixture(scope="module")
def linker():
    return EntityLinker(SymbolStore())


def figures(linker, sentence):
    mentions = [(m.start, m.end, m.symbol, m.kind) for m in linker.link(sentence) if m.role != "source"]
    return figures_in_sentence(sentence, 0, mentions)


def test_index_level_intraday_on_a_date(linker):
    [f] = figures(linker, "On December 10th the Russell 2000 touched 2,576 intraday, a new peak.")
    assert (f.value, f.unit, f.metric, f.subject, f.status) == (2576.0, "index_points", "intraday_high", "^RUT", "fact")


def test_qualifier_direction_and_period(linker):
    [f] = figures(linker, "Tech lost ground: the Nasdaq Composite dropped nearly 2% for the week.")
    assert (f.qualifier, f.comparison, f.direction, f.period, f.subject) == (
        "nearly", "just_below", "down", "for the week", "^IXIC")


def test_two_figures_two_periods_in_one_sentence(linker):
    a, b = figures(linker, "For the year, the Russell 2000 has returned approximately 14.7%, "
                           "with an 18.6% advance over the past six months.")
    assert (a.value, a.period, a.comparison, a.metric) == (14.7, "For the year", "around", "return")
    assert (b.value, b.period) == (18.6, "over the past six months")
    assert a.subject == b.subject == "^RUT"


def test_numbers_inside_periods_and_names_are_not_figures(linker):
    got = figures(linker, "Over the past six months the S&P 500 rose 3% while the Russell 2000 gained 5%.")
    assert [f.text for f in got] == ["3%", "5%"]
    assert [f.subject for f in got] == ["^GSPC", "^RUT"]


def test_parallel_figures_borrow_the_metric(linker):
    a, b = figures(linker, "The Russell 2000 sells for roughly 15 times forward earnings, "
                           "versus 22 times for the S&P 500.")
    assert (a.metric, a.subject) == ("forward_pe", "^RUT")
    assert (b.metric, b.subject, b.unit) == ("forward_pe", "^GSPC", "multiple")


def test_forecasts_and_hypotheticals(linker):
    [f] = figures(linker, "Analysts expect small caps to grow earnings 35% over the next two years.")
    assert (f.status, f.period, f.metric, f.subject) == ("forecast", "over the next two years", "earnings_growth",
                                                         "small_caps")
    [g] = figures(linker, "If rates fall, small caps would gain 10%.")
    assert g.status == "hypothetical"


def test_subject_by_syntax_prefers_the_specific_security(linker):
    [f] = figures(linker, "Builders among small caps like Badger Infrastructure Solutions have booked "
                          "double-digit growth.")
    assert (f.subject, f.low, f.high, f.comparison) == ("BDGI", 10.0, 99.0, "range")


def test_numbers_in_names_and_duration_modifiers_are_not_figures(linker):
    got = figures(linker, "In Issue 212 we note the Nifty Smallcap 250 cleared a Phase 3 hurdle, "
                          "near a 25-year low and above its 52-week average, up 4%.")
    assert [f.text for f in got] == ["4%"]


def test_bare_counts_hyphenated_units_and_ranges(linker):
    got = {f.text: f for f in figures(linker, "Bidders struck 46 deals, each 25 basis-point cut helps, and "
                                              "the index could end between 2,650 and 2,800.")}
    assert got["46"].unit == "count"
    assert got["25 basis-point"].unit == "basis_points"
    rng = got["2,650 and 2,800"]
    assert (rng.value, rng.low, rng.high) == (None, 2650.0, 2800.0)
    [words] = figures(linker, "Markets expect one or two more cuts before year-end.")
    assert (words.low, words.high, words.unit, words.period) == (1.0, 2.0, "count", "before year-end")
    [digits] = figures(linker, "We expect double-digit earnings growth in 2027.")
    assert (digits.low, digits.high, digits.unit) == (10.0, 99.0, "percent")


def test_a_period_after_another_figure_or_a_superlative_is_not_this_figures(linker):
    a, b = figures(linker, "Short interest in the Russell 2000 fell to 6.9% of float, down from 8.4% in March.")
    assert (a.period, b.period) == (None, "in March")
    [c] = figures(linker, "Call volume on IWM ran 1.6 times put volume, the highest ratio in eight months.")
    assert c.period is None
    d, e = figures(linker, "Since August, IWM rose 5%; the S&P 500 gained 7%.")
    assert d.period == e.period == "Since August"  # a lead-in governs every clause


def test_gapped_clauses_keep_their_own_subjects(linker):
    got = figures(linker, "IWM charges 0.19% a year, VB 0.05% and IJR 0.06%.")
    assert [(f.text, f.subject) for f in got] == [("0.19%", "IWM"), ("0.05%", "VB"), ("0.06%", "IJR")]


def test_the_company_points_back_to_the_paragraphs_subject():
    import nlp.entities.stage  # noqa: F401
    import nlp.figures.stage  # noqa: F401
    from nlp.parse import parse_bytes
    from nlp.pipeline import Pipeline

    text = "Marlow Biosystems (MRLW) rose 63% this year. The company holds $410 million in cash."
    doc = Pipeline(["entities", "figures"])(parse_bytes(text.encode(), "t.txt"))
    assert [(f.text, f.subject) for f in doc.figures] == [("63%", "MRLW"), ("$410 million", "MRLW")]


def test_a_sentence_opening_pronoun_takes_the_last_sentences_first_subject():
    import nlp.entities.stage  # noqa: F401
    import nlp.figures.stage  # noqa: F401
    from nlp.parse import parse_bytes
    from nlp.pipeline import Pipeline

    text = "European small caps trade at a discount to large caps. They returned 9.8% in the second quarter."
    doc = Pipeline(["entities", "figures"])(parse_bytes(text.encode(), "t.txt"))
    assert [(f.text, f.subject) for f in doc.figures] == [("9.8%", "small_caps")]
