#!/usr/bin/env python3
"""Build gold.jsonl for the claim-check dev set.

Every claim is specified below (page, verbatim phrase, instrument, measure, window, asserted value,
qualifier, intended verdict).  The value is COMPUTED from the daily price CSVs under
$FINNEWS_DATA/market (default /work/shared/market); the script asserts that the computed verdict equals
the intended one (false claims must be false by a clear margin) and that each phrase occurs exactly once
in its page's text.  Independent of the finnews tool.

    python3 corpora/claimcheck/dev/make_gold.py
"""
import html, json, os, re, sys
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gold_core import *  # noqa

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "pages")

# measures whose value is a percentage (clear-margin rule: >= 0.5 pp and >= 5 units, or sign wrong)
PCT = {"pct_change", "relative_pp", "drawdown", "rebound", "intraday_swing"}

SPEC = []


def N(page, contains, family, inst, measure, asserted, verdict, q="eq", **kw):
    """numeric claim; asserted is a string as written (sign = direction), or a dict of such for
    multi-number sentences (keys: pct, points, close)."""
    SPEC.append(dict(page=page, contains=contains, family=family, instrument=inst, measure=measure,
                     asserted=asserted, qual=q, verdict=verdict, kw=kw))


def B(page, contains, family, inst, measure, verdict, **kw):
    """boolean claim (record, highest since ...)."""
    SPEC.append(dict(page=page, contains=contains, family=family, instrument=inst, measure=measure,
                     asserted=None, qual="bool", verdict=verdict, kw=kw))


def U(page, contains, family, reason, inst=None):
    SPEC.append(dict(page=page, contains=contains, family=family, instrument=inst, measure="none",
                     asserted=None, qual=None, verdict="unverifiable", kw=dict(reason=reason)))


# ---------------------------------------------------------------- wrap-2025-11-21.html (Fri)
P = "wrap-2025-11-21.html"
D = "2025-11-21"
N(P, "The Russell 2000 jumped 2.8% to finish at 2,369.59", "daily_change", "^RUT", "day_move",
  {"pct": "2.8", "close": "2369.59"}, "supported", win=("day", D))
N(P, "had slid 1.8% on Thursday as a morning rally", "relative_window", "^RUT", "pct_change", "-1.8",
  "supported", win=("day", "2025-11-20"))
N(P, "Blue chips added 493.15 points, or 1.1%, to end at 47,245.41", "alias_subject", "^DJI", "day_move",
  {"points": "493.15", "pct": "1.1", "close": "47245.41"}, "contradicted", win=("day", D))
N(P, "The broad market gained 1.6% to close at 6,602.99", "daily_change", "^GSPC", "day_move",
  {"pct": "1.6", "close": "6602.99"}, "contradicted", win=("day", D))
N(P, "the tech-heavy index still lost 4.7% for the week", "window_change", "^IXIC", "pct_change", "-4.7",
  "contradicted", win=("week", D))
N(P, "The Russell finished the week up 0.8%", "window_change", "^RUT", "pct_change", "0.8",
  "contradicted", win=("week", D))
N(P, "the Nasdaq had been up more than 2% earlier in the session", "intraday_swing", "^IXIC",
  "intraday_swing", "2", "supported", q="more_than", date="2025-11-20", side="high")
N(P, "The fear gauge eased to 21.43 by the close", "volatility", "^VIX", "close", "21.43", "contradicted",
  date=D)
U(P, "lifted their year-end target for the S&amp;P 500 to 7,100", "forecast", "price target", "^GSPC")
U(P, "quarterly revenue of $57 billion, reported midweek", "fundamental", "company revenue", "NVDA")

# ---------------------------------------------------------------- weekly-recap-2025-04-12.md (Sat)
P = "weekly-recap-2025-04-12.md"
N(P, "The VIX closed above 50 on Tuesday", "volatility", "^VIX", "close", "50", "supported", q="above",
  date="2025-04-08")
B(P, "small-cap benchmark's lowest close since March 2020", "month_year", "^RUT", "lowest_since",
  "contradicted", date="2025-04-08", period="2020-03")
N(P, "The S&P 500 soared 9.5% on Wednesday after", "relative_window", "^GSPC", "pct_change", "9.5",
  "supported", win=("day", "2025-04-09"))
B(P, "It was the broad market's best day since October 2008.", "superlative", "^GSPC", "best_day_since",
  "supported", date="2025-04-09", period="2008-10")
N(P, "The Nasdaq rocketed 9.2% that day.", "relative_window", "^IXIC", "pct_change", "9.2",
  "contradicted", win=("day", "2025-04-09"))
N(P, "The Dow added 2,962.86 points, or 7.9%, on Wednesday to finish at 40,608.45", "daily_change", "^DJI",
  "day_move", {"points": "2962.86", "pct": "7.9", "close": "40608.45"}, "supported", win=("day", "2025-04-09"))
