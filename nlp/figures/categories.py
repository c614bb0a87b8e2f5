"""FinNum's seven numeral categories, from what finnews knows of a number in its text.

Monetary (prices, amounts, targets), Percentage, Option (strikes and expiries), Indicator
(technical indicators: RSI 70, 50-day MA), Temporal (dates, years, times, durations),
Quantity (counts, volumes, multiples), Product Number (digits inside a name: APD334, S&P 500).
Used to evaluate the figure extractor on FinNum-1 (``benchmarks/finnum.py``).
"""

from __future__ import annotations

import re

CATEGORIES = ("Monetary", "Percentage", "Option", "Indicator", "Temporal", "Quantity", "Product Number")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_OPTION = re.compile(r"^\s*(?:c|p|calls?|puts?|strike|\$?\s?c\b|'?s?\s*(?:calls?|puts?))\b|^[cp]\b", re.I)
_OPTION_BEFORE = re.compile(r"(?:calls?|puts?|strike|expir\w*|weekly|weeklies|" + _MONTH + r")\s*\$?$", re.I)
_INDICATOR = re.compile(r"(?:rsi|macd|stoch\w*|ema|sma|ma|dma|moving average|bollinger|adx|cci|williams|fib\w*|"
                        r"day ma|d ma|-day|-week|week high|week low)", re.I)
_TEMPORAL_AFTER = re.compile(r"^\s*(?:st|nd|rd|th)?\s*(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?|mins?|"
                             r"minutes?|am|pm|a\.m\.|p\.m\.|et|est|pst|:\d\d|/\d{1,4}|-day|-week|-month|-year|q)\b",
                             re.I)
_TEMPORAL_BEFORE = re.compile(r"(?:" + _MONTH + r"|q|fy|h|\d{1,2}/|week|day|year|since|in|by|until|till|on)\s*\.?\s*$",
                              re.I)


def categorize(text: str, start: int, end: int) -> str:
    """The FinNum category of the number at text[start:end]."""
    raw = text[start:end]
    before = text[max(0, start - 14):start]
    after = text[end:end + 14]
    if ((re.match(r"[A-Za-z]", text[start - 1:start] or " ")
         or re.match(r"^[A-Za-z]{1,3}\d", text[max(0, start - 3):end]))
            and (not re.match(r"[A-Za-z]", before[-1:] or " ") or before[-1:] not in ("c", "p"))):
        return "Product Number"
    if re.match(r"^\s*(?:%|percent|pct|per cent)", after, re.I):
        return "Percentage"
    if re.match(r"^\s*(?:c|p|calls?|puts?)\b", after, re.I) and _OPTION_BEFORE.search(before + " ") or \
            re.match(r"^\s*(?:calls?|puts?|strike)\b", after, re.I):
        return "Option"
    if _INDICATOR.search(after[:8]) or re.search(r"(?:rsi|macd|ema|sma|ma|stoch\w*)\s*\(?$", before, re.I):
        return "Indicator"
    if ((re.match(r"^(?:19|20)\d{2}$", raw) or _TEMPORAL_AFTER.match(after) or _TEMPORAL_BEFORE.search(before))
            and not re.search(r"\$\s*$", before)):
        return "Temporal"
    if re.search(r"(?:\$|usd|€|£|¥|price|pt|target|tgt|buy|sell|sold|bought|at|@|stop|entry|exit|support|resistance|"
                 r"high|low|close|open|to)\s*:?\s*$", before, re.I) or \
            re.match(r"^\s*(?:c\b|cents?|bucks|dollars|[kmb]\b|million|billion|usd)", after, re.I):
        return "Monetary"
    if re.match(r"\.\d", raw[-3:]) or "." in raw:
        return "Monetary"
    return "Quantity"
