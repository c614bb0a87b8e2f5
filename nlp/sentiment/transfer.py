"""Unlabelled financial text for distillation: a *transfer set* (Hinton et al., 2015).

The student is distilled from teachers on the labelled sets' train parts. Text that carries no
sentiment label at all is still worth passing through the teachers: their soft labels on it
show the student more of the function it is imitating, in the same domain, without a single
new gold label. Each source yields :class:`~nlp.sentiment.data.TextExample` items with no
sentence label and targets labelled :data:`UNLABELLED`, which the cross-entropy terms ignore,
so only the distillation term learns from them.

Sources, train files only (held-out parts are never read):

- ``finer-ord``: FiNER-ORD's financial news sentences, each organisation it tags a target;
- ``finnum1``: FinNum-1's StockTwits posts, each cashtag a target.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Callable, Iterator
from itertools import groupby
from pathlib import Path

from nlp.sentiment.data import TextExample, normalised

UNLABELLED = -100  # torch's default ignore_index
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "%", ")", "]", "'s", "'S", "n't", "'", "''", "'re", "'ve", "'ll"}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "#"}
_ORG_BEGIN, _ORG_INSIDE = "5", "6"
_CASHTAG = re.compile(r"\$[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z]+)?")


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence a token list was cut from (spaces between words, none before closing
    punctuation or after an opening one) and each token's character span in it."""
    text, spans = "", []
    quote_open = False  # a plain double quote alternately opens and closes
    for i, token in enumerate(tokens):
        closing = token == '"' and quote_open
        after_opening = i and tokens[i - 1] == '"' and quote_open
        if i and not closing and not after_opening and token not in _NO_SPACE_BEFORE \
                and tokens[i - 1] not in _NO_SPACE_AFTER:
            text += " "
        if token == '"':
            quote_open = not quote_open
        spans.append((len(text), len(text) + len(token)))
        text += token
    return text, spans


def finer_ord(data_dir: Path) -> Iterator[TextExample]:
    """FiNER-ORD train sentences; every ORG entity (a B tag and the I tags after it) a target."""
    with (data_dir / "finer-ord" / "data" / "train" / "train.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for _, sentence in groupby(rows, key=lambda r: (r["doc_idx"], r["sent_idx"])):
        sentence = list(sentence)
        text, spans = detokenise([r["gold_token"] for r in sentence])
        targets: list[tuple[int, int, int]] = []
        previous = "0"
        for (start, end), row in zip(spans, sentence, strict=True):
            if row["gold_label"] == _ORG_INSIDE and previous in (_ORG_BEGIN, _ORG_INSIDE):
                targets[-1] = (targets[-1][0], end, UNLABELLED)
            elif row["gold_label"] in (_ORG_BEGIN, _ORG_INSIDE):  # a stray inside tag opens a name too
                targets.append((start, end, UNLABELLED))
            previous = row["gold_label"]
        if len(text.split()) >= 4:
            yield TextExample(text, None, _unique(text, targets))


def finnum_posts(data_dir: Path) -> Iterator[TextExample]:
    """FinNum-1 training posts (the re-crawled text; posts it could not fetch are skipped);
    every cashtag a target."""
    for item in json.loads((data_dir / "finnum1" / "FinNum_training_rebuilded.json").read_text("utf-8")):
        text = html.unescape(item.get("tweet") or "").strip()
        if len(text.split()) >= 4:
            targets = [(m.start(), m.end(), UNLABELLED) for m in _CASHTAG.finditer(text)]
            yield TextExample(text, None, _unique(text, targets))


def _unique(text: str, targets: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The first mention of each name: a teacher labels a target by its words, so a second
    mention would only repeat the first one's soft label."""
    first: dict[str, tuple[int, int, int]] = {}
    for start, end, label in targets:
        first.setdefault(text[start:end].lower(), (start, end, label))
    return list(first.values())


TRANSFER_SOURCES: dict[str, Callable[[Path], Iterator[TextExample]]] = {
    "finer-ord": finer_ord,
    "finnum1": finnum_posts,
}


def transfer_examples(data_dir: Path, sources: tuple[str, ...], labelled: set[str]) -> list[TextExample]:
    """The texts of ``sources``, once each, leaving out any text (normalised) among the
    ``labelled`` texts of every split: those have gold labels already, or are dev/test."""
    unknown = [s for s in sources if s not in TRANSFER_SOURCES]
    if unknown:
        raise ValueError(f"transfer source {unknown[0]!r}: one of {', '.join(TRANSFER_SOURCES)}")
    taken = {normalised(text) for text in labelled}
    out: list[TextExample] = []
    for source in sources:
        for example in TRANSFER_SOURCES[source](data_dir):
            key = normalised(example.text)
            if key not in taken:
                taken.add(key)
                out.append(example)
    return out
