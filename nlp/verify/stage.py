"""The ``verify`` pipeline stage: a verdict for every claim, with evidence.

* market_data claims: each figure whose subject resolves to an instrument in the market store
  and whose metric is a level, a record or a return is checked (:mod:`nlp.verify.check`).
  Segments are measured by a proxy: small caps by the Russell 2000 (^RUT), large caps by
  the S&P 500 (^GSPC); the evidence says so.
* valuation, fundamentals, forecast, macro_policy, definition, historical claims without a
  checkable figure: ``unverifiable`` with the reason.
* as-of date: ``--as-of``, else the publication date, else the latest absolute date in the
  text (labelled inferred), else the claim cannot be anchored.

A claim is contradicted when any checked figure is, supported when every checked figure is,
unverifiable otherwise. Unsupported claims (contradicted, or check-worthy, unattributed and
unverifiable) are flagged ``unsupported_claim`` with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from nlp.pipeline import register_stage
from nlp.schema import Document, Flag, Span, Verdict
from nlp.verify.check import (
    LEVEL_METRICS,
    RETURN_METRICS,
    FigureCheck,
    check_level,
    check_relative,
    check_return,
    check_volatility,
)
from nlp.verify.windows import infer_as_of

PROXIES = {"small_caps": "^RUT", "large_caps": "^GSPC", "mega_caps": "^GSPC", "big_tech": "^NDX"}
_NOT_PRICES = {"valuation": "valuation multiples are not in price data",
               "fundamentals": "fundamentals (earnings, revenue) are not in price data",
               "forecast": "a forecast cannot be checked yet",
               "macro_policy": "macro and policy facts are not in price data",
               "definition": "a definition, not a market fact",
               "historical": "no checkable figure"}


class VerifyStage:
    name = "verify"

    def __init__(self, store_path: str | None = None, as_of: dt.date | None = None) -> None:
        from nlp.market.store import MarketStore

        self.store = MarketStore(store_path, read_only=True)
        self.as_of = as_of

    def anchor(self, doc: Document) -> tuple[dt.date | None, str]:
        if self.as_of:
            return self.as_of, "given"
        if doc.published:
            day = doc.published if isinstance(doc.published, dt.date) and not isinstance(doc.published, dt.datetime) \
                else doc.published.date()
            return day, "published"
        inferred = infer_as_of(doc.text)
        return (inferred, "inferred from the text") if inferred else (None, "none")

    def __call__(self, doc: Document) -> Document:
        as_of, how = self.anchor(doc)
        # "this week" in an article dated only by "December 10th" pins the week it speaks from
        week_anchored = how.startswith("inferred") and bool(re.search(r"\bthis week\b", doc.text, re.I))
        verdicts, flags = [], [f for f in doc.flags if f.name != "unsupported_claim"]
        for index, claim in enumerate(doc.claims):
            checks: list[tuple[str, FigureCheck]] = []
            if claim.claim_type == "market_data":
                for fi in claim.figures:
                    fig = doc.figures[fi]
                    day = as_of or _explicit_year_end(fig, claim.text)
                    if day is None:
                        continue
                    check = self._check(doc, claim, fig, day, how if as_of else "explicit year", week_anchored)
                    if check is not None:
                        checks.append((fig.text, check))
            verdict = _combine(claim.claim_type, checks, as_of)
            verdict.computed["as_of"] = str(as_of) if as_of else None
            verdict.computed["as_of_source"] = how
            verdict.claim = index
            verdicts.append(verdict)
            # unsupported: proven wrong, or a figure-bearing factual claim with no source that
            # the data cannot confirm (opinions and forecasts are not held to this)
            if verdict.verdict == "contradicted" or (
                    verdict.verdict == "unverifiable" and claim.attributed_to == "unattributed"
                    and claim.figures and claim.status == "fact" and claim.claim_type != "forecast"):
                flags.append(Flag(name="unsupported_claim", score=claim.checkworthy,
                                  evidence=[f"{verdict.verdict}: {verdict.reason or 'the data disagree'}"],
                                  spans=[Span(start=claim.start, end=claim.end, text=claim.text)]))
        doc.verdicts = verdicts
        doc.flags = flags
        return doc

    def _check(self, doc, claim, fig, as_of: dt.date, how: str, week_anchored: bool) -> FigureCheck | None:
        symbol = PROXIES.get(fig.subject, fig.subject)
        if not symbol or fig.metric not in LEVEL_METRICS | RETURN_METRICS | {"relative_performance", "volatility"}:
            return None
        days = [as_of]
        if how.startswith("inferred"):
            monday = as_of - dt.timedelta(days=as_of.weekday())
            days = [as_of] + [monday + dt.timedelta(days=k) for k in range(5) if monday + dt.timedelta(days=k) != as_of]
        check = None
        for day in days:
            attempt = self._check_on(doc, claim, fig, symbol, day)
            if attempt is None:
                return None
            if day != as_of:
                attempt.computed["as_of_reading"] = str(day)
            if check is None or attempt.verdict == "supported":
                check = attempt
            if attempt.verdict == "supported":
                break
        if symbol != fig.subject:
            check.computed["proxy"] = f"{fig.subject} measured by {symbol}"
        if how.startswith("inferred") and check.verdict == "contradicted" and not week_anchored:
            # the day the article speaks from is a guess: a mismatch is not proof
            check.verdict = "unverifiable"
            check.reason = f"as-of date {as_of} inferred from the text; no reading matches"
        return check

    def _check_on(self, doc, claim, fig, symbol: str, as_of: dt.date) -> FigureCheck | None:
        if fig.unit == "percent" and fig.metric in RETURN_METRICS:
            return check_return(self.store, symbol, fig, claim.text, as_of)
        if fig.metric == "relative_performance" and fig.unit in ("percentage_points", "percent"):
            others = [PROXIES.get(doc.entities[e].symbol, doc.entities[e].symbol) for e in claim.entities
                      if doc.entities[e].symbol and doc.entities[e].role != "source"]
            other = next((o for o in others if o != symbol), None)
            return check_relative(self.store, symbol, other, fig, claim.text, as_of) if other else None
        if fig.metric in LEVEL_METRICS and fig.unit in ("index_points", "currency", None):
            return check_level(self.store, symbol, fig, claim.text, as_of)
        if fig.metric == "volatility" and fig.unit == "percent":
            return check_volatility(self.store, symbol, fig, claim.text, as_of)
        return None


def _explicit_year_end(fig, sentence: str) -> dt.date | None:
    """A window the text pins to a year ("from the March lows" of 2020) needs no as-of date."""
    # "of 2020", "in 2025": a year as a time, not the 2000 of "Russell 2000"
    m = re.search(r"\b(?:in|of|during|since|for)\s+((?:19|20)\d{2})\b", f"{fig.period or ''} {sentence}")
    return dt.date(int(m.group(1)), 12, 31) if m and fig.period else None


def _combine(claim_type: str | None, checks: list[tuple[str, FigureCheck]], as_of) -> Verdict:
    if not checks:
        if claim_type == "market_data" and as_of is None:
            reason = "no as-of date: the article has no date and none can be inferred"
        else:
            reason = _NOT_PRICES.get(claim_type or "", "no figure that price data can check")
        return Verdict(claim=0, verdict="unverifiable", reason=reason)
    computed = {text: {"verdict": c.verdict, "reason": c.reason, **c.computed} for text, c in checks}
    evidence = [row for _, c in checks for row in c.evidence]
    kinds = {c.verdict for _, c in checks}
    if "contradicted" in kinds:
        verdict, reason = "contradicted", "; ".join(f"{t}: {c.reason or 'computed value outside the tolerance'}"
                                                   for t, c in checks if c.verdict == "contradicted")
    elif kinds == {"supported"}:
        verdict, reason = "supported", None
    else:
        verdict, reason = "unverifiable", "; ".join(f"{t}: {c.reason}" for t, c in checks if c.verdict == "unverifiable")
    return Verdict(claim=0, verdict=verdict, reason=reason, computed=computed, evidence=evidence)


@register_stage("verify")
def make_verify_stage(options: dict[str, Any]) -> VerifyStage:
    """Options: ``store`` (market store path), ``as_of`` (YYYY-MM-DD override)."""
    as_of = options.get("as_of")
    return VerifyStage(options.get("store"), dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of)
