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

from nlp.figures.units import CURRENCY_WORD, CURRENCY_WORDS, DURATION
from nlp.figures.words import word_quantities


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(resources.files("nlp.figures").joinpath("data", "lexicon.json").read_text("utf-8"))


# scientific notation, "1 1/2", "3/8" (small denominators only: "10/12" is a date), "4½",
# "10 000" before a currency word, then the usual forms
_NUM = (r"\d+(?:\.\d+)?[eE][-+]?\d+|\d+ [1-7]/[2348](?![\d/])|[1-7]/[2348](?![\d/])|\d*[½¼¾]|"
        rf"\d{{1,3}}(?: \d{{3}})+(?= (?:{CURRENCY_WORD})\b)|(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|\.\d+")
# letters that name a currency only as a word of their own: "$CVRS 70.32%" is not rupees
_CURRENCY = r"(?:US\$|C\$|A\$|\$|€|£|₹|¥|(?<![A-Za-z$])(?:Rs\.?|USD|EUR|GBP|INR)(?![A-Za-z]))"
_MAG = r"(?:thousand|million|millions|billion|billions|trillion|crores?|lakhs?|mln|bln|mn|bn|tn|mm|k|m|b|t)"
_UNIT = (r"(?:percentage points?|percentage-points?|pct points?|per ?cent|percent|pct|%|basis[- ]points?|bps|bp|"
         rf"pp|x(?![a-z])|times|points?|pts|shares|stocks|companies|members|holdings|sessions|{DURATION}|"
         rf"bagger|€|£|{CURRENCY_WORD})")
_RANGE_SEP = r"\s*(?:–|—|-|to)\s*"  # not "and": "21 times and 4.6 times" are two figures
FIGURE = re.compile(
    rf"(?P<sign>(?<![\w.%)])[-−+](?=[$€£\d]))?(?P<pre>(?<![\w.])%(?=\d))?"
    rf"(?P<cur>{_CURRENCY})?\s?(?P<po>\()?(?P<a>{_NUM})(?(po)\))(?:\s?(?P<mag1>{_MAG})\b)?\s?(?P<unit1>{_UNIT})?"
    rf"(?:{_RANGE_SEP}(?P<cur2>{_CURRENCY})?\s?(?P<b>{_NUM})(?:\s?(?P<mag2>{_MAG})\b)?)?"
    rf"(?:\s?(?P<unit>{_UNIT}))?(?![\w])",
    re.IGNORECASE,
)
_DIGIT_WORDS = re.compile(r"\b(?P<w>(?:(?:low|mid|high) )?(?:single|double|triple)-digit)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d{2}$")
# a plural noun (after at most one modifier) that makes a bare integer a count
_COUNTED_NOUN = re.compile(r" (?:[a-z]+ )?(?!times\b|cents\b|points\b)[a-z]{3,}(?<!s)s\b(?! of\b)")
# a capitalised word (not the first of its sentence) right before a bare integer
# (or a word with a capital inside or digits: "iPhone 15", "Core i7 860"; or a capitalised first
# word of the sentence: "Windows 11", "Room 404")
_NAME_BEFORE = re.compile(r"(?:^|[\w,;)] )(?!(?:The|A|An|In|On|At|By|For|To|Of|And|Or|With|From|About|Over|Under|Up|"
                          r"Down|Since|Only|Just|About|Nearly|Some|All|Its|Their|Top|Last|First|Another|Each|Every)\b)"
                          r"(?:[A-Z][A-Za-z&.]+|[a-z]+[A-Z][A-Za-z]*|[A-Za-z]+\d+[A-Za-z\d]*) $")
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
    if u in ("x", "times", "bagger"):
        return "multiple"
    if u.startswith("point") or u == "pts":
        return "index_points"
    if u in ("€", "£") or u in CURRENCY_WORDS:
        return "currency"
    if re.fullmatch(DURATION, u):
        return "duration"
    return "count"


def _currency_of(unit_raw: str | None) -> str | None:
    if not unit_raw:
        return None
    u = unit_raw.lower()
    return {"€": "EUR", "£": "GBP"}.get(u) or (CURRENCY_WORDS[u][0] if u in CURRENCY_WORDS else None)


