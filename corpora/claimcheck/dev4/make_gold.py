#!/usr/bin/env python3
"""Build gold.jsonl for claimcheck dev4 by COMPUTING every value from the price CSVs.

Data root: env FINNEWS_DATA (default /work/shared); files under $FINNEWS_DATA/market/.
Asserts: computed verdict == intended verdict; false claims are false by a clear margin;
every `contains` is >= 25 chars and occurs exactly once in its page; all sources of a symbol
(and ^RUT/^DJI with volume-0 rows kept or dropped) agree on each check.
"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from engine4 import evaluate, clearly_wrong  # noqa: E402

CLAIMS = []


def k(sym, measure, *args, a, mode="num"):
    return dict(sym=sym, measure=measure, args=list(args), asserted=a, mode=mode)


def S(page, contains, family, *checks):
    CLAIMS.append(dict(page=page, contains=contains, verdict="supported", family=family, checks=list(checks)))


def C(page, contains, family, *checks):
    CLAIMS.append(dict(page=page, contains=contains, verdict="contradicted", family=family, checks=list(checks)))


def U(page, contains, family, reason):
    CLAIMS.append(dict(page=page, contains=contains, verdict="unverifiable", family=family, checks=[], reason=reason))


# ------------------------------------------------------------------ b1 retail blog (Sat 2024-04-20)
P = "b1_red_screen_blog_2024-04-20.md"
S(P, "By the bell the S&P had dropped 0.9% to 4,967, and that made six losing sessions", "daily_move+level+streak",
  k("^GSPC", "day_pct", "2024-04-19", a="-0.9"), k("^GSPC", "close", "2024-04-19", a="4,967"),
  k("^GSPC", "streak", "2024-04-19", "down", a=6, mode="eq"))
S(P, "For the week as a whole the S&P finished down about 3%", "week_change",
  k("^GSPC", "period_pct", "2024-04-15", "2024-04-19", a="-3", mode="about"))
S(P, "roughly 5.5% under the record close it set on March 28", "drawdown",
  k("^GSPC", "drawdown", "2024-03-28", "2024-04-19", a="-5.5", mode="about"),
  k("^GSPC", "is_record", "2024-03-28", a=True, mode="eq"))
C(P, "the S&P 500 is still up about 6% year to date", "ytd_change",
  k("^GSPC", "period_pct", "2024-01-01", "2024-04-19", a="6", mode="about"))
S(P, "The Nasdaq got hit way harder on Friday, down 2%", "daily_move",
  k("^IXIC", "day_pct", "2024-04-19", a="-2"))
C(P, "on my watchlist the Nasdaq lost 3.5% on the week", "week_change",
  k("^IXIC", "period_pct", "2024-04-15", "2024-04-19", a="-3.5"))
C(P, "the Nasdaq is now negative for 2024", "ytd_change",
  k("^IXIC", "period_pct", "2024-01-01", "2024-04-19", a=-1, mode="sign"))
S(P, "The stock cratered 10% on Friday alone", "stock_daily_move",
  k("NVDA", "day_pct", "2024-04-19", a="-10"))
S(P, "its worst single day since March 2020", "worst_since",
  k("NVDA", "last_bigger_move", "2024-04-19", "down", a=("2020-03-01", "2020-03-31"), mode="in"))
U(P, "calling for $1,200 a share by Christmas", "price_target", "price target / forecast")
S(P, "Apple has fallen five days in a row heading into the weekend", "streak",
  k("AAPL", "streak", "2024-04-19", "down", a=5, mode="eq"))
S(P, "the Dow actually eked out a gain on Friday, up about 0.6%", "daily_move",
  k("^DJI", "day_pct", "2024-04-19", a="0.6", mode="about"))
C(P, "my screener insists the Russell 2000 fell 1% Friday", "daily_move",
  k("^RUT", "day_pct", "2024-04-19", a="-1"))
C(P, "the S&P is down more than 7% this month", "month_to_date",
  k("^GSPC", "period_pct", "2024-04-01", "2024-04-19", a="-7", mode="more_than"))
S(P, "the S&P has closed lower on 11 of them", "count_days",
  k("^GSPC", "count", "2024-04-01", "2024-04-19", "down", a=11, mode="eq"))
C(P, "The VIX closed at 21 on Friday", "vix_level",
  k("^VIX", "close", "2024-04-19", a="21"))
U(P, "Bitcoin was hovering around $64,000", "no_price_file", "no bitcoin price file")
U(P, "The 10-year Treasury yield is near 4.6%", "no_price_file", "no Treasury yield file")
U(P, "the S&P trades at about 20 times forward earnings", "valuation", "valuation (forward P/E)")

# ------------------------------------------------------------------ b2 newsletter (Sat 2024-08-10)
P = "b2_weekly_letter_2024-08-10.html"
S(P, "posted its worst session since September 2022 on Monday", "worst_since",
  k("^GSPC", "last_bigger_move", "2024-08-05", "down", a=("2022-09-01", "2022-09-30"), mode="in"))
C(P, "had its worst day in about two years", "worst_since",
  k("^IXIC", "last_bigger_move", "2024-08-05", "down", a=("2022-02-01", "2022-12-31"), mode="in"))
S(P, "roughly 8.5% below its July 16 record close", "drawdown",
  k("^GSPC", "drawdown", "2024-07-16", "2024-08-05", a="-8.5", mode="about"),
  k("^GSPC", "is_record", "2024-07-16", a=True, mode="eq"))
C(P, "was more than 15% off that peak at Monday", "drawdown",
  k("^IXIC", "drawdown", "2024-07-10", "2024-08-05", a="-15", mode="more_than"))
S(P, "the S&amp;P 500 gained 2.3% Thursday, its best day since November 2022", "daily_move+best_since",
  k("^GSPC", "day_pct", "2024-08-08", a="2.3"),
  k("^GSPC", "last_bigger_move", "2024-08-08", "up", a=("2022-11-01", "2022-11-30"), mode="in"))
S(P, "finished higher on three of the five sessions this week", "count_days",
  k("^GSPC", "count", "2024-08-05", "2024-08-09", "up", a=3, mode="eq"))
U(P, "Strategists I talked to expect the S&amp;P to be back at records", "forecast", "forecast (index and Fed)")
S(P, "S&amp;P 500: -3.0% Monday (its steepest drop of the year so far)", "daily_move+worst_since",
  k("^GSPC", "day_pct", "2024-08-05", a="-3.0"),
  k("^GSPC", "last_bigger_move", "2024-08-05", "down", a=("2024-01-01", "2024-08-04"), mode="not_in"))
S(P, "Nasdaq Composite: -3.4% Monday", "daily_move", k("^IXIC", "day_pct", "2024-08-05", a="-3.4"))
S(P, "Dow: -1,034 points Monday (biggest point drop since September 2022)", "daily_points+worst_since",
  k("^DJI", "day_pts", "2024-08-05", a="-1,034"),
  k("^DJI", "last_bigger_pts", "2024-08-05", "down", a=("2022-09-01", "2022-09-30"), mode="in"))
S(P, "VIX: 38.57 close Monday (it spiked above 65 intraday", "vix_level+intraday",
  k("^VIX", "close", "2024-08-05", a="38.57"), k("^VIX", "high", "2024-08-05", a="65", mode="more_than"))
S(P, "S&amp;P 500: -0.04% for the week", "week_change", k("^GSPC", "period_pct", "2024-08-05", "2024-08-09", a="-0.04"))
C(P, "Russell 2000: +1.3% for the week", "week_change", k("^RUT", "period_pct", "2024-08-05", "2024-08-09", a="1.3"))
S(P, "Dow: -0.6% for the week (a small loss", "week_change", k("^DJI", "period_pct", "2024-08-05", "2024-08-09", a="-0.6"))
C(P, "Nvidia: +8.1% Thursday (the chip trade", "stock_daily_move", k("NVDA", "day_pct", "2024-08-08", a="8.1"))
C(P, "QQQ: +2.5% for the week (Nasdaq-100 fund", "etf_week_change", k("QQQ", "period_pct", "2024-08-05", "2024-08-09", a="2.5"))
S(P, "VIX: 20.37 Friday close (back to earth)", "vix_level", k("^VIX", "close", "2024-08-09", a="20.37"))
U(P, "Nikkei 225: -12.4% Monday", "no_price_file", "no Nikkei price file")
U(P, "10-year Treasury: 3.94% Friday", "no_price_file", "no Treasury yield file")
S(P, "The VIX close on Monday was its highest since October 2020", "highest_since",
  k("^VIX", "last_at_least", "2024-08-05", "high", a=("2020-10-01", "2020-10-31"), mode="in"))
U(P, "Retail money flows into equity ETFs were reportedly positive", "flows", "fund flows")

# ------------------------------------------------------------------ b3 TV transcript (Wed 2025-04-09)
P = "b3_tv_closing_bell_2025-04-09.txt"
S(P, "The S&P 500 closed up 9.5% at 5,456.90.", "daily_move+level",
  k("^GSPC", "day_pct", "2025-04-09", a="9.5"), k("^GSPC", "close", "2025-04-09", a="5,456.90"))
S(P, "That is the best day for the S&P since October 2008", "best_since",
  k("^GSPC", "last_bigger_move", "2025-04-09", "up", a=("2008-10-01", "2008-10-31"), mode="in"))
C(P, "the Nasdaq Composite jumped more than 14% today", "daily_move",
  k("^IXIC", "day_pct", "2025-04-09", a="14", mode="more_than"))
S(P, "It goes down as the Nasdaq's second-best day on record.", "rank",
  k("^IXIC", "rank_move", "2025-04-09", "up", a=2, mode="eq"))
S(P, "the Dow soared nearly 3,000 points, the biggest point gain in its history", "daily_points+record",
  k("^DJI", "day_pts", "2025-04-09", a="3,000", mode="nearly"),
  k("^DJI", "last_bigger_pts", "2025-04-09", "up", a="none", mode="eq"))
C(P, "In percentage terms the Dow was up about 9% by my screen.", "daily_move",
  k("^DJI", "day_pct", "2025-04-09", a="9", mode="about"))
C(P, "with the Russell 2000 up 6.7%.", "daily_move", k("^RUT", "day_pct", "2025-04-09", a="6.7"))
S(P, "The VIX collapsed by more than 18 points to 33.62.", "vix_move+level",
  k("^VIX", "day_pts", "2025-04-09", a="-18", mode="more_than"), k("^VIX", "close", "2025-04-09", a="33.62"))
C(P, "the VIX closed at its highest level since the 2008 financial crisis", "highest_since",
  k("^VIX", "last_at_least", "2025-04-08", "high", a=("2008-09-01", "2009-06-30"), mode="in"))
S(P, "the S&P had been nearly 19% below its February 19 record", "drawdown",
  k("^GSPC", "drawdown", "2025-02-19", "2025-04-08", a="-19", mode="nearly"),
  k("^GSPC", "is_record", "2025-02-19", a=True, mode="eq"))
C(P, "the S&P is still down about 4% for the year", "ytd_change",
  k("^GSPC", "period_pct", "2025-01-01", "2025-04-09", a="-4", mode="about"))
S(P, "still about 3.8% below its April 2 close", "since_date",
  k("^GSPC", "since_pct", "2025-04-02", "2025-04-09", a="-3.8", mode="about"))
S(P, "The S&P was down as much as 0.7% shortly after the open.", "intraday",
  k("^GSPC", "intraday_pct", "2025-04-09", "low", a="-0.7"))
C(P, "Apple rocketed 15%, its best day since 2008.", "stock_daily_move+best_since",
  k("AAPL", "day_pct", "2025-04-09", a="15"),
  k("AAPL", "last_bigger_move", "2025-04-09", "up", a=("2008-01-01", "2008-12-31"), mode="in"))
S(P, "Nvidia did even better, up 18.7% on the session.", "stock_daily_move", k("NVDA", "day_pct", "2025-04-09", a="18.7"))
C(P, "For the ETF crowd, QQQ gained 10% on the day.", "etf_daily_move", k("QQQ", "day_pct", "2025-04-09", a="10"))
S(P, "The Nasdaq-100 rose 12%, its best day since 2008 as well.", "daily_move+best_since",
  k("^NDX", "day_pct", "2025-04-09", a="12"),
  k("^NDX", "last_bigger_move", "2025-04-09", "up", a=("2008-01-01", "2008-12-31"), mode="in"))
U(P, "I'd expect the S&P to retest 5,000 before summer.", "forecast", "forecast")
U(P, "the 10-year yield ended near 4.3%", "no_price_file", "no Treasury yield file")
U(P, "Delta's earnings this morning beat estimates", "earnings", "earnings; no Delta price file")

# ------------------------------------------------------------------ b4 asset-manager monthly (Fri 2025-11-07, October 2025)
P = "b4_monthly_commentary_2025-11-07.html"
S(P, "the S&amp;P 500 Index rose 2.3%, closing the month at 6,840.20", "month_change+level",
  k("^GSPC", "period_pct", "2025-10-01", "2025-10-31", a="2.3"), k("^GSPC", "close", "2025-10-31", a="6,840.20"))
S(P, "The Nasdaq Composite was up 4.7% for the month", "month_change",
  k("^IXIC", "period_pct", "2025-10-01", "2025-10-31", a="4.7"))
C(P, "The Dow Jones Industrial Average was up 4.5% for the month", "month_change",
  k("^DJI", "period_pct", "2025-10-01", "2025-10-31", a="4.5"))
C(P, "the Russell 2000 Index returned -2.1% in October on a price basis", "month_change",
  k("^RUT", "period_pct", "2025-10-01", "2025-10-31", a="-2.1"))
C(P, "as represented by the Nasdaq-100 Index, lagged the broader market", "relative_performance",
  k("^NDX|^GSPC", "period_pct", "2025-10-01", "2025-10-31", a=-1, mode="sign"))
S(P, "when the S&amp;P 500 fell 2.7%, was the Index's steepest daily decline since April", "daily_move+worst_since",
  k("^GSPC", "day_pct", "2025-10-10", a="-2.7"),
  k("^GSPC", "last_bigger_move", "2025-10-10", "down", a=("2025-04-01", "2025-04-30"), mode="in"))
S(P, "the S&amp;P 500 Index closed higher on 15 of the month's 23 trading sessions", "count_days",
  k("^GSPC", "count", "2025-10-01", "2025-10-31", "up", a=15, mode="eq"))
S(P, "A new all-time closing high was recorded by the Russell 2000 on October 15", "record",
  k("^RUT", "is_record", "2025-10-15", a=True, mode="eq"))
S(P, "with the Russell 2000 rising 12.0% versus 7.8% for the S&amp;P 500", "quarter_change+relative",
  k("^RUT", "period_pct", "2025-07-01", "2025-09-30", a="12.0"),
  k("^GSPC", "period_pct", "2025-07-01", "2025-09-30", a="7.8"))
C(P, "The CBOE Volatility Index ended the month at 15.2, down from its September close", "vix_level+change",
  k("^VIX", "close", "2025-10-31", a="15.2"),
  k("^VIX", "period_pts", "2025-10-01", "2025-10-31", a=-1, mode="sign"))
S(P, "The VIX peaked at a close of 25.31 on October 16", "vix_level+peak",
  k("^VIX", "close", "2025-10-16", a="25.31"),
  k("^VIX", "peak_date", "2025-10-01", "2025-10-31", a="2025-10-16", mode="eq"))
S(P, "Year to date through October 31, the S&amp;P 500 Index was up 16.3%", "ytd_change",
  k("^GSPC", "period_pct", "2025-01-01", "2025-10-31", a="16.3"))
C(P, "Over the trailing twelve months the Nasdaq Composite gained approximately 24%", "trailing_12m",
  k("^IXIC", "since_pct", "2024-10-31", "2025-10-31", a="24", mode="about"))
C(P, "Oracle gained 6.5% over the month", "stock_month_change",
  k("ORCL", "period_pct", "2025-10-01", "2025-10-31", a="6.5"))
S(P, "Microsoft ended the month essentially flat, down less than 0.1%", "stock_month_change",
  k("MSFT", "period_pct", "2025-10-01", "2025-10-31", a="-0.1", mode="less_than"))
S(P, "Broadcom was one of the strongest mega-cap performers, advancing roughly 12% during October", "stock_month_change",
  k("AVGO", "period_pct", "2025-10-01", "2025-10-31", a="12", mode="about"))
U(P, "The Strategy outperformed its benchmark by 40 basis points", "fund_performance", "fund return vs benchmark; no fund data")
U(P, "On a total-return basis, the S&amp;P 500 returned 2.34% including dividends", "total_return", "total return incl. dividends; price files only")
U(P, "The forward price-to-earnings multiple of the Index was estimated at 22.8x", "valuation", "valuation")
U(P, "The Federal Reserve lowered its policy rate by 25 basis points on October 29", "policy", "policy rate; no data")

# ------------------------------------------------------------------ b5 terse close alert (Thu 2026-02-12, sidecar meta)
P = "b5_close_alert_2026-02-12.txt"
S(P, "SPX -1.6% to 6,832.76; worst day since Jan. 20", "daily_move+level+worst_since",
  k("^GSPC", "day_pct", "2026-02-12", a="-1.6"), k("^GSPC", "close", "2026-02-12", a="6,832.76"),
  k("^GSPC", "last_bigger_move", "2026-02-12", "down", a=("2026-01-20", "2026-01-20"), mode="in"))
S(P, "COMP -2.0% to 22,597; NDX -2.0%", "daily_move+level",
  k("^IXIC", "day_pct", "2026-02-12", a="-2.0"), k("^IXIC", "close", "2026-02-12", a="22,597"),
  k("^NDX", "day_pct", "2026-02-12", a="-2.0"))
S(P, "Dow -669 pts (-1.3%) to 49,452, two sessions after its record close", "daily_points+level+record",
  k("^DJI", "day_pts", "2026-02-12", a="-669"), k("^DJI", "day_pct", "2026-02-12", a="-1.3"),
  k("^DJI", "close", "2026-02-12", a="49,452"), k("^DJI", "is_record", "2026-02-10", a=True, mode="eq"))
C(P, "R2K +0.8% -- small caps bucked the tape", "daily_move", k("^RUT", "day_pct", "2026-02-12", a="0.8"))
S(P, "VIX 20.82 (+3.17), highest close since Feb. 5", "vix_level+move+highest_since",
  k("^VIX", "close", "2026-02-12", a="20.82"), k("^VIX", "day_pts", "2026-02-12", a="3.17"),
  k("^VIX", "last_at_least", "2026-02-12", "high", a=("2026-02-05", "2026-02-05"), mode="in"))
S(P, "SPX low of session -1.7% vs prior close", "intraday", k("^GSPC", "intraday_pct", "2026-02-12", "low", a="-1.7"))
C(P, "Dow was -900 pts at the lows before a late bounce", "intraday",
  k("^DJI", "intraday_pts", "2026-02-12", "low", a="-900"))
S(P, "SPX MTD -1.5%, YTD -0.2% (Dec 31 base)", "month_to_date+ytd",
  k("^GSPC", "period_pct", "2026-02-01", "2026-02-12", a="-1.5"),
  k("^GSPC", "period_pct", "2026-01-01", "2026-02-12", a="-0.2"))
C(P, "COMP YTD +2.8%, still green for 2026", "ytd_change", k("^IXIC", "period_pct", "2026-01-01", "2026-02-12", a="2.8"))
C(P, "Dow MTD -1.1% after today, red for Feb", "month_to_date", k("^DJI", "period_pct", "2026-02-01", "2026-02-12", a="-1.1"))
C(P, "R2K YTD +3.4%, leadership intact", "ytd_change", k("^RUT", "period_pct", "2026-01-01", "2026-02-12", a="3.4"))
S(P, "SPX now 2.1% below Jan. 27 record close", "drawdown",
  k("^GSPC", "drawdown", "2026-01-27", "2026-02-12", a="-2.1"), k("^GSPC", "is_record", "2026-01-27", a=True, mode="eq"))
C(P, "SPX lower in 8 of last 9 sessions", "count_days", k("^GSPC", "count", "2026-02-02", "2026-02-12", "down", a=8, mode="eq"))
S(P, "AAPL -5.0%, heaviest single weight on the tape", "stock_daily_move", k("AAPL", "day_pct", "2026-02-12", a="-5.0"))
C(P, "AVGO -1.2%, semis mixed on the day", "stock_daily_move", k("AVGO", "day_pct", "2026-02-12", a="-1.2"))
S(P, "NVDA -1.6%; MSFT -0.6% (rest of mega-tech soft)", "stock_daily_move",
  k("NVDA", "day_pct", "2026-02-12", a="-1.6"), k("MSFT", "day_pct", "2026-02-12", a="-0.6"))
S(P, "ETFs: SPY -1.5%, QQQ -2.0%, IWM -2.0%", "etf_daily_move",
  k("SPY", "day_pct", "2026-02-12", a="-1.5"), k("QQQ", "day_pct", "2026-02-12", a="-2.0"),
  k("IWM", "day_pct", "2026-02-12", a="-2.0"))
U(P, "WTI crude -2.8% to $62.84/bbl", "no_price_file", "no crude oil price file")
U(P, "10Y yield 4.09% (-8bp) at the close", "no_price_file", "no Treasury yield file")
U(P, "BTC back under $66K in late trade", "no_price_file", "no bitcoin price file")
U(P, "FedWatch: March cut odds ~9%", "forecast", "rate-cut probabilities")
U(P, "NYSE decliners beat advancers roughly 3:1", "breadth", "market breadth; no advance/decline data")

# ------------------------------------------------------------------ b6 single-stock mover (Mon 2024-12-16, after the close)
P = "b6_broadcom_mover_2024-12-16.md"
S(P, "Broadcom shares soared 24.4% on Friday after the chipmaker", "stock_daily_move",
  k("AVGO", "day_pct", "2024-12-13", a="24.4"))
S(P, "the biggest one-day gain in the company's history as a public stock", "rank",
  k("AVGO", "rank_move", "2024-12-13", "up", a=1, mode="eq"))
S(P, "the stock added another 11.2% on Monday", "stock_daily_move", k("AVGO", "day_pct", "2024-12-16", a="11.2"))
C(P, "Over the two sessions the stock climbed about 45%", "since_date",
  k("AVGO", "since_pct", "2024-12-12", "2024-12-16", a="45", mode="about"))
S(P, "Monday's finish marked a second straight record close for the shares", "record",
  k("AVGO", "is_record", "2024-12-13", a=True, mode="eq"), k("AVGO", "is_record", "2024-12-16", a=True, mode="eq"))
C(P, "Broadcom gained 35.2% for the week ended Friday", "stock_week_change",
  k("AVGO", "period_pct", "2024-12-09", "2024-12-13", a="35.2"))
U(P, "Broadcom's market value topped $1 trillion for the first time", "market_value", "market value; no shares-outstanding data")
U(P, "Management guided to AI revenue of $12.2 billion", "earnings", "company revenue / fundamentals")
U(P, "at least one broker lifted its price target to $250", "price_target", "price target")
C(P, "At Monday's high the stock was up 20% from Friday's close", "intraday",
  k("AVGO", "intraday_pct", "2024-12-16", "high", a="20"))
S(P, "By contrast the Nasdaq Composite edged up just 0.1% on Friday", "daily_move", k("^IXIC", "day_pct", "2024-12-13", a="0.1"))
C(P, "the S&P 500 Index fell 1.2% Friday according to early tallies", "daily_move", k("^GSPC", "day_pct", "2024-12-13", a="-1.2"))
S(P, "The Dow, meanwhile, fell for a seventh straight session Friday", "streak",
  k("^DJI", "streak", "2024-12-13", "down", a=7, mode="eq"))
S(P, "The Nasdaq closed at a record 20,173.89 on Monday, up 1.2%", "level+record+daily_move",
  k("^IXIC", "close", "2024-12-16", a="20,173.89"), k("^IXIC", "is_record", "2024-12-16", a=True, mode="eq"),
  k("^IXIC", "day_pct", "2024-12-16", a="1.2"))
C(P, "Nvidia, by contrast, rose 2.3% Friday", "stock_daily_move", k("NVDA", "day_pct", "2024-12-13", a="2.3"))
S(P, "Nvidia has slid roughly 5.7% this week", "stock_week_change",
  k("NVDA", "period_pct", "2024-12-09", "2024-12-13", a="-5.7", mode="about"))
C(P, "Broadcom has now more than tripled this year", "stock_ytd_change",
  k("AVGO", "period_pct", "2024-01-01", "2024-12-16", a="200", mode="more_than"))
S(P, "the stock has outperformed the index by more than 90 percentage points in 2024", "relative_performance",
  k("AVGO|^NDX", "period_pct", "2024-01-01", "2024-12-16", a="90", mode="more_than"))

# ------------------------------------------------------------------ b7 multi-week recap, byline date (Sun 2025-03-09)
P = "b7_recap_byline_2025-03-09.txt"
S(P, "On Thursday, Feb. 27, the Nasdaq Composite slid 2.8%", "daily_move", k("^IXIC", "day_pct", "2025-02-27", a="-2.8"))
C(P, "February as a whole ended with the S&P 500 down about 1.4% for the month, and the Nasdaq lost a steeper 6%", "month_change",
  k("^GSPC", "period_pct", "2025-02-01", "2025-02-28", a="-1.4", mode="about"),
  k("^IXIC", "period_pct", "2025-02-01", "2025-02-28", a="-6"))
C(P, "On 3/3 the S&P 500 fell 0.8% as new tariff headlines hit", "daily_move", k("^GSPC", "day_pct", "2025-03-03", a="-0.8"))
C(P, "Tuesday, March 4, brought another leg lower, with the S&P shedding 2.5%", "daily_move",
  k("^GSPC", "day_pct", "2025-03-04", a="-2.5"))
S(P, "That same Tuesday, the Dow dropped 670 points", "daily_points", k("^DJI", "day_pts", "2025-03-04", a="-670"))
S(P, "By Thursday the 6th the Nasdaq was down 2.6% on the session, closing more than 10% below its Dec. 16 record", "daily_move+drawdown",
  k("^IXIC", "day_pct", "2025-03-06", a="-2.6"),
  k("^IXIC", "drawdown", "2024-12-16", "2025-03-06", a="-10", mode="more_than"),
  k("^IXIC", "is_record", "2024-12-16", a=True, mode="eq"))
C(P, "The Russell 2000 fell 3.5% on the 6th", "daily_move", k("^RUT", "day_pct", "2025-03-06", a="-3.5"))
S(P, "The VIX closed above 24 on 3/6", "vix_level", k("^VIX", "close", "2025-03-06", a="24", mode="more_than"))
C(P, "The S&P had been down as much as 2.5% intraday Friday", "intraday",
  k("^GSPC", "intraday_pct", "2025-03-07", "low", a="-2.5"))
S(P, "Add it up and the S&P 500 lost 3.1% in the first week of March.", "week_change",
  k("^GSPC", "period_pct", "2025-03-03", "2025-03-07", a="-3.1"))
C(P, "the S&P closed lower in seven of ten sessions", "count_days",
  k("^GSPC", "count", "2025-02-24", "2025-03-07", "down", a=7, mode="eq"))
C(P, "The Nasdaq fared worse, falling 5.5% in the first week of March", "week_change",
  k("^IXIC", "period_pct", "2025-03-03", "2025-03-07", a="-5.5"))
C(P, "Over the past 12 months the S&P 500 is still up almost 15%", "trailing_12m",
  k("^GSPC", "since_pct", "2024-03-07", "2025-03-07", a="15", mode="nearly"))
S(P, "Since the Fed's Sept. 18 cut, the S&P has gained roughly 2.7%", "since_date",
  k("^GSPC", "since_pct", "2024-09-18", "2025-03-07", a="2.7", mode="about"))
C(P, "the Russell 2000 has climbed 6% since the Sept. 18 cut", "since_date",
  k("^RUT", "since_pct", "2024-09-18", "2025-03-07", a="6"))
C(P, "For the year so far, the S&P is down about 4%", "ytd_change",
  k("^GSPC", "period_pct", "2025-01-01", "2025-03-07", a="-4", mode="about"))
S(P, "fell nearly 10% in the first week of March", "stock_week_change",
  k("NVDA", "period_pct", "2025-03-03", "2025-03-07", a="-10", mode="nearly"))
U(P, "one strategist I trust thinks could fall to 5,400 by summer", "forecast", "forecast")
U(P, "Meanwhile the 10-year Treasury yield sits around 4.3%.", "no_price_file", "no Treasury yield file")
U(P, "Gold keeps making records above $2,900 an ounce.", "no_price_file", "no gold price file")
U(P, "And the German DAX has quietly beaten the S&P by double digits", "no_price_file", "no DAX price file")



def main():
    out, fails = [], []
    texts = {}
    for c in CLAIMS:
        path = os.path.join(HERE, "pages", c["page"])
        texts.setdefault(path, open(path, encoding="utf-8").read())
        n = texts[path].count(c["contains"])
        if len(c["contains"]) < 25 or n != 1:
            fails.append(f"contains x{n} len{len(c['contains'])}: {c['page']}: {c['contains']!r}")
            continue
        rec = dict(page=c["page"], contains=c["contains"], verdict=c["verdict"], family=c["family"],
                   instrument=None, measure=None, window_start=None, window_end=None, asserted=None,
                   computed=None, reason=c.get("reason"))
        if c["checks"]:
            res = []
            for ch in c["checks"]:
                try:
                    res.append((ch, evaluate(ch)))
                except Exception as e:  # noqa: BLE001
                    fails.append(f"ERROR {c['contains']!r}: {e}")
                    res = None
                    break
            if res is None:
                continue
            verdict = "supported" if all(r["ok"] for _, r in res) else "contradicted"
            shown = next(((ch, r) for ch, r in res if not r["ok"]), res[0])
            ch, r = shown
            val = r["value"]
            rec.update(instrument=ch["sym"], measure=ch["measure"], window_start=r["window_start"],
                       window_end=r["window_end"], asserted=ch["asserted"] if not isinstance(ch["asserted"], tuple) else list(ch["asserted"]),
                       computed=round(val, 4) if isinstance(val, float) else val)
            detail = "; ".join(f"{ch['sym']} {ch['measure']}{tuple(ch['args'])} = "
                               f"{round(r['value'], 4) if isinstance(r['value'], float) else r['value']}"
                               f" vs {ch['asserted']} ({ch['mode']}) -> {'ok' if r['ok'] else 'FALSE'} [{r['source']}, {r['n_sources']} src]"
                               for ch, r in res)
            rec["reason"] = detail
            if verdict != c["verdict"]:
                fails.append(f"VERDICT {c['verdict']} computed {verdict}: {c['contains']!r}: {detail}")
            if verdict == "contradicted" and not any(
                    clearly_wrong(r["value"], ch["asserted"], ch["mode"], ch["measure"]) for ch, r in res if not r["ok"]):
                fails.append(f"MARGIN not clear: {c['contains']!r}: {detail}")
        out.append(rec)
    if "-v" in sys.argv:
        for r in out:
            print(r["verdict"][:4], r["page"][:3], r["reason"])
    if fails:
        print("\n".join(fails))
        sys.exit(1)
    with open(os.path.join(HERE, "gold.jsonl"), "w") as f:
        for r in out:
            f.write(json.dumps(r) + "\n")
    from collections import Counter
    print(len(out), Counter(r["verdict"] for r in out))


if __name__ == "__main__":
    main()
