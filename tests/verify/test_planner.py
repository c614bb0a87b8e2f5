"""Claim sentences read as market queries (nlp.verify.planner)."""

import datetime as dt

from nlp.verify.planner import Planner

FRIDAY = dt.date(2024, 8, 5)


def queries(sentence, reference=FRIDAY, planner=None, block=0):
    plan = (planner or Planner(reference)).plan(sentence, [], block)
    return plan, [(q.measure, q.instrument, q.asserted.signed, q.asserted.qualifier) for q in plan.queries]


def test_points_are_changes_and_the_close_is_a_level():
    plan, got = queries("Blue chips tumbled 1,033.99 points, or 2.6%, to 38,703.27.")
    assert got == [("point_change", "^DJI", -1033.99, None), ("pct_change", "^DJI", -2.6, None),
                   ("level", "^DJI", 38703.27, None)]
    assert all(q.period.first == FRIDAY for q in plan.queries)  # a bare move in a daily wrap: its day


def test_qualifiers_and_aliases():
    _, got = queries("Oracle slumped nearly 14% as the tech-heavy index held up.")
    assert got == []  # Oracle is not in the alias table and no entity was given: no instrument
    _, got = queries("The tech-heavy index lost more than 2% on Monday.")
    assert got == [("pct_change", "^IXIC", -2.0, "above")]
    _, got = queries("The fear gauge settled below 17.")
    assert got == [("level", "^VIX", 17.0, "below")]


def test_records_streaks_counts_and_ranks_need_no_number():
    assert queries("It was a record close for the blue-chip index.")[1] == [("record_close", "^DJI", None, None)]
    assert queries("The Russell has now fallen for five straight sessions.")[1] == [("streak", "^RUT", -5, None)]
    assert queries("The Russell has fallen in 8 of the last 10 sessions.")[1] == [("count_sessions", "^RUT", -8,
                                                                                  None)]
    plan, got = queries("It was the broad market's worst session since September 2022.")
    assert got == [("rank_since", "^GSPC", None, None)] and plan.queries[0].options["worst"]


def test_drawdown_rebound_and_relative_performance():
    _, got = queries("The small-cap gauge is almost 10% below its July 16 closing high.")
    assert got == [("drawdown", "^RUT", 10.0, "just_below")]
    _, got = queries("From its April lows, the Russell 2000 rallied more than 40% by the end of 2025.")
    assert got == [("rebound", "^RUT", 40.0, "above")]
    plan, got = queries("The Russell 2000 outpaced the S&P 500 by 3.8 percentage points this week.")
    assert got == [("relative_pp", "^RUT", 3.8, None)] and plan.queries[0].versus == "^GSPC"


def test_what_price_data_cannot_settle_is_unverifiable_with_the_reason():
    assert queries("Including dividends, the Russell's total return this year is 12%.")[0].kind == "total_return"
    assert queries("Strategists expect the S&P 500 to reach 7,100 by year-end.")[0].kind == "forecast"
    assert queries("The S&P 500 trades at about 19 times forward earnings.")[0].kind == "valuation"
    assert queries("Japan's Nikkei 225 plunged 12.4% overnight.")[0].kind == "no_instrument"
    assert Planner(None).plan("The Russell 2000 rose 1.5% on Tuesday.", [], 0).kind == "no_date"


def test_anaphora_resolve_within_the_paragraph_and_never_to_another_kind():
    planner = Planner(FRIDAY)
    queries("The Russell 2000 fell 2% on Monday.", planner=planner, block=1)
    assert queries("The index fell 3.1% on Monday.", planner=planner, block=1)[1][0][1] == "^RUT"
    planner = Planner(FRIDAY)
    queries("Blue chips fell 2%.", planner=planner, block=1)
    assert queries("The stock rebounded 8.9% on Tuesday.", planner=planner, block=1)[0].kind == "no_instrument"


def test_each_clause_has_its_own_subject_and_window():
    _, got = queries("The Russell 2000 gained 11.3% in 2025, behind the S&P 500, which rose 16.4% in 2025.",
                     dt.date(2026, 1, 2))
    assert [(m, s) for m, s, *_ in got] == [("pct_change", "^RUT"), ("pct_change", "^GSPC")]
    plan, _ = queries("The Russell 2000 closed at 2,432.82 on November 7, and the index fell nearly 2% for the week.",
                      dt.date(2025, 11, 7))
    assert [q.period.kind for q in plan.queries] == ["day", "week"]


