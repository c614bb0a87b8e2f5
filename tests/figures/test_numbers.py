import pytest

from nlp.figures.numbers import find_quantities


def one(text, **skip):
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize("text, value, unit", [
    ("reaching 2,576 intraday", 2576.0, None),
    ("a closing price of $251.82", 251.82, "currency"),
    ("up nearly 100% from the lows", 100.0, "percent"),
    ("a gap of 130 percentage points", 130.0, "percentage_points"),
    ("trades at 5.35x book value", 5.35, "multiple"),
    ("roughly 15 times forward earnings", 15.0, "multiple"),
    ("a cut of 25 bps", 25.0, "basis_points"),
    ("an index of 2,000 stocks", 2000.0, "count"),
])
def test_values_and_units(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text, low, high", [
    ("swings of 1.5–2% are common", 1.5, 2.0),
    ("between 18 to 25 percent", 18.0, 25.0),
    ("can swing 2-3% on such days", 2.0, 3.0),
])
def test_ranges_keep_both_bounds(text, low, high):
    q = one(text)
    assert (q.value, q.low, q.high, q.unit) == (None, low, high, "percent")


def test_magnitudes_and_currencies():
    q = one("took in about $1.4 billion of new money")
    assert (q.value, q.magnitude, q.currency) == (1.4, 1e9, "USD")
    q = one("a loss of Rs 10.4 crore")
    assert (q.value, q.magnitude, q.currency) == (10.4, 1e7, "INR")


def test_word_numbers_and_digit_words():
    q = one("the Fed's three rate cuts")
    assert (q.text, q.value, q.unit) == ("three", 3.0, "count")
    q = one("posted triple-digit price gains")
    assert (q.low, q.high, q.unit) == (100.0, 999.0, "percent")


@pytest.mark.parametrize("text", [
    "battered by higher rates during 2022-2023", "the 2012–13 fiscal year", "in the 1990s", "on December 10th",
    "Dec.24 2025", "8:15 a.m.: payrolls", "strong in Q3 and H1", "C3.ai fell", "its 10-K filing", "in 2025",
])
def test_things_that_are_not_figures(text):
    assert find_quantities(text) == []


def test_names_with_digits_are_skipped_when_given():
    text = "the S&P 500 moves 1%"
    start = text.index("S&P 500")
    found = find_quantities(text, [(start, start + 7)])
    assert [q.text for q in found] == ["1%"]
