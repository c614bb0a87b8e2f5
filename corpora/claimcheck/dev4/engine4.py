"""Verdict engine for dev4 gold (imported by make_gold.py)."""
import re
import pandas as pd
from mglib4 import MEASURES, variants, ts, NoColumn

PCT_MEASURES = {"day_pct", "period_pct", "since_pct", "intraday_pct", "drawdown"}
PTS_MEASURES = {"day_pts", "period_pts", "intraday_pts"}
LEVEL_MEASURES = {"close", "high", "low"}


def num(s):
    return float(str(s).replace(",", "").replace("+", ""))


def decimals(s):
    s = str(s).replace(",", "")
    return len(s.split(".")[1]) if "." in s else 0


def holds(value, asserted, mode):
    """Does the computed value support the asserted figure under the rounding rules?"""
    if mode == "eq":
        return value == asserted
    if mode == "in":  # date string within [lo, hi]
        lo, hi = asserted
        return lo <= value <= hi
    if mode == "not_in":
        lo, hi = asserted
        return not (lo <= value <= hi)
    a = num(asserted)
    if mode == "num":
        return abs(value - a) <= 0.5 * 10 ** (-decimals(asserted)) + 1e-9
    if mode == "about":
        return abs(value - a) <= max(0.3, 0.03 * abs(a))
    if mode == "nearly":  # just under N in magnitude, same sign
        return value * a > 0 and abs(a) - max(0.3, 0.03 * abs(a)) <= abs(value) < abs(a)
    if mode == "more_than":  # magnitude above N, same sign
        return value * a > 0 and abs(value) > abs(a)
    if mode == "less_than":  # magnitude below N, same sign (or zero)
        return value * a >= 0 and abs(value) < abs(a)
    if mode == "sign":  # only the direction is asserted: +1 / -1
        return value * a > 0
    raise ValueError(mode)


def clearly_wrong(value, asserted, mode, measure):
    if mode in ("eq", "in", "not_in"):
        return not holds(value, asserted, mode)
    a = num(asserted)
    if mode == "sign":
        return value * a < 0
    if measure in LEVEL_MEASURES:
        return abs(value - a) / abs(value) > 0.005
    if value * a < 0:
        return True
    if mode == "more_than":
        gap = abs(a) - abs(value)
    elif mode == "less_than":
        gap = abs(value) - abs(a)
    else:
        gap = abs(value - a)
    if measure in PCT_MEASURES:
        return gap > 1.0 or gap > 0.25 * abs(value)
    if measure in PTS_MEASURES:
        return gap > 0.25 * abs(value)
    raise ValueError(measure)


def evaluate(check):
    """Compute a check on every source variant; all variants must agree on pass/fail."""
    sym, measure, args = check["sym"], check["measure"], check["args"]
    fn = MEASURES[measure]
    results = []
    dates = [ts(a) for a in args if isinstance(a, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", a)]
    if "|" in sym:  # relative performance: value = measure(A) - measure(B), every source pairing
        sa, sb = sym.split("|")
        pairs = [(f"{la} - {lb}", (da, db)) for la, da in variants(sa) for lb, db in variants(sb)]
    else:
        pairs = variants(sym)
    for label, df in pairs:
        frames = df if isinstance(df, tuple) else (df,)
        if dates and any(max(dates) > f.index[-1] for f in frames):
            continue  # this source stops earlier
        try:
            if not isinstance(df, tuple):
                val, ws, we = fn(df, *args)
        except NoColumn:
            continue  # e.g. a Date,Close-only file has no intraday high/low
        if isinstance(df, tuple):
            (va, ws, we), (vb, _, _) = fn(df[0], *args), fn(df[1], *args)
            val = va - vb
        results.append((label, val, ws, we, holds(val, check["asserted"], check["mode"])))
    assert results, f"no source covers {check}"
    oks = {r[4] for r in results}
    assert len(oks) == 1, f"sources disagree on {sym} {measure} {args}: {[(r[0], r[1]) for r in results]}"
    label, val, ws, we, ok = results[0]
    return dict(ok=ok, value=val, window_start=str(ws.date()), window_end=str(we.date()), source=label,
                n_sources=len(results))
