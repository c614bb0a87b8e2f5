#!/usr/bin/env python3
"""Compute gold verdicts for the claim-check dev2 set from the daily price CSVs.

Usage: FINNEWS_DATA=/work/shared python3 corpora/claimcheck/dev2/make_gold.py
Writes gold.jsonl next to this file; asserts every computed verdict equals the intended one.
"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from mglib import (S, day_pct, change_pts, span_pct, period_pct, intraday_low_pct, intraday_high_pct,
                   is_record_close, last_lower_close_before, last_higher_close_before, last_bigger_gain_before,
                   last_bigger_loss_before, day_streak, week_streak, week_pct, up_days, ETF_LEVEL_WINDOW)

# ---- sub-checks: each returns dict(measure, inst, ws, we, asserted, computed, ok, clear) ----
QUAL = {None: 0.0, "approx": 0.3, "some": 0.3}  # extra tolerance (percentage points) for loose qualifiers


def _num(measure, inst, ws, we, asserted, v, dec, qual=None):
    tol = 0.5 * 10 ** -dec + 1e-6
    if qual in ("approx", "some"):
        tol = max(tol, 0.3, 0.03 * abs(asserted))
        ok = abs(v - asserted) <= tol
    elif qual == "just_over":
        ok = asserted <= v <= asserted + 0.5
    elif qual == "as_much_as":
        ok = abs(v - asserted) <= tol
    else:
        ok = abs(v - asserted) <= tol
    # "clearly wrong": sign flipped, or off by > max(1 pp, 25% of the true size) (levels: > 0.5%)
    if measure in ("close", "points"):
        clear = abs(v - asserted) > max(0.005 * abs(v), 1.0)
    else:
        clear = (v * asserted < 0 and abs(v - asserted) > 0.2) or abs(v - asserted) > max(1.0, 0.25 * abs(v))
    return dict(measure=measure, inst=inst, ws=ws, we=we, asserted=asserted, computed=round(v, 4), ok=ok, clear=clear)


def day(inst, d, a, dec=1, qual=None):
    return _num("day_pct", inst, S(inst).prev(d), d, a, day_pct(inst, d), dec, qual)


def pts(inst, d, a):
    return _num("points", inst, S(inst).prev(d), d, a, change_pts(inst, d), 2)


def close(inst, d, a):
    if inst in ("IWM", "SPY"):
        assert ETF_LEVEL_WINDOW[0] <= d <= ETF_LEVEL_WINDOW[1], (inst, d)
    return _num("close", inst, d, d, a, S(inst).c(d), 2)


def span(inst, base, end, a, dec=1, qual=None, measure="pct_since"):
    return _num(measure, inst, base, end, a, span_pct(inst, base, end), dec, qual)


def period(inst, first, end, a, dec=1, qual=None, measure="period_pct"):
    s = S(inst)
    return _num(measure, inst, s.last_before(first), s.last_on_or_before(end), a, period_pct(inst, first, end), dec, qual)


def week(inst, d, a, dec=1, qual=None):
    s = S(inst)
    from mglib import week_ends
    return _num("week_pct", inst, week_ends(inst, d)[-2], d, a, week_pct(inst, d), dec, qual)


def intraday(inst, d, a, dec=0, side="low"):
    v = intraday_low_pct(inst, d) if side == "low" else intraday_high_pct(inst, d)
    return _num("intraday_" + side + "_pct", inst, S(inst).prev(d), d, a, v, dec, "as_much_as")


def exact(measure, inst, ws, we, asserted, v):
    ok = v == asserted
    return dict(measure=measure, inst=inst, ws=ws, we=we, asserted=asserted, computed=v, ok=ok, clear=not ok)


def record(inst, d, a=True):
    return exact("record_close", inst, d, d, a, is_record_close(inst, d))


def since_month(kind, inst, d, month):
    """'its <lowest finish / highest finish / best day / worst day> since <month>': the most recent
    earlier day that matched or beat it falls in <month> (YYYY-MM or YYYY-MM-DD)."""
    f = {"lowest_close": last_lower_close_before, "highest_close": last_higher_close_before,
         "best_day": last_bigger_gain_before, "worst_day": last_bigger_loss_before}[kind]
    v = f(inst, d)
    return exact(kind + "_since", inst, v, d, month, v if v is None else v[:len(month)])


def dstreak(inst, d, n):
    return exact("day_streak", inst, None, d, n, day_streak(inst, d))


def wstreak(inst, d, n):
    return exact("week_streak", inst, None, d, n, week_streak(inst, d))


def updays(inst, d, n, ups):
    s = S(inst)
    return exact("up_days_of_%d" % n, inst, s.dates[s.i(d) - n + 1], d, ups, up_days(inst, d, n)[0])


def first_close_above(inst, level, d):
    s = S(inst)
    v = next(x for x in s.dates if s.c(x) > level)
    return exact("first_close_above_%g" % level, inst, None, d, d, v)


def unverifiable(reason):
    return ("U", reason)


# ---- claim spec: (page, contains, intended verdict, family, checks | unverifiable) ----
A1, A2, A3, A4 = ("a1_weekly_wrap_2025-03-07.html", "a2_global_selloff_2024-08-05.html",
                  "a3_oracle_surge_2025-09-10.html", "a4_weekly_review_2024-04-22.md")
A5, A6, A7, A8 = ("a5_smallcap_letter_2025-11-15.md", "a6_deepseek_wire_2025-01-28.txt",
                  "a7_midmonth_wire_2026-02-19.txt", "a8_first_half_review.txt")
F = "2025-03-07"
CLAIMS = [
    # A1 — Friday 2025-03-07 weekly wrap (HTML, article:published_time)
    (A1, "Nasdaq Composite rose 0.55% and 0.70%, respectively", "supported", "respectively_day",
     [day("^GSPC", F, 0.55, 2), day("^IXIC", F, 0.70, 2)]),
    (A1, "The blue-chip Dow added 222.64 points, or 0.52%", "supported", "day_points_level",
     [pts("^DJI", F, 222.64), day("^DJI", F, 0.52, 2), close("^DJI", F, 42801.72)]),
    (A1, "had been down as much as 1.3% before buyers", "supported", "intraday_extreme",
     [intraday("^GSPC", F, -1.3, 1)]),
    (A1, "the benchmark lost 3.1%, its third straight weekly decline", "supported", "week_pct_streak",
     [week("^GSPC", F, -3.1), wstreak("^GSPC", F, -3)]),
    (A1, "whereas the Dow fell a more modest 1.2%", "contradicted", "contrast_week",
     [week("^IXIC", F, -3.45, 2), week("^DJI", F, -1.2)]),
    (A1, "its lowest finish since early October", "supported", "rank_lowest_since",
     [since_month("lowest_close", "^IXIC", "2025-03-06", "2024-10")]),
    (A1, "The small-cap Russell 2000 (-4.0%) fared worst", "supported", "paren_week",
     [week("^RUT", F, -4.0)]),
    (A1, "The index has now lost 3.9% year-to-date", "contradicted", "pronoun_ytd",
     [period("^RUT", "2025-01-01", F, -3.9, measure="ytd_pct")]),
    (A1, "still up 0.6% year-to-date, compared with a 1.9% loss", "supported", "compared_with_ytd",
     [period("^DJI", "2025-01-01", F, 0.6, measure="ytd_pct"), period("^GSPC", "2025-01-01", F, -1.9, measure="ytd_pct")]),
    (A1, "eased 6% for the session to end at 23.37", "supported", "alias_vix_day_level",
     [day("^VIX", F, -6.0, 0), close("^VIX", F, 23.37)]),
    (A1, "finished the week some 9% higher", "contradicted", "alias_vix_week",
     [week("^VIX", F, 9, 0, "some")]),
    (A1, "Nvidia (NVDA) gained 1.9% on Friday", "supported", "stock_day", [day("NVDA", F, 1.9)]),
    (A1, "The stock still finished the week 4% lower", "contradicted", "pronoun_stock_week",
     [week("NVDA", F, -4, 0)]),
    (A1, "10-year Treasury yield climbed to 4.32%", "unverifiable", "no_price_file",
     unverifiable("Treasury yields: no price file")),
    (A1, "expect the S&amp;P 500 to end the year at 6,600", "unverifiable", "forecast",
     unverifiable("forecast of a future level")),

    # A2 — Monday 2024-08-05 (HTML, JSON-LD datePublished)
    (A2, "Japan's Nikkei 225 plunged 12.4% overnight", "unverifiable", "no_price_file",
     unverifiable("Nikkei 225: no price file")),
    (A2, "tumbled 3.0% and 3.4%, respectively", "supported", "respectively_day",
     [day("^GSPC", "2024-08-05", -3.0), day("^IXIC", "2024-08-05", -3.4)]),
    (A2, "The Nasdaq closed at 16,620.08 points", "contradicted", "level_points",
     [close("^IXIC", "2024-08-05", 16620.08)]),
    (A2, "dropped 1,033.99 points, or 2.6%, to 38,703.27", "supported", "day_points_level",
     [pts("^DJI", "2024-08-05", -1033.99), day("^DJI", "2024-08-05", -2.6), close("^DJI", "2024-08-05", 38703.27)]),
    (A2, "worst day since March 2020", "contradicted", "rank_worst_day_since",
     [since_month("worst_day", "^GSPC", "2024-08-05", "2020-03")]),
    (A2, "Russell 2000 fell 1.3%, extending a three-day slide", "contradicted", "day_pct_streak",
     [day("^RUT", "2024-08-05", -1.3), dstreak("^RUT", "2024-08-05", -3)]),
    (A2, "jumped as much as 181% early in the session", "supported", "intraday_extreme",
     [intraday("^VIX", "2024-08-05", 181, 0, "high")]),
    (A2, "closed at 38.57, its highest finish since October 2020", "supported", "alias_level_rank",
     [close("^VIX", "2024-08-05", 38.57), since_month("highest_close", "^VIX", "2024-08-05", "2020-10")]),
    (A2, "biggest one-day percentage jump on record", "contradicted", "record_day_false",
     [exact("best_day_ever", "^VIX", None, "2024-08-05", None, last_bigger_gain_before("^VIX", "2024-08-05"))]),
    (A2, "Nvidia (NVDA) ended 6.4% lower after sliding as much as 15%", "supported", "stock_day_intraday",
     [day("NVDA", "2024-08-05", -6.4), intraday("NVDA", "2024-08-05", -15, 0)]),
    (A2, "Apple (AAPL) shares finished 2.1% higher", "contradicted", "stock_day_sign",
     [day("AAPL", "2024-08-05", 2.1)]),
    (A2, "fallen in six of the past eight sessions", "contradicted", "count_sessions",
     [exact("down_days_of_8", "^IXIC", "2024-07-25", "2024-08-05", 6, up_days("^IXIC", "2024-08-05", 8)[1])]),
    (A2, "Since the end of July, the tech-heavy index has shed close to 8%", "supported", "mtd_alias_approx",
     [period("^IXIC", "2024-08-01", "2024-08-05", -8, 0, "approx", measure="mtd_pct")]),
    (A2, "roughly 100 basis points of Federal Reserve rate cuts", "unverifiable", "forecast",
     unverifiable("rate-cut expectations: no price file")),

    # A3 — Wednesday 2025-09-10 (HTML, article:published_time)
    (A3, "Oracle (ORCL) shares rocketed 36% on Wednesday", "supported", "stock_day",
     [day("ORCL", "2025-09-10", 36, 0)]),
    (A3, "It was the stock's best session since 1992", "supported", "pronoun_rank_best_day",
     [since_month("best_day", "ORCL", "2025-09-10", "1992")]),
    (A3, "The stock closed at a record high", "supported", "pronoun_record",
     [record("ORCL", "2025-09-10")]),
    (A3, "remaining performance obligations had swelled to $455 billion", "unverifiable", "fundamentals",
     unverifiable("company fundamentals")),
    (A3, "trades at about 48 times forward earnings", "unverifiable", "valuation",
     unverifiable("valuation multiple")),
    (A3, "Oracle is up roughly 99% year-to-date, and Wednesday marked a fourth straight", "supported", "ytd_streak",
     [period("ORCL", "2025-01-01", "2025-09-10", 99, 0, "approx", measure="ytd_pct"), dstreak("ORCL", "2025-09-10", 4)]),
    (A3, "Broadcom (AVGO) climbed 9.8%, while Nvidia (NVDA) added 1.2%", "contradicted", "while_two_stocks",
     [day("AVGO", "2025-09-10", 9.8), day("NVDA", "2025-09-10", 1.2)]),
    (A3, "rallied just over 24% since the start of September", "supported", "since_start_of_month",
     [period("AVGO", "2025-09-01", "2025-09-10", 24, 0, "just_over", measure="mtd_pct")]),
    (A3, "rose 0.3% to 6,532.04, a fresh all-time closing high", "supported", "day_level_record",
     [day("^GSPC", "2025-09-10", 0.3), close("^GSPC", "2025-09-10", 6532.04), record("^GSPC", "2025-09-10")]),
    (A3, "The benchmark has now risen in five straight sessions", "contradicted", "streak_days",
     [dstreak("^GSPC", "2025-09-10", 5)]),
    (A3, "eked out a 0.03% gain and also notched a record close", "supported", "day_record",
     [day("^IXIC", "2025-09-10", 0.03, 2), record("^IXIC", "2025-09-10")]),
    (A3, "ended 1.5% lower, a loss of about 220 points", "contradicted", "direction_after_number",
     [day("^DJI", "2025-09-10", -1.5)]),

    # A4 — Monday 2024-04-22 about the week ended Friday 2024-04-19 (Markdown front matter)
    (A4, "The S&P 500 fell 3.05% in the week ended Friday", "supported", "week_pct_streak",
     [week("^GSPC", "2024-04-19", -3.05, 2), wstreak("^GSPC", "2024-04-19", -3)]),
    (A4, "closed at 4,967.23 on Friday, ending a sixth straight session", "supported", "level_streak",
     [close("^GSPC", "2024-04-19", 4967.23), dstreak("^GSPC", "2024-04-19", -6)]),
    (A4, "has now fallen 5.5% since the end of March", "supported", "since_end_of_month",
     [period("^GSPC", "2024-04-01", "2024-04-19", -5.5, measure="mtd_pct")]),
    (A4, "Nasdaq Composite lost 5.5% on the week", "supported", "on_the_week",
     [week("^IXIC", "2024-04-19", -5.5)]),
    (A4, "It was the index's fourth consecutive weekly loss", "supported", "pronoun_week_streak",
     [wstreak("^IXIC", "2024-04-19", -4)]),
    (A4, "eked out a 0.01% gain over the five sessions", "supported", "alias_week",
     [week("^DJI", "2024-04-19", 0.01, 2)]),
    (A4, "Russell 2000 rose 2.8% on the week", "contradicted", "week_sign",
     [week("^RUT", "2024-04-19", 2.8)]),
    (A4, "plunged 10% on Friday, its worst day since March 2020", "supported", "stock_day_rank",
     [day("NVDA", "2024-04-19", -10, 0), since_month("worst_day", "NVDA", "2024-04-19", "2020-03")]),
    (A4, "lost 21% over the five sessions", "contradicted", "pronoun_stock_week",
     [week("NVDA", "2024-04-19", -21, 0)]),
    (A4, "Microsoft (MSFT) ended the week 1.4% higher", "contradicted", "stock_week_sign",
     [week("MSFT", "2024-04-19", 1.4)]),
    (A4, "Apple (AAPL) is up 14.2% so far in 2024", "contradicted", "stock_ytd",
     [period("AAPL", "2024-01-01", "2024-04-19", 14.2, measure="ytd_pct")]),
    (A4, "Netflix fell 9% on Friday", "unverifiable", "no_price_file", unverifiable("NFLX: no price file")),
    (A4, "at 18.71, its highest close since October", "contradicted", "rank_highest_since",
     [close("^VIX", "2024-04-19", 18.71), since_month("highest_close", "^VIX", "2024-04-19", "2023-10")]),
    (A4, "Bitcoin hovered around $64,000", "unverifiable", "no_price_file", unverifiable("Bitcoin: no price file")),

    # A5 — Saturday 2025-11-15 about the week ended 2025-11-14 (Markdown, Published: line)
    (A5, "ended the week at 2,388.23, down 1.8%", "supported", "level_week",
     [close("^RUT", "2025-11-14", 2388.23), week("^RUT", "2025-11-14", -1.8)]),
    (A5, "It was the index's third straight weekly decline", "supported", "pronoun_week_streak",
     [wstreak("^RUT", "2025-11-14", -3)]),
    (A5, "the Russell dropped 2.8%, its steepest drop since April", "contradicted", "rank_worst_day_since",
     [day("^RUT", "2025-11-13", -2.8), since_month("worst_day", "^RUT", "2025-11-13", "2025-04")]),
    (A5, "The Russell rose in four of the past five sessions", "contradicted", "count_sessions",
     [updays("^RUT", "2025-11-14", 5, 4)]),
    (A5, "Month-to-date, the Russell is off roughly 3.7%", "supported", "mtd_approx",
     [period("^RUT", "2025-11-01", "2025-11-14", -3.7, 1, "approx", measure="mtd_pct")]),
    (A5, "(IWM) closed Friday at $237.48, while the SPDR", "supported", "etf_levels_while",
     [close("IWM", "2025-11-14", 237.48), close("SPY", "2025-11-14", 671.93)]),
    (A5, "IWM lost 4.7% on the week", "contradicted", "etf_week",
     [span("IWM", "2025-11-07", "2025-11-14", -4.7, measure="week_pct")]),
    (A5, "SPY, by comparison, finished the week 2.5% higher", "contradicted", "etf_week",
     [span("SPY", "2025-11-07", "2025-11-14", 2.5, measure="week_pct")]),
    (A5, "- S&P 500: 6,734.11 (+0.1%)", "supported", "bullet_level_week",
     [close("^GSPC", "2025-11-14", 6734.11), week("^GSPC", "2025-11-14", 0.1)]),
    (A5, "- Dow industrials: 47,147.48 (+0.3%)", "supported", "bullet_level_week",
     [close("^DJI", "2025-11-14", 47147.48), week("^DJI", "2025-11-14", 0.3)]),
    (A5, "- Nasdaq Composite: 22,900.59 (+0.5%)", "contradicted", "bullet_level_week",
     [close("^IXIC", "2025-11-14", 22900.59), week("^IXIC", "2025-11-14", 0.5)]),
    (A5, "- Cboe Volatility Index: 19.83 (+3.9%)", "supported", "bullet_level_week",
     [close("^VIX", "2025-11-14", 19.83), week("^VIX", "2025-11-14", 3.9)]),
    (A5, "about $3.1 billion of outflows this week", "unverifiable", "flows", unverifiable("fund flows")),
    (A5, "trades at roughly 15 times forward earnings", "unverifiable", "valuation", unverifiable("valuation multiple")),

    # A6 — Tuesday 2025-01-28 about Monday 2025-01-27 (plain text, dateline without year)
    (A6, "Nvidia (NVDA) shares plunged 17% in Monday's trading", "supported", "stock_day",
     [day("NVDA", "2025-01-27", -17, 0)]),
    (A6, "The stock's slide was its worst since March 2020", "supported", "pronoun_rank_worst_day",
     [since_month("worst_day", "NVDA", "2025-01-27", "2020-03")]),
    (A6, "lost roughly $590 billion in market value", "unverifiable", "market_cap",
     unverifiable("market value needs share count")),
    (A6, "Nvidia's stock is still up 11.8% year-to-date", "contradicted", "stock_ytd_sign",
     [period("NVDA", "2025-01-01", "2025-01-27", 11.8, measure="ytd_pct")]),
    (A6, "sank 17.4% and 13.8%, respectively", "supported", "respectively_day",
     [day("AVGO", "2025-01-27", -17.4), day("ORCL", "2025-01-27", -13.8)]),
    (A6, "Microsoft (MSFT) ended 2.1% higher", "contradicted", "direction_after_number",
     [day("MSFT", "2025-01-27", 2.1)]),
    (A6, "Apple (AAPL) slid 3.2% as well", "contradicted", "stock_day_sign",
     [day("AAPL", "2025-01-27", -3.2)]),
    (A6, "lost 3.1% to close at 19,341.83, while the S&P 500 fell 1.5%", "supported", "while_two_indices",
     [day("^IXIC", "2025-01-27", -3.1), close("^IXIC", "2025-01-27", 19341.83), day("^GSPC", "2025-01-27", -1.5)]),
    (A6, "The Nasdaq's decline was its worst since Dec. 18", "supported", "rank_worst_day_since",
     [since_month("worst_day", "^IXIC", "2025-01-27", "2024-12-18")]),
    (A6, "finishing 0.65% higher, up 289.33 points", "supported", "alias_day_points",
     [day("^DJI", "2025-01-27", 0.65, 2), pts("^DJI", "2025-01-27", 289.33)]),
    (A6, "The small-cap Russell 2000 (+1.0%) also held up", "contradicted", "paren_day_sign",
     [day("^RUT", "2025-01-27", 1.0)]),
    (A6, "Wall Street's fear gauge jumped 20.5% to 27.90", "contradicted", "alias_vix_day_level",
     [day("^VIX", "2025-01-27", 20.5), close("^VIX", "2025-01-27", 27.90)]),

    # A7 — Thursday 2026-02-19, data through Wednesday 2026-02-18 (plain text, dateline with year)
    (A7, "rose 0.56% on Wednesday to 6,881.31, its third straight gain", "supported", "day_level_streak",
     [day("^GSPC", "2026-02-18", 0.56, 2), close("^GSPC", "2026-02-18", 6881.31), dstreak("^GSPC", "2026-02-18", 3)]),
    (A7, "the S&P 500 index is up just 0.5% year-to-date", "supported", "ytd",
     [period("^GSPC", "2026-01-01", "2026-02-18", 0.5, measure="ytd_pct")]),
    (A7, "is down 2.1% in 2026, whereas the small-cap Russell 2000 has gained 7.1%", "supported", "whereas_ytd",
     [period("^IXIC", "2026-01-01", "2026-02-18", -2.1, measure="ytd_pct"),
      period("^RUT", "2026-01-01", "2026-02-18", 7.1, measure="ytd_pct")]),
    (A7, "Through Wednesday, the Nasdaq was up 3.0% month-to-date", "contradicted", "through_day_mtd",
     [period("^IXIC", "2026-02-01", "2026-02-18", 3.0, measure="mtd_pct")]),
    (A7, "The Russell 2000 jumped 9.3% in January", "contradicted", "month_pct",
     [period("^RUT", "2026-01-01", "2026-01-31", 9.3, measure="month_pct")]),
    (A7, "record close, 2,718.77, came on Jan. 22", "supported", "record_level",
     [close("^RUT", "2026-01-22", 2718.77), record("^RUT", "2026-01-22"),
      exact("no_higher_close_after", "^RUT", "2026-01-23", "2026-02-18", True,
            max(S("^RUT").c(d) for d in S("^RUT").dates if "2026-01-22" < d <= "2026-02-18") < S("^RUT").c("2026-01-22"))]),
    (A7, "finished above 50,000 for the first time on Feb. 6", "supported", "first_close_above",
     [first_close_above("^DJI", 50000, "2026-02-06")]),
    (A7, "to close at a record 49,662.66", "contradicted", "record_false",
     [day("^DJI", "2026-02-18", 0.26, 2), close("^DJI", "2026-02-18", 49662.66), record("^DJI", "2026-02-18")]),
    (A7, "has shed some 7% so far this year", "contradicted", "stock_ytd_qualifier",
     [period("MSFT", "2026-01-01", "2026-02-18", -7, 0, "some", measure="ytd_pct")]),
    (A7, "Nvidia (NVDA) is down 8% year-to-date", "contradicted", "stock_ytd_sign",
     [period("NVDA", "2026-01-01", "2026-02-18", -8, 0, measure="ytd_pct")]),
    (A7, "at 19.62, is roughly 31% higher than where it started the year", "supported", "alias_level_ytd",
     [close("^VIX", "2026-02-18", 19.62), period("^VIX", "2026-01-01", "2026-02-18", 31, 0, "approx", measure="ytd_pct")]),
    (A7, "Bitcoin has fallen below $70,000, and the 2-year Treasury yield", "unverifiable", "no_price_file",
     unverifiable("Bitcoin / Treasury yields: no price file")),

    # A8 — Tuesday 2025-07-01 first-half review (plain text, sidecar meta.json)
    (A8, "The S&P 500 ended June 30 at 6,204.95, a record close", "supported", "level_record",
     [close("^GSPC", "2025-06-30", 6204.95), record("^GSPC", "2025-06-30")]),
    (A8, "gained 5.5% and 5.5%, respectively", "supported", "respectively_h1",
     [period("^GSPC", "2025-01-01", "2025-06-30", 5.5, measure="h1_pct"),
      period("^IXIC", "2025-01-01", "2025-06-30", 5.5, measure="h1_pct")]),
    (A8, "The benchmark rallied 10.6% in the June quarter", "supported", "quarter_alias",
     [period("^GSPC", "2025-04-01", "2025-06-30", 10.6, measure="quarter_pct")]),
    (A8, "That followed a first-quarter drop of 8.2%", "contradicted", "quarter_pronoun",
     [period("^GSPC", "2025-01-01", "2025-03-31", -8.2, measure="quarter_pct")]),
    (A8, "Since its April 8 close, the S&P 500 index has climbed roughly 24.5%", "supported", "since_date",
     [span("^GSPC", "2025-04-08", "2025-06-30", 24.5, 1, "approx")]),
    (A8, "Including dividends, the S&P 500 returned 6.2%", "unverifiable", "total_return",
     unverifiable("total return incl. dividends not in price index")),
    (A8, "The tech-heavy Nasdaq surged 17.7% in Q2", "supported", "quarter_q2",
     [period("^IXIC", "2025-04-01", "2025-06-30", 17.7, measure="quarter_pct")]),
    (A8, "compared with a 2.5% gain for the small-cap Russell 2000", "contradicted", "compared_with_h1",
     [period("^DJI", "2025-01-01", "2025-06-30", 3.6, measure="h1_pct"),
      period("^RUT", "2025-01-01", "2025-06-30", 2.5, measure="h1_pct")]),
    (A8, "Nvidia (NVDA) jumped some 46% in the second quarter", "supported", "stock_quarter",
     [period("NVDA", "2025-04-01", "2025-06-30", 46, 0, "some", measure="quarter_pct")]),
    (A8, "rising 65% in the March quarter", "contradicted", "stock_quarter_wrong_quarter",
     [period("AVGO", "2025-01-01", "2025-03-31", 65, 0, measure="quarter_pct")]),
    (A8, "Apple (AAPL) gained close to 18% in H1", "contradicted", "stock_h1_qualifier",
     [period("AAPL", "2025-01-01", "2025-06-30", 18, 0, "approx", measure="h1_pct")]),
    (A8, "Microsoft (MSFT) finished the half 8% higher", "contradicted", "stock_h1",
     [period("MSFT", "2025-01-01", "2025-06-30", 8, 0, measure="h1_pct")]),
    (A8, "ended June at 16.73, down roughly 3.6% year-to-date", "supported", "alias_vix_level_ytd",
     [close("^VIX", "2025-06-30", 16.73), period("^VIX", "2025-01-01", "2025-06-30", -3.6, 1, "approx", measure="ytd_pct")]),
    (A8, "The dollar index suffered its worst first half since 1973", "unverifiable", "no_price_file",
     unverifiable("dollar index: no price file")),
    (A8, "Analysts expect S&P 500 earnings to grow about 5%", "unverifiable", "forecast",
     unverifiable("earnings forecast")),
    (A1, "Money-market fund assets rose to a record $7.0 trillion", "unverifiable", "flows", unverifiable("fund assets/flows")),
    (A3, "One broker expects the shares to reach $400 within a year", "unverifiable", "forecast", unverifiable("price target")),
    (A4, "Gold hit a record above $2,400 an ounce", "unverifiable", "no_price_file", unverifiable("gold: no price file")),
    (A6, "the Nasdaq 100's total return so far this year", "unverifiable", "total_return", unverifiable("total return incl. dividends")),
    (A7, "Strategists expect Russell 2000 companies to grow earnings 20%", "unverifiable", "forecast", unverifiable("earnings forecast")),
    (A8, "Crude oil ended the half near $65 a barrel", "unverifiable", "no_price_file", unverifiable("crude oil: no price file")),
]


def main():
    pages = {}
    out, errors = [], []
    for page, contains, intended, family, checks in CLAIMS:
        if page not in pages:
            pages[page] = open(os.path.join(HERE, "pages", page), encoding="utf-8").read()
        n = pages[page].count(contains)
        if n != 1 or len(contains) < 25:
            errors.append(f"{page}: 'contains' occurs {n}x / len {len(contains)}: {contains!r}")
        if isinstance(checks, tuple):
            verdict, reason = "unverifiable", checks[1]
            rec = dict(instrument=None, measure=None, window_start=None, window_end=None, asserted=None, computed=None)
        else:
            bad = [c for c in checks if not c["ok"]]
            verdict = "contradicted" if bad else "supported"
            if bad and not all(c["clear"] for c in bad):
                errors.append(f"{page}: {contains!r}: false but not by a clear margin: {bad}")
            one = lambda k: checks[0][k] if len(checks) == 1 else [c[k] for c in checks]
            insts = sorted({c["inst"] for c in checks})
            rec = dict(instrument=insts[0] if len(insts) == 1 else insts, measure=one("measure"),
                       window_start=one("ws"), window_end=one("we"), asserted=one("asserted"), computed=one("computed"))
            reason = "; ".join(f"{c['inst']} {c['measure']} {c['ws']}..{c['we']}: asserted {c['asserted']}, "
                               f"computed {c['computed']} -> {'ok' if c['ok'] else 'WRONG'}" for c in checks)
        if verdict != intended:
            errors.append(f"{page}: {contains!r}: computed {verdict}, intended {intended}: {reason}")
        out.append(dict(page=page, contains=contains, verdict=verdict, family=family, **rec, reason=reason))
    for e in errors:
        print("ERROR", e)
    assert not errors, f"{len(errors)} errors"
    with open(os.path.join(HERE, "gold.jsonl"), "w") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    print(len(out), "claims", dict(Counter(r["verdict"] for r in out)))


if __name__ == "__main__":
    main()