N(P, "the S&P 500 slid 5.5% on Thursday as traders", "relative_window", "^GSPC", "pct_change", "-5.5",
  "contradicted", win=("day", "2025-04-10"))
N(P, "The Dow gave back 0.5% on Thursday as well.", "relative_window", "^DJI", "pct_change", "-0.5",
  "contradicted", win=("day", "2025-04-10"))
N(P, "For the week the S&P 500 gained 5.7%", "window_change", "^GSPC", "pct_change", "5.7", "supported",
  win=("week", "2025-04-11"))
N(P, "The Nasdaq climbed 4.1% for the week.", "window_change", "^IXIC", "pct_change", "4.1", "contradicted",
  win=("week", "2025-04-11"))
N(P, "The Russell 2000 managed only a 1.8% weekly gain.", "window_change", "^RUT", "pct_change", "1.8",
  "supported", win=("week", "2025-04-11"))
U(P, "the Russell 2000 gained 5.7% in 1986, before anyone", "out_of_range", "^RUT file starts 1987-09-10", "^RUT")
U(P, "now trades at about 19 times forward earnings", "valuation", "P/E multiple", "^GSPC")
U(P, "Analysts still expect S&P 500 earnings to grow 9% this year", "forecast", "earnings forecast", "^GSPC")

# ---------------------------------------------------------------- harbor-wire-2024-08-05.txt (Mon)
P = "harbor-wire-2024-08-05.txt"
D = "2024-08-05"
N(P, "Blue chips tumbled 1,033.99 points, or 2.6%, to 38,703.27", "alias_subject", "^DJI", "day_move",
  {"points": "-1033.99", "pct": "-2.6", "close": "38703.27"}, "supported", win=("day", D))
N(P, "The S&P 500 dropped 3.0%.", "daily_change", "^GSPC", "pct_change", "-3.0", "supported", win=("day", D))
B(P, "the broad market's worst session since September 2022", "superlative", "^GSPC", "worst_day_since",
  "supported", date=D, period="2022-09")
N(P, "The tech-heavy index lost 576.08 points, or 2.1%, to 16,200.08", "alias_subject", "^IXIC", "day_move",
  {"points": "-576.08", "pct": "-2.1", "close": "16200.08"}, "contradicted", win=("day", D))
N(P, "The small-cap Russell 2000 shed 1.3% on the day.", "daily_change", "^RUT", "pct_change", "-1.3",
  "contradicted", win=("day", D))
N(P, "The Russell has now fallen for five straight sessions.", "streak", "^RUT", "streak_down", "5",
  "contradicted", date=D)
N(P, "The small-cap gauge is almost 10% below its July 16 closing high.", "drawdown", "^RUT", "drawdown",
  "10", "supported", q="almost", date=D, peak="2024-07-16")
N(P, "Wall Street's fear gauge, closed at 28.57", "volatility", "^VIX", "close", "28.57", "contradicted",
  date=D)
N(P, "the VIX had spiked as high as 65.73", "intraday", "^VIX", "high", "65.73", "supported", date=D)
U(P, "Japan's Nikkei 225 plunged 12.4% overnight", "unresolved_subject", "no price file for the Nikkei 225")
U(P, "Futures markets now price a half-point Fed rate cut", "forecast", "rate expectations")

# ---------------------------------------------------------------- harbor-wire-2024-11-25.txt (Mon)
P = "harbor-wire-2024-11-25.txt"
D = "2024-11-25"
N(P, "The Russell 2000 rose 1.5% to 2,442.03.", "daily_change", "^RUT", "day_move",
  {"pct": "1.5", "close": "2442.03"}, "supported", win=("day", D))
B(P, "The small-cap index closed at a record high", "record", "^RUT", "record_close", "contradicted", date=D)
N(P, "The Russell traded as high as 2,466.49 in the session.", "intraday", "^RUT", "high", "2466.49",
  "supported", date=D)
N(P, "about 0.03% shy of its November 2021 record close", "month_year", "^RUT", "drawdown", "0.03",
  "supported", q="about", date=D, peak="2021-11")
N(P, "The Russell has risen for six straight sessions.", "streak", "^RUT", "streak_up", "6", "supported",
  date=D)
N(P, "Since the Nov. 5 election, the Russell has climbed 11.0%.", "window_change", "^RUT", "pct_change",
  "11.0", "contradicted", win=("since", "2024-11-05", D))
N(P, "The Dow ended at 44,736.57, up 440.06 points.", "close_level", "^DJI", "day_move",
  {"close": "44736.57", "points": "440.06"}, "supported", win=("day", D))
B(P, "It was a record close for the blue-chip index.", "record", "^DJI", "record_close", "supported", date=D)
N(P, "The S&P 500 added 1.3% to 5,987.37.", "daily_change", "^GSPC", "day_move",
  {"pct": "1.3", "close": "5987.37"}, "contradicted", win=("day", D))
