"""How the words around a candidate mention decide it: sentence starts, proper-noun
capitalisation, longer names that contain a company's short name, the name written before
a parenthesised ticker, and citation phrases that make an organisation a source."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.entities.names import alias_key, normalise_token

_GAP_SPACE = re.compile(r"^[ \u00a0]$")


_SOURCE_BEFORE = re.compile(
    r"(?:according to|\bper|\bvia|data from|data compiled by|(?:strategists|analysts|economists|"
    r"researchers) at|research from|report(?:s|ed)? (?:from|by)|survey by|cited by|\bas|\bsays|"
    r"\bsaid)\s+(?:the\s+)?$", re.IGNORECASE)


_SOURCE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:recent\s+)?(?:said|says|reported|reports|estimates?|expects?|projects?|"
    r"notes?|noted|data|research|analysts?|strategists?|economists?|survey|underscores?|found|"
    r"finds|wrote|writes|forecasts?|predicts?|coverage|report|article|points|cautions|"
    r"concludes|argues?|highlights?)\b", re.IGNORECASE)


_NAME_SUFFIXES = {"inc", "corp", "co", "ltd", "plc", "shares", "stock", "s"}


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def same_company(written: str, listed: str) -> bool:
    first = normalise_token(written.split()[0])
    first = first[:-2] if first.endswith("'s") else first
    return first in alias_key(listed)


def name_before(text: str, paren: int) -> tuple[int, int, int] | None:
    """The capitalised name (one to five words) right before a parenthesis: start, end, words."""
    words = list(re.finditer(r"[A-Z][\w&.'’\-]*", text[max(0, paren - 80):paren]))
    offset = max(0, paren - 80)
    run: list[re.Match[str]] = []
    end = paren - offset
    for w in reversed(words):
        if text[offset + w.end():offset + end].strip() not in ("",):
            break
        run.insert(0, w)
        end = w.start()
    while run and run[0].group() in ("The", "A", "An", "Shares", "Like", "Including"):
        run.pop(0)
    if not 1 <= len(run) <= 5:
        return None
    return offset + run[0].start(), offset + run[-1].end(), len(run)


def inside_longer_name(text: str, tokens, i: int, j: int) -> bool:
    """'Tidewater Markets', 'Pinebrook Bancorp': a one-word company name that is part of a
    longer capitalised name belongs to some other organisation."""
    if j < len(tokens) and _GAP_SPACE.match(text[tokens[j - 1][1]:tokens[j][0]]):
        nxt = tokens[j][2]
        if nxt[:1].isupper() and nxt.isalpha() and nxt.lower() not in _NAME_SUFFIXES:
            return True
    if i > 0 and _GAP_SPACE.match(text[tokens[i - 1][1]:tokens[i][0]]):
        prev = tokens[i - 1][2]
        if prev[:1].isupper() and prev.isalpha() and len(prev) > 1 and not sentence_initial(text, tokens[i - 1][0]):
            return True
    return False


def written_as_proper_noun(written: str, tokens, i: int, j: int) -> bool:
    """A listed company's name is written as a proper noun: every word of it capitalised
    ("Financial Institutions" the company, not "Financial institutions" the phrase)."""
    words = [tokens[k][2] for k in range(i, j) if tokens[k][2][:1].isalpha()]
    small = {"of", "and", "the", "for", "de"}
    # "iShares", "eBay": a lower-case first letter followed by a capital is a brand's spelling
    return all(w[:1].isupper() or w[1:2].isupper() for w in words if w.lower() not in small)


def sentence_initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t\"'“‘(\u00a0":
        k -= 1
    return k < 0 or text[k] in ".!?:\n•–-"


@lru_cache(maxsize=4096)
def common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 4.5


def cited(text: str, start: int, end: int) -> bool:
    return bool(_SOURCE_BEFORE.search(text[max(0, start - 40):start]) or
                _SOURCE_AFTER.match(text[end:end + 40]))
