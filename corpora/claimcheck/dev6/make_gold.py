#!/usr/bin/env python3
"""Build gold.jsonl for claimcheck dev6 by COMPUTING every value from the daily price CSVs.

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
from g6lib import evaluate, clearly_wrong  # noqa: E402

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


# publication date of each page (from its meta / JSON-LD / front matter / byline / sidecar); every computed window
# must end on or before it, and a sidecar, when present, must say the same
PUBLISHED = {
    "d1_wire_close_july24.txt": "2024-07-24",
    "d2_wire_close_2025-05-12.html": "2025-05-12",
    "d3_wire_close_2025-02-21.txt": "2025-02-21",
    "b1_morning_note_2025-03-11.md": "2025-03-11",
    "b2_etf_tape_2025-08-13.html": "2025-08-13",
    "b3_weekly_strategy_2024-10-21.md": "2024-10-21",
    "m1_tech_movers_2024-06-14.html": "2024-06-14",
    "m2_movers_names_2025-08-12.txt": "2025-08-12",
    "r1_week_in_review_2024-09-07.md": "2024-09-07",
    "r2_may_recap_2025-06-01.html": "2025-06-01",
    "r3_first_half_june29.txt": "2024-06-29",
    "r4_october_recap_2024-11-01.html": "2024-11-01",
}


# ---------------------------------------- d1 wire close, Wed 2024-07-24 (dateline without year; sidecar)
P = "d1_wire_close_july24.txt"
D = "2024-07-24"
S(P, "The S&P 500 lost 128.61 points, or 2.3%, to 5,427.13, and the tech-heavy Nasdaq", "day_points+pct+level",
  k("^GSPC", "day_pts", D, a="-128.61"), k("^GSPC", "day_pct", D, a="-2.3"), k("^GSPC", "close", D, a="5,427.13"),
  k("^IXIC", "day_pts", D, a="-654.94"), k("^IXIC", "day_pct", D, a="-3.64"), k("^IXIC", "close", D, a="17,342.41"))
C(P, "blue-chip Dow Jones Industrial Average fell 504.22 points, or 1.8%, to 39,853.87", "day_points+pct+level",
  k("^DJI", "day_pts", D, a="-504.22"), k("^DJI", "day_pct", D, a="-1.8"), k("^DJI", "close", D, a="39,853.87"))
S(P, "the Nasdaq's steepest one-day slide since October 2022", "worst_since",
  k("^IXIC", "last_bigger_move", D, "down", a=rng("2022-10-01", "2022-10-31"), mode="in"))
S(P, "it was the first decline of more than 2% since February 2023", "first_move_beyond_since",
  k("^GSPC", "last_move_beyond", D, -2, a=rng("2023-02-01", "2023-02-28"), mode="in"))
C(P, "The Nasdaq 100 index gave up 2.5% on the day.", "day_move", k("^NDX", "day_pct", D, a="-2.5"))
S(P, "Russell 2000 lost 2.1% but remains up more than 7% for July", "day_move+mtd_change",
  k("^RUT", "day_pct", D, a="-2.1"), k("^RUT", "period_pct", "2024-07-01", D, a="7", mode="more_than"))
U(P, "Tesla shares plunged 12.3% after the electric-car maker", "no_price_file", "TSLA: no price file")
U(P, "Alphabet shed 5% as investors balked", "no_price_file", "GOOGL: no price file")
C(P, "Nvidia slid 6.8% and Broadcom lost 4.1%.", "stock_day_move",
  k("NVDA", "day_pct", D, a="-6.8"), k("AVGO", "day_pct", D, a="-4.1"))
S(P, "Microsoft fell 3.6%, its biggest one-day decline since last October.", "stock_day_move+worst_since",
  k("MSFT", "day_pct", D, a="-3.6"),
  k("MSFT", "last_bigger_move", D, "down", a=rng("2023-10-01", "2023-10-31"), mode="in"))
C(P, "Apple shed 4.9% as the selling spread across the megacaps", "stock_day_move", k("AAPL", "day_pct", D, a="-4.9"))
S(P, "jumped 3.32 points to 18.04, its highest close since April", "vix_points+level+highest_since",
  k("^VIX", "day_pts", D, a="3.32"), k("^VIX", "close", D, a="18.04"),
  k("^VIX", "last_higher_close", D, a=rng("2024-04-01", "2024-04-30"), mode="in"))
C(P, "The S&P 500 now stands roughly 6% below its July 16 record close.", "drawdown+record",
  k("^GSPC", "drawdown", "2024-07-16", "2024-07-16", D, a="-6", mode="about"),
  k("^GSPC", "is_record", "2024-07-16", a=True, mode="eq"))
S(P, "is about 7% under the peak it reached on July 10", "drawdown+record",
  k("^IXIC", "drawdown", "2024-07-10", "2024-07-10", D, a="-7", mode="about"),
  k("^IXIC", "is_record", "2024-07-10", a=True, mode="eq"))
U(P, "the yield on the benchmark 10-year Treasury note rose to 4.28%", "no_price_file", "Treasury yield: no price file")

# ---------------------------------------- d2 wire close, Mon 2025-05-12 (HTML article:published_time)
P = "d2_wire_close_2025-05-12.html"
D = "2025-05-12"
S(P, "The S&amp;P 500 jumped 184.28 points, or 3.3%, to 5,844.19.", "day_points+pct+level",
  k("^GSPC", "day_pts", D, a="184.28"), k("^GSPC", "day_pct", D, a="3.3"), k("^GSPC", "close", D, a="5,844.19"))
S(P, "The tech-heavy Nasdaq Composite soared 4.35% to 18,708.34.", "day_move+level",
  k("^IXIC", "day_pct", D, a="4.35"), k("^IXIC", "close", D, a="18,708.34"))
C(P, "The blue-chip Dow climbed 1,160.72 points, or 3.8%, to 42,410.10.", "day_points+pct+level",
  k("^DJI", "day_pts", D, a="1,160.72"), k("^DJI", "day_pct", D, a="3.8"), k("^DJI", "close", D, a="42,410.10"))
S(P, "All three indexes booked their best day since April 9", "best_since",
  k("^GSPC", "last_bigger_move", D, "up", a=rng("2025-04-09"), mode="in"),
  k("^IXIC", "last_bigger_move", D, "up", a=rng("2025-04-09"), mode="in"),
  k("^DJI", "last_bigger_move", D, "up", a=rng("2025-04-09"), mode="in"))
S(P, "Russell 2000 gained 3.4% and has now climbed more than 18% from its April 8 close", "day_move+since_date",
  k("^RUT", "day_pct", D, a="3.4"), k("^RUT", "since_pct", "2025-04-08", D, a="18", mode="more_than"))
S(P, "carried the S&amp;P 500 to its highest close since early March", "highest_since",
  k("^GSPC", "last_higher_close", D, a=rng("2025-03-01", "2025-03-10"), mode="in"))
C(P, "the benchmark remains about 3% below its Feb. 19 record close", "drawdown+record",
  k("^GSPC", "drawdown", "2025-02-19", "2025-02-19", D, a="-3", mode="about"),
  k("^GSPC", "is_record", "2025-02-19", a=True, mode="eq"))
C(P, "The rebound left the S&amp;P 500 back in the black for 2025.", "ytd_sign",
  k("^GSPC", "period_pct", "2025-01-01", D, a="1", mode="sign"))
U(P, "raised their year-end target for the S&amp;P 500 to 6,100", "forecast", "year-end index target: forecast")
S(P, "Apple jumped more than 6% and Broadcom added 6.4%.", "stock_day_move",
  k("AAPL", "day_pct", D, a="6", mode="more_than"), k("AVGO", "day_pct", D, a="6.4"))
C(P, "Nvidia advanced 3.2%, a relatively muted gain", "stock_day_move", k("NVDA", "day_pct", D, a="3.2"))
U(P, "Amazon rose 8.1% as investors bet cheaper imports", "no_price_file", "AMZN: no price file")
S(P, "fell 3.51 points to 18.39, its lowest close since late March", "vix_points+level+lowest_since",
  k("^VIX", "day_pts", D, a="-3.51"), k("^VIX", "close", D, a="18.39"),
  k("^VIX", "last_lower_close", D, a=rng("2025-03-20", "2025-03-31"), mode="in"))
C(P, "The Russell 2000 is still roughly 20% below its record close from November 2021.", "drawdown+record",
  k("^RUT", "drawdown", "2021-11-01", "2021-11-30", D, a="-20", mode="about"),
  k("^RUT", "is_record", "2021-11-08", a=True, mode="eq"), k("^RUT", "record_count", "2021-11-09", D, a=0, mode="eq"))
U(P, "U.S. crude futures rose 1.5% to $61.95 a barrel", "no_price_file", "crude oil and Treasury yield: no price file")

# ---------------------------------------- d3 wire close with text byline, Fri 2025-02-21
P = "d3_wire_close_2025-02-21.txt"
D, W = "2025-02-21", ("2025-02-17", "2025-02-21")
S(P, "The S&P 500 fell 104.39 points, or 1.7%, to 6,013.13, the benchmark's worst session of 2025 so far.",
  "day_points+pct+level+worst_in_year",
  k("^GSPC", "day_pts", D, a="-104.39"), k("^GSPC", "day_pct", D, a="-1.7"), k("^GSPC", "close", D, a="6,013.13"),
  k("^GSPC", "last_bigger_move", D, "down", a=rng("1928-01-01", "2024-12-31"), mode="in"))
C(P, "The blue-chip Dow lost 748.63 points, or 1.7%, to 43,428.02, and the tech-heavy Nasdaq Composite slumped 3.1%",
  "day_points+pct+level",
  k("^DJI", "day_pts", D, a="-748.63"), k("^DJI", "day_pct", D, a="-1.7"), k("^DJI", "close", D, a="43,428.02"),
  k("^IXIC", "day_pct", D, a="-3.1"), k("^IXIC", "close", D, a="19,524.01"))
S(P, "the small-cap Russell 2000 tumbled 2.9%, its third straight loss", "day_move+streak",
  k("^RUT", "day_pct", D, a="-2.9"), k("^RUT", "streak", D, "down", a=3, mode="eq"))
U(P, "consumer sentiment index fell to 64.7 in its final February reading", "economic_data", "sentiment survey: no data")
U(P, "Shares of UnitedHealth sank 7.2% following a report", "no_price_file", "UNH: no price file")
C(P, "Nvidia, which reports results next week, fell 1.4%.", "stock_day_move", k("NVDA", "day_pct", D, a="-1.4"))
S(P, "Oracle lost 4.7% as investors dumped software names", "stock_day_move", k("ORCL", "day_pct", D, a="-4.7"))
S(P, "two days after the S&P 500 closed at a record on Wednesday", "record",
  k("^GSPC", "is_record", "2025-02-19", a=True, mode="eq"))
C(P, "Friday's drop left the index about 4% below that peak.", "drawdown",
  k("^GSPC", "drawdown", "2025-02-19", "2025-02-19", D, a="-4", mode="about"))
C(P, "For the holiday-shortened week, the S&P 500 ended 2.5% lower.", "week_change",
  k("^GSPC", "period_pct", *W, a="-2.5"))
S(P, "The Dow shed 2.5% on the week, its worst weekly showing since October.", "week_change+worst_week_since",
  k("^DJI", "period_pct", *W, a="-2.5"),
  k("^DJI", "last_bigger_week", D, "down", a=rng("2024-10-01", "2024-10-31"), mode="in"))
C(P, "The Russell 2000 is now down 6% for February.", "mtd_change", k("^RUT", "period_pct", "2025-02-01", D, a="-6"))
S(P, "rose 2.55 points to 18.21, its highest close since early February", "vix_points+level+highest_since",
  k("^VIX", "day_pts", D, a="2.55"), k("^VIX", "close", D, a="18.21"),
  k("^VIX", "last_higher_close", D, a=rng("2025-02-01", "2025-02-10"), mode="in"))
U(P, "The 10-year Treasury yield slipped to 4.43%.", "no_price_file", "Treasury yield: no price file")

# ---------------------------------------- b1 broker morning note, Tue 2025-03-11 (YAML date; "Mon" = 03-10)
P = "b1_morning_note_2025-03-11.md"
D = "2025-03-10"
S(P, "SPX −2.7% 1d / −4.0% 5d; now −8.6% from the 2/19 ATH", "day_move+5d_change+drawdown",
  k("^GSPC", "day_pct", D, a="-2.7"), k("^GSPC", "since_pct", "2025-03-03", D, a="-4.0"),
  k("^GSPC", "drawdown", "2025-02-19", "2025-02-19", D, a="-8.6"), k("^GSPC", "is_record", "2025-02-19", a=True, mode="eq"))
S(P, "COMP −4.0%, its worst day since Sep '22", "day_move+worst_since",
  k("^IXIC", "day_pct", D, a="-4.0"),
  k("^IXIC", "last_bigger_move", D, "down", a=rng("2022-09-01", "2022-09-30"), mode="in"))
S(P, "NDX −3.8% 1d and −12.4% off its 2/19 high", "day_move+drawdown",
  k("^NDX", "day_pct", D, a="-3.8"), k("^NDX", "drawdown", "2025-02-19", "2025-02-19", D, a="-12.4"),
  k("^NDX", "is_record", "2025-02-19", a=True, mode="eq"))
S(P, "RTY −2.7% 1d; sits −17.3% vs its 52w closing high", "day_move+from_52w_high",
  k("^RUT", "day_pct", D, a="-2.7"), k("^RUT", "from_52w_high", D, a="-17.3"))
C(P, "VIX +4.49 to 27.86, highest close since the Dec. 18 Fed spike", "vix_points+level+highest_since",
  k("^VIX", "day_pts", D, a="4.49"), k("^VIX", "close", D, a="27.86"),
  k("^VIX", "last_higher_close", D, a=rng("2024-12-18"), mode="in"))
S(P, "QQQ lagged SPY by ~1.2pp on the day", "relative_pp",
  k("QQQ|SPY", "day_pct", D, a="-1.2", mode="about"))
S(P, "SPX MTD −5.7%, YTD −4.5% (closing basis)", "mtd_change+ytd_change",
  k("^GSPC", "period_pct", "2025-03-01", D, a="-5.7"), k("^GSPC", "period_pct", "2025-01-01", D, a="-4.5"))
C(P, "COMP YTD −12%, the weakest of the big four", "ytd_change",
  k("^IXIC", "period_pct", "2025-01-01", D, a="-12"),
  k("^IXIC|^GSPC", "period_pct", "2025-01-01", D, a="-1", mode="sign"),
  k("^IXIC|^DJI", "period_pct", "2025-01-01", D, a="-1", mode="sign"),
  k("^IXIC|^RUT", "period_pct", "2025-01-01", D, a="-1", mode="sign"))
C(P, "RTY: 11 of the last 13 sessions lower", "count",
  k("^RUT", "count_down", "2025-02-20", D, a=11, mode="eq"))
C(P, "INDU −4% from its 12/4 ATH, still the best-behaved index", "drawdown",
  k("^DJI", "drawdown", "2024-12-04", "2024-12-04", D, a="-4"), k("^DJI", "is_record", "2024-12-04", a=True, mode="eq"))
S(P, "MSFT −3.3%, 3rd straight down day and a fresh 52w closing low", "stock_day_move+streak+52w_low",
  k("MSFT", "day_pct", D, a="-3.3"), k("MSFT", "streak", D, "down", a=3, mode="eq"),
  k("MSFT", "is_52w_low", D, a=True, mode="eq"))
C(P, "AVGO −5.4% 1d, −9% 5d; semis were the epicentre", "stock_day_move+5d_change",
  k("AVGO", "day_pct", D, a="-5.4"), k("AVGO", "since_pct", "2025-03-03", D, a="-9"))
U(P, "TSLA −15.4% on the day; delivery worries", "no_price_file", "TSLA: no price file")
U(P, "UST 10y −7bps to 4.21% as growth fears", "no_price_file", "Treasury yield: no price file")
U(P, "Our YE SPX target stays at 6,600", "forecast", "year-end index target: forecast")

# ---------------------------------------- b2 ETF-only tape, Wed 2025-08-13 (JSON-LD; "1d" = Tue 08-12)
P = "b2_etf_tape_2025-08-13.html"
D = "2025-08-12"
S(P, "<li>SPY +1.1% 1d, closing at a record</li>", "etf_day_move+etf_record",
  k("SPY", "day_pct", D, a="1.1"), k("SPY", "is_record", D, a=True, mode="eq"), k("^GSPC", "is_record", D, a=True, mode="eq"))
S(P, "IWM +3.0% 1d, its best day since May 12", "etf_day_move+best_since",
  k("IWM", "day_pct", D, a="3.0"), k("IWM", "last_bigger_move", D, "up", a=rng("2025-05-12"), mode="in"))
C(P, "DIA fell 0.6% on the day as health care lagged", "etf_day_move", k("DIA", "day_pct", D, a="-0.6"))
C(P, "5d: QQQ +5.1%, easily the strongest of the four", "etf_5d_change",
  k("QQQ", "since_pct", "2025-08-05", D, a="5.1"))
S(P, "<tr><td>QQQ</td><td>+3.7%</td></tr>", "etf_table_row", k("QQQ", "period_pct", "2025-08-04", "2025-08-08", a="3.7"))
S(P, "<tr><td>SPY</td><td>+2.5%</td></tr>", "etf_table_row", k("SPY", "period_pct", "2025-08-04", "2025-08-08", a="2.5"))
C(P, "<tr><td>DIA</td><td>&minus;0.4%</td></tr>", "etf_table_row", k("DIA", "period_pct", "2025-08-04", "2025-08-08", a="-0.4"))
S(P, "MTD: IWM +3.4%, DIA +0.8% &mdash; small caps finally leading", "etf_mtd_change",
  k("IWM", "period_pct", "2025-08-01", D, a="3.4"), k("DIA", "period_pct", "2025-08-01", D, a="0.8"))
C(P, "SPY is up 3.5% month to date", "etf_mtd_change", k("SPY", "period_pct", "2025-08-01", D, a="3.5"))
S(P, "IWM still sits more than 5% below its 52-week closing high", "etf_from_52w_high",
  k("IWM", "from_52w_high", D, a="-5", mode="more_than"))
C(P, "IWM has risen in all eight August sessions so far", "etf_count",
  k("IWM", "count_up", "2025-08-01", D, a=8, mode="eq"))
C(P, "SPY has gained 35% since the April 8 close", "etf_since_date", k("SPY", "since_pct", "2025-04-08", D, a="35"))
S(P, "SPY is coming off a third straight monthly gain in July", "etf_month_streak",
  k("SPY", "month_streak", "2025-07", "up", a=3, mode="eq"))
U(P, "SPY took in roughly $4.2 billion of net inflows last week", "fund_flows", "ETF fund flows: no data")
U(P, "IWM options volume hit 2.1 million contracts on Tuesday", "options_volume", "options volume: no data")
U(P, "July core CPI rose 3.1% from a year earlier", "economic_data", "CPI: no data")

# ---------------------------------------- b3 broker weekly (arrows, w/w), Mon 2024-10-21 (YAML; week to Fri 10-18)
P = "b3_weekly_strategy_2024-10-21.md"
F, W = "2024-10-18", ("2024-10-14", "2024-10-18")
S(P, "SPX 5,864.67 ▲0.9% w/w · record close Fri · 6th straight weekly gain", "level+week_change+record+week_streak",
  k("^GSPC", "close", F, a="5,864.67"), k("^GSPC", "period_pct", *W, a="0.9"),
  k("^GSPC", "is_record", F, a=True, mode="eq"), k("^GSPC", "week_streak", F, "up", a=6, mode="eq"))
S(P, "INDU ▲1.0% w/w · 4 record closes this week, the last three in a row", "week_change+record_count+record_streak",
  k("^DJI", "period_pct", *W, a="1.0"), k("^DJI", "record_count", *W, a=4, mode="eq"),
  k("^DJI", "record_streak", F, a=3, mode="eq"))
C(P, "COMP ▲0.8% w/w · fresh ATH on Fri", "week_change+record",
  k("^IXIC", "period_pct", *W, a="0.8"), k("^IXIC", "is_record", F, a=True, mode="eq"))
C(P, "NDX ▲1.3% w/w as semis cooled into the weekend", "week_change", k("^NDX", "period_pct", *W, a="1.3"))
S(P, "IWM ▲2.0% w/w — best of the big four ETFs", "etf_week_change+relative",
  k("IWM", "period_pct", *W, a="2.0"),
  k("IWM|SPY", "period_pct", *W, a="1", mode="sign"), k("IWM|QQQ", "period_pct", *W, a="1", mode="sign"),
  k("IWM|DIA", "period_pct", *W, a="1", mode="sign"))
S(P, "VIX 18.03, ▼11.9% w/w after the early-Oct jitters", "vix_level+week_change",
  k("^VIX", "close", F, a="18.03"), k("^VIX", "period_pct", *W, a="-11.9"))
C(P, "VIX: 2nd straight weekly decline", "vix_week_streak", k("^VIX", "week_streak", F, "down", a=2, mode="eq"))
S(P, "SPX YTD +23%, QTD +1.8% — the year's gains keep compounding", "ytd_change+qtd_change",
  k("^GSPC", "period_pct", "2024-01-01", F, a="23"), k("^GSPC", "period_pct", "2024-10-01", F, a="1.8"))
C(P, "SPX: 50th record close of 2024 on Fri", "record_count",
  k("^GSPC", "record_count", "2024-01-01", F, a=50, mode="eq"))
S(P, "AAPL ▲3.3% w/w to a record close Fri", "stock_week_change+stock_record",
  k("AAPL", "period_pct", *W, a="3.3"), k("AAPL", "is_record", F, a=True, mode="eq"))
S(P, "NVDA ▲2.4% w/w; its latest record close came Mon 10/14", "stock_week_change+stock_record",
  k("NVDA", "period_pct", *W, a="2.4"), k("NVDA", "is_record", "2024-10-14", a=True, mode="eq"),
  k("NVDA", "record_count", "2024-10-15", F, a=0, mode="eq"))
C(P, "MSFT ▲2.4% w/w, still the laggard among the megacaps YTD", "stock_week_change",
  k("MSFT", "period_pct", *W, a="2.4"))
U(P, "NFLX +11.1% Fri after a subscriber beat", "no_price_file", "NFLX: no price file")
U(P, "Q3 S&P 500 EPS growth is tracking +3.4% y/y", "fundamentals", "earnings growth: no data")
U(P, "12m SPX target: 6,300 (unchanged)", "forecast", "index target: forecast")

# ---------------------------------------- m1 single-stock movers with tickers, Fri 2024-06-14 (JSON-LD)
P = "m1_tech_movers_2024-06-14.html"
F, W = "2024-06-14", ("2024-06-10", "2024-06-14")
S(P, "Shares of Apple (AAPL) jumped 7.3% on Tuesday to a record close, their best day since November 2022",
  "stock_day_move+stock_record+best_since",
  k("AAPL", "day_pct", "2024-06-11", a="7.3"), k("AAPL", "is_record", "2024-06-11", a=True, mode="eq"),
  k("AAPL", "last_bigger_move", "2024-06-11", "up", a=rng("2022-11-01", "2022-11-30"), mode="in"))
C(P, "AAPL tacked on another 4.5% on Wednesday before cooling off", "stock_day_move",
  k("AAPL", "day_pct", "2024-06-12", a="4.5"))
S(P, "Oracle (ORCL) soared 13.3% on Wednesday to a record after its fiscal fourth-quarter report",
  "stock_day_move+stock_record+best_since",
  k("ORCL", "day_pct", "2024-06-12", a="13.3"), k("ORCL", "is_record", "2024-06-12", a=True, mode="eq"),
  k("ORCL", "last_bigger_move", "2024-06-12", "up", a=rng("2021-12-01", "2021-12-31"), mode="in"))
U(P, "remaining performance obligations climbed 44% to $98 billion", "fundamentals", "company backlog figures: no data")
C(P, "Oracle ended the week up 14%, even after two softer sessions", "stock_week_change+streak",
  k("ORCL", "period_pct", *W, a="14"), k("ORCL", "streak", F, "down", a=2, mode="eq"))
S(P, "Broadcom (AVGO) surged 12.3% on Thursday after results", "stock_day_move+best_since",
  k("AVGO", "day_pct", "2024-06-13", a="12.3"),
  k("AVGO", "last_bigger_move", "2024-06-13", "up", a=rng("2020-03-01", "2020-03-31"), mode="in"))
S(P, "AVGO rose in all five sessions this week and finished up 23.3%", "stock_count+stock_week_change",
  k("AVGO", "count_up", *W, a=5, mode="eq"), k("AVGO", "period_pct", *W, a="23.3"))
C(P, "ahead of the Invesco QQQ, the go-to proxy for big tech, by about 15 percentage points this week",
  "relative_pp",
  k("AVGO|QQQ", "period_pct", *W, a="15", mode="about"))
U(P, "lifted their price target on the chipmaker to $2,000", "price_target", "analyst price target")
S(P, "Nvidia (NVDA) closed at a record $131.66 on Friday, capping a 9.1% weekly gain",
  "stock_level+stock_record+stock_week_change",
  k("NVDA", "close", F, a="131.66"), k("NVDA", "is_record", F, a=True, mode="eq"), k("NVDA", "period_pct", *W, a="9.1"))
C(P, "NVDA has more than tripled this year.", "stock_ytd_change",
  k("NVDA", "period_pct", "2024-01-01", F, a="200", mode="more_than"))
S(P, "Microsoft (MSFT) notched a fifth straight gain and another record close on Friday", "stock_streak+stock_record",
  k("MSFT", "streak", F, "up", a=5, mode="eq"), k("MSFT", "is_record", F, a=True, mode="eq"))
U(P, "Adobe, which reported on Thursday evening, jumped 14.5% on Friday", "no_price_file", "ADBE: no price file")
S(P, "The Nasdaq Composite closed at a record for a fifth straight session on Friday.", "record_streak",
  k("^IXIC", "record_streak", F, a=5, mode="eq"))
C(P, "The S&amp;P 500 also logged its fifth straight record close on Friday", "record_streak",
  k("^GSPC", "record_streak", F, a=5, mode="eq"))

# ---------------------------------------- m2 movers, company names only, Tue 2025-08-12 (text byline; "Monday" = 08-11)
P = "m2_movers_names_2025-08-12.txt"
M, LW = "2025-08-11", ("2025-08-04", "2025-08-08")
S(P, "Astera Labs rocketed 28.7% on Wednesday after its quarterly report, the chip-connectivity company's biggest one-day gain since last November",
  "stock_day_move+best_since",
  k("ALAB", "day_pct", "2025-08-06", a="28.7"),
  k("ALAB", "last_bigger_move", "2025-08-06", "up", a=rng("2024-11-01", "2024-11-30"), mode="in"))
U(P, "quarterly revenue rose roughly 150% from a year earlier", "fundamentals", "company revenue: no data")
S(P, "Astera ended last week up 36.8%, the best week in its short history", "stock_week_change+best_week_ever",
  k("ALAB", "period_pct", *LW, a="36.8"), k("ALAB", "last_bigger_week", "2025-08-08", "up", a="none", mode="eq"))
S(P, "Apple's 13.3% advance last week was its best weekly showing since July 2020", "stock_week_change+best_week_since",
  k("AAPL", "period_pct", *LW, a="13.3"),
  k("AAPL", "last_bigger_week", "2025-08-08", "up", a=rng("2020-07-01", "2020-07-31"), mode="in"))
S(P, "beat the Nasdaq-100 by more than 9 percentage points over those five sessions", "relative_pp",
  k("AAPL|^NDX", "period_pct", *LW, a="9", mode="more_than"))
S(P, "SoundHound soared 26.4% on Friday and added another 17.3% on Monday", "stock_day_move",
  k("SOUN", "day_pct", "2025-08-08", a="26.4"), k("SOUN", "day_pct", M, a="17.3"))
C(P, "SoundHound has now more than doubled in August", "stock_mtd_change",
  k("SOUN", "period_pct", "2025-08-01", M, a="100", mode="more_than"))
S(P, "C3.ai plunged 25.6% on Monday, its worst day since April 2023, leaving the shares at their lowest close since January 2023",
  "stock_day_move+worst_since+lowest_since",
  k("AI", "day_pct", M, a="-25.6"),
  k("AI", "last_bigger_move", M, "down", a=rng("2023-04-01", "2023-04-30"), mode="in"),
  k("AI", "last_lower_close", M, a=rng("2023-01-01", "2023-01-31"), mode="in"))
U(P, "preliminary quarterly revenue would come in around $70 million", "fundamentals", "company guidance: no data")
C(P, "Sterling Infrastructure, fresh off five straight record closes, gave back 1.2% on Monday.",
  "stock_record_streak+stock_day_move",
  k("STRL", "record_streak", "2025-08-08", a=5, mode="eq"), k("STRL", "day_pct", M, a="-1.2"))
S(P, "Credo closed at records on Wednesday, Thursday and Friday", "stock_record_streak",
  k("CRDO", "record_streak", "2025-08-08", a=3, mode="eq"))
C(P, "Nvidia rose 9% over the five sessions to Friday.", "stock_week_change", k("NVDA", "period_pct", *LW, a="9"))
C(P, "Oracle notched another record close on Thursday, extending a streak that began on Monday.", "stock_record",
  k("ORCL", "is_record", "2025-08-07", a=True, mode="eq"))
U(P, "Advanced Micro Devices fell 6.4% on Wednesday", "no_price_file", "AMD: no price file")
C(P, "The small-cap Russell 2000 fell 1% last week", "week_change", k("^RUT", "period_pct", *LW, a="-1"))

# ---------------------------------------- r1 weekly recap, Sat 2024-09-07 (YAML; holiday week Tue 09-03 .. Fri 09-06)
P = "r1_week_in_review_2024-09-07.md"
F, W = "2024-09-06", ("2024-09-02", "2024-09-06")
S(P, "The S&P 500 fell 4.2% for the week, its worst week since March 2023.", "week_change+worst_week_since",
  k("^GSPC", "period_pct", *W, a="-4.2"),
  k("^GSPC", "last_bigger_week", F, "down", a=rng("2023-03-01", "2023-03-31"), mode="in"))
S(P, "The Nasdaq Composite lost 5.8%, its worst week since January 2022, and it was the tech-heavy index's second straight weekly loss.",
  "week_change+worst_week_since+week_streak",
  k("^IXIC", "period_pct", *W, a="-5.8"),
  k("^IXIC", "last_bigger_week", F, "down", a=rng("2022-01-01", "2022-01-31"), mode="in"),
  k("^IXIC", "week_streak", F, "down", a=2, mode="eq"))
C(P, "The Dow dropped 1.9% over the four sessions", "week_change", k("^DJI", "period_pct", *W, a="-1.9"))
S(P, "The small-cap Russell 2000 shed 5.7% and fell on all four days.", "week_change+count",
  k("^RUT", "period_pct", *W, a="-5.7"), k("^RUT", "count_down", *W, a=4, mode="eq"))
C(P, "The Nasdaq Composite, for its part, fell in all four sessions.", "count",
  k("^IXIC", "count_down", *W, a=4, mode="eq"))
S(P, "Tuesday's 2.1% drop in the S&P 500 was its worst day since Aug. 5", "day_move+worst_since",
  k("^GSPC", "day_pct", "2024-09-03", a="-2.1"),
  k("^GSPC", "last_bigger_move", "2024-09-03", "down", a=rng("2024-08-05"), mode="in"))
C(P, "Nvidia lost 9.5% that day, its worst day since March 2020.", "stock_day_move+worst_since",
  k("NVDA", "day_pct", "2024-09-03", a="-9.5"),
  k("NVDA", "last_bigger_move", "2024-09-03", "down", a=rng("2020-03-01", "2020-03-31"), mode="in"))
S(P, "Nvidia finished the week down nearly 14%.", "stock_week_change", k("NVDA", "period_pct", *W, a="-14", mode="nearly"))
S(P, "Broadcom sank 10.4% on Friday after its results, its worst day since March 2020", "stock_day_move+worst_since",
  k("AVGO", "day_pct", F, a="-10.4"),
  k("AVGO", "last_bigger_move", F, "down", a=rng("2020-03-01", "2020-03-31"), mode="in"))
C(P, "Broadcom fell 8% for the week.", "stock_week_change", k("AVGO", "period_pct", *W, a="-8"))
U(P, "Nonfarm payrolls rose by 142,000 in August", "economic_data", "payrolls: no data")
U(P, "The 2-year Treasury yield fell to 3.65%", "no_price_file", "Treasury yield: no price file")
U(P, "Futures traders now see about a 30% chance of a half-point rate cut", "rate_expectations", "policy odds: no data")
C(P, "This was also the S&P 500's third straight weekly decline", "week_streak",
  k("^GSPC", "week_streak", F, "down", a=3, mode="eq"))

# ---------------------------------------- r2 monthly recap of May 2025, Sun 2025-06-01 (HTML article:published_time)
P = "r2_may_recap_2025-06-01.html"
F, MAY = "2025-05-30", ("2025-05-01", "2025-05-31")
S(P, "The S&amp;P 500 rallied 6.2% in May, its best month since November 2023.", "month_change+best_month_since",
  k("^GSPC", "period_pct", *MAY, a="6.2"),
  k("^GSPC", "last_better_month", "2025-05", "up", a=rng("2023-11"), mode="in"))
S(P, "It was also the S&amp;P 500&rsquo;s best May since 1990", "seasonal_rank",
  k("^GSPC", "last_better_month", "2025-05", "up", True, a=rng("1990-05"), mode="in"))
S(P, "The gain snapped a three-month losing streak for the S&amp;P 500, and the index is back in positive territory for 2025, up 0.5%.",
  "month_streak+ytd_change",
  k("^GSPC", "month_streak", "2025-04", "down", a=3, mode="eq"), k("^GSPC", "period_pct", *MAY, a="1", mode="sign"),
  k("^GSPC", "period_pct", "2025-01-01", F, a="0.5"))
C(P, "The Nasdaq Composite surged 9.6% for the month, its best May since 2020.", "month_change+seasonal_rank",
  k("^IXIC", "period_pct", *MAY, a="9.6"),
  k("^IXIC", "last_better_month", "2025-05", "up", True, a=rng("2020-05"), mode="in"))
C(P, "That made it the Nasdaq&rsquo;s third straight monthly gain.", "month_streak",
  k("^IXIC", "month_streak", "2025-05", "up", a=3, mode="eq"))
C(P, "The small-cap Russell 2000 gained 7.3%.", "month_change", k("^RUT", "period_pct", *MAY, a="7.3"))
C(P, "The Dow is up 1.2% year to date.", "ytd_change", k("^DJI", "period_pct", "2025-01-01", F, a="1.2"))
S(P, "Quarter to date, the Nasdaq Composite has gained 10.5%", "qtd_change",
  k("^IXIC", "period_pct", "2025-04-01", F, a="10.5"))
S(P, "From its April 8 close, the S&amp;P 500 has climbed almost 19%.", "since_date",
  k("^GSPC", "since_pct", "2025-04-08", F, a="19", mode="nearly"))
S(P, "Microsoft rose about 16.5% in May, its best month since October 2021", "stock_month_change+best_month_since",
  k("MSFT", "period_pct", *MAY, a="16.5", mode="about"),
  k("MSFT", "last_better_month", "2025-05", "up", a=rng("2021-10"), mode="in"))
C(P, "Apple gained 3.5% in May despite the threat", "stock_month_change", k("AAPL", "period_pct", *MAY, a="3.5"))
U(P, "with revenue of $44.1 billion", "fundamentals", "company revenue: no data")
U(P, "The 30-year Treasury yield briefly topped 5%", "no_price_file", "Treasury yield: no price file")
U(P, "At about 21.5 times forward earnings", "valuation", "valuation (P/E): no data")

# ---------------------------------------- r3 first-half recap, Sat 2024-06-29 (dateline without year; sidecar)
P = "r3_first_half_june29.txt"
F, H1, Q2, JUN = "2024-06-28", ("2024-01-01", "2024-06-28"), ("2024-04-01", "2024-06-30"), ("2024-06-01", "2024-06-30")
S(P, "The S&P 500 ended the first half up 14.5%, its strongest opening six months since 2019.", "h1_change+best_h1_since",
  k("^GSPC", "period_pct", *H1, a="14.5"), k("^GSPC", "last_better_ytd", F, "up", a=rng("2019"), mode="in"))
C(P, "The Nasdaq Composite climbed 18.1% in the first half, its best start to a year since 2020.", "h1_change+best_h1_since",
  k("^IXIC", "period_pct", *H1, a="18.1"), k("^IXIC", "last_better_ytd", F, "up", a=rng("2020"), mode="in"))
S(P, "The S&P 500 set 31 record closes in the first half, the last of them on June 18.", "record_count+record",
  k("^GSPC", "record_count", *H1, a=31, mode="eq"), k("^GSPC", "is_record", "2024-06-18", a=True, mode="eq"),
  k("^GSPC", "record_count", "2024-06-19", F, a=0, mode="eq"))
C(P, "The Nasdaq notched 28 record closes of its own.", "record_count",
  k("^IXIC", "record_count", *H1, a=28, mode="eq"))
S(P, "For the second quarter, the S&P 500 gained 3.9% and the Nasdaq 8.3%.", "quarter_change",
  k("^GSPC", "quarter_pct", "2024Q2", a="3.9"), k("^IXIC", "quarter_pct", "2024Q2", a="8.3"))
C(P, "The blue-chip Dow slipped 1.7% in the quarter, and the small-cap Russell 2000 lost 1.4% in the second quarter",
  "quarter_change",
  k("^DJI", "quarter_pct", "2024Q2", a="-1.7"), k("^RUT", "quarter_pct", "2024Q2", a="-1.4"))
S(P, "The Russell 2000 is up just 1% for the year.", "ytd_change", k("^RUT", "period_pct", *H1, a="1"))
C(P, "In June alone, the S&P 500 rose 3.5%, while the Nasdaq gained 4.1% in June.", "month_change",
  k("^GSPC", "period_pct", *JUN, a="3.5"), k("^IXIC", "period_pct", *JUN, a="4.1"))
S(P, "finished the half roughly 150% higher", "stock_h1_change",
  k("NVDA", "period_pct", *H1, a="150", mode="about"))
C(P, "Apple, which fell 11% in the first quarter, finished the half up 15%", "stock_quarter_change+stock_h1_change",
  k("AAPL", "quarter_pct", "2024Q1", a="-11"), k("AAPL", "period_pct", *H1, a="15"))
S(P, "Microsoft gained about 19% in the first half", "stock_h1_change", k("MSFT", "period_pct", *H1, a="19", mode="about"))
S(P, "the Cboe Volatility Index ended the half at 12.44, virtually where it began the year", "vix_level+ytd_change",
  k("^VIX", "close", F, a="12.44"), k("^VIX", "period_pts", *H1, a="0", mode="about"))
U(P, "Nike shares plunged 20% on Friday", "no_price_file", "NKE: no price file")
U(P, "personal consumption expenditures price index rose 2.6% in May", "economic_data", "PCE inflation: no data")
U(P, "expects the S&P 500 to end the year at 5,600", "forecast", "year-end index target: forecast")

# ---------------------------------------- r4 monthly recap of October 2024, Fri 2024-11-01 before the open (JSON-LD)
P = "r4_october_recap_2024-11-01.html"
T, OCT = "2024-10-31", ("2024-10-01", "2024-10-31")
S(P, "The S&amp;P 500 slipped 1% in October, snapping a five-month winning streak.", "month_change+month_streak",
  k("^GSPC", "period_pct", *OCT, a="-1"), k("^GSPC", "month_streak", "2024-09", "up", a=5, mode="eq"))
C(P, "The Nasdaq Composite fell 2.3% for the month, and the Dow lost 1.3% in October.", "month_change",
  k("^IXIC", "period_pct", *OCT, a="-2.3"), k("^DJI", "period_pct", *OCT, a="-1.3"))
C(P, "The small-cap Russell 2000 bucked the trend with a 1.1% gain.", "month_change",
  k("^RUT", "period_pct", *OCT, a="1.1"))
S(P, "the Dow set seven record closes during October", "record_count", k("^DJI", "record_count", *OCT, a=7, mode="eq"))
C(P, "The S&amp;P 500 added six records in October, bringing its 2024 total to 47.", "record_count",
  k("^GSPC", "record_count", *OCT, a=6, mode="eq"), k("^GSPC", "record_count", "2024-01-01", T, a=47, mode="eq"))
S(P, "Through October the S&amp;P 500 is up 19.6% in 2024, its best first ten months of a year since 2021.",
  "ytd_change+best_ytd_since",
  k("^GSPC", "period_pct", "2024-01-01", T, a="19.6"), k("^GSPC", "last_better_ytd", T, "up", a=rng("2021"), mode="in"))
S(P, "slide in the S&amp;P 500 was its steepest since early September, and the Nasdaq lost 2.8%",
  "day_move+worst_since",
  k("^GSPC", "day_pct", T, a="-1.9"),
  k("^GSPC", "last_bigger_move", T, "down", a=rng("2024-09-01", "2024-09-10"), mode="in"),
  k("^IXIC", "day_pct", T, a="-2.8"))
S(P, "Microsoft tumbled 6.1% on Thursday, its worst day since October 2022", "stock_day_move+worst_since",
  k("MSFT", "day_pct", T, a="-6.1"),
  k("MSFT", "last_bigger_move", T, "down", a=rng("2022-10-01", "2022-10-31"), mode="in"))
C(P, "For the full month, Microsoft lost 2%.", "stock_month_change", k("MSFT", "period_pct", *OCT, a="-2"))
U(P, "Super Micro Computer plunged 33% on Wednesday", "no_price_file", "SMCI: no price file")
U(P, "Amazon rose 6% in after-hours trading on Thursday", "no_price_file", "AMZN (and after-hours moves): no price file")
S(P, "The VIX jumped 38% in October to 23.16.", "vix_month_change+level",
  k("^VIX", "period_pct", *OCT, a="38"), k("^VIX", "close", T, a="23.16"))
C(P, "That was the VIX&rsquo;s highest close since early September.", "vix_highest_since",
  k("^VIX", "last_higher_close", T, a=rng("2024-09-01", "2024-09-10"), mode="in"))
U(P, "The core PCE price index rose 2.7% in September", "economic_data", "PCE inflation: no data")



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
        for chk, r in res:
            assert r["we"] <= PUBLISHED[c["page"]], f"{c['page']}: window ends after publication: {chk} -> {r['we']}"
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
    for p, d in PUBLISHED.items():
        side = os.path.join(HERE, "pages", os.path.splitext(p)[0] + ".meta.json")
        if os.path.exists(side):
            with open(side, encoding="utf-8") as f:
                assert json.load(f)["published"] == d, side
    assert set(PUBLISHED) == {r["page"] for r in out}
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