U(P, "drew $1.2 billion of inflows last week", "fundamental", "fund flows", "IWM")
U(P, "Including dividends, the Russell's total return this year", "total_return", "total return incl. dividends",
  "^RUT")

# ---------------------------------------------------------------- newsletter-2025-12-13.md (Sat)
P = "newsletter-2025-12-13.md"
N(P, "On Wednesday the Russell 2000 rose 1.3% to 2,505.61.", "relative_window", "^RUT", "day_move",
  {"pct": "1.3", "close": "2505.61"}, "contradicted", win=("day", "2025-12-10"))
B(P, "The small-cap benchmark closed at a record on Thursday.", "record", "^RUT", "record_close", "supported",
  date="2025-12-11")
N(P, "that makes 12 record closes for the Russell so far this year", "count", "^RUT", "record_count", "12",
  "contradicted", year="2025", end="2025-12-12")
N(P, "The Dow added 646.26 points, or 1.3%, on Thursday.", "relative_window", "^DJI", "day_move",
  {"points": "646.26", "pct": "1.3"}, "supported", win=("day", "2025-12-11"))
N(P, "the Russell gave back 1.5% in that session", "relative_window", "^RUT", "pct_change", "-1.5",
  "supported", win=("day", "2025-12-12"))
N(P, "The Nasdaq tumbled 2.7% on Friday", "relative_window", "^IXIC", "pct_change", "-2.7", "contradicted",
  win=("day", "2025-12-12"))
N(P, "For the week the Russell 2000 still gained 1.2%.", "window_change", "^RUT", "pct_change", "1.2",
  "supported", win=("week", "2025-12-12"))
N(P, "The S&P 500 fell 2.1% for the week.", "window_change", "^GSPC", "pct_change", "-2.1", "contradicted",
  win=("week", "2025-12-12"))
N(P, "outpaced the S&P 500 by 3.8 percentage points this week", "relative_performance", "^RUT", "relative_pp",
  "3.8", "contradicted", other="^GSPC", win=("week", "2025-12-12"))
N(P, "The Russell has rebounded more than 40% from its April 8 low.", "rebound", "^RUT", "rebound", "40",
  "supported", q="more_than", date="2025-12-12", trough="2025-04-08")
U(P, "Bitcoin slid 4% over the same stretch.", "unresolved_subject", "no price file for bitcoin")
U(P, "trade at a 30% discount to large caps on forward earnings", "valuation", "relative valuation", "^RUT")

# ---------------------------------------------------------------- nvda-selloff-2025-01-28.html (Tue)
P = "nvda-selloff-2025-01-28.html"
N(P, "Nvidia shares plunged 17% on Monday", "relative_window", "NVDA", "pct_change", "-17", "supported",
  win=("day", "2025-01-27"))
U(P, "wiped out nearly $600 billion of the company's market value", "fundamental", "market capitalisation",
  "NVDA")
N(P, "The stock rebounded 8.9% in Tuesday's session", "relative_window", "NVDA", "pct_change", "8.9",
  "supported", win=("day", "2025-01-28"))
N(P, "Broadcom sank 27% on Monday", "relative_window", "AVGO", "pct_change", "-27", "contradicted",
  win=("day", "2025-01-27"))
N(P, "Oracle, another AI infrastructure favorite, slumped nearly 14% on Monday", "qualifier", "ORCL",
  "pct_change", "-14", "supported", q="nearly", win=("day", "2025-01-27"))
N(P, "Apple fell 3.2% on Monday", "relative_window", "AAPL", "pct_change", "-3.2", "contradicted",
  win=("day", "2025-01-27"))
N(P, "Nvidia is still down about 4% since the start of the year", "window_change", "NVDA", "pct_change", "-4",
  "supported", q="about", win=("ytd", "2025-01-28"))
N(P, "Nvidia also remains 25% below its Jan. 6 record close", "drawdown", "NVDA", "drawdown", "25",
  "contradicted", date="2025-01-28", peak="2025-01-06")
U(P, "The index fell 3.1% on Monday, dragged down by chip stocks", "unresolved_subject",
  "no index is named anywhere in the article")
U(P, "still trades at about 30 times forward earnings", "valuation", "P/E multiple", "NVDA")
U(P, "average price target of $175 implies", "forecast", "analyst price target", "NVDA")

# ---------------------------------------------------------------- scorecard-2025-10.html (Fri 31 Oct)
P = "scorecard-2025-10.html"
N(P, "The Nasdaq Composite climbed 4.7% in October.", "window_change", "^IXIC", "pct_change", "4.7",
  "supported", win=("month", "2025-10"))
N(P, "The S&amp;P 500 rose 2.3% for the month.", "window_change", "^GSPC", "pct_change", "2.3", "supported",
  win=("month", "2025-10"))
N(P, "500's fourth straight monthly gain", "streak", "^GSPC", "month_streak_up", "4", "contradicted",
  ym="2025-10")