def test_respectively_written_signs_and_levels_in_points():
    _, got = queries("The S&P 500 and the Nasdaq rose 1.1% and 1.6%, respectively.")
    assert [(m, s, v) for m, s, v, _ in got] == [("pct_change", "^GSPC", 1.1), ("pct_change", "^IXIC", 1.6)]
    _, got = queries("S&P 500 | 5,987.37 | -0.3%")
    assert [(m, v) for m, _, v, _ in got] == [("level", 5987.37), ("pct_change", -0.3)]
    assert queries("The Nasdaq closed at 16,200.08 points.")[1] == [("level", "^IXIC", 16200.08, None)]
    assert queries("The Dow ended 2.3% lower.")[1][0][2] == -2.3


def test_streaks_in_a_row_and_ranks_within_a_span():
    assert queries("It was the Dow's fifth day of losses in a row.")[1] == [("streak", "^DJI", -5, None)]
    plan, got = queries("The Russell posted its lowest finish in six months.")
    assert got == [("rank_within", "^RUT", None, None)] and plan.queries[0].options["n"] == 6


def test_windows_named_by_market_idioms():
    reference = dt.date(2025, 7, 1)
    plan, _ = queries("In H1, the S&P 500 and the Nasdaq Composite gained 5.5% and 5.5%, respectively.", reference)
    assert {(q.period.first, q.period.last) for q in plan.queries} == {(dt.date(2025, 1, 1), dt.date(2025, 6, 30))}
    plan, _ = queries("The S&P 500 rallied 10.6% in the June quarter.", reference)
    assert (plan.queries[0].period.first, plan.queries[0].period.last) == (dt.date(2025, 4, 1), dt.date(2025, 6, 30))
    plan, _ = queries("The fear gauge ended June at 16.73, down roughly 3.6% year-to-date.", reference)
    assert [q.period.last for q in plan.queries] == [dt.date(2025, 6, 30), dt.date(2025, 6, 30)]
    plan, _ = queries("The Dow gained 0.5% over the past five sessions.", reference)
    assert plan.queries[0].period.sessions == 5
    plan, _ = queries("The S&P 500 fell 3.05% in the week ended Friday.", dt.date(2024, 4, 22))
    assert (plan.queries[0].period.first, plan.queries[0].period.last) == (dt.date(2024, 4, 15), dt.date(2024, 4, 21))


def test_a_figure_said_for_a_named_instrument_after_it():
    _, got = queries("The Dow is still up 0.6% year-to-date, compared with a 1.9% loss for the S&P 500.")
    assert [(s, v) for _, s, v, _ in got] == [("^DJI", 0.6), ("^GSPC", -1.9)]


def test_a_weekly_streak_after_a_weekly_move_is_of_that_week():
    planner = Planner(dt.date(2024, 4, 19))
    queries("The Nasdaq Composite lost 5.5% on the week.", planner=planner, block=3)
    plan, got = queries("It was the index's fourth consecutive weekly loss.", planner=planner, block=3)
    assert got == [("streak", "^IXIC", -4, None)]  # "loss", singular, is a fall
    assert plan.queries[0].options["unit"] == "week" and plan.queries[0].period.last == dt.date(2024, 4, 21)


def test_a_list_under_a_heading_takes_the_heading_time():
    planner = Planner(dt.date(2025, 11, 15))
    heading = "Scoreboard, week ended Nov. 14"
    plan = planner.plan("S&P 500: 6,734.11 (+0.1%)", [], 7, list_item=True, heading=heading)
    assert {(q.period.kind, q.period.first, q.period.last) for q in plan.queries if q.measure == "pct_change"} == {
        ("week", dt.date(2025, 11, 10), dt.date(2025, 11, 16))}


def test_records_on_record_rank_the_whole_history():
    plan, got = queries("It also posted its biggest one-day percentage jump on record.",
                        planner=_after("Wall Street's fear gauge jumped 65% to 38.57."))
    assert got == [("rank_since", "^VIX", None, None)]
    options = plan.queries[0].options
    assert options["named"] is None and options["highest"] and options["of"] == "change"
    plan, _ = queries("The Dow's worst point drop ever came on Monday.")
    assert plan.queries[0].options["of"] == "points" and plan.queries[0].options["worst"]


