"""Helpers for the dev6 claim-check gold (adapted from dev5's g5lib.py): load daily closes (plain csv), compute measures, judge claims.

Imported by make_gold.py. No pandas: runs on any Python 3.8+.
"""
import bisect
import csv
import datetime as dt
import os

ROOT = os.path.join(os.environ.get("FINNEWS_DATA", "/work/shared"), "market")
G = "guydekowski_market-lab"
A = "alitalbi_storage_data_fy"
Y = "YoussefKh200_Slow-Turtle-Research"
D = "dsturdy_Factor_Attribution"

# primary source first, cross-check sources after
SOURCES = {
    "^GSPC": [(G, "GSPC.csv"), (Y, "^GSPC.csv")],
    "^IXIC": [(G, "IXIC.csv")],
    "^NDX": [(Y, "^NDX.csv")],
    "^DJI": [(A, "^DJI.csv")],
    "^RUT": [(A, "^RUT.csv")],
    "^VIX": [(A, "^VIX.csv"), (G, "VIX.csv")],
    "SPY": [(G, "SPY.csv"), (A, "SPY.csv"), (Y, "SPY.csv"), (D, "SPY.csv")],
    "QQQ": [(G, "QQQ.csv"), (A, "QQQ.csv"), (Y, "QQQ.csv"), (D, "QQQ.csv")],
    "IWM": [(G, "IWM.csv"), (A, "IWM.csv"), (Y, "IWM.csv"), (D, "IWM.csv")],
    "DIA": [(G, "DIA.csv"), (Y, "DIA.csv"), (D, "DIA.csv")],
}
for _t in ["NVDA", "AAPL", "MSFT", "AVGO", "ORCL"]:
    SOURCES[_t] = [(G, _t + ".csv"), (D, _t + ".csv")]
for _t in ["IWB", "VB", "IJR", "IWN", "IWO", "VBR", "VTI", "ONEQ", "ALAB", "CRDO", "AI", "SOUN", "STRL"]:
    SOURCES[_t] = [(D, _t + ".csv")]
# the last row of these files is an intraday snapshot (PROVENANCE.md): dropped
INTRADAY_LAST_ROW = {Y, D}
VOL0_SYMS = {"^RUT.csv", "^DJI.csv"}


class NoColumn(Exception):
    pass


class Series:
    def __init__(self, rows, label):
        rows.sort()
        self.label = label
        self.dates = [r[0] for r in rows]
        self.close = [r[1] for r in rows]
        self.high = [r[2] for r in rows]
        self.low = [r[3] for r in rows]
        self.idx = {d: i for i, d in enumerate(self.dates)}

    def i(self, d):
        if d not in self.idx:
            raise KeyError(f"{self.label}: no row {d}")
        return self.idx[d]

    def i_on_or_before(self, d):
        return bisect.bisect_right(self.dates, d) - 1

    def i_before(self, d):
        return bisect.bisect_left(self.dates, d) - 1


_cache = {}


def load(src, fn, drop_vol0=False):
    key = (src, fn, drop_vol0)
    if key in _cache:
        return _cache[key]
    rows = []
    with open(os.path.join(ROOT, src, fn), newline="") as f:
        for r in csv.DictReader(f):
            r = {k.lower(): v for k, v in r.items()}
            if not r.get("close"):
                continue
            if drop_vol0 and "volume" in r and r["volume"] not in ("", None) and float(r["volume"]) == 0:
                continue
            hi = float(r["high"]) if r.get("high") else None
            lo = float(r["low"]) if r.get("low") else None
            rows.append((r["date"][:10], float(r["close"]), hi, lo))
    if src in INTRADAY_LAST_ROW:
        rows.sort()
        rows = rows[:-1]
    s = Series(rows, f"{src}/{fn}" + ("[vol0 dropped]" if drop_vol0 else ""))
    _cache[key] = s
    return s


def variants(sym):
    out = []
    for src, fn in SOURCES[sym]:
        out.append(load(src, fn))
        if fn in VOL0_SYMS:
            out.append(load(src, fn, True))
    return out


def pct(a, b):
    return (b / a - 1) * 100


# ---------------------------------------------------------------- measures
# each: (series, *args) -> (value, window_start, window_end)

def m_close(s, d):
    return s.close[s.i(d)], d, d


