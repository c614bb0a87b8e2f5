"""Time expressions resolved to the past of the article's date (nlp.verify.temporal)."""

import datetime as dt

from nlp.verify.temporal import DAY, MONTH, QUARTER, RANGE, SAME_DAY, SINCE, WEEK, find_periods, infer_as_of

SATURDAY = dt.date(2025, 11, 22)


def kinds(sentence, reference=SATURDAY):
    return [(p.kind, p.first, p.last) for p in find_periods(sentence, reference)]


def test_weekdays_and_days_of_the_month_are_the_latest_before_the_article():
    assert kinds("The index fell 1.8% on Wednesday.") == [(DAY, dt.date(2025, 11, 19), dt.date(2025, 11, 19))]
    assert kinds("Tuesday's close was the lowest.") == [(DAY, dt.date(2025, 11, 18), dt.date(2025, 11, 18))]
    assert kinds("On Nov. 20 the index fell.") == [(DAY, dt.date(2025, 11, 20), dt.date(2025, 11, 20))]
    # a month-day later in the year than the article is last year's
    assert kinds("below its December 12 peak") == [(DAY, dt.date(2024, 12, 12), dt.date(2024, 12, 12))]


def test_month_and_year_is_a_month_not_a_day_of_this_year():
    [(kind, first, last)] = kinds("its highest finish since October 2020")
    assert (kind, first, last) == (SINCE, dt.date(2020, 10, 1), dt.date(2020, 10, 31))
    [(kind, first, last)] = kinds("about 0.03% shy of its November 2021 record close")
    assert (kind, first, last) == (MONTH, dt.date(2021, 11, 1), dt.date(2021, 11, 30))


def test_market_periods():
    assert kinds("lost 4.7% for the week") == [(WEEK, dt.date(2025, 11, 17), dt.date(2025, 11, 23))]
    assert kinds("gained 12.0% in the third quarter") == [(QUARTER, dt.date(2025, 7, 1), dt.date(2025, 9, 30))]
    assert kinds("The Dow ended the quarter up 5.2%.", dt.date(2025, 9, 30))[0][0] == QUARTER
    assert kinds("a closing high in early December", dt.date(2025, 12, 20)) == [
        (RANGE, dt.date(2025, 12, 1), dt.date(2025, 12, 10))]
    assert kinds("the Russell gave back 1.5% in that session")[0][0] == SAME_DAY


def test_numbers_and_index_names_are_not_dates():
    assert kinds("The Russell 2000 jumped 2.8% to finish at 2,369.59.") == []
    assert kinds("The S&P 500 notched 57 record closes.") == []


def test_undated_text_is_dated_by_its_latest_date():
    assert infer_as_of("Since August 2025 … reaching 2,576 intraday on December 10th.") == dt.date(2025, 12, 10)
    assert infer_as_of("Dec.24 2025") == dt.date(2025, 12, 24)
    assert infer_as_of("The Russell 2000 rose on February 19.") is None  # 2000 is a name, not a year
    assert infer_as_of("No dates here.") is None


def test_note_abbreviations_and_from_a_dated_close():
    monday = dt.date(2024, 10, 21)
    [week] = find_periods("SPX ▲0.9% w/w", monday)
    assert (week.kind, week.first, week.last) == ("week", dt.date(2024, 10, 14), dt.date(2024, 10, 20))  # last week
    day, five = find_periods("SPX −2.7% 1d / −4.0% 5d", dt.date(2025, 3, 10))
    assert day.kind == "same_day" and five.sessions == 5
    [qtd] = find_periods("Nasdaq QTD +1.8%", dt.date(2024, 10, 18))
    assert (qtd.kind, qtd.first, qtd.last) == ("quarter", dt.date(2024, 10, 1), dt.date(2024, 10, 18))
    [since] = find_periods("The index has climbed 18% from its April 8 close.", dt.date(2025, 5, 12))
    assert (since.kind, since.first) == ("since", dt.date(2025, 4, 8))