def _after(sentence, reference=FRIDAY):
    planner = Planner(reference)
    planner.plan(sentence, [], 0)
    return planner


def test_per_cent_number_words_fractions_and_multiples():
    assert queries("The Russell 2000 fell 0.3 per cent over the week.")[1] == [("pct_change", "^RUT", -0.3, None)]
    assert queries("The Dow rose six per cent on Friday.")[1] == [("pct_change", "^DJI", 6.0, None)]
    assert queries("The Nasdaq has more than doubled since 2020.")[1] == [("pct_change", "^IXIC", 100.0, "above")]
    plan, got = queries("The Russell shed almost a third of its value in the fourth quarter.")
    assert got == [("pct_change", "^RUT", -33.3, "just_below")] and plan.queries[0].asserted.decimals == -1


def test_a_measure_own_time_is_not_the_window():
    plan, got = queries("The S&P 500 sank nearly 3% to 5,872.16, its worst session since early August.",
                        reference=dt.date(2024, 12, 18))
    assert {q.period.first for q in plan.queries if q.measure != "rank_since"} == {dt.date(2024, 12, 18)}


def test_items_that_lead_with_their_figure():
    planner = Planner(dt.date(2026, 1, 30), title="January by the numbers")
    _, got = queries("2.1% — the S&P 500's drop on Jan. 20, its worst day since October.", planner=planner, block=4)
    assert got[-1] == ("pct_change", "^GSPC", -2.1, None) and got[0][0] == "rank_since"
    _, got = queries("5% — roughly how much the Nasdaq lost over the month.", planner=planner, block=5)
    assert got == [("pct_change", "^IXIC", -5.0, "about")]
    plan, got = queries("12 — sessions out of 20 in which the benchmark closed higher.", planner=planner, block=6)
    assert got == [("count_sessions", "^IXIC", 12, None)] and plan.queries[0].options["of"] == 20


def test_a_review_title_names_the_window_of_bare_figures():
    planner = Planner(dt.date(2025, 12, 31), title="The year in markets")
    plan, _ = queries("Small caps lagged again: the Russell 2000 rose 11.3%.", planner=planner)
    assert (plan.queries[0].period.first, plan.queries[0].period.last) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    plan, _ = queries("The Russell 2000 rose 1.1%.", reference=dt.date(2025, 12, 31))
    assert plan.queries[0].period.first == dt.date(2025, 12, 31)  # a plain wrap: its day


def test_a_sentence_without_figures_still_names_the_next_subject():
    planner = Planner(dt.date(2025, 12, 31))
    planner.observe("Apple was the year's laggard among the megacaps.", [_entity("Apple", "AAPL")], 2)
    _, got = queries("The company lost 4% in the fourth quarter.", planner=planner, block=2)
    assert got == [("pct_change", "AAPL", -4.0, None)]


def _entity(text, symbol, start=0):
    from nlp.schema import Entity

    return Entity(text=text, start=start, end=start + len(text), symbol=symbol, kind="stock")


def test_first_record_since_record_streaks_nth_ranks_and_ranges():
    plan, got = queries("The Russell posted its first record close since November 2021 on Sept. 18.")
    assert got == [("record_first", "^RUT", None, None)] and plan.queries[0].options["named"].first.year == 2021
    plan, _ = queries("It was the Russell's first record close in nearly four years.")
    assert plan.queries[0].options == {"gap_years": 4, "q": "nearly"}
    assert queries("The Russell rose 1%, a record close for the second straight day.")[1][0] == (
        "record_streak", "^RUT", 2, None)
    plan, _ = queries("The Nasdaq jumped 12.2%, the second-largest daily percentage gain in its history.")
    assert plan.queries[0].options["nth"] == 2 and plan.queries[0].options["named"] is None
    plan, got = queries("The Dow's September gain was between 1.5% and 2%.", reference=dt.date(2025, 10, 1))
    assert got == [("pct_change", "^DJI", 1.5, "between")] and plan.queries[0].asserted.upper == 2.0
    assert queries("The Nasdaq rose 1.7%, though it remains short of its own all-time high.")[1] == [
        ("pct_change", "^IXIC", 1.7, None)]


