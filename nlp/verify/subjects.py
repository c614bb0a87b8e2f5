"""The instruments a sentence names: the alias table's phrases ("the tech-heavy index", "blue
chips", "the fear gauge") and the entity linker's stocks, funds, indices and segments, each
with its kind (an anaphor like "the fund" only resolves to a mention of its kind)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.verify.query import rules


@dataclass
class Mention:
    start: int
    end: int
    symbol: str
    kind: str  # index, etf, stock



def mentions_in(sentence: str, entities: list) -> list[Mention]:
    """Instruments named in the sentence: the alias table first (longest phrase wins), then the
    entity linker's stocks, ETFs and indices, then its segments through their proxy index."""
    instruments, _ = rules()
    found: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= m.start or a >= m.end for m in found)

    # "January VIX futures", "S&P 500 options": a derivative, not the index the store has
    derivative = re.compile(r"\s+(?:futures?|options|futures contracts|calls|puts)\b", re.I)
    for pattern, symbol in instruments["alias_patterns"]:
        for m in pattern.finditer(sentence):
            if derivative.match(sentence, m.end()):
                found.append(Mention(m.start(), m.end(), "", "derivative"))
                continue
            if free(m.start(), m.end()):
                found.append(Mention(m.start(), m.end(), symbol, _kind_of(symbol, None)))
    for e in entities:
        if sentence[e.start:e.end].upper() in ("MTD", "YTD", "QTD", "WTD"):
            continue  # "SPX MTD -1.5%": month to date, not Mettler-Toledo
        symbol = e.symbol if e.kind in ("stock", "etf", "index") else instruments["segments"].get(e.symbol or "")
        if symbol and free(e.start, e.end):
            found.append(Mention(e.start, e.end, symbol, _kind_of(symbol, e.kind)))
    return sorted((m for m in found if m.symbol), key=lambda m: m.start)


def _kind_of(symbol: str, linked_kind: str | None) -> str:
    if symbol.startswith("^"):
        return "index"
    if linked_kind in ("stock", "etf"):
        return linked_kind
    return "etf" if symbol in ("IWM", "SPY", "QQQ", "DIA", "IWB", "VB", "IJR", "VBR", "IWN", "IWO", "VTI") else "stock"


def is_comparator(sentence: str, at: int) -> bool:
    instruments, _ = rules()
    before = sentence[max(0, at - 30):at].lower()
    return any(re.search(r"(?<![\w-])" + re.escape(w) + r"\s+(?:the\s+|its\s+)?(?:[\w&'-]+\s+){0,2}$", before)
               for w in instruments["comparators"])


def respectively(sentence: str, numbers: list, mentions: list[Mention]) -> dict[int, Mention]:
    """"The S&P 500 and the Nasdaq rose 1.1% and 1.6%, respectively": the k-th figure of a
    kind goes to the k-th instrument named before the figures."""
    if not numbers or not re.search(r"\brespectively\b", sentence, re.I):
        return {}
    named: list[Mention] = []
    for m in mentions:
        if m.start < numbers[0][0].start() and m.symbol not in {n.symbol for n in named}:
            named.append(m)
    out = {}
    for kind in {k for _, k in numbers}:
        same = [m for m, k in numbers if k == kind]
        if len(same) == len(named) > 1:
            out.update({m.start(): mention for m, mention in zip(same, named, strict=True)})
    return out
