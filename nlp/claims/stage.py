"""The ``claims`` pipeline stage: check-worthy sentences of the article as claims, with their
type, status, attribution, figures and entities; plus the article's internal consistency
flags. Runs after ``entities`` and ``figures``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.claims.checkworthy import checkworthiness, encoder_mismatch
from nlp.claims.classify import attribution, claim_type
from nlp.claims.consistency import arithmetic_checks, contradictions
from nlp.claims.quotes import document_quotes, quote_at, speaker_at
from nlp.pipeline import register_stage
from nlp.schema import Claim, Document
from nlp.sentences import article_sentences

THRESHOLD = 0.5
# A market fact stated without a figure with a unit is as checkable as one with: a record,
# a rank ("best day since 2008"), a streak, a count of sessions, a level said with a verb
# of closing ("the VIX settled below 20"). Said of a named instrument, it counts as a figure.
_MARKET_FACT = re.compile(
    r"\brecord (?:close|closing|high|finish|level)|\bat (?:a )?records?\b|\ball-time (?:closing )?high|"
    r"\b(?:highest|lowest|best|worst|strongest|weakest|biggest|steepest) (?:\w+ ){0,2}since\b|"
    r"\b(?:straight|consecutive) (?:sessions?|days?|weeks?|months?|gains?|losses|declines?|advances?)\b|"
    r"\b\d+ of the (?:last|past) \d+ (?:sessions|trading days)\b|"
    r"\b(?:closed|settled|ended|finished)\s+(?:the \w+\s+)?(?:above|below|at|near|under|over)\s+\$?\d|"
    r":\s*\$?[\d,]+(?:\.\d+)?\s*\(\s*[+\-−]|"  # a score line: "- S&P 500: 6,734.11 (+0.1%)"
    r"\|\s*[+\-−]\s?\d[\d,.]*\s?(?:%|pts?\b|points\b)",  # a scorecard table row: "S&P 500 | 6,173.07 | +3.4%"
    re.IGNORECASE)
# "The stock closed at a record high": a market fact about the instrument named just before
_REFERS_BACK = re.compile(r"\s*(?:the (?:stock|shares|index|benchmark|fund|gauge|average)|it|its|shares)\b", re.I)
_HEADLINE_WORDS = 3  # "VIX slumps to 13.51"
_FLAGS = {"arithmetic_consistent", "arithmetic_inconsistent", "contradictory_figures"}


class ClaimStage:
    name = "claims"

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold

    def __call__(self, doc: Document) -> Document:
        sentences = [(s, s + len(t), t) for s, t in article_sentences(doc)]
        fig_idx = [[i for i, f in enumerate(doc.figures) if s <= f.start < e] for s, e, _ in sentences]
        instruments = [(e.start, e.end) for e in doc.entities if e.kind in ("index", "etf", "stock", "segment")]
        checkable = [any(doc.figures[i].unit not in (None, "count") for i in idx)
                     or (bool(_MARKET_FACT.search(t))
                         and (any(s <= a < e for a, _ in instruments) or bool(_REFERS_BACK.match(t))))
                     for (s, e, t), idx in zip(sentences, fig_idx, strict=True)]
        # a heading names a topic ("Index scorecard") unless it states a market fact about an
        # instrument, as news headlines do ("S&P 500 jumps 5.7% in November"; "VIX slumps to 13.51")
        headings = [(b.start, b.end) for b in doc.blocks if b.kind.value == "heading"]
        keep = [not any(hs <= s < he for hs, he in headings)
                or (fact and any(s <= a < e for a, _ in instruments) and len(t.split()) >= _HEADLINE_WORDS)
                for (s, e, t), fact in zip(sentences, checkable, strict=True)]
        sentences, fig_idx, checkable = ([x for x, k in zip(xs, keep, strict=True) if k]
                                         for xs in (sentences, fig_idx, checkable))
        scores = checkworthiness([t for _, _, t in sentences], checkable)
        quotes = document_quotes([(b.start, b.text) for b in doc.article_blocks()])
        speakers = [speaker_at(quotes, s, e, t) for s, e, t in sentences]
        # a market fact about a named instrument is a claim however terse ("- S&P 500: 6,734.11 (+0.1%)"),
        # and so is what a named person is quoted as saying: who said it can be checked
        # (at least the shipped threshold, so that a sweep run at threshold 0 sees the same rule)
        floor = max(self.threshold, THRESHOLD)
        scores = [max(score, floor) if (fact and _MARKET_FACT.search(t)) or quote_at(quotes, s, e) else score
                  for score, fact, (s, e, t) in zip(scores, checkable, sentences, strict=True)]
        mismatch = encoder_mismatch() if sentences else None
        if mismatch:
            doc.add_issue(self.name, mismatch[0].name, mismatch[1])
        claims = []
        for (start, end, text), idx, score, speaker in zip(sentences, fig_idx, scores, speakers, strict=True):
            if score < self.threshold:
                continue
            ents = [i for i, e in enumerate(doc.entities) if start <= e.start and e.end <= end]
            sources = [doc.entities[i].name or doc.entities[i].text for i in ents if doc.entities[i].role == "source"]
            figs = [doc.figures[i] for i in idx]
            ctype = claim_type(text, figs)
            status = "forecast" if ctype == "forecast" else next((f.status for f in figs if f.status != "fact"), "fact")
            claims.append(Claim(start=start, end=end, text=text, claim_type=ctype, checkworthy=score, status=status,
                                attributed_to=speaker or attribution(text, sources), figures=idx, entities=ents))
        doc.claims = claims
        doc.flags = [f for f in doc.flags if f.name not in _FLAGS]
        doc.flags += arithmetic_checks(sentences, doc.figures) + contradictions(doc.figures)
        return doc


@dataclass(frozen=True)
class ClaimOptions:
    threshold: float = THRESHOLD  # check-worthiness above which a sentence is a claim

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError("threshold must be between 0 and 1")


@register_stage("claims", requires=("entities", "figures"), reads=("blocks.role", "sentences"),
                assigns=("claims", "flags"), options=ClaimOptions)
def make_claim_stage(options: ClaimOptions) -> ClaimStage:
    return ClaimStage(options.threshold)