def test_direction_only_comparisons_swing_ranges_thresholds_and_derivatives():
    plan, got = queries("In the third quarter the tech-heavy Nasdaq once again outpaced the broad market.",
                        reference=dt.date(2025, 10, 1))
    assert got == [("relative_pp", "^IXIC", None, None)] and plan.queries[0].versus == "^GSPC"
    assert plan.queries[0].asserted.sign == 1
    plan, _ = queries("The Russell 2000 gained less than the S&P 500 this week.")
    assert plan.queries[0].asserted.sign == -1
    _, got = queries("On Monday the S&P 500 swung more than 400 points between its intraday high and low.")
    assert got == [("intraday_range", "^GSPC", 400.0, "above")]
    _, got = queries("The S&P 500 had fallen 18.9% from its Feb. 19 peak, just shy of the 20% threshold.")
    assert [g[0] for g in got] == ["drawdown"]
    plan, _ = queries("January VIX futures rose to about 21.3.")
    assert plan.kind == "derivatives" and not plan.queries


def test_forecast_cues_after_a_past_move_and_spans_from_a_day():
    plan, got = queries("For the week, the Russell is up roughly 15%, a figure that would be a good year.")
    assert got and plan.kind is None
    planner = Planner(dt.date(2025, 12, 31))
    planner.last_day = dt.date(2025, 4, 8)
    plan, _ = queries("From the same day's close, the Russell 2000 climbed about 41% by year-end.", planner=planner)
    assert (plan.queries[0].period.first, plan.queries[0].period.last) == (dt.date(2025, 4, 9), dt.date(2025, 12, 31))
    plan, _ = queries("The broad market peaked at a record 6,932.05 on Christmas Eve.", reference=dt.date(2025, 12, 31))
    assert plan.queries[-1].options["field"] == "close" and plan.queries[-1].period.first == dt.date(2025, 12, 24)
    assert queries("Strategists say the Russell would rally 10% by year-end.")[0].kind == "forecast"


def test_terse_close_alerts_and_blog_phrasings():
    plan, got = queries("VIX 20.82 (+3.17), highest close since Feb. 5.", reference=dt.date(2026, 2, 12))
    assert ("point_change", "^VIX", 3.17, None) in got and ("level", "^VIX", 20.82, None) in got
    assert next(q for q in plan.queries if q.measure == "rank_since").options["of"] == "close"
    _, got = queries("The Dow MTD -1.1% after today, red for Feb.", reference=dt.date(2026, 2, 12))
    assert got == [("pct_change", "^DJI", -1.1, None)]
    assert queries("R2K +0.8% on the day.")[1] == [("pct_change", "^RUT", 0.8, None)]
    _, got = queries("The stock has fallen five days in a row.", planner=_with_apple())
    assert got == [("streak", "AAPL", -5, None)]
    assert queries("The S&P closed lower in seven of ten sessions.")[1] == [("count_sessions", "^GSPC", -7, None)]
    _, got = queries("The Nasdaq-100 rose 12%, its best day since 2008.")
    assert ("pct_change", "^NDX", 12.0, None) in got and not [g for g in got if g[0] == "level"]
    plan, _ = queries("The VIX closed at 38.57 Monday (it spiked above 65 intraday).")
    assert [q.options.get("field") for q in plan.queries] == ["close", "high"]


def _with_apple():
    planner = Planner(FRIDAY)
    planner.observe("Apple is the stock I own most.", [_entity("Apple", "AAPL")], 0)
    return planner


def test_week_of_month_decades_closes_of_a_day_and_stale_titles():
    plan, _ = queries("The S&P 500 lost 3.1% in the first week of March.", reference=dt.date(2025, 3, 9))
    assert (plan.queries[0].period.first, plan.queries[0].period.last) == (dt.date(2025, 3, 3), dt.date(2025, 3, 9))
    _, got = queries("The VIX closed above 24 on 3/6, up from the low 20s a week earlier.",
                     reference=dt.date(2025, 3, 9))
    assert got == [("level", "^VIX", 24.0, "above")]
    plan, got = queries("The S&P 500 is still about 3.8% below its April 2 close.", reference=dt.date(2025, 4, 9))
    assert got == [("pct_change", "^GSPC", -3.8, "about")] and plan.queries[0].period.first == dt.date(2025, 4, 2)
    stale = Planner(dt.date(2024, 1, 20), title="Wall Street finally reclaims its 2022 peak")
    assert stale.title_period is None
    _, got = queries("The Dow fell 1.3% to 49,452, two sessions after its record close.")
    assert "record_close" not in [g[0] for g in got]


