"""Check one figure against the market store: compute the value each reading gives, compare
with the stated value within the tolerance its qualifier and rounding allow.

Metrics checked: a level on a day (close, intraday high), a record (the highest close up to
that day), a return over a window, relative performance between two instruments, and the
typical daily swing. ETF and stock levels are compared with unadjusted closes only: when the
store has only dividend-adjusted prices for the day, the figure is unverifiable and the
reason says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from nlp.market.store import MarketStore
from nlp.schema import Figure
from nlp.verify.windows import day_of, windows

LEVEL_METRICS = {"intraday_high", "close", "record_high", "price_level"}
RETURN_METRICS = {"return"}


@dataclass
class FigureCheck:
    verdict: str  # supported, contradicted, unverifiable
    reason: str | None = None
    computed: dict = field(default_factory=dict)
    evidence: list[dict] = field(default_factory=list)


def tolerance(fig: Figure, level: bool) -> tuple[float, float]:
    """The interval a computed value must fall in to support the figure."""
    digits = fig.text.replace(",", "").split(".")
    decimals = len("".join(ch for ch in digits[1] if ch.isdigit())) if len(digits) > 1 else 0
    rounding = 0.5 * 10 ** -decimals
    if fig.value is None:
        lo, hi = fig.low, fig.high
    else:
        lo = hi = fig.value
    slack = max(rounding, abs(hi) * 0.002) if level else max(rounding, 0.25)
    lo, hi = lo - slack, hi + slack
    c = fig.comparison
    if c == "just_below":
        lo = fig.value * 0.8 if fig.value > 0 else fig.value * 1.2
    elif c == "around":
        spread = max(abs(fig.value) * 0.06, slack)
        lo, hi = fig.value - spread, fig.value + spread
    elif c in ("greater", "at_least"):
        hi = float("inf")
    elif c in ("less", "at_most"):
        lo = float("-inf")
    return lo, hi


def _close_on_or_before(frame: pd.DataFrame, day: dt.date) -> pd.Series | None:
    rows = frame[frame["date"] <= day]
    return rows.iloc[-1] if len(rows) else None


def _row(symbol: str, row: pd.Series, field_name: str = "close") -> dict:
    return {"symbol": symbol, "date": str(row["date"]), field_name: round(float(row[field_name]), 4),
            "source": row["source"], "adjusted": bool(row["adjusted"]), "provisional": bool(row["provisional"])}


def check_level(store: MarketStore, symbol: str, fig: Figure, sentence: str, as_of: dt.date) -> FigureCheck:
    span = day_of(sentence, as_of, near=sentence.find(fig.text))
    is_fund = not symbol.startswith("^")
    start = (span[0] if span else as_of) - dt.timedelta(days=10)
    end = span[1] if span else as_of
    frame = store.history(symbol, start, end, adjusted=False if is_fund else None)
    if frame.empty:
        reason = (f"only dividend-adjusted prices for {symbol} around {end}; a quoted close is unadjusted"
                  if is_fund and not store.history(symbol, start, end).empty else f"no prices for {symbol} near {end}")
        return FigureCheck("unverifiable", reason)
    days = frame[(frame["date"] >= span[0]) & (frame["date"] <= span[1])] if span else frame.tail(1)
    if days.empty:
        return FigureCheck("unverifiable", f"no trading day for {symbol} in {span[0]}..{span[1]}")
    field_name = "high" if fig.metric == "intraday_high" else "close"
    if days[field_name].isna().all():
        return FigureCheck("unverifiable", f"no {field_name} prices for {symbol}")
    lo, hi = tolerance(fig, level=True)
    readings = {f"{field_name} on {r['date']}": float(r[field_name]) for _, r in days.iterrows()}
    best = next((name for name, v in readings.items() if lo <= v <= hi), None)
    check = FigureCheck("supported" if best else "contradicted", None,
                        {"readings": {k: round(v, 2) for k, v in readings.items()}, "tolerance": [round(lo, 2), round(hi, 2)],
                         "supporting_reading": best},
                        [_row(symbol, r, field_name) for _, r in days.iterrows()])
    if fig.metric == "record_high" and best:
        before = store.history(symbol, None, days["date"].min() - dt.timedelta(days=1), adjusted=False if is_fund else None)
        prior = float(before["close"].max()) if not before.empty else float("-inf")
        check.computed["prior_record_close"] = round(prior, 2)
        if readings[best] < prior and not is_fund:
            check.verdict, check.reason = "contradicted", f"not a record: an earlier close was {prior:.2f}"
    if any(e["provisional"] for e in check.evidence) and check.verdict == "contradicted":
        check.verdict, check.reason = "unverifiable", "the day's row is provisional (an intraday snapshot)"
    return check


def check_return(store: MarketStore, symbol: str, fig: Figure, sentence: str, as_of: dt.date) -> FigureCheck:
    readings = windows(fig.period, sentence, as_of)
    if not readings:
        return FigureCheck("unverifiable", f"no window for the period {fig.period!r}" if fig.period
                           else "the return has no stated period")
    lo, hi = tolerance(fig, level=False)
    sign = -1 if fig.direction == "down" else 1
    computed, evidence, supported = {}, [], None
    for w in readings:
        # a fund's return is a total return: dividend-adjusted closes, never mixed with raw ones
        frame = store.history(symbol, (w.base_from or w.base) - dt.timedelta(days=10), w.end,
                              adjusted=None if symbol.startswith("^") else True)
        if frame.empty or frame["date"].max() < w.end - dt.timedelta(days=5):
            computed[w.reading] = None
            continue
        if w.base_is_low:
            low = frame[(frame["date"] >= w.base_from) & (frame["date"] <= w.base)]
            base = low.loc[low["close"].idxmin()] if len(low) else None
        else:
            base = _close_on_or_before(frame, w.base)
        end = _close_on_or_before(frame, w.end)
        if base is None or end is None:
            computed[w.reading] = None
            continue
        pct = (float(end["close"]) / float(base["close"]) - 1) * 100
        computed[w.reading] = round(pct, 2)
        evidence += [_row(symbol, base), _row(symbol, end)]
        stated = sign * pct if fig.direction else pct
        if supported is None and lo <= stated <= hi:
            supported = w.reading
    valid = [v for v in computed.values() if v is not None]
    if not valid:
        return FigureCheck("unverifiable", f"no prices for {symbol} over the window", {"readings": computed})
    verdict = "supported" if supported else "contradicted"
    reason = None
    longest = max((w.end - w.base).days for w in readings)
    if verdict == "contradicted" and symbol.startswith("^") and longest > 370:
        # index levels are price returns; over years, dividends add points the store lacks
        verdict, reason = "unverifiable", (f"{symbol} levels give price returns only; over {longest // 365} years "
                                           "a total-return figure can differ by the dividends, which are not stored")
    return FigureCheck(verdict, reason, {"readings": computed, "tolerance": [round(lo, 2), round(hi, 2)],
                                       "supporting_reading": supported, "direction": fig.direction}, evidence)


def check_relative(store: MarketStore, symbol: str, other: str, fig: Figure, sentence: str,
                   as_of: dt.date) -> FigureCheck:
    """"A outperformed B by N percentage points over the window": return(A) − return(B)."""
    a = check_return(store, symbol, fig.model_copy(update={"value": 0.0, "direction": None, "comparison": None}),
                     sentence, as_of)
    b = check_return(store, other, fig.model_copy(update={"value": 0.0, "direction": None, "comparison": None}),
                     sentence, as_of)
    ra, rb = a.computed.get("readings", {}), b.computed.get("readings", {})
    diffs = {k: round(ra[k] - rb[k], 2) for k in ra if ra.get(k) is not None and rb.get(k) is not None}
    if not diffs:
        return FigureCheck("unverifiable", a.reason or b.reason or f"no prices for {symbol} and {other}")
    lo, hi = tolerance(fig, level=False)
    sign = -1 if fig.direction == "down" else 1
    best = next((k for k, v in diffs.items() if lo <= sign * v <= hi), None)
    longest = max((w.end - w.base).days for w in windows(fig.period, sentence, as_of))
    if best is None and longest > 370:
        return FigureCheck("unverifiable", f"price returns differ by {', '.join(f'{v:+.1f} pp' for v in diffs.values())};"
                           f" over {longest // 365} years dividends, which are not stored, can close the gap",
                           {"readings": diffs, "tolerance": [round(lo, 2), round(hi, 2)], "versus": other})
    return FigureCheck("supported" if best else "contradicted", None,
                       {"readings": diffs, "tolerance": [round(lo, 2), round(hi, 2)], "supporting_reading": best,
                        "versus": other, "returns": {symbol: ra, other: rb}}, a.evidence + b.evidence)


def check_volatility(store: MarketStore, symbol: str, fig: Figure, sentence: str, as_of: dt.date) -> FigureCheck:
    """A typical daily move ("daily swings of 2% are common"): the stated size is compared
    with the past year's distribution of daily moves — intraday range for "swings" and
    "intra-day", close-to-close change otherwise. Supported when it falls within the 25th to
    95th percentile, contradicted when it lies beyond the 1st or 99.5th, else unverifiable
    ("typical" is a judgement)."""
    frame = store.history(symbol, as_of - dt.timedelta(days=380), as_of, adjusted=None if symbol.startswith("^") else True)
    if len(frame) < 100:
        return FigureCheck("unverifiable", f"less than a year of prices for {symbol} before {as_of}")
    prev = frame["close"].shift(1)
    intraday = "intra" in sentence.lower() or "swing" in sentence.lower()
    if intraday and frame["high"].notna().all():
        moves = ((frame["high"] - frame["low"]) / prev * 100).dropna()
        kind = "intraday range (high − low) / previous close"
    else:
        moves = (frame["close"] / prev - 1).abs().dropna() * 100
        kind = "absolute close-to-close change"
    q = moves.quantile([0.01, 0.25, 0.5, 0.95, 0.995]).round(2).to_dict()
    lo = fig.low if fig.low is not None else fig.value
    hi = fig.high if fig.high is not None else fig.value
    computed = {"measure": kind, "days": int(len(moves)), "percentiles": {f"p{int(k * 1000) / 10:g}": v for k, v in q.items()}}
    if hi >= q[0.25] and lo <= q[0.95]:
        return FigureCheck("supported", None, computed)
    if lo > q[0.995] or hi < q[0.01]:
        return FigureCheck("contradicted", None, computed)
    return FigureCheck("unverifiable", "how large a 'typical' move is, is a judgement; see the percentiles", computed)
