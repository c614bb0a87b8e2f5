"""The ``verify`` pipeline stage: every claim becomes market queries, and one executor runs
them against the market store.

* :mod:`nlp.verify.planner` reads a claim as queries: instrument (aliases, the entity
  linker's symbols, "the stock" back to the paragraph's last stock), measure (close,
  intraday high/low, change in % or points, record, rank "highest since", streak, count of
  sessions, drawdown, rebound, relative performance, intraday swing), window (resolved
  against the article's date by :mod:`nlp.verify.temporal`) and the asserted value with its
  qualifier and rounding.
* :mod:`nlp.verify.measures` computes each value, with the price rows it used.

Verdicts: ``contradicted`` when a query's computed value is outside the stated number's
tolerance (this is the flag), ``supported`` when every settled query agrees, ``unverifiable``
with the reason otherwise (no instrument, not in the store, a total return, a forecast, a
valuation, fundamentals, no date). The reference date is ``--as-of``, else the publication
date (in New York time), else the latest date written in the text (labelled inferred).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from nlp.pipeline import register_stage
from nlp.schema import BlockKind, Check, Document, Flag, Span, Verdict
from nlp.sentences import article_sentences
from nlp.verify.judge import CONTRADICTED, SUPPORTED, UNVERIFIABLE
from nlp.verify.measures import Executor
from nlp.verify.planner import Planner
from nlp.verify.query import rules
from nlp.verify.temporal import infer_as_of

_NEW_YORK = ZoneInfo("America/New_York")
_THIS_WEEK = re.compile(r"\bthis week\b", re.I)




class VerifyStage:
    name = "verify"

    def __init__(self, store_path: str | None = None, as_of: dt.date | None = None) -> None:
        from nlp.market.store import MarketStore

        self.store = MarketStore(store_path, read_only=True)
        self.as_of = as_of

    def anchor(self, doc: Document) -> tuple[dt.date | None, str]:
        if self.as_of:
            return self.as_of, "given"
        published = doc.published
        if isinstance(published, dt.datetime):
            aware = published if published.tzinfo else published.replace(tzinfo=dt.UTC)
            return aware.astimezone(_NEW_YORK).date(), "published"
        if isinstance(published, dt.date):
            return published, "published"
        inferred = infer_as_of(doc.article_text())
        return (inferred, "inferred from the text") if inferred else (None, "none")

    def __call__(self, doc: Document) -> Document:
        reference, how = self.anchor(doc)
        readings = [reference]
        pinned = how.startswith("inferred") and bool(_THIS_WEEK.search(doc.article_text()))
        if pinned:
            # "this week" in an article dated only by "December 10th": it speaks from that day
            # or a later one of the same week; each is a reading
            readings += [reference + dt.timedelta(days=k) for k in range(1, 5 - reference.weekday())]
        elif how == "published" and not isinstance(doc.published, dt.datetime):
            # a date without a time: a wrap written that evening or a note written before the
            # open, which speaks of the day before. Both are readings; a claim true in one is
            # supported, and only one false in the first reading is contradicted
            readings.append(_previous_weekday(reference))
        elif how == "published" and _before_the_close(doc.published):
            # "Updated Dec. 19, 2024 8:47 a.m. ET": the last close it can speak of is the day
            # before's; a note written during the session may still speak of that day
            readings.insert(0, _previous_weekday(reference))
        per_reading = [self._verdicts(doc, readings[0])]
        # another reading can only change a verdict that depended on the day: one with a query,
        # or one whose window had no prices; "no instrument", "a forecast" stay what they are
        same_on_every_day = set(rules()[1]["not_prices"]) | {"no_instrument", "no_measure"}
        if any(v.reason_kind not in same_on_every_day for v in per_reading[0]):
            per_reading += [self._verdicts(doc, day) for day in readings[1:]]
        verdicts, flags = [], [f for f in doc.flags if f.name not in ("unsupported_claim", "contradicted_claim")]
        for index, claim in enumerate(doc.claims):
            options = [found[index] for found in per_reading]
            # the first reading decides unless it has no prices for its window at all (a
            # year-end review dated Jan. 1 has no session of "the year" in the first one)
            settled = [v for v in options if v.reason_kind != "no_data" or v.verdict != UNVERIFIABLE]
            verdict = next((v for v in options if v.verdict == SUPPORTED), (settled or options)[0])
            if how.startswith("inferred") and verdict.verdict == CONTRADICTED and not (
                    pinned and all(v.verdict == CONTRADICTED for v in options)):
                # the day the article speaks from is a guess: a mismatch is not proof
                verdict.verdict, verdict.reason = UNVERIFIABLE, (f"the reference date {reference} is inferred from "
                                                                 f"the text; the data disagree with that reading")
            verdict.claim = index
            verdict.computed = {"as_of": str(reference) if reference else None, "as_of_source": how}
            verdicts.append(verdict)
            if verdict.verdict == CONTRADICTED:
                flags.append(Flag(name="unsupported_claim", score=claim.checkworthy,
                                  evidence=[f"contradicted: {verdict.reason}"],
                                  spans=[Span(start=claim.start, end=claim.end, text=claim.text)]))
        doc.verdicts = verdicts
        doc.flags = flags
        return doc

    def _verdicts(self, doc: Document, reference: dt.date | None) -> list[Verdict]:
        """A verdict per claim, reading the article as written on ``reference``."""
        planner = Planner(reference, title=doc.title)
        executor = Executor(self.store, reference)
        # looked up by bisection: a hostile page has tens of thousands of sentences and blocks
        block_starts = [b.start for b in doc.blocks]
        entity_starts = [e.start for e in doc.entities]
        headings: dict[int, str | None] = {}
        claimed = sorted((c.start, c.end) for c in doc.claims)
        claim_starts = [a for a, _ in claimed]

        def is_claimed(start: int, end: int) -> bool:
            k = bisect_right(claim_starts, end - 1) - 1
            return any(a < end and start < b for a, b in claimed[max(0, k - 1):k + 1])

        # the article in order: claims are planned, the other sentences only name things
        sentences = [(start, start + len(text), None) for start, text in article_sentences(doc)
                     if not is_claimed(start, start + len(text))]
        sentences += [(c.start, c.end, c) for c in doc.claims]
        verdicts = []
        for start, end, claim in sorted(sentences, key=lambda item: item[0]):
            block = bisect_right(block_starts, start) - 1
            if block >= 0 and start >= doc.blocks[block].end:
                block = -1
            if block not in headings:
                headings[block] = _heading_above(doc, block)
            where = {"list_item": block >= 0 and doc.blocks[block].kind == BlockKind.LIST_ITEM,
                     "heading": headings[block]}
            if claim is not None and block >= 0 and doc.blocks[block].kind == BlockKind.TABLE:
                where["columns"] = doc.blocks[block].text.split("\n", 1)[0].split(" | ")  # the header row
            inside = doc.entities[bisect_left(entity_starts, start):bisect_left(entity_starts, end)]
            shifted = [e.model_copy(update={"start": e.start - start, "end": e.end - start})
                       for e in ([doc.entities[k] for k in claim.entities] if claim else inside)]
            if claim is None:
                planner.observe(doc.text[start:end], shifted, block, **where)
                continue
            verdicts.append(self._verdict(planner.plan(claim.text, shifted, block, **where), executor))
        return verdicts

    @staticmethod
    def _verdict(plan, executor: Executor | None) -> Verdict:
        if not plan.queries:
            return Verdict(claim=0, verdict=UNVERIFIABLE, reason=plan.reason, reason_kind=plan.kind)
        checks = []
        for query in plan.queries:
            result = executor.run(query)
            lo, hi = result.tolerance or (None, None)
            checks.append(Check(
                instrument=query.instrument, measure=query.measure, window_start=result.window[0],
                window_end=result.window[1], asserted=query.asserted.signed, qualifier=query.asserted.qualifier,
                computed=result.computed, tolerance_low=_finite(lo), tolerance_high=_finite(hi),
                verdict=result.verdict, reason=result.reason or _outside(result), rows=result.rows))
        kinds = {c.verdict for c in checks}
        if CONTRADICTED in kinds:
            verdict = CONTRADICTED
        elif SUPPORTED in kinds:
            verdict = SUPPORTED
        else:
            verdict = UNVERIFIABLE
        reason = "; ".join(f"{c.measure} of {c.instrument}: {c.reason}" for c in checks
                           if c.verdict == verdict and c.reason) or None
        return Verdict(claim=0, verdict=verdict, reason=reason, checks=checks,
                       reason_kind="no_data" if verdict == UNVERIFIABLE else None,
                       evidence=[row for c in checks for row in c.rows])


def _heading_above(doc: Document, block: int) -> str | None:
    """The text of the heading above ``block`` ("Scoreboard, week ended Nov. 14"): the time it
    names is the time of the list under it. A short line without a full stop right above a
    list is a heading too (a bold "**Week ended Nov. 14**" in Markdown parses as a paragraph).
    The page's title is not such a heading ("The Saturday Ticker: ..." names a newsletter)."""
    blocks = doc.blocks[:max(block, 0)]
    while blocks and blocks[-1].kind == BlockKind.LIST_ITEM:
        blocks = blocks[:-1]
    if blocks and blocks[-1].kind == BlockKind.PARAGRAPH:
        text = doc.text[blocks[-1].start:blocks[-1].end].strip()
        if len(text.split()) <= 12 and not re.search(r"[.!?:;]$", text):
            return text
    for earlier in reversed(blocks):
        if earlier.kind == BlockKind.HEADING:
            text = doc.text[earlier.start:earlier.end]
            return None if doc.title and text.strip() == doc.title.strip() else text
    return None