N(P, "The Russell 2000 advanced 3.8% in October.", "window_change", "^RUT", "pct_change", "3.8",
  "contradicted", win=("month", "2025-10"))
N(P, "The Dow finished the month down 2.5%.", "alias_subject", "^DJI", "pct_change", "-2.5", "contradicted",
  win=("month", "2025-10"))
N(P, "The tech-heavy index beat the S&amp;P 500 by 2.4 percentage points", "relative_performance", "^IXIC",
  "relative_pp", "2.4", "supported", other="^GSPC", win=("month", "2025-10"))
N(P, "Year to date, the S&amp;P 500 is up 19.3%.", "window_change", "^GSPC", "pct_change", "19.3",
  "contradicted", win=("ytd", "2025-10-31"))
N(P, "On Oct. 10 the Nasdaq lost 3.6% after", "relative_window", "^IXIC", "pct_change", "-3.6", "supported",
  win=("day", "2025-10-10"))
N(P, "The VIX finished the month at 17.44.", "volatility", "^VIX", "close", "17.44", "supported",
  date="2025-10-31")
N(P, "Russell 2000 ETF (IWM) ended October at $246.23", "close_level", "IWM", "etf_close", "246.23",
  "supported", date="2025-10-31")
U(P, "Including dividends, the S&amp;P 500 has returned about 17.5%", "total_return",
  "total return incl. dividends", "^GSPC")
U(P, "Earnings growth for the third quarter is tracking near 13%", "fundamental", "earnings growth")

# ---------------------------------------------------------------- q3-2025-scorecard.md (Tue 30 Sep)
P = "q3-2025-scorecard.md"
N(P, "The Russell 2000 gained 12.0% in the third quarter.", "window_change", "^RUT", "pct_change", "12.0",
  "supported", win=("quarter", 2025, 3))
N(P, "The S&P 500 rose 9.8% over the quarter.", "window_change", "^GSPC", "pct_change", "9.8",
  "contradicted", win=("quarter", 2025, 3))
N(P, "The Nasdaq added 15.2% in the three months through September.", "window_change", "^IXIC", "pct_change",
  "15.2", "contradicted", win=("quarter", 2025, 3))
N(P, "The Dow ended the quarter up 5.2%.", "window_change", "^DJI", "pct_change", "5.2", "supported",
  win=("quarter", 2025, 3))
N(P, "outperformed the S&P 500 by about 4 percentage points in the quarter", "relative_performance", "^RUT",
  "relative_pp", "4", "supported", q="about", other="^GSPC", win=("quarter", 2025, 3))
N(P, "The Russell is up more than 9% this year.", "qualifier", "^RUT", "pct_change", "9", "supported",
  q="more_than", win=("ytd", "2025-09-30"))
N(P, "The S&P 500 has rebounded more than 40% from its April 8 low.", "rebound", "^GSPC", "rebound", "40",
  "contradicted", q="more_than", date="2025-09-30", trough="2025-04-08")
N(P, "The fear gauge ended September at 16.28.", "alias_subject", "^VIX", "close", "16.28", "supported",
  date="2025-09-30")
U(P, "Small-cap funds took in $4 billion in September.", "fundamental", "fund flows")
U(P, "We expect the Russell to reach 2,700 by mid-2026.", "forecast", "index target", "^RUT")

# ---------------------------------------------------------------- harbor-wire-2024-12-31.txt (Tue)
P = "harbor-wire-2024-12-31.txt"
N(P, "The S&P 500 rose 23.3% in 2024.", "window_change", "^GSPC", "pct_change", "23.3", "supported",
  win=("year", 2024))
N(P, "The Nasdaq Composite gained 34.6% for the year.", "window_change", "^IXIC", "pct_change", "34.6",
  "contradicted", win=("year", 2024))
N(P, "The Dow Jones Industrial Average added 18.2% in 2024.", "window_change", "^DJI", "pct_change", "18.2",
  "contradicted", win=("year", 2024))
N(P, "The Russell 2000 ended the year up about 10%.", "qualifier", "^RUT", "pct_change", "10", "supported",
  q="about", win=("year", 2024))
N(P, "The S&P 500 notched 57 record closes during the year.", "count", "^GSPC", "record_count", "57",
  "supported", year="2024", end="2024-12-31")
N(P, "The broad market slipped 2.5% in December.", "alias_subject", "^GSPC", "pct_change", "-2.5", "supported",
  win=("month", "2024-12"))
N(P, "In December the Dow lost 5.3%.", "window_change", "^DJI", "pct_change", "-5.3", "supported",
  win=("month", "2024-12"))
N(P, "In the final session of the year, the S&P 500 rose 0.4%.", "daily_change", "^GSPC", "pct_change", "0.4",
  "contradicted", win=("day", "2024-12-31"))