def m_day_pct(s, d):
    i = s.i(d)
    return pct(s.close[i - 1], s.close[i]), s.dates[i - 1], d


def m_day_pts(s, d):
    i = s.i(d)
    return s.close[i] - s.close[i - 1], s.dates[i - 1], d


def m_intraday_pct(s, d, side):
    i = s.i(d)
    col = s.high if side == "high" else s.low
    if col[i] is None:
        raise NoColumn
    return pct(s.close[i - 1], col[i]), s.dates[i - 1], d


def _period(s, start, end):
    i0 = s.i_before(start)
    i1 = s.i_on_or_before(end)
    assert s.dates[i1] >= start, (s.label, start, end)
    return i0, i1


def m_period_pct(s, start, end):
    """From the last close before `start` to the last close on/before `end`."""
    i0, i1 = _period(s, start, end)
    return pct(s.close[i0], s.close[i1]), s.dates[i0], s.dates[i1]


def m_period_pts(s, start, end):
    i0, i1 = _period(s, start, end)
    return s.close[i1] - s.close[i0], s.dates[i0], s.dates[i1]


def m_since_pct(s, ref, end):
    """From the close of `ref` itself to the last close on/before `end`."""
    i0 = s.i(ref)
    i1 = s.i_on_or_before(end)
    return pct(s.close[i0], s.close[i1]), ref, s.dates[i1]


def _move(s, i):
    return s.close[i] / s.close[i - 1] - 1


def m_streak(s, d, direction):
    i = s.i(d)
    n = 0
    while i > 0 and ((_move(s, i) > 0) if direction == "up" else (_move(s, i) < 0)):
        n += 1
        i -= 1
    return n, s.dates[i], d


def m_is_record(s, d):
    i = s.i(d)
    return s.close[i] > max(s.close[:i]), s.dates[0], d


def m_is_record_low_since(s, d, since):
    """Lowest close since `since` (inclusive)?"""
    i = s.i(d)
    j = s.i(since)
    return s.close[i] < min(s.close[j:i]), since, d


def m_record_count(s, start, end):
    """Number of record closes (above every earlier close) in [start, end]."""
    n = 0
    i0, i1 = bisect.bisect_left(s.dates, start), s.i_on_or_before(end)
    run = max(s.close[:i0])
    for i in range(i0, i1 + 1):
        if s.close[i] > run:
            n += 1
            run = s.close[i]
    return n, start, s.dates[i1]


def m_last_bigger_move(s, d, direction):
    """Date of the most recent earlier day with a move at least as big in the same direction."""
    i = s.i(d)
    m = _move(s, i)
    for j in range(i - 1, 0, -1):
        mj = _move(s, j)
        if (direction == "down" and mj <= m) or (direction == "up" and mj >= m):
            return s.dates[j], s.dates[j], d
    return "none", s.dates[0], d


def m_last_higher_close(s, d):
    i = s.i(d)
    for j in range(i - 1, -1, -1):
        if s.close[j] >= s.close[i]:
            return s.dates[j], s.dates[j], d
    return "none", s.dates[0], d


def m_last_lower_close(s, d):
    i = s.i(d)
    for j in range(i - 1, -1, -1):
        if s.close[j] <= s.close[i]:
            return s.dates[j], s.dates[j], d
    return "none", s.dates[0], d


def _week_ends(s):
    """Index of the last trading day of each ISO week."""
    out = []
    for i, d in enumerate(s.dates):
        wk = dt.date.fromisoformat(d).isocalendar()[:2]
        if out and out[-1][0] == wk:
            out[-1] = (wk, i)
        else:
            out.append((wk, i))
    return [i for _, i in out]


def m_week_pct(s, d):
    """Change of the ISO week whose last trading day is d (from the prior week's last close)."""
    ends = _week_ends(s)
    k = ends.index(s.i(d))
    return pct(s.close[ends[k - 1]], s.close[ends[k]]), s.dates[ends[k - 1]], d


