"""Helpers for dev4 gold: load closes, compute measures (pandas)."""
import os
import pandas as pd

ROOT = os.path.join(os.environ.get("FINNEWS_DATA", "/work/shared"), "market")
G, A, Y, D = "guydekowski_market-lab", "alitalbi_storage_data_fy", "YoussefKh200_Slow-Turtle-Research", "dsturdy_Factor_Attribution"
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
for t in ["NVDA", "AAPL", "MSFT", "AVGO", "ORCL"]:
    SOURCES[t] = [(G, t + ".csv"), (D, t + ".csv")]
LAST_ROW_INTRADAY = {(Y, "^GSPC.csv"), (Y, "^NDX.csv"), (Y, "SPY.csv"), (Y, "QQQ.csv"), (Y, "IWM.csv"), (Y, "DIA.csv")} | {(D, t) for t in ["SPY.csv","QQQ.csv","IWM.csv","DIA.csv","NVDA.csv","AAPL.csv","MSFT.csv","AVGO.csv","ORCL.csv"]}
_cache = {}

def load(src, fn, drop_vol0=False):
    key = (src, fn, drop_vol0)
    if key in _cache:
        return _cache[key]
    df = pd.read_csv(os.path.join(ROOT, src, fn))
    df.columns = [c.lower() for c in df.columns]
    df["date"] = pd.to_datetime(df["date"])
    df = df.set_index("date").sort_index()
    if (src, fn) in LAST_ROW_INTRADAY:
        df = df.iloc[:-1]
    if drop_vol0 and "volume" in df and fn.startswith("^") and fn in ("^RUT.csv", "^DJI.csv"):
        df = df[df["volume"] != 0]
    _cache[key] = df
    return df

def variants(sym):
    """All (label, frame) series for a symbol: each source, and for ^RUT/^DJI with volume-0 rows kept and dropped."""
    out = []
    for src, fn in SOURCES[sym]:
        out.append((f"{src}/{fn}", load(src, fn)))
        if fn in ("^RUT.csv", "^DJI.csv"):
            out.append((f"{src}/{fn}[vol0 dropped]", load(src, fn, True)))
    return out

def ts(d):
    return pd.Timestamp(d)

def close_on(df, d):
    d = ts(d)
    if d not in df.index:
        raise KeyError(f"no row {d.date()}")
    return float(df.at[d, "close"])

def prev_date(df, d):
    i = df.index.get_loc(ts(d))
    return df.index[i - 1]

def last_on_or_before(df, d):
    return df.index[df.index <= ts(d)][-1]

def last_before(df, d):
    return df.index[df.index < ts(d)][-1]

def pct(a, b):
    return (b / a - 1) * 100


# ---------------------------------------------------------------- measures
# each returns (value, window_start, window_end); value is a float, int, bool or date string

def m_day_pct(df, d):
    p = prev_date(df, d)
    return pct(close_on(df, p), close_on(df, d)), p, ts(d)

def m_day_pts(df, d):
    p = prev_date(df, d)
    return close_on(df, d) - close_on(df, p), p, ts(d)

def m_close(df, d):
    return close_on(df, d), ts(d), ts(d)

def m_period_pct(df, start, end):
    """Change over a calendar window [start, end]: base = last close before start, end = last close on/before end."""
    b, e = last_before(df, start), last_on_or_before(df, end)
    return pct(close_on(df, b), close_on(df, e)), b, e

def m_period_pts(df, start, end):
    b, e = last_before(df, start), last_on_or_before(df, end)
    return close_on(df, e) - close_on(df, b), b, e

def m_since_pct(df, d0, d1):
    """'since <d0>': from d0's close to d1's close."""
    return pct(close_on(df, d0), close_on(df, d1)), ts(d0), ts(d1)

class NoColumn(Exception):
    pass

def _col(df, c):
    if c not in df.columns:
        raise NoColumn(c)