N(P, "The small-cap benchmark ended the fourth quarter up 6.2%.", "alias_subject", "^RUT", "pct_change", "6.2",
  "contradicted", win=("quarter", 2024, 4))
U(P, "The Dow's 22.6% plunge on Oct. 19, 1987", "out_of_range", "^DJI file starts 1992-01-02", "^DJI")
U(P, "Strategists on average expect the S&P 500 to gain about 10% in 2025.", "forecast", "forecast", "^GSPC")

# ---------------------------------------------------------------- jobs-day.txt (date only in sidecar: Fri 2025-06-06)
P = "jobs-day.txt"
D = "2025-06-06"
U(P, "Payrolls rose by 139,000 last month", "fundamental", "economic data")
N(P, "The S&P 500 rose 1.0% to 6,000.36.", "daily_change", "^GSPC", "day_move",
  {"pct": "1.0", "close": "6000.36"}, "supported", win=("day", D))
B(P, "It was the broad market's highest close since February.", "superlative", "^GSPC", "highest_since",
  "supported", date=D, period="2025-02")
N(P, "about 2.3% below its February 19 record close", "drawdown", "^GSPC", "drawdown", "2.3", "supported",
  q="about", date=D, peak="2025-02-19")
N(P, "Blue chips added 443.13 points on the day.", "alias_subject", "^DJI", "point_change", "443.13",
  "supported", win=("day", D))
N(P, "The Nasdaq jumped 2.2% on the day, led by chip shares.", "daily_change", "^IXIC", "pct_change", "2.2",
  "contradicted", win=("day", D))
N(P, "The Russell 2000 rallied 1.7% to 2,182.25.", "daily_change", "^RUT", "day_move",
  {"pct": "1.7", "close": "2182.25"}, "contradicted", win=("day", D))
N(P, "For the week, the S&P 500 climbed 2.5%.", "window_change", "^GSPC", "pct_change", "2.5", "contradicted",
  win=("week", D))
N(P, "The small-cap benchmark gained 1.2% for the week.", "alias_subject", "^RUT", "pct_change", "1.2",
  "contradicted", win=("week", D))
N(P, "The fear gauge settled below 17.", "volatility", "^VIX", "close", "17", "supported", q="below", date=D)
U(P, "Tesla shares rebounded 3.7% after a bruising Thursday.", "unresolved_subject", "no price file for TSLA")

# ---------------------------------------------------------------- harbor-wire-2026-02-20.txt (Fri)
P = "harbor-wire-2026-02-20.txt"
D = "2026-02-20"
N(P, "The S&P 500 rose 0.7% to 6,909.51.", "daily_change", "^GSPC", "day_move",
  {"pct": "0.7", "close": "6909.51"}, "supported", win=("day", D))
N(P, "The broad market lost 1.1% for the week.", "window_change", "^GSPC", "pct_change", "-1.1", "contradicted",
  win=("week", D))
N(P, "The Russell 2000 finished the week up 2.6%.", "window_change", "^RUT", "pct_change", "2.6",
  "contradicted", win=("week", D))
N(P, "On Thursday the Dow lost 267.50 points.", "relative_window", "^DJI", "point_change", "-267.50",
  "supported", win=("day", "2026-02-19"))
N(P, "The S&P 500 is up 0.9% so far in 2026.", "window_change", "^GSPC", "pct_change", "0.9", "supported",
  win=("ytd", D))
N(P, "The Nasdaq is up 1.5% year to date.", "window_change", "^IXIC", "pct_change", "1.5", "contradicted",
  win=("ytd", D))
B(P, "The small-cap benchmark closed at a record on Thursday.", "record", "^RUT", "record_close",
  "contradicted", date="2026-02-19")
N(P, "The Russell has fallen in 8 of the last 10 sessions.", "count", "^RUT", "count_down", "8",
  "contradicted", date=D, n=10)
N(P, "The VIX settled below 20 on Friday.", "volatility", "^VIX", "close", "20", "supported", q="below", date=D)
U(P, "Two-year Treasury yields fell 6 basis points on the week.", "unresolved_subject", "no price file for Treasury yields")
U(P, "The Stoxx Europe 600 rose 0.9% for the week.", "unresolved_subject", "no price file for the Stoxx 600")

# ---------------------------------------------------------------- iwm-etf-2025-10-10.html (Fri)
P = "iwm-etf-2025-10-10.html"
D = "2025-10-10"
N(P, "The iShares Russell 2000 ETF, IWM, closed at $247.79.", "close_level", "IWM", "etf_close", "247.79", "contradicted", date=D)
N(P, "The fund fell 3.0% on the day.", "daily_change", "IWM", "etf_pct_change", "-3.0", "supported",
  win=("day", D))
N(P, "The Russell 2000 itself sank 3.0% to 2,394.59.", "daily_change", "^RUT", "day_move",
  {"pct": "-3.0", "close": "2394.59"}, "supported", win=("day", D))
