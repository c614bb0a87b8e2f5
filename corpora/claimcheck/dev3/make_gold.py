#!/usr/bin/env python3
"""Build gold.jsonl for the claim-check dev3 set.

Every gold claim is specified below (page, verbatim `contains`, intended verdict, family,
checks). Every value is COMPUTED from the price CSVs under $FINNEWS_DATA/market (default
/work/shared/market) with mg3lib.py, and the script asserts:
  * the computed verdict equals the intended one, under every data variant (each source
    file of the symbol, provisional rows kept and dropped, ETF/stock dividend shift);
  * a false check is false by a clear margin (wrong sign, > 1 pp or > 25% off for changes,
    > 0.5% off for levels; records, streaks, counts, ranks and dated comparisons exactly);
  * `contains` is >= 25 characters and occurs exactly once in the page text (raw file and
    tag-stripped text for HTML), and no two gold claims share a sentence.

Run:  FINNEWS_DATA=/work/shared python3 make_gold.py
"""
import datetime as dt
import html
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import mg3lib as L  # noqa: E402

PAGES = os.path.join(HERE, "pages")
OUT = os.path.join(HERE, "gold.jsonl")

# --------------------------------------------------------------------------------------
# measures: name -> (function, unit, window)
#   unit: pct (percentage / percentage points), points, level, count, bool, date, year
# --------------------------------------------------------------------------------------


def _w_day(s, d):
    return (s.prev(L.D(d)), L.D(d))


MEASURES = {
    "close": (L.m_close, "level", lambda s, d: (d, d)),
    "uclose": (L.m_close, "level", lambda s, d: (d, d)),          # ETF, derived/ unadjusted
    "day_pct": (L.m_day_pct, "pct", _w_day),
    "points": (L.m_points, "points", _w_day),
    "change_pct": (L.m_change_pct, "pct", lambda s, a, b: (a, b)),
    "high_pct": (L.m_high_pct, "pct", _w_day),
    "low_pct": (L.m_low_pct, "pct", _w_day),
    "high": (L.m_high, "level", lambda s, d: (d, d)),
    "swing_points": (L.m_swing_points, "points", lambda s, d: (d, d)),
    "low": (L.m_low, "level", lambda s, d: (d, d)),
    "is_record": (L.m_is_record, "bool", lambda s, d: (s.dates[0], d)),
    "record_count": (L.m_record_count, "count", lambda s, a, b: (a, b)),
    "prev_record": (L.m_prev_record, "date", lambda s, d: (s.dates[0], d)),
    "last_at_or_above": (L.m_last_at_or_above, "date", lambda s, d: (s.dates[0], d)),
    "last_at_or_below": (L.m_last_at_or_below, "date", lambda s, d: (s.dates[0], d)),
    "last_day_at_least": (L.m_last_day_at_least, "date", lambda s, d: (s.dates[0], d)),
    "last_day_at_most": (L.m_last_day_at_most, "date", lambda s, d: (s.dates[0], d)),
    "last_points_at_least": (L.m_last_points_at_least, "date", lambda s, d: (s.dates[0], d)),
    "last_high_at_or_above": (L.m_last_high_at_or_above, "date", lambda s, d: (s.dates[0], d)),
    "day_rank_up": (L.m_day_rank_up, "count", lambda s, d: (s.dates[0], d)),
    "week_pct": (L.m_week_pct, "pct",
                 lambda s, d: (L.week_ends(s)[L.week_ends(s).index(L.D(d)) - 1], d)),
    "last_week_at_least": (L.m_last_week_at_least, "date", lambda s, d: (s.dates[0], d)),
    "week_streak": (L.m_week_streak, "count",
                    lambda s, d: (L.week_ends(s)[L.week_ends(s).index(L.D(d)) - abs(L.m_week_streak(s, d))], d)),
    "streak": (L.m_streak, "count", lambda s, d: (s.dates[s.idx[L.D(d)] - abs(L.m_streak(s, d))], d)),
    "streak_before": (L.m_streak_before, "count",
                      lambda s, d: (s.dates[s.idx[L.D(d)] - 1 - abs(L.m_streak_before(s, d))], s.prev(L.D(d)))),
    "up_count": (L.m_up_count, "count",
                 lambda s, d, n: (s.dates[s.idx[L.D(d)] - n], d)),
    "sessions_pct": (L.m_sessions_pct, "pct",
                     lambda s, d, n: (s.dates[s.idx[L.D(d)] - n], d)),
    "from_peak_pct": (L.m_from_peak_pct, "pct", lambda s, a, b, d: (L.peak_in(s, a, b), d)),
    "from_trough_pct": (L.m_from_trough_pct, "pct", lambda s, a, b, d: (L.trough_in(s, a, b), d)),
    "max_close": (L.m_max_close, "level", lambda s, a, b: (a, b)),
    "month_pct": (L.m_month_pct, "pct",
                  lambda s, y, m: (L.month_ends(s)[(y, m - 1) if m > 1 else (y - 1, 12)],
                                   L.month_ends(s)[(y, m)])),
    "last_same_month_at_least": (L.m_last_same_month_at_least, "year",
                                 lambda s, y, m: (s.dates[0], L.month_ends(s)[(y, m)])),
}
INTRADAY = {"high_pct", "low_pct", "high", "low", "swing_points", "last_high_at_or_above"}
# relative performance in percentage points: args (other_sym, d0, d1)
PCT_MEASURES = {"day_pct", "change_pct", "week_pct", "sessions_pct", "from_peak_pct",
                "from_trough_pct", "month_pct", "high_pct", "low_pct"}


def K(sym, m, *args, op="eq", val=None):
    """One check: measure m of sym with args, compared with val by op."""
    return {"sym": sym, "m": m, "args": args, "op": op, "val": val}


def REL(sym, other, d0, d1, op="eq", val=None):
    """Percentage-point gap: % change of sym minus % change of other over (d0, d1]."""
    return {"sym": sym, "m": "rel_pp", "args": (other, d0, d1), "op": op, "val": val}


# --------------------------------------------------------------------------------------
# truth and margin
# --------------------------------------------------------------------------------------


def _decimals(val):
    s = str(val)
    return len(s.split(".")[1]) if "." in s else 0


def _num(val):
    return float(val)


def accepted_interval(op, val, unit):
    """Interval [lo, hi] of accepted values for numeric ops (signed)."""
    if op == "between":
        lo, hi = sorted(float(x) for x in val)
        return lo, hi
    a = _num(val)
    neg = a < 0
    m = abs(a)
    if op == "eq":
        h = 0.5 * 10 ** (-_decimals(val)) + 1e-9
        lo, hi = m - h, m + h
    elif op == "about":
        tol = {"pct": max(0.3, 0.03 * m), "level": 0.01 * m, "points": 0.05 * m}[unit]
        lo, hi = m - tol, m + tol
    elif op == "nearly":
        tol = {"pct": max(0.3, 0.15 * m), "level": 0.01 * m, "points": 0.15 * m}[unit]
        lo, hi = m - tol, m
    elif op == "more":
        lo, hi = m + 1e-12, math.inf
    elif op == "less":
        lo, hi = 0.0, m - 1e-12
    elif op == "just_under":
        tol = {"pct": 0.5, "level": 0.005 * m, "points": 0.05 * m}[unit]
        lo, hi = m - tol, m - 1e-12
    elif op == "just_over":
        tol = {"pct": 0.5, "level": 0.005 * m, "points": 0.05 * m}[unit]
        lo, hi = m + 1e-12, m + tol
    else:
        raise ValueError(op)
    if neg:
        lo, hi = -hi, -lo
    return lo, hi


