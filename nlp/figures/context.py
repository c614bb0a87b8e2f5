"""What surrounds a number: its qualifier ("nearly"), direction ("fell"), period ("since
August 2025"), metric (forward P/E, intraday high, return…) and status (fact, forecast,
hypothetical). Each reads the figure's sentence; the lexicon is ``data/lexicon.json``."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.figures.numbers import lexicon

_CLAUSE_BREAK = re.compile(r"[;:—]|,\s(?:while|whereas|but|and|with|compared|versus)\b"
                           r"|\bvs\.?\s|\bcompared (?:to|with)\b")
_STRONG_METRICS = {"intraday_high", "record_high"}


@lru_cache(maxsize=1)
def _compiled() -> dict:
    lex = lexicon()
    quals = sorted(lex["qualifiers"], key=lambda q: -len(q[0]))
    return {
        "qualifier": [(word, meaning, re.compile(rf"(?:^|[\s(]){re.escape(word)}\s*$", re.I))
                      for word, meaning in quals],
        "directions": {d: re.compile(p, re.I) for d, p in lex["directions"].items()},
        "periods": [(name, re.compile(p, re.I)) for name, p in lex["periods"]],
        "metrics": [(name, re.compile(p, re.I)) for name, p in lex["metrics"]],
        "forecast": re.compile(lex["forecast"], re.I),
        "hypothetical": re.compile(lex["hypothetical"], re.I),
        "superlative": re.compile(lex["superlative"], re.I),
    }


def qualifier(sentence: str, start: int) -> tuple[str | None, str | None]:
    """The hedge word right before the number and its comparison meaning."""
    before = sentence[max(0, start - 25):start]
    for word, meaning, pattern in _compiled()["qualifier"]:
        if pattern.search(before):
            return word, meaning
    return None, None


def clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence the number belongs to (cut at ';', ':', ', while', 'vs')."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence[:start]):
        left = m.end()
    right = len(sentence)
    m = _CLAUSE_BREAK.search(sentence, end)
    if m:
        right = m.start()
    return left, right


def direction(sentence: str, start: int, end: int) -> str | None:
    left, right = clause(sentence, start, end)
    before = sentence[left:start]
    best: tuple[int, str] | None = None
    for name, pattern in _compiled()["directions"].items():
        for m in pattern.finditer(before):
            if best is None or m.start() > best[0]:
                best = (m.start(), name)
    if best is None:
        after = sentence[end:min(right, end + 25)]
        for name, pattern in _compiled()["directions"].items():
            if pattern.search(after):
                return name
    return best[1] if best else None


@lru_cache(maxsize=4)
def _all_matches(kind: str, sentence: str) -> list[tuple[int, str, re.Match]]:
    """Every match of every pattern of one kind in the sentence, computed once however many
    figures the sentence holds (a flattened table holds thousands)."""
    return [(rank, name, m) for rank, (name, pattern) in enumerate(_compiled()[kind])
            for m in pattern.finditer(sentence)]


def _within(kind: str, sentence: str, lo: int, hi: int):
    return [(rank, name, m) for rank, name, m in _all_matches(kind, sentence) if lo <= m.start() and m.end() <= hi]


def period(sentence: str, start: int, end: int, others: list[tuple[int, int]] = ()) -> str | None:
    """The period phrase nearest the number within its clause, else one that opens the
    sentence ("Since August, A rose 5% and B 7%": a lead-in governs every clause); a period
    in another clause further on belongs to that clause's figures, and one with another
    figure (``others``) between it and the number belongs to that figure ("fell to 6.9%, down
    from 8.4% in March")."""
    left, right = clause(sentence, start, end)
    first_break = _CLAUSE_BREAK.search(sentence)
    lead_in = first_break.start() if first_break else len(sentence)
    lead_in = min([lead_in, left, start] + [s for s, _ in others])  # before any clause break or figure
    for lo, hi, nearest_only in ((left, right, True), (0, lead_in, False)):
        found = []
        for _rank, name, m in _within("periods", sentence, lo, hi):
            if m.start() < end and start < m.end() or _dates_a_superlative(sentence, m.start()):
                continue
            gap = (end, m.start()) if m.start() >= end else (m.end(), start)
            if nearest_only and any(gap[0] <= s and e <= gap[1] for s, e in others):
                continue
            distance = m.start() - end if m.start() >= end else start - m.end()
            # "from its April lows … by the end of 2025": the starting point defines the window
            found.append((-1 if name == "from_event" else distance, m.group().strip()))
        if found:
            return min(found)[1]
    return None


def _dates_a_superlative(sentence: str, at: int) -> bool:
    """"the highest ratio in eight months", "the most since March 2024": the period says how
    rare the record is, it is not the window of any figure."""
    return bool(_compiled()["superlative"].search(sentence[max(0, at - 40):at]))


def metric(sentence: str, start: int, end: int, unit: str | None) -> str | None:
    """The metric named nearest the number: in its clause first, else in the sentence (in
    "… 80% of their revenue, against 60% for large firms" the second figure borrows the
    first one's metric)."""
    left, right = clause(sentence, start, end)
    for lo, hi in ((max(left, start - 60), min(right, end + 60)), (0, len(sentence))):
        found = []
        for rank, name, m in _within("metrics", sentence, lo, hi):
            if name == "return" and unit not in ("percent", "percentage_points", None):
                continue
            after = m.start() >= end
            distance = m.start() - end if after else max(0, start - m.end())
            # "record close of X", "X intraday": a strong word right before or just after wins
            if name in _STRONG_METRICS and distance <= (12 if after else 40):
                distance = -1
            found.append((distance, rank, name))
        if found:
            return min(found)[2]
    return "price_level" if unit == "index_points" else None


def period_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence names a period ("over the past six months"): numbers inside are
    part of the period, not figures."""
    return [m.span() for _name, pattern in _compiled()["periods"] for m in pattern.finditer(sentence)]


def status(sentence: str) -> str:
    c = _compiled()
    if c["forecast"].search(sentence):
        return "forecast"
    if re.search(r"^\s*if\b|,\s*if\b|\bwould\b", sentence, re.I):
        return "hypothetical"
    return "fact"