def test_a_record_close_named_after_a_drawdown_and_tentative_forecasts():
    plan, got = queries("The S&P 500 now sits roughly 5.5% under the record close it set on March 28.",
                        reference=dt.date(2024, 4, 19))
    assert [g[0] for g in got] == ["drawdown"]
    query = plan.queries[0]
    assert query.options["named"].first == dt.date(2024, 3, 28) and query.period.first == dt.date(2024, 4, 19)
    assert queries("One strategist thinks the S&P 500 could fall to 5,400 by summer.")[0].kind == "forecast"


def test_each_figure_takes_its_own_idiom_window():
    plan, got = queries("Russell 2000 got smoked: -2% on the day and more than 4% on the week.")
    assert [g[0] for g in got] == ["pct_change", "pct_change"]
    day, week = (q.period for q in plan.queries)
    assert day.first == day.last == FRIDAY and week.kind == "week"


def test_implied_volatility_and_futures_are_not_the_index():
    plan, got = queries("One-month implied volatility on the S&P 500 ended near 19%.")
    assert got == [] and plan.kind == "derivatives"
    plan, got = queries("The December VIX future settled at 22.1.")
    assert got == []


def test_counts_and_streaks_as_commentary_writes_them():
    assert queries("The S&P 500 rose in all five sessions, a clean sweep.")[1] == [("count_sessions", "^GSPC", 5, None)]
    plan, got = queries("The Russell 2000 has risen in 9 of January's 11 sessions.")
    assert got == [("count_sessions", "^RUT", 9, None)] and plan.queries[0].options["of"] == 11
    assert queries("The Nasdaq is down three days straight.")[1] == [("streak", "^IXIC", -3, None)]
    assert queries("The Nasdaq Composite strung together five straight record closes.")[1] == [
        ("record_streak", "^IXIC", 5, None)]


def test_present_tense_relative_and_a_peak_they_set_on_a_day():
    plan, got = queries("The Russell 2000 lags the S&P 500 by more than 5 percentage points in 2024.")
    assert got == [("relative_pp", "^RUT", -5.0, "above")] and plan.queries[0].versus == "^GSPC"
    plan, got = queries("The Nasdaq is roughly 12% below the record close they set on Feb. 19.")
    assert [g[0] for g in got] == ["drawdown"] and plan.queries[0].options["named"].first == dt.date(2024, 2, 19)


def test_a_record_a_day_before_the_day_named():
    plan, got = queries("The S&P 500 fell 1.1% on Friday, a day after notching a record close.")
    record = next(q for q in plan.queries if q.measure == "record_close")
    assert record.options["sessions_back"] == 1
    plan, _ = queries("The slide came just a day after Broadcom had closed at a record on Thursday.")
    assert all(q.options.get("sessions_back", 0) == 0 for q in plan.queries)


def test_a_change_from_where_a_period_ended():
    plan, got = queries("The VIX closed Friday at 15.86, about 0.9 point above where it ended 2025.",
                        reference=dt.date(2026, 1, 16))
    assert got[0] == ("point_change", "^VIX", 0.9, "about")
    assert plan.queries[0].period.first == dt.date(2025, 12, 31)
    plan, got = queries("The Russell 2000 is 4% above where it started the year.", reference=dt.date(2026, 1, 16))
    assert got == [("pct_change", "^RUT", 4.0, None)] and plan.queries[0].period.first == dt.date(2025, 12, 31)


def test_a_high_to_low_swing_of_a_previous_close_and_a_period_dated_by_its_end():
    plan, got = queries("The S&P 500's high-to-low swing on Thursday amounted to more than 3.5% of Wednesday's close.",
                        reference=dt.date(2025, 11, 21))
    assert got == [("intraday_range", "^GSPC", 3.5, "above")] and plan.queries[0].period.first == dt.date(2025, 11, 20)
    plan, got = queries("For July (which ended Thursday), the S&P 500 gained 2.2%.", reference=dt.date(2025, 8, 2))
    assert plan.queries[0].period.first.month == 7 and plan.queries[0].period.last == dt.date(2025, 7, 31)


