#!/usr/bin/env python3
"""Build gold.jsonl for claimcheck blind3 by COMPUTING every value from the daily price CSVs.

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
from b3lib import evaluate, clearly_wrong  # noqa: E402

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


# ---------------------------------------- p01 agency close wrap, Tue 2024-09-03 (same day)
P = "p01_tidewater_close_2024-09-03.txt"
D, F = "2024-09-03", "2024-08-30"
S(P, "The S&P 500 fell 2.1% to finish at 5,528.93.", "day_move+level",
  k("^GSPC", "day_pct", D, a="-2.1"), k("^GSPC", "close", D, a="5,528.93"))
S(P, "The Nasdaq Composite slid 3.3%, and at its session low the tech-heavy gauge had been off 3.7%.",
  "day_move+intraday_extreme",
  k("^IXIC", "day_pct", D, a="-3.3"), k("^IXIC", "intraday_pct", D, "low", a="-3.7"))
S(P, "For both indexes it was the worst day since the Aug. 5 rout", "worst_since",
  k("^GSPC", "last_bigger_move", D, "down", a=rng("2024-08-05"), mode="in"),
  k("^IXIC", "last_bigger_move", D, "down", a=rng("2024-08-05"), mode="in"))
S(P, "The Dow Jones Industrial Average dropped 626 points, or 1.5%, to 40,936.93, one session after the blue-chip "
  "average logged a record close.", "day_points+pct+level+record",
  k("^DJI", "day_pts", D, a="-626"), k("^DJI", "day_pct", D, a="-1.5"), k("^DJI", "close", D, a="40,936.93"),
  k("^DJI", "is_record", F, a=True, mode="eq"))
C(P, "Friday's close had been a record for the S&P 500 as well", "record",
  k("^GSPC", "is_record", F, a=True, mode="eq"))
S(P, "The benchmark now sits about 2.4% below its July 16 record close.", "drawdown",
  k("^GSPC", "drawdown", "2024-07-16", "2024-07-16", D, a="-2.4", mode="about"),
  k("^GSPC", "is_record", "2024-07-16", a=True, mode="eq"))
C(P, "The Nasdaq, meanwhile, is roughly 5% beneath its own July peak.", "drawdown",
  k("^IXIC", "drawdown", "2024-07-01", "2024-07-31", D, a="-5", mode="about"))
C(P, "Nvidia tumbled 9.5%, its steepest one-day decline since March 2020.", "stock_day_move+worst_since",
  k("NVDA", "day_pct", D, a="-9.5"),
  k("NVDA", "last_bigger_move", D, "down", a=rng("2020-03-01", "2020-03-31"), mode="in"))
U(P, "wiped roughly $279 billion off the chipmaker's market value", "market_value",
  "market capitalisation: no share counts in the data")
C(P, "Broadcom shed 3.1% in sympathy with its larger rival.", "stock_day_move",
  k("AVGO", "day_pct", D, a="-3.1"))
C(P, "Apple fell 2.7% for a third consecutive loss.", "stock_day_move+streak",
  k("AAPL", "day_pct", D, a="-2.7"), k("AAPL", "streak", D, "down", a=3, mode="eq"))
S(P, "The Cboe Volatility Index climbed 38% to 20.72, its highest close since early August.",
  "vix_move+level+highest_since",
  k("^VIX", "day_pct", D, a="38"), k("^VIX", "close", D, a="20.72"),
  k("^VIX", "last_higher_close", D, a=rng("2024-08-01", "2024-08-10"), mode="in"))
U(P, "manufacturing index came in at 47.2 for August", "economic_data", "ISM survey: no data")
U(P, "U.S. crude futures fell more than 4% to settle below $71 a barrel", "no_price_file", "crude oil: no price file")

# ---------------------------------------- p02 sell-side morning note, Tue 2025-05-13 before the open (Mon 05-12)
P = "p02_morning_note_2025-05-13.md"
D = "2025-05-12"
S(P, "The S&P 500 surged 3.3% to 5,844.19, its best session since April 9.", "day_move+level+best_since",
  k("^GSPC", "day_pct", D, a="3.3"), k("^GSPC", "close", D, a="5,844.19"),
  k("^GSPC", "last_bigger_move", D, "up", a=rng("2025-04-09"), mode="in"))
S(P, "The Nasdaq Composite jumped 4.3%, stretching its winning run to four days.", "day_move+streak",
  k("^IXIC", "day_pct", D, a="4.3"), k("^IXIC", "streak", D, "up", a=4, mode="eq"))
S(P, "Monday's finish was the S&P 500's highest close since early March, and the index is now roughly 4.9% below its "
  "Feb. 19 record close.", "highest_since+drawdown",
  k("^GSPC", "last_higher_close", D, a=rng("2025-03-01", "2025-03-10"), mode="in"),
  k("^GSPC", "drawdown", "2025-02-19", "2025-02-19", D, a="-4.9", mode="about"),
  k("^GSPC", "is_record", "2025-02-19", a=True, mode="eq"))
C(P, "For the Nasdaq Composite, it was the highest finish since January.", "highest_since",
  k("^IXIC", "last_higher_close", D, a=rng("2025-01-01", "2025-01-31"), mode="in"))
C(P, "the S&P 500 has erased its 2025 loss and is now up slightly for the year", "ytd_change",
  k("^GSPC", "period_pct", "2025-01-01", D, a="1", mode="sign"))
C(P, "The benchmark has rallied about 22% from its April 8 closing low.", "rebound",
  k("^GSPC", "rebound", "2025-04-08", "2025-04-08", D, a="22", mode="about"))
S(P, "The Nasdaq Composite, for its part, is up more than 22% from that low.", "rebound",
  k("^IXIC", "rebound", "2025-04-08", "2025-04-08", D, a="22", mode="more_than"))
S(P, "Apple gained 6.3%, its best day since April 9", "stock_day_move+best_since",
  k("AAPL", "day_pct", D, a="6.3"), k("AAPL", "last_bigger_move", D, "up", a=rng("2025-04-09"), mode="in"))
C(P, "Nvidia added 3.1% on hopes for looser chip export rules.", "stock_day_move", k("NVDA", "day_pct", D, a="3.1"))
S(P, "The VIX fell 3.51 points to 18.39, its lowest close since late March.", "vix_points+level+lowest_since",
  k("^VIX", "day_pts", D, a="-3.51"), k("^VIX", "close", D, a="18.39"),
  k("^VIX", "last_lower_close", D, a=rng("2025-03-20", "2025-03-31"), mode="in"))
C(P, "That was a fifth straight decline for the index.", "vix_streak",
  k("^VIX", "streak", D, "down", a=5, mode="eq"))
C(P, "The S&P 500 slipped 0.5% last week, while the Russell 2000 lost 1.2%.", "week_change",
  k("^GSPC", "period_pct", "2025-05-05", "2025-05-09", a="-0.5"),
  k("^RUT", "period_pct", "2025-05-05", "2025-05-09", a="-1.2"))
U(P, "with U.S. duties on Chinese goods dropping to 30% from 145%", "policy", "tariff rates: no data")
U(P, "We raise our year-end S&P 500 target to 6,100 from 5,700.", "forecast", "year-end index target: forecast")


# ---------------------------------------- p03 single-stock movers, Mon 2024-06-24 after the close
P = "p03_movers_nvidia_slide_2024-06-24.html"
D, F, REC = "2024-06-24", "2024-06-21", "2024-06-18"
S(P, "Nvidia fell 6.7% on Monday, its third straight loss.", "stock_day_move+streak",
  k("NVDA", "day_pct", D, a="-6.7"), k("NVDA", "streak", D, "down", a=3, mode="eq"))
S(P, "The stock has now dropped about 13% from its record close last Tuesday.", "stock_drawdown+record",
  k("NVDA", "drawdown", REC, REC, D, a="-13", mode="about"), k("NVDA", "is_record", REC, a=True, mode="eq"))
C(P, "It was Nvidia&rsquo;s worst session since March.", "stock_worst_since",
  k("NVDA", "last_bigger_move", D, "down", a=rng("2024-03-01", "2024-03-31"), mode="in"))
U(P, "the three-day slide erased roughly $430 billion in market value", "market_value",
  "market capitalisation: no share counts in the data")
S(P, "Broadcom slid 3.7%, its fourth decline in a row.", "stock_day_move+streak",
  k("AVGO", "day_pct", D, a="-3.7"), k("AVGO", "streak", D, "down", a=4, mode="eq"))
C(P, "Broadcom has given up only about 5% since last Tuesday&rsquo;s close.", "stock_since_date",
  k("AVGO", "since_pct", REC, D, a="-5", mode="about"))
U(P, "The server maker sank 8.5% as the AI hardware trade unwound.", "no_price_file", "SMCI: no price file")
C(P, "Oracle slipped 2.5%, giving back a slice of its post-earnings surge", "stock_day_move",
  k("ORCL", "day_pct", D, a="-2.5"))
S(P, "Microsoft, which closed at a record on Friday, edged down 0.5%.", "stock_record+day_move",
  k("MSFT", "is_record", F, a=True, mode="eq"), k("MSFT", "day_pct", D, a="-0.5"))
S(P, "Apple snapped a three-session losing streak with a 0.3% gain.", "stock_streak+day_move",
  k("AAPL", "streak", F, "down", a=3, mode="eq"), k("AAPL", "day_pct", D, a="0.3"))
S(P, "The Dow rose 0.7% for a fifth straight gain", "day_move+streak",
  k("^DJI", "day_pct", D, a="0.7"), k("^DJI", "streak", D, "up", a=5, mode="eq"))
S(P, "The Nasdaq Composite lost 1.1%, its worst day since April 30.", "day_move+worst_since",
  k("^IXIC", "day_pct", D, a="-1.1"),
  k("^IXIC", "last_bigger_move", D, "down", a=rng("2024-04-30"), mode="in"))
C(P, "The S&amp;P 500 slipped 0.3% for a second day of losses.", "day_move+streak",
  k("^GSPC", "day_pct", D, a="-0.3"), k("^GSPC", "streak", D, "down", a=2, mode="eq"))
U(P, "Corvina Capital Markets kept its $150 price target on Nvidia", "price_target", "analyst price target")

# ---------------------------------------- p04 weekly recap, Sat 2024-09-21 (week to Fri 09-20)
P = "p04_weekly_recap_fed_week_2024-09-21.html"
W = ("2024-09-16", "2024-09-20")
T, F = "2024-09-19", "2024-09-20"
U(P, "The Federal Reserve cut its benchmark rate by half a percentage point on Wednesday, to a range of 4.75% to 5%",
  "policy", "policy rate decision: no data")
S(P, "For the week, the S&amp;P 500 gained 1.4%, its second weekly advance in a row.", "week_change+week_streak",
  k("^GSPC", "period_pct", *W, a="1.4"), k("^GSPC", "week_streak", F, "up", a=2, mode="eq"))
S(P, "The benchmark set a record close of 5,713.64 on Thursday.", "record+level",
  k("^GSPC", "close", T, a="5,713.64"), k("^GSPC", "is_record", T, a=True, mode="eq"))
S(P, "the S&amp;P 500 rose 1.7% and the Nasdaq Composite jumped 2.5%, its best day since Aug. 8.",
  "day_move+best_since",
  k("^GSPC", "day_pct", T, a="1.7"), k("^IXIC", "day_pct", T, a="2.5"),
  k("^IXIC", "last_bigger_move", T, "up", a=rng("2024-08-08"), mode="in"))
C(P, "At the day&rsquo;s high, the S&amp;P 500 had been up 3%, before sellers trimmed the gain.", "intraday_extreme",
  k("^GSPC", "intraday_pct", T, "high", a="3"))
C(P, "The Nasdaq also finished Thursday at an all-time high", "record",
  k("^IXIC", "is_record", T, a=True, mode="eq"))
S(P, "The Dow posted three record closes this week, the last at 42,063.36 on Friday.", "record_count+level",
  k("^DJI", "record_count", *W, a=3, mode="eq"), k("^DJI", "close", F, a="42,063.36"),
  k("^DJI", "is_record", F, a=True, mode="eq"))
C(P, "The blue chips gained 1.6% for the week, their best weekly showing since July.", "week_change+best_week_since",
  k("^DJI", "period_pct", *W, a="1.6"),
  k("^DJI", "last_bigger_week", F, "up", a=rng("2024-07-01", "2024-07-31"), mode="in"))
S(P, "The Russell 2000 climbed 2.1% for the week, though it snapped a seven-session winning streak on Friday.",
  "week_change+streak",
  k("^RUT", "period_pct", *W, a="2.1"), k("^RUT", "streak", T, "up", a=7, mode="eq"),
  k("^RUT", "day_pct", F, a="-1", mode="sign"))
C(P, "The small-cap index closed Thursday at its highest level since 2021.", "highest_since",
  k("^RUT", "last_higher_close", T, a=rng("2021-01-01", "2021-12-31"), mode="in"))
C(P, "The VIX finished Friday at 16.15, higher on the week despite the rally in stocks.", "vix_level+week",
  k("^VIX", "close", F, a="16.15"), k("^VIX", "period_pct", *W, a="1", mode="sign"))
S(P, "<tr><td>Oracle</td><td>+3.7%</td></tr>", "stock_week_change", k("ORCL", "period_pct", *W, a="3.7"))
C(P, "<tr><td>Apple</td><td>+5.1%</td></tr>", "stock_week_change", k("AAPL", "period_pct", *W, a="5.1"))
U(P, "The 10-year Treasury yield ended the week at 3.73%", "no_price_file", "Treasury yield: no price file")
U(P, "FedEx sank 15% on Friday after cutting its profit outlook", "no_price_file", "FDX: no price file")

# ---------------------------------------- p05 quarterly review, Tue 2025-04-01 (data through Mon 03-31)
P = "p05_q1_2025_review.md"
M, Q = ("2025-03-01", "2025-03-31"), ("2025-01-01", "2025-03-31")
E = "2025-03-31"
S(P, "The S&P 500 fell 5.8% in March, its worst month since December 2022.", "month_change+worst_month_since",
  k("^GSPC", "period_pct", *M, a="-5.8"),
  k("^GSPC", "last_better_month", "2025-03", "down", a=rng("2022-12"), mode="in"))
S(P, "For the quarter the index lost 4.6%, its weakest quarter since the third quarter of 2022.",
  "quarter_change+worst_quarter_since",
  k("^GSPC", "period_pct", *Q, a="-4.6"),
  k("^GSPC", "last_better_quarter", "2025-Q1", "down", a=rng("2022-Q3"), mode="in"))
S(P, "The S&P 500 finished the quarter 8.7% below its Feb. 19 record close, having briefly been down more than 10% "
  "in mid-March.", "drawdown",
  k("^GSPC", "drawdown", "2025-02-19", "2025-02-19", E, a="-8.7"),
  k("^GSPC", "is_record", "2025-02-19", a=True, mode="eq"),
  k("^GSPC", "drawdown", "2025-02-19", "2025-02-19", "2025-03-13", a="-10", mode="more_than"))
S(P, "The Nasdaq Composite dropped 10.4% in the first quarter.", "quarter_change",
  k("^IXIC", "period_pct", *Q, a="-10.4"))
C(P, "For the Nasdaq-100, it was the worst quarter since 2008.", "worst_quarter_since",
  k("^NDX", "last_better_quarter", "2025-Q1", "down", a=rng("2008-Q1", "2008-Q4"), mode="in"))
S(P, "the Dow beat the Nasdaq by about 9 percentage points over the three months", "relative_pp",
  k("^DJI|^IXIC", "period_pct", *Q, a="9", mode="about"))
C(P, "The blue-chip average itself slipped 3.5% for the quarter.", "quarter_change",
  k("^DJI", "period_pct", *Q, a="-3.5"))
C(P, "The Russell 2000 ended the quarter in a bear market, more than 20% below its November peak.", "drawdown",
  k("^RUT", "drawdown", "2024-11-01", "2024-11-30", E, a="-20", mode="more_than"))
S(P, "The VIX's highest close of the quarter was 27.86, on March 10, the day of the Nasdaq's 4% slide.",
  "vix_high_close+level+day_move",
  k("^VIX", "high_close_date", *Q, a=rng("2025-03-10"), mode="in"), k("^VIX", "close", "2025-03-10", a="27.86"),
  k("^IXIC", "day_pct", "2025-03-10", a="-4"))
C(P, "Broadcom shed about 18% in the quarter.", "stock_quarter_change",
  k("AVGO", "period_pct", *Q, a="-18", mode="about"))
C(P, "Oracle ended the quarter down about 9%.", "stock_quarter_change",
  k("ORCL", "period_pct", *Q, a="-9", mode="about"))
U(P, "Gold had its best quarter since 1986, rising above $3,100 an ounce.", "no_price_file", "gold: no price file")
U(P, "GDPNow model points to a 2.8% annualized contraction", "economic_data", "GDP nowcast: no data")
U(P, "the S&P 500 trades at about 20 times forward earnings", "valuation", "valuation (P/E): no data")

# ---------------------------------------- p06 personal-finance blog, Sat 2025-08-23 (byline; Fri 08-22)
P = "p06_blog_jackson_hole_friday.md"
D = "2025-08-22"
W, Yr = ("2025-08-18", "2025-08-22"), ("2025-01-01", "2025-08-22")
U(P, "Futures traders now price about an 85% chance of a September cut", "rate_expectations",
  "futures-implied policy odds: no data")
S(P, "The Dow jumped 846 points to a record close of 45,631.74.", "day_points+record+level",
  k("^DJI", "day_pts", D, a="846"), k("^DJI", "close", D, a="45,631.74"), k("^DJI", "is_record", D, a=True, mode="eq"))
S(P, "That was the blue-chip index's first record close since December.", "record_since",
  k("^DJI", "record_count", "2024-12-05", "2025-08-21", a=0, mode="eq"),
  k("^DJI", "is_record", "2024-12-04", a=True, mode="eq"))
C(P, "The S&P 500 rose 1.5% to a record as well.", "day_move+record",
  k("^GSPC", "day_pct", D, a="1.5"), k("^GSPC", "is_record", D, a=True, mode="eq"))
S(P, "My small-cap fund, IWM, jumped 3.9%, its best day since April.", "etf_day_move+best_since",
  k("IWM", "day_pct", D, a="3.9"), k("IWM", "last_bigger_move", D, "up", a=rng("2025-04-01", "2025-04-30"), mode="in"))
S(P, "The Nasdaq actually finished the week down 0.6%", "week_change", k("^IXIC", "period_pct", *W, a="-0.6"))
C(P, "The Dow gained 3% for the week.", "week_change", k("^DJI", "period_pct", *W, a="3"))
S(P, "The VIX dropped 14% to 14.22, its lowest close of 2025.", "vix_move+level+lowest_since",
  k("^VIX", "day_pct", D, a="-14"), k("^VIX", "close", D, a="14.22"),
  k("^VIX", "last_lower_close", D, a=rng("1990-01-01", "2024-12-31"), mode="in"))
S(P, "My total-market fund (VTI) gained 1.7% on Friday alone.", "etf_day_move",
  k("VTI", "day_pct", D, a="1.7"))
C(P, "My small caps (IWM) are up 12% this year", "etf_ytd_change", k("IWM", "period_pct", *Yr, a="12"))
C(P, "Microsoft, my biggest single stock, is up 30% year to date.", "stock_ytd_change",
  k("MSFT", "period_pct", *Yr, a="30"))
U(P, "My high-yield savings account still pays 4.1%", "deposit_rate", "savings rate: no data")
U(P, "the average 30-year mortgage rate was 6.58% this week", "mortgage_rate", "mortgage rate: no data")

# ---------------------------------------- p07 newsletter chart of the week, Sun 2025-10-19 (week to Fri 10-17)
P = "p07_chart_of_the_week_2025-10-19.html"
F, T, Wed = "2025-10-17", "2025-10-16", "2025-10-15"
W = ("2025-10-13", "2025-10-17")
C(P, "The Nasdaq added 3.4% on the week, leading the majors.", "week_change",
  k("^IXIC", "period_pct", *W, a="3.4"))
S(P, "Since the April 8 closing low, the S&amp;P 500 has climbed about 34%.", "rebound",
  k("^GSPC", "rebound", "2025-04-08", "2025-04-08", F, a="34", mode="about"))
S(P, "the Nasdaq Composite is up nearly 49% over the same stretch", "rebound",
  k("^IXIC", "rebound", "2025-04-08", "2025-04-08", F, a="49", mode="nearly"))
S(P, "the Nasdaq has outrun the S&amp;P by about 15 percentage points since April 8", "relative_pp",
  k("^IXIC|^GSPC", "since_pct", "2025-04-08", F, a="15", mode="about"))
C(P, "the Russell 2000 has gained about 30% from its own April 8 close", "since_date",
  k("^RUT", "since_pct", "2025-04-08", F, a="30", mode="about"))
S(P, "The Russell 2000 notched its fourth record close of October on Wednesday.", "record_count",
  k("^RUT", "record_count", "2025-10-01", Wed, a=4, mode="eq"), k("^RUT", "is_record", Wed, a=True, mode="eq"))
S(P, "The VIX closed Thursday at 25.31, its highest close since April.", "vix_level+highest_since",
  k("^VIX", "close", T, a="25.31"), k("^VIX", "last_higher_close", T, a=rng("2025-04-01", "2025-04-30"), mode="in"))
S(P, "on Friday the VIX fell 18%, its biggest one-day drop since April", "vix_move+biggest_since",
  k("^VIX", "day_pct", F, a="-18"),
  k("^VIX", "last_bigger_move", F, "down", a=rng("2025-04-01", "2025-04-30"), mode="in"))
C(P, "the VIX still ended the week higher", "vix_week", k("^VIX", "period_pct", *W, a="1", mode="sign"))
C(P, "Broadcom gained 12% this week after unveiling a custom-chip partnership.", "stock_week_change",
  k("AVGO", "period_pct", *W, a="12"))
U(P, "Zions Bancorporation lost 13% on Thursday after disclosing a loan write-off.", "no_price_file",
  "ZION: no price file")
U(P, "Gold topped $4,300 an ounce for the first time", "no_price_file", "gold: no price file")

# ---------------------------------------- p08 interview / Q&A, Sat 2025-02-22 (text byline; Fri 02-21)
P = "p08_qa_strategist_selloff.txt"
F, Wed = "2025-02-21", "2025-02-19"
W = ("2025-02-18", "2025-02-21")
S(P, "The S&P 500 fell 1.7% on Friday, its worst day since mid-December, just two sessions after it closed at a "
  "record 6,144.15 on Wednesday.", "day_move+worst_since+record+level",
  k("^GSPC", "day_pct", F, a="-1.7"),
  k("^GSPC", "last_bigger_move", F, "down", a=rng("2024-12-10", "2024-12-20"), mode="in"),
  k("^GSPC", "close", Wed, a="6,144.15"), k("^GSPC", "is_record", Wed, a=True, mode="eq"))
U(P, "The University of Michigan sentiment index fell to 64.7", "economic_data", "consumer sentiment: no data")
C(P, "The Dow lost more than 1,000 points, and the small caps got hit harder than anything.", "day_points+relative",
  k("^DJI", "day_pts", F, a="-1,000", mode="more_than"),
  k("^RUT|^GSPC", "day_pct", F, a="-1", mode="sign"), k("^RUT|^IXIC", "day_pct", F, a="-1", mode="sign"),
  k("^RUT|^DJI", "day_pct", F, a="-1", mode="sign"))
S(P, "The Russell 2000 fell 2.9% on Friday and is now down about 10% from its November record close.",
  "day_move+drawdown",
  k("^RUT", "day_pct", F, a="-2.9"), k("^RUT", "drawdown", "2024-11-01", "2024-11-30", F, a="-10", mode="about"))
S(P, "The S&P 500 logged its third record close of the year on Wednesday.", "record_count",
  k("^GSPC", "record_count", "2025-01-01", Wed, a=3, mode="eq"), k("^GSPC", "is_record", Wed, a=True, mode="eq"))
S(P, "It's still up a little over 2% for the year.", "ytd_change",
  k("^GSPC", "period_pct", "2025-01-01", F, a="2", mode="more_than"))
C(P, "the Nasdaq Composite is within 1% of its December record", "drawdown",
  k("^IXIC", "drawdown", "2024-12-01", "2024-12-31", F, a="-1", mode="less_than"))
C(P, "Small caps are up 3% this year, which is nothing", "ytd_change",
  k("^RUT", "period_pct", "2025-01-01", F, a="3"))
S(P, "The Nasdaq fell 2.5% for the week.", "week_change", k("^IXIC", "period_pct", *W, a="-2.5"))
C(P, "For the Dow it was the worst week since April of last year.", "worst_week_since",
  k("^DJI", "last_bigger_week", F, "down", a=rng("2024-04-01", "2024-04-30"), mode="in"))
C(P, "Broadcom slid 9% for the week and Nvidia fell 4.1% on Friday alone.", "stock_week_change+day_move",
  k("AVGO", "period_pct", *W, a="-9"), k("NVDA", "day_pct", F, a="-4.1"))
S(P, "The VIX jumped 16% on Friday to 18.21.", "vix_move+level",
  k("^VIX", "day_pct", F, a="16"), k("^VIX", "close", F, a="18.21"))
U(P, "I expect the Fed to cut twice this year, probably starting in June", "forecast",
  "rate and earnings forecasts")
U(P, "It fell 7% on Friday on reports of a new federal investigation", "no_price_file", "UNH: no price file")

# ---------------------------------------- p09 "in numbers" digest, published 2025-12-01 (sidecar; November 2025)
P = "p09_november_in_numbers.txt"
N, F = ("2025-11-01", "2025-11-30"), "2025-11-28"
S(P, "0.1% -- The S&P 500's gain in November, its seventh straight monthly advance.", "month_change+month_streak",
  k("^GSPC", "period_pct", *N, a="0.1"), k("^GSPC", "month_streak", "2025-11", "up", a=7, mode="eq"))
S(P, "1.5% -- The Nasdaq Composite's loss for the month, which ended a seven-month winning streak.",
  "month_change+month_streak",
  k("^IXIC", "period_pct", *N, a="-1.5"), k("^IXIC", "month_streak", "2025-10", "up", a=7, mode="eq"))
S(P, "23% -- Oracle's November drop, its worst month since 2001.", "stock_month_change+worst_month_since",
  k("ORCL", "period_pct", *N, a="-23"),
  k("ORCL", "last_better_month", "2025-11", "down", a=rng("2001-01", "2001-12"), mode="in"))
C(P, "9 -- Straight monthly gains for Broadcom, after a 9% rise in November.", "stock_month_streak+month_change",
  k("AVGO", "month_streak", "2025-11", "up", a=9, mode="eq"), k("AVGO", "period_pct", *N, a="9"))
S(P, "5 -- Record closes for Apple during the month, the last of them on Friday.", "stock_record_count",
  k("AAPL", "record_count", *N, a=5, mode="eq"), k("AAPL", "is_record", F, a=True, mode="eq"))
S(P, "12 -- Sessions in which the S&P 500 rose, out of 19.", "count",
  k("^GSPC", "count_up", *N, a=12, mode="eq"), k("^GSPC", "count_down", *N, a=7, mode="eq"))
C(P, "14 -- Up days for the Dow in November, its most in any month this year.", "count",
  k("^DJI", "count_up", *N, a=14, mode="eq"))
C(P, "0.8% -- The Russell 2000's decline for the month", "month_change", k("^RUT", "period_pct", *N, a="-0.8"))
S(P, "16.35 -- Where the VIX ended November, down about 6% on the month.", "vix_level+month",
  k("^VIX", "close", F, a="16.35"), k("^VIX", "period_pct", *N, a="-6", mode="about"))
C(P, "15% -- The Dow's gain so far in 2025.", "ytd_change", k("^DJI", "period_pct", "2025-01-01", F, a="15"))
U(P, "$11.8 billion -- U.S. online spending on Black Friday", "economic_data", "retail spending: no data")
U(P, "17% -- Bitcoin's November slide, its worst month since mid-2022.", "no_price_file", "crypto: no price file")

# ---------------------------------------- p10 small-cap newsletter, Fri 2025-09-19 morning (Thu 09-18)
P = "p10_smallcap_record_2025-09-19.html"
T = "2025-09-18"
S(P, "The Russell 2000 jumped 2.5% to 2,467.70 on Thursday, a record close.", "day_move+level+record",
  k("^RUT", "day_pct", T, a="2.5"), k("^RUT", "close", T, a="2,467.70"), k("^RUT", "is_record", T, a=True, mode="eq"))
S(P, "It was the index&rsquo;s first record close since November 2021", "record_since",
  k("^RUT", "record_count", "2021-11-09", "2025-09-17", a=0, mode="eq"),
  k("^RUT", "is_record", "2021-11-08", a=True, mode="eq"))
S(P, "The index has rallied about 40% from its April 8 close.", "since_date",
  k("^RUT", "since_pct", "2025-04-08", T, a="40", mode="about"))
U(P, "quarter-point rate cut on Wednesday, its first of the year", "policy", "policy rate decision: no data")
S(P, "the Russell 2000 still lags the S&amp;P 500 by about 2 percentage points this year", "relative_pp",
  k("^RUT|^GSPC", "period_pct", "2025-01-01", T, a="-2", mode="about"))
C(P, "The iShares S&amp;P SmallCap 600 ETF (IJR) also closed at a record", "etf_record",
  k("IJR", "is_record", T, a=True, mode="eq"))
C(P, "The iShares Russell 2000 Value ETF (IWN) is up 15% this year.", "etf_ytd_change",
  k("IWN", "period_pct", "2025-01-01", T, a="15"))
C(P, "The Vanguard Small-Cap ETF (VB) rose 2.9% on the day.", "etf_day_move", k("VB", "day_pct", T, a="2.9"))
C(P, "The flagship iShares Russell 2000 ETF (IWM) is up 7% month to date.", "etf_mtd_change",
  k("IWM", "period_pct", "2025-09-01", T, a="7"))
C(P, "The Russell&rsquo;s 2.5% jump was its biggest one-day gain since April.", "day_move+best_since",
  k("^RUT", "day_pct", T, a="2.5"),
  k("^RUT", "last_bigger_move", T, "up", a=rng("2025-04-01", "2025-04-30"), mode="in"))
S(P, "the S&amp;P 500, the Dow and the Nasdaq Composite all set records of their own on Thursday", "record",
  k("^GSPC", "is_record", T, a=True, mode="eq"), k("^DJI", "is_record", T, a=True, mode="eq"),
  k("^IXIC", "is_record", T, a=True, mode="eq"))
U(P, "About 40% of the companies in the Russell 2000 lost money over the past year", "fundamentals",
  "company profitability: no data")
U(P, "small-cap funds took in $4.1 billion last week", "fund_flows", "fund flows: no data")

# ---------------------------------------- p11 volatility brief, Thu 2024-07-25 morning (Wed 07-24)
P = "p11_vol_brief_2024-07-25.txt"
D = "2024-07-24"
S(P, "The VIX jumped 22.6% to 18.04 on Wednesday, its highest close since April 19.", "vix_move+level+highest_since",
  k("^VIX", "day_pct", D, a="22.6"), k("^VIX", "close", D, a="18.04"),
  k("^VIX", "last_higher_close", D, a=rng("2024-04-19"), mode="in"))
S(P, "That was the largest one-day percentage rise for the index since June 2022.", "vix_biggest_since",
  k("^VIX", "last_bigger_move", D, "up", a=rng("2022-06-01", "2022-06-30"), mode="in"))
C(P, "The 3.3-point jump was the largest in points since October 2022.", "vix_points+biggest_since",
  k("^VIX", "day_pts", D, a="3.3"),
  k("^VIX", "last_bigger_pts", D, "up", a=rng("2022-10-01", "2022-10-31"), mode="in"))
S(P, "Measured from the July 11 close, the VIX is up about 40%.", "vix_since_date",
  k("^VIX", "since_pct", "2024-07-11", D, a="40", mode="about"))
C(P, "the VIX has risen in eight of July's 17 sessions", "vix_count",
  k("^VIX", "count_up", "2024-07-01", D, a=8, mode="eq"))
S(P, "For the S&P 500, a 2.3% decline made it the worst day since December 2022.", "day_move+worst_since",
  k("^GSPC", "day_pct", D, a="-2.3"),
  k("^GSPC", "last_bigger_move", D, "down", a=rng("2022-12-01", "2022-12-31"), mode="in"))
S(P, "Tech bore the brunt: the Nasdaq Composite's 3.6% slide was its steepest one-day drop since October 2022.", "day_move+worst_since",
  k("^IXIC", "day_pct", D, a="-3.6"),
  k("^IXIC", "last_bigger_move", D, "down", a=rng("2022-10-01", "2022-10-31"), mode="in"))
C(P, "The Dow held up best, slipping about 0.4%.", "day_move", k("^DJI", "day_pct", D, a="-0.4", mode="about"))
S(P, "The S&P 500 now sits 4.2% below its July 16 record close.", "drawdown",
  k("^GSPC", "drawdown", "2024-07-16", "2024-07-16", D, a="-4.2"),
  k("^GSPC", "is_record", "2024-07-16", a=True, mode="eq"))
C(P, "The Nasdaq-100 is more than 10% below its July 10 peak.", "drawdown",
  k("^NDX", "drawdown", "2024-07-10", "2024-07-10", D, a="-10", mode="more_than"))
U(P, "August VIX futures settled at 17.3", "no_price_file", "VIX futures: no price file")
U(P, "Tesla fell 12% after its results", "no_price_file", "TSLA: no price file")
U(P, "The Cboe Nasdaq-100 Volatility Index, the VXN, rose to 22.8.", "no_price_file", "VXN: no price file")

# ---------------------------------------- p12 week-ahead note, Sun 2025-06-15 (week to Fri 06-13)
P = "p12_week_ahead_2025-06-15.md"
F = "2025-06-13"
W = ("2025-06-09", "2025-06-13")
S(P, "The S&P 500 fell 1.1% on Friday and lost 0.4% for the week, ending a two-week winning streak.",
  "day_move+week_change+week_streak",
  k("^GSPC", "day_pct", F, a="-1.1"), k("^GSPC", "period_pct", *W, a="-0.4"),
  k("^GSPC", "week_streak", "2025-06-06", "up", a=2, mode="eq"))
S(P, "The Dow shed 770 points, or 1.8%, on Friday.", "day_points+pct",
  k("^DJI", "day_pts", F, a="-770"), k("^DJI", "day_pct", F, a="-1.8"))
U(P, "Brent crude surged 7% on Friday, its biggest daily gain in months.", "no_price_file", "crude oil: no price file")
S(P, "The S&P 500 ended the week about 2.7% below its February record", "drawdown",
  k("^GSPC", "drawdown", "2025-02-01", "2025-02-28", F, a="-2.7", mode="about"))
S(P, "the Nasdaq Composite is up 27% since the April 8 close", "since_date",
  k("^IXIC", "since_pct", "2025-04-08", F, a="27"))
S(P, "The VIX jumped 15.5% to 20.82, its highest close since late May.", "vix_move+level+highest_since",
  k("^VIX", "day_pct", F, a="15.5"), k("^VIX", "close", F, a="20.82"),
  k("^VIX", "last_higher_close", F, a=rng("2025-05-20", "2025-05-31"), mode="in"))
S(P, "At its session high the fear gauge had been up 22%.", "vix_intraday_extreme",
  k("^VIX", "intraday_pct", F, "high", a="22"))
C(P, "The VIX has now risen four days in a row", "vix_streak", k("^VIX", "streak", F, "up", a=4, mode="eq"))
S(P, "Oracle rallied 24% for the week, its best week since 2001, and closed Friday at a record",
  "stock_week_change+best_week_since+record",
  k("ORCL", "period_pct", *W, a="24"),
  k("ORCL", "last_bigger_week", F, "up", a=rng("2001-01-01", "2001-12-31"), mode="in"),
  k("ORCL", "is_record", F, a=True, mode="eq"))
C(P, "Apple lost 6% for the week as its developer conference failed to excite.", "stock_week_change",
  k("AAPL", "period_pct", *W, a="-6"))
C(P, "the Russell 2000 is now positive for the year", "ytd_change",
  k("^RUT", "period_pct", "2025-01-01", F, a="1", mode="sign"))
C(P, "The Dow is up about 3% this year.", "ytd_change",
  k("^DJI", "period_pct", "2025-01-01", F, a="3", mode="about"))
U(P, "hold the federal funds rate at 4.25%-4.5%", "policy", "policy rate expectations: no data")
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
