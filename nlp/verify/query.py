"""A claim sentence read as market queries: which instrument, which measure, over which
window, and what value the sentence asserts with which qualifier and rounding.

The reading is driven by data (``data/instruments.json``, ``data/measures.json``): a new
family of claims is a new entry there and one executor function in
:mod:`nlp.verify.measures`, not a new phrase list here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.verify.temporal import Period

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Asserted:
    """A number as the sentence states it: its value, how many decimals it was written with
    (its rounding sets the tolerance), its qualifier and sign."""

    value: float | None
    decimals: int = 0
    qualifier: str | None = None  # just_below, above, below, about, between
    sign: int = 0  # +1 up, -1 down, 0 not stated
    text: str = ""
    upper: float | None = None  # "between 1.5% and 2%": the range's upper end (value is the lower)

    @property
    def signed(self) -> float | None:
        return None if self.value is None else (self.value * self.sign if self.sign else self.value)


@dataclass
class Query:
    instrument: str | None
    measure: str
    asserted: Asserted
    period: Period | None = None
    versus: str | None = None  # the yardstick of a relative claim
    options: dict = field(default_factory=dict)  # measure-specific: rank, direction, unit, counts
    reference: dt.date | None = None  # the date "now" is, for this claim

    def describe(self) -> str:
        return f"{self.measure} of {self.instrument}"


@dataclass
class Plan:
    """What a claim sentence asks of the price data, or why it asks nothing."""

    queries: list[Query] = field(default_factory=list)
    reason: str | None = None  # why nothing could be checked
    # a not_prices kind of measures.json (total_return, forecast, ...), no_instrument, no_date, no_measure
    kind: str | None = None


@lru_cache(maxsize=1)
def rules() -> tuple[dict, dict]:
    """The instrument and measure tables, with patterns compiled."""
    instruments = json.loads((DATA / "instruments.json").read_text("utf-8"))
    measures = json.loads((DATA / "measures.json").read_text("utf-8"))
    numbers = "|".join(sorted(measures["numbers"], key=len, reverse=True))
    ordinals = "|".join(measures["ordinals"])
    qualifier = "(?:" + "|".join(re.escape(w) for ws in measures["qualifiers"].values() for w in
                                 sorted(ws, key=len, reverse=True)) + ")"
    compiled = []
    for entry in measures["measures"]:
        pattern = entry["pattern"].replace("{number}", numbers).replace("{ordinal}", ordinals)
        compiled.append((entry["measure"], re.compile(pattern.replace("{qualifier}", qualifier), re.I)))
    measures["compiled"] = compiled
    # one pattern per kind of fact prices cannot settle: any of its cues as a whole word
    for entry in measures["not_prices"].values():
        entry["compiled"] = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(entry["cues"], key=len, reverse=True))
            + r")(?![\w-])")
    aliases = sorted(instruments["aliases"].items(), key=lambda kv: len(kv[0]), reverse=True)
    instruments["alias_patterns"] = [(re.compile(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", re.I), s)
                                     for a, s in aliases]
    return instruments, measures


def count_word(word: str) -> int | None:
    _, measures = rules()
    word = word.lower().rstrip("stndrh") if word[:1].isdigit() else word.lower()
    if word.isdigit():
        return int(word)
    return measures["numbers"].get(word) or measures["ordinals"].get(word)


# ---- numbers -----------------------------------------------------------------------------
_WORD_NUMBERS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                 "twenty-five|thirty|forty|fifty")
_FRACTIONS = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one-third": 1 / 3, "two-thirds": 2 / 3,
              "a quarter": 0.25, "a fifth": 0.2, "a tenth": 0.1}
_MULTIPLES = {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0, "halved": -50.0}
_NUMBER = re.compile(
    r"(?P<cur>[$€£])?(?:(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # "six per cent", "two percentage points": a number word counts only with its unit
    rf"|\b(?P<word>{_WORD_NUMBERS})(?=\s(?:percent|per\s?cent|percentage point|points?\b)))"
    r"(?P<unit>\s?(?:%|percent\b|per\s?cent\b|percentage points?\b|points?\b|pts\b|basis points\b|bps\b|"
    r"times\b|x\b|billion\b|million\b|trillion\b))?"
    # "more than doubled", "shed almost a third of its value": a change in plain words
    r"|\b(?P<times>doubled|tripled|trebled|quadrupled|halved)\b"
    r"|\b(?P<frac>a half|half|a third|one-third|two-thirds|a quarter|a fifth|a tenth) of (?:its|their|the index's) "
    r"(?:value|market value|worth)\b", re.I)


def number_value(match: re.Match) -> tuple[float, int]:
    """(value, decimals) of a quantity ``numbers_in`` found: digits, a number word, a
    fraction of value ("a third of its value": 33.3%) or a multiple ("doubled": +100%); the
    last two are round figures, marked by decimals -1 (their unit is a tenth of the value)."""
    if match.group("num"):
        raw = match.group("num")
        return float(raw.replace(",", "")), decimals_of(raw)
    if match.group("word"):
        from text_to_num import text2num

        return float(text2num(match.group("word").lower(), "en")), 0
    if match.group("times"):
        return abs(_MULTIPLES[match.group("times").lower()]), -1
    return round(100 * _FRACTIONS[match.group("frac").lower()], 1), -1


def numbers_in(text: str) -> list[tuple[re.Match, str]]:
    """Every quantity with its kind: pct, pp, points, level (an index level or a price), or
    other (counts, years, multiples, money amounts)."""
    found = []
    for m in _NUMBER.finditer(text):
        if m.group("times") or m.group("frac"):
            found.append((m, "pct"))
            continue
        unit = re.sub(r"per\s?cent", "percent", (m.group("unit") or "").strip().lower())
        raw = m.group("num") or m.group("word")
        before = text[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:Russell|S&P|Nasdaq|Nikkei|Stoxx Europe|FTSE)[\s-]?$", before, re.I) and not unit:
            continue  # the name of an index
        if re.match(r"-[a-z]|(?:st|nd|rd|th|s)\b", text[m.end():m.end() + 3], re.I) and not unit:
            continue  # "a 90-day pause", "the 10-year yield", "its 12th record close", "the low 20s"
        if not unit and (re.match(r"/\d{1,2}\b", text[m.end():m.end() + 3])
                         or re.search(r"\b\d{1,2}/$", text[max(0, m.start() - 3):m.start()])):
            continue  # a date: "from the 2/19 ATH", "Mon 10/14"
        if not unit and text[max(0, m.start() - 1):m.start()] in ("'", "’"):
            continue  # a year: "since Sep '22"
        if not unit and (re.match(r":\d\d|\s?[ap]\.?m\b", text[m.end():m.end() + 5], re.I)
                         or re.search(r"\d:$", text[max(0, m.start() - 3):m.start()])):
            continue  # a clock time: "confirmed by the exchange at 4:15", "at 4 p.m."
        if not unit and re.search(r"\(\s?[+\-−]\s?$", before) and re.search(r"[\d.]\s*\(\s?[+\-−]\s?$",
                                                                         text[max(0, m.start() - 16):m.start()]):
            kind = "points"  # "VIX 20.82 (+3.17)": the level, then its change in points
        elif unit in ("%", "percent") and re.match(r"\s+(?:threshold|mark|cutoff|cut-off|rule|definition|line)\b",
                                                   text[m.end():m.end() + 12], re.I):
            kind = "other"  # "just shy of the 20% threshold that defines a bear market"
        elif unit in ("%", "percent"):
            kind = "pct"
        elif unit.startswith("percentage"):
            kind = "pp"
        elif unit in ("points", "point", "pts"):
            # "closed at 16,200.08 points" is a level; "fell 576 points" a change
            kind = "level" if re.search(r"\b(?:at|to|of|near|around|above|below)\s+$", before, re.I) else "points"
        elif unit in ("basis points", "bps", "times", "x", "billion", "million", "trillion"):
            kind = "other"
        elif m.group("cur") or "," in raw or "." in raw or float(raw) >= 10:
            year_like = re.fullmatch(r"(?:19|20)\d{2}", raw) is not None
            day_like = re.search(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$", before)
            kind = "other" if year_like or day_like or re.match(r"\s?(?:of|straight|consecutive|record|sessions?|"
                                                                r"days?|weeks?|months?|years?)\b",
                                                                text[m.end():m.end() + 14], re.I) else "level"
        else:
            kind = "other"
        found.append((m, kind))
    return found


def decimals_of(raw: str) -> int:
    return len(raw.split(".")[1]) if "." in raw else 0


def qualifier_before(text: str, at: int) -> str | None:
    _, measures = rules()
    window = text[max(0, at - 22):at].lower()
    for name, words in measures["qualifiers"].items():
        for w in sorted(words, key=len, reverse=True):
            if re.search(r"(?<![\w-])" + re.escape(w) + r"\s+(?:[$€£]\s?)?$", window):
                return name
    return None


def sign_before(text: str, at: int) -> int:
    """+1 or -1 from the nearest direction word before position ``at`` in its clause
    ("finished the week up 0.8%"), else just after the number ("ended 2.3% higher", "a 1.8%
    weekly gain"); a clause with neither restates the move before it ("tumbled 1,033.99
    points, or 2.6%"), so the search goes on back through the sentence."""
    clause_start = max(text.rfind(",", 0, at), clause_of(text, at)[0])
    after = _AFTER_NUMBER.match(text, at)
    following = (1 if after.group("up") else -1) if after else 0
    return _nearest_direction(text[clause_start:at]) or following or _nearest_direction(text[:clause_start])


_AFTER_NUMBER = re.compile(
    r"[\d.,]+\s?(?:%|percent|points?|percentage points?)?\s+(?:\w+\s+){0,2}?"
    r"(?:(?P<up>higher|up|gains?|advances?|rally|rallies|jumps?|rises?|increases?)|"
    r"(?P<down>lower|down|loss|losses|declines?|drops?|falls?|slides?|slump|retreat))\b", re.I)


def _nearest_direction(window: str) -> int:
    _, measures = rules()
    window = window.lower()
    best, best_pos = 0, -1
    for sign, words in ((1, measures["up_words"]), (-1, measures["down_words"])):
        for w in words:
            for m in re.finditer(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", window):
                if m.start() > best_pos:
                    best, best_pos = sign, m.start()
    return best


def asserted_at(text: str, match: re.Match, sign: int | None = None) -> Asserted:
    value, decimals = number_value(match)
    if match.groupdict().get("times"):
        sign = -1 if match.group("times").lower() == "halved" else 1
    if sign is None:
        # a written sign ("(+1.5%)", "| -0.3%") says it all; a hyphen after a digit is a range
        written = re.search(r"(?<![\d\w])([+\-−–▲▼])\s?$", text[max(0, match.start() - 2):match.start()])
        sign = (1 if written.group(1) in "+▲" else -1) if written else sign_before(text, match.start())
    return Asserted(value, decimals, qualifier_before(text, match.start()), sign, match.group())


# ---- clauses -----------------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(r"[;:]\s|,\s(?:while|but|although|though|as|and|which|after|before|even as)\s"
                           r"|,\s(?=[a-z]+ing\s)"  # a participle: "…, erasing the April damage"
                           r"|\s(?:while|but|"
                           r"although|whereas|even as|after|before)\s|\s—\s|\s–\s")


def clause_of(text: str, at: int) -> tuple[int, int]:
    """The clause around position ``at`` (between clause breaks)."""
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return start, end


_SAME_MOVE = re.compile(r"\s*(?:points?|pts\.?|percentage points?)?\)?,?\s+(?:or\s+|\()", re.I)


def period_owner(text: str, at: int, end: int, figures: list[tuple[int, int]]) -> list[int]:
    """The starts of the figures (start, end) the time phrase at ``at:end`` is said of: a tag
    right after a figure or a label right before one ("−2.7% 1d", "YTD -0.2%"), else the last
    figure before it in its clause, with the figures stated as the same move ("2,962.86
    points, or 7.9%, on Wednesday"); empty when the phrase leads its clause ("In July, …") and
    so belongs to every figure."""
    tagged = [f for f, e in figures if e <= at and not text[e:at].strip()]
    if tagged:
        return tagged
    labelled = [f for f, _ in figures if end <= f and len(text[end:f]) <= 3 and not re.search(r"\w", text[end:f])]
    if labelled:
        return labelled
    a, _ = clause_of(text, at)
    before = [(f, e) for f, e in figures if a <= f < at]
    if not before:
        return []
    group = [before[-1]]
    for f, e in reversed(before[:-1]):
        if not _SAME_MOVE.fullmatch(text[e:group[0][0]]):
            break
        group.insert(0, (f, e))
    return [f for f, _ in group]


def not_price_reason(text: str, at: int | None) -> tuple[str, str] | None:
    """(kind, reason) when the clause around ``at`` (the whole sentence when None) states a
    fact price data cannot settle: a total return, a forecast, a valuation, fundamentals."""
    _, measures = rules()
    span = clause_of(text, at) if at is not None else (0, len(text))
    clause = text[span[0]:span[1]].lower()
    whole = text.lower()
    for kind, entry in measures["not_prices"].items():
        scope = whole if kind == "total_return" else clause
        if kind == "forecast" and at is not None:
            scope = _forecast_scope(text, span, at)
        if entry["compiled"].search(scope):
            return kind, entry["reason"]
    return None


_PAST_MOVE = re.compile(r"\b(?:\w+ed|rose|fell|sank|slid|lost|shed|grew|won|ran|swung|soared|leapt|leaped)\s+"
                        r"(?:\w+\s+){0,2}$", re.I)
_AFTER_BREAK = re.compile(r",\s|\b(?:which|that|who)\b", re.I)


def _forecast_scope(text: str, span: tuple[int, int], at: int) -> str:
    """Where a forecast cue counts for the number at ``at``: before it in its clause, and
    after it up to a relative clause ("up roughly 15%, a figure that would be a good year" is
    no forecast) unless a past-tense move governs the number ("climbed about 41% by year-end")."""
    before = text[span[0]:at]
    after = _AFTER_BREAK.split(text[at:span[1]], maxsplit=1)[0]
    if _PAST_MOVE.search(before[-40:]) and not re.search(r"\b(?:will|would|could|should|may|might)\b", before, re.I):
        after = ""
    return (before + " " + after).lower()