def test_clock_times_are_not_levels_and_intraday_extremes_in_plain_words():
    plan, got = queries("The VIX finished at 21.66, up almost 32% on the day, with the close confirmed at 4:15.")
    assert ("level", "^VIX", 21.66, None) in got and not any(g[2] in (4.0, 15.0) for g in got)
    _, got = queries("At its best level of the morning the S&P 500 was up about 0.4%.")
    assert got == [("intraday_swing", "^GSPC", 0.4, "about")]
    plan, got = queries("The Nasdaq, up 2% at Thursday's high, finished the session down 1.2%.",
                        reference=dt.date(2025, 11, 21))
    assert [g[0] for g in got] == ["intraday_swing", "pct_change"]
    assert all(q.period.first == dt.date(2025, 11, 20) for q in plan.queries)


def test_a_scorecard_row_is_read_cell_by_cell_under_its_header():
    columns = ["Index", "Close", "Week", "MTD", "YTD", "P/E"]
    plan = Planner(dt.date(2025, 6, 27)).plan("S&P 500 | 6,173.07 | +3.4% | +4.4% | +5.0% | 22.1", [], 0,
                                              columns=columns)
    got = [(q.measure, q.instrument, q.asserted.signed, q.period.kind) for q in plan.queries]
    assert got == [("level", "^GSPC", 6173.07, "day"), ("pct_change", "^GSPC", 3.4, "week"),
                   ("pct_change", "^GSPC", 4.4, "month"), ("pct_change", "^GSPC", 5.0, "year")]  # no P/E
    plan = Planner(dt.date(2025, 6, 27)).plan("Index | Close | Week", [], 0, columns=["Index", "Close", "Week"])
    assert not plan.queries and plan.kind == "no_measure"


def test_a_winning_streak_and_one_that_was_snapped():
    plan, got = queries("The S&P 500 extended its five-day winning streak.")
    assert got == [("streak", "^GSPC", 5, None)] and plan.queries[0].options["sessions_back"] == 0
    plan, got = queries("Friday's drop snapped a four-day winning streak for the S&P 500.")
    assert got == [("streak", "^GSPC", 4, None)] and plan.queries[0].options["sessions_back"] == 1
    plan, _ = queries("The S&P 500 closed lower on Friday, ending a sixth straight session of losses.")
    assert all(q.options.get("sessions_back", 0) == 0 for q in plan.queries)


def test_records_in_the_plural():
    measure, instrument, *_ = queries("The S&P 500 and the Dow both finish at records.")[1][0]
    assert measure == "record_close" and instrument in ("^GSPC", "^DJI")


def test_a_time_phrase_trailing_a_second_figure_is_that_figure_own():
    day = dt.date(2024, 7, 26)  # a Friday wrap
    plan, _ = queries("The Russell 2000 lost 2.1% but remains up more than 7% for July.", day)
    assert [(q.period.kind, q.period.first) for q in plan.queries] == [("day", day), ("month", dt.date(2024, 7, 1))]
    plan, _ = queries("The Russell 2000 gained 3.4% and has now climbed 18% since its April 8 close.",
                      dt.date(2025, 5, 12))
    assert [q.period.kind for q in plan.queries] == ["day", "since"]
    # the same move in points and percent shares its day; a list of instruments shares its period
    plan, _ = queries("The Dow added 2,962.86 points, or 7.9%, on Wednesday.", dt.date(2025, 4, 12))
    assert {q.period.first for q in plan.queries} == {dt.date(2025, 4, 9)}
    plan, _ = queries("The S&P 500 rose 1.2% and the Nasdaq added 1.5% for the week.", day)
    assert [q.period.kind for q in plan.queries] == ["week", "week"]
    # a tag after a figure and a label before one are that figure's
    plan, _ = queries("SPX MTD -1.5%, YTD -0.2%.", dt.date(2026, 2, 12))
    assert [q.period.kind for q in plan.queries] == ["month", "year"]


