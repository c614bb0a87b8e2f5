"""Price-data helpers for the dev3 claim-check gold (plain csv, no pandas).

Every measure is computed under every *variant* of the data for its symbol:
  * each independent source file that carries the symbol (see SOURCES), and
  * with provisional rows kept and dropped (volume-0 rows of ^RUT/^DJI, and rows
    dated on days that are not trading days of the ^GSPC calendar, e.g. the
    ^VIX row stamped 2025-09-01, Labor Day, in the alitalbi file).
make_gold.py asserts that a claim gets the same verdict under every variant.
"""
import csv
import datetime as dt
import os

DATA = os.environ.get("FINNEWS_DATA", "/work/shared")
MKT = os.path.join(DATA, "market")

# symbol -> list of (label, relative path, kind)
#   kind "ohlc": has Close/High/Low (and maybe Volume); "close": Date,Close only;
#   "derived": derived/ unadjusted closes (levels of ETFs, 2025-07-14..2025-11-14 only)
SOURCES = {
    "^GSPC": [("guydekowski", "guydekowski_market-lab/GSPC.csv", "ohlc"),
              ("youssefkh200", "YoussefKh200_Slow-Turtle-Research/^GSPC.csv", "ohlc")],
    "^IXIC": [("guydekowski", "guydekowski_market-lab/IXIC.csv", "ohlc")],
    "^DJI": [("alitalbi", "alitalbi_storage_data_fy/^DJI.csv", "ohlc")],
    "^RUT": [("alitalbi", "alitalbi_storage_data_fy/^RUT.csv", "ohlc")],
    "^VIX": [("guydekowski", "guydekowski_market-lab/VIX.csv", "ohlc"),
             ("alitalbi", "alitalbi_storage_data_fy/^VIX.csv", "ohlc")],
    # ETFs: adjusted series; used for percentage moves only (levels come from derived/)
    "SPY": [("guydekowski", "guydekowski_market-lab/SPY.csv", "ohlc"),
            ("dsturdy", "dsturdy_Factor_Attribution/SPY.csv", "close"),
            ("youssefkh200", "YoussefKh200_Slow-Turtle-Research/SPY.csv", "ohlc")],
    "QQQ": [("guydekowski", "guydekowski_market-lab/QQQ.csv", "ohlc"),
            ("dsturdy", "dsturdy_Factor_Attribution/QQQ.csv", "close"),
            ("youssefkh200", "YoussefKh200_Slow-Turtle-Research/QQQ.csv", "ohlc")],
    "IWM": [("guydekowski", "guydekowski_market-lab/IWM.csv", "ohlc"),
            ("dsturdy", "dsturdy_Factor_Attribution/IWM.csv", "close"),
            ("youssefkh200", "YoussefKh200_Slow-Turtle-Research/IWM.csv", "ohlc")],
    "DIA": [("guydekowski", "guydekowski_market-lab/DIA.csv", "ohlc"),
            ("dsturdy", "dsturdy_Factor_Attribution/DIA.csv", "close"),
            ("youssefkh200", "YoussefKh200_Slow-Turtle-Research/DIA.csv", "ohlc")],
    "NVDA": [("guydekowski", "guydekowski_market-lab/NVDA.csv", "ohlc"),
             ("dsturdy", "dsturdy_Factor_Attribution/NVDA.csv", "close")],
    "AVGO": [("guydekowski", "guydekowski_market-lab/AVGO.csv", "ohlc"),
             ("dsturdy", "dsturdy_Factor_Attribution/AVGO.csv", "close")],
    "AAPL": [("guydekowski", "guydekowski_market-lab/AAPL.csv", "ohlc"),
             ("dsturdy", "dsturdy_Factor_Attribution/AAPL.csv", "close")],
    "MSFT": [("guydekowski", "guydekowski_market-lab/MSFT.csv", "ohlc"),
             ("dsturdy", "dsturdy_Factor_Attribution/MSFT.csv", "close")],
    "ORCL": [("guydekowski", "guydekowski_market-lab/ORCL.csv", "ohlc"),
             ("dsturdy", "dsturdy_Factor_Attribution/ORCL.csv", "close")],
}
DERIVED = {
    "SPY": "derived/SPY_close_unadjusted_2025-07-14_to_2026-02-23.csv",
    "QQQ": "derived/QQQ_close_unadjusted_2025-07-14_to_2026-02-23.csv",
    "IWM": "derived/IWM_close_unadjusted_2025-07-14_to_2026-02-23.csv",
}
# ETF levels are only trusted where the derived file is as-stored = unadjusted and no
# ex-date ambiguity exists (mid-September 2025 rows are avoided).
DERIVED_OK = [("2025-07-14", "2025-08-29"), ("2025-10-01", "2025-11-14")]
ETFS = {"SPY", "QQQ", "IWM", "DIA"}
STOCKS = {"NVDA", "AVGO", "AAPL", "MSFT", "ORCL"}
# Conservative ex-dividend exposure (percent of price) for ETF percentage claims: any
# window that touches a month where an ex-date may fall must keep its verdict when the
# computed move is lowered by this much (adjusted series include the dividend).
EXDIV = {"SPY": (0.40, "quarterly"), "QQQ": (0.20, "quarterly"), "IWM": (0.50, "quarterly"),
         "DIA": (0.20, "monthly")}


