"""Sentence boundaries, shared by the figures, claims and sentiment stages.

spaCy's rule-based sentencizer on a blank English tokenizer. The tokenizer's affix search is
quadratic in the length of a token, and scraped text has whitespace-free runs of tens of
thousands of characters ("((((…", base64, a flattened table); those runs are broken with a
space every ``MAX_RUN`` characters in the copy that is tokenized. Characters are replaced,
never inserted, so the offsets returned are offsets into the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


@lru_cache(maxsize=1)
def _sentencizer():
    from nlp.language import import_spacy

    nlp = import_spacy().blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _break_long_runs(text: str) -> str:
    def breaks(m: re.Match) -> str:
        chars = list(m.group())
        for i in range(MAX_RUN, len(chars), MAX_RUN + 1):
            chars[i] = " "
        return "".join(chars)

    return _LONG_RUN.sub(breaks, text)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank sentence of ``text``."""
    return list(_spans(text))


@lru_cache(maxsize=64)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    # several stages split the same blocks (figures before sentiment, which sets
    # Document.sentences for the stages after it): split each block once. Sized for one
    # document, so that a batch's speed does not depend on text its articles share.
    tokenized = _break_long_runs(text)
    return tuple((s.start_char, s.end_char) for s in _sentencizer()(tokenized).sents if s.text.strip())


# a scorecard has tens of rows; a table of thousands (a data dump, a hostile page) stays one
# piece, or every stage after would read thousands of sentences
MAX_TABLE_ROWS = 60


def block_sentence_spans(block) -> list[tuple[int, int]]:
    """The sentences of a block: a table's rows each stand alone (a scorecard row "S&P 500 |
    6,173.07 | +3.4%" is a statement of its own), other blocks are split into sentences."""
    if block.kind == "table" and block.text.count("\n") < MAX_TABLE_ROWS:
        spans, at = [], 0
        for line in block.text.split("\n"):
            if line.strip():
                spans.append((at, at + len(line)))
            at += len(line) + 1
        return spans
    return sentence_spans(block.text)


def article_sentences(doc, whole_tables: bool = False) -> list[tuple[int, str]]:
    """(start offset, text) of every sentence of a document's article blocks: the ones the
    sentiment stage set on ``doc.sentences`` when it ran, else split here. Every stage that
    reads sentences reads them through this one function. ``whole_tables`` gives a table as
    one piece, header included (the figures stage reads a cell's unit from its column:
    "Forward P/E | 22.4"), when the sentences are split here."""
    if doc.sentences:
        return [(s.start, s.text) for s in doc.sentences]
    out = []
    for block in doc.article_blocks():
        if whole_tables and block.kind == "table":
            out.append((block.start, block.text))
            continue
        out += [(block.start + s, block.text[s:e]) for s, e in block_sentence_spans(block)]
    return out