N(P, "The Nasdaq lost 2.1% on the day.", "daily_change", "^IXIC", "pct_change", "-2.1", "contradicted",
  win=("day", D))
B(P, "For the S&amp;P 500, it was the worst day since April.", "superlative", "^GSPC", "worst_day_since",
  "supported", date=D, period="2025-04")
N(P, "The broad market had been up 0.4% early in the session", "intraday_swing", "^GSPC", "intraday_swing",
  "0.4", "supported", date=D, side="high")
N(P, "The fear gauge jumped to 23.66.", "volatility", "^VIX", "close", "23.66", "contradicted", date=D)
N(P, "500 ETF Trust (SPY) finished at $653.02.", "close_level", "SPY", "etf_close", "653.02", "supported",
  date=D)
N(P, "For the week, IWM lost 3.3%.", "window_change", "IWM", "etf_pct_change", "-3.3", "supported",
  win=("week", D))
U(P, "IWM's 30-day SEC yield stands at 1.1%.", "fundamental", "fund yield", "IWM")

# ---------------------------------------------------------------- small-cap-rotation-2024-07-16.md (Tue)
P = "small-cap-rotation-2024-07-16.md"
D = "2024-07-16"
N(P, "The Russell 2000 rose 3.5% to 2,363.67 on Tuesday.", "close_level", "^RUT", "day_move",
  {"pct": "3.5", "close": "2363.67"}, "contradicted", win=("day", D))
N(P, "It was the small-cap index's fifth straight gain.", "streak", "^RUT", "streak_up", "5", "supported",
  date=D)
N(P, "Since July 9, the Russell has gained 11.5%.", "window_change", "^RUT", "pct_change", "11.5",
  "supported", win=("since", "2024-07-09", D))
B(P, "Tuesday's finish was the Russell's highest close since January 2022.", "month_year", "^RUT",
  "highest_since", "supported", date=D, period="2022-01")
N(P, "outpaced the S&P 500 by nearly 10 percentage points", "relative_performance", "^RUT", "relative_pp",
  "10", "supported", q="nearly", other="^GSPC", win=("since", "2024-07-09", D))
B(P, "The S&P 500 also closed at a record on Tuesday.", "record", "^GSPC", "record_close", "supported", date=D)
N(P, "The Russell 2000 is up 14% year to date.", "window_change", "^RUT", "pct_change", "14", "contradicted",
  win=("ytd", D))
U(P, "Small caps still trade at 14 times forward earnings", "valuation", "P/E multiple", "^RUT")

# ---------------------------------------------------------------- midyear-2025-06-30.html (Mon)
P = "midyear-2025-06-30.html"
D = "2025-06-30"
N(P, "The S&amp;P 500 finished the first half up 5.5%.", "window_change", "^GSPC", "pct_change", "5.5",
  "supported", win=("ytd", D))
B(P, "The S&amp;P 500 closed at a record on Monday.", "record", "^GSPC", "record_close", "supported", date=D)
B(P, "The Nasdaq also ended the quarter at a record close.", "record", "^IXIC", "record_close", "supported",
  date=D)
N(P, "The broad market rose 10.6% in the second quarter.", "window_change", "^GSPC", "pct_change", "10.6",
  "supported", win=("quarter", 2025, 2))
N(P, "The tech-heavy Nasdaq jumped 12.8% in the quarter.", "window_change", "^IXIC", "pct_change", "12.8",
  "contradicted", win=("quarter", 2025, 2))
N(P, "The Russell 2000 is still down 2.5% for the year.", "window_change", "^RUT", "pct_change", "-2.5",
  "supported", win=("ytd", D))
N(P, "Small caps gained 8.3% in June.", "alias_subject", "^RUT", "pct_change", "8.3", "contradicted",
  win=("month", "2025-06"))
N(P, "has rebounded more than 24% from its April 8 low", "rebound", "^GSPC", "rebound", "24", "supported",
  q="more_than", date=D, trough="2025-04-08")
N(P, "Blue chips finished the quarter up 2.1%.", "alias_subject", "^DJI", "pct_change", "2.1", "contradicted",
  win=("quarter", 2025, 2))
U(P, "Including dividends, the Russell 2000 is roughly flat for the year.", "total_return",
  "total return incl. dividends", "^RUT")
U(P, "We think the S&amp;P 500 can reach 6,600 by year-end.", "forecast", "index target", "^GSPC")


# ================================================================= evaluation
def window(inst, w):
    k = w[0]
    if k == "day":
        return w_day(inst, w[1])
    if k == "week":
        return w_week(inst, w[1])
    if k == "month":
        return w_month(inst, w[1])
    if k == "quarter":
        return w_quarter(inst, w[1], w[2])
    if k == "year":
        return w_year(inst, w[1])
    if k == "ytd":
        return w_year(inst, int(w[1][:4]), w[1])
    if k == "since":
        return w[1], w[2]
    raise ValueError(w)


