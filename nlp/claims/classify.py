"""Claim type and attribution of a check-worthy sentence.

Types: market_data (checkable from prices: levels, records, returns, relative performance,
volatility), valuation, fundamentals, forecast, macro_policy, historical, definition.
Attribution: the cited source ("According to Bank of America", "per FactSet", "Analysts
project", "As Ned Davis Research underscores", "According to Barron's recent coverage"),
else ``unattributed``.
"""

from __future__ import annotations

import re

from nlp.schema import Figure

_MARKET_METRICS = {"intraday_high", "record_high", "close", "price_level", "return", "relative_performance",
                   "volatility", "flows"}
_VALUATION_METRICS = {"forward_pe", "price_to_book", "valuation_discount"}
_FUNDAMENTAL_METRICS = {"earnings_growth", "revenue_growth", "share_of_revenue", "growth", "market_cap"}
_MACRO = re.compile(r"\b(?:Fed|Federal Reserve|rate (?:cuts?|hikes?)|interest rates?|inflation|recession|GDP|"
                    r"tariffs?|fiscal|monetary|stimulus|Treasury yields?|employment|payrolls|economy)\b", re.I)
_VALUATION = re.compile(r"\b(?:valuations?|undervalued|overvalued|cheap|expensive|multiples?|P/E|P/B|"
                        r"price-to-(?:earnings|book)|discount)\b", re.I)
_FUNDAMENTALS = re.compile(r"\b(?:earnings|revenue|sales|margins?|profits?|cash flow|balance sheets?|debt|"
                           r"buybacks?|backlog)\b", re.I)
_MARKET = re.compile(r"\b(?:all-time high|record|rall(?:y|ied)|outperform\w*|outpac\w*|surg\w+|fell|rose|"
                     r"gained|index|closed|intraday|volatil\w*)\b", re.I)
_HISTORICAL = re.compile(r"\b(?:in the (?:19|20)\d0s|in (?:19|20)\d{2}|historically|decade-long|since (?:19|20)\d{2}|"
                         r"in the wake of)\b", re.I)
_DEFINITION = re.compile(r"\b(?:is defined as|refers to|a benchmark for|those with market capitali[sz]ations|"
                         r"is an index of|tracks)\b", re.I)
_FORECAST = re.compile(r"\b(?:expect\w*|project\w*|forecast\w*|predict\w*|anticipat\w*|will|poised|likely to|"
                       r"over the next|is likely|could|may)\b", re.I)
_ATTRIBUTION = [
    re.compile(r"\b(?i:according to) (?P<who>[A-Z][\w&.'’ -]{1,60}?)(?: (?:recent )?(?:coverage|report|data|"
               r"research|article|analysis))?(?=[,.;]|\s(?:the|a|an|forward|small|large)\b)"),
    re.compile(r"\((?:per|source:?) (?P<who>[A-Z][\w&.'’ -]{1,40})\)"),
    re.compile(r"\bper (?P<who>[A-Z][\w&.'’ -]{1,40}?)(?=[,.;)])"),
    re.compile(r"\b(?i:as) (?P<who>[A-Z][\w&.'’ -]{1,40}?) "
               r"(?:underscores|notes|points out|highlights|argues|reports)\b"),
    re.compile(r"(?P<who>\b(?:[Aa]nalysts|[Ss]trategists|[Ee]conomists)(?: at [A-Z][\w&.' -]{1,40})?) "
               r"(?:expect|project|forecast|estimate|predict|see|say|said|believe|note)\b"),
    re.compile(r"\b(?:data|figures|research|a report) from (?P<who>(?:the )?[A-Z][\w&.'’ ()-]{1,60}?)"
               r"(?= shows?| suggests?| indicates?|[,.;])"),
    re.compile(r"\b(?P<who>The [A-Z][\w&.'’ ]{1,30}) (?:article|coverage|report) (?:also )?"
               r"(?:cautions|concludes|notes|points|suggests|emphasi[sz]es)\b"),
    re.compile(r"(?P<who>\b[A-Z][\w&.'’ -]{1,40}?) (?:said|says|reported|estimates|expects|projects|wrote|notes)\b"),
]


def claim_type(sentence: str, figures: list[Figure]) -> str:
    metrics = {f.metric for f in figures}
    if any(f.status == "forecast" for f in figures) or (_FORECAST.search(sentence) and not figures):
        return "forecast"
    if metrics & _VALUATION_METRICS:
        return "valuation"
    if metrics & _MARKET_METRICS:
        return "market_data"
    if metrics & _FUNDAMENTAL_METRICS:
        return "fundamentals"
    if "rate_cuts" in metrics or _MACRO.search(sentence) and not _MARKET.search(sentence):
        return "macro_policy"
    if _DEFINITION.search(sentence):
        return "definition"
    if _HISTORICAL.search(sentence):
        return "historical"
    if _VALUATION.search(sentence):
        return "valuation"
    if _MARKET.search(sentence):
        return "market_data"
    if _FUNDAMENTALS.search(sentence):
        return "fundamentals"
    return "macro_policy" if _MACRO.search(sentence) else "market_data"


def attribution(sentence: str, source_mentions: list[str]) -> str:
    """The cited source: a linked source organisation when one is in the sentence, else a
    phrase pattern; 'unattributed' when neither."""
    if source_mentions:
        return source_mentions[0]
    for pattern in _ATTRIBUTION:
        m = pattern.search(sentence)
        if m:
            who = m.group("who").strip(" ,.")
            if who.split()[0] in ("It", "This", "That", "There", "He", "She", "They", "We", "I"):
                continue
            return who
    return "unattributed"
