"""Internal consistency of an article's figures.

* Arithmetic: a percentage that states a discount or premium between two figures of the
  same metric ("13.6 vs 17.2 … a 21% discount": 1 − 13.6/17.2 = 20.9 %) is recomputed; it
  agrees when within the rounding of the stated number (half a unit of its last digit,
  at least 0.5 percentage points).
* Contradictions: two figures for the same subject, metric and period whose values do not
  overlap, in the same article.
"""

from __future__ import annotations

import re

from nlp.schema import Figure, Flag, Span

_DISCOUNT = re.compile(r"\bdiscount\b", re.I)
_PREMIUM = re.compile(r"\bpremium\b", re.I)


def _tolerance(fig: Figure) -> float:
    digits = fig.text.split(".")[1] if "." in fig.text else ""
    decimals = len(re.match(r"\d*", digits).group()) if digits else 0
    return max(0.5, 0.5 * 10 ** -decimals)


def arithmetic_checks(sentences: list[tuple[int, int, str]], figures: list[Figure]) -> list[Flag]:
    """``sentences``: (start, end, text). A percentage in a sentence that names a discount or
    premium is checked against the two closest same-metric figures in that sentence or the
    one before."""
    flags = []
    for k, (start, end, text) in enumerate(sentences):
        pct = [f for f in figures if start <= f.start < end and f.unit == "percent" and f.value is not None]
        kind = "discount" if _DISCOUNT.search(text) else "premium" if _PREMIUM.search(text) else None
        if not pct or kind is None:
            continue
        lo = sentences[k - 1][0] if k else start
        pairs = [f for f in figures if lo <= f.start < end and f.unit == "multiple" and f.value]
        if len(pairs) < 2:
            continue
        a, b = sorted(pairs[-2:], key=lambda f: f.value)
        stated = pct[0]
        computed = (1 - a.value / b.value) * 100 if kind == "discount" else (b.value / a.value - 1) * 100
        ok = abs(computed - stated.value) <= _tolerance(stated)
        formula = f"1 − {a.text}/{b.text}" if kind == "discount" else f"{b.text}/{a.text} − 1"
        flags.append(Flag(
            name="arithmetic_consistent" if ok else "arithmetic_inconsistent", score=1.0 if ok else 0.0,
            evidence=[f"{formula} = {computed:.1f}% vs stated {stated.text} ({'agrees' if ok else 'disagrees'})"],
            spans=[Span(start=f.start, end=f.end, text=f.text) for f in (a, b, stated)]))
    return flags


def contradictions(figures: list[Figure]) -> list[Flag]:
    seen: dict[tuple, Figure] = {}
    flags = []
    for fig in figures:
        if not (fig.subject and fig.metric and fig.status == "fact") or fig.metric in ("return",) and not fig.period:
            continue
        key = (fig.subject, fig.metric, fig.period, fig.unit, fig.direction)
        lo, hi = (fig.low, fig.high) if fig.value is None else (fig.value, fig.value)
        if lo is None:
            continue
        if key in seen:
            other = seen[key]
            olo, ohi = (other.low, other.high) if other.value is None else (other.value, other.value)
            if hi < olo or ohi < lo:
                flags.append(Flag(name="contradictory_figures", score=1.0,
                                  evidence=[f"{fig.subject} {fig.metric} {fig.period or ''}: "
                                            f"{other.text} vs {fig.text}"],
                                  spans=[Span(start=f.start, end=f.end, text=f.text) for f in (other, fig)]))
        else:
            seen[key] = fig
    return flags
