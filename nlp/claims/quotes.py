"""Quoted speech and who said it: ``"Breadth is the story," said Dana Whitlock, chief market
strategist at Harbor Lane Research.`` gives the quotation's characters the speaker
``Dana Whitlock (Harbor Lane Research)``.

The speaker is a capitalised name of two or more words (a person or a firm) before or after a
speech verb next to the quotation; the organisation is what follows the last "at / of /
with" of the title after the name. A quotation that runs over several sentences is
attributed as a whole. Later reported speech by the same person ("Whitlock said she
expects …", "… she said") carries the same attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERBS = (r"said|says|added|adds|noted|notes|told (?:\w+ ?){1,3}|wrote|writes|explained|argued|argues|warned|"
          r"cautioned|observed|remarked|continued|according to")
_PARTICLES = r"(?:van|von|de|der|del|da|di|la|le|du|bin|al)"
_WORD = r"[A-Z][\w'’-]*[a-z][\w'’-]*"
_NAME = rf"(?P<name>{_WORD}(?:\s+[A-Z]\.)?(?:\s+(?:{_PARTICLES}\s+)?{_WORD}){{1,3}})"
_PRONOUN = r"(?P<pronoun>he|she|they)"
_QUOTE = re.compile(r"[“\"](?P<words>[^“”\"]{3,}?)[”\"]")
# after the quotation: 'said NAME[, title]', 'NAME[, title,] said', 'according to NAME', 'she said'
_AFTER = [re.compile(rf"\s*,?\s*(?:{_VERBS})\s+{_NAME}"),
          re.compile(rf"\s*,?\s*{_NAME}(?P<between>,[^,“”\"]{{2,120}},)?\s+(?:{_VERBS})\b"),
          re.compile(rf"\s*,?\s*{_PRONOUN}\s+(?:{_VERBS})\b")]
# before it: 'NAME[, title,] said[ that|:]'
_BEFORE = re.compile(rf"{_NAME}(?P<between>,[^,“”\"]{{2,120}},)?\s+(?:{_VERBS})(?:\s+that)?\s*[:,]?\s*$")
_TITLE = re.compile(r"^,\s+(?P<title>.{2,120}?)(?:,|;|\.(?=\s+[A-Z“\"]|\s*$)|$)")
_ORG_AFTER = re.compile(r"\b(?:at|of|with|for|from)\s+(?=[A-Z])")
_ABBREVIATED = re.compile(r"\b(?:Inc|Co|Corp|Ltd|Bros|L\.P|S\.A|N\.A)\.$")
_NOT_NAMES = {"The", "This", "That", "These", "Those", "It", "There", "But", "And", "In", "On", "For", "As",
              "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


@dataclass(frozen=True)
class Quote:
    start: int  # characters of the quotation and its attribution, in the text given
    end: int
    speaker: str  # "Name (Organisation)" or "Name"


def speaker_of(name: str, title: str | None) -> str | None:
    """"Name (Organisation)" from a name and the title phrase that follows it."""
    if name.split()[0] in _NOT_NAMES:
        return None
    org = None
    if title:
        preps = list(_ORG_AFTER.finditer(title))
        if preps:
            org = title[preps[-1].end():].strip()
            if org.endswith(".") and not _ABBREVIATED.search(org):
                org = org[:-1]
    return f"{name} ({org})" if org else name


def _title_after(text: str) -> str | None:
    m = _TITLE.match(text)
    if m is None:
        return None
    title = m.group("title")
    # the sentence's full stop may also end "Co." or "Inc."
    return title + "." if text[m.end("title"):m.end("title") + 1] == "." and _ABBREVIATED.search(title + ".") else title


def find_quotes(text: str, known: dict[str, str] | None = None) -> list[Quote]:
    """The attributed quotations of ``text`` (a paragraph). ``known`` maps a name and its last
    word to a speaker found earlier in the document; it is updated with the speakers found
    here, so a later "Whitlock said" or "she said" is attributed too."""
    known = {} if known is None else known
    found: list[Quote] = []
    for q in _QUOTE.finditer(text):
        after = next((m for m in (p.match(text, q.end()) for p in _AFTER) if m), None)
        before = _BEFORE.search(text, 0, q.start())
        speaker, end = None, q.end()
        if after is not None:
            end = after.end()
            if "pronoun" in after.re.groupindex:
                speaker = known.get("")
            else:
                name = after.group("name")
                between = after.groupdict().get("between")
                title = between or _title_after(text[after.end():])
                speaker = known.get(name) or speaker_of(name, title.strip(" ,") if title else None)
                if between is None and title:
                    end = after.end() + len(title) + 2
        elif before is not None:
            between = before.group("between")
            speaker = known.get(before.group("name")) or speaker_of(before.group("name"),
                                                                    between.strip(" ,") if between else None)
        if speaker:
            _remember(known, speaker)
            # from the first quoted word: a sentence splitter may leave the opening mark on the sentence before
            found.append(Quote(before.start() if before is not None and after is None else q.start() + 1, end, speaker))
    return found


_REPORTED = re.compile(rf"^\s*(?:(?P<who>{_WORD}(?:\s+{_WORD}){{0,3}})|(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey))"
                       rf"\s+(?:{_VERBS})\b")


def document_quotes(paragraphs: list[tuple[int, str]]) -> list[Quote]:
    """The attributed quotations of a document's paragraphs, given as (offset, text) in
    reading order; offsets in the result are the document's."""
    known: dict[str, str] = {}
    return [Quote(offset + q.start, offset + q.end, q.speaker)
            for offset, text in paragraphs for q in find_quotes(text, known)]


def quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The attributed quotation the text at ``start:end`` overlaps, if any."""
    return next((q for q in quotes if q.start < end and start < q.end), None)


def speaker_at(quotes: list[Quote], start: int, end: int, sentence: str) -> str | None:
    """Who speaks in the sentence at ``start:end``: the speaker of a quotation it overlaps, or
    of reported speech by someone quoted before it ("Brooks said she expects …", "She added
    …")."""
    quote = quote_at(quotes, start, end)
    if quote is not None:
        return quote.speaker
    m = _REPORTED.match(sentence)
    if m is None:
        return None
    known: dict[str, str] = {}
    for quote in quotes:
        if quote.end <= start:
            _remember(known, quote.speaker)
    if m.group("pronoun"):
        return known.get("")
    who = m.group("who")
    return known.get(who) or known.get(who.split()[-1])


def _remember(known: dict[str, str], speaker: str) -> None:
    name = speaker.split(" (")[0]
    known[name] = speaker
    known[name.split()[-1]] = speaker
    known[""] = speaker  # the last speaker, for "she said"
