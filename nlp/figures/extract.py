"""Figures of a text: every number with its value or range, unit, magnitude, qualifier,
direction, period, metric, subject and status. Digits inside linked names ("S&P 500",
"Russell 2000", "C3.ai") are not figures."""

from __future__ import annotations

from nlp.figures.context import direction, metric, period, period_spans, qualifier, status
from nlp.figures.numbers import find_quantities
from nlp.figures.subject import find_subject
from nlp.schema import Figure

_RATIO_METRICS = {"forward_pe", "price_to_book"}


def figures_in_sentence(sentence: str, offset: int, mentions: list[tuple[int, int, str, str]],
                        parse: bool = True) -> list[Figure]:
    """``mentions``: (start, end, symbol, kind) relative to the sentence, sources excluded.
    Offsets of the returned figures are ``offset`` + position in the sentence."""
    skip = [(s, e) for s, e, _, _ in mentions]
    subjects = [(s, e, sym) for s, e, sym, _ in mentions if sym]
    kinds = {sym: kind for _, _, sym, kind in mentions}
    out = []
    sentence_status = status(sentence)
    periods = period_spans(sentence)
    quantities = [q for q in find_quantities(sentence, skip)
                  if not any(s <= q.start and q.end <= e for s, e in periods)]
    spans = [(q.start, q.end) for q in quantities]
    for q in quantities:
        word, meaning = qualifier(sentence, q.start)
        unit = q.unit
        others = [sp for sp in spans if sp != (q.start, q.end)]
        subject = find_subject(sentence, q.start, q.end, subjects, parse, kinds, others)
        name = metric(sentence, q.start, q.end, unit)
        if unit is None and name in _RATIO_METRICS:
            unit = "multiple"
        # an index level: "closed at 2,432.82", and a volatility index's "finished at 17.44"
        if unit is None and kinds.get(subject) == "index" and ((q.value or 0) >= 100 or "." in q.text):
            unit = "index_points"
            name = name if name not in (None, "return") else "price_level"
        if meaning is None and q.low is not None and q.text.lower().endswith("digit"):
            meaning = "range"
        out.append(Figure(
            start=offset + q.start, end=offset + q.end, text=q.text, value=q.value, low=q.low, high=q.high,
            unit=unit, magnitude=q.magnitude, qualifier=word, comparison=meaning,
            direction=direction(sentence, q.start, q.end), period=period(sentence, q.start, q.end, others),
            metric=name, subject=subject, status=sentence_status,
        ))
    return out