def D(s):
    return dt.date.fromisoformat(s) if isinstance(s, str) else s


class Series:
    """One variant of one symbol: sorted dates with close/high/low."""

    def __init__(self, sym, label, rows):
        self.sym, self.label = sym, label
        rows = sorted(rows)
        self.dates = [r[0] for r in rows]
        self.close = {r[0]: r[1] for r in rows}
        self.high = {r[0]: r[2] for r in rows}
        self.low = {r[0]: r[3] for r in rows}
        self.idx = {d: i for i, d in enumerate(self.dates)}

    # --- navigation -------------------------------------------------------------
    def has(self, d):
        return D(d) in self.idx

    def on_or_before(self, d):
        d = D(d)
        lo, hi = 0, len(self.dates) - 1
        best = None
        while lo <= hi:
            m = (lo + hi) // 2
            if self.dates[m] <= d:
                best = m
                lo = m + 1
            else:
                hi = m - 1
        if best is None:
            raise KeyError(d)
        return self.dates[best]

    def prev(self, d):
        i = self.idx[D(d)]
        return self.dates[i - 1]

    def c(self, d):
        d = D(d)
        if d not in self.close:
            raise KeyError("%s %s: no row for %s" % (self.sym, self.label, d))
        return self.close[d]

    def sessions(self, d0, d1):
        """Trading dates in (d0, d1] ."""
        d0, d1 = D(d0), D(d1)
        return [d for d in self.dates if d0 < d <= d1]


_CACHE = {}


def _read(path, kind):
    rows = []
    with open(os.path.join(MKT, path), newline="") as fh:
        rd = csv.DictReader(fh)
        for r in rd:
            r = {k.strip().lower(): v for k, v in r.items()}
            if kind == "derived":
                rows.append((D(r["date"]), float(r["close_unadjusted"]), None, None, None))
                continue
            cl = r.get("close")
            if cl in (None, "", "null"):
                continue
            hi = float(r["high"]) if r.get("high") not in (None, "") else None
            lo = float(r["low"]) if r.get("low") not in (None, "") else None
            vol = r.get("volume")
            vol = float(vol) if vol not in (None, "") else None
            rows.append((D(r["date"]), float(cl), hi, lo, vol))
    return rows


def calendar():
    """Trading calendar = dates of the guydekowski ^GSPC file."""
    if "cal" not in _CACHE:
        _CACHE["cal"] = set(r[0] for r in _read(SOURCES["^GSPC"][0][1], "ohlc"))
    return _CACHE["cal"]


def variants(sym):
    """All data variants for a symbol (list of Series)."""
    if sym in _CACHE:
        return _CACHE[sym]
    cal = calendar()
    out = []
    for label, path, kind in SOURCES[sym]:
        rows = _read(path, kind)
        base = [(d, c, h, l) for d, c, h, l, v in rows]
        out.append(Series(sym, label + ":kept", base))
        prov = set()
        for d, c, h, l, v in rows:
            if sym in ("^RUT", "^DJI") and v == 0:
                prov.add(d)
            if d not in cal and d <= max(cal):
                prov.add(d)
        if prov:
            out.append(Series(sym, label + ":dropped",
                              [(d, c, h, l) for d, c, h, l in base if d not in prov]))
    _CACHE[sym] = out
    return out


def derived_series(sym):
    key = ("derived", sym)
    if key not in _CACHE:
        rows = [(d, c, h, l) for d, c, h, l, v in _read(DERIVED[sym], "derived")]
        _CACHE[key] = Series(sym, "derived", rows)
    return _CACHE[key]


def primary(sym):
    return variants(sym)[0]


# --- measures ---------------------------------------------------------------------
# Each measure takes a Series s and returns a number / bool / string.

def pct(a, b):
    return (b / a - 1.0) * 100.0


def m_close(s, d):
    return s.c(d)