def etf_pct(etf, ref, end):
    return 100.0 * (unadj_close(etf, end) / unadj_close(etf, ref) - 1)


def compute(c):
    """returns (computed value, window_start, window_end, extra)"""
    m, i, kw = c["measure"], c["instrument"], c["kw"]
    if m in ("pct_change", "point_change", "day_move"):
        ref, end = window(i, kw["win"])
        cl_ref, cl_end = close(i, ref), close(i, end)
        vals = {"pct": 100 * (cl_end / cl_ref - 1), "points": cl_end - cl_ref, "close": cl_end}
        if m == "pct_change":
            return vals["pct"], ref, end
        if m == "point_change":
            return vals["points"], ref, end
        return {k: vals[k] for k in c["asserted"]}, ref, end
    if m == "etf_pct_change":
        ref, end = window(i, kw["win"])
        return etf_pct(i, ref, end), ref, end
    if m == "etf_close":
        return unadj_close(i, kw["date"]), kw["date"], kw["date"]
    if m in ("close", "high", "low"):
        r = row(i, kw["date"])
        return {"close": r[1], "high": r[2], "low": r[3]}[m], kw["date"], kw["date"]
    if m == "relative_pp":
        ref, end = window(i, kw["win"])
        ref2, end2 = window(kw["other"], kw["win"])
        return pct(i, ref, end) - pct(kw["other"], ref2, end2), ref, end
    if m == "intraday_swing":
        d = kw["date"]
        p = prev_day(i, d)
        r = row(i, d)
        ext = r[2] if kw["side"] == "high" else r[3]
        return 100 * (ext / close(i, p) - 1), p, d
    if m == "drawdown":
        a, b = period_bounds(kw["peak"])
        peak = max(cx for _, cx in closes_between(i, a, b))
        return 100 * (1 - close(i, kw["date"]) / peak), a, kw["date"]
    if m == "rebound":
        a, b = period_bounds(kw["trough"])
        low = min(cx for _, cx in closes_between(i, a, b))
        return 100 * (close(i, kw["date"]) / low - 1), a, kw["date"]
    if m in ("streak_up", "streak_down"):
        rows = load(i)
        k = [r[0] for r in rows].index(kw["date"])
        close(i, kw["date"])
        n = 0
        while (rows[k][1] > rows[k - 1][1]) == (m == "streak_up"):
            n += 1
            k -= 1
        return n, rows[k][0], kw["date"]
    if m in ("count_down", "count_up"):
        rows = load(i)
        k = [r[0] for r in rows].index(kw["date"])
        n = kw["n"]
        for j in range(k - n, k + 1):
            close(i, rows[j][0])  # refuses provisional rows
        ups = sum(rows[j][1] > rows[j - 1][1] for j in range(k - n + 1, k + 1))
        return (ups if m == "count_up" else n - ups), rows[k - n][0], kw["date"]
    if m == "record_count":
        mx, n = 0.0, 0
        for r in load(i):
            if r[0] > kw["end"]:
                break
            if r[1] > mx:
                mx = r[1]
                if r[0][:4] == kw["year"]:
                    n += 1
        return n, kw["year"] + "-01-01", kw["end"]
    if m == "month_streak_up":
        mc = monthly_closes(i)
        ks = sorted(mc)
        k = ks.index(kw["ym"])
        n = 0
        while mc[ks[k]] > mc[ks[k - 1]]:
            n += 1
            k -= 1
        return n, ks[k + 1] + "-01", kw["ym"]
    if m == "record_close":
        d = kw["date"]
        prior = max(r[1] for r in load(i) if r[0] < d)
        return close(i, d) > prior, "start", d
    if m in ("highest_since", "lowest_since"):
        d = kw["date"]
        close(i, d)
        hit = last_prior(i, d, (lambda cx, c: cx >= c) if m == "highest_since" else (lambda cx, c: cx <= c))
        a, b = period_bounds(kw["period"])
        return hit, a, d
    if m in ("best_day_since", "worst_day_since"):
        d = kw["date"]
        close(i, d)
        dr = daily_returns(i)
        v = dr[d]
        hit = None
        for x in sorted((k for k in dr if k < d), reverse=True):
            if (dr[x] >= v) if m == "best_day_since" else (dr[x] <= v):
                hit = x
                break
        return hit, kw["period"], d
    raise ValueError(m)


def num(s):
    return float(str(s).replace(",", ""))


