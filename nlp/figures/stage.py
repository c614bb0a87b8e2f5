"""The ``figures`` pipeline stage: figures in every sentence of the article blocks. Runs
after ``entities`` (names with digits are skipped; subjects come from the mentions)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nlp.figures.extract import figures_in_sentence
from nlp.figures.subject import needs_parse, parse_ahead
from nlp.pipeline import register_stage
from nlp.schema import Document
from nlp.sentences import article_sentences

_MACRO = {"rate_cuts", None}
_DIGIT = re.compile(r"\d")
# words that point back to the paragraph's last named subject ("The company holds $410 million")
_ANAPHOR = re.compile(r"\b(?:the (?:company|firm|bank|group|lender|insurer|fund|stock|index|issuer)"
                      r"|its|their|they|it)\b", re.IGNORECASE)
_PRONOUN_OPENING = re.compile(r"\s*(?:They|It|Their|Its)\b")
# "the index", "the fund", "the company": the last mention of that kind, even paragraphs back
_KIND_ANAPHORS = {"index": re.compile(r"\bthe index\b", re.IGNORECASE),
                  "etf": re.compile(r"\bthe (?:fund|ETF)\b", re.IGNORECASE),
                  "stock": re.compile(r"\bthe (?:company|firm|bank|lender|insurer)\b", re.IGNORECASE)}
# Every figure looks at its whole sentence, so a "sentence" of 40,000 characters (a table
# flattened to one line, a list of numbers) would cost figures × length: longer runs are
# read in pieces of this size, cut at spaces. Real sentences are far shorter.
MAX_SENTENCE_CHARS = 600


def bounded_pieces(start: int, text: str, limit: int = MAX_SENTENCE_CHARS):
    """(start, text) pieces of at most ``limit`` characters, cut at whitespace when possible."""
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit)
        cut = cut if cut > 0 else limit
        yield start, text[:cut]
        start, text = start + cut, text[cut:]
    yield start, text


class FigureStage:
    name = "figures"

    def __init__(self, parse: bool = True) -> None:
        self.parse = parse

    def __call__(self, doc: Document) -> Document:
        figures = []
        entities = doc.entities
        carry_subject: tuple[int, str | None] = (-1, None)  # (block, last subject) for carry-over
        carry_period: tuple[int, str | None] = (-1, None)  # a lead-in "Since August 2025 …:"
        first_subject: tuple[int, str | None] = (-1, None)  # (block, first subject of the last sentence)
        last_of_kind: dict[str, str] = {}  # the document's last index, ETF and stock named
        pieces = [piece for sentence in article_sentences(doc, whole_tables=True)
                  for piece in bounded_pieces(*sentence)]
        in_piece = [[(e.start - start, e.end - start, e.symbol, e.kind) for e in entities
                     if start <= e.start and e.end <= start + len(text) and e.role != "source"]
                    for start, text in pieces]
        if self.parse:  # the pieces whose figures may need a parse to find their subject
            parse_ahead([text for (_, text), mentions in zip(pieces, in_piece, strict=True)
                         if needs_parse(mentions) and _DIGIT.search(text)])
        starts = [b.start for b in doc.blocks]
        for (start, text), mentions in zip(pieces, in_piece, strict=True):
            block = _block_at(doc, start, starts)
            found = figures_in_sentence(text, start, mentions, self.parse)
            for fig in found:
                if fig.subject is None and first_subject[0] == block and _PRONOUN_OPENING.match(text):
                    fig.subject = first_subject[1]  # "They returned 9.8%": the last sentence's subject
                if fig.subject is None and carry_subject[0] == block and \
                        (fig.metric not in _MACRO or _ANAPHOR.search(text, 0, fig.start - start)):
                    fig.subject = carry_subject[1]  # the paragraph is still about it
                if fig.subject is None:  # "The index rose 1.2%" in a later paragraph
                    kind = next((k for k, pattern in _KIND_ANAPHORS.items()
                                 if pattern.search(text, 0, fig.start - start)), None)
                    fig.subject = last_of_kind.get(kind)
                if fig.period is None and carry_period[1] and block - carry_period[0] <= 4 \
                        and doc.blocks[block].kind.value == "list_item":
                    fig.period = carry_period[1]
            figures += found
            subjects = [m for m in mentions if m[2]]
            if subjects:
                carry_subject = (block, subjects[-1][2])
                first_subject = (block, subjects[0][2])
            last_of_kind.update({kind: symbol for _, _, symbol, kind in subjects})
            if text.rstrip().endswith(":"):
                from nlp.figures.context import period

                carry_period = (block, period(text, len(text), len(text)))
        doc.figures = figures
        return doc


@dataclass(frozen=True)
class FigureOptions:
    parse: bool = True  # spaCy's parser decides subjects where two or more compete


@register_stage("figures", requires=("entities",), reads=("blocks.role",), assigns=("figures",),
                options=FigureOptions)
def make_figure_stage(options: FigureOptions) -> FigureStage:
    return FigureStage(options.parse)


def _block_at(doc: Document, offset: int, starts: list[int] | None = None) -> int:
    """The block holding ``offset`` (blocks are in text order: a bisection, so a page of
    tens of thousands of one-line blocks costs no more than its length)."""
    starts = starts if starts is not None else [b.start for b in doc.blocks]
    i = bisect.bisect_right(starts, offset) - 1
    for k in (i, i - 1):
        if 0 <= k < len(doc.blocks) and doc.blocks[k].start <= offset < doc.blocks[k].end + 1:
            return k
    for k, block in enumerate(doc.blocks):  # blocks out of order: the plain scan
        if block.start <= offset < block.end + 1:
            return k
    return len(doc.blocks) - 1