def m_day_pct(s, d):
    d = D(d)
    return pct(s.c(s.prev(d)), s.c(d))


def m_points(s, d):
    d = D(d)
    return s.c(d) - s.c(s.prev(d))


def m_change_pct(s, d0, d1):
    """% change from the close of d0 to the close of d1."""
    return pct(s.c(d0), s.c(d1))


def m_change_points(s, d0, d1):
    return s.c(d1) - s.c(d0)


def m_high_pct(s, d):
    d = D(d)
    return pct(s.c(s.prev(d)), s.high[d])


def m_low_pct(s, d):
    d = D(d)
    return pct(s.c(s.prev(d)), s.low[d])


def m_high(s, d):
    return s.high[D(d)]


def m_low(s, d):
    return s.low[D(d)]


def m_swing_points(s, d):
    d = D(d)
    return s.high[d] - s.low[d]


def m_is_record(s, d):
    d = D(d)
    v = s.c(d)
    return all(s.close[x] < v for x in s.dates if x < d)


def m_record_count(s, d0, d1):
    """Number of record closes in (d0, d1]."""
    n = 0
    run = max(s.close[x] for x in s.dates if x <= D(d0))
    for x in s.sessions(d0, d1):
        if s.close[x] > run:
            n += 1
            run = s.close[x]
    return n


def m_last_at_or_above(s, d):
    """Most recent earlier date whose close is >= close(d) (None if record)."""
    d = D(d)
    v = s.c(d)
    for x in reversed(s.dates[:s.idx[d]]):
        if s.close[x] >= v:
            return x
    return None


def m_last_at_or_below(s, d):
    d = D(d)
    v = s.c(d)
    for x in reversed(s.dates[:s.idx[d]]):
        if s.close[x] <= v:
            return x
    return None


def _day_pcts(s):
    key = ("dp", s.sym, s.label)
    if key not in _CACHE:
        _CACHE[key] = {s.dates[i]: pct(s.close[s.dates[i - 1]], s.close[s.dates[i]])
                       for i in range(1, len(s.dates))}
    return _CACHE[key]


def m_last_day_at_least(s, d):
    """Most recent earlier session with a day % change >= this one's (best day since)."""
    d = D(d)
    dp = _day_pcts(s)
    v = dp[d]
    for x in reversed(s.dates[1:s.idx[d]]):
        if dp[x] >= v:
            return x
    return None


def m_last_day_at_most(s, d):
    d = D(d)
    dp = _day_pcts(s)
    v = dp[d]
    for x in reversed(s.dates[1:s.idx[d]]):
        if dp[x] <= v:
            return x
    return None


def week_ends(s):
    """Last trading date of each ISO week, in order."""
    key = ("we", s.sym, s.label)
    if key not in _CACHE:
        last = {}
        for x in s.dates:
            last[x.isocalendar()[:2]] = x
        _CACHE[key] = sorted(last.values())
    return _CACHE[key]


def m_week_pct(s, d):
    """% change of the ISO week ending at week-end date d (d must be a week end)."""
    we = week_ends(s)
    d = D(d)
    i = we.index(d)
    return pct(s.c(we[i - 1]), s.c(d))


def m_last_week_at_least(s, d):
    we = week_ends(s)
    d = D(d)
    i = we.index(d)
    v = m_week_pct(s, d)
    for j in range(i - 1, 0, -1):
        if pct(s.c(we[j - 1]), s.c(we[j])) >= v:
            return we[j]
    return None


def m_last_week_at_most(s, d):
    we = week_ends(s)
    d = D(d)
    i = we.index(d)
    v = m_week_pct(s, d)
    for j in range(i - 1, 0, -1):
        if pct(s.c(we[j - 1]), s.c(we[j])) <= v:
            return we[j]
    return None


def m_streak(s, d):
    """Signed length of the run of daily gains (+) / losses (-) ending at d."""
    d = D(d)
    dp = _day_pcts(s)
    sign = 1 if dp[d] > 0 else -1
    n = 0
    for x in reversed(s.dates[1:s.idx[d] + 1]):
        if (dp[x] > 0 and sign > 0) or (dp[x] < 0 and sign < 0):
            n += 1
        else:
            break
    return sign * n


def m_week_streak(s, d):
    we = week_ends(s)
    d = D(d)
    i = we.index(d)
    sign = 1 if m_week_pct(s, d) > 0 else -1
    n = 0
    for j in range(i, 0, -1):
        w = pct(s.c(we[j - 1]), s.c(we[j]))
        if (w > 0 and sign > 0) or (w < 0 and sign < 0):
            n += 1
        else:
            break
    return sign * n


