"""Price look-ups and claim evaluation for make_gold.py (independent of the finnews tool)."""
import csv, os, datetime as dt
from decimal import Decimal

ROOT = os.path.join(os.environ.get("FINNEWS_DATA", "/work/shared"), "market")
FILES = {
    "^RUT": "alitalbi_storage_data_fy/^RUT.csv", "^DJI": "alitalbi_storage_data_fy/^DJI.csv",
    "^VIX": "alitalbi_storage_data_fy/^VIX.csv", "^GSPC": "guydekowski_market-lab/GSPC.csv",
    "^IXIC": "guydekowski_market-lab/IXIC.csv", "^NDX": "YoussefKh200_Slow-Turtle-Research/^NDX.csv",
    "NVDA": "guydekowski_market-lab/NVDA.csv", "AAPL": "guydekowski_market-lab/AAPL.csv",
    "MSFT": "guydekowski_market-lab/MSFT.csv", "AVGO": "guydekowski_market-lab/AVGO.csv",
    "ORCL": "guydekowski_market-lab/ORCL.csv",
    # ETFs: adjusted closes, used for % changes over windows without an ex-dividend date only
    "IWM": "guydekowski_market-lab/IWM.csv", "SPY": "guydekowski_market-lab/SPY.csv",
    "QQQ": "guydekowski_market-lab/QQQ.csv",
}
# unadjusted ETF closes (levels), clean stretch only
UNADJ = {t: f"derived/{t}_close_unadjusted_2025-07-14_to_2026-02-23.csv" for t in ("IWM", "SPY", "QQQ")}
UNADJ_RANGE = ("2025-07-14", "2025-11-14")
PROVISIONAL_OK = {"^VIX"}  # VIX rows always have volume 0 in this source

_cache = {}


def load(inst):
    """list of (date, close, high, low, volume) sorted by date."""
    if inst in _cache:
        return _cache[inst]
    rows = []
    with open(os.path.join(ROOT, FILES[inst]), newline="") as f:
        for r in csv.DictReader(f):
            r = {k.lower(): v for k, v in r.items()}
            if not r.get("close"):
                continue
            rows.append((r["date"][:10], float(r["close"]), float(r["high"]), float(r["low"]),
                         float(r.get("volume") or -1)))
    rows.sort()
    _cache[inst] = rows
    return rows


def unadj_close(etf, d):
    assert UNADJ_RANGE[0] <= d <= UNADJ_RANGE[1], f"{etf} level outside clean unadjusted stretch: {d}"
    with open(os.path.join(ROOT, UNADJ[etf]), newline="") as f:
        for r in csv.DictReader(f):
            if r["Date"] == d:
                return float(r["close_unadjusted"])
    raise KeyError((etf, d))


def dates(inst):
    return [r[0] for r in load(inst)]


def row(inst, d):
    for r in load(inst):
        if r[0] == d:
            if inst.startswith("^") and inst not in PROVISIONAL_OK and r[4] == 0:
                raise AssertionError(f"{inst} {d} is a volume-0 provisional row")
            return r
    raise KeyError(f"{inst} has no row for {d}")


def close(inst, d):
    return row(inst, d)[1]


def prev_day(inst, d):
    ds = [x for x in dates(inst) if x < d]
    return ds[-1]


def last_on_or_before(inst, d):
    return [x for x in dates(inst) if x <= d][-1]


# ---- windows: (reference date whose close is the base, end date) ----
def w_day(inst, d):
    return prev_day(inst, d), d


def w_week(inst, d):
    day = dt.date.fromisoformat(d)
    monday = day - dt.timedelta(days=day.weekday())
    friday = monday + dt.timedelta(days=4)
    return prev_day(inst, monday.isoformat()), last_on_or_before(inst, friday.isoformat())


def w_month(inst, ym, end=None):
    y, m = map(int, ym.split("-"))
    start = dt.date(y, m, 1).isoformat()
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return prev_day(inst, start), end or last_on_or_before(inst, nxt.isoformat())


def w_quarter(inst, y, q):
    m0 = 3 * (q - 1) + 1
    start = dt.date(y, m0, 1).isoformat()
    endm = dt.date(y + (q == 4), (m0 + 3 - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return prev_day(inst, start), last_on_or_before(inst, endm.isoformat())


def w_year(inst, y, end=None):
    return prev_day(inst, f"{y}-01-01"), end or last_on_or_before(inst, f"{y}-12-31")


def pct(inst, ref, end):
    return 100.0 * (close(inst, end) / close(inst, ref) - 1.0)


def closes_between(inst, a, b):
    """closes with a <= date <= b (checks provisional rows)."""
    return [(x, close(inst, x)) for x in dates(inst) if a <= x <= b]


def month_bounds(ym):
    y, m = map(int, ym.split("-"))
    last = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return f"{ym}-01", last.isoformat()


def period_bounds(p):
    """'2021-11' -> month; '2021-11-08' -> that day; '2021' -> year."""
    if len(p) == 7:
        return month_bounds(p)
    if len(p) == 4:
        return f"{p}-01-01", f"{p}-12-31"
    return p, p


def last_prior(inst, d, pred):
    """most recent date before d whose close satisfies pred(close)."""
    c = close(inst, d)
    for x, cx in reversed([(r[0], r[1]) for r in load(inst) if r[0] < d]):
        if pred(cx, c):
            return x
    return None


def weekly_returns(inst):
    out = {}
    rows = load(inst)
    by = {}
    for r in rows:
        k = dt.date.fromisoformat(r[0]).isocalendar()[:2]
        by.setdefault(k, []).append(r)
    keys = sorted(by)
    for i in range(1, len(keys)):
        out[by[keys[i]][-1][0]] = 100.0 * (by[keys[i]][-1][1] / by[keys[i - 1]][-1][1] - 1)
    return out


def daily_returns(inst):
    rows = load(inst)
    return {rows[i][0]: 100.0 * (rows[i][1] / rows[i - 1][1] - 1) for i in range(1, len(rows))}


def monthly_closes(inst):
    by = {}
    for r in load(inst):
        by[r[0][:7]] = r[1]
    return by


# ---- qualifiers ----
def unit_of(s):
    s = str(s).replace(",", "")
    d = Decimal(s).as_tuple().exponent
    return float(Decimal(1).scaleb(d)) if d < 0 else 1.0


def qual_ok(q, v, a, unit):
    eps = 1e-9
    if q == "eq":
        return abs(v - a) <= 0.5 * unit + eps
    if q == "about":
        return abs(v - a) <= 0.5 * unit + eps
    if q in ("nearly", "almost"):
        return a - 0.5 * unit - eps <= v < a
    if q in ("more_than", "above"):
        return v > a
    if q == "at_least":
        return v >= a - eps
    if q in ("less_than", "below"):
        return v < a
    raise ValueError(q)