def _number(raw: str) -> float:
    """'2,576', '1.5e9', '3/8', '1 1/2', '4½', '10 000'."""
    raw = raw.replace(",", "")
    tail = {"½": 0.5, "¼": 0.25, "¾": 0.75}.get(raw[-1:])
    if tail is not None:
        return float(raw[:-1] or 0) + tail
    if "/" in raw:
        whole, _, frac = raw.rpartition(" ")
        top, bottom = frac.split("/")
        return float(whole or 0) + int(top) / int(bottom)
    return float(raw.replace(" ", ""))


_CASHTAG = re.compile(r"(?<![\w$])\$[A-Z]{1,5}\b")
# a bare number after one of these words in a post about a ticker is a price ("stopped at 130.7")
_PRICE_WORDS = re.compile(r"(?:\$[A-Z]{1,5}|stop(?:ped)?(?: out)?(?: loss)?|target|tgt|pt|entry|support|resistance|"
                          r"bought|sold|broke|closed|holding|at|@)\s*:?\s*$", re.I)


def find_quantities(text: str, skip: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Every figure in ``text`` outside the ``skip`` spans (names that contain digits)."""
    lex = lexicon()
    blocked = bytearray(len(text) + 1)
    for s, e in skip:
        blocked[s:e] = b"\x01" * (e - s)
    tweet = bool(_CASHTAG.search(text))
    out: list[Quantity] = []
    for m in FIGURE.finditer(text):
        a_start = m.start("a")
        if blocked[a_start] or _not_a_figure(text, m):
            continue
        unit_raw = m.group("unit") or m.group("unit1") or ("%" if m.group("pre") else None)
        cur_raw = m.group("cur") or m.group("cur2")
        currency = lex["currencies"].get(cur_raw.lower()) if cur_raw else _currency_of(unit_raw)
        factor = CURRENCY_WORDS.get((unit_raw or "").lower(), ("", 1.0))[1]
        mag_raw = m.group("mag2") or m.group("mag1")
        magnitude = lex["magnitudes"].get(mag_raw.lower()) if mag_raw else None
        if mag_raw and mag_raw.lower() in ("m", "b", "t", "k") and not currency:
            magnitude = None if not re.match(r"[mbtk]\b", mag_raw, re.I) else magnitude
        a = _number(m.group("a"))
        b = _number(m.group("b")) if m.group("b") else None
        if b is not None and _not_one_range(m):
            # "120 basis points to 9.4%", "2.1% to $24.3 billion", "from 2017 to 2.3x": two
            # figures, each with its own unit (or a year) — a range has one unit and one measure
            first_end = m.end("unit1") if m.group("unit1") else m.end("a")
            a *= CURRENCY_WORDS.get((m.group("unit1") or "").lower(), ("", 1.0))[1]  # "5 cents to $12.45"
            if not _YEAR.match(m.group("a")) or m.group("unit1"):
                first_start = m.start("cur") if m.group("cur") else m.start("pre") if m.group("pre") else a_start
                u1 = m.group("unit1") or ("%" if m.group("pre") else None)
                out.append(Quantity(first_start, first_end, text[first_start:first_end], a,
                                    unit=_unit_name(u1, lex["currencies"].get((m.group("cur") or "").lower())),
                                    currency=lex["currencies"].get((m.group("cur") or "").lower())))
            second = m.start("cur2") if m.group("cur2") else m.start("b")
            for q in find_quantities(text[second:m.end()]):
                q.start, q.end = q.start + second, q.end + second
                q.text = text[q.start:q.end]
                out.append(q)
            continue
        if b is not None and _fiscal_year(m.group("a"), m.group("b")):
            continue
        start = min(m.start(g) for g in ("sign", "pre", "cur", "po", "a") if m.group(g))
        end = m.end()
        if b is None and m.group("unit1") and m.group("unit"):
            unit_raw, end = m.group("unit1"), m.end("unit1")  # "14.4% year over year": the unit is "%"
            currency = lex["currencies"].get(cur_raw.lower()) if cur_raw else _currency_of(unit_raw)
        while end > start and text[end - 1].isspace():
            end -= 1
        negative = bool(m.group("sign") and m.group("sign") in "-−") or bool(m.group("po"))
        if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")":
            negative, start, end = True, start - 1, end + 1  # accounting: "($99.99)", "(€45 million)"
        if b is not None:
            low, high = (a, b) if a <= b else (b, a)
            q = Quantity(start, end, text[start:end], None, low * factor, high * factor)
        else:
            q = Quantity(start, end, text[start:end], -a * factor if negative else a * factor)
            if unit_raw is None and m.group("b") is None:
                end = m.end("mag1") if m.group("mag1") else m.end("a")
                end += text[end:end + 1] == ")" and start < m.start("a") and text[m.start("a") - 1] == "("
                q.end, q.text = end, text[start:end]
        q.unit = _unit_name(unit_raw, currency)
        if q.unit is None and tweet and b is None and _PRICE_WORDS.search(text, 0, start):
            q.unit, currency = "currency", "USD"  # "$NFLX stopped at 130.7", "$AMZN target 2550"
        if q.unit is None and magnitude is None and b is None and not re.search(r"[./½¼¾]", m.group("a")) and \
                _COUNTED_NOUN.match(text, q.end):
            q.unit = "count"  # "46 deals", "11 consecutive years"
        q.magnitude = magnitude
        q.currency = currency
        if q.unit == "multiple" and unit_raw and unit_raw.lower() == "bagger":
            q.value = q.value or a
        out.append(q)
    out += _word_quantities(text, blocked, out)
    return _between_ranges(text, sorted(out, key=lambda q: q.start))


def _not_one_range(m: re.Match[str]) -> bool:
    unit1, unit2 = m.group("unit1"), m.group("unit")
    if unit1 and unit2:
        return _unit_name(unit1, None) != _unit_name(unit2, None)
    if _YEAR.match(m.group("a")) and not _YEAR.match(m.group("b")):
        return True  # "from 2017 to 2.3x"
    separator = m.string[m.end("unit1") if unit1 else m.end("a"):m.start("cur2") if m.group("cur2") else m.start("b")]
    if "to" not in separator:
        return False  # "2-3%", "4.25%–4.50%": a dash joins the two ends of one range
    before = m.string[max(0, m.start() - 20):m.start()].lower()
    if re.search(r"\bfrom\s*$", before) and not re.search(r"\b(?:rang\w*|anywhere|vary|varied)\s+from\s*$", before):
        return True  # "cut fees from 0.25% to 0.18%": a change between two figures, not a range
    # "grew 2.1% to $24.3 billion", "7% to 1,250 units": one end has a unit or currency the other lacks
    return (bool(unit1) and not unit2) or bool(m.group("cur")) != bool(m.group("cur2"))


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
    # part of a name: "Issue 212", "Phase 3", "Smallcap 250"
    return bool(bare and "." not in raw and _NAME_BEFORE.search(text, 0, m.start("a"))
                and not re.search(r"\b(?:" + "|".join(_MONTHS) + r")\.? ?$", before, re.I))


def _fiscal_year(a: str, b: str) -> bool:
    """'2012–13', '2022-2023': years, not a range of numbers."""
    return bool(_YEAR.match(a)) and (len(b) == 2 or bool(_YEAR.match(b)))


def _word_quantities(text: str, blocked: bytearray, found: list[Quantity]) -> list[Quantity]:
    lex = lexicon()
    taken = [(q.start, q.end) for q in found]
    out = []
    for start, end, value, low, high, unit, _factor in word_quantities(text):
        if blocked[start] or any(s < end and start < e for s, e in taken):
            continue
        currency = "USD" if unit == "currency" else None
        if unit == "currency":
            currency = next((code for word, (code, _) in CURRENCY_WORDS.items()
                             if text[start:end].lower().endswith(word)), "USD")
        out.append(Quantity(start, end, text[start:end], value, low, high, unit=unit, currency=currency))
    for m in _DIGIT_WORDS.finditer(text):
        low, high = lex["digit_words"][m.group("w").lower()]
        unit = "percent" if re.match(r"\s*(?:[a-z]+\s+)?(?:%|percent|gains?|growth|returns?|price gains)",
                                     text[m.end():m.end() + 30], re.I) else None
        out.append(Quantity(m.start(), m.end(), m.group(), None, float(low), float(high), unit=unit))
    return out
