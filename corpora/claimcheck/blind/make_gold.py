#!/usr/bin/env python3
"""Build gold.jsonl for the claim-check blind set by computing every checked value from the price CSVs.

Data root: $FINNEWS_DATA (default /work/shared); files under <root>/market/ (see gold_lib.FILES).
Every claim is evaluated twice (^RUT/^DJI volume-0 provisional rows dropped, then kept) and both runs must
give the intended verdict. Run from anywhere: python3 corpora/claimcheck/blind/make_gold.py
"""
import json, math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import gold_lib as G  # noqa: E402

PAGES = os.path.join(HERE, "pages")
INF = float("inf")


# ---------------------------------------------------------------- check constructors
def _half(dec):
    return 0.5 * 10 ** (-dec) * 1.0001 + 1e-9


def rounded(n, dec):
    """Plain number N written with dec decimals: true iff value rounds to N."""
    return ("range", n - _half(dec), n + _half(dec), n)


def about(n, dec):
    return rounded(n, dec)


def nearly(n, width):
    """'nearly/almost N': just below N (N - width <= v < N)."""
    return ("range", n - width, n - 1e-12, n)


def more_than(n):
    return ("range", n + 1e-12, INF, n)


def below(n):
    return ("range", -INF, n - 1e-12, n)


def above(n):
    return ("range", n + 1e-12, INF, n)


def eq(v):
    return ("eq", v)


def in_month(ym):
    return ("month", ym)


def ck(inst, measure, ws, we, fn, test, asserted=None):
    if asserted is None and test[0] == "range":
        asserted = test[3]
    if asserted is None and test[0] == "eq" and not isinstance(test[1], bool):
        asserted = test[1]
    # evaluated immediately (inside build(), after the data mode is set) so closures bind the current date
    return dict(inst=inst, measure=measure, ws=ws() if callable(ws) else ws, we=we, val=fn(), test=test, asserted=asserted)


# common measures ------------------------------------------------------------
def day_pct(t, d, test):
    return ck(t, "pct_change", lambda: G.prev_day(t, d), d, lambda: G.day_pct(t, d), test)


def day_pts(t, d, test):
    return ck(t, "point_change", lambda: G.prev_day(t, d), d, lambda: G.day_pts(t, d), test)


def win_pct(t, d0, d1, test):
    """% change from the close of d0 (prior period's last close) to the close of d1."""
    return ck(t, "pct_change", d0, d1, lambda: G.pct(t, d0, d1), test)


def close(t, d, test):
    return ck(t, "close", None, d, lambda: G.close(t, d), test)


def signed(v, neg):
    return -v if neg else v


def run_test(test, v):
    kind = test[0]
    if kind == "range":
        return test[1] <= v <= test[2]
    if kind == "eq":
        return v == test[1]
    if kind == "month":
        return v is not None and v[:7] == test[1]
    raise ValueError(kind)


def clear_miss(test, v, measure):
    """For contradicted claims: the failing value must be clearly outside the asserted range."""
    kind = test[0]
    if kind in ("eq", "month"):
        return True
    lo, hi, n = test[1], test[2], test[3]
    miss = (lo - v) if v < lo else (v - hi)
    if measure in ("close", "high", "low", "level"):
        return miss >= 0.003 * abs(n)
    if lo > -INF and hi < INF and (v > 0) != (n > 0) and n != 0:
        return True  # wrong sign
    return miss >= max(0.25, 0.1 * abs(n))