def truth(op, val, v, unit):
    if v is MISSING:
        return None
    if op == "is":
        return v == val
    if op == "in":
        if v is None:
            return False
        a, b = L.D(val[0]), L.D(val[1])
        return a <= v <= b
    if op == "pos":
        return v > 0
    if op == "neg":
        return v < 0
    if op == "flat":
        return abs(v) < 0.1
    lo, hi = accepted_interval(op, val, unit)
    return lo <= v <= hi


def clear_margin(op, val, v, unit):
    """True if a false check is false by a clear margin."""
    if op == "is":
        return True                      # records, streaks, counts, ranks, years: exact
    if op == "in":
        if v is None:
            return True
        a, b = L.D(val[0]), L.D(val[1])
        gap = min(abs((v - a).days), abs((v - b).days))
        return gap >= 20                 # at least ~3 weeks outside the stated period
    if op in ("pos", "neg"):
        return abs(v) >= 0.1 if unit == "pct" else v != 0
    if op == "flat":
        return abs(v) >= 0.5
    lo, hi = accepted_interval(op, val, unit)
    dist = lo - v if v < lo else v - hi
    if unit == "level":
        return dist > 0.005 * abs(v)
    ref = (lo + hi) / 2 if math.isfinite(lo + hi) else (lo if math.isfinite(lo) else hi)
    wrong_sign = (ref > 0 > v or ref < 0 < v) and abs(v) >= 0.05
    if unit == "points":
        return wrong_sign or dist > 0.25 * abs(v)
    return wrong_sign or dist > 1.0 or (dist > 0.25 * abs(v) and dist >= 0.2)


class _Missing:
    def __repr__(self):
        return "MISSING"


MISSING = _Missing()


def _dividend_shift(sym, d0, d1):
    """Plausible gap between an adjusted and a price-only % move over (d0, d1]."""
    if sym in L.EXDIV:
        return L.exdiv_shift(sym, d0, d1)
    if sym in L.STOCKS:
        days = (L.D(d1) - L.D(d0)).days
        if days <= 5:
            return 0.0
        q = {"AVGO": 0.30, "AAPL": 0.15, "MSFT": 0.25, "NVDA": 0.02, "ORCL": 0.35}[sym]
        return -q * math.ceil(days / 91.0)
    return 0.0


def evaluate(chk):
    """Return list of (variant label, value) and the primary window."""
    sym, m, args = chk["sym"], chk["m"], chk["args"]
    out = []
    if m == "rel_pp":
        other, d0, d1 = args
        for sa in L.variants(sym):
            for sb in L.variants(other):
                try:
                    v = L.m_change_pct(sa, d0, d1) - L.m_change_pct(sb, d0, d1)
                except KeyError:
                    v = MISSING
                out.append((sa.label + "|" + sb.label, v))
        base = [x for x in out if x[1] is not MISSING]
        sh_a = _dividend_shift(sym, d0, d1)
        sh_b = _dividend_shift(other, d0, d1)
        for lab, v in base[:1]:
            if sh_a:
                out.append((lab + ":div-" + sym, v + sh_a))
            if sh_b:
                out.append((lab + ":div-" + other, v - sh_b))
        return out, (L.D(d0), L.D(d1)), "pct"
    fn, unit, wfn = MEASURES[m]
    if m == "uclose":
        d = L.D(args[0])
        assert any(L.D(a) <= d <= L.D(b) for a, b in L.DERIVED_OK), (sym, d, "outside DERIVED_OK")
        series = [L.derived_series(sym)]
    else:
        if unit == "level" and (sym in L.ETFS or sym in L.STOCKS):
            raise AssertionError("no ETF/stock levels from adjusted series: %s %s" % (sym, m))
        if m in ("is_record", "prev_record", "record_count", "last_at_or_above",
                 "last_at_or_below") and sym in L.ETFS:
            raise AssertionError("no ETF records from adjusted series: %s" % sym)
        series = L.variants(sym)
    if m in INTRADAY:
        # close-only files (dsturdy) carry no high/low: not a variant for intraday measures
        series = [s for s in series if any(v is not None for v in s.high.values())]
    for s in series:
        try:
            v = fn(s, *args)
        except (KeyError, ValueError, IndexError):
            v = MISSING
        out.append((s.label, v))
    prim = series[0]
    w = wfn(prim, *args)
    if m in PCT_MEASURES and out[0][1] is not MISSING:
        sh = _dividend_shift(sym, w[0] or w[1], w[1])
        if sh:
            out.append((out[0][0] + ":div", out[0][1] + sh))
    return out, w, unit


# --------------------------------------------------------------------------------------
# pages
# --------------------------------------------------------------------------------------


def page_text(page):
    with open(os.path.join(PAGES, page), encoding="utf-8") as fh:
        raw = fh.read()
    texts = [raw]
    if page.endswith(".html"):
        body = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        body = re.sub(r"(?s)<[^>]+>", " ", body)
        texts.append(html.unescape(body))
    return raw, texts


SENT_END = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z0-9\"'(])|\n\s*\n|\n\s*[-*\u2022]\s|\n#|\n(?=[A-Z0-9$])")


def _fmt(v):
    if isinstance(v, float):
        return round(v, 4)
    if isinstance(v, dt.date):
        return v.isoformat()
    if v is None:
        return "none"
    return v


# --------------------------------------------------------------------------------------
# the claims
# --------------------------------------------------------------------------------------

CLAIMS = []


def C(page, contains, verdict, family, *checks, reason=None):
    CLAIMS.append({"page": page, "contains": contains, "verdict": verdict, "family": family,
                   "checks": list(checks), "reason": reason})


def U(page, contains, family, reason):
    C(page, contains, "unverifiable", family, reason=reason)


# ==== SPEC ====
# ---- p01: wire close report, text dateline "NEW YORK (...) — Nov. 6, 2024 —" ----------
P = "p01_election_rally_wire.txt"
C(P, "jumped 1,508.05 points, or 3.6%, to 43,729.93, a record close", "supported", "day_points_level",
  K("^DJI", "points", "2024-11-06", val="1508.05"), K("^DJI", "day_pct", "2024-11-06", val="3.6"),
  K("^DJI", "close", "2024-11-06", val="43729.93"), K("^DJI", "is_record", "2024-11-06", op="is", val=True))
C(P, "had been up as much as 3.7% in afternoon trading", "supported", "intraday_extreme",
  K("^DJI", "high_pct", "2024-11-06", val="3.7"))
C(P, "Over the past two sessions the Dow industrials have now tacked on more than 4.5%", "supported", "multi_day",
  K("^DJI", "sessions_pct", "2024-11-06", 2, op="more", val="4.5"))
