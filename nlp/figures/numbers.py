"""Numbers in text: value, range bounds, unit, magnitude and currency.

Handles "2,576", "$251.82", "1.5–2%", "18 to 25 percent", "2-3%", "130 percentage points",
"15x", "15 times forward earnings", "$1.4 billion", "Rs 10.4 crore", "25 bps", "three rate
cuts", "triple-digit gains". Leaves out what only looks like a number: years and fiscal
years ("2025", "2012–13"), dates ("December 10th"), clock times, quarter and half labels
("Q3", "H1"), ordinals, and digits that are part of a name (the caller passes the name
spans: "S&P 500", "Russell 2000", "C3.ai").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(resources.files("nlp.figures").joinpath("data", "lexicon.json").read_text("utf-8"))


_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_CURRENCY = r"(?:US\$|C\$|A\$|\$|€|£|₹|¥|Rs\.?|USD|EUR|GBP|INR)"
_MAG = r"(?:thousand|million|millions|billion|billions|trillion|crores?|lakhs?|mln|bln|mn|bn|tn|mm|k|m|b|t)"
_UNIT = (r"(?:percentage points?|percentage-points?|pct points?|per ?cent|percent|pct|%|basis[- ]points?|bps|bp|"
         r"pp|x(?![a-z])|times|points?|pts|shares|stocks|companies|members|holdings|sessions|days|weeks|"
         r"months|years|bagger)")
_RANGE_SEP = r"\s*(?:–|—|-|to)\s*"  # not "and": "21 times and 4.6 times" are two figures
FIGURE = re.compile(
    rf"(?P<cur>{_CURRENCY})?\s?(?P<a>{_NUM})(?:\s?(?P<mag1>{_MAG})\b)?\s?(?P<unit1>{_UNIT})?"
    rf"(?:{_RANGE_SEP}(?P<cur2>{_CURRENCY})?\s?(?P<b>{_NUM})(?:\s?(?P<mag2>{_MAG})\b)?)?"
    rf"(?:\s?(?P<unit>{_UNIT}))?(?![\w])",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(
    r"\b(?P<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a dozen)"
    r"(?: or (?P<w2>two|three|four|five|six|seven|eight|nine|ten))?"
    r"(?:[- ](?P<adj>rate|straight|consecutive|more|big|major))?\s(?P<noun>rate cuts?|cuts?|hikes?|"
    r"sessions?|days?|weeks?|months?|quarters?|years?|stocks|companies|names|times)\b",
    re.IGNORECASE,
)
_DIGIT_WORDS = re.compile(r"\b(?P<w>(?:(?:low|mid|high) )?(?:single|double|triple)-digit)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d{2}$")
# a plural noun (after at most one modifier) that makes a bare integer a count
_COUNTED_NOUN = re.compile(r" (?:[a-z]+ )?(?!times\b|cents\b|points\b)[a-z]{3,}(?<!s)s\b(?! of\b)")
# a capitalised word (not the first of its sentence) right before a bare integer
_NAME_BEFORE = re.compile(r"[\w,;)] (?!(?:The|A|An|In|On|At|By|For|To|Of|And|Or|With|From|About|Over|Under|Up|Down)\b)"
                          r"[A-Z][A-Za-z&.]+ $")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec")


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    magnitude: float | None = None
    currency: str | None = None


def _to_float(raw: str) -> float:
    return float(raw.replace(",", ""))


def _unit_name(raw: str | None, currency: str | None) -> str | None:
    if currency:
        return "currency"
    if raw is None:
        return None
    u = raw.lower().replace("-", " ")
    if u.startswith("percentage point") or u.startswith("pct point") or u == "pp":
        return "percentage_points"
    if u in ("%", "percent", "per cent", "percent", "pct") or u.startswith("per cent"):
        return "percent"
    if u.startswith("basis point") or u in ("bps", "bp"):
        return "basis_points"
    if u in ("x", "times"):
        return "multiple"
    if u.startswith("point") or u == "pts":
        return "index_points"
    if u == "bagger":
        return "multiple"
    return "count"


def find_quantities(text: str, skip: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Every figure in ``text`` outside the ``skip`` spans (names that contain digits)."""
    lex = lexicon()
    blocked = bytearray(len(text) + 1)
    for s, e in skip:
        blocked[s:e] = b"\x01" * (e - s)
    out: list[Quantity] = []
    for m in FIGURE.finditer(text):
        a_start = m.start("a")
        if blocked[a_start] or _not_a_figure(text, m):
            continue
        unit_raw = m.group("unit") or m.group("unit1")
        cur_raw = m.group("cur") or m.group("cur2")
        currency = lex["currencies"].get(cur_raw.lower()) if cur_raw else None
        mag_raw = m.group("mag2") or m.group("mag1")
        magnitude = lex["magnitudes"].get(mag_raw.lower()) if mag_raw else None
        if mag_raw and mag_raw.lower() in ("m", "b", "t", "k") and not currency:
            magnitude = None if not re.match(r"[mbtk]\b", mag_raw, re.I) else magnitude
        a = _to_float(m.group("a"))
        b = _to_float(m.group("b")) if m.group("b") else None
        if b is not None and m.group("unit1") and m.group("unit") and \
                _unit_name(m.group("unit1"), None) != _unit_name(m.group("unit"), None):
            # "120 basis points to 9.4%": two figures with their own units, not a range
            first_end = m.end("unit1")
            out.append(Quantity(a_start, first_end, text[a_start:first_end], a, unit=_unit_name(m.group("unit1"), None)))
            second = m.start("cur2") if m.group("cur2") else m.start("b")
            for q in find_quantities(text[second:m.end()]):
                q.start, q.end = q.start + second, q.end + second
                out.append(q)
            continue
        if b is not None and _fiscal_year(m.group("a"), m.group("b")):
            continue
        start = m.start("cur") if m.group("cur") else a_start
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if b is not None:
            low, high = (a, b) if a <= b else (b, a)
            q = Quantity(start, end, text[start:end], None, low, high)
        else:
            q = Quantity(start, end, text[start:end], a)
            if unit_raw is None and m.group("b") is None:
                end = m.end("mag1") if m.group("mag1") else m.end("a")
                q.end, q.text = end, text[start:end]
        q.unit = _unit_name(unit_raw, currency)
        if q.unit is None and magnitude is None and b is None and "." not in m.group("a") and \
                _COUNTED_NOUN.match(text, q.end):
            q.unit = "count"  # "46 deals", "11 consecutive years"
        q.magnitude = magnitude
        q.currency = currency
        if q.unit == "multiple" and unit_raw and unit_raw.lower() == "bagger":
            q.value = q.value or a
        out.append(q)
    out += _word_quantities(text, blocked, out)
    return _between_ranges(text, sorted(out, key=lambda q: q.start))