def m_last_bigger_week(s, d, direction):
    """End date of the most recent earlier week with a change at least as big in the same direction."""
    ends = _week_ends(s)
    k = ends.index(s.i(d))
    ch = lambda k: s.close[ends[k]] / s.close[ends[k - 1]] - 1  # noqa: E731
    m = ch(k)
    for j in range(k - 1, 0, -1):
        if (direction == "up" and ch(j) >= m) or (direction == "down" and ch(j) <= m):
            return s.dates[ends[j]], s.dates[ends[j]], d
    return "none", s.dates[0], d


def _month_ends(s):
    out = []
    for i, d in enumerate(s.dates):
        if out and out[-1][0] == d[:7]:
            out[-1] = (d[:7], i)
        else:
            out.append((d[:7], i))
    return out


def _month_change(s, ym):
    me = _month_ends(s)
    keys = [k for k, _ in me]
    k = keys.index(ym)
    return s.close[me[k][1]] / s.close[me[k - 1][1]] - 1, me, k


def m_last_better_month(s, ym, direction, same_month=False):
    """Month (YYYY-MM) of the most recent earlier month (optionally the same calendar month only) with a
    change at least as big in the same direction."""
    m, me, k = _month_change(s, ym)
    for j in range(k - 1, 0, -1):
        if same_month and me[j][0][5:] != ym[5:]:
            continue
        c = s.close[me[j][1]] / s.close[me[j - 1][1]] - 1
        if (direction == "up" and c >= m) or (direction == "down" and c <= m):
            return me[j][0], s.dates[me[k - 1][1]], s.dates[me[k][1]]
    return "none", s.dates[me[k - 1][1]], s.dates[me[k][1]]


def m_month_rank_in_year(s, ym):
    """Rank of month ym's change among the months of its year so far (1 = best)."""
    m, me, k = _month_change(s, ym)
    n = 1
    for j in range(1, len(me)):
        if me[j][0][:4] == ym[:4] and me[j][0] != ym:
            c = s.close[me[j][1]] / s.close[me[j - 1][1]] - 1
            if c > m:
                n += 1
    return n, s.dates[me[k - 1][1]], s.dates[me[k][1]]


def m_count_up(s, start, end):
    """Number of up closes among the sessions in [start, end]."""
    i0, i1 = bisect.bisect_left(s.dates, start), s.i_on_or_before(end)
    return sum(1 for i in range(i0, i1 + 1) if _move(s, i) > 0), s.dates[i0 - 1], s.dates[i1]


def m_drawdown(s, peak_start, peak_end, d):
    """close(d) / highest close in [peak_start, peak_end] - 1, in %."""
    i0, i1 = bisect.bisect_left(s.dates, peak_start), s.i_on_or_before(peak_end)
    j = max(range(i0, i1 + 1), key=lambda x: s.close[x])
    return pct(s.close[j], s.close[s.i(d)]), s.dates[j], d


def m_rebound(s, low_start, low_end, d):
    """close(d) / lowest close in [low_start, low_end] - 1, in %."""
    i0, i1 = bisect.bisect_left(s.dates, low_start), s.i_on_or_before(low_end)
    j = min(range(i0, i1 + 1), key=lambda x: s.close[x])
    return pct(s.close[j], s.close[s.i(d)]), s.dates[j], d


def m_range_pct(s, d):
    """Intraday high-low range as % of the previous close."""
    i = s.i(d)
    if s.high[i] is None:
        raise NoColumn
    return (s.high[i] - s.low[i]) / s.close[i - 1] * 100, s.dates[i - 1], d


def m_record_streak(s, d):
    """Number of consecutive record closes ending on d."""
    i = s.i(d)
    n = 0
    while i > 0 and s.close[i] > max(s.close[:i]):
        n += 1
        i -= 1
    return n, s.dates[i], d


def m_month_streak(s, ym, direction):
    """Number of consecutive monthly gains (losses) ending with month ym."""
    me = _month_ends(s)
    k = [m for m, _ in me].index(ym)
    n = 0
    while k > 0:
        c = s.close[me[k][1]] / s.close[me[k - 1][1]] - 1
        if (c > 0) if direction == "up" else (c < 0):
            n += 1
            k -= 1
        else:
            break
    return n, s.dates[me[k][1]], s.dates[me[[m for m, _ in me].index(ym)][1]]



# ---------------------------------------------------------------- rules
PCT = {"day_pct", "period_pct", "since_pct", "intraday_pct", "drawdown", "rebound", "week_pct", "range_pct"}
PTS = {"day_pts", "period_pts"}
LEVEL = {"close"}


