"""Sentiment targets: the small-cap and large-cap groups and every linked ticker, found
through the entity linker's mentions."""

from __future__ import annotations

import re

SMALL_CAP_SYMBOLS = {"small_caps", "^RUT", "^RUJ", "^RUO", "^SP600", "IWM", "VB", "IJR", "VBR", "IWN", "IWO"}
LARGE_CAP_SYMBOLS = {"large_caps", "mega_caps", "big_tech", "MAG7", "FAANG", "^GSPC", "^NDX", "^DJI",
                     "^RUI", "SPY", "QQQ", "DIA", "IWB", "VTI"}
GROUP_NAMES = {"small_caps": "small caps", "large_caps": "large caps"}
_HEDGE = re.compile(r"\b(?:if|could|may|might|would|potential(?:ly)?|perhaps|possibly|unless|should)\b",
                    re.IGNORECASE)
HEDGE_FACTOR = 0.6


def groups_of(symbol: str | None, kind: str | None, size: str | None) -> list[str]:
    """The target groups a mention counts toward: small_caps, large_caps and/or its ticker."""
    out = []
    if symbol in SMALL_CAP_SYMBOLS or (kind == "stock" and size in ("small", "micro")):
        out.append("small_caps")
    if symbol in LARGE_CAP_SYMBOLS or (kind == "stock" and size in ("large", "mega")):
        out.append("large_caps")
    if symbol and kind in ("stock", "etf", "index", "basket"):
        out.append(symbol)
    return out


def hedged(sentence: str) -> bool:
    """Conditionals and hedges ('could', 'if', 'may') weaken a sentence's stance."""
    return bool(_HEDGE.search(sentence))


_BETTER = re.compile(r"\b(?:outpac\w*|outperform\w*|beat|beats|beating|topp?\w*|led|leads|leading|trounc\w*|"
                     r"ran ahead of|runs ahead of|did better than|outran|outgain\w*|outshin\w*|"
                     r"ahead of)\b", re.IGNORECASE)
_WORSE = re.compile(r"\b(?:lagg?\w*|trail\w*|underperform\w*|fell behind|fall behind|falling behind|"
                    r"did worse than|behind)\b", re.IGNORECASE)
COMPARATIVE_MIN = 0.3


def comparative_signs(sentence: str, first: tuple[int, int], second: tuple[int, int]) -> tuple[int, int] | None:
    """"Small caps outpaced megacaps": +1 for the first target, −1 for the second (reversed
    for "lagged"), when a comparison verb stands between the two mentions."""
    between = sentence[first[1]:second[0]]
    if len(between) > 60:
        return None
    if _WORSE.search(between):
        return -1, 1
    if _BETTER.search(between):
        return 1, -1
    return None