C(P, "The SPDR Dow Jones Industrial Average ETF (DIA) gained 3.5% on the day.", "supported", "day_pct",
  K("DIA", "day_pct", "2024-11-06", val="3.5"))
C(P, "The S&P 500 rose 2.5% to 5,929.04, its best day since November 2022", "supported", "best_worst_since",
  K("^GSPC", "day_pct", "2024-11-06", val="2.5"), K("^GSPC", "close", "2024-11-06", val="5929.04"),
  K("^GSPC", "last_day_at_least", "2024-11-06", op="in", val=("2022-11-01", "2022-11-30")))
C(P, "left the benchmark index up some 20% since the start of the year", "contradicted", "period_change",
  K("^GSPC", "change_pct", "2023-12-29", "2024-11-06", op="about", val="20"))
C(P, "when the S&P had climbed 1.2% as voters went to the polls", "supported", "day_pct",
  K("^GSPC", "day_pct", "2024-11-05", val="1.2"))
C(P, "gained 3% to finish at 18,983.47, its strongest showing since January 2023", "contradicted", "best_worst_since",
  K("^IXIC", "day_pct", "2024-11-06", val="3"), K("^IXIC", "close", "2024-11-06", val="18983.47"),
  K("^IXIC", "last_day_at_least", "2024-11-06", op="in", val=("2023-01-01", "2023-01-31")))
C(P, "The Russell 2000 soared 5.8% to 2,392.92.", "supported", "day_pct",
  K("^RUT", "day_pct", "2024-11-06", val="5.8"), K("^RUT", "close", "2024-11-06", val="2392.92"))
C(P, "That put the small-cap index at an all-time closing high.", "contradicted", "record",
  K("^RUT", "is_record", "2024-11-06", op="is", val=True))
C(P, "It was the Russell's fifth consecutive advance.", "contradicted", "streak",
  K("^RUT", "streak", "2024-11-06", op="is", val=5))
C(P, "The iShares Russell 2000 ETF (IWM), the most heavily traded fund tracking the group, added about 3% by the close",
  "contradicted", "day_pct", K("IWM", "day_pct", "2024-11-06", op="about", val="3"))
C(P, "dropped more than 4 points to 16.27, its lowest close since late September", "supported", "vix",
  K("^VIX", "points", "2024-11-06", op="more", val="-4"), K("^VIX", "close", "2024-11-06", val="16.27"),
  K("^VIX", "last_at_or_below", "2024-11-06", op="in", val=("2024-09-16", "2024-09-30")))
C(P, "Microsoft added 2.1%, while Apple jumped 3.3%", "contradicted", "respectively",
  K("MSFT", "day_pct", "2024-11-06", val="2.1"), K("AAPL", "day_pct", "2024-11-06", val="3.3"))
U(P, "The 10-year Treasury yield jumped to about 4.43%", "no_price_file", "no price file for Treasury yields")
U(P, "Bitcoin climbed to a record above $75,000", "no_price_file", "no price file for Bitcoin")
U(P, "they now see the S&P 500 ending next year near 6,600", "forecast", "forecast")

# ==== END p01 ====
# ---- p02: broker morning note (HTML, article:published_time 2024-07-12 07:05 ET, pre-open) ----
P = "p02_morning_tape_rotation.html"
C(P, "down 0.9% at 5,584.54, snapping a seven-session winning streak", "supported", "streak",
  K("^GSPC", "day_pct", "2024-07-11", val="-0.9"), K("^GSPC", "close", "2024-07-11", val="5584.54"),
  K("^GSPC", "streak_before", "2024-07-11", op="is", val=7))
C(P, "The index erased an early gain and never recovered.", "supported", "intraday_reversal",
  K("^GSPC", "high_pct", "2024-07-11", op="pos"), K("^GSPC", "day_pct", "2024-07-11", op="neg"))
C(P, "Nasdaq Composite: down almost 2%, its steepest one-day drop since April", "supported", "best_worst_since",
  K("^IXIC", "day_pct", "2024-07-11", op="nearly", val="-2"),
  K("^IXIC", "last_day_at_most", "2024-07-11", op="in", val=("2024-04-01", "2024-04-30")))
C(P, "Dow industrials: up 32.39 points, or 0.1%, to 39,753.75", "supported", "day_points_level",
  K("^DJI", "points", "2024-07-11", val="32.39"), K("^DJI", "day_pct", "2024-07-11", val="0.1"),
  K("^DJI", "close", "2024-07-11", val="39753.75"))
C(P, "Russell 2000: up 3.6% to 2,125.04, the highest close for the small-cap gauge since March 2022", "supported",
  "highest_lowest_since", K("^RUT", "day_pct", "2024-07-11", val="3.6"), K("^RUT", "close", "2024-07-11", val="2125.04"),
  K("^RUT", "last_at_or_above", "2024-07-11", op="in", val=("2022-03-01", "2022-03-31")))
C(P, "For the Russell, it was the best session since March 2020.", "contradicted", "best_worst_since",
  K("^RUT", "last_day_at_least", "2024-07-11", op="in", val=("2020-03-01", "2020-03-31")))
C(P, "Small caps have now risen in eight of the last ten sessions.", "contradicted", "count",
  K("^RUT", "up_count", "2024-07-11", 10, op="is", val=8))
C(P, "The Russell beat the Nasdaq by more than 5 percentage points on the day", "supported", "relative_pp",
  REL("^RUT", "^IXIC", "2024-07-10", "2024-07-11", op="more", val="5"))
C(P, "ETFs: IWM +3.6%, QQQ -0.2%.", "contradicted", "respectively",
  K("IWM", "day_pct", "2024-07-11", val="3.6"), K("QQQ", "day_pct", "2024-07-11", val="-0.2"))
C(P, "Megacap damage: Nvidia -5.6%, Apple -2.3% and Microsoft -2.5%.", "supported", "respectively",
  K("NVDA", "day_pct", "2024-07-11", val="-5.6"), K("AAPL", "day_pct", "2024-07-11", val="-2.3"),
  K("MSFT", "day_pct", "2024-07-11", val="-2.5"))
C(P, "Volatility stayed calm on the surface: the VIX jumped 8% to 13.9.", "contradicted", "vix",
  K("^VIX", "day_pct", "2024-07-11", val="8"), K("^VIX", "close", "2024-07-11", val="13.9"))
U(P, "One popular sector gauge jumped 4.1%, its best day of the year.", "unclear_subject",
  "subject cannot be told (unnamed sector gauge)")
U(P, "The two-year Treasury yield fell about 11 basis points", "no_price_file", "no price file for Treasury yields")
U(P, "The Street expects JPMorgan to report earnings of about $4.19 a share.", "earnings", "earnings estimate")
U(P, "500 target at 5,800 and would use any further rotation", "price_target", "price target / forecast")

# ==== END p02 ====
# ---- p03: single-stock earnings reaction (HTML, JSON-LD datePublished 2024-12-13 17:20 ET) ----
P = "p03_broadcom_earnings_pop.html"
C(P, "Broadcom shares soared 24.4% on Friday to close at an all-time high", "supported", "record",
  K("AVGO", "day_pct", "2024-12-13", val="24.4"), K("AVGO", "is_record", "2024-12-13", op="is", val=True))
