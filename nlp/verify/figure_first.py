"""Items that lead with their figure: "1.4% — the S&P 500's gain in January", "12 — sessions
out of 20 in which the benchmark closed higher" ("by the numbers" lists). The dash is taken
out so the item reads as a phrase ("12 sessions out of 20 ..."), and what a sentence says
before its number (direction, qualifier) is read from the words after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEAD = re.compile(r"^\s*(?P<fig>[$€£]?\d[\d,.]*\s?(?:%|percent|per cent|points?|billion|million|trillion)?)"
                   r"\s+[—–]\s+")
_FALLING = re.compile(r"\b(?:drop|dropped|decline|declined|loss|lost|fell|fall|plunge|plunged|slide|slid|"
                      r"sank|slump|tumble|tumbled|retreat|below|down|lower)\b", re.I)
_RISING = re.compile(r"\b(?:gain|gained|rise|rose|advance|advanced|jump|jumped|rally|rallied|surge|surged|"
                     r"climb|climbed|up|higher|increase)\b", re.I)
_QUALIFIER_WORDS = {"roughly": "about", "about": "about", "around": "about", "some": "about", "nearly": "just_below",
                    "almost": "just_below", "just under": "just_below", "more than": "above", "over": "above",
                    "less than": "below"}


@dataclass
class LeadFigure:
    end: int  # where the figure ends in the joined sentence
    sign: int  # the direction the words after it give (0: none)
    qualifier: str | None


def join_lead_figure(sentence: str, entities: list) -> tuple[str, list, LeadFigure | None]:
    """The sentence without the dash after a leading figure, the entities shifted to match,
    and what the words after the figure say of it."""
    m = _LEAD.match(sentence)
    if m is None:
        return sentence, entities, None
    rest = sentence[m.end():]
    joined = sentence[:m.end("fig")] + " " + rest
    shift = m.end() - m.end("fig") - 1
    moved = [e.model_copy(update={"start": e.start - shift, "end": e.end - shift}) if e.start >= m.end() else e
             for e in entities]
    words = rest[:80]
    fall, rise = _FALLING.search(words), _RISING.search(words)
    sign = 0
    if fall or rise:
        sign = -1 if fall and (not rise or fall.start() < rise.start()) else 1
    head = rest[:30].lower()
    qualifier = next((q for w, q in sorted(_QUALIFIER_WORDS.items(), key=lambda kv: -len(kv[0]))
                      if re.match(rf"(?:\w+\s+){{0,1}}{w}\b", head)), None)
    return joined, moved, LeadFigure(m.end("fig"), sign, qualifier)