def m_intraday_pct(df, d, side):
    _col(df, side)
    p = prev_date(df, d)
    return pct(close_on(df, p), float(df.at[ts(d), side])), p, ts(d)

def m_intraday_pts(df, d, side):
    _col(df, side)
    p = prev_date(df, d)
    return float(df.at[ts(d), side]) - close_on(df, p), p, ts(d)

def m_is_record(df, d):
    c = close_on(df, d)
    earlier = df.loc[: ts(d) - pd.Timedelta(days=1), "close"]
    return bool(c > earlier.max()), earlier.index[0], ts(d)

def m_last_at_least(df, d, direction="high", what="close"):
    """Date of the most recent earlier day whose close was >= (high) / <= (low) this close ('highest close since ...')."""
    c = close_on(df, d)
    earlier = df.loc[: ts(d) - pd.Timedelta(days=1), "close"]
    hit = earlier[earlier >= c] if direction == "high" else earlier[earlier <= c]
    return (hit.index[-1].strftime("%Y-%m-%d") if len(hit) else "none"), (hit.index[-1] if len(hit) else earlier.index[0]), ts(d)

def m_last_bigger_move(df, d, direction="up"):
    """Date of the most recent earlier day with a daily % move at least as big (same direction)."""
    r = df["close"].pct_change()
    v = r.loc[ts(d)]
    earlier = r.loc[: ts(d) - pd.Timedelta(days=1)]
    hit = earlier[earlier >= v] if direction == "up" else earlier[earlier <= v]
    return (hit.index[-1].strftime("%Y-%m-%d") if len(hit) else "none"), (hit.index[-1] if len(hit) else earlier.index[1]), ts(d)

def m_last_bigger_pts(df, d, direction="up"):
    r = df["close"].diff()
    v = r.loc[ts(d)]
    earlier = r.loc[: ts(d) - pd.Timedelta(days=1)]
    hit = earlier[earlier >= v] if direction == "up" else earlier[earlier <= v]
    return (hit.index[-1].strftime("%Y-%m-%d") if len(hit) else "none"), (hit.index[-1] if len(hit) else earlier.index[1]), ts(d)

def m_streak(df, d, direction="down"):
    """Number of consecutive up (down) closes ending on d."""
    r = df["close"].diff().loc[: ts(d)]
    n = 0
    for v in r.iloc[::-1]:
        if (v < 0 if direction == "down" else v > 0):
            n += 1
        else:
            break
    return n, r.index[-n - 1] if n else ts(d), ts(d)

def m_count(df, start, end, direction="up"):
    r = df["close"].diff().loc[ts(start): ts(end)]
    return int((r > 0).sum() if direction == "up" else (r < 0).sum()), ts(start), ts(end)

def m_drawdown(df, peak_date, d):
    return pct(close_on(df, peak_date), close_on(df, d)), ts(peak_date), ts(d)

def m_peak_date(df, start, end):
    s = df.loc[ts(start): ts(end), "close"]
    return s.idxmax().strftime("%Y-%m-%d"), ts(start), ts(end)

def m_trough_date(df, start, end):
    s = df.loc[ts(start): ts(end), "close"]
    return s.idxmin().strftime("%Y-%m-%d"), ts(start), ts(end)

MEASURES = {k[2:]: v for k, v in globals().items() if k.startswith("m_")}

def m_high(df, d):
    _col(df, "high")
    return float(df.at[ts(d), "high"]), ts(d), ts(d)

def m_low(df, d):
    _col(df, "low")
    return float(df.at[ts(d), "low"]), ts(d), ts(d)

MEASURES.update(high=m_high, low=m_low)

def m_rank_move(df, d, direction="up"):
    """Rank of the day's % move among all days in the file up to d (1 = biggest gain / loss)."""
    r = df["close"].pct_change().loc[: ts(d)].dropna()
    v = r.loc[ts(d)]
    n = int((r > v).sum() if direction == "up" else (r < v).sum()) + 1
    return n, r.index[0], ts(d)

MEASURES.update(rank_move=m_rank_move)