def num(x):
    return float(str(x).replace(",", "").replace("+", ""))


def decimals(x):
    x = str(x).replace(",", "")
    return len(x.split(".")[1]) if "." in x else 0


def holds(v, a, mode):
    if mode == "eq":
        return v == a
    if mode == "in":  # a date / month string within [lo, hi]
        return a[0] <= v <= a[1]
    if mode == "ge":  # an integer at least a
        return v >= a
    n = num(a)
    if mode == "num":
        return abs(v - n) <= 0.5 * 10 ** (-decimals(a)) + 1e-9
    if mode == "about":
        return abs(v - n) <= max(0.3, 0.03 * abs(n))
    if mode == "nearly":
        return v * n > 0 and abs(n) - max(0.3, 0.03 * abs(n)) <= abs(v) < abs(n)
    if mode == "more_than":
        return v * n > 0 and abs(v) > abs(n)
    if mode == "less_than":
        return v * n >= 0 and abs(v) < abs(n)
    if mode == "sign":
        return v * n > 0
    raise ValueError(mode)


def clearly_wrong(v, a, mode, measure):
    if mode in ("eq", "in", "ge"):
        return not holds(v, a, mode)
    n = num(a)
    if mode == "sign":
        return v * n < 0
    if measure in LEVEL:
        return abs(v - n) / abs(v) > 0.005
    if v * n < 0:
        return True
    if mode == "more_than":
        gap = abs(n) - abs(v)
    elif mode == "less_than":
        gap = abs(v) - abs(n)
    else:
        gap = abs(v - n)
    if measure in PCT:
        return gap > 1.0 or gap > 0.25 * abs(v)
    if measure in PTS:
        return gap > 0.25 * abs(v)
    raise ValueError(measure)


# ---------------------------------------------------------------- dev6 additions (more measures)

def m_count_down(s, start, end):
    """Number of down closes among the sessions in [start, end]."""
    i0, i1 = bisect.bisect_left(s.dates, start), s.i_on_or_before(end)
    return sum(1 for i in range(i0, i1 + 1) if _move(s, i) < 0), s.dates[i0 - 1], s.dates[i1]


def _year_back(d):
    x = dt.date.fromisoformat(d)
    try:
        return x.replace(year=x.year - 1).isoformat()
    except ValueError:  # Feb 29
        return (x - dt.timedelta(days=365)).isoformat()


def m_is_52w_high(s, d):
    """Close above every close of the previous 52 weeks (dates after d minus one year, d excluded)."""
    i = s.i(d)
    j = bisect.bisect_right(s.dates, _year_back(d))
    return s.close[i] > max(s.close[j:i]), s.dates[j], d


def m_is_52w_low(s, d):
    i = s.i(d)
    j = bisect.bisect_right(s.dates, _year_back(d))
    return s.close[i] < min(s.close[j:i]), s.dates[j], d


def m_from_52w_high(s, d):
    """close(d) / highest close of the 52 weeks ending on d (inclusive) - 1, in %."""
    i = s.i(d)
    j = bisect.bisect_right(s.dates, _year_back(d))
    return pct(max(s.close[j:i + 1]), s.close[i]), s.dates[j], d


def m_week_streak(s, d, direction):
    """Consecutive weekly (ISO week) gains / losses ending with the week whose last trading day is d."""
    ends = _week_ends(s)
    k0 = k = ends.index(s.i(d))
    n = 0
    while k > 0:
        c = s.close[ends[k]] / s.close[ends[k - 1]] - 1
        if (c > 0) if direction == "up" else (c < 0):
            n += 1
            k -= 1
        else:
            break
    return n, s.dates[ends[k]], s.dates[ends[k0]]


def _quarter_ends(s):
    out = []
    for i, d in enumerate(s.dates):
        q = f"{d[:4]}Q{(int(d[5:7]) - 1) // 3 + 1}"
        if out and out[-1][0] == q:
            out[-1] = (q, i)
        else:
            out.append((q, i))
    return out


def m_quarter_pct(s, q):
    """Change of calendar quarter q ('2024Q2') from the prior quarter's last close."""
    qe = _quarter_ends(s)
    k = [x for x, _ in qe].index(q)
    return pct(s.close[qe[k - 1][1]], s.close[qe[k][1]]), s.dates[qe[k - 1][1]], s.dates[qe[k][1]]


