"""Loaders and measures for the blind2 gold (pure Python, csv module only)."""
from __future__ import annotations

import csv
import datetime as dt
import os
from bisect import bisect_left, bisect_right
from pathlib import Path

DATA = Path(os.environ.get("FINNEWS_DATA", "/work/shared")) / "market"

A, G, Y, D = "alitalbi_storage_data_fy", "guydekowski_market-lab", "YoussefKh200_Slow-Turtle-Research", "dsturdy_Factor_Attribution"
SOURCES = {
    "^GSPC": [(G, "GSPC.csv", False), (Y, "^GSPC.csv", True)],
    "^IXIC": [(G, "IXIC.csv", False)],
    "^DJI": [(A, "^DJI.csv", False)],
    "^RUT": [(A, "^RUT.csv", False)],
    "^VIX": [(A, "^VIX.csv", False), (G, "VIX.csv", False)],
}
for _t in ("SPY", "QQQ", "IWM"):
    SOURCES[_t] = [(G, f"{_t}.csv", False), (A, f"{_t}.csv", False), (Y, f"{_t}.csv", True), (D, f"{_t}.csv", True)]
for _t in ("NVDA", "AAPL", "MSFT", "AVGO", "ORCL"):
    SOURCES[_t] = [(G, f"{_t}.csv", False), (D, f"{_t}.csv", True)]


class Series:
    def __init__(self, name, rows):
        self.name = name
        rows.sort()
        self.dates = [r[0] for r in rows]
        self.close = [r[1] for r in rows]
        self.high = [r[2] for r in rows]
        self.low = [r[3] for r in rows]
        self.has_hl = all(h is not None for h in self.high[-50:])

    # --- positions ---
    def idx(self, d):
        i = bisect_left(self.dates, d)
        if i >= len(self.dates) or self.dates[i] != d:
            raise KeyError(f"{self.name}: no row for {d}")
        return i

    def last_on_or_before(self, d):
        i = bisect_right(self.dates, d) - 1
        if i < 0:
            raise KeyError(d)
        return i


def _f(x):
    try:
        return float(x) if x not in ("", None) else None
    except ValueError:
        return None


def _load(folder, fname, drop_last, drop_vol0=False):
    path = DATA / folder / fname
    with open(path, newline="") as fh:
        rd = csv.DictReader(fh)
        rows = []
        for r in rd:
            r = {k.lower(): v for k, v in r.items()}
            c = _f(r.get("close"))
            if c is None:
                continue
            if drop_vol0 and r.get("volume") is not None and _f(r.get("volume")) == 0:
                continue
            rows.append((dt.date.fromisoformat(r["date"][:10]), c, _f(r.get("high")), _f(r.get("low"))))
    rows.sort()
    if drop_last:
        rows = rows[:-1]
    return rows


_cache = {}


def series(sym):
    """Every source series for a symbol (^RUT/^DJI: with and without the volume-0 rows)."""
    if sym in _cache:
        return _cache[sym]
    out = []
    for folder, fname, drop_last in SOURCES[sym]:
        out.append(Series(f"{folder}/{fname}", _load(folder, fname, drop_last)))
        if folder == A and sym in ("^RUT", "^DJI"):
            out.append(Series(f"{folder}/{fname}[vol0 dropped]", _load(folder, fname, drop_last, True)))
    _cache[sym] = out
    return out


def D_(s):
    return dt.date.fromisoformat(s)


# ---------------- measures: each takes (series, **params) and returns a value ----------------

def close(s, d):
    return s.close[s.idx(D_(d))]


def prev_close(s, d):
    return s.close[s.idx(D_(d)) - 1]


def day_pct(s, d):
    i = s.idx(D_(d))
    return (s.close[i] / s.close[i - 1] - 1) * 100


def day_pts(s, d):
    i = s.idx(D_(d))
    return s.close[i] - s.close[i - 1]


def pct_between(s, start, end):
    """start: date whose close is the base (must exist); end: last close on/before."""
    i0 = s.idx(D_(start))
    i1 = s.last_on_or_before(D_(end))
    return (s.close[i1] / s.close[i0] - 1) * 100


def pts_between(s, start, end):
    i0 = s.idx(D_(start))
    i1 = s.last_on_or_before(D_(end))
    return s.close[i1] - s.close[i0]


def base_before(s, d):
    """Index of the last close strictly before date d."""
    return bisect_left(s.dates, D_(d)) - 1


def period_pct(s, period_start, end):
    """Change from the last close before period_start to the last close on/before end (week/month/quarter/YTD)."""
    i0 = base_before(s, period_start)
    i1 = s.last_on_or_before(D_(end))
    return (s.close[i1] / s.close[i0] - 1) * 100


def period_pts(s, period_start, end):
    i0 = base_before(s, period_start)
    i1 = s.last_on_or_before(D_(end))
    return s.close[i1] - s.close[i0]


def is_record(s, d):
    i = s.idx(D_(d))
    return s.close[i] > max(s.close[:i])


