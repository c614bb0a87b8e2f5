#!/usr/bin/env python3
"""Build gold.jsonl for claimcheck dev5 by COMPUTING every value from the daily price CSVs.

Data root: env FINNEWS_DATA (default /work/shared); files under $FINNEWS_DATA/market/.
Asserts: each computed verdict equals the intended one; contradicted claims miss by a clear margin
(at least one check clearly wrong); each `contains` is >= 25 chars and occurs exactly once in its raw
page file; every source of a symbol (and ^RUT/^DJI with volume-0 rows kept or dropped) agrees on each check.
Usage: python make_gold.py [-v]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from g5lib import evaluate, clearly_wrong  # noqa: E402

CLAIMS = []


def k(sym, measure, *args, a, mode="num"):
    return dict(sym=sym, measure=measure, args=list(args), a=a, mode=mode)


def S(page, contains, family, *checks):
    CLAIMS.append(dict(page=page, contains=contains, verdict="supported", family=family, checks=list(checks)))


def C(page, contains, family, *checks):
    CLAIMS.append(dict(page=page, contains=contains, verdict="contradicted", family=family, checks=list(checks)))


def U(page, contains, family, reason):
    CLAIMS.append(dict(page=page, contains=contains, verdict="unverifiable", family=family, checks=[], reason=reason))


def rng(lo, hi=None):
    return (lo, hi or lo)


# ---------------------------------------- c1 live blog, Fri 2025-10-10
P = "c1_liveblog_tariff_friday_2025-10-10.html"
S(P, "For the week, the S&amp;P 500 lost 2.4%", "week_change",
  k("^GSPC", "period_pct", "2025-10-06", "2025-10-10", a="-2.4"))
C(P, "The Dow shed 1.5% on the week", "week_change",
  k("^DJI", "period_pct", "2025-10-06", "2025-10-10", a="-1.5"))
S(P, "The Russell 2000 fell 3.3% for the week, the worst showing of the big four", "week_change+relative",
  k("^RUT", "period_pct", "2025-10-06", "2025-10-10", a="-3.3"),
  k("^RUT|^DJI", "period_pct", "2025-10-06", "2025-10-10", a=-1, mode="sign"),
  k("^RUT|^IXIC", "period_pct", "2025-10-06", "2025-10-10", a=-1, mode="sign"),
  k("^RUT|^GSPC", "period_pct", "2025-10-06", "2025-10-10", a=-1, mode="sign"))
S(P, "year-to-date gain only shrank to roughly 11.5%", "ytd_change",
  k("^GSPC", "period_pct", "2025-01-01", "2025-10-10", a="11.5", mode="about"))
C(P, "the Russell 2000 is now up about 12% this year", "ytd_change",
  k("^RUT", "period_pct", "2025-01-01", "2025-10-10", a="12", mode="about"))
U(P, "the 10-year Treasury yield slipped to 4.05%", "no_price_file", "Treasury yield: no price file")
C(P, "Apple slid 1.5%, one of the milder moves", "stock_day_move",
  k("AAPL", "day_pct", "2025-10-10", a="-1.5"))
C(P, "Oracle ended the day down 4%, according to our screen", "stock_day_move",
  k("ORCL", "day_pct", "2025-10-10", a="-4"))
S(P, "The S&amp;P 500 closed down 2.7% at 6,552.51", "day_move+level",
  k("^GSPC", "day_pct", "2025-10-10", a="-2.7"), k("^GSPC", "close", "2025-10-10", a="6,552.51"))
S(P, "steepest one-day fall since April 10, when the spring tariff panic", "worst_since",
  k("^GSPC", "last_bigger_move", "2025-10-10", "down", a=rng("2025-04-10"), mode="in"))
S(P, "The Nasdaq Composite sank 3.6%, its worst session since April.", "day_move+worst_since",
  k("^IXIC", "day_pct", "2025-10-10", a="-3.6"),
  k("^IXIC", "last_bigger_move", "2025-10-10", "down", a=rng("2025-04-01", "2025-04-30"), mode="in"))
S(P, "The Dow lost 879 points, or 1.9%, to 45,479.60.", "day_points+pct+level",
  k("^DJI", "day_pts", "2025-10-10", a="-879"), k("^DJI", "day_pct", "2025-10-10", a="-1.9"),
  k("^DJI", "close", "2025-10-10", a="45,479.60"))
C(P, "it was also the Dow&rsquo;s worst day since April", "worst_since",
  k("^DJI", "last_bigger_move", "2025-10-10", "down", a=rng("2025-04-01", "2025-04-30"), mode="in"))
C(P, "The Russell 2000 dropped 4.5% as small caps took the brunt", "day_move",
  k("^RUT", "day_pct", "2025-10-10", a="-4.5"))
C(P, "drop snapped a four-day winning streak for the S&amp;P 500", "streak",
  k("^GSPC", "streak", "2025-10-09", "up", a=4, mode="eq"))
S(P, "The VIX finished at 21.66, up almost 32% on the day", "vix_level+move",
  k("^VIX", "close", "2025-10-10", a="21.66"), k("^VIX", "day_pct", "2025-10-10", a="32", mode="nearly"))
C(P, "that is the highest VIX close since mid-June", "highest_since",
  k("^VIX", "last_higher_close", "2025-10-10", a=rng("2025-06-10", "2025-06-20"), mode="in"))
U(P, "bitcoin slid 7% in afternoon trading", "no_price_file", "crypto: no price file")
U(P, "Fed funds futures now price roughly a 95% chance", "rate_expectations", "futures-implied policy odds: no data")
S(P, "at its best level of the morning the S&amp;P 500 was up about 0.4%", "intraday_extreme",
  k("^GSPC", "intraday_pct", "2025-10-10", "high", a="0.4", mode="about"))
U(P, "still see the S&amp;P 500 at 7,000 by year-end", "forecast", "year-end index target: forecast")

# ---------------------------------------- c2 small-cap note, Tue 2024-11-26 (data through Mon 11-25)
P = "c2_smallcap_note_2024-11-26.md"
S(P, "The Russell 2000 rose 1.5% to 2,442.03 on Monday, its sixth straight gain.", "day_move+level+streak",
  k("^RUT", "day_pct", "2024-11-25", a="1.5"), k("^RUT", "close", "2024-11-25", a="2,442.03"),
  k("^RUT", "streak", "2024-11-25", "up", a=6, mode="eq"))
C(P, "the Russell 2000 finished Monday at an all-time closing high", "record",
  k("^RUT", "is_record", "2024-11-25", a=True, mode="eq"))
S(P, "still a sliver below the record close of 2,442.74 set on Nov. 8, 2021", "record+level",
  k("^RUT", "close", "2021-11-08", a="2,442.74"), k("^RUT", "is_record", "2021-11-08", a=True, mode="eq"),
  k("^RUT", "is_record", "2024-11-25", a=False, mode="eq"))
S(P, "What we actually have is the highest close since November 2021", "highest_since",
  k("^RUT", "last_higher_close", "2024-11-25", a=rng("2021-11-01", "2021-11-30"), mode="in"))
S(P, "Month to date, the small-cap benchmark is up 11.2%.", "mtd_change",
  k("^RUT", "period_pct", "2024-11-01", "2024-11-25", a="11.2"))
S(P, "outpacing the S&P 500 by about 6 percentage points in November", "relative_pp",
  k("^RUT|^GSPC", "period_pct", "2024-11-01", "2024-11-25", a="6", mode="about"))
C(P, "Last week alone the Russell 2000 rose 4.5%, against 3.2% for the S&P 500.", "week_change",
  k("^RUT", "period_pct", "2024-11-18", "2024-11-22", a="4.5"),
  k("^GSPC", "period_pct", "2024-11-18", "2024-11-22", a="3.2"))
S(P, "the Russell 2000 lags the S&P 500 by more than 5 percentage points in 2024", "relative_pp",
  k("^RUT|^GSPC", "period_pct", "2024-01-01", "2024-11-25", a="-5", mode="more_than"))
C(P, "Since the Election Day close, the Russell 2000 has gained 12%", "since_date",
  k("^RUT", "since_pct", "2024-11-05", "2024-11-25", a="12"))
C(P, "The iShares Russell 2000 ETF (IWM) added 2.5% on Monday.", "etf_day_move",
  k("IWM", "day_pct", "2024-11-25", a="2.5"))
C(P, "(IJR) is up only 8% month to date", "etf_mtd_change",
  k("IJR", "period_pct", "2024-11-01", "2024-11-25", a="8"))
S(P, "the Russell's 5.8% jump on Nov. 6 was its biggest one-day gain since November 2022", "day_move+best_since",
  k("^RUT", "day_pct", "2024-11-06", a="5.8"),
  k("^RUT", "last_bigger_move", "2024-11-06", "up", a=rng("2022-11-01", "2022-11-30"), mode="in"))
C(P, "Small caps have risen on 15 of the month's 17 sessions so far", "count",
  k("^RUT", "count_up", "2024-11-01", "2024-11-25", a=15, mode="eq"))
U(P, "Small caps trade at roughly 14 times forward earnings", "valuation", "valuation (P/E): no data")
U(P, "Net inflows into small-cap ETFs topped $9 billion this month", "fund_flows", "fund flows: no data")
U(P, "the Russell 2000 reaches 2,600 by the middle of 2025", "forecast", "index forecast")

# ---------------------------------------- c3 weekly scorecard, Sat 2025-06-28 (week to Fri 06-27)
P = "c3_weekly_scorecard_2025-06-28.html"
W = ("2025-06-23", "2025-06-27")
M = ("2025-06-01", "2025-06-27")
Yr = ("2025-01-01", "2025-06-27")
S(P, "<tr><td>S&amp;P 500</td><td>6,173.07</td><td>+3.4%</td><td>+4.4%</td><td>+5.0%</td></tr>", "table_row",
  k("^GSPC", "close", "2025-06-27", a="6,173.07"), k("^GSPC", "period_pct", *W, a="3.4"),
  k("^GSPC", "period_pct", *M, a="4.4"), k("^GSPC", "period_pct", *Yr, a="5.0"))
S(P, "<tr><td>Nasdaq Composite</td><td>20,273.46</td><td>+4.2%</td><td>+6.1%</td><td>+5.0%</td></tr>", "table_row",
  k("^IXIC", "close", "2025-06-27", a="20,273.46"), k("^IXIC", "period_pct", *W, a="4.2"),
  k("^IXIC", "period_pct", *M, a="6.1"), k("^IXIC", "period_pct", *Yr, a="5.0"))
C(P, "<tr><td>Dow Jones Industrial Average</td><td>43,819.27</td><td>+3.8%</td><td>+3.7%</td><td>+1.0%</td></tr>",
  "table_row", k("^DJI", "close", "2025-06-27", a="43,819.27"), k("^DJI", "period_pct", *W, a="3.8"),
  k("^DJI", "period_pct", *M, a="3.7"), k("^DJI", "period_pct", *Yr, a="1.0"))
S(P, "<tr><td>Nasdaq-100</td><td>22,534.20</td><td>+4.2%</td><td>+5.6%</td><td>+7.2%</td></tr>", "table_row",
  k("^NDX", "close", "2025-06-27", a="22,534.20"), k("^NDX", "period_pct", *W, a="4.2"),
  k("^NDX", "period_pct", *M, a="5.6"), k("^NDX", "period_pct", *Yr, a="7.2"))
C(P, "<tr><td>Russell 2000</td><td>2,172.53</td><td>+3.0%</td><td>+5.1%</td><td>+3.6%</td></tr>", "table_row",
  k("^RUT", "close", "2025-06-27", a="2,172.53"), k("^RUT", "period_pct", *W, a="3.0"),
  k("^RUT", "period_pct", *M, a="5.1"), k("^RUT", "period_pct", *Yr, a="3.6"))
S(P, "<tr><td>Cboe Volatility Index</td><td>16.32</td><td>&minus;4.30 pts</td>", "table_row_vix",
  k("^VIX", "close", "2025-06-27", a="16.32"), k("^VIX", "period_pts", *W, a="-4.30"))
C(P, "<td>QQQ</td><td>+2.9%</td>", "etf_week_change", k("QQQ", "period_pct", *W, a="2.9"))
C(P, "<td>IWM</td><td>+1.8%</td>", "etf_week_change", k("IWM", "period_pct", *W, a="1.8"))
S(P, "<tr><td>Nvidia (NVDA)</td><td>+9.7%</td><td>record close Friday</td></tr>", "stock_week_change+record",
  k("NVDA", "period_pct", *W, a="9.7"), k("NVDA", "is_record", "2025-06-27", a=True, mode="eq"))
C(P, "<tr><td>Microsoft (MSFT)</td><td>+6.1%</td>", "stock_week_change", k("MSFT", "period_pct", *W, a="6.1"))
C(P, "<tr><td>Apple (AAPL)</td><td>&minus;2.0%</td>", "stock_week_change", k("AAPL", "period_pct", *W, a="-2.0"))
S(P, "both closed at record highs on Friday, the first fresh peaks since the winter", "record",
  k("^GSPC", "is_record", "2025-06-27", a=True, mode="eq"), k("^IXIC", "is_record", "2025-06-27", a=True, mode="eq"),
  k("^GSPC", "last_higher_close", "2025-06-26", a=rng("2024-12-01", "2025-03-19"), mode="in"),
  k("^IXIC", "last_higher_close", "2025-06-26", a=rng("2024-12-01", "2025-03-19"), mode="in"))
C(P, "The Dow also finished at an all-time high, completing the set.", "record",
  k("^DJI", "is_record", "2025-06-27", a=True, mode="eq"))
S(P, "It was the S&amp;P 500's best week since mid-May.", "best_week_since",
  k("^GSPC", "last_bigger_week", "2025-06-27", "up", a=rng("2025-05-12", "2025-05-23"), mode="in"))
C(P, "The S&amp;P 500 rose in all five sessions, a clean sweep.", "count",
  k("^GSPC", "count_up", *W, a=5, mode="eq"))
S(P, "The VIX ended the week at 16.32, its lowest close since February.", "vix_level+lowest_since",
  k("^VIX", "close", "2025-06-27", a="16.32"),
  k("^VIX", "last_lower_close", "2025-06-27", a=rng("2025-02-01", "2025-02-28"), mode="in"))
U(P, "Brent crude fell 12% on the week", "no_price_file", "crude oil: no price file")
U(P, "The 10-year Treasury yield ended at 4.27%", "no_price_file", "Treasury yield: no price file")
U(P, "At 22 times forward earnings, the S&amp;P 500 is not cheap", "valuation", "valuation (P/E): no data")

# ---------------------------------------- c4 forum post, Sat 2025-08-02 (Fri 08-01)
P = "c4_forum_post_jobs_friday_2025-08-02.txt"
F = "2025-08-01"
S(P, "S&P 500 dumped 1.6% on Friday", "day_move", k("^GSPC", "day_pct", F, a="-1.6"))
S(P, "For the S&P that's the worst day since May", "worst_since",
  k("^GSPC", "last_bigger_move", F, "down", a=rng("2025-05-01", "2025-05-31"), mode="in"))
S(P, "Nasdaq Composite got it worse, down 2.2%, its worst day since April", "day_move+worst_since",
  k("^IXIC", "day_pct", F, a="-2.2"),
  k("^IXIC", "last_bigger_move", F, "down", a=rng("2025-04-01", "2025-04-30"), mode="in"))
C(P, "Dow lost 842 points on the day", "day_points", k("^DJI", "day_pts", F, a="-842"))
S(P, "Russell 2000 got smoked: -2% on the day and more than 4% on the week", "day_move+week_change",
  k("^RUT", "day_pct", F, a="-2"), k("^RUT", "period_pct", "2025-07-28", F, a="-4", mode="more_than"))
C(P, "QQQ was down 3% by the bell", "etf_day_move", k("QQQ", "day_pct", F, a="-3"))
S(P, "The S&P has now fallen four days in a row.", "streak", k("^GSPC", "streak", F, "down", a=4, mode="eq"))
S(P, "The Dow has dropped for five straight sessions.", "streak", k("^DJI", "streak", F, "down", a=5, mode="eq"))
C(P, "The Nasdaq is down three days straight too.", "streak", k("^IXIC", "streak", F, "down", a=3, mode="eq"))
C(P, "S&P finished the week down 2.4%, worst week since April.", "week_change+worst_week_since",
  k("^GSPC", "period_pct", "2025-07-28", F, a="-2.4"),
  k("^GSPC", "last_bigger_week", F, "down", a=rng("2025-04-01", "2025-04-30"), mode="in"))
S(P, "the S&P gained 2.2% and the Nasdaq 3.7%", "month_change",
  k("^GSPC", "period_pct", "2025-07-01", "2025-07-31", a="2.2"),
  k("^IXIC", "period_pct", "2025-07-01", "2025-07-31", a="3.7"))
C(P, "Meanwhile the Dow added 1.5% in July", "month_change",
  k("^DJI", "period_pct", "2025-07-01", "2025-07-31", a="1.5"))
S(P, "VIX spiked 22% to 20.38 on Friday, its highest close since June.", "vix_move+level+highest_since",
  k("^VIX", "day_pct", F, a="22"), k("^VIX", "close", F, a="20.38"),
  k("^VIX", "last_higher_close", F, a=rng("2025-06-01", "2025-06-30"), mode="in"))
C(P, "Apple closed down 2.5% Friday and lost 8% for the week.", "stock_day_move+week_change",
  k("AAPL", "day_pct", F, a="-2.5"), k("AAPL", "period_pct", "2025-07-28", F, a="-8"))
S(P, "Thursday's almost 4% earnings pop but was still up 2% on the week", "stock_day_move+week_change",
  k("MSFT", "day_pct", "2025-07-31", a="4", mode="nearly"), k("MSFT", "period_pct", "2025-07-28", F, a="2"))
U(P, "Amazon dropped 8% after its report", "no_price_file", "AMZN: no price file")
U(P, "The payrolls report showed 73,000 jobs added in July", "economic_data", "payrolls: no data")
U(P, "10-year yield dropped to about 4.2%", "no_price_file", "Treasury yield: no price file")
U(P, "I think we retest 6,000 before Labor Day", "forecast", "forecast")

# ---------------------------------------- c5 volatility desk note, Fri 2025-11-21
P = "c5_vol_desk_note_2025-11-21.txt"
F, T = "2025-11-21", "2025-11-20"
S(P, "sent implied volatility to its highest settle in seven months", "vix_highest_since",
  k("^VIX", "last_higher_close", T, a=rng("2025-04-05", "2025-05-05"), mode="in"))
S(P, "The VIX closed at 23.43 on Friday, down 11.3% on the day.", "vix_level+move",
  k("^VIX", "close", F, a="23.43"), k("^VIX", "day_pct", F, a="-11.3"))
S(P, "Friday's decline was the biggest one-day drop in the VIX since Oct. 20.", "vix_biggest_since",
  k("^VIX", "last_bigger_move", F, "down", a=rng("2025-10-20"), mode="in"))
S(P, "Thursday's close of 26.42 was the highest VIX settle since April.", "vix_level+highest_since",
  k("^VIX", "close", T, a="26.42"), k("^VIX", "last_higher_close", T, a=rng("2025-04-01", "2025-04-30"), mode="in"))
C(P, "The VIX rose 17% on Thursday alone.", "vix_move", k("^VIX", "day_pct", T, a="17"))
C(P, "Thursday also marked the fourth straight daily rise in the VIX.", "vix_streak",
  k("^VIX", "streak", T, "up", a=4, mode="eq"))
S(P, "For the week, the VIX gained about 18%, or 3.6 points.", "vix_week_change",
  k("^VIX", "period_pct", "2025-11-17", F, a="18", mode="about"), k("^VIX", "period_pts", "2025-11-17", F, a="3.6"))
C(P, "It rose on four of the week's five sessions", "vix_count",
  k("^VIX", "count_up", "2025-11-17", F, a=4, mode="eq"))
S(P, "high-to-low swing on Thursday amounted to more than 3.5% of Wednesday's close", "intraday_range",
  k("^GSPC", "range_pct", T, a="3.5", mode="more_than"))
S(P, "At Thursday's close the S&P 500 sat about 5% below its Oct. 28 record close.", "drawdown+record",
  k("^GSPC", "drawdown", "2025-10-28", "2025-10-28", T, a="-5", mode="about"),
  k("^GSPC", "is_record", "2025-10-28", a=True, mode="eq"))
C(P, "The Nasdaq Composite dropped 3.2% on Thursday as chip stocks reversed.", "day_move",
  k("^IXIC", "day_pct", T, a="-3.2"))
S(P, "Nvidia, up 5% at Thursday's high after its results, finished the session down 3.2%.", "stock_intraday+day_move",
  k("NVDA", "intraday_pct", T, "high", a="5"), k("NVDA", "day_pct", T, a="-3.2"))
S(P, "The Nasdaq Composite has lost 6.1% in November so far.", "mtd_change",
  k("^IXIC", "period_pct", "2025-11-01", F, a="-6.1"))
C(P, "The S&P 500 is down 5.5% month to date.", "mtd_change",
  k("^GSPC", "period_pct", "2025-11-01", F, a="-5.5"))
C(P, "The Russell 2000 jumped 1.2% on Friday, leading the rebound.", "day_move",
  k("^RUT", "day_pct", F, a="1.2"))
U(P, "One-month at-the-money implied volatility on the S&P 500 ended near 19%",
  "implied_vol", "implied volatility surface: no data")
U(P, "The December VIX future settled at 22.1", "no_price_file", "VIX futures: no price file")
U(P, "Equity put-call volume ran at 1.2 on Thursday", "options_volume", "put-call ratio: no data")
U(P, "We expect the VIX to settle back toward 18 by mid-December", "forecast", "forecast")

# ---------------------------------------- c6 earnings roundup, Sat 2025-12-13 (sidecar; week to Fri 12-12)
P = "c6_earnings_roundup_oracle_broadcom.txt"
F, T, W = "2025-12-12", "2025-12-11", ("2025-12-08", "2025-12-12")
S(P, "Oracle sank 10.8% on Thursday, the first session after its quarterly report.", "stock_day_move",
  k("ORCL", "day_pct", T, a="-10.8"))
S(P, "That was the stock's steepest one-day drop since January.", "worst_since",
  k("ORCL", "last_bigger_move", T, "down", a=rng("2025-01-01", "2025-01-31"), mode="in"))
S(P, "Oracle fell another 4.5% on Friday, for a 12.7% loss on the week.", "stock_day_move+week_change",
  k("ORCL", "day_pct", F, a="-4.5"), k("ORCL", "period_pct", *W, a="-12.7"))
S(P, "roughly 42% below the record close they set on Sept. 10", "drawdown+record",
  k("ORCL", "drawdown", "2025-09-10", "2025-09-10", F, a="-42", mode="about"),
  k("ORCL", "is_record", "2025-09-10", a=True, mode="eq"))
C(P, "Oracle is still up more than 25% for the year", "ytd_change",
  k("ORCL", "period_pct", "2025-01-01", F, a="25", mode="more_than"))
U(P, "remaining performance obligations of $523 billion", "fundamentals", "earnings / backlog figures: no data")
S(P, "Broadcom slumped 11.4% on Friday, its worst day since January.", "stock_day_move+worst_since",
  k("AVGO", "day_pct", F, a="-11.4"),
  k("AVGO", "last_bigger_move", F, "down", a=rng("2025-01-01", "2025-01-31"), mode="in"))
C(P, "Broadcom had closed at a record on Thursday", "stock_record",
  k("AVGO", "is_record", T, a=True, mode="eq"))
C(P, "Broadcom lost 3% for the week as a whole.", "stock_week_change",
  k("AVGO", "period_pct", *W, a="-3"))
S(P, "the stock's gain for 2025 so far stands at about 56%", "stock_ytd_change",
  k("AVGO", "period_pct", "2025-01-01", F, a="56", mode="about"))
U(P, "Broadcom guided to AI semiconductor revenue of $8.2 billion", "fundamentals", "company guidance")
U(P, "cut her price target to $430 from $460", "price_target", "analyst price target")
C(P, "Nvidia fell 3.3% on Friday and finished the week down 6.5%.", "stock_day_move+week_change",
  k("NVDA", "day_pct", F, a="-3.3"), k("NVDA", "period_pct", *W, a="-6.5"))
C(P, "Apple fell for a fifth straight session on Friday.", "stock_streak",
  k("AAPL", "streak", F, "down", a=5, mode="eq"))
U(P, "Adobe, which also reported this week, rose 2% on Friday.", "no_price_file", "ADBE: no price file")
C(P, "The Nasdaq Composite lost 2.9% on Friday.", "day_move", k("^IXIC", "day_pct", F, a="-2.9"))
S(P, "The S&P 500 fell 1.1% on Friday, a day after notching a record close.", "day_move+record",
  k("^GSPC", "day_pct", F, a="-1.1"), k("^GSPC", "is_record", T, a=True, mode="eq"))
S(P, "The Dow, by contrast, gained 1% for the week.", "week_change", k("^DJI", "period_pct", *W, a="1"))
C(P, "The S&P 500 slipped 2% for the week.", "week_change", k("^GSPC", "period_pct", *W, a="-2"))
S(P, "the Russell 2000 closed at a record on Thursday", "record", k("^RUT", "is_record", T, a=True, mode="eq"))

# ---------------------------------------- c7 "month so far", Fri 2026-01-16 (byline date)
P = "c7_january_so_far_2026-01-16.md"
F, J = "2026-01-16", ("2026-01-01", "2026-01-16")
S(P, "Halfway through January, the Russell 2000 is up 7.9%.", "mtd_change", k("^RUT", "period_pct", *J, a="7.9"))
S(P, "a lead of about 6.5 percentage points over the S&P 500 month to date", "relative_pp",
  k("^RUT|^GSPC", "period_pct", *J, a="6.5", mode="about"))
S(P, "The Russell 2000 closed at a record again on Friday, its sixth record close of the year.", "record+record_count",
  k("^RUT", "is_record", F, a=True, mode="eq"), k("^RUT", "record_count", *J, a=6, mode="eq"))
S(P, "The Russell 2000 has risen in 9 of January's 11 sessions.", "count",
  k("^RUT", "count_up", *J, a=9, mode="eq"))
C(P, "IWM is up 8.0% in January while SPY has gained 3.1%", "etf_mtd_change",
  k("IWM", "period_pct", *J, a="8.0"), k("SPY", "period_pct", *J, a="3.1"))
S(P, "The S&P 500 has set three record closes this month, the latest on Monday, Jan. 12.", "record_count",
  k("^GSPC", "record_count", *J, a=3, mode="eq"), k("^GSPC", "is_record", "2026-01-12", a=True, mode="eq"),
  k("^GSPC", "record_count", "2026-01-13", F, a=0, mode="eq"))
C(P, "The S&P 500 has risen in 9 of the 11 sessions, too.", "count",
  k("^GSPC", "count_up", *J, a=9, mode="eq"))
C(P, "The Dow has added 4.5% month to date.", "mtd_change", k("^DJI", "period_pct", *J, a="4.5"))
S(P, "The Dow's latest record close also came on Monday, at 49,590.20.", "record+level",
  k("^DJI", "is_record", "2026-01-12", a=True, mode="eq"), k("^DJI", "close", "2026-01-12", a="49,590.20"),
  k("^DJI", "record_count", "2026-01-13", F, a=0, mode="eq"))
C(P, "Apple is down about 3% this month.", "stock_mtd_change", k("AAPL", "period_pct", *J, a="-3", mode="about"))
S(P, "Microsoft has lost 4.9% since the turn of the year.", "stock_mtd_change", k("MSFT", "period_pct", *J, a="-4.9"))
S(P, "Broadcom is up 1.6% month to date.", "stock_mtd_change", k("AVGO", "period_pct", *J, a="1.6"))
C(P, "Oracle has bounced 5% in January.", "stock_mtd_change", k("ORCL", "period_pct", *J, a="5"))
S(P, "The VIX closed Friday at 15.86, about 0.9 point above where it ended 2025.", "vix_level+mtd_points",
  k("^VIX", "close", F, a="15.86"), k("^VIX", "period_pts", *J, a="0.9", mode="about"))
U(P, "Big banks kicked off earnings season this week with mostly better-than-expected profits",
  "fundamentals", "earnings: no data")
U(P, "Futures markets put the odds of a Fed cut at the Jan. 27-28 meeting below 10%",
  "rate_expectations", "policy odds: no data")
U(P, "Gold set another record above $4,600 an ounce", "no_price_file", "gold: no price file")
U(P, "Analysts expect small-cap earnings to grow about 20% this year", "forecast", "earnings forecast")

# ---------------------------------------- c8 headline newsletter, Sun 2024-12-01 (November 2024)
P = "c8_november_headlines_2024-12-01.html"
N, F = ("2024-11-01", "2024-11-30"), "2024-11-29"
S(P, "S&amp;P 500 jumps 5.7% in November, its best month of 2024", "month_change+rank",
  k("^GSPC", "period_pct", *N, a="5.7"), k("^GSPC", "month_rank_in_year", "2024-11", a=1, mode="eq"))
S(P, "posted its biggest monthly gain since November 2023", "best_month_since",
  k("^GSPC", "last_better_month", "2024-11", "up", a=rng("2023-11"), mode="in"))
C(P, "The index rose on 17 of November&rsquo;s 20 sessions.", "count",
  k("^GSPC", "count_up", *N, a=17, mode="eq"))
S(P, "It logged six record closes during the month.", "record_count",
  k("^GSPC", "record_count", *N, a=6, mode="eq"))
C(P, "That brings the 2024 tally to 57 record closes.", "record_count",
  k("^GSPC", "record_count", "2024-01-01", F, a=57, mode="eq"))
S(P, "Small caps soar 10.8%, their best November since 2020", "month_change+seasonal_rank",
  k("^RUT", "period_pct", *N, a="10.8"),
  k("^RUT", "last_better_month", "2024-11", "up", True, a=rng("2020-11"), mode="in"))
S(P, "Small caps beat the S&amp;P 500 by roughly 5 percentage points", "relative_pp",
  k("^RUT|^GSPC", "period_pct", *N, a="5", mode="about"))
C(P, "Dow notches 10 record closes in November", "record_count",
  k("^DJI", "record_count", *N, a=10, mode="eq"))
S(P, "The Dow Jones Industrial Average rose 7.5% for the month.", "month_change",
  k("^DJI", "period_pct", *N, a="7.5"))
S(P, "blue-chip index&rsquo;s best month since November 2023", "best_month_since",
  k("^DJI", "last_better_month", "2024-11", "up", a=rng("2023-11"), mode="in"))
C(P, "The Dow is up 25% year to date.", "ytd_change", k("^DJI", "period_pct", "2024-01-01", F, a="25"))
C(P, "Tech lags: Nasdaq adds 8.2%", "month_change", k("^IXIC", "period_pct", *N, a="8.2"))
C(P, "The Nasdaq Composite closed at a record on Friday, too.", "record",
  k("^IXIC", "is_record", F, a=True, mode="eq"))
S(P, "S&amp;P 500 and Dow both finish at records", "record",
  k("^GSPC", "is_record", F, a=True, mode="eq"), k("^DJI", "is_record", F, a=True, mode="eq"))
S(P, "ended the shortened session at 6,032.38, up 0.6%", "level+day_move",
  k("^GSPC", "close", F, a="6,032.38"), k("^GSPC", "day_pct", F, a="0.6"))
C(P, "The Dow closed at 44,190.65.", "level", k("^DJI", "close", F, a="44,190.65"))
S(P, "<h2>VIX slumps to 13.51</h2>", "vix_level", k("^VIX", "close", F, a="13.51"))
C(P, "Friday&rsquo;s VIX close was its lowest since March.", "vix_lowest_since",
  k("^VIX", "last_lower_close", F, a=rng("2024-03-01", "2024-03-31"), mode="in"))
S(P, "Stock watch: Oracle +10.1%, Broadcom &minus;4.5%", "stock_month_change",
  k("ORCL", "period_pct", *N, a="10.1"), k("AVGO", "period_pct", *N, a="-4.5"))
C(P, "Nvidia climbed 9% in November.", "stock_month_change", k("NVDA", "period_pct", *N, a="9"))
C(P, "Microsoft lost 2% in November.", "stock_month_change", k("MSFT", "period_pct", *N, a="-2"))
U(P, "The 10-year Treasury yield fell about 12 basis points", "no_price_file", "Treasury yield: no price file")
U(P, "Bitcoin came within a whisker of $100,000.", "no_price_file", "crypto: no price file")
U(P, "Crude oil lost about 2% in November.", "no_price_file", "crude oil: no price file")

# ---------------------------------------- c9 day-by-day week narrative, Sat 2025-11-01 (week to Fri 10-31)
P = "c9_week_in_sequence_2025-11-01.txt"
S(P, "On Monday the S&P 500 jumped 1.2% to a record 6,875.16", "day_move+level+record",
  k("^GSPC", "day_pct", "2025-10-27", a="1.2"), k("^GSPC", "close", "2025-10-27", a="6,875.16"),
  k("^GSPC", "is_record", "2025-10-27", a=True, mode="eq"))
S(P, "Tuesday's session brought a third straight record close for the S&P 500.", "record_streak",
  k("^GSPC", "record_streak", "2025-10-28", a=3, mode="eq"))
C(P, "Nvidia surged 5% on Tuesday, its best day since March.", "stock_day_move+best_since",
  k("NVDA", "day_pct", "2025-10-28", a="5"),
  k("NVDA", "last_bigger_move", "2025-10-28", "up", a=rng("2025-03-01", "2025-03-31"), mode="in"))
C(P, "By Wednesday the Nasdaq Composite had strung together five straight record closes.", "record_streak",
  k("^IXIC", "record_streak", "2025-10-29", a=5, mode="eq"))
U(P, "The Federal Reserve cut rates by a quarter point on Wednesday", "policy", "policy rate decision: no data")
S(P, "Thursday's selloff took 1% off the S&P 500 and 1.6% off the Nasdaq Composite.", "day_move",
  k("^GSPC", "day_pct", "2025-10-30", a="-1"), k("^IXIC", "day_pct", "2025-10-30", a="-1.6"))
C(P, "Microsoft fell 2.9% on Thursday, its worst day since January", "stock_day_move+worst_since",
  k("MSFT", "day_pct", "2025-10-30", a="-2.9"),
  k("MSFT", "last_bigger_move", "2025-10-30", "down", a=rng("2025-01-01", "2025-01-31"), mode="in"))
U(P, "Meta Platforms sank 11% the same day on similar worries.", "no_price_file", "META: no price file")
C(P, "The Dow fell for a third straight day on Thursday.", "streak",
  k("^DJI", "streak", "2025-10-30", "down", a=3, mode="eq"))
C(P, "By Friday, the Nasdaq had gained 2.2% for the week, while the Russell 2000 lost 2.5%.", "week_change",
  k("^IXIC", "period_pct", "2025-10-27", "2025-10-31", a="2.2"),
  k("^RUT", "period_pct", "2025-10-27", "2025-10-31", a="-2.5"))
S(P, "For October as a whole, the S&P 500 rose 2.3%, its sixth straight monthly gain.", "month_change+month_streak",
  k("^GSPC", "period_pct", "2025-10-01", "2025-10-31", a="2.3"),
  k("^GSPC", "month_streak", "2025-10", "up", a=6, mode="eq"))
C(P, "The Nasdaq's 4.7% October advance was its best month since June.", "month_change+best_month_since",
  k("^IXIC", "period_pct", "2025-10-01", "2025-10-31", a="4.7"),
  k("^IXIC", "last_better_month", "2025-10", "up", a=rng("2025-06"), mode="in"))
U(P, "Treasury yields climbed through the back half of the week", "no_price_file", "Treasury yields: no price file")


# ------------------------------------------------------------------ run
def main():
    verbose = "-v" in sys.argv
    out, pages = [], {}
    for c in CLAIMS:
        path = os.path.join(HERE, "pages", c["page"])
        if path not in pages:
            with open(path, encoding="utf-8") as f:
                pages[path] = f.read()
        assert len(c["contains"]) >= 25, f"contains too short: {c['contains']!r}"
        n = pages[path].count(c["contains"])
        assert n == 1, f"{c['page']}: {c['contains']!r} occurs {n} times"
        rec = dict(page=c["page"], contains=c["contains"], verdict=c["verdict"], family=c["family"])
        if c["verdict"] == "unverifiable":
            rec.update(instrument=None, measure=None, window_start=None, window_end=None, asserted=None,
                       computed=None, reason=c["reason"])
            out.append(rec)
            continue
        res = [(chk, evaluate(chk)) for chk in c["checks"]]
        failed = [(chk, r) for chk, r in res if not r["ok"]]
        verdict = "contradicted" if failed else "supported"
        assert verdict == c["verdict"], f"{c['page']}: {c['contains']!r}: computed {verdict}: " + \
            "; ".join(f"{chk['sym']} {chk['measure']} {chk['args']} = {r['value']}" for chk, r in res)
        if failed:
            assert any(clearly_wrong(r["value"], chk["a"], chk["mode"], chk["measure"]) for chk, r in failed), \
                f"{c['page']}: {c['contains']!r}: not clearly wrong: {[(ch['a'], r['value']) for ch, r in failed]}"
        chk, r = (failed or res)[0]
        val = r["value"]
        if isinstance(val, float):
            val = round(val, 4)
        reasons = []
        for ch, rr in res:
            v = round(rr["value"], 4) if isinstance(rr["value"], float) else rr["value"]
            a = ch["a"] if not isinstance(ch["a"], tuple) else list(ch["a"])
            reasons.append(f"{ch['sym']} {ch['measure']}{tuple(ch['args'])} = {v} vs {a} ({ch['mode']}) -> "
                           f"{'ok' if rr['ok'] else 'FALSE'} [{rr['source']}, {rr['n']} src]")
        rec.update(instrument=chk["sym"], measure=chk["measure"], window_start=r["ws"], window_end=r["we"],
                   asserted=chk["a"] if not isinstance(chk["a"], tuple) else list(chk["a"]), computed=val,
                   reason="; ".join(reasons))
        out.append(rec)
        if verbose:
            print(c["verdict"][:4], c["page"][:3], c["contains"][:60], "|", rec["reason"])
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from collections import Counter
    cnt = Counter(r["verdict"] for r in out)
    print(f"{len(out)} claims: " + ", ".join(f"{v} {cnt[v]}" for v in ("supported", "contradicted", "unverifiable")))
    for p in sorted({r["page"] for r in out}):
        c2 = Counter(r["verdict"] for r in out if r["page"] == p)
        print(f"  {p}: S {c2['supported']} C {c2['contradicted']} U {c2['unverifiable']}")


if __name__ == "__main__":
    main()