C(P, "It was the biggest one-day gain for the stock since it began trading in 2009", "supported", "best_worst_since",
  K("AVGO", "last_day_at_least", "2024-12-13", op="is", val=None))
C(P, "At the session's peak, the stock was up more than 30%.", "contradicted", "intraday_extreme",
  K("AVGO", "high_pct", "2024-12-13", op="more", val="30"))
C(P, "The stock has now more than doubled since the start of the year.", "supported", "period_change",
  K("AVGO", "change_pct", "2023-12-29", "2024-12-13", op="more", val="100"))
C(P, "For the week, it is up roughly 15%, a figure that would be a good year", "contradicted", "period_change",
  K("AVGO", "week_pct", "2024-12-13", op="about", val="15"))
C(P, "fell more than 2% as some investors swapped one chip name for another", "supported", "day_pct",
  K("NVDA", "day_pct", "2024-12-13", op="more", val="-2"))
C(P, "The Nasdaq Composite edged up 0.1%, helped almost entirely by Broadcom.", "supported", "day_pct",
  K("^IXIC", "day_pct", "2024-12-13", val="0.1"))
C(P, "500 finished virtually unchanged at 6,051.09", "supported", "day_pct",
  K("^GSPC", "day_pct", "2024-12-13", op="flat"), K("^GSPC", "close", "2024-12-13", val="6051.09"))
C(P, "slipped 86.06 points to 43,828.06, its seventh consecutive decline", "supported", "streak",
  K("^DJI", "points", "2024-12-13", val="-86.06"), K("^DJI", "close", "2024-12-13", val="43828.06"),
  K("^DJI", "streak", "2024-12-13", op="is", val=-7))
C(P, "Over the five sessions, the broad market gained 1.2%, according to the closing data.", "contradicted",
  "period_change", K("^GSPC", "week_pct", "2024-12-13", val="1.2"))
C(P, "The tech-heavy Nasdaq, for its part, logged its sixth straight weekly gain.", "contradicted", "streak",
  K("^IXIC", "week_streak", "2024-12-13", op="is", val=6))
U(P, "pushed Broadcom's market value above $1 trillion for the first time", "market_value", "market value")
U(P, "revenue from AI products reached $12.2 billion in its fiscal year", "earnings", "earnings figures / guidance")
U(P, "lifted their price targets on the shares to $250 or higher", "price_target", "price target")

# ==== END p03 ====
# ---- p04: VIX note, text, date only in the byline "Updated Dec. 19, 2024 8:47 a.m. ET" ----------
# "yesterday" = Wednesday 2024-12-18 (Fed decision day)
P = "p04_vix_fed_shock.txt"
C(P, "surged 74% yesterday to close at 27.62", "supported", "vix",
  K("^VIX", "day_pct", "2024-12-18", val="74"), K("^VIX", "close", "2024-12-18", val="27.62"))
C(P, "That was the VIX's largest one-day percentage jump since February 2018", "supported", "best_worst_since",
  K("^VIX", "last_day_at_least", "2024-12-18", op="in", val=("2018-02-01", "2018-02-28")))
C(P, "The gauge added nearly 20 points in a single session", "contradicted", "vix",
  K("^VIX", "points", "2024-12-18", op="nearly", val="20"))
C(P, "Yesterday's finish was also the index's highest close since early August", "supported", "highest_lowest_since",
  K("^VIX", "last_at_or_above", "2024-12-18", op="in", val=("2024-08-01", "2024-08-12")))
C(P, "Intraday, the VIX had traded as low as 14.82 in the morning", "supported", "intraday_extreme",
  K("^VIX", "low", "2024-12-18", val="14.82"))
C(P, "It has now climbed for five straight sessions.", "contradicted", "streak",
  K("^VIX", "streak", "2024-12-18", op="is", val=5))
C(P, "sank nearly 3% to 5,872.16, its worst session since early August", "supported", "best_worst_since",
  K("^GSPC", "day_pct", "2024-12-18", op="nearly", val="-3"), K("^GSPC", "close", "2024-12-18", val="5872.16"),
  K("^GSPC", "last_day_at_most", "2024-12-18", op="in", val=("2024-08-01", "2024-08-12")))
C(P, "lost 1,123.03 points, or 2.6%, its 10th straight decline", "supported", "streak",
  K("^DJI", "points", "2024-12-18", val="-1123.03"), K("^DJI", "day_pct", "2024-12-18", val="-2.6"),
  K("^DJI", "streak", "2024-12-18", op="is", val=-10))
C(P, "The Nasdaq Composite tumbled 5.6%, as the highest-flying growth names", "contradicted", "day_pct",
  K("^IXIC", "day_pct", "2024-12-18", val="-5.6"))
C(P, "Over the past three sessions, the S&P 500 has now lost more than 5%.", "contradicted", "multi_day",
  K("^GSPC", "sessions_pct", "2024-12-18", 3, op="more", val="-5"))
C(P, "The Russell 2000 slid 4.4%, its worst day since June 2022.", "supported", "best_worst_since",
  K("^RUT", "day_pct", "2024-12-18", val="-4.4"),
  K("^RUT", "last_day_at_most", "2024-12-18", op="in", val=("2022-06-01", "2022-06-30")))
C(P, "That left the small-cap index about 4% below its late-November peak", "contradicted", "drawdown_rebound",
  K("^RUT", "from_peak_pct", "2024-11-18", "2024-11-29", "2024-12-18", op="about", val="-4"))
U(P, "January VIX futures rose to about 21.3", "no_price_file", "no price file for VIX futures")
U(P, "The dollar index also jumped to a two-year high", "no_price_file", "no price file for the dollar index")
U(P, "Options traders expect the VIX to drift back toward 18 by mid-January", "forecast", "forecast")

# ==== END p04 ====
# ---- p05: weekly review, British style, dateline "LONDON, 20 January 2024 (...) -" (Saturday) ----
# "Friday" = 2024-01-19; the week = 2024-01-12 close .. 2024-01-19 close (Monday was a holiday)
P = "p05_week_in_review_london.txt"
C(P, "closed at a record 4,839.81 on Friday, its first record close since January 2022", "supported", "record",
  K("^GSPC", "close", "2024-01-19", val="4839.81"), K("^GSPC", "is_record", "2024-01-19", op="is", val=True),
  K("^GSPC", "prev_record", "2024-01-19", op="in", val=("2022-01-01", "2022-01-31")))
C(P, "The benchmark added 1.2 per cent on the day and 1.2 per cent over the holiday-shortened week",
  "supported", "period_change",
  K("^GSPC", "day_pct", "2024-01-19", val="1.2"), K("^GSPC", "week_pct", "2024-01-19", val="1.2"))
C(P, "That still leaves it up nearly 4 per cent since the start of the year", "contradicted", "period_change",
  K("^GSPC", "change_pct", "2023-12-29", "2024-01-19", op="nearly", val="4"))
