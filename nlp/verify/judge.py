"""Verdicts from numbers: the tolerance a stated figure allows (its own rounding, widened
or made one-sided by its qualifier) and the verdict of a computed value against it."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from nlp.verify.query import Asserted

SUPPORTED, CONTRADICTED, UNVERIFIABLE = "supported", "contradicted", "unverifiable"


@dataclass
class Result:
    verdict: str
    computed: float | None = None
    tolerance: tuple[float, float] | None = None
    reason: str | None = None
    rows: list[dict] = field(default_factory=list)
    window: tuple[dt.date | None, dt.date | None] = (None, None)


class Unsettled(Exception):
    """The data cannot settle the query (no prices, no such day); the message says why."""


def tolerance(asserted: Asserted, level: bool = False) -> tuple[float, float]:
    """The interval of magnitudes that agree with the stated number: its own rounding (half
    a unit of its last digit), widened or one-sided by its qualifier."""
    v = abs(asserted.value)
    # decimals < 0: a fraction or multiple in words ("almost a third", "doubled"), whose unit
    # is a tenth of the value
    unit = 10.0 ** -asserted.decimals if asserted.decimals >= 0 else 0.1 * v
    # a level written without decimals ("touched 2,539") is as often cut as rounded
    half = max(unit if level and asserted.decimals == 0 else unit / 2, v * 1e-4 if level else 0.0) + 1e-9
    q = asserted.qualifier
    if asserted.upper is not None:  # "between 1.5% and 2%": the range, each end by its rounding
        return v - half, abs(asserted.upper) + half
    if q == "about":  # "roughly 24.5%": a unit of the last digit, or 3 % of the value if wider
        spread = max(unit, 0.03 * v)
        return v - spread - 1e-9, v + spread + 1e-9
    if q == "just_below":
        return v - max(unit, 0.06 * v) - 1e-9, v + 1e-9
    if q == "above":
        return v + 1e-9, math.inf
    if q == "below":
        return -math.inf, v - 1e-9
    return v - half, v + half


def judge(asserted: Asserted, computed: float, level: bool = False) -> tuple[str, tuple[float, float]]:
    lo, hi = tolerance(asserted, level)
    if asserted.sign and computed * asserted.sign < 0 and abs(computed) > (hi - lo) / 2:
        return CONTRADICTED, (lo, hi)  # said up, went down (or the reverse)
    magnitude = abs(computed) if asserted.sign or not level else computed
    return (SUPPORTED if lo <= magnitude <= hi else CONTRADICTED), (lo, hi)