def m_up_count(s, d, n):
    """Number of up sessions among the n sessions ending at d."""
    d = D(d)
    dp = _day_pcts(s)
    i = s.idx[d]
    return sum(1 for x in s.dates[i - n + 1:i + 1] if dp[x] > 0)


def m_down_count(s, d, n):
    d = D(d)
    dp = _day_pcts(s)
    i = s.idx[d]
    return sum(1 for x in s.dates[i - n + 1:i + 1] if dp[x] < 0)


def m_sessions_pct(s, d, n):
    """% change over the n sessions ending at d."""
    d = D(d)
    i = s.idx[d]
    return pct(s.c(s.dates[i - n]), s.c(d))


def peak_in(s, a, b):
    """Date of the highest close in [a, b]."""
    xs = [x for x in s.dates if D(a) <= x <= D(b)]
    return max(xs, key=lambda x: s.close[x])


def trough_in(s, a, b):
    xs = [x for x in s.dates if D(a) <= x <= D(b)]
    return min(xs, key=lambda x: s.close[x])


def m_from_peak_pct(s, a, b, d):
    """% change from the highest close in [a, b] to the close of d."""
    return pct(s.c(peak_in(s, a, b)), s.c(d))


def m_from_trough_pct(s, a, b, d):
    return pct(s.c(trough_in(s, a, b)), s.c(d))


def m_max_close(s, a, b):
    return s.c(peak_in(s, a, b))


def m_min_close(s, a, b):
    return s.c(trough_in(s, a, b))


def m_max_high(s, a, b):
    return max(s.high[x] for x in s.dates if D(a) <= x <= D(b))


def exdiv_shift(sym, d0, d1):
    """Largest plausible (negative) dividend effect on an ETF % move over (d0, d1]."""
    if sym not in EXDIV:
        return 0.0
    amt, freq = EXDIV[sym]
    d0, d1 = D(d0), D(d1)
    months = set()
    x = d0 + dt.timedelta(days=1)
    while x <= d1:
        if freq == "quarterly" and x.month in (3, 6, 9, 12):
            months.add((x.year, x.month))
        if freq == "monthly" and 13 <= x.day <= 25:
            months.add((x.year, x.month))
        x += dt.timedelta(days=1)
    return -amt * len(months)


def m_prev_record(s, d):
    """Most recent record close strictly before d (None if there is none)."""
    d = D(d)
    run = None
    last = None
    for x in s.dates:
        if x >= d:
            break
        v = s.close[x]
        if run is None or v > run:
            if run is not None:
                last = x
            run = v
    return last


def m_last_points_at_least(s, d):
    """Most recent earlier session with a point gain >= this one's (None: largest in the file)."""
    d = D(d)
    v = m_points(s, d)
    for i in range(s.idx[d] - 1, 0, -1):
        x = s.dates[i]
        if s.close[x] - s.close[s.dates[i - 1]] >= v:
            return x
    return None


def m_day_rank_up(s, d):
    """Rank of the day's % gain among all sessions up to d (1 = largest)."""
    d = D(d)
    dp = _day_pcts(s)
    v = dp[d]
    return 1 + sum(1 for x, p in dp.items() if x < d and p > v)


def m_last_high_at_or_above(s, d):
    """Most recent earlier session whose intraday high is >= this day's high."""
    d = D(d)
    v = s.high[d]
    for x in reversed(s.dates[:s.idx[d]]):
        h = s.high.get(x)
        if h is not None and h >= v:
            return x
    return None


def month_ends(s):
    key = ("me", s.sym, s.label)
    if key not in _CACHE:
        last = {}
        for x in s.dates:
            last[(x.year, x.month)] = x
        _CACHE[key] = last
    return _CACHE[key]


def m_month_pct(s, year, month):
    me = month_ends(s)
    py, pm = (year, month - 1) if month > 1 else (year - 1, 12)
    return pct(s.c(me[(py, pm)]), s.c(me[(year, month)]))


def m_last_same_month_at_least(s, year, month):
    """Most recent earlier year whose same calendar month gained at least as much."""
    v = m_month_pct(s, year, month)
    for y in range(year - 1, s.dates[0].year, -1):
        try:
            if m_month_pct(s, y, month) >= v:
                return y
        except KeyError:
            return None
    return None


def m_day_pct_of_prev(s, d):
    """Day % change of the session before d (for 'snapped a streak' style claims)."""
    return m_day_pct(s, s.prev(D(d)))


def m_streak_before(s, d):
    """Signed run length ending at the session before d."""
    return m_streak(s, s.prev(D(d)))
