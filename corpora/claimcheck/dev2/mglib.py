"""Price-data helpers for make_gold.py (plain csv, no pandas)."""
import csv, os, datetime as dt

ROOT = os.path.join(os.environ.get("FINNEWS_DATA", "/work/shared"), "market")
FILES = {
    "^RUT": ("alitalbi_storage_data_fy/^RUT.csv", "Date", "Close", "High", "Low", "Volume"),
    "^DJI": ("alitalbi_storage_data_fy/^DJI.csv", "Date", "Close", "High", "Low", "Volume"),
    "^VIX": ("alitalbi_storage_data_fy/^VIX.csv", "Date", "Close", "High", "Low", None),
    "^GSPC": ("guydekowski_market-lab/GSPC.csv", "date", "close", "high", "low", None),
    "^IXIC": ("guydekowski_market-lab/IXIC.csv", "date", "close", "high", "low", None),
    "NVDA": ("guydekowski_market-lab/NVDA.csv", "date", "close", "high", "low", None),
    "AAPL": ("guydekowski_market-lab/AAPL.csv", "date", "close", "high", "low", None),
    "MSFT": ("guydekowski_market-lab/MSFT.csv", "date", "close", "high", "low", None),
    "AVGO": ("guydekowski_market-lab/AVGO.csv", "date", "close", "high", "low", None),
    "ORCL": ("guydekowski_market-lab/ORCL.csv", "date", "close", "high", "low", None),
    "IWM": ("derived/IWM_close_unadjusted_2025-07-14_to_2026-02-23.csv", "Date", "close_unadjusted", None, None, None),
    "SPY": ("derived/SPY_close_unadjusted_2025-07-14_to_2026-02-23.csv", "Date", "close_unadjusted", None, None, None),
}
# level claims on ETFs only inside this window (derived file is reliable there)
ETF_LEVEL_WINDOW = ("2025-07-14", "2025-11-14")
_cache = {}


class Series:
    def __init__(self, sym):
        path, dc, cc, hc, lc, vc = FILES[sym]
        self.sym = sym
        self.dates, self.close, self.high, self.low, self.zero_vol = [], [], [], [], set()
        with open(os.path.join(ROOT, path), newline="") as f:
            for r in csv.DictReader(f):
                if not r[cc]:
                    continue
                d = r[dc][:10]
                self.dates.append(d)
                self.close.append(float(r[cc]))
                self.high.append(float(r[hc]) if hc else None)
                self.low.append(float(r[lc]) if lc else None)
                if vc and float(r[vc] or 0) == 0 and d >= "2015-01-01":
                    self.zero_vol.add(d)
        self.idx = {d: i for i, d in enumerate(self.dates)}
        self.used = set()

    def i(self, d):
        if d not in self.idx:
            raise KeyError(f"{self.sym}: no row for {d}")
        if d in self.zero_vol:
            raise ValueError(f"{self.sym}: {d} is a volume-0 (possibly preliminary) row")
        return self.idx[d]

    def last_on_or_before(self, d):
        j = max(k for k, x in enumerate(self.dates) if x <= d)
        return self.dates[j]

    def last_before(self, d):
        j = max(k for k, x in enumerate(self.dates) if x < d)
        return self.dates[j]

    def c(self, d):
        return self.close[self.i(d)]

    def prev(self, d):
        return self.dates[self.i(d) - 1]


def S(sym):
    if sym not in _cache:
        _cache[sym] = Series(sym)
    return _cache[sym]


def pct(a, b):
    return (b / a - 1.0) * 100.0


def day_pct(sym, d):
    s = S(sym)
    return pct(s.c(s.prev(d)), s.c(d))


def change_pts(sym, d):
    s = S(sym)
    return s.c(d) - s.c(s.prev(d))


def span_pct(sym, base_date, end_date):
    """% change from close of base_date to close of end_date."""
    s = S(sym)
    return pct(s.c(base_date), s.c(end_date))


def period_pct(sym, first_day, end_date):
    """% change over a period starting first_day (calendar) through end_date: base = last close before first_day."""
    s = S(sym)
    base = s.last_before(first_day)
    end = s.last_on_or_before(end_date)
    return pct(s.c(base), s.c(end))


def intraday_low_pct(sym, d):
    s = S(sym)
    return pct(s.c(s.prev(d)), s.low[s.i(d)])


def intraday_high_pct(sym, d):
    s = S(sym)
    return pct(s.c(s.prev(d)), s.high[s.i(d)])


def is_record_close(sym, d):
    s = S(sym)
    k = s.i(d)
    return s.close[k] > max(s.close[:k])


def last_higher_close_before(sym, d):
    """Most recent earlier date with close >= close(d) (None if record)."""
    s = S(sym)
    k = s.i(d)
    for j in range(k - 1, -1, -1):
        if s.close[j] >= s.close[k]:
            return s.dates[j]
    return None


def last_lower_close_before(sym, d):
    s = S(sym)
    k = s.i(d)
    for j in range(k - 1, -1, -1):
        if s.close[j] <= s.close[k]:
            return s.dates[j]
    return None


def last_bigger_gain_before(sym, d):
    s = S(sym)
    k = s.i(d)
    p = day_pct(sym, d)
    for j in range(k - 1, 0, -1):
        if pct(s.close[j - 1], s.close[j]) >= p:
            return s.dates[j]
    return None


def last_bigger_loss_before(sym, d):
    s = S(sym)
    k = s.i(d)
    p = day_pct(sym, d)
    for j in range(k - 1, 0, -1):
        if pct(s.close[j - 1], s.close[j]) <= p:
            return s.dates[j]
    return None


def day_streak(sym, d):
    """Signed length of the run of same-direction daily moves ending on d (+n gains, -n losses)."""
    s = S(sym)
    k = s.i(d)
    sign = 1 if s.close[k] > s.close[k - 1] else -1
    n = 0
    while k > 0 and (s.close[k] - s.close[k - 1]) * sign > 0:
        n += 1
        k -= 1
    return sign * n


def week_ends(sym, upto):
    """Last trading day of each ISO week, up to and including upto."""
    s = S(sym)
    out = {}
    for d in s.dates:
        if d > upto:
            break
        y, w, _ = dt.date.fromisoformat(d).isocalendar()
        out[(y, w)] = d
    return [out[k] for k in sorted(out)]


def week_streak(sym, d):
    ends = week_ends(sym, d)
    assert ends[-1] == d, (sym, d, ends[-1])
    s = S(sym)
    vals = [s.close[s.idx[e]] for e in ends]
    k = len(vals) - 1
    sign = 1 if vals[k] > vals[k - 1] else -1
    n = 0
    while k > 0 and (vals[k] - vals[k - 1]) * sign > 0:
        n += 1
        k -= 1
    return sign * n


def week_pct(sym, d):
    ends = week_ends(sym, d)
    assert ends[-1] == d
    return span_pct(sym, ends[-2], d)


def up_days(sym, d, n):
    """(#gains, #losses) in the n sessions ending d."""
    s = S(sym)
    k = s.i(d)
    ups = sum(1 for j in range(k - n + 1, k + 1) if s.close[j] > s.close[j - 1])
    return ups, n - ups