def test_note_signs_dates_and_abbreviations():
    _, got = queries("VIX 18.03, ▼11.9% w/w", dt.date(2024, 10, 21))
    assert ("pct_change", "^VIX", -11.9, None) in got
    _, got = queries("SPX now −8.6% from the 2/19 ATH", dt.date(2025, 3, 11))
    assert [g[0] for g in got] == ["drawdown"]  # "2/19" is a date, not a level
    _, got = queries("Q3 S&P 500 EPS growth is tracking +3.4% y/y", dt.date(2024, 10, 21))
    assert got == []


def test_a_snapped_monthly_streak_an_aside_about_the_future_and_a_later_month():
    plan, _ = queries("The S&P 500 slipped 1% in October, snapping a five-month winning streak.", dt.date(2024, 11, 1))
    streak = next(q for q in plan.queries if q.measure == "streak")
    assert streak.options["unit"] == "month" and streak.options["sessions_back"] == 1
    plan, _ = queries("Nvidia, which reports results next week, fell 1.4%.", dt.date(2025, 2, 21),
                      planner=Planner(dt.date(2025, 2, 21)))
    assert plan.kind == "no_instrument" or all(q.period.first <= dt.date(2025, 2, 21) for q in plan.queries)
    plan, _ = queries("Quarter to date, the Nasdaq Composite has gained 10.5%, erasing the April damage.",
                      dt.date(2025, 6, 1))
    assert (plan.queries[0].period.first, plan.queries[0].period.last) == (dt.date(2025, 4, 1), dt.date(2025, 6, 1))


def test_a_seasonal_rank_and_a_move_said_of_an_instrument_named_after_it():
    plan, _ = queries("It was also the S&P 500's best May since 1990.", dt.date(2025, 6, 1))
    [rank] = plan.queries
    assert (rank.measure, rank.options["season"], rank.options["unit"]) == ("rank_since", 5, "month")
    plan, got = queries("Tuesday's 2.1% drop in the S&P 500 was its worst day since Aug. 5.", dt.date(2024, 9, 7))
    assert {g[1] for g in got} == {"^GSPC"} and {g[0] for g in got} == {"rank_since", "pct_change"}


def test_a_plural_subject_stands_for_the_instruments_named_before():
    planner = Planner(dt.date(2025, 5, 12))
    planner.plan("The S&P 500 jumped 3.3%. The Nasdaq soared 4.35%.", [], 0)
    planner.plan("The Dow climbed 3.8%.", [], 1)
    plan = planner.plan("All three indexes booked their best day since April 9.", [], 2)
    assert sorted(q.instrument for q in plan.queries) == ["^DJI", "^GSPC", "^IXIC"]
    assert queries("The two-year Treasury yield fell about 11 basis points.", planner=planner, block=3)[1] == []


def test_short_years_tickers_of_notes_and_52_week_highs():
    plan, got = queries("COMP −4.0%, its worst day since Sep '22", dt.date(2025, 3, 11))
    rank = next(q for q in plan.queries if q.measure == "rank_since")
    assert rank.options["named"].first == dt.date(2022, 9, 1) and all(g[2] != 22 for g in got)
    plan, got = queries("RTY sits −17.3% vs its 52w closing high", dt.date(2025, 3, 10))
    assert [(g[0], g[1]) for g in got] == [("drawdown", "^RUT")]
    assert plan.queries[0].options["named"].kind == "duration"


def test_best_start_to_a_year_and_its_after_an_unpriced_subject():
    plan, _ = queries("The Nasdaq Composite climbed 18.1% in the first half, its best start to a year since 2020.",
                      dt.date(2025, 6, 29))
    rank = next(q for q in plan.queries if q.measure == "rank_since")
    assert rank.options["season"] == "ytd" and rank.options["named"].first.year == 2020
    planner = Planner(dt.date(2025, 6, 30))
    planner.plan("The VIX fell 2% on the day.", [], 0)
    assert queries("The dollar index suffered its worst first half since 1973.", planner=planner)[1] == []


def test_counts_of_sessions_as_notes_write_them():
    _, got = queries("RTY: 11 of the last 13 sessions lower", dt.date(2025, 3, 10))
    assert got == [("count_sessions", "^RUT", -11, None)]
    _, got = queries("IWM has risen in all eight August sessions so far.", dt.date(2025, 8, 12))
    assert got == [("count_sessions", "IWM", 8, None)]
