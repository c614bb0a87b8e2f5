"""Claim spec, rounding / margin rules and multi-source evaluation for the blind2 gold."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left

import mglib as m

PCT_MEASURES = {"day_pct", "pct_between", "period_pct", "intraday_low_pct", "intraday_high_pct", "drawdown_from_peak"}
PTS_MEASURES = {"day_pts", "pts_between", "period_pts", "intraday_range_pts"}
LEVEL_MEASURES = {"close", "prev_close", "intraday_high", "intraday_low", "max_close"}


class Chk:
    """One check: instrument, measure with args, asserted value (string for numbers, to know the digits),
    qualifier: exact / about / nearly / more / less / eq / in (date prefix) / before (date earlier than)."""

    def __init__(self, inst, measure, args, asserted, qual=None, rel=None):
        self.inst, self.measure, self.args, self.asserted = inst, measure, tuple(args), asserted
        self.rel = rel  # (inst_b, measure_b, args_b): value = A - B (pp)
        if qual is None:
            qual = "exact" if isinstance(asserted, str) and _num(asserted) else "eq"
        self.qual = qual
        if rel or measure in PCT_MEASURES:
            self.kind = "pct"
        elif measure in PTS_MEASURES:
            self.kind = "pts"
        elif measure in LEVEL_MEASURES:
            self.kind = "level"
        else:
            self.kind = "cat"

    # ------------------------------------------------------------------
    def values(self):
        """Computed value on every source (pairs of sources for relative checks)."""
        out = []
        fa = getattr(m, self.measure)
        sa = [s for s in m.series(self.inst) if self.measure not in {f.__name__ for f in m.INTRADAY} or s.has_hl]
        if self.rel:
            ib, mb, ab = self.rel
            fb = getattr(m, mb)
            sb = m.series(ib)
            for s in sa:
                out.append((f"{s.name} - {sb[0].name}", fa(s, *self.args) - fb(sb[0], *ab)))
            for s in sb[1:]:
                out.append((f"{sa[0].name} - {s.name}", fa(sa[0], *self.args) - fb(s, *ab)))
        else:
            for s in sa:
                out.append((s.name, fa(s, *self.args)))
        return out

    def window(self):
        s = m.series(self.inst)[0]
        a = self.args
        ms = self.measure
        if ms in ("day_pct", "day_pts"):
            i = s.idx(m.D_(a[0]))
            return s.dates[i - 1].isoformat(), a[0]
        if ms in ("pct_between", "pts_between", "drawdown_from_peak"):
            return a[0], s.dates[s.last_on_or_before(m.D_(a[1]))].isoformat()
        if ms in ("period_pct", "period_pts"):
            return s.dates[m.base_before(s, a[0])].isoformat(), s.dates[s.last_on_or_before(m.D_(a[1]))].isoformat()
        if ms in ("count_up", "count_down", "max_close"):
            return a[0], a[1]
        if ms == "rank_move":
            return (a[1] if len(a) > 1 else s.dates[0].isoformat()), a[0]
        if ms == "week_move_since":
            d = m.D_(a[0])
            return a[0], (d + dt.timedelta(days=4)).isoformat()
        return a[0], a[0]

    def passes(self, v):
        q, a = self.qual, self.asserted
        if q == "eq":
            return v == a
        if q == "in":  # a date prefix, e.g. "2021-11"
            return v is not None and v.startswith(a)
        if q == "before":  # the date is earlier than a (or None = never)
            return v is None or v < a
        if q == "neg":  # "in the red"
            return v < 0
        if q == "pos":
            return v > 0
        if q == "atleast":
            return v >= a
        x = float(a)
        if q == "exact":
            dec = len(a.split(".")[1]) if "." in a else 0
            return abs(v - x) <= 0.5 * 10 ** -dec + 1e-9
        tol = max(0.3 if self.kind == "pct" else 0.0, 0.03 * abs(x))
        if q == "about":
            return abs(v - x) <= tol
        if q == "nearly":
            return (v * x > 0) and abs(v) < abs(x) and abs(v) >= abs(x) - tol
        if q == "more":  # "more than 0" = positive
            return v > 0 if x == 0 else (v * x > 0) and abs(v) > abs(x)
        if q == "less":
            return (v * x >= 0) and abs(v) < abs(x)
        raise ValueError(q)

    def clear_miss(self, v):
        """A false check must miss by a clear margin."""
        if self.kind == "cat" or self.qual in ("eq", "in", "before", "atleast", "neg", "pos"):
            return not self.passes(v)
        x = float(self.asserted)
        if v * x < 0:
            return True
        d = abs(abs(v) - abs(x))
        if self.kind == "pct":
            return d > 1.0 or d > 0.25 * abs(x)
        if self.kind == "pts":
            return d > 0.25 * abs(x)
        return d > 0.005 * abs(x)

    def describe(self):
        r = f" minus {self.rel[0]} {self.rel[1]}{self.rel[2]}" if self.rel else ""
        return f"{self.inst} {self.measure}{self.args}{r} {self.qual} {self.asserted}"


def C(page, contains, verdict, family, *checks, reason=None):
    return dict(page=page, contains=contains, verdict=verdict, family=family, checks=list(checks), reason=reason)


def _fmt(v):
    return round(v, 4) if isinstance(v, float) else v


def evaluate(claim):
    """Return the gold record; raise AssertionError on any disagreement."""
    rec = {k: None for k in ("page", "contains", "verdict", "family", "instrument", "measure", "window_start",
                             "window_end", "asserted", "computed", "reason")}
    rec.update(page=claim["page"], contains=claim["contains"], verdict=claim["verdict"], family=claim["family"])
    if not claim["checks"]:
        assert claim["verdict"] == "unverifiable", claim["contains"]
        assert claim["reason"], claim["contains"]
        rec["reason"] = claim["reason"]
        return rec
    parts, first_false, results = [], None, []
    for c in claim["checks"]:
        vals = c.values()
        oks = [c.passes(v) for _, v in vals]
        assert len(set(oks)) == 1, f"sources disagree: {claim['contains']!r} {c.describe()} {vals}"
        ok = oks[0]
        if not ok:
            assert all(c.clear_miss(v) for _, v in vals), f"not a clear miss: {claim['contains']!r} {c.describe()} {vals}"
            if first_false is None:
                first_false = (c, vals)
        results.append((c, vals, ok))
        parts.append(f"{c.describe()} -> {_fmt(vals[0][1])} ({'ok' if ok else 'FALSE'}; {vals[0][0]}; "
                     f"{len(vals)} source(s) agree)")
    got = "supported" if first_false is None else "contradicted"
    assert got == claim["verdict"], f"verdict {got} != intended {claim['verdict']}: {claim['contains']!r}\n  " + "\n  ".join(parts)
    c, vals = first_false if first_false else (results[0][0], results[0][1])
    ws, we = c.window()
    rec.update(instrument=c.inst + (f"|{c.rel[0]}" if c.rel else ""), measure=c.measure + ("_relative" if c.rel else ""),
               window_start=ws, window_end=we, asserted=c.asserted if not isinstance(c.asserted, str) or not _num(c.asserted) else float(c.asserted),
               computed=_fmt(vals[0][1]), reason="; ".join(parts) + (f"; note: {claim['reason']}" if claim["reason"] else ""))
    return rec


def _num(s):
    try:
        float(s)
        return True
    except ValueError:
        return False
