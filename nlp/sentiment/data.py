"""The financial sentiment sets under ``<data path>/data/``, as (text, target, label) examples
with a fixed split into train / dev / test.

The split is by a hash of the normalised sentence, so it never changes between runs, a
sentence and its near-copies (FPB's 50/66/75/100 %-agree files overlap) always land on the
same side, and the all-agree test set is exactly the all-agree sentences of the 50 %-agree
test set. Test examples are never trained on; dev examples choose the epoch and fit the
temperature.

Labels: 0 negative, 1 neutral, 2 positive. Continuous scores (FiQA, SemEval) map to labels
with a dead zone: below -0.1 negative, above 0.1 positive, else neutral.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("negative", "neutral", "positive")
_LABEL = {name: i for i, name in enumerate(LABELS)}
_TFNS = {0: 0, 1: 2, 2: 1}  # twitter-financial-news: 0 bearish, 1 bullish, 2 neutral
_SENTFIN = re.compile(r"'(.*?)': '(positive|negative|neutral)'")
DEAD_ZONE = 0.1


@dataclass(frozen=True)
class Example:
    text: str
    label: int
    source: str
    target: str | None = None

    @property
    def split(self) -> str:
        return split_of(self.text)


def normalised(text: str) -> str:
    """Lower case, runs of non-word characters as one space: near-copies compare equal."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def split_of(text: str) -> str:
    key = normalised(text)
    bucket = int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % 10
    return "test" if bucket == 0 else "dev" if bucket == 1 else "train"


def _score_label(score: float) -> int:
    return 0 if score < -DEAD_ZONE else 2 if score > DEAD_ZONE else 1


def phrasebank_lines(path: Path) -> list[str]:
    """The lines of one Financial PhraseBank file, each decoded by its real encoding.

    The agreement files differ: Sentences_AllAgree.txt is UTF-8, the others are Latin-1.
    Reading all of them as Latin-1 turned the AllAgree file's accented words into mojibake,
    so its sentences no longer matched their 50Agree copies and were silently dropped."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.splitlines()


def phrasebank(folder: Path, agreement: str = "50Agree") -> Iterator[Example]:
    path = folder / "financial-phrasebank" / f"Sentences_{agreement}.txt"
    for line in phrasebank_lines(path):
        text, _, label = line.rpartition("@")
        if text and label.strip() in _LABEL:
            yield Example(text.strip(), _LABEL[label.strip()], f"fpb_{agreement.lower()}")


def twitter(folder: Path) -> Iterator[Example]:
    with (folder / "twitter-financial-news-sentiment" / "sent_train.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield Example(row["text"].strip(), _TFNS[int(row["label"])], "twitter")


def sentfin(folder: Path) -> Iterator[Example]:
    with (folder / "sentfin" / "SEntFiN.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for entity, label in _SENTFIN.findall(row["Decisions"]):
                yield Example(row["Title"].strip(), _LABEL[label], "sentfin", entity)


def fiqa(folder: Path) -> Iterator[Example]:
    for name in ("task1_headline_ABSA_train.json", "task1_post_ABSA_train.json"):
        data = json.loads((folder / "fiqa2018-task1" / name).read_text("utf-8"))
        for item in data.values():
            for info in item["info"]:
                yield Example(item["sentence"].strip(), _score_label(float(info["sentiment_score"])),
                              "fiqa", info["target"])


def semeval(folder: Path) -> Iterator[Example]:
    for item in json.loads((folder / "semeval2017-task5" / "SemEval2017Task5Headlines.json").read_text("utf-8")):
        yield Example(item["title"].strip(), _score_label(float(item["sentiment"])), "semeval", item["company"])


WRITTEN = Path(__file__).resolve().parents[2] / "corpora" / "sentiment" / "written_examples.jsonl"


COUNTERFACTUAL = WRITTEN.with_name("counterfactual_examples.jsonl")


def written(path: Path = WRITTEN, source: str = "written") -> Iterator[Example]:
    """finnews's own template sentences: risk statements and two-sided comparisons."""
    if not path.exists():
        return
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        yield Example(row["text"], _LABEL[row["label"]], source, row.get("target"))


def counterfactual(path: Path = COUNTERFACTUAL) -> Iterator[Example]:
    """finnews's minimal pairs (corpora/sentiment/counterfactual/make_examples.py): negation
    and its scope, valuation words, two-target comparisons, hedges, bystanders."""
    yield from written(path, "counterfactual")


def training_examples(data_dir: Path, include_written: bool = True) -> list[Example]:
    """Every example of every set (all splits); callers pick by ``example.split``."""
    examples: list[Example] = []
    for loader in (phrasebank, twitter, sentfin, fiqa, semeval):
        examples.extend(loader(data_dir))
    if include_written:
        examples.extend(written())
        examples.extend(counterfactual())
    return examples


@dataclass
class TextExample:
    """Every label one text carries: its sentence label (from sentence-level sets) and the
    character span and label of each target (from entity-level sets)."""

    text: str
    sentence_label: int | None = None
    targets: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def split(self) -> str:
        return split_of(self.text)


def target_span(text: str, words: str | None) -> tuple[int, int]:
    """Where ``words`` first occur in ``text`` (case-insensitive); the whole text when they
    don't (a few FiQA/SemEval targets name a company the headline only implies)."""
    if words:
        at = text.lower().find(words.lower().strip())
        if at >= 0:
            return at, at + len(words.strip())
    return 0, len(text)


def group_by_text(examples: list[Example]) -> list[TextExample]:
    """One :class:`TextExample` per distinct text, in first-seen order; the first sentence
    label wins, and a target is kept once per span."""
    grouped: dict[str, TextExample] = {}
    for ex in examples:
        item = grouped.setdefault(ex.text, TextExample(ex.text))
        if ex.target is None:
            if item.sentence_label is None:
                item.sentence_label = ex.label
            continue
        start, end = target_span(ex.text, ex.target)
        if all((s, e) != (start, end) for s, e, _ in item.targets):
            item.targets.append((start, end, ex.label))
    return list(grouped.values())
