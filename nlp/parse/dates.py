"""Publication dates from the strings pages put them in: ISO stamps, "Dec.24 2025",
"December 24, 2025", "24 Dec 2025", "12/24/2025" and dates in URL paths."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_MDY = re.compile(_MONTH + r"\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.IGNORECASE)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\.?,?\s+(\d{4})\b", re.IGNORECASE)
_NUMERIC_US = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_URL = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?:/|-|$)")
_COMPACT_URL = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/")

EARLIEST = dt.date(1990, 1, 1)


# "Updated Dec. 19, 2024 8:47 a.m. ET": the time matters to a market story (before the
# close it speaks of the day before); only a time with its zone is kept
_CLOCK = re.compile(r"^,?\s*(?:at\s+)?(\d{1,2})[:.](\d{2})\s*(a\.?m\.?|p\.?m\.?)?\s*"
                    r"(ET|EST|EDT|GMT|UTC|BST|CET|CEST)\b", re.IGNORECASE)
_ZONES = {"et": "America/New_York", "est": "America/New_York", "edt": "America/New_York", "gmt": "UTC",
          "utc": "UTC", "bst": "Europe/London", "cet": "Europe/Paris", "cest": "Europe/Paris"}


def _with_clock_time(date: dt.date | None, rest: str) -> dt.datetime | dt.date | None:
    match = _CLOCK.match(rest)
    if date is None or match is None:
        return date
    from zoneinfo import ZoneInfo

    hour, minute, half = int(match.group(1)), int(match.group(2)), (match.group(3) or "").lower()
    if half.startswith("p") and hour < 12:
        hour += 12
    elif half.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return date
    return dt.datetime(date.year, date.month, date.day, hour, minute,
                       tzinfo=ZoneInfo(_ZONES[match.group(4).lower()]))


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if date >= EARLIEST and date <= dt.date.today() + dt.timedelta(days=2) else None


def parse_date(text: str | None) -> dt.datetime | dt.date | None:
    """The first date in ``text``: a timezone-aware datetime for full ISO stamps, else a date."""
    if not text:
        return None
    text = text.strip()[:200]
    match = _ISO.search(text)
    if match:
        year, month, day = (int(match.group(i)) for i in (1, 2, 3))
        date = _valid(year, month, day)
        if date and match.group(4):
            tz = _tz(match.group(7))
            try:
                return dt.datetime(year, month, day, int(match.group(4)), int(match.group(5)),
                                   int(match.group(6) or 0), tzinfo=tz)
            except ValueError:
                return date
        if date:
            return date
    match = _MDY.search(text)
    if match:
        date = _valid(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
        return _with_clock_time(date, text[match.end():])
    match = _DMY.search(text)
    if match:
        date = _valid(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
        return _with_clock_time(date, text[match.end():])
    match = _NUMERIC_US.search(text)
    if match:
        return _valid(int(match.group(3)), int(match.group(1)), int(match.group(2)))
    return None


def date_from_url(url: str | None) -> dt.date | None:
    if not url:
        return None
    match = _URL.search(url) or _COMPACT_URL.search(url)
    if not match:
        return None
    day = match.group(3)
    if day is None:
        return None  # a year and month alone is not a publication date
    return _valid(int(match.group(1)), int(match.group(2)), int(day))


def _tz(value: str | None) -> dt.timezone | None:
    if not value:
        return None
    if value == "Z":
        return dt.UTC
    sign = 1 if value[0] == "+" else -1
    digits = value[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))