# ---------------------------------------------------------------- claim spec
def build():
    C = []

    def claim(page, contains, verdict, family, checks=(), reason="", inst=None, measure=None, ws=None, we=None, asserted=None):
        C.append(dict(page=page, contains=contains, verdict=verdict, family=family, checks=list(checks), reason=reason,
                      inst=inst, measure=measure, ws=ws, we=we, asserted=asserted))

    # ---- A1 HTML (article:published_time), Tuesday 2024-02-13
    p, d = "crimson-ledger-cpi-shock.html", "2024-02-13"
    claim(p, "The Russell 2000 tumbled 3.96% to 1,964.17 on Tuesday, a drop of 81.09 points", "supported", "daily_pct_points_close",
          [day_pct("^RUT", d, rounded(-3.96, 2)), day_pts("^RUT", d, rounded(-81.09, 2)), close("^RUT", d, rounded(1964.17, 2))],
          "Tuesday = publication day; % change, point change and close all match")
    claim(p, "steepest one-day slide since June 2022", "supported", "superlative_day_since",
          [ck("^RUT", "worst_day_since", None, d, lambda: G.last_bigger_move("^RUT", d), in_month("2022-06"))],
          "last daily drop at least as large was in June 2022")
    claim(p, "At its worst point of the session the Russell was down more than 4.5%", "supported", "intraday_low",
          [ck("^RUT", "intraday_low_pct", lambda: G.prev_day("^RUT", d), d, lambda: G.intraday_low_pct("^RUT", d), below(-4.5), asserted=-4.5)],
          "session low vs prior close is beyond -4.5%")
    claim(p, "The decline left the Russell 2000 up 3.1% for the year so far", "contradicted", "ytd",
          [win_pct("^RUT", "2023-12-29", d, rounded(3.1, 1))], "index is down YTD (wrong sign)")
    claim(p, "That selloff comes after the Russell 2000 gained 15.1% in 2023", "supported", "calendar_year",
          [win_pct("^RUT", "2022-12-30", "2023-12-29", rounded(15.1, 1))], "2023 calendar-year change matches")
    claim(p, "with the Dow Jones Industrial Average slipping just 0.4%", "contradicted", "daily_pct_alias",
          [day_pct("^DJI", d, rounded(-0.4, 1))], "Dow fell far more than 0.4% (blue chips alias)")
    claim(p, "The tech-heavy Nasdaq Composite lost 2.9% and finished below 15,500", "contradicted", "daily_pct_and_level",
          [day_pct("^IXIC", d, rounded(-2.9, 1)), close("^IXIC", d, below(15500))], "drop much smaller than 2.9% and close above 15,500")
    claim(p, "The Nasdaq 100 has now fallen in seven of its last ten sessions", "contradicted", "count_sessions",
          [ck("^NDX", "count_down", None, d, lambda: G.count_down("^NDX", d, 10), eq(7))], "fewer down sessions in the last ten")
    claim(p, "The fear gauge jumped nearly 14% to close at 15.85", "supported", "vix_level_pct",
          [day_pct("^VIX", d, nearly(14, 0.7)), close("^VIX", d, rounded(15.85, 2))], "VIX rise just under 14%, close matches")
    claim(p, "ending the year at 5,200, arguing that disinflation", "unverifiable", "forecast",
          reason="year-end target (forecast)", inst="^GSPC", measure="forecast", asserted=5200)
    claim(p, "Small caps trade at roughly 13 times forward earnings", "unverifiable", "valuation",
          reason="valuation multiple, no price data", inst=None, measure="valuation", asserted=13)

    # ---- A2 HTML (JSON-LD datePublished), Friday 2025-10-10
    p, d = "harborview-friday-selloff.html", "2025-10-10"
    claim(p, "sank 2.7% on Friday to 6,552.51, its worst session since April", "supported", "daily_pct_close_superlative",
          [day_pct("^GSPC", d, rounded(-2.7, 1)), close("^GSPC", d, rounded(6552.51, 2)),
           ck("^GSPC", "worst_day_since", None, d, lambda: G.last_bigger_move("^GSPC", d), in_month("2025-04"))],
          "S&P 500 day move, close and last bigger drop (April) all match")
    claim(p, "The Nasdaq Composite dropped 820 points, or 3.6%, after being up about 0.4% early", "supported", "intraday_swing",
          [day_pts("^IXIC", d, rounded(-820, 0)), day_pct("^IXIC", d, rounded(-3.6, 1)),
           ck("^IXIC", "intraday_high_pct", lambda: G.prev_day("^IXIC", d), d, lambda: G.intraday_high_pct("^IXIC", d), about(0.4, 1))],
          "point and % loss match; session high about 0.4% above prior close")
    claim(p, "The Russell 2000 shed 3.0% and closed at its lowest level since June", "contradicted", "lowest_close_since",
          [day_pct("^RUT", d, rounded(-3.0, 1)), ck("^RUT", "lowest_since", None, d, lambda: G.last_close_at_or_below("^RUT", d), in_month("2025-06"))],
          "lowest close only since September, not June")
    claim(p, "The Russell finished 3.7% below the record close it set on Monday", "supported", "drawdown_from_dated_high",
          [ck("^RUT", "record_close", None, "2025-10-06", lambda: G.is_record_close("^RUT", "2025-10-06"), eq(True)),
           win_pct("^RUT", "2025-10-06", d, rounded(-3.7, 1))], "Monday Oct 6 was a record close; drawdown matches")
    claim(p, "The iShares Russell 2000 ETF (IWM) ended at $237.79", "supported", "etf_close",
          [close("IWM", d, rounded(237.79, 2))], "unadjusted IWM close (clean stretch)")
    claim(p, "Blue chips fell for a third straight session", "contradicted", "streak",
          [ck("^DJI", "streak", None, d, lambda: G.streak("^DJI", d), eq(-3))], "Dow losing streak was longer than three")
    claim(p, "leapt to 21.66, its highest close since May", "supported", "vix_highest_since",
          [close("^VIX", d, rounded(21.66, 2)), ck("^VIX", "highest_since", None, d, lambda: G.last_close_at_or_above("^VIX", d), in_month("2025-05"))],
          "VIX close matches; last higher close in May")
    claim(p, "For the week, the broad market lost 0.9%", "contradicted", "weekly",
          [win_pct("^GSPC", "2025-10-03", d, rounded(-0.9, 1))], "weekly S&P 500 loss far larger")
    claim(p, "saw about $1.2 billion in outflows on the day", "unverifiable", "flows",
          reason="fund flows, no data", inst=None, measure="flows", asserted=1.2e9)

    # ---- A3 HTML (article:published_time), Friday 2026-02-06
    p, d = "northgate-dow-milestone.html", "2026-02-06"
    claim(p, "surged 1,206.95 points, or 2.5%, to close at 50,115.67 on Friday", "supported", "daily_pct_points_close",
          [day_pts("^DJI", d, rounded(1206.95, 2)), day_pct("^DJI", d, rounded(2.5, 1)), close("^DJI", d, rounded(50115.67, 2))],
          "Dow point/% change and close match")
    claim(p, "first close above 50,000 and a record finish", "supported", "record_close",
          [ck("^DJI", "record_close", None, d, lambda: G.is_record_close("^DJI", d), eq(True)),
           ck("^DJI", "max_prior_close", None, G.prev_day("^DJI", d), lambda: G.max_close_between("^DJI", "1900-01-01", G.prev_day("^DJI", d))[1], below(50000))],
          "record close; no earlier close above 50,000")
    claim(p, "biggest one-day percentage gain since March 2020", "contradicted", "superlative_day_since",
          [ck("^DJI", "best_day_since", None, d, lambda: G.last_bigger_move("^DJI", d), in_month("2020-03"))],
          "a larger daily gain occurred in 2025")
    claim(p, "Blue chips have now risen for nine straight months through January", "supported", "monthly_streak",
          [ck("^DJI", "monthly_win_streak", None, "2026-01-30", lambda: G.monthly_win_streak("^DJI", "2026-01"), eq(9))],
          "nine consecutive monthly gains ending January 2026")
    claim(p, "The Dow gained 25% across calendar 2025", "contradicted", "calendar_year",
          [win_pct("^DJI", "2024-12-31", "2025-12-31", rounded(25, 0))], "2025 gain about half that")
    claim(p, "The Russell 2000 jumped 3.6%, its best day since August", "supported", "daily_pct_superlative",
          [day_pct("^RUT", d, rounded(3.6, 1)), ck("^RUT", "best_day_since", None, d, lambda: G.last_bigger_move("^RUT", d), in_month("2025-08"))],
          "move matches; last bigger gain in August 2025")
    claim(p, "the Russell remained nearly 8% below its Jan. 22 record close", "contradicted", "drawdown_from_dated_high",
          [ck("^RUT", "record_close", None, "2026-01-22", lambda: G.is_record_close("^RUT", "2026-01-22"), eq(True)),
           win_pct("^RUT", "2026-01-22", d, ("range", -8.0, -7.2, -8.0))], "drawdown far smaller than 8%")
    claim(p, "Nvidia climbed 7.9% and Broadcom added 7.2%", "supported", "stock_daily_pct",
          [day_pct("NVDA", d, rounded(7.9, 1)), day_pct("AVGO", d, rounded(7.2, 1))], "both stock moves match")
    claim(p, "rose 2.2% on the day but still ended the week up 1.8%", "contradicted", "weekly",
          [day_pct("^IXIC", d, rounded(2.2, 1)), win_pct("^IXIC", "2026-01-30", d, rounded(1.8, 1))], "Nasdaq fell on the week (wrong sign)")
    claim(p, "The fear gauge eased 1.40 points to 20.37", "supported", "vix_points_level",
          [day_pts("^VIX", d, rounded(-1.40, 2)), close("^VIX", d, rounded(20.37, 2))], "VIX point drop and close match")
    claim(p, "Analysts now expect the Dow to reach 55,000 by year-end", "unverifiable", "forecast",
          reason="forecast", inst="^DJI", measure="forecast", asserted=55000)

    # ---- A4 Markdown (YAML date), Monday 2024-07-01
    p, d = "ridgeline-first-half-scorecard.md", "2024-06-28"
    claim(p, "finished the first half up 14.5%, closing Friday at 5,460.48", "supported", "half_year_and_close",
          [win_pct("^GSPC", "2023-12-29", d, rounded(14.5, 1)), close("^GSPC", d, rounded(5460.48, 2))], "H1 change and Friday close match")
    claim(p, "The benchmark notched 31 record closes over those six months", "supported", "record_count",
          [ck("^GSPC", "record_close_count", "2024-01-02", d, lambda: G.record_closes_between("^GSPC", "2024-01-01", d), eq(31))],
          "31 record closes in H1 2024")
    claim(p, "has risen in five of the six months this year", "supported", "monthly_count",
          [ck("^GSPC", "count_up_months", "2024-01-31", d,
              lambda: sum(1 for e in G.month_end_close_dates("^GSPC", "2024-01", "2024-06")
                          if G.close("^GSPC", e) > G.close("^GSPC", G.period_end_before("^GSPC", e[:8] + "01"))), eq(5))],
          "five up months Jan-Jun")
    claim(p, "The Nasdaq Composite gained 24% in the first half", "contradicted", "half_year",
          [win_pct("^IXIC", "2023-12-29", d, rounded(24, 0))], "H1 gain well below 24%")
    claim(p, "Nvidia's shares rose nearly 150% in the first half", "supported", "stock_half_year",
          [win_pct("NVDA", "2023-12-29", d, nearly(150, 7.5))], "just under 150%")
    claim(p, "Apple lagged in the second quarter, slipping 4%", "contradicted", "stock_quarter",
          [win_pct("AAPL", "2024-03-28", d, rounded(-4, 0))], "Apple rose sharply in Q2 (wrong sign)")
    claim(p, "trailing the S&P 500 by more than 13 percentage points", "supported", "relative_pp",
          [win_pct("^RUT", "2023-12-29", d, about(1, 0)),
           ck("^RUT", "relative_pp", "2023-12-29", d, lambda: G.pct("^RUT", "2023-12-29", d) - G.pct("^GSPC", "2023-12-29", d), below(-13), asserted=-13)],
          "Russell ~1% vs S&P ~14.5%: gap above 13 pp")
    claim(p, "with the Russell falling 8.6% from the end of March", "contradicted", "quarter",
          [win_pct("^RUT", "2024-03-28", d, rounded(-8.6, 1))], "Q2 loss much smaller")
    claim(p, "The VIX never closed above 15 during the half", "contradicted", "vix_max",
          [ck("^VIX", "max_close", "2024-01-02", d, lambda: G.max_close_between("^VIX", "2024-01-01", d)[1], ("range", -INF, 15, 15))],
          "VIX closed well above 15 in April")
    claim(p, "Including dividends, the S&P 500 returned 15.3%", "unverifiable", "total_return",
          reason="total return including dividends", inst="^GSPC", measure="total_return", ws="2023-12-29", we=d, asserted=15.3)
    claim(p, "are projected to grow about 9% in the second quarter", "unverifiable", "fundamentals",
          reason="earnings forecast", inst=None, measure="earnings", asserted=9)

    # ---- A5 Markdown ("Published" line), Monday 2025-06-09
    p, d = "tidewater-rebound-check.md", "2025-06-06"
    claim(p, "closed Friday at 6,000.36, its first finish above 6,000 since February", "supported", "highest_since",
          [close("^GSPC", d, rounded(6000.36, 2)),
           ck("^GSPC", "highest_since", None, d, lambda: G.last_close_at_or_above("^GSPC", d), in_month("2025-02"))],
          "Friday close matches; last close at or above it was in February")
    claim(p, "up more than 20% from its April 8 close", "supported", "since_date",
          [win_pct("^GSPC", "2025-04-08", d, more_than(20))], "rebound from April 8 above 20%")
    claim(p, "still about 2.3% below its Feb. 19 record close", "supported", "drawdown_from_dated_high",
          [ck("^GSPC", "record_close", None, "2025-02-19", lambda: G.is_record_close("^GSPC", "2025-02-19"), eq(True)),
           win_pct("^GSPC", "2025-02-19", d, about(-2.3, 1))], "Feb 19 record; gap about 2.3%")
    claim(p, "The Nasdaq Composite has rallied 34% off its April 8 low", "contradicted", "rebound_from_low",
          [win_pct("^IXIC", "2025-04-08", d, rounded(34, 0))], "rebound well below 34%")
    claim(p, "In May alone, the tech-heavy Nasdaq jumped 9.6%, while the S&P 500 gained 6.2%", "supported", "monthly",
          [win_pct("^IXIC", "2025-04-30", "2025-05-30", rounded(9.6, 1)), win_pct("^GSPC", "2025-04-30", "2025-05-30", rounded(6.2, 1))],
          "May 2025 monthly changes match")
    claim(p, "with the Russell 2000 now up 4.4% for the year", "contradicted", "ytd",
          [win_pct("^RUT", "2024-12-31", d, rounded(4.4, 1))], "Russell down YTD (wrong sign)")
    claim(p, "rose 3.2% last week, outpacing the S&P 500 by about 1.7 percentage points", "supported", "relative_pp_weekly",
          [win_pct("^RUT", "2025-05-30", d, rounded(3.2, 1)),
           ck("^RUT", "relative_pp", "2025-05-30", d, lambda: G.pct("^RUT", "2025-05-30", d) - G.pct("^GSPC", "2025-05-30", d), about(1.7, 1))],
          "weekly Russell gain and gap vs S&P match")
    claim(p, "The fear gauge finished last week at 21.77", "contradicted", "vix_level",
          [close("^VIX", d, rounded(21.77, 2))], "VIX closed far lower")
    claim(p, "Corporate buybacks are on pace to top $1 trillion", "unverifiable", "fundamentals",
          reason="buyback flows", inst=None, measure="flows", asserted=1e12)
    claim(p, "Gold, meanwhile, traded near $3,300 an ounce", "unverifiable", "no_price_data",
          reason="instrument without price data", inst=None, measure="level", we=d, asserted=3300)

    # ---- A6 plain text dateline, Wednesday 2024-12-18
    p, d = "lakeshore-fed-day-rout.txt", "2024-12-18"
    claim(p, "lost 1,123 points, or 2.6%, to 42,326.87, its 10th straight decline", "supported", "daily_pct_points_close_streak",
          [day_pts("^DJI", d, rounded(-1123, 0)), day_pct("^DJI", d, rounded(-2.6, 1)), close("^DJI", d, rounded(42326.87, 2)),
           ck("^DJI", "streak", None, d, lambda: G.streak("^DJI", d), eq(-10))], "all match; ten straight losses")
    claim(p, "longest losing streak since 1974", "unverifiable", "outside_data",
          reason="reference to 1974, before the start of the ^DJI file", inst="^DJI", measure="streak_since", we=d)
    claim(p, "The Russell 2000 plunged 4.4%, its worst day since June 2022", "supported", "daily_pct_superlative",
          [day_pct("^RUT", d, rounded(-4.4, 1)), ck("^RUT", "worst_day_since", None, d, lambda: G.last_bigger_move("^RUT", d), in_month("2022-06"))],
          "move matches; last bigger drop June 2022")
    claim(p, "The small-cap index has fallen in seven of its last ten sessions", "supported", "count_sessions",
          [ck("^RUT", "count_down", None, d, lambda: G.count_down("^RUT", d, 10), eq(7))], "7 down sessions of last 10")
    claim(p, "ended the day 3% below its Nov. 25 record close", "contradicted", "false_record_drawdown",
          [ck("^RUT", "record_close", None, "2024-11-25", lambda: G.is_record_close("^RUT", "2024-11-25"), eq(True)),
           win_pct("^RUT", "2024-11-25", d, rounded(-3, 0))], "Nov 25 was not a record close and the drop from it was far larger")
    claim(p, "The S&P 500 fell 2.95% but held above 5,900", "contradicted", "daily_pct_and_level",
          [day_pct("^GSPC", d, rounded(-2.95, 2)), close("^GSPC", d, above(5900))], "closed below 5,900")
    claim(p, "had been up more than 0.3% earlier in the session before closing down 3.6%", "supported", "intraday_swing",
          [ck("^IXIC", "intraday_high_pct", lambda: G.prev_day("^IXIC", d), d, lambda: G.intraday_high_pct("^IXIC", d), more_than(0.3)),
           day_pct("^IXIC", d, rounded(-3.6, 1))], "session high >0.3% above prior close; close down 3.6%")
    claim(p, "The fear gauge soared 74% to 27.62", "supported", "vix_level_pct",
          [day_pct("^VIX", d, rounded(74, 0)), close("^VIX", d, rounded(27.62, 2))], "VIX move and close match")
    claim(p, "biggest one-day percentage jump since March 2020", "contradicted", "superlative_day_since",
          [ck("^VIX", "best_day_since", None, d, lambda: G.last_bigger_move("^VIX", d), in_month("2020-03"))],
          "last larger VIX jump was in February 2018")
    claim(p, "the 10-year Treasury yield climbed to about 4.5%", "unverifiable", "no_price_data",
          reason="instrument without price data", inst=None, measure="level", we=d, asserted=4.5)

    # ---- A7 plain text dateline, Friday 2026-01-23
    p, d = "greatlakes-smallcap-streak.txt", "2026-01-23"
    claim(p, "dropped 1.8% on Friday, snapping a 14-session stretch in which it had outperformed", "supported", "relative_streak",
          [day_pct("^RUT", d, rounded(-1.8, 1)),
           ck("^RUT", "relative_streak", None, "2026-01-22", lambda: G.rel_streak("^RUT", "^GSPC", "2026-01-22"), eq(14)),
           ck("^RUT", "relative_streak", None, d, lambda: G.rel_streak("^RUT", "^GSPC", d), eq(0))],
          "fell 1.8%; had beaten the S&P 500 in 14 straight sessions before Friday")
    claim(p, "set a record close of 2,718.77 on Thursday", "supported", "record_close",
          [close("^RUT", "2026-01-22", rounded(2718.77, 2)),
           ck("^RUT", "record_close", None, "2026-01-22", lambda: G.is_record_close("^RUT", "2026-01-22"), eq(True))],
          "Thursday Jan 22 record close matches")
    claim(p, "It was the index's 12th record finish of 2026", "contradicted", "record_count",
          [ck("^RUT", "record_close_count", "2026-01-02", "2026-01-22", lambda: G.record_closes_between("^RUT", "2026-01-01", "2026-01-22"), eq(12))],
          "fewer record closes so far in 2026")
    claim(p, "the Russell is up 7.5% in January, versus a gain of about 1% for the S&P 500", "supported", "monthly_relative",
          [win_pct("^RUT", "2025-12-31", d, rounded(7.5, 1)), win_pct("^GSPC", "2025-12-31", d, about(1, 0))], "MTD changes match")
    claim(p, "Through Jan. 16, the Russell had climbed 7.9% for the month", "supported", "through_day_of_month",
          [win_pct("^RUT", "2025-12-31", "2026-01-16", rounded(7.9, 1))], "month-to-date through Jan 16 matches")
    claim(p, "For the week, the Russell lost 2.9%", "contradicted", "weekly",
          [win_pct("^RUT", "2026-01-16", d, rounded(-2.9, 1))], "weekly loss far smaller")
    claim(p, "the S&P 500 eked out a gain of 0.6% on the day", "contradicted", "daily_pct",
          [day_pct("^GSPC", d, rounded(0.6, 1))], "S&P barely moved")
    claim(p, "The tech-heavy Nasdaq rose for a third straight session", "supported", "streak",
          [ck("^IXIC", "streak", None, d, lambda: G.streak("^IXIC", d), eq(3))], "three straight gains")
    claim(p, "The VIX closed Friday at 18.9, its highest close since December", "contradicted", "vix_level",
          [close("^VIX", d, rounded(18.9, 1))], "VIX closed far lower")
    claim(p, "Small-cap funds have taken in more than $10 billion", "unverifiable", "flows",
          reason="fund flows", inst=None, measure="flows", asserted=1e10)
    claim(p, "price-to-book ratio has climbed above 2", "unverifiable", "valuation",
          reason="valuation", inst="^RUT", measure="valuation", asserted=2)

    # ---- A8 plain text + sidecar meta.json, Friday 2024-04-19
    p, d = "meridian-tape-notes.txt", "2024-04-19"
    claim(p, "The index is on course to finish the week about 3% lower", "unverifiable", "unresolved_subject",
          reason="no index named", inst=None, measure="pct_change", asserted=-3)
    claim(p, "Nvidia plunged 10% in the session", "supported", "stock_daily_pct",
          [day_pct("NVDA", d, rounded(-10, 0))], "NVDA fell 10%")
    claim(p, "fell 0.9% to 4,967.23, its sixth straight loss and its longest losing streak since October 2022", "supported", "streak_since",
          [day_pct("^GSPC", d, rounded(-0.9, 1)), close("^GSPC", d, rounded(4967.23, 2)),
           ck("^GSPC", "streak", None, d, lambda: G.streak("^GSPC", d), eq(-6)),
           ck("^GSPC", "longest_streak_since", None, d,
              lambda: next(x for x in reversed(G.S("^GSPC").dates[:G.S("^GSPC").i(d)]) if G.streak("^GSPC", x) <= -6), in_month("2022-10"))],
          "six straight losses; last such streak October 2022")
    claim(p, "The broad market is 5.5% off its March 28 record close", "supported", "drawdown_from_dated_high",
          [ck("^GSPC", "record_close", None, "2024-03-28", lambda: G.is_record_close("^GSPC", "2024-03-28"), eq(True)),
           win_pct("^GSPC", "2024-03-28", d, rounded(-5.5, 1))], "record on Mar 28; drawdown 5.5%")
    claim(p, "lost 2.05% and is now about 3% below its April 11 record close", "contradicted", "drawdown_from_dated_high",
          [day_pct("^IXIC", d, rounded(-2.05, 2)), win_pct("^IXIC", "2024-04-11", d, about(-3, 0))],
          "drawdown from Apr 11 record is far larger than 3%")
    claim(p, "The tech-heavy Nasdaq 100 slumped 2.4% this week", "contradicted", "weekly",
          [win_pct("^NDX", "2024-04-12", d, rounded(-2.4, 1))], "weekly drop far larger")
    claim(p, "Blue chips bucked the trend, with the Dow rising 1.6%", "contradicted", "daily_pct_alias",
          [day_pct("^DJI", d, rounded(1.6, 1))], "Dow rose much less")
    claim(p, "The fear gauge closed at 18.71 after topping 21 intraday", "supported", "vix_close_high",
          [close("^VIX", d, rounded(18.71, 2)), ck("^VIX", "high", None, d, lambda: G.high("^VIX", d), above(21), asserted=21)],
          "VIX close and intraday high match")
    claim(p, "the Stoxx Europe 600 slipped 0.4%", "unverifiable", "no_price_data",
          reason="instrument without price data", inst=None, measure="pct_change", we=d, asserted=-0.4)
    claim(p, "Chipmaker valuations remain stretched at more than 30 times", "unverifiable", "valuation",
          reason="valuation", inst=None, measure="valuation", asserted=30)
    return C


