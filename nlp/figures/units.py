"""Units written as words after a number: currencies and their minor units ("20 million
pounds", "5 cents", "3 dimes", "87 pence"), durations ("25 minutes", "60 min", "two years")
and counted nouns ("46 deals", "three rate cuts")."""

from __future__ import annotations

import re

# word -> (currency code, factor to the main unit): "5 cents" is 0.05 dollars
CURRENCY_WORDS = {"dollars": ("USD", 1.0), "dollar": ("USD", 1.0), "canadian dollars": ("CAD", 1.0),
                  "australian dollars": ("AUD", 1.0), "euros": ("EUR", 1.0), "euro": ("EUR", 1.0),
                  "pounds sterling": ("GBP", 1.0), "pounds": ("GBP", 1.0), "pound": ("GBP", 1.0), "yen": ("JPY", 1.0),
                  "rupees": ("INR", 1.0), "cents": ("USD", 0.01), "cent": ("USD", 0.01), "pence": ("GBP", 0.01),
                  "dimes": ("USD", 0.1), "dime": ("USD", 0.1), "nickels": ("USD", 0.05), "bucks": ("USD", 1.0)}
CURRENCY_WORD = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
DURATION = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|quarters?|"
            r"decades?)")
_PERCENT = re.compile(r"\s?(?:%|percent\b|per cent\b)", re.I)
_CURRENCY = re.compile(rf"\s(?P<w>{CURRENCY_WORD})\b", re.I)
# up to two modifiers: "a dozen straight quarters", "two more rate cuts"
_DURATION = re.compile(rf"\s(?:(?:straight|consecutive|more|full|long|trading)\s)?(?P<w>{DURATION})\b(?!-)", re.I)
_COUNTED = re.compile(r"\s(?:[a-z]+\s){0,2}?(?!times\b|points\b|cents\b)[a-z]{3,}(?<!s)s\b(?! of\b)|\sof\b", re.I)
_SINGULAR_COUNT = re.compile(r"\s(?:analyst|company|stock|fund|member|share|cut|hike|name|deal)\b", re.I)


def unit_after(text: str, at: int) -> tuple[str | None, float, int]:
    """(unit, factor, end of the unit) for what follows a number at ``at``: percent, currency
    (a currency word), duration (a time unit), count (a plural noun or "of"), else None."""
    m = _PERCENT.match(text, at)
    if m:
        return "percent", 1.0, m.end()
    m = _CURRENCY.match(text, at)
    if m:
        return "currency", CURRENCY_WORDS[m.group("w").lower()][1], m.end()
    m = _DURATION.match(text, at)
    if m:
        return "duration", 1.0, m.end()
    if _COUNTED.match(text, at) or _SINGULAR_COUNT.match(text, at):
        return "count", 1.0, at
    return None, 1.0, at