C(P, "The Dow Jones Industrial Average also finished at a record, 37,863.80", "supported", "record",
  K("^DJI", "close", "2024-01-19", val="37863.80"), K("^DJI", "is_record", "2024-01-19", op="is", val=True))
C(P, "Over the four sessions the blue-chip index rose 2.1 per cent.", "contradicted", "period_change",
  K("^DJI", "week_pct", "2024-01-19", val="2.1"))
C(P, "gained 1.7 per cent on Friday to 15,310.97, its highest close since January 2022", "supported",
  "highest_lowest_since",
  K("^IXIC", "day_pct", "2024-01-19", val="1.7"), K("^IXIC", "close", "2024-01-19", val="15310.97"),
  K("^IXIC", "last_at_or_above", "2024-01-19", op="in", val=("2022-01-01", "2022-01-31")),
  K("^IXIC", "is_record", "2024-01-19", op="is", val=False))
C(P, "Nvidia climbed almost 9 per cent over the week to a fresh all-time high", "supported", "record",
  K("NVDA", "week_pct", "2024-01-19", op="nearly", val="9"), K("NVDA", "is_record", "2024-01-19", op="is", val=True))
C(P, "Microsoft shares fell 1.2 per cent on Friday, according to exchange data", "contradicted", "day_pct",
  K("MSFT", "day_pct", "2024-01-19", val="-1.2"))
C(P, "The Russell 2000 fell 0.3 per cent over the week, its fourth consecutive weekly loss", "supported", "streak",
  K("^RUT", "week_pct", "2024-01-19", val="-0.3"), K("^RUT", "week_streak", "2024-01-19", op="is", val=-4))
C(P, "The small-cap index is now almost 6 per cent below its late-December peak.", "supported", "drawdown_rebound",
  K("^RUT", "from_peak_pct", "2023-12-15", "2023-12-31", "2024-01-19", op="nearly", val="-6"))
C(P, "the Russell has lagged the S&P 500 by about 2 percentage points", "contradicted", "relative_pp",
  REL("^RUT", "^GSPC", "2023-12-29", "2024-01-19", op="about", val="-2"))
C(P, "rose six per cent on Friday to 13.30", "contradicted", "vix",
  K("^VIX", "day_pct", "2024-01-19", val="6"), K("^VIX", "close", "2024-01-19", val="13.30"))
U(P, "The FTSE 100 lost more than 2 per cent over the week in London", "no_price_file", "no price file for the FTSE 100")
U(P, "Brent crude ended the week little changed at about $78 a barrel", "no_price_file", "no price file for crude oil")
U(P, "Analysts expect S&P 500 earnings to grow by about 11 per cent in 2024", "forecast", "earnings forecast")

# ==== END p05 ====
# ---- p06: newsletter with Q&A (Markdown, "Published April 12, 2025", a Saturday) ----------
# Week = 2025-04-04 close .. 2025-04-11 close; Monday 04-07, Tuesday 04-08, Wednesday 04-09 ...
P = "p06_compounding_desk_qa.md"
C(P, "swung more than 400 points between its intraday high and low before closing down 0.2%", "supported",
  "intraday_extreme",
  K("^GSPC", "swing_points", "2025-04-07", op="more", val="400"), K("^GSPC", "day_pct", "2025-04-07", val="-0.2"))
C(P, "soared 9.5% on Wednesday, its biggest one-day gain since October 2008", "supported", "best_worst_since",
  K("^GSPC", "day_pct", "2025-04-09", val="9.5"),
  K("^GSPC", "last_day_at_least", "2025-04-09", op="in", val=("2008-10-01", "2008-10-31")))
C(P, "jumping 12.2% in what was the second-largest daily percentage gain in its history", "supported", "rank",
  K("^IXIC", "day_pct", "2025-04-09", val="12.2"), K("^IXIC", "day_rank_up", "2025-04-09", op="is", val=2))
C(P, "added 2,962.86 points, or 7.9%, the largest one-day point gain the average has ever recorded", "supported",
  "day_points_level",
  K("^DJI", "points", "2025-04-09", val="2962.86"), K("^DJI", "day_pct", "2025-04-09", val="7.9"),
  K("^DJI", "last_points_at_least", "2025-04-09", op="is", val=None))
C(P, "On Thursday the S&P 500 gave back 5.5% as investors focused", "contradicted", "day_pct",
  K("^GSPC", "day_pct", "2025-04-10", val="-5.5"))
C(P, "stood at 5,363.36, up 5.7% for the week and its best week since November 2023", "supported",
  "best_worst_since",
  K("^GSPC", "close", "2025-04-11", val="5363.36"), K("^GSPC", "week_pct", "2025-04-11", val="5.7"),
  K("^GSPC", "last_week_at_least", "2025-04-11", op="in", val=("2023-11-01", "2023-11-30")))
C(P, "The Russell 2000 managed a gain of 1.8% for the week", "supported", "period_change",
  K("^RUT", "week_pct", "2025-04-11", val="1.8"))
C(P, "For the year, the small-cap index is still down more than 25%", "contradicted", "period_change",
  K("^RUT", "change_pct", "2024-12-31", "2025-04-11", op="more", val="-25"))
C(P, "spiked as high as 60.13 intraday on Monday, its highest reading since August of last year", "supported",
  "intraday_extreme",
  K("^VIX", "high", "2025-04-07", val="60.13"),
  K("^VIX", "last_high_at_or_above", "2025-04-07", op="in", val=("2024-08-01", "2024-08-31")))
C(P, "It ended the week at 37.56, down roughly 40% from Tuesday's close", "contradicted", "since_date",
  K("^VIX", "close", "2025-04-11", val="37.56"),
  K("^VIX", "change_pct", "2025-04-08", "2025-04-11", op="about", val="-40"))
C(P, "The S&P 500 is still down about 20% from its February record.", "contradicted", "drawdown_rebound",
  K("^GSPC", "from_peak_pct", "2025-02-01", "2025-02-28", "2025-04-11", op="about", val="-20"))
C(P, "had fallen 18.9% from its Feb. 19 peak, just shy of the 20% threshold", "supported", "drawdown_rebound",
  K("^GSPC", "change_pct", "2025-02-19", "2025-04-08", val="-18.9"),
  K("^GSPC", "is_record", "2025-02-19", op="is", val=True))
C(P, "Nvidia gained less than Apple this week, which surprised", "contradicted", "relative_pp",
  REL("NVDA", "AAPL", "2025-04-04", "2025-04-11", op="neg"))
U(P, "Gold set a record above $3,200 an ounce", "no_price_file", "no price file for gold")
U(P, "The 10-year Treasury yield posted its biggest weekly jump", "no_price_file", "no price file for Treasury yields")
U(P, "pulled about $12 billion from U.S. equity funds over the week", "fund_flows", "fund flows")
U(P, "My best guess is that the S&P 500 retests its April lows before the summer", "forecast", "forecast")

# ==== END p06 ====
# ---- p07: quarterly review (Markdown, YAML front matter date: 2025-10-01) ----------
# Q3 = 2025-06-30 close .. 2025-09-30 close; YTD from 2024-12-31 close
P = "p07_quarterly_letter_q3.md"
C(P, "gained 7.8% in the third quarter and closed September at 6,688.46", "supported", "period_change",
  K("^GSPC", "change_pct", "2025-06-30", "2025-09-30", val="7.8"), K("^GSPC", "close", "2025-09-30", val="6688.46"))