# ---------------------------------------------------------------- evaluation
def evaluate(c):
    results = []
    for k in c["checks"]:
        v = k["val"]
        ok = run_test(k["test"], v)
        results.append((k, v, ok))
    return results


def main():
    runs = []
    for drop in (True, False):
        G.set_mode(drop)
        claims = build()
        runs.append([(c, evaluate(c)) for c in claims])
    errors = []
    out = []
    for (c, res), (_, res2) in zip(*runs):
        text = open(os.path.join(PAGES, c["page"]), encoding="utf-8").read()
        n = text.count(c["contains"])
        if n != 1 or len(c["contains"]) < 25:
            errors.append(f"{c['page']}: contains occurs {n}x / too short: {c['contains']!r}")
        if c["verdict"] == "unverifiable":
            if res:
                errors.append(f"unverifiable with checks: {c['contains']}")
            key, val = None, None
        else:
            for r in (res, res2):
                got = "supported" if all(ok for _, _, ok in r) else "contradicted"
                if got != c["verdict"]:
                    errors.append(f"{c['contains']!r}: intended {c['verdict']} got {got}: " +
                                  "; ".join(f"{k['measure']}={v} ok={ok}" for k, v, ok in r))
                if c["verdict"] == "contradicted":
                    fails = [(k, v) for k, v, ok in r if not ok]
                    if fails and not any(clear_miss(k["test"], v, k["measure"]) for k, v in fails):
                        errors.append(f"{c['contains']!r}: false but not by a clear margin")
            pick = [x for x in res if not x[2]] if c["verdict"] == "contradicted" else res
            key, val, _ = (pick or res)[0]
        if key is None:
            inst, meas, ws, we, asserted = c["inst"], c["measure"], c["ws"], c["we"], c["asserted"]
            computed, detail = None, None
        else:
            inst, meas, asserted = key["inst"], key["measure"], key["asserted"]
            ws = key["ws"]
            we = key["we"]
            if isinstance(val, bool):
                computed, detail = (1 if val else 0), None
            elif isinstance(val, str) or val is None:
                computed, detail = None, val
            elif isinstance(val, float):
                computed, detail = round(val, 4), None
            else:
                computed, detail = val, None
        row = dict(page=c["page"], contains=c["contains"], verdict=c["verdict"], family=c["family"], instrument=inst,
                   measure=meas, window_start=ws, window_end=we, asserted=asserted, computed=computed,
                   reason=c["reason"] + (f" (computed date: {detail})" if detail else ""))
        out.append(row)
    if errors:
        print("\n".join(errors)); sys.exit(1)
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    from collections import Counter
    print(len(out), "claims", dict(Counter(r["verdict"] for r in out)))


if __name__ == "__main__":
    main()
