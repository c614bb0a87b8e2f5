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


_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
_NOUNS = (r"(?: (?:of the |the )?(?:major |main |big |key )?"
          r"(?P<{}>indexes|indices|averages|benchmarks|gauges|funds|ETFs|stocks))")
_PLURAL = re.compile(r"\ball (?P<n>two|three|four|five)(?![\w-])" + _NOUNS.format("noun") + "?"
                     r"|\bthe (?P<n2>two|three|four|five)" + _NOUNS.format("noun2")
                     + r"|\b(?P<both>both)(?![\w-])" + _NOUNS.format("noun3") + "?"
                     + r"|\bthe (?:major|main|big) (?P<all>indexes|indices|averages)\b", re.I)


def plural_subjects(head: str, named: list[Mention]) -> list[Mention]:
    """The instruments a plural subject stands for: "All three indexes booked their best day
    since April 9", "Both ended the week higher", "The major averages fell": the last ones of
    that kind named before (as many as it says), else none."""
    m = _PLURAL.search(head)
    if m is None:
        return []
    noun = (m.group("noun") or m.group("noun2") or m.group("noun3") or m.group("all") or "").lower()
    kind = "etf" if noun in ("funds", "etfs") else "stock" if noun == "stocks" else "index" if noun else None
    distinct: list[Mention] = []
    for mention in reversed(named):
        if (kind is None or mention.kind == kind) and mention.symbol not in {d.symbol for d in distinct}:
            distinct.append(mention)
    wanted = len(distinct) if m.group("all") else _COUNTS[(m.group("n") or m.group("n2") or "both").lower()]
    return list(reversed(distinct[:wanted])) if len(distinct) >= max(wanted, 2) else []


_PROPER_NAME = re.compile(r"(?<=\s)(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                          r"March|April|May|June|July|August|September|October|November|December|On|In|For|By|At|"
                          r"After|Before|Since|During|Even|Still)\b)[A-Z][a-z]+")


# "The dollar index suffered its worst first half": "its" is that subject's, not an earlier name's
_OWN_SUBJECT = re.compile(r"\bthe\s+[\w-]+(?:\s+[\w-]+)?\s+[a-z]+(?:ed|s)\s+$", re.I)


def anaphor(sentence: str, lead_end: int | None, paragraphs: tuple[list[Mention], list[Mention]]) -> Mention | None:
    """The antecedent of a subject like "the stock", "the fund", "it": only in subject
    position (before the first number, with no other name before it: in "Japan's Nikkei
    plunged 12.4%, its worst day", "its" is the Nikkei's, which has no prices)."""
    instruments, _ = rules()
    first_number = re.search(r"\d", sentence)
    head = sentence[:min(60, first_number.start() if first_number else 60)]
    if lead_end is not None:  # "4 — record closes for the benchmark": the words after the figure
        head = sentence[lead_end:lead_end + 60]
    else:  # "brought a 0.7% drop for the benchmark, its fourth straight decline"
        after = re.search(r"[\d.,]+\s?(?:%|percent|per cent|points?)\s+\w+\s+(?=for\s+)", sentence)
        head = head + " " + sentence[after.end():after.end() + 25] if after else head
    for kind, words in instruments["anaphors"].items():
        for w in words:
            m = re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", head, re.I)
            if m is None or _PROPER_NAME.search(head[:m.start()]) or (
                    kind == "any" and _OWN_SUBJECT.search(head[:m.start()])):
                continue
            # the paragraph first; a paragraph of one sentence leans on the one before
            for named in paragraphs:
                match = [n for n in named if kind == "any" or n.kind == kind]
                if match:
                    return match[-1]
    return None