C(P, "the tech-heavy Nasdaq once again outpaced the broad market", "supported", "relative_pp",
  REL("^IXIC", "^GSPC", "2025-06-30", "2025-09-30", op="pos"))
C(P, "The Dow industrials lagged with a quarterly gain of roughly 2%.", "contradicted", "period_change",
  K("^DJI", "change_pct", "2025-06-30", "2025-09-30", op="about", val="2"))
C(P, "finished the quarter at a record close of 46,397.89", "supported", "record",
  K("^DJI", "close", "2025-09-30", val="46397.89"), K("^DJI", "is_record", "2025-09-30", op="is", val=True))
C(P, "with the Russell 2000 climbing 12.0% in the quarter", "supported", "period_change",
  K("^RUT", "change_pct", "2025-06-30", "2025-09-30", val="12.0"))
C(P, "On Sept. 18 the small-cap index posted its first record close since November 2021", "supported", "record",
  K("^RUT", "is_record", "2025-09-18", op="is", val=True),
  K("^RUT", "prev_record", "2025-09-18", op="in", val=("2021-11-01", "2021-11-30")))
C(P, "Small caps outpaced the S&P 500 by about 8 percentage points over the quarter", "contradicted", "relative_pp",
  REL("^RUT", "^GSPC", "2025-06-30", "2025-09-30", op="about", val="8"))
C(P, "This year it delivered a 3.5% gain for the S&P 500, its best September since 2010", "supported",
  "best_worst_since",
  K("^GSPC", "month_pct", 2025, 9, val="3.5"), K("^GSPC", "last_same_month_at_least", 2025, 9, op="is", val=2010))
C(P, "The benchmark set 23 record closes in the quarter, eight of them in September", "supported", "record_count",
  K("^GSPC", "record_count", "2025-06-30", "2025-09-30", op="is", val=23),
  K("^GSPC", "record_count", "2025-08-29", "2025-09-30", op="is", val=8))
C(P, "Year to date, the S&P 500 is up 13.7% and the Nasdaq 21.3%", "contradicted", "respectively",
  K("^GSPC", "change_pct", "2024-12-31", "2025-09-30", val="13.7"),
  K("^IXIC", "change_pct", "2024-12-31", "2025-09-30", val="21.3"))
C(P, "the Russell 2000 is now ahead of the S&P 500 for the year", "contradicted", "relative_pp",
  REL("^RUT", "^GSPC", "2024-12-31", "2025-09-30", op="pos"))
C(P, "Apple jumped 34% in the quarter as worries about tariffs", "contradicted", "period_change",
  K("AAPL", "change_pct", "2025-06-30", "2025-09-30", val="34"))
C(P, "The Dow's September gain was between 1.5% and 2%", "supported", "period_change",
  K("^DJI", "month_pct", 2025, 9, op="between", val=("1.5", "2")))
C(P, "Microsoft added 14% over the same stretch", "contradicted", "period_change",
  K("MSFT", "change_pct", "2025-06-30", "2025-09-30", val="14"))
U(P, "trades at roughly 22.8 times forward earnings", "valuation", "valuation (P/E)")
U(P, "Our base case calls for earnings growth of about 11% in 2026", "forecast", "earnings forecast")
U(P, "gold rose about 16% over the three months", "no_price_file", "no price file for gold")

# ==== END p07 ====
# ---- p08: small-cap wire, dateline "Oct 15 (Pennant Wire) -", year only in the footer (2025) ----
P = "p08_smallcap_record_wire.txt"
C(P, "rose 1.0% to 2,519.75 on Wednesday, a record close for the second straight day", "supported", "record",
  K("^RUT", "day_pct", "2025-10-15", val="1.0"), K("^RUT", "close", "2025-10-15", val="2519.75"),
  K("^RUT", "is_record", "2025-10-15", op="is", val=True), K("^RUT", "is_record", "2025-10-14", op="is", val=True))
C(P, "It was the small-cap benchmark's fourth record finish this month.", "supported", "record_count",
  K("^RUT", "record_count", "2025-09-30", "2025-10-15", op="is", val=4))
C(P, "The index had been up as much as 3% during the session", "contradicted", "intraday_extreme",
  K("^RUT", "high_pct", "2025-10-15", val="3"))
C(P, "Over the past three sessions the Russell has gained more than 5%.", "supported", "multi_day",
  K("^RUT", "sessions_pct", "2025-10-15", 3, op="more", val="5"))
C(P, "That recovered Friday's 3% slide, its worst day since April", "supported", "best_worst_since",
  K("^RUT", "day_pct", "2025-10-10", val="-3"),
  K("^RUT", "last_day_at_most", "2025-10-10", op="in", val=("2025-04-01", "2025-04-30")))
C(P, "the most widely held fund tracking the group, finished at $250.33", "supported", "close_level",
  K("IWM", "uclose", "2025-10-15", val="250.33"))
C(P, "Small caps have now risen in nine of the last 10 sessions.", "contradicted", "count",
  K("^RUT", "up_count", "2025-10-15", 10, op="is", val=9))
C(P, "Month to date, the Russell is up 3.4%, while the S&P 500 is down 0.3%.", "supported", "respectively",
  K("^RUT", "change_pct", "2025-09-30", "2025-10-15", val="3.4"),
  K("^GSPC", "change_pct", "2025-09-30", "2025-10-15", val="-0.3"))
C(P, "outperformed the S&P 500 by more than 3 percentage points so far this year", "contradicted", "relative_pp",
  REL("^RUT", "^GSPC", "2024-12-31", "2025-10-15", op="more", val="3"))
C(P, "the Russell has rallied over 50% from its April 8 close", "contradicted", "since_date",
  K("^RUT", "change_pct", "2025-04-08", "2025-10-15", op="more", val="50"))
C(P, "first record close in nearly four years came last month, on Sept. 25", "contradicted", "record",
  K("^RUT", "is_record", "2025-09-25", op="is", val=True))
C(P, "the biggest exchange-traded fund, closed at $671.17", "contradicted", "close_level",
  K("SPY", "uclose", "2025-10-15", val="671.17"))
C(P, "added 0.4% to 6,671.06, and the Nasdaq Composite rose 0.7%", "supported", "respectively",
  K("^GSPC", "day_pct", "2025-10-15", val="0.4"), K("^GSPC", "close", "2025-10-15", val="6671.06"),
  K("^IXIC", "day_pct", "2025-10-15", val="0.7"))
C(P, "The Dow industrials, by contrast, lost 217 points", "contradicted", "day_points_level",
  K("^DJI", "points", "2025-10-15", val="-217"))
U(P, "The group's main benchmark climbed 2.6%, its third gain in four days.", "unclear_subject",
  "subject cannot be told (unnamed regional-bank benchmark; no price file)")