def highest_since(s, d):
    """Date (ISO) of the most recent earlier close >= this close (None: record)."""
    i = s.idx(D_(d))
    for j in range(i - 1, -1, -1):
        if s.close[j] >= s.close[i]:
            return s.dates[j].isoformat()
    return None


def lowest_since(s, d):
    i = s.idx(D_(d))
    for j in range(i - 1, -1, -1):
        if s.close[j] <= s.close[i]:
            return s.dates[j].isoformat()
    return None


def _moves(s):
    return [None] + [s.close[k] / s.close[k - 1] - 1 for k in range(1, len(s.close))]


def move_since(s, d):
    """Date of the most recent earlier day with a daily move at least as big in the same direction."""
    i = s.idx(D_(d))
    m = s.close[i] / s.close[i - 1] - 1
    for j in range(i - 1, 0, -1):
        mj = s.close[j] / s.close[j - 1] - 1
        if (m < 0 and mj <= m) or (m > 0 and mj >= m):
            return s.dates[j].isoformat()
    return None


def week_move_since(s, week_start):
    """Weekly (Fri-to-Fri, calendar weeks) move ending the week beginning week_start; date of the most recent
    earlier week's last day with a move at least as big in the same direction."""
    weeks = []  # (last index of week) per ISO week
    for k, d in enumerate(s.dates):
        key = d.isocalendar()[:2]
        if weeks and weeks[-1][0] == key:
            weeks[-1] = (key, k)
        else:
            weeks.append((key, k))
    key = D_(week_start).isocalendar()[:2]
    w = [n for n, (kk, _) in enumerate(weeks) if kk == key][0]
    mv = lambda n: s.close[weeks[n][1]] / s.close[weeks[n - 1][1]] - 1
    m = mv(w)
    for n in range(w - 1, 0, -1):
        if (m < 0 and mv(n) <= m) or (m > 0 and mv(n) >= m):
            return s.dates[weeks[n][1]].isoformat()
    return None


def rank_move(s, d, start=None):
    """1 + number of earlier days (from start) with a bigger move in the same direction."""
    i = s.idx(D_(d))
    m = s.close[i] / s.close[i - 1] - 1
    j0 = 1 if start is None else max(1, s.idx(D_(start)))
    n = 0
    for j in range(j0, i):
        mj = s.close[j] / s.close[j - 1] - 1
        if (m < 0 and mj < m) or (m > 0 and mj > m):
            n += 1
    return n + 1


def streak(s, d):
    """Signed streak: +n consecutive higher closes ending on d, -n consecutive lower closes."""
    i = s.idx(D_(d))
    up = s.close[i] > s.close[i - 1]
    n = 0
    while i > 0 and ((s.close[i] > s.close[i - 1]) == up) and s.close[i] != s.close[i - 1]:
        n += 1
        i -= 1
    return n if up else -n


def count_up(s, start, end):
    """Number of sessions in [start, end] with a higher close than the day before."""
    i0 = bisect_left(s.dates, D_(start))
    i1 = s.last_on_or_before(D_(end))
    return sum(1 for k in range(i0, i1 + 1) if s.close[k] > s.close[k - 1])


def count_down(s, start, end):
    i0 = bisect_left(s.dates, D_(start))
    i1 = s.last_on_or_before(D_(end))
    return sum(1 for k in range(i0, i1 + 1) if s.close[k] < s.close[k - 1])


def intraday_low_pct(s, d):
    i = s.idx(D_(d))
    return (s.low[i] / s.close[i - 1] - 1) * 100


def intraday_high_pct(s, d):
    i = s.idx(D_(d))
    return (s.high[i] / s.close[i - 1] - 1) * 100


def intraday_high(s, d):
    return s.high[s.idx(D_(d))]


def intraday_low(s, d):
    return s.low[s.idx(D_(d))]


def intraday_range_pts(s, d):
    i = s.idx(D_(d))
    return s.high[i] - s.low[i]


def max_close(s, start, end):
    i0 = bisect_left(s.dates, D_(start))
    i1 = s.last_on_or_before(D_(end))
    return max(s.close[i0:i1 + 1])


def drawdown_from_peak(s, peak, end):
    return pct_between(s, peak, end)


INTRADAY = {intraday_low_pct, intraday_high_pct, intraday_high, intraday_low, intraday_range_pts}


def rank_pts(s, d):
    """1 + number of earlier days with a bigger point move in the same direction."""
    i = s.idx(D_(d))
    m = s.close[i] - s.close[i - 1]
    n = sum(1 for j in range(1, i) if (m < 0 and s.close[j] - s.close[j - 1] < m) or (m > 0 and s.close[j] - s.close[j - 1] > m))
    return n + 1


def last_record_before(s, d):
    """Date (ISO) of the most recent record close before d (None: no earlier record)."""
    i = s.idx(D_(d))
    best, last = float("-inf"), None
    for j in range(i):
        if s.close[j] > best:
            best, last = s.close[j], s.dates[j].isoformat()
    return last
