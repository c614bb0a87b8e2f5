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

import numpy as np
import pandas as pd

from nlp.verify.calendar import is_session
from nlp.verify.judge import CONTRADICTED, SUPPORTED, UNVERIFIABLE, Result, Unsettled, judge
from nlp.verify.query import Asserted, Query
from nlp.verify.ranks import RankMeasures
from nlp.verify.temporal import DAY, MONTH, RANGE, SINCE, Period, duration_months


class Executor(RankMeasures):
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

    def _extreme_in(self, frame: pd.DataFrame, named: Period | None, end: int, highest: bool) -> int:
        closes = frame["close"].iloc[:end + 1]
        if named is not None and named.kind == "duration":  # "its 52-week high": that long before the day
            last = frame["date"].iloc[end]
            first = (pd.Timestamp(last) - pd.DateOffset(months=duration_months(named))).date()
            named = Period(RANGE, first, last, named.text, named.start)
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
        if query.asserted.value is None:  # "outpaced the broad market": the sign of the gap
            ok = computed * query.asserted.sign > 0
            return Result(SUPPORTED if ok else CONTRADICTED, round(computed, 4),
                          reason=None if ok else f"{query.instrument} {ra:+.2f}% against {query.versus} {rb:+.2f}%",
                          rows=self.evidence(query.instrument, a, [a0, a1]) + self.evidence(query.versus, b, [b0, b1]),
                          window=(a["date"].iloc[a0], a["date"].iloc[a1]))
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

    def _intraday_range(self, query: Query) -> Result:
        """"Swung more than 400 points between its intraday high and low": high − low."""
        frame = self.prices(query.instrument)
        end = self.end_row(frame, query.period.last, query.instrument)
        high, low = frame["high"].iloc[end], frame["low"].iloc[end]
        if end == 0 or pd.isna(high) or pd.isna(low):
            raise Unsettled(f"no intraday high and low for {query.instrument}")
        computed = float(high - low) if query.options.get("points") else float(
            (high - low) / frame["close"].iloc[end - 1] * 100)
        verdict, tol = judge(query.asserted, computed)
        return Result(verdict, round(computed, 4), tol, window=(frame["date"].iloc[end], frame["date"].iloc[end]),
                      rows=self.evidence(query.instrument, frame, [end], "high") +
                      self.evidence(query.instrument, frame, [end], "low"))


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
