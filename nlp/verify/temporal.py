"""The time a claim speaks of, resolved against the article's date.

Expressions are found by Microsoft's Recognizers-Text (``recognizers-text-date-time``), which
gives each one a TIMEX value ("XXXX-WXX-3" for "Wednesday", "XXXX-11-20" for "Nov. 20",
"2025-W47" for "the week", "(2025-07-01,2025-10-01,P3M)" for "the third quarter"). The
recognizer resolves open values toward the future; a market article speaks of the past, so
the TIMEX is resolved here, to the latest matching date on or before the reference date.
A few market idioms the recognizer does not know ("the quarter", "the first half", "that
session") are read from :data:`IDIOMS`. BENCHMARKS.md compares this with dateparser and
ctparse on the claim-check dev set.

Numbers that are not dates are masked before recognition: "Russell 2000" is not the year
2000 and "at 2,369.59" is not 2 p.m.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

DAY, WEEK, MONTH, QUARTER, HALF, YEAR, RANGE, SINCE, SAME_DAY, SAME_PERIOD = (
    "day", "week", "month", "quarter", "half", "year", "range", "since", "same_day", "same_period")


@dataclass(frozen=True)
class Period:
    """Calendar days ``first``..``last`` (both included). ``kind`` tells how the words named
    it; a ``since`` period runs from ``first`` to the reference date
    (``first``..``last`` is the named day or month, which ranks such as "highest since
    October 2020" read); ``same_day`` stands for
    the day an earlier sentence spoke of ("that day", "in the session")."""

    kind: str
    first: dt.date
    last: dt.date
    text: str
    start: int  # character offset of the words in the sentence
    sessions: int = 0  # "over the past five sessions": that many closes back from the last one


# Market idioms the recognizer leaves out, as data: pattern -> period kind.
IDIOMS: tuple[tuple[str, str], ...] = (
    (r"\b(?:that|the same|the) (?:day|session)\b|\b(?:in|for) the session\b|\bon the day\b|\bearlier in the session\b"
     r"|\bearly in the session\b|\bintraday\b", SAME_DAY),
    (r"\b(?:the|this|over the|for the) quarter\b", QUARTER),
    (r"\b(?:the )?(first|second) half(?: of ((?:19|20)\d{2}))?\b", HALF),
    (r"\b(?:over|during|in|for) the same (?:\w+ )?(?:stretch|period|span|sessions|days|weeks|months|window|time)\b",
     "same_period"),
    (r"\b(?:final|last) (?:session|trading day) of the year\b|\b(?:by|at|through|to) (?:the )?(?:year-end|year end|"
     r"end of the year)\b", "year_last_session"),
    (r"\byear[- ]to[- ]date\b|\bytd\b", "year_to_date"),
    (r"\b(?:in |for |during )?(?:the )?(?P<half>[12])H\b|\bH(?P<half2>[12])\b", "half_code"),
    (r"\bthe (?P<qmonth>March|June|September|December) quarter\b", "quarter_by_month"),
    (r"\b(?:over|in|during|for) the (?:past |last |previous |prior )?(?P<n>\d+|two|three|four|five|six|seven|eight|"
     r"nine|ten) (?:sessions|trading days)\b", "sessions"),
    (r"\bmonth[- ]to[- ]date\b|\bMTD\b", "month_to_date"),
    (r"\bquarter[- ]to[- ]date\b|\bQTD\b", "quarter_to_date"),
    (r"\b(?:the )?latest week\b|\bon the week\b|\bw/w\b|\bWoW\b|\bweek[- ]over[- ]week\b", "this_week"),
    # "its worst day since Sep '22"
    (r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s?['’](?P<yy>\d{2})\b",
     "month_short_year"),
    (r"\b52[- ]?w(?:ee)?k?\b", "year_span"),  # "its 52w closing high", "52-week low"
    # a note's tags after a figure: "-2.7% 1d / -4.0% 5d"
    (r"(?<=%)\s?(?P<days>[1-9]\d?)d\b", "days_code"),
    (r"\b(early|mid|late)[- ](January|February|March|April|May|June|July|August|September|October|November|"
     r"December)(?:,? ((?:19|20)\d{2}))?\b", "part_of_month"),
    (r"\b(?:the )?(first|second|third|fourth|last) week of (January|February|March|April|May|June|July|August|"
     r"September|October|November|December)(?:,? ((?:19|20)\d{2}))?\b", "week_of_month"),
)
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_PART_OF_MONTH = {"early": (1, 10), "mid": (10, 20), "late": (20, 31)}
MONTH_NUMBERS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                              "august", "september", "october", "november", "december"), 1)}
# index names with numbers in them: "Russell 2000" is not the year 2000
INDEX_NAME = r"(?:Russell|S&P|Nasdaq|Nikkei|Stoxx Europe|FTSE|DAX|Euro Stoxx|Hang Seng)\s?\d+"
_MASK = re.compile(
    INDEX_NAME +
    r"|[$€£]\s?\d[\d,.]*|\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?\s?(?:%|percent|points?\b|"
    r"percentage points?|bps|basis points|times|x\b)"
    r"|\b\d+\s(?:of the|of|straight|consecutive|record closes|records)\b", re.I)
# "since the Nov. 5 election", "since the Fed's Sept. 18 cut"
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w.&-]*'s\s+)?$", re.I)
_FROM_ITS = re.compile(r"\bfrom\s+(?:its|the|their)\s+$", re.I)
_CLOSE_AFTER = re.compile(r"\s*(?:close|closing (?:low|high|level)|low|finish|bottom)\b", re.I)
_TIMEX_DATE = re.compile(r"^(XXXX|\d{4})-(\d{2})-(\d{2})$")
_TIMEX_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
_TIMEX_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_TIMEX_MONTH = re.compile(r"^(XXXX|\d{4})-(\d{2})$")
_TIMEX_YEAR = re.compile(r"^(\d{4})$")
_TIMEX_RANGE = re.compile(r"^\((\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2}),P(\d+)([DWMY])\)$")


@lru_cache(maxsize=1)
def _model():
    from recognizers_date_time import Culture, DateTimeRecognizer

    return DateTimeRecognizer(Culture.English).get_datetime_model()


def mask_numbers(sentence: str) -> str:
    """The sentence with index names and quantities blanked (same length, offsets kept)."""
    return _MASK.sub(lambda m: "x" * len(m.group()), sentence)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _latest_date(month: int, day: int, reference: dt.date) -> dt.date | None:
    for year in (reference.year, reference.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    return None


def _resolve(timex: str, mod: str | None, text: str, start: int, reference: dt.date) -> Period | None:
    """One TIMEX value as a period, the open parts resolved to the past of ``reference``."""
    if m := _TIMEX_DATE.match(timex):
        if m.group(1) == "XXXX":
            day = _latest_date(int(m.group(2)), int(m.group(3)), reference)
        else:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is None:
            return None
        return Period(SINCE if mod == "since" else DAY, day, day, text, start)
    if m := _TIMEX_WEEKDAY.match(timex):
        back = (reference.isoweekday() - int(m.group(1))) % 7
        day = reference - dt.timedelta(days=back)
        return Period(SINCE if mod == "since" else DAY, day, day, text, start)
    if m := _TIMEX_WEEK.match(timex):
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return Period(WEEK, monday, monday + dt.timedelta(days=6), text, start)
    if m := _TIMEX_MONTH.match(timex):
        month = int(m.group(2))
        year = int(m.group(1)) if m.group(1) != "XXXX" else (reference.year if month <= reference.month
                                                             else reference.year - 1)
        first = dt.date(year, month, 1)
        return Period(SINCE if mod == "since" else MONTH, first, month_end(year, month), text, start)
    if m := _TIMEX_YEAR.match(timex):
        year = int(m.group(1))
        return Period(SINCE if mod == "since" else YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31), text, start)
    if m := _TIMEX_RANGE.match(timex):
        first, after = dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
        while first > reference:  # "the third quarter" said in November means this year's
            first, after = first.replace(year=first.year - 1), after.replace(year=after.year - 1)
        months = (after.year - first.year) * 12 + after.month - first.month
        kind = QUARTER if months == 3 and first.day == 1 and first.month % 3 == 1 else RANGE
        kind = HALF if months == 6 and first.day == 1 and first.month in (1, 7) else kind
        return Period(kind, first, after - dt.timedelta(days=1), text, start)
    return None


def _idioms(sentence: str, reference: dt.date) -> list[Period]:
    found = []
    for pattern, kind in IDIOMS:
        for m in re.finditer(pattern, sentence, re.I):
            if kind == QUARTER:
                q0 = 3 * ((reference.month - 1) // 3) + 1
                first = dt.date(reference.year, q0, 1)
                found.append(Period(QUARTER, first, month_end(reference.year, q0 + 2), m.group(), m.start()))
            elif kind == HALF:
                year = int(m.group(2)) if m.group(2) else reference.year
                h0 = 1 if m.group(1).lower() == "first" else 7
                found.append(Period(HALF, dt.date(year, h0, 1), month_end(year, h0 + 5), m.group(), m.start()))
            elif kind == "part_of_month":  # "in early December": the 1st to the 10th
                month = MONTH_NUMBERS[m.group(2).lower()]
                year = int(m.group(3)) if m.group(3) else (reference.year if month <= reference.month
                                                           else reference.year - 1)
                first_day, last_day = _PART_OF_MONTH[m.group(1).lower()]
                last = min(dt.date(year, month, 1) + dt.timedelta(days=last_day - 1), month_end(year, month))
                found.append(Period(RANGE, dt.date(year, month, first_day), last, m.group(), m.start()))
            elif kind == "week_of_month":  # "the first week of March": the week of its first weekday
                month = MONTH_NUMBERS[m.group(2).lower()]
                year = int(m.group(3)) if m.group(3) else (reference.year if month <= reference.month
                                                           else reference.year - 1)
                first = dt.date(year, month, 1)
                first += dt.timedelta(days=max(0, 7 - first.weekday()) if first.weekday() > 4 else 0)
                monday = first - dt.timedelta(days=first.weekday())
                if m.group(1).lower() == "last":
                    last_weekday = month_end(year, month)
                    last_weekday -= dt.timedelta(days=max(0, last_weekday.weekday() - 4))
                    monday = last_weekday - dt.timedelta(days=last_weekday.weekday())
                else:
                    monday += dt.timedelta(weeks=["first", "second", "third", "fourth"].index(m.group(1).lower()))
                found.append(Period(WEEK, monday, monday + dt.timedelta(days=6), m.group(), m.start()))
            elif kind == "half_code":  # "in H1": the first half of the reference's year, or the last one
                half = int(m.group("half") or m.group("half2"))
                year = reference.year if (half == 1 and reference.month > 6) or reference.month == 12 else \
                    reference.year - (1 if half == 2 else 0)
                h0 = 1 if half == 1 else 7
                found.append(Period(HALF, dt.date(year, h0, 1), month_end(year, h0 + 5), m.group(), m.start()))
            elif kind == "quarter_by_month":  # "the June quarter": April to June
                last_month = MONTH_NUMBERS[m.group("qmonth").lower()]
                year = reference.year if last_month <= reference.month else reference.year - 1
                found.append(Period(QUARTER, dt.date(year, last_month - 2, 1), month_end(year, last_month),
                                    m.group(), m.start()))
            elif kind == "sessions":
                n = int(m.group("n")) if m.group("n").isdigit() else _SMALL_NUMBERS[m.group("n").lower()]
                found.append(Period(RANGE, reference, reference, m.group(), m.start(), sessions=n))
            elif kind == "year_to_date":
                found.append(Period(YEAR, dt.date(reference.year, 1, 1), reference, m.group(), m.start()))
            elif kind == "month_short_year":
                month = _MON_ABBR[m.group("mon")[:3].lower()]
                year = 2000 + int(m.group("yy"))
                found.append(Period(MONTH, dt.date(year, month, 1), month_end(year, month), m.group(), m.start()))
            elif kind == "year_span":
                found.append(Period("duration", dt.date.min + dt.timedelta(days=360), dt.date.min, m.group(),
                                    m.start()))
            elif kind == "quarter_to_date":
                q0 = 3 * ((reference.month - 1) // 3) + 1
                found.append(Period(QUARTER, dt.date(reference.year, q0, 1), reference, m.group(), m.start()))
            elif kind == "days_code":
                n = int(m.group("days"))
                found.append(Period(SAME_DAY, reference, reference, "on the day", m.start()) if n == 1 else
                             Period(RANGE, reference, reference, m.group().strip(), m.start(), sessions=n))
            elif kind == "month_to_date":
                found.append(Period(MONTH, reference.replace(day=1), reference, m.group(), m.start()))
            elif kind == "this_week":  # on a Monday, nobody's week has begun: "w/w" is the last one
                monday = reference - dt.timedelta(days=reference.weekday() or 7)
                found.append(Period(WEEK, monday, monday + dt.timedelta(days=6), m.group(), m.start()))
            elif kind == "year_last_session":
                found.append(Period(DAY, dt.date(reference.year, 12, 31), dt.date(reference.year, 12, 31),
                                    m.group(), m.start()))
            else:
                found.append(Period(kind, reference, reference, m.group(), m.start()))
    return found


# Words without which the recognizer finds no date, range or duration in a masked sentence
# (every such expression has a digit, a calendar name, a time unit or a deictic word). The
# recognizer costs tens of milliseconds a sentence; most sentences of an article have none.
_MAY_NAME_TIME = re.compile(
    r"\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?"
    r"|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries|seasons?"
    r"|semesters?|summer|winter|spring|autumn|fall|today|tonight|yesterday|tomorrow|now|ytd|mtd|qtd|christmas"
    r"|thanksgiving|easter|halloween|hanukkah|h[12]|q[1-4]|fy\d*)\b", re.I)


def find_periods(sentence: str, reference: dt.date) -> list[Period]:
    """Every time expression of ``sentence`` as a :class:`Period`, in text order."""
    return list(_find_periods(sentence, reference))


@lru_cache(maxsize=4096)  # a sentence is read again by the second reading of a dateline and by lead-ins
def _find_periods(sentence: str, reference: dt.date) -> tuple[Period, ...]:
    masked = mask_numbers(sentence)
    anchor = dt.datetime.combine(reference, dt.time(12))
    periods = list(_idioms(sentence, reference))  # the cached list stays as the idioms found it
    taken = [(p.start, p.start + len(p.text)) for p in periods]
    for result in _model().parse(masked, anchor) if _MAY_NAME_TIME.search(masked) else ():
        if result.type_name.endswith(("time", "timerange", "set")):
            continue  # "a morning rally", "daily": not market windows
        if any(a <= result.end and result.start < b for a, b in taken):  # the idiom reads those words
            continue
        for value in (result.resolution or {}).get("values", [])[-1:]:
            text = sentence[result.start:result.end + 1]
            if result.type_name.endswith("duration"):
                periods.append(_duration(value.get("timex", ""), text, result.start))
                continue
            period = _resolve(value.get("timex", ""), value.get("Mod"), text, result.start, reference)
            if period is None:
                continue
            if value.get("Mod") == "start" and "start" in text.lower():  # "since the start of the year"
                period = Period(SINCE, period.first, period.first, text, result.start)
            elif value.get("Mod") == "end" and "end of" in text.lower():  # "since the end of March": its last day
                period = Period(SINCE, period.last, period.last, text, result.start)
            elif period.kind == DAY and _FROM_ITS.search(sentence[:result.start]) and _CLOSE_AFTER.match(
                    sentence, result.end + 1):  # "climbed 18% from its April 8 close"
                period = Period(SINCE, period.first, period.last, text, result.start)
            elif period.kind in (DAY, MONTH, YEAR) and _SINCE_BEFORE.search(sentence[:result.start]):
                period = Period(SINCE, period.first, period.last, text, result.start)  # "since the Nov. 5 election"
            periods.append(period)
    return tuple(sorted((p for p in periods if p is not None), key=lambda p: p.start))



def _duration(timex: str, text: str, start: int) -> Period | None:
    """"three months" (P3M): kept as a RANGE of that length ending on an unknown day; the
    caller anchors it to "through September" or to the reference date."""
    m = re.match(r"^P(\d+)([DWMY])$", timex)
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2)
    days = {"D": n, "W": 7 * n, "M": 30 * n, "Y": 365 * n}[unit]
    return Period("duration", dt.date.min + dt.timedelta(days=days), dt.date.min, text, start)


def duration_months(period: Period) -> int:
    """The length of a "duration" period in months (30 days each)."""
    return round((period.first - dt.date.min).days / 30)


# ---- undated articles: the latest date written in the text -------------------------------
_MON_ABBR = {m[:3]: i for m, i in MONTH_NUMBERS.items()} | {"sept": 9}
_DATE_IN_TEXT = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? ?(?P<day>\d{1,2})(?:st|nd|rd|th)?,? "
    r"(?P<year>(?:19|20)\d{2})\b"
    r"|\b(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b")
_PARTIAL = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December) "
                      r"(\d{1,2})(?:st|nd|rd|th)?\b(?!,? (?:19|20)\d{2})")
_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")


def infer_as_of(text: str) -> dt.date | None:
    """The latest absolute date written in the text (for articles without a date); failing
    that, the latest "Month Day" with the latest year the text names ("December 10th" in an
    article about "August 2025" → 2025-12-10). Index names ("Russell 2000") are not years."""
    text = re.sub(INDEX_NAME, lambda m: "x" * len(m.group()), text)
    found = []
    for m in _DATE_IN_TEXT.finditer(text):
        try:
            if m.group("iso"):
                found.append(dt.date.fromisoformat(m.group("iso")))
            else:
                month = _MON_ABBR[m.group("mon").lower()[:3]]
                found.append(dt.date(int(m.group("year")), month, int(m.group("day"))))
        except (ValueError, KeyError):
            continue
    if found:
        return max(found)
    years = [int(y) for y in _YEARS.findall(text)]
    partial = []
    for m in _PARTIAL.finditer(text):
        if years:
            try:
                partial.append(dt.date(max(years), MONTH_NUMBERS[m.group(1).lower()], int(m.group(2))))
            except ValueError:
                continue
    return max(partial) if partial else None


