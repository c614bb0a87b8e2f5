"""Which security a number is about, by the sentence's structure first and proximity last.

In order: a label before a colon ("Russell 2000: Up 13.5%"); "for/of <mention>" right after
the number ("60% for S&P 500 companies"); the grammatical subject of the verb that governs
the number (spaCy's parser: "the Russell 2000 … reaching 2,576"); the nearest mention before
it in its clause; the nearest before it in the sentence; the nearest after it in its clause.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache

from nlp.figures.context import clause

_FOR_OF = re.compile(r"^\s*(?:\w+\s){0,3}?(?:for|of|in)\s+(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"^['’]s?\s+(?:\w+\s){0,2}?$")
_SUBORDINATE = re.compile(r"\b(?:when|while|whereas|as|if|whenever)\b", re.I)
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# "small caps like Badger Infrastructure": the most specific security in a phrase is its subject
_GAPPED = re.compile(r"\)?[ \t]{1,2}$")
_SPECIFICITY = {"stock": 0, "etf": 1, "index": 2, "basket": 3, "segment": 4}


@lru_cache(maxsize=1)
def _parser():
    from nlp.language import load_english

    return load_english(("ner", "lemmatizer"))


_PARSES: OrderedDict[str, object] = OrderedDict()
_PARSES_KEPT = 512


def _parsed(sentence: str):
    """One parse per sentence, however many figures it holds (see :func:`parse_ahead`)."""
    doc = _PARSES.get(sentence)
    if doc is None:
        doc = _remember(sentence, _parser()(sentence))
    return doc


def needs_parse(mentions) -> bool:
    """The parse only decides between two or more named subjects; with one, the rules after
    it pick the same symbol or none, so the (costly) parse is skipped."""
    return len({m[2] for m in mentions if m[2]}) >= 2


def parse_ahead(sentences: list[str]) -> None:
    """Parse the sentences a document will ask about in one ``nlp.pipe`` batch, which is 2–3×
    faster than one call per sentence (the tok2vec layers run on a batch). Parses of earlier
    documents are dropped: the cache serves one document, so a batch costs the same whatever
    text its articles share."""
    _PARSES.clear()
    todo = list(dict.fromkeys(sentences))
    for sentence, doc in zip(todo, _parser().pipe(todo, batch_size=64), strict=True):
        _remember(sentence, doc)


def _remember(sentence: str, doc):
    _PARSES[sentence] = doc
    if len(_PARSES) > _PARSES_KEPT:
        _PARSES.popitem(last=False)
    return doc


def find_subject(sentence: str, start: int, end: int, mentions: list[tuple[int, int, str]],
                 parse: bool = True, kinds: dict[str, str] | None = None,
                 others: list[tuple[int, int]] = ()) -> str | None:
    """``mentions``: (start, end, symbol) within the sentence, sources excluded; ``kinds``:
    symbol -> kind; ``others``: the spans of the sentence's other figures."""
    if not mentions:
        return None
    colon = sentence.rfind(":", 0, start)
    if colon != -1 and "\n" not in sentence[colon:start]:
        label = [m for m in mentions if m[1] <= colon and colon - m[1] < 40 and "." not in sentence[m[1]:colon]]
        if label and sentence[colon + 1:start].count(",") == 0:
            return label[-1][2]
    gapped = [m for m in mentions if m[1] <= start and _GAPPED.match(sentence[m[1]:start])]
    if gapped:  # "VB 0.05% and IJR 0.06%": the verb is left out, the name stands right before
        return gapped[-1][2]
    owner = [m for m in mentions if m[1] <= start and _POSSESSIVE.match(sentence[m[1]:start])]
    if owner:  # "the S&P 500's 17.2"
        return owner[-1][2]
    after = [m for m in mentions if m[0] >= end and m[0] - end <= 40 and _FOR_OF.match(sentence[end:m[0]])]
    if after:
        return after[0][2]
    # "small caps jump 2-3% in sessions when the S&P 500 climbs 1%": after another figure, a
    # subordinate clause ("when", "while", "as", "if") names its own subject before its figure
    prev_end = max((e for s, e in others if e <= start), default=None)
    if prev_end is not None:
        sub = _SUBORDINATE.search(sentence, prev_end, start)
        inside = [m for m in mentions if sub and sub.end() <= m[0] and m[1] <= start]
        if inside:
            return inside[-1][2]
    if parse and needs_parse(mentions):
        found = _by_syntax(sentence, start, end, mentions, kinds or {})
        if found:
            return found
    left, right = clause(sentence, start, end)
    before_clause = [m for m in mentions if left <= m[0] and m[1] <= start]
    if before_clause:
        return before_clause[-1][2]
    before = [m for m in mentions if m[1] <= start]
    if before:
        return before[-1][2]
    # a name after the number is its subject only when no other figure sits between them
    after_clause = [m for m in mentions if m[0] >= end and m[1] <= right
                    and not any(end <= s and e <= m[0] for s, e in others)]
    return after_clause[0][2] if after_clause else None


def _by_syntax(sentence: str, start: int, end: int, mentions, kinds: dict[str, str]) -> str | None:
    doc = _parsed(sentence)
    token = next((t for t in doc if t.idx <= start < t.idx + len(t) or t.idx >= start), None)
    if token is None:
        return None
    head = token
    for _ in range(8):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            break
        head = head.head
    verbs = [head] + ([head.head] if head.dep_ in ("xcomp", "advcl", "conj", "acl", "relcl") else [])
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                lo = child.left_edge.idx
                hi = child.right_edge.idx + len(child.right_edge)
                inside = [m for m in mentions if lo <= m[0] and m[1] <= hi]
                if inside:
                    return min(inside, key=lambda m: _SPECIFICITY.get(kinds.get(m[2], ""), 5))[2]
    return None