U(P, "Small-cap ETFs took in about $2.1 billion of new money last week", "fund_flows", "fund flows")
U(P, "The group still trades at about 17 times forward earnings", "valuation", "valuation (P/E)")
U(P, "she sees the Russell at 2,800 by the end of next year", "forecast", "forecast")

# ==== END p08 ====
# ---- p09: year-end review, plain text + sidecar p09_year_in_markets.meta.json (2026-01-01) ----
# "Wednesday" = 2025-12-31, the year's final session; the year = 2024-12-31 close .. 2025-12-31 close
P = "p09_year_in_markets.txt"
C(P, "The S&P 500 finished 2025 at 6,845.50, a gain of 16.4%.", "supported", "period_change",
  K("^GSPC", "close", "2025-12-31", val="6845.50"), K("^GSPC", "change_pct", "2024-12-31", "2025-12-31", val="16.4"))
C(P, "It was the benchmark's third consecutive year of double-digit gains", "supported", "streak",
  K("^GSPC", "change_pct", "2022-12-30", "2023-12-29", op="more", val="10"),
  K("^GSPC", "change_pct", "2023-12-29", "2024-12-31", op="more", val="10"),
  K("^GSPC", "change_pct", "2024-12-31", "2025-12-31", op="more", val="10"),
  K("^GSPC", "change_pct", "2021-12-31", "2022-12-30", op="neg"))
C(P, "The benchmark set 52 record closes over the year", "contradicted", "record_count",
  K("^GSPC", "record_count", "2024-12-31", "2025-12-31", op="is", val=52))
C(P, "The tech-heavy Nasdaq Composite rose 20.4% for the year.", "supported", "period_change",
  K("^IXIC", "change_pct", "2024-12-31", "2025-12-31", val="20.4"))
C(P, "the Dow industrials ended the year up 9.5%", "contradicted", "period_change",
  K("^DJI", "change_pct", "2024-12-31", "2025-12-31", val="9.5"))
C(P, "the Russell 2000 rose 11.3%, trailing the S&P 500 by about 5 percentage points", "supported", "relative_pp",
  K("^RUT", "change_pct", "2024-12-31", "2025-12-31", val="11.3"),
  REL("^RUT", "^GSPC", "2024-12-31", "2025-12-31", op="about", val="-5"))
C(P, "the Nasdaq Composite stood about 15% below its December record", "contradicted", "drawdown_rebound",
  K("^IXIC", "from_peak_pct", "2024-12-01", "2024-12-31", "2025-04-08", op="about", val="-15"),
  K("^IXIC", "is_record", "2024-12-16", op="is", val=True))
C(P, "The S&P 500 then rallied more than 45% from its April 8 low", "contradicted", "drawdown_rebound",
  K("^GSPC", "change_pct", "2025-04-08", "2025-12-31", op="more", val="45"))
C(P, "from the same day's close, the Russell 2000 climbed about 41% by year-end", "supported", "since_date",
  K("^RUT", "change_pct", "2025-04-08", "2025-12-31", op="about", val="41"))
C(P, "In the second half alone, the S&P 500 gained just under 8%", "contradicted", "period_change",
  K("^GSPC", "change_pct", "2025-06-30", "2025-12-31", op="just_under", val="8"))
C(P, "The broad market peaked at a record 6,932.05 on Christmas Eve.", "supported", "record",
  K("^GSPC", "close", "2025-12-24", val="6932.05"), K("^GSPC", "is_record", "2025-12-24", op="is", val=True))
C(P, "brought a 0.7% drop for the benchmark, its fourth straight decline", "supported", "streak",
  K("^GSPC", "day_pct", "2025-12-31", val="-0.7"), K("^GSPC", "streak", "2025-12-31", op="is", val=-4))
C(P, "The VIX ended the year at 14.95, after closing as high as 52.33 in April.", "supported", "vix",
  K("^VIX", "close", "2025-12-31", val="14.95"), K("^VIX", "max_close", "2025-04-01", "2025-04-30", val="52.33"))
C(P, "Nvidia gained about 29% in 2025, a solid year", "contradicted", "period_change",
  K("NVDA", "change_pct", "2024-12-31", "2025-12-31", op="about", val="29"))
C(P, "shed almost a third of its value in the fourth quarter", "supported", "period_change",
  K("ORCL", "change_pct", "2025-09-30", "2025-12-31", op="nearly", val="-33.3"))
C(P, "Oracle still ended the year down about 18%", "contradicted", "period_change",
  K("ORCL", "change_pct", "2024-12-31", "2025-12-31", op="about", val="-18"))
U(P, "Including dividends, the S&P 500 delivered a total return of about 17.9%", "total_return",
  "total return including dividends")
U(P, "Gold gained more than 60% in 2025", "no_price_file", "no price file for gold")
U(P, "Our strategists see the S&P 500 at 7,500 by the end of 2026", "forecast", "forecast")

# ==== END p09 ====
# ---- p10: "by the numbers" bullets (HTML, <time datetime="2026-01-31..."> in the byline) ----------
# January 2026 = 2025-12-31 close .. 2026-01-30 close (Friday)
P = "p10_january_by_the_numbers.html"
C(P, "gain in January, which left it at 6,939.03", "supported", "period_change",
  K("^GSPC", "change_pct", "2025-12-31", "2026-01-30", val="1.4"), K("^GSPC", "close", "2026-01-30", val="6939.03"))
C(P, "4 — record closes for the benchmark during the month, the last of them 6,978.60 on Jan. 27", "supported",
  "record_count",
  K("^GSPC", "record_count", "2025-12-31", "2026-01-30", op="is", val=4),
  K("^GSPC", "close", "2026-01-27", val="6978.60"), K("^GSPC", "is_record", "2026-01-27", op="is", val=True),
  K("^GSPC", "record_count", "2026-01-27", "2026-01-30", op="is", val=0))
C(P, "12 — sessions out of 20 in which the benchmark closed higher.", "supported", "count",
  K("^GSPC", "up_count", "2026-01-30", 20, op="is", val=12))
C(P, "6 — record closes for the Dow industrials in January.", "contradicted", "record_count",
  K("^DJI", "record_count", "2025-12-31", "2026-01-30", op="is", val=6))
C(P, "drop on Jan. 20, its worst day since October", "supported", "best_worst_since",
  K("^GSPC", "day_pct", "2026-01-20", val="-2.1"),
  K("^GSPC", "last_day_at_most", "2026-01-20", op="in", val=("2025-10-01", "2025-10-31")))
C(P, "8 — record closes for the Russell 2000 in January.", "supported", "record_count",
  K("^RUT", "record_count", "2025-12-31", "2026-01-30", op="is", val=8))
C(P, "5.3% — the small-cap index's January advance, about 4 percentage points more than", "supported",
  "relative_pp",
  K("^RUT", "change_pct", "2025-12-31", "2026-01-30", val="5.3"),
  REL("^RUT", "^GSPC", "2025-12-31", "2026-01-30", op="about", val="4"))
C(P, "1.2% — how far the Russell finished the month below its Jan. 22 record close", "contradicted",
  "drawdown_rebound",
  K("^RUT", "change_pct", "2026-01-22", "2026-01-30", val="-1.2"),
  K("^RUT", "is_record", "2026-01-22", op="is", val=True))
