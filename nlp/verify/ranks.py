"""Measures that set a day against the days before it: records, record counts, streaks,
counts of up or down sessions, and ranks ("its best day since October 2008", "its lowest
finish in six months", "its biggest one-day jump on record"). A mixin of the executor,
whose price access (``series``, ``prices``, ``end_row``, ``bounds``, ``evidence``) they use."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from nlp.verify.judge import CONTRADICTED, SUPPORTED, Result, Unsettled, judge
from nlp.verify.query import Asserted, Query
from nlp.verify.temporal import SINCE, Period


class RankMeasures:
    def _record_close(self, query: Query) -> Result:
        frame = self.prices(query.instrument) if query.instrument.startswith("^") else self.series(query.instrument)
        field_name = "high" if query.options.get("intraday") and frame["high"].notna().any() else "close"
        end = self.end_row(frame, query.period.last if query.period.kind != SINCE else self.reference,
                           query.instrument) - query.options.get("sessions_back", 0)
        if end < 0:
            raise Unsettled(f"no close of {query.instrument} before {frame['date'].iloc[0]}")
        prior = frame[field_name].iloc[:end].max()
        value = float(frame[field_name].iloc[end])
        record = bool(value > prior) if not pd.isna(prior) else True
        best = int(frame[field_name].iloc[:end].to_numpy().argmax()) if end else end
        return Result(SUPPORTED if record else CONTRADICTED, round(value, 4),
                      reason=None if record else f"not a record: the {field_name} of {frame['date'].iloc[best]} "
                                                 f"was {float(prior):.2f}",
                      rows=self.evidence(query.instrument, frame, [best, end], field_name),
                      window=(None, frame["date"].iloc[end]))

    def _record_first(self, query: Query) -> Result:
        """A record close whose previous record fell in the span named, or that long ago."""
        frame = self.series(query.instrument)
        end = self.end_row(frame, query.period.last if query.period.kind != SINCE else self.reference,
                           query.instrument)
        closes = frame["close"].to_numpy()
        if end == 0:
            raise Unsettled(f"no close of {query.instrument} before {frame['date'].iloc[0]}")
        before = int(closes[:end].argmax())
        day, previous = frame["date"].iloc[end], frame["date"].iloc[before]
        rows = self.evidence(query.instrument, frame, [before, end])
        if closes[end] <= closes[before]:
            return Result(CONTRADICTED, round(float(closes[end]), 4), rows=rows, window=(previous, day),
                          reason=f"not a record: the close of {previous} was {float(closes[before]):.2f}")
        named = query.options.get("named")
        if named is not None:
            ok = named.first <= previous <= named.last
        else:
            gap, years, q = (day - previous).days / 365.25, query.options["gap_years"], query.options.get("q")
            ok = (years - 1 < gap <= years if q in ("nearly", "almost") else gap > years if q in (
                "more than", "over") else abs(gap - years) < max(0.5, years * 0.15))
        return Result(SUPPORTED if ok else CONTRADICTED, round(float(closes[end]), 4), rows=rows,
                      window=(previous, day),
                      reason=None if ok else f"the record before it was on {previous}")

    def _record_streak(self, query: Query) -> Result:
        """"A record close for the second straight day": that many records in a row."""
        frame = self.series(query.instrument)
        end = self.end_row(frame, query.period.last if query.period.kind != SINCE else self.reference,
                           query.instrument)
        closes = frame["close"].to_numpy()
        running = np.maximum.accumulate(closes)
        length = 0
        while end - length >= 1 and closes[end - length] > running[end - length - 1]:
            length += 1
        verdict, tol = judge(Asserted(query.asserted.value, 0), float(length))
        return Result(verdict, float(length), tol, window=(frame["date"].iloc[end - max(length, 1) + 1],
                                                           frame["date"].iloc[end]),
                      rows=self.evidence(query.instrument, frame, list(range(end - length, end + 1))[-6:]))

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

    @staticmethod
    def _year_to_same_day(frame: pd.DataFrame) -> pd.Series:
        """Each year's change (%) from the year before's last close to its last close on or
        before the month and day of the frame's last date, indexed by that close's date."""
        closes = pd.Series(frame["close"].to_numpy(), index=pd.to_datetime(frame["date"]))
        last = closes.index[-1]
        changes = {}
        for year in sorted(set(closes.index.year))[1:]:
            before = closes[closes.index.year == year - 1]
            cutoff = pd.Timestamp(year, last.month, min(last.day, 28 if last.month == 2 else last.day))
            upto = closes[(closes.index.year == year) & (closes.index <= cutoff)]
            if len(before) and len(upto):
                changes[upto.index[-1]] = (upto.iloc[-1] / before.iloc[-1] - 1) * 100
        return pd.Series(changes, dtype=float)

    def _streak(self, query: Query) -> Result:
        frame = self.series(query.instrument)
        unit = query.options.get("unit", "day")
        back = query.options.get("sessions_back", 0)  # a streak that ended the session (week, month) before
        end = self.end_row(frame, query.period.last if query.period.kind != SINCE else self.reference,
                           query.instrument) - (back if unit == "day" else 0)
        closes = self._periodic(frame.iloc[:end + 1], unit)
        if unit != "day" and back:
            closes = closes.iloc[:-back]
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
        if query.options.get("season") == "ytd":
            values = self._year_to_same_day(frame.iloc[:end + 1])
        elif query.options.get("of") == "change":
            values = values.pct_change() * 100
        elif query.options.get("of") == "points":
            values = values.diff()
        values = values.dropna()
        if isinstance(query.options.get("season"), int):  # "its best May since 2020": that month of other years
            values = values[values.index.month == query.options["season"]]
            if values.empty:
                raise Unsettled("no such month in the price data")
        current = float(values.iloc[-1])
        earlier = values.iloc[:-1]
        highest = query.options.get("highest") and not query.options.get("worst")
        hits = earlier[earlier >= current] if highest else earlier[earlier <= current]
        if named is None:  # "on record", "ever": nothing earlier in the data as extreme
            first = frame["date"].iloc[0]
            nth = int(query.options.get("nth") or 1)
            if nth > 1:  # "the second-largest daily gain in its history": one earlier as extreme
                ok = len(hits) == nth - 1
                return Result(SUPPORTED if ok else CONTRADICTED, round(current, 4),
                              rows=self.evidence(query.instrument, frame, [end]),
                              reason=None if ok else f"{len(hits)} earlier moves were as extreme, so it ranks "
                                                     f"{len(hits) + 1}, not {nth}",
                              window=(first, frame["date"].iloc[end]))
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
