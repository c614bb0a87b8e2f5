"""Build gold.jsonl for the blind2 claim-check set (DEVELOPERS: do not read; see README.md).

    FINNEWS_DATA=/work/shared python corpora/claimcheck/blind2/make_gold.py [-v]

Every verifiable claim is one or more checks computed from the price CSVs under $FINNEWS_DATA/market/;
the script asserts that the computed verdict equals the intended one on every source, that false claims
miss by a clear margin and that every `contains` phrase occurs exactly once in its page.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from engine import C, Chk as K, evaluate  # noqa: E402

S, X, U = "supported", "contradicted", "unverifiable"
CLAIMS = []

# ---------------------------------------------------------------- p01 wire wrap (dateline Nov. 6, 2024)
P = "p01.txt"
CLAIMS += [
    C(P, "jumped 1,508 points, or 3.6%, to 43,729.93, a record close", S, "daily_points+pct+level+record",
      K("^DJI", "day_pts", ["2024-11-06"], "1508"), K("^DJI", "day_pct", ["2024-11-06"], "3.6"),
      K("^DJI", "close", ["2024-11-06"], "43729.93"), K("^DJI", "is_record", ["2024-11-06"], True)),
    C(P, "gained 2.5% to 5,929.04, also an all-time high", S, "daily_pct+level+record+best_since",
      K("^GSPC", "day_pct", ["2024-11-06"], "2.5"), K("^GSPC", "close", ["2024-11-06"], "5929.04"),
      K("^GSPC", "is_record", ["2024-11-06"], True), K("^GSPC", "move_since", ["2024-11-06"], "2022-11", "in")),
    C(P, "The Nasdaq Composite advanced 4.2% to finish", X, "daily_pct",
      K("^IXIC", "day_pct", ["2024-11-06"], "4.2"), K("^IXIC", "close", ["2024-11-06"], "18983.47")),
    C(P, "the Russell 2000 soared 5.8% to 2,392.92, its highest close since November 2021", S,
      "daily_pct+level+highest_since",
      K("^RUT", "day_pct", ["2024-11-06"], "5.8"), K("^RUT", "close", ["2024-11-06"], "2392.92"),
      K("^RUT", "highest_since", ["2024-11-06"], "2021-11", "in")),
    C(P, "biggest one-day percentage gain in its history", X, "rank",
      K("^RUT", "rank_move", ["2024-11-06"], 1)),
    C(P, "the small-cap benchmark has now climbed 7.8% in two sessions", S, "since_date",
      K("^RUT", "pct_between", ["2024-11-04", "2024-11-06"], "7.8")),
    C(P, "The rally built on Tuesday's 1.2% gain for the S&P 500", S, "daily_pct",
      K("^GSPC", "day_pct", ["2024-11-05"], "1.2")),
    C(P, "tumbled more than 20% to 16.27", S, "vix_move+level",
      K("^VIX", "day_pct", ["2024-11-06"], "-20", "more"), K("^VIX", "close", ["2024-11-06"], "16.27")),
    C(P, "the SPDR S&P 500 ETF Trust (SPY) rose 2.5%, while the iShares Russell 2000 ETF (IWM) surged 5.8%", S,
      "etf_daily_pct", K("SPY", "day_pct", ["2024-11-06"], "2.5"), K("IWM", "day_pct", ["2024-11-06"], "5.8")),
    C(P, "Shares of Nvidia rose 4.1% to a record close", S, "stock_daily_pct+record",
      K("NVDA", "day_pct", ["2024-11-06"], "4.1"), K("NVDA", "is_record", ["2024-11-06"], True)),
    C(P, "Apple bucked the trend, climbing 1.8%", X, "stock_daily_pct",
      K("AAPL", "day_pct", ["2024-11-06"], "1.8")),
    C(P, "Tesla shares soared 14.8% as investors bet", U, "no_price_file", reason="no TSLA price file"),
    C(P, "10-year Treasury yield rose about 16 basis points", U, "yield", reason="Treasury yields: no price file"),
    C(P, "Bitcoin jumped to a record above $75,000", U, "crypto", reason="bitcoin: no price file"),
    C(P, "the S&P 500 is up about 24% for the year", S, "ytd",
      K("^GSPC", "period_pct", ["2024-01-01", "2024-11-06"], "24", "about")),
    C(P, "The Russell 2000 has gained 31% so far in 2024", X, "ytd",
      K("^RUT", "period_pct", ["2024-01-01", "2024-11-06"], "31")),
    C(P, "expects the S&P 500 to end next year near 6,600", U, "forecast", reason="forecast"),
]


# ---------------------------------------------------------------- p02 volatility note (published 2024-08-06 morning)
P = "p02.html"
CLAIMS += [
    C(P, "Volatility Index closed at 38.57, up 65% on the day", S, "vix_level+move",
      K("^VIX", "close", ["2024-08-05"], "38.57"), K("^VIX", "day_pct", ["2024-08-05"], "65")),
    C(P, "second-biggest one-day percentage jump in the index", S, "rank",
      K("^VIX", "rank_move", ["2024-08-05"], 2)),
    C(P, "The VIX briefly touched 65.73 intraday", S, "vix_intraday",
      K("^VIX", "intraday_high", ["2024-08-05"], "65.73")),
    C(P, "highest VIX close since the 2008 financial crisis", X, "highest_since",
      K("^VIX", "highest_since", ["2024-08-05"], "2008", "in")),
    C(P, "more than doubled from Wednesday's close of 16.36", S, "vix_since_date+level",
      K("^VIX", "pct_between", ["2024-07-31", "2024-08-05"], "100", "more"), K("^VIX", "close", ["2024-07-31"], "16.36")),
    C(P, "It was also the fifth straight daily gain for the VIX", X, "streak",
      K("^VIX", "streak", ["2024-08-05"], 5)),
    C(P, "lost 3% on Monday, its third straight decline and its worst session since September 2022", S,
      "daily_pct+streak+worst_since",
      K("^GSPC", "day_pct", ["2024-08-05"], "-3"), K("^GSPC", "streak", ["2024-08-05"], -3),
      K("^GSPC", "move_since", ["2024-08-05"], "2022-09", "in")),
    C(P, "roughly 8.5% below its July 16 record close", S, "drawdown_from_peak",
      K("^GSPC", "is_record", ["2024-07-16"], True),
      K("^GSPC", "drawdown_from_peak", ["2024-07-16", "2024-08-05"], "-8.5", "about")),
    C(P, "close of 5,186.33 was its lowest since early May", S, "level+lowest_since",
      K("^GSPC", "close", ["2024-08-05"], "5186.33"), K("^GSPC", "lowest_since", ["2024-08-05"], "2024-05", "in")),
    C(P, "The Dow shed 1,034 points, or 2.6%, while the Nasdaq Composite slid 3.4%", S, "daily_points+pct",
      K("^DJI", "day_pts", ["2024-08-05"], "-1034"), K("^DJI", "day_pct", ["2024-08-05"], "-2.6"),
      K("^IXIC", "day_pct", ["2024-08-05"], "-3.4")),
    C(P, "the Nasdaq was down as much as 6.4% during the session", S, "intraday",
      K("^IXIC", "intraday_low_pct", ["2024-08-05"], "-6.4")),
    C(P, "underperformed the Dow by nearly a full percentage point", S, "relative",
      K("^IXIC", "day_pct", ["2024-08-05"], "-1", "nearly", rel=("^DJI", "day_pct", ["2024-08-05"]))),
    C(P, "the Russell 2000 has lost nearly 12% in the three sessions since Wednesday", X, "since_date",
      K("^RUT", "pct_between", ["2024-07-31", "2024-08-05"], "-12", "nearly")),
    C(P, "Apple sank 2.1% after a well-known investor", X, "stock_daily_pct",
      K("AAPL", "day_pct", ["2024-08-05"], "-2.1")),
    C(P, "Nikkei 225 plunged 12.4% on Monday", U, "no_price_file", reason="Nikkei 225: no price file"),
    C(P, "VIX futures curve flipped into steep backwardation", U, "vix_futures", reason="VIX futures term structure: no data"),
    C(P, "We expect spot VIX to drift back below 20", U, "forecast", reason="forecast"),
]

# ---------------------------------------------------------------- p03 weekly recap (published Sat 2024-12-21)
P = "p03.html"
W0, W1 = "2024-12-16", "2024-12-20"
CLAIMS += [
    C(P, "fell 2.0% for the week as rate worries returned", S, "week", K("^GSPC", "period_pct", [W0, W1], "-2.0")),
    C(P, "The Nasdaq Composite slipped just 0.4% over the five sessions", X, "week",
      K("^IXIC", "period_pct", [W0, W1], "-0.4")),
    C(P, "dropped 4.5% this week, its worst week since early September", S, "week+worst_since",
      K("^RUT", "period_pct", [W0, W1], "-4.5"), K("^RUT", "week_move_since", [W0], "2024-09", "in")),
    C(P, "Small caps trailed the Nasdaq by more than 2.5 percentage points", S, "relative",
      K("^RUT", "period_pct", [W0, W1], "-2.5", "more", rel=("^IXIC", "period_pct", [W0, W1]))),
    C(P, "cut its policy rate by a quarter point on Wednesday", U, "policy_rate", reason="policy rate / Fed projections"),
    C(P, "tumbled 178 points, or nearly 3%, that afternoon, its worst day since August", S,
      "daily_points+pct+worst_since",
      K("^GSPC", "day_pts", ["2024-12-18"], "-178"), K("^GSPC", "day_pct", ["2024-12-18"], "-3", "nearly"),
      K("^GSPC", "move_since", ["2024-12-18"], "2024-08", "in")),
    C(P, "plunged 4.4% on Wednesday, its steepest drop since June 2022", S, "daily_pct+worst_since",
      K("^RUT", "day_pct", ["2024-12-18"], "-4.4"), K("^RUT", "move_since", ["2024-12-18"], "2022-06", "in")),
    C(P, "extended its losing streak to 10 sessions", S, "streak", K("^DJI", "streak", ["2024-12-18"], -10)),
    C(P, "finally snapped that streak on Thursday, eking out a gain of 15 points", S, "streak+daily_points",
      K("^DJI", "streak", ["2024-12-19"], 1), K("^DJI", "day_pts", ["2024-12-19"], "15")),
    C(P, "Volatility Index spiked 74% on Wednesday to 27.62", S, "vix_move+level",
      K("^VIX", "day_pct", ["2024-12-18"], "74"), K("^VIX", "close", ["2024-12-18"], "27.62")),
    C(P, "largest one-day percentage jump in the gauge", X, "rank", K("^VIX", "rank_move", ["2024-12-18"], 1)),
    C(P, "The VIX ended the week at 18.36, up about 15%", X, "vix_level+week",
      K("^VIX", "close", [W1], "18.36"), K("^VIX", "period_pct", [W0, W1], "15", "about")),
    C(P, "had closed at a record 20,173.89 on Monday", S, "record+level",
      K("^IXIC", "is_record", [W0], True), K("^IXIC", "close", [W0], "20173.89")),
    C(P, "on Nov. 25, the Russell 2000 closed at an all-time high", X, "record",
      K("^RUT", "is_record", ["2024-11-25"], True)),
    C(P, "rebound lifted the S&amp;P 500 1.1% after", S, "daily_pct", K("^GSPC", "day_pct", [W1], "1.1")),
    C(P, "The small-cap index is now down nearly 8% for December", S, "mtd",
      K("^RUT", "period_pct", ["2024-12-01", W1], "-8", "nearly")),
    C(P, "Nvidia bucked the week's slide with a 4% gain", X, "stock_week", K("NVDA", "period_pct", [W0, W1], "4")),
    C(P, "Micron plunged 16% on Thursday", U, "no_price_file", reason="MU: no price file"),
    C(P, "10-year Treasury yield climbed to about 4.52%", U, "yield", reason="Treasury yields: no price file"),
]

# ---------------------------------------------------------------- p04 single-stock mover (sidecar: 2025-01-27)
P = "p04.txt"
T = "2025-01-27"
CLAIMS += [
    C(P, "Nvidia shares plunged 17% on Monday after", S, "stock_daily_pct", K("NVDA", "day_pct", [T], "-17")),
    C(P, "It was the worst day for the stock since March 2020", S, "worst_since",
      K("NVDA", "move_since", [T], "2020-03", "in")),
    C(P, "erased roughly $590 billion of market value", U, "market_value", reason="market value: no shares outstanding"),
    C(P, "about 21% below its Jan. 6 record close", S, "drawdown_from_peak",
      K("NVDA", "is_record", ["2025-01-06"], True), K("NVDA", "drawdown_from_peak", ["2025-01-06", T], "-21", "about")),
    C(P, "worst single-day percentage drop in the company", X, "rank", K("NVDA", "rank_move", [T], 1)),
    C(P, "At the session low, the stock was off more than 18%", S, "intraday",
      K("NVDA", "intraday_low_pct", [T], "-18", "more")),
    C(P, "Nvidia is now down 4% for the year", X, "stock_ytd", K("NVDA", "period_pct", ["2025-01-01", T], "-4")),
    C(P, "already closed Friday with a 1.2% gain", X, "stock_daily_pct", K("NVDA", "day_pct", ["2025-01-24"], "1.2")),
    C(P, "trained its model for less than $6 million", U, "fundamentals", reason="company cost figure"),
    C(P, "Other AI bellwethers were hit as well. Broadcom fell 17.4%", S, "stock_daily_pct",
      K("AVGO", "day_pct", [T], "-17.4")),
    C(P, "Oracle slid 8%, giving back part", X, "stock_daily_pct", K("ORCL", "day_pct", [T], "-8")),
    C(P, "seen as less exposed to AI spending, rose 3.2%", S, "stock_daily_pct", K("AAPL", "day_pct", [T], "3.2")),
    C(P, "The Nasdaq Composite sank 3.1%, its worst day since Dec. 18", S, "daily_pct+worst_since",
      K("^IXIC", "day_pct", [T], "-3.1"), K("^IXIC", "move_since", [T], "2024-12-18", "in")),
    C(P, "The S&P 500 fell 1.5% to 6,012.28", S, "daily_pct+level",
      K("^GSPC", "day_pct", [T], "-1.5"), K("^GSPC", "close", [T], "6012.28")),
    C(P, "The Dow Jones Industrial Average slipped 0.7% as investors", X, "daily_pct",
      K("^DJI", "day_pct", [T], "-0.7")),
    C(P, "The Russell 2000 dropped 2.6%.", X, "daily_pct", K("^RUT", "day_pct", [T], "-2.6")),
    C(P, "The Invesco QQQ Trust fell nearly 3%", S, "etf_daily_pct", K("QQQ", "day_pct", [T], "-3", "nearly")),
    C(P, "Volatility Index jumped 20.5% to 17.90", S, "vix_move+level",
      K("^VIX", "day_pct", [T], "20.5"), K("^VIX", "close", [T], "17.90")),
    C(P, "stock had risen about 171% in 2024", S, "stock_year",
      K("NVDA", "period_pct", ["2024-01-01", "2024-12-31"], "171", "about")),
    C(P, "reiterated price targets of $175 on the stock", U, "price_target", reason="price target"),
    C(P, "trade at roughly 30 times forward earnings", U, "valuation", reason="valuation multiple"),
]

# ---------------------------------------------------------------- p05 broker morning note (byline April 10, 2025, pre-open)
P = "p05.txt"
T = "2025-04-09"
CLAIMS += [
    C(P, "paused most of its new reciprocal tariffs for 90 days", U, "policy", reason="trade policy"),
    C(P, "rocketed 9.5% to 5,456.90 yesterday, its best day since October 2008", S, "daily_pct+level+best_since",
      K("^GSPC", "day_pct", [T], "9.5"), K("^GSPC", "close", [T], "5456.90"),
      K("^GSPC", "move_since", [T], "2008-10", "in")),
    C(P, "the biggest one-day percentage gain in the Composite", X, "daily_pct+rank",
      K("^IXIC", "day_pct", [T], "12.2"), K("^IXIC", "rank_move", [T], 1)),
    C(P, "soared 2,963 points, or 7.9%, the largest point gain in its history", S, "daily_points+pct+rank",
      K("^DJI", "day_pts", [T], "2963"), K("^DJI", "day_pct", [T], "7.9"), K("^DJI", "rank_pts", [T], 1)),
    C(P, "The Russell 2000 jumped 6.1%, lagging", X, "daily_pct", K("^RUT", "day_pct", [T], "6.1")),
    C(P, "collapsed 36% to 33.62, its largest one-day percentage drop on record", S, "vix_move+level+rank",
      K("^VIX", "day_pct", [T], "-36"), K("^VIX", "close", [T], "33.62"), K("^VIX", "rank_move", [T], 1)),
    C(P, "swung more than 500 points from its low to its high", S, "intraday",
      K("^GSPC", "intraday_range_pts", [T], "500", "more")),
    C(P, "Nvidia jumped 18.7%, while Apple added 9%", X, "stock_daily_pct",
      K("NVDA", "day_pct", [T], "18.7"), K("AAPL", "day_pct", [T], "9")),
    C(P, "In ETF land, QQQ gained 12.0% and IWM 8.5%", S, "etf_daily_pct",
      K("QQQ", "day_pct", [T], "12.0"), K("IWM", "day_pct", [T], "8.5")),
    C(P, "had fallen for six straight sessions", X, "streak", K("^GSPC", "streak", ["2025-04-08"], -6)),
    C(P, "sat 12% below its Feb. 19 record", X, "drawdown_from_peak",
      K("^GSPC", "is_record", ["2025-02-19"], True), K("^GSPC", "drawdown_from_peak", ["2025-02-19", "2025-04-08"], "-12")),
    C(P, "still finished 3.8% below its April 2 close", S, "since_date",
      K("^GSPC", "pct_between", ["2025-04-02", T], "-3.8")),
    C(P, "The Russell 2000 remains down about 9% for the year", X, "ytd",
      K("^RUT", "period_pct", ["2025-01-01", T], "-9", "about")),
    C(P, "Gold rose 3% to a fresh record overnight", U, "commodity", reason="gold: no price file"),
    C(P, "raise our year-end S&P 500 target to 5,900", U, "forecast", reason="index target"),
    C(P, "if the yield drops below 4.2%", U, "yield", reason="Treasury yields: no price file"),
]

# ---------------------------------------------------------------- p06 blog, Markdown front matter (2025-08-02)
P = "p06.md"
W0, W1 = "2025-07-28", "2025-08-01"
CLAIMS += [
    C(P, "The S&P 500 closed at a record on Monday, and I", S, "record", K("^GSPC", "is_record", [W0], True)),
    C(P, "Payrolls rose only 73,000 in July", U, "economic_data", reason="payrolls: no data"),
    C(P, "lost 2.4% this week, its worst week since May", S, "week+worst_since",
      K("^GSPC", "period_pct", [W0, W1], "-2.4"), K("^GSPC", "week_move_since", [W0], "2025-05", "in")),
    C(P, "fell on all five days this week", X, "count", K("^GSPC", "count_down", [W0, W1], 5)),
    C(P, "drop was the worst day for the S&P since April", X, "daily_pct+worst_since",
      K("^GSPC", "day_pct", [W1], "-1.6"), K("^GSPC", "move_since", [W1], "2025-04", "in")),
    C(P, "The Russell 2000 got hit harder, sliding 6.2% on the week", X, "week",
      K("^RUT", "period_pct", [W0, W1], "-6.2")),
    C(P, "The VIX jumped 22% on Friday to 20.38, its highest close since June", S, "vix_move+level+highest_since",
      K("^VIX", "day_pct", [W1], "22"), K("^VIX", "close", [W1], "20.38"),
      K("^VIX", "highest_since", [W1], "2025-06", "in")),
    C(P, "Microsoft popped nearly 4% to a record close on Thursday", S, "stock_daily_pct+record",
      K("MSFT", "day_pct", ["2025-07-31"], "4", "nearly"), K("MSFT", "is_record", ["2025-07-31"], True)),
    C(P, "Apple dropped 5% on Friday despite", X, "stock_daily_pct", K("AAPL", "day_pct", [W1], "-5")),
    C(P, "the S&P 500 gained 2.2% and the Nasdaq Composite 5.1%", X, "month",
      K("^GSPC", "period_pct", ["2025-07-01", "2025-07-31"], "2.2"),
      K("^IXIC", "period_pct", ["2025-07-01", "2025-07-31"], "5.1")),
    C(P, "will be back at a record by Labor Day", U, "forecast", reason="forecast"),
]

# ---------------------------------------------------------------- p07 single-stock mover, visible byline (Sept. 10, 2025)
P = "p07.html"
T = "2025-09-10"
CLAIMS += [
    C(P, "Oracle shares rocketed 36% on Wednesday, the stock's biggest one-day gain since 1992", S,
      "stock_daily_pct+best_since", K("ORCL", "day_pct", [T], "36"), K("ORCL", "move_since", [T], "1992", "in")),
    C(P, "remaining performance obligations jumped 359%", U, "fundamentals", reason="company backlog figure"),
    C(P, "At its peak the stock was up more than 50% on the day", X, "intraday",
      K("ORCL", "intraday_high_pct", [T], "50", "more")),
    C(P, "lifted Oracle to a record close, marking the stock's sixth straight gain", X, "record+streak",
      K("ORCL", "is_record", [T], True), K("ORCL", "streak", [T], 6)),
    C(P, "Oracle shares have now gained about 75% this year", X, "stock_ytd",
      K("ORCL", "period_pct", ["2025-01-01", T], "75", "about")),
    C(P, "They have more than tripled since their close on April 21", X, "since_date",
      K("ORCL", "pct_between", ["2025-04-21", T], "200", "more")),
    C(P, "briefly made co-founder Larry Ellison the world's richest", U, "wealth", reason="personal wealth"),
    C(P, "who lifted her price target to $400", U, "price_target", reason="price target"),
    C(P, "Broadcom added 9.8% to a record close", S, "stock_daily_pct+record",
      K("AVGO", "day_pct", [T], "9.8"), K("AVGO", "is_record", [T], True)),
    C(P, "Nvidia rose 1.2% in a more muted move", X, "stock_daily_pct", K("NVDA", "day_pct", [T], "1.2")),
    C(P, "Apple fell 3.2% a day after unveiling", S, "stock_daily_pct", K("AAPL", "day_pct", [T], "-3.2")),
    C(P, "edged up 0.3% to a record 6,532.04", S, "daily_pct+record+level",
      K("^GSPC", "day_pct", [T], "0.3"), K("^GSPC", "is_record", [T], True), K("^GSPC", "close", [T], "6532.04")),
    C(P, "The Nasdaq Composite slipped 0.4% as software", X, "daily_pct", K("^IXIC", "day_pct", [T], "-0.4")),
]

# ---------------------------------------------------------------- p08 small-cap column, Markdown "Published" line (2025-09-20)
P = "p08.md"
T = "2025-09-18"
CLAIMS += [
    C(P, "jumped 2.5% to a record 2,467.70 on Thursday", S, "daily_pct+record+level",
      K("^RUT", "day_pct", [T], "2.5"), K("^RUT", "is_record", [T], True), K("^RUT", "close", [T], "2467.70")),
    C(P, "first record close since November 2021", S, "record_since",
      K("^RUT", "is_record", [T], True), K("^RUT", "last_record_before", [T], "2021-11", "in")),
    C(P, "Small caps posted their fourth straight daily gain", X, "streak", K("^RUT", "streak", [T], 4)),
    C(P, "1.9% pullback did little to spoil", X, "daily_pct", K("^RUT", "day_pct", ["2025-09-19"], "-1.9")),
    C(P, "the Russell 2000 gained 3.2% for the week", X, "week",
      K("^RUT", "period_pct", ["2025-09-15", "2025-09-19"], "3.2")),
    C(P, "small caps have now rallied 49%, outpacing the S&P 500's 34% gain", X, "since_date",
      K("^RUT", "lowest_since", ["2025-04-08"], "2025-01-01", "before"),
      K("^RUT", "pct_between", ["2025-04-08", "2025-09-19"], "49"),
      K("^GSPC", "pct_between", ["2025-04-08", "2025-09-19"], "34")),
    C(P, "The Russell is up about 14% year to date", X, "ytd",
      K("^RUT", "period_pct", ["2025-01-01", "2025-09-19"], "14", "about")),
    C(P, "Roughly 40% of Russell 2000 companies are still unprofitable", U, "fundamentals", reason="earnings"),
    C(P, "small-cap funds took in $2.1 billion this week", U, "fund_flows", reason="fund flows"),
]

# ---------------------------------------------------------------- p09 quarterly review, Markdown front matter (2025-10-02)
P = "p09.md"
Q0, Q1 = "2025-07-01", "2025-09-30"
CLAIMS += [
    C(P, "rose 7.8% in the third quarter while the Nasdaq Composite advanced 11.2%", S, "quarter",
      K("^GSPC", "period_pct", [Q0, Q1], "7.8"), K("^IXIC", "period_pct", [Q0, Q1], "11.2")),
    C(P, "lagged with a 2.1% gain over the three months", X, "quarter", K("^DJI", "period_pct", [Q0, Q1], "2.1")),
    C(P, "beating the Nasdaq Composite by less than a percentage point", S, "relative",
      K("^RUT", "period_pct", [Q0, Q1], "1", "less", rel=("^IXIC", "period_pct", [Q0, Q1])),
      K("^RUT", "period_pct", [Q0, Q1], "0", "more", rel=("^GSPC", "period_pct", [Q0, Q1])),
      K("^RUT", "period_pct", [Q0, Q1], "0", "more", rel=("^DJI", "period_pct", [Q0, Q1]))),
    C(P, "Through the end of September, the S&P 500 is up 17.3% for the year", X, "ytd",
      K("^GSPC", "period_pct", ["2025-01-01", Q1], "17.3")),
    C(P, "ended the quarter at a record close of 6,688.46", X, "record+level",
      K("^GSPC", "close", [Q1], "6688.46"), K("^GSPC", "is_record", [Q1], True)),
    C(P, "rose on 44 of the quarter's 64 sessions", X, "count",
      K("^GSPC", "count_up", [Q0, Q1], 44), K("^GSPC", "count_down", [Q0, Q1], 20)),
    C(P, "the VIX never closed above 20 during the quarter", X, "vix_level",
      K("^VIX", "max_close", [Q0, Q1], "20", "less")),
    C(P, "Apple climbed about 24% in the quarter, while Microsoft added just 4.3%", S, "stock_quarter",
      K("AAPL", "period_pct", [Q0, Q1], "24", "about"), K("MSFT", "period_pct", [Q0, Q1], "4.3")),
    C(P, "Nvidia gained 31% over the quarter", X, "stock_quarter", K("NVDA", "period_pct", [Q0, Q1], "31")),
    C(P, "credit spreads tightened to their narrowest level since 1998", U, "credit", reason="credit spreads: no data"),
    C(P, "Our Balanced Growth strategy returned 5.4% net of fees", U, "fund_performance", reason="fund performance"),
]

# ---------------------------------------------------------------- p10 monthly review, article:published_time (2025-12-01)
P = "p10.html"
M0, M1 = "2025-11-01", "2025-11-30"
CLAIMS += [
    C(P, "eked out a 0.1% gain in November", S, "month", K("^GSPC", "period_pct", [M0, M1], "0.1")),
    C(P, "The Nasdaq Composite gained 1.5% for the month", X, "month", K("^IXIC", "period_pct", [M0, M1], "1.5")),
    C(P, "was more than 10% below its Oct. 28 record", X, "drawdown_from_peak",
      K("^GSPC", "is_record", ["2025-10-28"], True),
      K("^GSPC", "drawdown_from_peak", ["2025-10-28", "2025-11-20"], "-10", "more")),
    C(P, "That same day the VIX closed at 26.42, its highest close since April", S, "vix_level+highest_since",
      K("^VIX", "close", ["2025-11-20"], "26.42"), K("^VIX", "highest_since", ["2025-11-20"], "2025-04", "in")),
    C(P, "rallied for five straight sessions to end the month", S, "streak", K("^RUT", "streak", ["2025-11-28"], 5)),
    C(P, "Nvidia lost 12.6% over the month while Oracle shed 13%", X, "stock_month",
      K("NVDA", "period_pct", [M0, M1], "-12.6"), K("ORCL", "period_pct", [M0, M1], "-13")),
    C(P, "Bitcoin fell roughly 17% in November", U, "crypto", reason="bitcoin: no price file"),
    C(P, "government shutdown ended on Nov. 12", U, "policy", reason="not a market figure"),
]

# ---------------------------------------------------------------- p11 headline + bullets, JSON-LD (2026-01-20 evening)
P = "p11.html"
T = "2026-01-20"
CLAIMS += [
    C(P, "down 2.1% to 6,796.86, the worst day since October", S, "daily_pct+level+worst_since",
      K("^GSPC", "day_pct", [T], "-2.1"), K("^GSPC", "close", [T], "6796.86"),
      K("^GSPC", "move_since", [T], "2025-10", "in")),
    C(P, "lower by 0.9%, with chipmakers leading", X, "daily_pct", K("^IXIC", "day_pct", [T], "-0.9")),
    C(P, "off 871 points, or 1.8%, at the close", S, "daily_points+pct",
      K("^DJI", "day_pts", [T], "-871"), K("^DJI", "day_pct", [T], "-1.8")),
    C(P, "small caps had closed at a record on Friday, capping a five-day winning streak", X, "record+streak",
      K("^RUT", "is_record", ["2026-01-16"], True), K("^RUT", "streak", ["2026-01-16"], 5)),
    C(P, "up 27% to 20.09, its highest close since October", X, "vix_move+level+highest_since",
      K("^VIX", "day_pct", [T], "27"), K("^VIX", "close", [T], "20.09"),
      K("^VIX", "highest_since", [T], "2025-10", "in")),
    C(P, "the Russell 2000 is still up 6.6%, while the S&amp;P 500 has slipped into the red", S, "ytd",
      K("^RUT", "period_pct", ["2026-01-01", T], "6.6"), K("^GSPC", "period_pct", ["2026-01-01", T], "0", "neg")),
    C(P, "Nvidia fell 4.4% and Apple lost 1.5%", X, "stock_daily_pct",
      K("NVDA", "day_pct", [T], "-4.4"), K("AAPL", "day_pct", [T], "-1.5")),
    C(P, "gold topped $4,700 an ounce for the first time", U, "commodity", reason="gold: no price file"),
]


def main() -> None:
    verbose = "-v" in sys.argv
    records = []
    for claim in CLAIMS:
        raw = (HERE / "pages" / claim["page"]).read_text("utf-8")
        assert len(claim["contains"]) >= 25, f"contains too short: {claim['contains']!r}"
        n = raw.count(claim["contains"])
        assert n == 1, f"{claim['page']}: contains occurs {n} times: {claim['contains']!r}"
        rec = evaluate(claim)
        records.append(rec)
        if verbose:
            print(f"[{rec['verdict'][:4]}] {rec['page']}: {rec['contains']}\n      {rec['reason']}")
    pages = sorted(p.name for p in (HERE / "pages").iterdir() if not p.name.endswith(".meta.json"))
    assert set(r["page"] for r in records) == set(pages), "a page without claims or a claim without a page"
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    cnt = Counter(r["verdict"] for r in records)
    print(f"{len(pages)} pages, {len(records)} claims: " + ", ".join(f"{k} {cnt[k]}" for k in (S, X, U)))
    per = Counter((r["page"], r["verdict"]) for r in records)
    for p in pages:
        print(f"  {p}: " + " ".join(f"{per[(p, v)]}" for v in (S, X, U)))


if __name__ == "__main__":
    main()