def judge_number(c, key, v, a_str, q):
    a = num(a_str)
    unit = unit_of(a_str.lstrip("-"))
    if a < 0 and q not in ("eq",):  # "slumped nearly 14%": qualifier applies to the magnitude
        ok = v < 0 and qual_ok(q, -v, -a, unit)
    else:
        ok = qual_ok(q, v, a, unit)
    if ok:
        return True
    # clear-margin rule for false claims
    m = c["measure"]
    if key == "pct" or m in PCT or m == "etf_pct_change":
        if not (v * a < 0 or abs(v - a) >= max(0.5, 2 * unit) - 1e-9):
            raise AssertionError(f"not clearly false: {c['contains']!r} v={v:.3f} a={a}")
    elif c["instrument"] == "^VIX":
        assert abs(v - a) >= 1.0, (c["contains"], v, a)
    elif m in ("streak_up", "streak_down", "count_down", "count_up", "record_count", "month_streak_up"):
        pass
    else:  # levels / points
        if key == "points":
            assert abs(v - a) / abs(v) >= 0.2, (c["contains"], v, a)
        else:
            assert abs(v - a) / abs(v) >= 0.015, (c["contains"], v, a)
    return False


def verdict_of(c, val):
    m = c["measure"]
    if m == "record_close":
        return "supported" if val else "contradicted"
    if m in ("highest_since", "lowest_since", "best_day_since", "worst_day_since"):
        a, b = period_bounds(c["kw"]["period"])
        return "supported" if val is not None and a <= val <= b else "contradicted"
    if isinstance(val, dict):
        oks = [judge_number(c, k, val[k], c["asserted"][k], "eq") for k in c["asserted"]]
        return "supported" if all(oks) else "contradicted"
    return "supported" if judge_number(c, None, val, c["asserted"], c["qual"]) else "contradicted"


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def page_text(name):
    raw = open(os.path.join(PAGES, name), encoding="utf-8").read()
    if name.endswith(".html"):
        p = _Text()
        p.feed(raw)
        return raw, "".join(p.out)
    return raw, raw


def rnd(v):
    if isinstance(v, float):
        return round(v, 4)
    if isinstance(v, dict):
        return {k: rnd(x) for k, x in v.items()}
    return v


def main():
    out, errors = [], []
    for c in SPEC:
        raw, text = page_text(c["page"])
        # contains phrase: verbatim in the raw file; for HTML also check the decoded text
        phrase = c["contains"]
        tphrase = html.unescape(phrase)
        if len(tphrase) < 25:
            errors.append(f"phrase too short: {phrase!r}")
        if raw.count(phrase) != 1 or text.count(tphrase) != 1:
            errors.append(f"{c['page']}: phrase not unique/found ({raw.count(phrase)}/{text.count(tphrase)}): {phrase!r}")
        rec = {"page": c["page"], "contains": tphrase, "verdict": c["verdict"], "family": c["family"],
               "instrument": c["instrument"], "measure": c["measure"]}
        if c["verdict"] == "unverifiable":
            rec.update(window_start=None, window_end=None, asserted=None, computed=None, reason=c["kw"]["reason"])
            out.append(rec)
            continue
        # the asserted numbers must appear in the phrase as written
        for a in (c["asserted"].values() if isinstance(c["asserted"], dict) else [c["asserted"]] if c["asserted"] else []):
            s = a.lstrip("-")
            shown = f"{float(s):,.{len(s.split('.')[1]) if '.' in s else 0}f}"
            words = {"4": ("four",), "5": ("five", "fifth"), "6": ("six",)}
            if shown not in tphrase and s not in tphrase and not any(w in tphrase.lower() for w in words.get(s, ())):
                errors.append(f"asserted {a} not in phrase {phrase!r}")
        try:
            val, ws, we = compute(c)
            got = verdict_of(c, val)
        except AssertionError as e:
            errors.append(f"{c['page']}: {e}")
            continue
        if got != c["verdict"]:
            errors.append(f"{c['page']}: intended {c['verdict']} but computed {got}: {phrase!r} computed={rnd(val)} asserted={c['asserted']}")
        asserted = c["asserted"]
        if isinstance(asserted, dict):
            asserted = {k: num(x) for k, x in asserted.items()}
        elif asserted is not None:
            asserted = num(asserted)
        reason = {"supported": "matches data", "contradicted": "differs from data"}[got]
        if c["qual"] not in ("eq", "bool", None):
            reason += f" (qualifier: {c['qual']})"
        if c["measure"] in ("highest_since", "lowest_since", "best_day_since", "worst_day_since"):
            reason = f"last comparable close/move before {we} was on {val}; claim names {c['kw']['period']}"
        if c["measure"] == "record_close":
            reason = "record close" if val else "not above the prior highest close"
        rec.update(window_start=ws, window_end=we, asserted=asserted, computed=rnd(val),
                   qualifier=None if c["qual"] in ("eq", "bool") else c["qual"], reason=reason)
        if c["kw"].get("other"):
            rec["instrument2"] = c["kw"]["other"]
        out.append(rec)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    with open(os.path.join(HERE, "gold.jsonl"), "w") as f:
        for r in out:
            f.write(json.dumps(r) + "\n")
    from collections import Counter
    print(len(out), "claims;", dict(Counter(r["verdict"] for r in out)))


if __name__ == "__main__":
    main()