def m_last_better_quarter(s, q, direction):
    """Quarter ('YYYYQn') of the most recent earlier quarter with a change at least as big in the same direction."""
    qe = _quarter_ends(s)
    k = [x for x, _ in qe].index(q)
    ch = lambda k: s.close[qe[k][1]] / s.close[qe[k - 1][1]] - 1  # noqa: E731
    m = ch(k)
    for j in range(k - 1, 0, -1):
        if (direction == "up" and ch(j) >= m) or (direction == "down" and ch(j) <= m):
            return qe[j][0], s.dates[qe[k - 1][1]], s.dates[qe[k][1]]
    return "none", s.dates[qe[k - 1][1]], s.dates[qe[k][1]]


def m_last_better_ytd(s, d, direction):
    """Year of the most recent earlier year whose change from its prior year-end to the same month-day was at least
    as big in the same direction ("best first half since 2021" with d = that year's last June session)."""
    i = s.i(d)
    y = int(d[:4])
    md = d[5:]

    def ytd(year):
        i0 = s.i_before(f"{year}-01-01")
        i1 = s.i_on_or_before(f"{year}-{md}")
        if i0 < 0 or s.dates[i1][:4] != str(year):
            return None
        return s.close[i1] / s.close[i0] - 1

    m = ytd(y)
    for yr in range(y - 1, int(s.dates[0][:4]), -1):
        c = ytd(yr)
        if c is None:
            continue
        if (direction == "up" and c >= m) or (direction == "down" and c <= m):
            return str(yr), s.dates[s.i_before(f"{y}-01-01")], d
    return "none", s.dates[s.i_before(f"{y}-01-01")], d


def m_last_bigger_pts_move(s, d, direction):
    """Date of the most recent earlier day with a point move at least as big in the same direction."""
    i = s.i(d)
    m = s.close[i] - s.close[i - 1]
    for j in range(i - 1, 0, -1):
        mj = s.close[j] - s.close[j - 1]
        if (direction == "down" and mj <= m) or (direction == "up" and mj >= m):
            return s.dates[j], s.dates[j], d
    return "none", s.dates[0], d


def m_last_move_beyond(s, d, thr):
    """Date of the most recent day before d with a daily move of at least `thr` % in thr's direction
    ("the first 2% drop since ..." with thr = -2)."""
    i = s.i(d)
    for j in range(i - 1, 0, -1):
        mj = _move(s, j) * 100
        if (thr < 0 and mj <= thr) or (thr > 0 and mj >= thr):
            return s.dates[j], s.dates[j], d
    return "none", s.dates[0], d


MEASURES = {k[2:]: v for k, v in globals().items() if k.startswith("m_")}
PCT |= {"from_52w_high", "quarter_pct"}


def evaluate(chk):
    """Compute one check on every source (and every pairing, for relative A|B); all must agree."""
    sym, measure, args = chk["sym"], chk["measure"], chk["args"]
    fn = MEASURES[measure]
    dates = [a for a in args if isinstance(a, str) and len(a) == 10 and a[4] == "-"]
    res = []
    if "|" in sym:
        sa, sb = sym.split("|")
        combos = [(x, y) for x in variants(sa) for y in variants(sb)]
    else:
        combos = [(x,) for x in variants(sym)]
    for combo in combos:
        if dates and any(max(dates) > s.dates[-1] for s in combo):
            continue
        try:
            outs = [fn(s, *args) for s in combo]
        except NoColumn:
            continue
        if len(outs) == 2:
            val = outs[0][0] - outs[1][0]
        else:
            val = outs[0][0]
        ws, we = outs[0][1], outs[0][2]
        res.append((" - ".join(s.label for s in combo), val, ws, we, holds(val, chk["a"], chk["mode"])))
    assert res, f"no source covers {chk}"
    oks = {r[4] for r in res}
    assert len(oks) == 1, f"sources disagree: {sym} {measure} {args}: {[(r[0], r[1]) for r in res]}"
    lab, val, ws, we, ok = res[0]
    return dict(ok=ok, value=val, ws=ws, we=we, source=lab, n=len(res))