C(P, "15 — the number of sessions out of 20 in which small caps rose", "contradicted", "count",
  K("^RUT", "up_count", "2026-01-30", 20, op="is", val=15))
C(P, "2.5% — the gain in the iShares Russell 2000 ETF (IWM) for the month", "contradicted", "period_change",
  K("IWM", "change_pct", "2025-12-31", "2026-01-30", val="2.5"))
C(P, "26.7% — the jump in Wall Street's fear gauge on Jan. 20, to 20.09, its highest close since last April",
  "contradicted", "highest_lowest_since",
  K("^VIX", "day_pct", "2026-01-20", val="26.7"), K("^VIX", "close", "2026-01-20", val="20.09"),
  K("^VIX", "last_at_or_above", "2026-01-20", op="in", val=("2025-04-01", "2025-04-30")))
C(P, "17.44 — where the VIX ended January, down 16.7% for the month", "contradicted", "vix",
  K("^VIX", "close", "2026-01-30", val="17.44"), K("^VIX", "change_pct", "2025-12-31", "2026-01-30", val="-16.7"))
C(P, "10% — Microsoft's plunge on Jan. 29, its worst day since March 2020", "supported", "best_worst_since",
  K("MSFT", "day_pct", "2026-01-29", val="-10"),
  K("MSFT", "last_day_at_most", "2026-01-29", op="in", val=("2020-03-01", "2020-03-31")))
C(P, "5% — roughly how much Oracle lost over the month", "contradicted", "period_change",
  K("ORCL", "change_pct", "2025-12-31", "2026-01-30", op="about", val="-5"))
U(P, "estimated net inflows into U.S.-listed equity ETFs during January", "fund_flows", "fund flows")
U(P, "4.24% — the yield on the 10-year Treasury note at the end of the month", "no_price_file",
  "no price file for Treasury yields")
U(P, "multiple of forward earnings, still near the top of its historical range", "valuation", "valuation (P/E)")

# ==== END p10 ====


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------


def main():
    errors = []
    lines = []
    page_cache = {}
    by_page = {}
    for cl in CLAIMS:
        page, contains = cl["page"], cl["contains"]
        if page not in page_cache:
            page_cache[page] = page_text(page)
        raw, texts = page_cache[page]
        where = "%s | %s" % (page, contains)
        if len(contains) < 25:
            errors.append("contains shorter than 25 chars: " + where)
        for t in texts:
            n = t.count(contains)
            if n != 1:
                errors.append("contains occurs %d times: %s" % (n, where))
        by_page.setdefault(page, []).append(contains)

        if cl["verdict"] == "unverifiable":
            assert not cl["checks"], where
            lines.append({"page": page, "contains": contains, "verdict": "unverifiable",
                          "family": cl["family"], "instrument": None, "measure": None,
                          "window_start": None, "window_end": None, "asserted": None,
                          "computed": None, "reason": cl["reason"]})
            continue

        insts, meas, ws, we, asserted, computed, reasons, oks = [], [], [], [], [], [], [], []
        for chk in cl["checks"]:
            vals, w, unit = evaluate(chk)
            tr = [truth(chk["op"], chk["val"], v, unit) for _, v in vals]
            if any(t is None for t in tr):
                errors.append("missing data %s: %s %s %s" % (where, chk["sym"], chk["m"],
                                                             [(l, v) for l, v in vals]))
                continue
            if len(set(tr)) != 1:
                errors.append("variants disagree %s: %s %s %s" % (
                    where, chk["sym"], chk["m"], [(l, _fmt(v), t) for (l, v), t in zip(vals, tr)]))
                continue
            ok = tr[0]
            if not ok:
                for _, v in vals:
                    if not clear_margin(chk["op"], chk["val"], v, unit):
                        errors.append("false but not by a clear margin %s: %s %s value %s" % (
                            where, chk["sym"], chk["m"], _fmt(v)))
            oks.append(ok)
            v0 = vals[0][1]
            mname = chk["m"] if chk["m"] != "rel_pp" else "rel_pp_vs_" + chk["args"][0]
            insts.append(chk["sym"])
            meas.append(mname)
            ws.append(_fmt(w[0]) if w[0] is not None else None)
            we.append(_fmt(w[1]))
            aval = chk["val"]
            if isinstance(aval, str):
                aval = float(aval)
            elif isinstance(aval, tuple):
                aval = [float(x) if chk["op"] == "between" else x for x in aval]
            if chk["op"] in ("pos", "neg", "flat"):
                aval = chk["op"]
            if chk["op"] == "is" and aval is None:
                aval = "none"             # no earlier session matched: largest/first in the file
            asserted.append(aval)
            computed.append(_fmt(v0))
            reasons.append("%s %s %s..%s: asserted %s %s, computed %s -> %s" % (
                chk["sym"], mname, ws[-1], we[-1], chk["op"], aval if chk["op"] not in (
                    "pos", "neg", "flat") else "", _fmt(v0), "ok" if ok else "FALSE"))
        got = "supported" if all(oks) else "contradicted"
        if got != cl["verdict"]:
            errors.append("verdict %s != intended %s: %s :: %s" % (got, cl["verdict"], where,
                                                                  "; ".join(reasons)))
        one = len(cl["checks"]) == 1
        lines.append({"page": page, "contains": contains, "verdict": cl["verdict"],
                      "family": cl["family"],
                      "instrument": insts[0] if one or len(set(insts)) == 1 else insts,
                      "measure": meas[0] if one else meas,
                      "window_start": ws[0] if one else ws,
                      "window_end": we[0] if one else we,
                      "asserted": asserted[0] if one else asserted,
                      "computed": computed[0] if one else computed,
                      "reason": "; ".join(reasons)})

    # one gold claim per sentence
    for page, cs in by_page.items():
        raw, texts = page_cache[page]
        t = texts[-1]
        pos = sorted((t.index(c), c) for c in cs if t.count(c) == 1)
        for (p1, c1), (p2, c2) in zip(pos, pos[1:]):
            if p2 < p1 + len(c1):
                errors.append("overlapping claims in %s: %r / %r" % (page, c1, c2))
            elif not SENT_END.search(t[p1:p2 + 1]):
                errors.append("two claims in one sentence in %s: %r / %r" % (page, c1, c2))

    if errors:
        for e in errors:
            print("ERROR:", e)
        print("%d errors" % len(errors))
        sys.exit(1)
    with open(OUT, "w", encoding="utf-8") as fh:
        for ln in lines:
            fh.write(json.dumps(ln, ensure_ascii=False) + "\n")
    from collections import Counter
    print("wrote %d claims to %s" % (len(lines), OUT))
    print("verdicts:", dict(Counter(l["verdict"] for l in lines)))
    print("families:", dict(Counter(l["family"] for l in lines)))
    pc = Counter((l["page"], l["verdict"]) for l in lines)
    for p in sorted(set(l["page"] for l in lines)):
        print("  %-45s S %2d C %2d U %2d" % (p, pc[(p, "supported")], pc[(p, "contradicted")],
                                             pc[(p, "unverifiable")]))


if __name__ == "__main__":
    main()