def _between_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """"between 2,650 and 2,800": one range, not two figures (plain "and" joins two figures)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and prev.value is not None and q.value is not None and \
                text[prev.end:q.start] == " and " and text[max(0, prev.start - 8):prev.start].lower() == "between " \
                and prev.unit in (None, q.unit) and prev.magnitude in (None, q.magnitude):
            low, high = sorted((prev.value, q.value))
            out[-1] = Quantity(prev.start, q.end, text[prev.start:q.end], None, low, high, q.unit, q.magnitude,
                               q.currency or prev.currency)
            continue
        out.append(q)
    return out


def _not_a_figure(text: str, m: re.Match[str]) -> bool:
    raw = m.group("a")
    before = text[max(0, m.start("a") - 12):m.start("a")].lower()
    after = text[m.end("a"):m.end("a") + 4]
    if re.search(r"[A-Za-z]$", before) or re.match(r"[A-Za-z]{1,2}\d", text[max(0, m.start("a") - 1):m.end("a")]):
        return True  # Q3, H1, FY2025, C3, 10-K handled below
    if re.match(r"(?:st|nd|rd|th)\b", after):
        return True  # ordinal: "December 10th"
    if re.match(r"[:]\d", after) or re.match(r"\s?[ap]\.?m\.?\b", after, re.I):
        return True  # clock time
    if re.match(r"-[A-Za-z]\b", after) and not re.match(r"-(?:x|fold)\b", after, re.I):
        return True  # "10-K"
    if _YEAR.match(raw) and not m.group("unit") and not m.group("unit1") and not m.group("cur"):
        return True  # a year, not a quantity
    if re.match(r"^\d{4}s$", raw + text[m.end("a"):m.end("a") + 1]):
        return True  # "the 1990s"
    if re.search(r"\b(?:" + "|".join(_MONTHS) + r")\.? ?$", before) and float(raw.replace(",", "")) <= 31:
        return True  # "Dec. 24", "December 10"
    if re.match(r"\.\d{1,2} \d{4}", text[m.end("a"):m.end("a") + 8]):
        return True  # "Dec.24 2025"
    bare = not (m.group("unit") or m.group("unit1") or m.group("cur") or m.group("cur2") or m.group("b"))
    if bare and re.match(r"-(?:year|month|week|day|session|quarter)s?\b", after + text[m.end("a") + 4:m.end("a") + 12]):
        return True  # a duration naming something else: "10-year average", "52-week high"
    if bare and "." not in raw and _NAME_BEFORE.search(text, 0, m.start("a")) and \
            not re.search(r"\b(?:" + "|".join(_MONTHS) + r")\.? ?$", before, re.I):
        return True  # part of a name: "Issue 212", "Phase 3", "Smallcap 250"
    return False


def _fiscal_year(a: str, b: str) -> bool:
    """'2012–13', '2022-2023': years, not a range of numbers."""
    return bool(_YEAR.match(a)) and (len(b) == 2 or bool(_YEAR.match(b)))


def _word_quantities(text: str, blocked: bytearray, found: list[Quantity]) -> list[Quantity]:
    lex = lexicon()
    taken = [(q.start, q.end) for q in found]
    out = []
    for m in _WORD_NUMBER.finditer(text):
        if blocked[m.start()] or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        noun = m.group("noun").lower()
        if noun in ("times",):
            continue
        value = float(lex["number_words"][m.group("w").lower()])
        if m.group("w2"):  # "one or two more cuts"
            end = m.end("w2")
            high = float(lex["number_words"][m.group("w2").lower()])
            out.append(Quantity(m.start(), end, text[m.start():end], None, value, high, unit="count"))
            continue
        end = m.end("w")
        out.append(Quantity(m.start(), end, text[m.start():end], value, unit="count"))
    for m in _DIGIT_WORDS.finditer(text):
        low, high = lex["digit_words"][m.group("w").lower()]
        unit = "percent" if re.match(r"\s*(?:[a-z]+\s+)?(?:%|percent|gains?|growth|returns?|price gains)",
                                     text[m.end():m.end() + 30], re.I) else None
        out.append(Quantity(m.start(), m.end(), m.group(), None, float(low), float(high), unit=unit))
    return out