def _before_the_close(published: dt.datetime) -> bool:
    aware = published if published.tzinfo else published.replace(tzinfo=dt.UTC)
    return aware.astimezone(_NEW_YORK).time() < dt.time(16)


def _previous_weekday(day: dt.date) -> dt.date:
    back = 3 if day.weekday() == 0 else 2 if day.weekday() == 6 else 1
    return day - dt.timedelta(days=back)


def _finite(value: float | None) -> float | None:
    return None if value is None or math.isinf(value) else round(value, 6)


def _outside(result) -> str | None:
    if result.verdict != CONTRADICTED or result.computed is None or not result.tolerance:
        return None
    lo, hi = result.tolerance
    bound = (f"{lo:g}..{hi:g}" if not math.isinf(lo) and not math.isinf(hi)
             else f"above {lo:g}" if math.isinf(hi) else f"below {hi:g}")
    return f"computed {result.computed:g}, outside the stated {bound}"


@dataclass(frozen=True)
class VerifyOptions:
    store: str | None = None  # the market store (default: $FINNEWS_HOME/market.duckdb)
    as_of: dt.date | None = None  # check every claim as of this date instead of the publication date


@register_stage("verify", requires=("entities", "claims"), reads=("blocks.role", "sentences"),
                assigns=("verdicts", "flags"), options=VerifyOptions)
def make_verify_stage(options: VerifyOptions) -> VerifyStage:
    return VerifyStage(options.store, options.as_of)
