"""Price helpers for make_gold.py (reads daily CSVs under $FINNEWS_DATA/market)."""
import csv, os, bisect

ROOT = os.path.join(os.environ.get("FINNEWS_DATA", "/work/shared"), "market")
FILES = {
    "^RUT": "alitalbi_storage_data_fy/^RUT.csv",
    "^DJI": "alitalbi_storage_data_fy/^DJI.csv",
    "^VIX": "alitalbi_storage_data_fy/^VIX.csv",
    "^GSPC": "guydekowski_market-lab/GSPC.csv",
    "^IXIC": "guydekowski_market-lab/IXIC.csv",
    "^NDX": "YoussefKh200_Slow-Turtle-Research/^NDX.csv",
    "NVDA": "guydekowski_market-lab/NVDA.csv",
    "AAPL": "guydekowski_market-lab/AAPL.csv",
    "MSFT": "guydekowski_market-lab/MSFT.csv",
    "AVGO": "guydekowski_market-lab/AVGO.csv",
    "ORCL": "guydekowski_market-lab/ORCL.csv",
    "IWM": "derived/IWM_close_unadjusted_2025-07-14_to_2026-02-23.csv",
    "SPY": "derived/SPY_close_unadjusted_2025-07-14_to_2026-02-23.csv",
    "QQQ": "derived/QQQ_close_unadjusted_2025-07-14_to_2026-02-23.csv",
}
PROVISIONAL_OK = ("^VIX",)  # VIX has volume 0 throughout
_cache = {}
DROP_PROVISIONAL = True  # make_gold evaluates every claim both ways and requires the same verdict


def set_mode(drop):
    global DROP_PROVISIONAL
    DROP_PROVISIONAL = drop
    _cache.clear()


class Series:
    def __init__(self, t):
        self.t = t
        self.dates, self.c, self.h, self.l = [], [], [], []
        with open(os.path.join(ROOT, FILES[t]), newline="") as f:
            for r in csv.DictReader(f):
                r = {k.lower(): v for k, v in r.items()}
                if t in ("IWM", "SPY", "QQQ"):
                    if r["date"] > "2025-11-14":
                        continue  # clean unadjusted stretch only
                    c = float(r["close_unadjusted"]); h = l = float("nan")
                else:
                    if not r.get("close"):
                        continue
                    c, h, l = float(r["close"]), float(r["high"]), float(r["low"])
                self.dates.append(r["date"][:10]); self.c.append(c); self.h.append(h); self.l.append(l)
                v = r.get("volume")
                prov = t in ("^RUT", "^DJI") and v is not None and float(v) == 0
                if prov and DROP_PROVISIONAL:
                    self.dates.pop(); self.c.pop(); self.h.pop(); self.l.pop()

    def i(self, d):
        k = bisect.bisect_left(self.dates, d)
        if k >= len(self.dates) or self.dates[k] != d:
            raise KeyError(f"{self.t}: no row for {d}")
        return k

    def last_on_or_before(self, d):
        k = bisect.bisect_right(self.dates, d) - 1
        return k


def S(t):
    if t not in _cache:
        _cache[t] = Series(t)
    return _cache[t]




def close(t, d):
    s = S(t); k = s.i(d); return s.c[k]


def high(t, d):
    s = S(t); k = s.i(d); return s.h[k]


def low(t, d):
    s = S(t); k = s.i(d); return s.l[k]


def prev_day(t, d):
    s = S(t); return s.dates[s.i(d) - 1]


def period_end_before(t, d):
    """Last trading date strictly before calendar date d (YYYY-MM-DD)."""
    s = S(t); k = bisect.bisect_left(s.dates, d) - 1; return s.dates[k]


def pct(t, d0, d1):
    return (close(t, d1) / close(t, d0) - 1) * 100


def pts(t, d0, d1):
    return close(t, d1) - close(t, d0)


def day_pct(t, d):
    return pct(t, prev_day(t, d), d)


