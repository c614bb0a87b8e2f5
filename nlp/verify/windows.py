"""Dates and windows of a claim: the as-of date of an article, the day a level refers to, and
the window(s) a return refers to. Where a phrase has several reasonable readings (does
"since August" start from July's last close or August's first?), every reading is returned
with a name, and the verifier evaluates each.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}
_MON_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "twelve": 12, "a": 1, "several": None}
_DATE_IN_TEXT = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? ?(?P<day>\d{1,2})(?:st|nd|rd|th)?,? (?P<year>(?:19|20)\d{2})\b"
    r"|\b(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b")


@dataclass(frozen=True)
class Window:
    """Base close on or before ``base`` (exclusive end of the prior period) to the close on
    or before ``end``. ``base_is_low`` takes the lowest close of [base_from, base] instead."""

    reading: str
    base: dt.date
    end: dt.date
    base_from: dt.date | None = None
    base_is_low: bool = False


_PARTIAL = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December) "
                      r"(\d{1,2})(?:st|nd|rd|th)?\b(?!,? (?:19|20)\d{2})")
_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")


def infer_as_of(text: str) -> dt.date | None:
    """The latest absolute date written in the text (for articles without a date); failing
    that, the latest "Month Day" with the latest year the text names ("December 10th" in an
    article about "August 2025" → 2025-12-10)."""
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
                partial.append(dt.date(max(years), _MONTHS[m.group(1).lower()], int(m.group(2))))
            except ValueError:
                continue
    return max(partial) if partial else None


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _shift_months(day: dt.date, months: int) -> dt.date:
    m = day.month - 1 - months
    year, month = day.year + m // 12, m % 12 + 1
    return dt.date(year, month, min(day.day, _month_end(year, month).day))


def _year_near(month: int, as_of: dt.date, explicit: str | None) -> int:
    if explicit:
        return int(explicit)
    return as_of.year if month <= as_of.month else as_of.year - 1


def day_of(text: str, as_of: dt.date, near: int = 0) -> tuple[dt.date, dt.date] | None:
    """The day (or span of days) a level refers to: "on December 10th" → that day;
    "in early December" → the 1st to the 10th. With several dates in the sentence, the one
    nearest after position ``near`` (else before it) is taken."""
    dates = list(re.finditer(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                             r"December) (\d{1,2})(?:st|nd|rd|th)?(?:,? ((?:19|20)\d{2}))?", text))
    m = None
    if dates:
        after = [d for d in dates if d.start() >= near]
        m = after[0] if after else dates[-1]
    if m:
        month = _MONTHS[m.group(1).lower()]
        day = dt.date(_year_near(month, as_of, m.group(3)), month, int(m.group(2)))
        return day, day
    m = re.search(r"\b(early|mid|late)[- ](January|February|March|April|May|June|July|August|September|October|"
                  r"November|December)(?: ((?:19|20)\d{2}))?", text, re.I)
    if m:
        month = _MONTHS[m.group(2).lower()]
        year = _year_near(month, as_of, m.group(3))
        first, last = {"early": (1, 10), "mid": (10, 20), "late": (20, _month_end(year, month).day)}[m.group(1).lower()]
        return dt.date(year, month, first), dt.date(year, month, last)
    return None


def windows(period: str | None, sentence: str, as_of: dt.date) -> list[Window]:
    """Readings of a return period, as of ``as_of``."""
    if not period:
        return []
    p = period.lower()
    m = re.search(r"since (?:(early|mid|late)[- ])?(january|february|march|april|may|june|july|august|september|"
                  r"october|november|december)(?: ((?:19|20)\d{2}))?", p)
    if m:
        month = _MONTHS[m.group(2)]
        year = _year_near(month, as_of, m.group(3))
        first = dt.date(year, month, 1)
        return [Window("from the prior month's last close", first - dt.timedelta(days=1), as_of),
                Window("from the month's first close", first, as_of)]
    if re.search(r"year[- ]to[- ]date|ytd|so far (?:this|the) year|this year|for the year", p):
        return [Window("from last year's final close", dt.date(as_of.year - 1, 12, 31), as_of)]
    m = re.search(r"(?:past|last|previous|prior) (?:(\w+) )?(trading )?(sessions?|days?|weeks?|months?|quarters?|years?|decades?)", p)
    if m:
        count = _NUMBERS.get(m.group(1), None) if m.group(1) and not m.group(1).isdigit() else int(m.group(1) or 1)
        if count is None:
            return []
        unit = m.group(3).rstrip("s")
        if unit in ("month", "quarter", "year", "decade"):
            months = count * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
            trading = {"month": 21, "quarter": 63, "year": 252, "decade": 2520}[unit] * count
            return [Window(f"{months} calendar months back", _shift_months(as_of, months), as_of),
                    Window(f"{trading} trading days back", as_of - dt.timedelta(days=int(trading * 365 / 252)), as_of)]
        if unit in ("week",):
            return [Window(f"{count} weeks back", as_of - dt.timedelta(weeks=count), as_of)]
        return []
    if re.search(r"for the week|this week|last week|over five sessions", p):
        monday = as_of - dt.timedelta(days=as_of.weekday())
        return [Window("from the prior Friday's close", monday - dt.timedelta(days=1), as_of),
                Window("five trading days back", as_of - dt.timedelta(days=7), as_of)]
    if re.search(r"on the day|today", p):
        return [Window("from the prior close", as_of - dt.timedelta(days=1), as_of)]
    m = re.search(r"\bq([1-4])\b|(first|second|third|fourth) quarter", p)
    if m:
        q = int(m.group(1)) if m.group(1) else ["first", "second", "third", "fourth"].index(m.group(2)) + 1
        year_m = re.search(r"(?:19|20)\d{2}", p)
        year = int(year_m.group()) if year_m else (as_of.year if 3 * q <= as_of.month else as_of.year - 1)
        start = dt.date(year, 3 * q - 2, 1)
        return [Window(f"Q{q} {year}", start - dt.timedelta(days=1), _month_end(year, 3 * q))]
    m = re.search(r"\b(?:in|for|during|of) (?:calendar )?((?:19|20)\d{2})\b", p)
    if m:
        year = int(m.group(1))
        return [Window(f"calendar {year}", dt.date(year - 1, 12, 31), min(as_of, dt.date(year, 12, 31)))]
    m = re.search(r"^in (january|february|march|april|may|june|july|august|september|october|november|december)"
                  r"(?: ((?:19|20)\d{2}))?$", p)
    if m:
        month = _MONTHS[m.group(1)]
        year = _year_near(month, as_of, m.group(2))
        return [Window(f"{m.group(1).title()} {year}", dt.date(year, month, 1) - dt.timedelta(days=1),
                       min(as_of, _month_end(year, month)))]
    m = re.search(r"from (?:the|its|their) (january|february|march|april|may|june|july|august|september|october|"
                  r"november|december) lows?", p)
    if m:
        month = _MONTHS[m.group(1)]
        # "of 2020", "in 2025" - a year as a time, not the 2000 of "Russell 2000"
        year_m = re.search(r"\b(?:in|of|during|for|since)\s+((?:19|20)\d{2})\b", sentence)
        year = int(year_m.group(1)) if year_m else _year_near(month, as_of, None)
        low_from, low_to = dt.date(year, month, 1), _month_end(year, month)
        return [Window(f"from the {m.group(1).title()} {year} low to the end of {year}", low_to, dt.date(year, 12, 31),
                       low_from, True),
                Window(f"from the {m.group(1).title()} {year} low over the next twelve months", low_to,
                       _shift_months(low_to, -12), low_from, True)]
    return []
