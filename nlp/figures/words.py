"""Numbers written as words: "three rate cuts", "a dozen analysts", "twenty million pounds",
"Thirty-five percent", "one or two more cuts", and fractions ("two-thirds", "a quarter of").

The words are read by ``text2num`` (chosen by measurement over number-parser and
word2number, BENCHMARKS.md: as many phrases right, and it never reads a non-number word as a
number — number-parser reads "once" as 11, word2number "point" as 0). A run of number words is
a figure only when a unit or a counted noun follows it: "one analyst said" is a figure, "one of
the reasons" is not, and neither is the pronoun "one".
"""

from __future__ import annotations

import re

from text_to_num import text2num

from nlp.figures.units import unit_after

_SMALL = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_SCALE = "hundred|thousand|million|billion|trillion"
_WORD = rf"(?:{_SMALL}|{_SCALE})"
RUN = re.compile(rf"\b(?P<run>(?:a )?dozen|{_WORD}(?:(?:[- ]|\sand\s){_WORD})*)\b"
                 rf"(?P<alt> or (?P<run2>{_WORD}(?:-{_WORD})?))?", re.IGNORECASE)
_FRACTION = re.compile(r"\b(?P<num>a|an|one|two|three|four|five|seven)[- ]"
                       r"(?P<den>halfs?|halves|thirds?|quarters?|fifths?|eighths?)\b(?= of\b)|"
                       r"\b(?P<num2>two|three|four|one)-(?P<den2>thirds?|quarters?|fifths?|eighths?)\b",
                       re.IGNORECASE)
_DENOMINATORS = {"half": 2, "halfs": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "eighth": 8, "eighths": 8}


def word_value(words: str) -> float | None:
    """The number a run of number words names, or None when the run is not one number."""
    w = words.lower().strip()
    if w in ("a dozen", "dozen"):
        return 12.0
    try:
        return float(text2num(w.replace(" and ", " "), "en"))
    except ValueError:
        try:  # text2num wants the conjunction of "one hundred and twenty"
            return float(text2num(w, "en"))
        except ValueError:
            return None


def word_quantities(text: str) -> list[tuple[int, int, float | None, float | None, float | None, str | None, float]]:
    """(start, end, value, low, high, unit, factor) of each number written in words."""
    out = []
    for m in _FRACTION.finditer(text):
        num = (m.group("num") or m.group("num2")).lower()
        den = _DENOMINATORS[(m.group("den") or m.group("den2")).lower()]
        top = 1.0 if num in ("a", "an") else word_value(num)
        if top is not None and top < den:
            out.append((m.start(), m.end(), round(top / den, 4), None, None, None, 1.0))
    taken = [(s, e) for s, e, *_ in out]
    for m in RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        run = m.group("run")
        value = word_value(run)
        if value is None:
            continue
        end = m.end("run")
        unit, factor, unit_end = unit_after(text, m.end())
        if unit is None or unit == "count" and value == 1 and re.match(r"\s+of\b", text[m.end():]):
            continue  # "one of the reasons"
        if m.group("alt"):  # "one or two more cuts"
            high = word_value(m.group("run2"))
            if high is not None:
                out.append((m.start(), m.end("run2"), None, value, high, unit, factor))
                continue
        if unit != "count":
            end = unit_end  # "twenty million pounds", "two years": the unit is part of the figure
        out.append((m.start(), end, value * factor, None, None, unit, 1.0))
    return out