def day_pts(t, d):
    return pts(t, prev_day(t, d), d)


def intraday_high_pct(t, d):
    return (high(t, d) / close(t, prev_day(t, d)) - 1) * 100


def intraday_low_pct(t, d):
    return (low(t, d) / close(t, prev_day(t, d)) - 1) * 100


def is_record_close(t, d):
    s = S(t); k = s.i(d); return s.c[k] > max(s.c[:k])


def last_close_at_or_above(t, d):
    """Most recent earlier date whose close >= close on d (None if record)."""
    s = S(t); k = s.i(d)
    for j in range(k - 1, -1, -1):
        if s.c[j] >= s.c[k]: return s.dates[j]
    return None


def last_close_at_or_below(t, d):
    s = S(t); k = s.i(d)
    for j in range(k - 1, -1, -1):
        if s.c[j] <= s.c[k]: return s.dates[j]
    return None


def last_bigger_move(t, d):
    """Most recent earlier date with a daily % move at least as extreme (same direction)."""
    s = S(t); k = s.i(d)
    m = s.c[k] / s.c[k - 1] - 1
    for j in range(k - 1, 0, -1):
        mj = s.c[j] / s.c[j - 1] - 1
        if (m < 0 and mj <= m) or (m > 0 and mj >= m): return s.dates[j]
    return None


def streak(t, d):
    """Signed count of consecutive up (+) or down (-) closes ending on d."""
    s = S(t); k = s.i(d)
    sign = 1 if s.c[k] > s.c[k - 1] else -1
    n = 0
    while k > 0 and (s.c[k] - s.c[k - 1]) * sign > 0:
        n += 1; k -= 1
    return n * sign


def rel_streak(a, b, d):
    """Consecutive sessions ending on d in which a's daily % change exceeded b's."""
    n = 0; dd = d
    while day_pct(a, dd) > day_pct(b, dd):
        n += 1; dd = prev_day(a, dd)
        assert prev_day(b, S(b).dates[S(b).i(dd) + 1]) == dd
    return n


def count_down(t, d, n):
    s = S(t); k = s.i(d)
    return sum(1 for j in range(k - n + 1, k + 1) if s.c[j] < s.c[j - 1])


def count_up(t, d, n):
    return n - count_down(t, d, n)


def record_closes_between(t, d0, d1):
    """Number of record closes (close above every earlier close in file) with d0 <= date <= d1."""
    s = S(t); n = 0; mx = float("-inf")
    for j, dj in enumerate(s.dates):
        if dj > d1:
            break
        if s.c[j] > mx:
            if dj >= d0:
                n += 1
            mx = s.c[j]
    return n


def month_end_close_dates(t, ym_from, ym_to):
    s = S(t); out = []
    for j, dj in enumerate(s.dates):
        if ym_from <= dj[:7] <= ym_to and (j + 1 == len(s.dates) or s.dates[j + 1][:7] != dj[:7]):
            out.append(dj)
    return out


def monthly_win_streak(t, last_month):
    """Consecutive monthly gains ending with month last_month (YYYY-MM)."""
    s = S(t)
    ends = [dj for j, dj in enumerate(s.dates) if j + 1 == len(s.dates) or s.dates[j + 1][:7] != dj[:7]]
    k = [e[:7] for e in ends].index(last_month); n = 0
    while close(t, ends[k]) > close(t, ends[k - 1]):
        n += 1; k -= 1
    return n


def max_close_between(t, d0, d1):
    s = S(t); best = None
    for j, dj in enumerate(s.dates):
        if d0 <= dj <= d1 and (best is None or s.c[j] > s.c[best]):
            best = j
    return s.dates[best], s.c[best]


def min_close_between(t, d0, d1):
    s = S(t); best = None
    for j, dj in enumerate(s.dates):
        if d0 <= dj <= d1 and (best is None or s.c[j] < s.c[best]):
            best = j
    return s.dates[best], s.c[best]
