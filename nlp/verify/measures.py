"""The executor: one function per measure runs a :class:`~nlp.verify.query.Query` against the
market store and returns the computed value, the price rows it used and the verdict.

Windows follow the market's conventions: a change over a day, week, month, quarter or year
runs from the last close before the period to the last close in it (not after the
reference date); "since <day>" runs from that day's close, "since <month>" from the close
before it. Levels of funds and stocks are compared with unadjusted closes only; changes of
funds use dividend-adjusted closes (a price change over a window without a distribution is
the same either way).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from nlp.verify.calendar import is_session
from nlp.verify.query import Asserted, Query
from nlp.verify.temporal import DAY, MONTH, RANGE, SINCE, Period

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


class Executor:
    def __init__(self, store, reference: dt.date | None) -> None:
        self.store = store
        self.reference = reference

    # -- data ------------------------------------------------------------------------------
    def prices(self, symbol: str, adjusted: bool | None = None) -> pd.DataFrame:
        frame = self.store.history(symbol, None, None, adjusted=adjusted)
        if frame.empty:
            raise Unsettled(f"no prices for {symbol} in the market store" if adjusted is None else
                            f"no {'adjusted' if adjusted else 'unadjusted'} prices for {symbol} in the market store")
        return frame

    def series(self, symbol: str) -> pd.DataFrame:
        """Closes for changes: as stored for an index, dividend-adjusted for a fund or stock."""
        if symbol.startswith("^"):
            return self.prices(symbol)
        try:
            return self.prices(symbol, adjusted=True)
        except Unsettled:
            return self.prices(symbol)

    @staticmethod
    def row_on_or_before(frame: pd.DataFrame, day: dt.date) -> int:
        i = int(np.searchsorted(np.array(frame["date"].tolist(), dtype=object), day, side="right")) - 1
        if i < 0:
            raise Unsettled(f"no prices on or before {day}")
        return i

    def end_row(self, frame: pd.DataFrame, day: dt.date, symbol: str) -> int:
        day = min(day, self.reference)
        i = self.row_on_or_before(frame, day)
        if (day - frame["date"].iloc[i]).days > 4:
            raise Unsettled(f"the market store's prices for {symbol} end on {frame['date'].iloc[i]}, before {day}")
        return i

    def bounds(self, frame: pd.DataFrame, period: Period, symbol: str) -> tuple[int, int]:
        """(base row, end row) of a change over ``period``."""
        if period.sessions:  # "over the past five sessions": five closes back from the latest
            end = self.end_row(frame, self.reference, symbol)
            if end < period.sessions:
                raise Unsettled(f"fewer than {period.sessions} sessions of {symbol} before {self.reference}")
            return end - period.sessions, end
        if period.kind == SINCE:
            end = self.end_row(frame, self.reference, symbol)
            anchor = period.first if period.first == period.last else period.first - dt.timedelta(days=1)
            return self.row_on_or_before(frame, anchor), end
        if period.kind == DAY:
            end = self.end_row(frame, period.last, symbol)
            if end == 0:
                raise Unsettled(f"no close before {frame['date'].iloc[0]}")
            return end - 1, end
        end = self.end_row(frame, period.last, symbol)
        base = self.row_on_or_before(frame, period.first - dt.timedelta(days=1))
        if frame["date"].iloc[end] < period.first:
            raise Unsettled(f"no trading day of {period.text!r} in the store")
        return base, end

    @staticmethod
    def evidence(symbol: str, frame: pd.DataFrame, rows: list[int], field_name: str = "close") -> list[dict]:
        return [{"symbol": symbol, "date": str(frame["date"].iloc[i]), "field": field_name,
                 "value": round(float(frame[field_name].iloc[i]), 4)} for i in rows]

    # -- the executor ----------------------------------------------------------------------
    def run(self, query: Query) -> Result:
        measure = getattr(self, f"_{query.measure}", None)
        if measure is None:
            return Result(UNVERIFIABLE, reason=f"no executor for the measure {query.measure!r}")
        default, self.reference = self.reference, query.reference or self.reference
        try:
            if self.reference is None:
                raise Unsettled("no publication date or --as-of: the claim's window cannot be placed")
            period = query.period
            if period is not None and period.kind == DAY and period.text != "the article's day" and \
                    is_session(period.first) is False:
                raise Unsettled(f"{period.first:%A %Y-%m-%d} was not a trading day (NYSE closed)")
            return _dividends_may_explain(query, measure(query))
        except Unsettled as why:
            return Result(UNVERIFIABLE, reason=str(why))
        finally:
            self.reference = default

    def _change(self, query: Query, points: bool) -> Result:
        frame = self.series(query.instrument) if not points else self.prices(query.instrument)
        base, end = self.bounds(frame, query.period, query.instrument)
        b, e = float(frame["close"].iloc[base]), float(frame["close"].iloc[end])
        computed = e - b if points else (e / b - 1) * 100
        verdict, tol = judge(query.asserted, computed)
        return Result(verdict, round(computed, 4), tol, rows=self.evidence(query.instrument, frame, [base, end]),
                      window=(frame["date"].iloc[base], frame["date"].iloc[end]))

    def _pct_change(self, query: Query) -> Result:
        return self._change(query, points=False)

    def _point_change(self, query: Query) -> Result:
        return self._change(query, points=True)

    def _level_any_day(self, query: Query, frame: pd.DataFrame, field_name: str) -> Result:
        """A level said of a span ("a closing high of $251.82 in early December"): supported
        when a day of the span matches, and that day is the evidence."""
        period = query.period
        first = self.row_on_or_before(frame, period.first - dt.timedelta(days=1)) + 1
        last = self.end_row(frame, period.last, query.instrument)
        values = frame[field_name].iloc[first:last + 1].astype(float)
        if values.dropna().empty:
            raise Unsettled(f"no {field_name} for {query.instrument} in {period.text!r}")
        extreme = query.options.get("extreme")
        if extreme:  # "closing as high as 52.33 in April": the span's highest close
            closest = int(values.idxmax() if extreme == "max" else values.idxmin())
        else:
            closest = int((values - abs(query.asserted.value)).abs().idxmin())
        computed = float(frame[field_name].iloc[closest])
        verdict, tol = judge(query.asserted, computed, level=True)
        return Result(verdict, round(computed, 4), tol, rows=self.evidence(query.instrument, frame, [closest],
                                                                           field_name),
                      window=(frame["date"].iloc[first], frame["date"].iloc[last]))

    def _level(self, query: Query) -> Result:
        symbol, field_name = query.instrument, query.options.get("field", "close")
        if symbol.startswith("^"):
            frame = self.prices(symbol)
        else:
            try:
                frame = self.prices(symbol, adjusted=False)
            except Unsettled:
                raise Unsettled(f"only dividend-adjusted prices for {symbol}; a quoted price is unadjusted") from None
        period = query.period
        if query.options.get("any_day") or (query.options.get("extreme") and period.kind not in (DAY, SINCE)):
            return self._level_any_day(query, frame, field_name)
        day = period.last if period.kind != SINCE else self.reference
        end = self.end_row(frame, day, symbol)
        if field_name != "close" and pd.isna(frame[field_name].iloc[end]):
            raise Unsettled(f"no intraday {field_name} for {symbol} on {frame['date'].iloc[end]}")
        computed = float(frame[field_name].iloc[end])
        verdict, tol = judge(query.asserted, computed, level=True)
        return Result(verdict, round(computed, 4), tol, rows=self.evidence(symbol, frame, [end], field_name),
                      window=(frame["date"].iloc[end], frame["date"].iloc[end]))

    def _record_close(self, query: Query) -> Result:
        frame = self.prices(query.instrument) if query.instrument.startswith("^") else self.series(query.instrument)
        field_name = "high" if query.options.get("intraday") and frame["high"].notna().any() else "close"
        end = self.end_row(frame, query.period.last if query.period.kind != SINCE else self.reference,
                           query.instrument)
        prior = frame[field_name].iloc[:end].max()
        value = float(frame[field_name].iloc[end])
        record = bool(value > prior) if not pd.isna(prior) else True
        best = int(frame[field_name].iloc[:end].to_numpy().argmax()) if end else end
        return Result(SUPPORTED if record else CONTRADICTED, round(value, 4),
                      reason=None if record else f"not a record: the {field_name} of {frame['date'].iloc[best]} "
                                                 f"was {float(prior):.2f}",
                      rows=self.evidence(query.instrument, frame, [best, end], field_name),
                      window=(None, frame["date"].iloc[end]))

    def _record_count(self, query: Query) -> Result:
        frame = self.series(query.instrument)
        base, end = self.bounds(frame, query.period, query.instrument)
        closes = frame["close"].to_numpy()
        running = np.maximum.accumulate(closes)
        records = [i for i in range(base + 1, end + 1) if closes[i] > running[i - 1]]
        verdict, tol = judge(query.asserted, float(len(records)))
        return Result(verdict, float(len(records)), tol, rows=self.evidence(query.instrument, frame, records[-5:]),
                      window=(frame["date"].iloc[base + 1], frame["date"].iloc[end]))

    def _periodic(self, frame: pd.DataFrame, unit: str) -> pd.Series:
        """Closes at the end of each day, week or month, indexed by the period's last date."""
        closes = pd.Series(frame["close"].to_numpy(), index=pd.to_datetime(frame["date"]))
        if unit == "day":
            return closes
        return closes.groupby(closes.index.to_period("W-FRI" if unit == "week" else "M")).last()

    def _streak(self, query: Query) -> Result:
        frame = self.series(query.instrument)
        unit = query.options.get("unit", "day")
        end = self.end_row(frame, query.period.last if query.period.kind != SINCE else self.reference,
                           query.instrument)
        closes = self._periodic(frame.iloc[:end + 1], unit)
        moves = np.sign(np.diff(closes.to_numpy()))
        want = query.asserted.sign or 1
        length = 0
        for move in moves[::-1]:
            if move != want:
                break
            length += 1
        verdict, tol = judge(Asserted(query.asserted.value, 0), float(length))
        return Result(verdict, float(length), tol, rows=self.evidence(query.instrument, frame,
                                                                      list(range(max(0, end - length), end + 1))[-8:]),
                      window=(frame["date"].iloc[max(0, end - length)], frame["date"].iloc[end]))

    def _count_sessions(self, query: Query) -> Result:
        frame = self.series(query.instrument)
        end = self.end_row(frame, query.period.last if query.period.kind != SINCE else self.reference,
                           query.instrument)
        span = int(query.options.get("of") or 0)
        if span <= 0 or end < span:
            raise Unsettled("the number of sessions is not stated")
        moves = np.sign(np.diff(frame["close"].to_numpy()[end - span:end + 1]))
        count = int((moves == (query.asserted.sign or 1)).sum())
        verdict, tol = judge(Asserted(query.asserted.value, 0), float(count))
        return Result(verdict, float(count), tol, rows=self.evidence(query.instrument, frame, [end - span, end]),
                      window=(frame["date"].iloc[end - span + 1], frame["date"].iloc[end]))

    def _extreme_in(self, frame: pd.DataFrame, named: Period | None, end: int, highest: bool) -> int:
        closes = frame["close"].iloc[:end + 1]
        if named is not None:
            dates = frame["date"].iloc[:end + 1]
            if named.first > dates.iloc[-1] and named.kind in (MONTH, RANGE):
                # "at its April 8 low, ... below its December record": the December before
                named = Period(named.kind, _year_before(named.first), _year_before(named.last), named.text,
                               named.start)
            closes = closes[(dates >= named.first) & (dates <= min(named.last, frame["date"].iloc[end]))]
        if closes.empty:
            raise Unsettled(f"no closes in {named.text!r}" if named else "no closes before the day")
        return int(closes.idxmax() if highest else closes.idxmin())

    def _drawdown(self, query: Query, rebound: bool = False) -> Result:
        frame = self.series(query.instrument)
        period = query.period
        end = self.end_row(frame, period.last if period.kind != SINCE else self.reference, query.instrument)
        ref = self._extreme_in(frame, query.options.get("named"), end, highest=not rebound)
        c, r = float(frame["close"].iloc[end]), float(frame["close"].iloc[ref])
        computed = (c / r - 1) * 100 if rebound else (1 - c / r) * 100
        verdict, tol = judge(Asserted(query.asserted.value, query.asserted.decimals, query.asserted.qualifier),
                             computed)
        return Result(verdict, round(computed, 4), tol, rows=self.evidence(query.instrument, frame, [ref, end]),
                      window=(frame["date"].iloc[ref], frame["date"].iloc[end]))

    def _rebound(self, query: Query) -> Result:
        return self._drawdown(query, rebound=True)

    def _relative_pp(self, query: Query) -> Result:
        if query.versus is None:
            raise Unsettled("the instrument it is compared with is not named")
        a, b = self.series(query.instrument), self.series(query.versus)
        a0, a1 = self.bounds(a, query.period, query.instrument)
        b0, b1 = self.bounds(b, query.period, query.versus)
        ra = (a["close"].iloc[a1] / a["close"].iloc[a0] - 1) * 100
        rb = (b["close"].iloc[b1] / b["close"].iloc[b0] - 1) * 100
        computed = float(ra - rb)
        verdict, tol = judge(query.asserted, computed)
        return Result(verdict, round(computed, 4), tol,
                      rows=self.evidence(query.instrument, a, [a0, a1]) + self.evidence(query.versus, b, [b0, b1]),
                      window=(a["date"].iloc[a0], a["date"].iloc[a1]))

    def _intraday_swing(self, query: Query) -> Result:
        frame = self.prices(query.instrument) if query.instrument.startswith("^") else self.series(query.instrument)
        end = self.end_row(frame, query.period.last, query.instrument)
        field_name = "high" if query.asserted.sign >= 0 else "low"
        if end == 0 or pd.isna(frame[field_name].iloc[end]):
            raise Unsettled(f"no intraday {field_name} for {query.instrument}")
        computed = (float(frame[field_name].iloc[end]) / float(frame["close"].iloc[end - 1]) - 1) * 100
        asserted = query.asserted
        if asserted.qualifier is None and not query.options.get("extreme"):
            # "had been up 0.4% early in the session": it got at least that far
            asserted = Asserted(asserted.value - 10.0 ** -asserted.decimals / 2, asserted.decimals + 2, "above",
                                asserted.sign)
        verdict, tol = judge(asserted, computed)
        return Result(verdict, round(computed, 4), tol,
                      rows=self.evidence(query.instrument, frame, [end - 1]) +
                      self.evidence(query.instrument, frame, [end], field_name),
                      window=(frame["date"].iloc[end], frame["date"].iloc[end]))

    def _rank_within(self, query: Query) -> Result:
        """"Its lowest finish in six months": no value of the last n units before the day is as
        extreme (the literal reading; it says nothing of what came before them)."""
        frame = self.series(query.instrument)
        end = self.end_row(frame, query.period.last if query.period.kind != SINCE else self.reference,
                           query.instrument)
        values = self._periodic(frame.iloc[:end + 1], query.options.get("unit", "day"))
        if query.options.get("of") == "change":
            values = values.pct_change() * 100
        values = values.dropna()
        n, span = int(query.options.get("n") or 1), query.options.get("span", "month")
        day = frame["date"].iloc[end]
        start = day - dt.timedelta(days={"day": 1, "session": 1, "week": 7, "month": 30, "year": 365}[span] * n)
        stamps = pd.Series([(i.end_time if hasattr(i, "end_time") else i).date() for i in values.index],
                           index=values.index)
        current = float(values.iloc[-1])
        window = values[(stamps >= start) & (stamps < stamps.iloc[-1])]
        highest = query.options.get("highest") and not query.options.get("worst")
        beaten = window[window >= current] if highest else window[window <= current]
        if window.empty:
            raise Unsettled(f"no prices for {query.instrument} in the {n} {span}s before {day}")
        ok = beaten.empty
        reason = None if ok else (f"{'higher' if highest else 'lower'} on {stamps[beaten.index[-1]]} "
                                  f"({float(beaten.iloc[-1]):.2f}), within the {n} {span}s")
        return Result(SUPPORTED if ok else CONTRADICTED, round(current, 4), reason=reason,
                      rows=self.evidence(query.instrument, frame, [end]), window=(start, day))

    def _rank_since(self, query: Query) -> Result:
        frame = self.series(query.instrument)
        named: Period = query.options["named"]
        unit = query.options.get("unit", "day")
        end = self.end_row(frame, query.period.last if query.period.kind != SINCE else self.reference,
                           query.instrument)
        values = self._periodic(frame.iloc[:end + 1], unit)
        if query.options.get("of") == "change":
            values = values.pct_change() * 100
        elif query.options.get("of") == "points":
            values = values.diff()
        values = values.dropna()
        current = float(values.iloc[-1])
        earlier = values.iloc[:-1]
        highest = query.options.get("highest") and not query.options.get("worst")
        hits = earlier[earlier >= current] if highest else earlier[earlier <= current]
        if named is None:  # "on record", "ever": nothing earlier in the data as extreme
            first = frame["date"].iloc[0]
            if hits.empty:
                return Result(SUPPORTED, round(current, 4), rows=self.evidence(query.instrument, frame, [end]),
                              reason=f"nothing as extreme since the data begin on {first}",
                              window=(first, frame["date"].iloc[end]))
            last_day = (hits.index[-1].end_time if hasattr(hits.index[-1], "end_time") else hits.index[-1]).date()
            return Result(CONTRADICTED, round(current, 4), reason=f"as {'high' if highest else 'low'} on "
                          f"{last_day} ({float(hits.iloc[-1]):.2f}): not a record",
                          rows=self.evidence(query.instrument, frame, [self.row_on_or_before(frame, last_day), end]),
                          window=(last_day, frame["date"].iloc[end]))
        if hits.empty:
            return Result(CONTRADICTED, round(current, 4), reason="nothing earlier was as extreme: a record, "
                          f"not the {'highest' if highest else 'lowest'} since {named.text}",
                          rows=self.evidence(query.instrument, frame, [end]))
        last = hits.index[-1]
        last_day = (last.end_time if hasattr(last, "end_time") else last).date()
        first_day = (last.start_time if hasattr(last, "start_time") else last).date()
        inside = named.first <= last_day and first_day <= named.last
        return Result(SUPPORTED if inside else CONTRADICTED, round(current, 4),
                      reason=None if inside else f"the last time it was as {'high' if highest else 'low'} was "
                                                 f"{last_day}, not in {named.text}",
                      rows=self.evidence(query.instrument, frame, [self.row_on_or_before(frame, last_day), end]),
                      window=(last_day, frame["date"].iloc[end]))


def _year_before(day: dt.date) -> dt.date:
    return day.replace(year=day.year - 1) if not (day.month == 2 and day.day == 29) else day.replace(
        year=day.year - 1, day=28)


def _dividends_may_explain(query: Query, result: Result) -> Result:
    """An index's change over more than a year is a price return; commentary often quotes
    the total return. A contradiction that reinvested dividends (at most 2.5% a year) could
    close is not proof: unverifiable, with that reason."""
    start, end = result.window
    if (result.verdict != CONTRADICTED or not query.instrument.startswith("^") or start is None or end is None
            or query.measure not in ("pct_change", "relative_pp") or result.computed is None):
        return result
    years = (end - start).days / 365.25
    gap = abs(abs(result.computed) - abs(query.asserted.value or 0))
    if years > 1.02 and gap <= 2.5 * years:
        result.verdict = UNVERIFIABLE
        result.reason = (f"price return {result.computed:.1f} over {years:.1f} years; dividends, which the store "
                         "does not hold, could make up the difference")
    return result
