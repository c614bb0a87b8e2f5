"""Dev accuracy of sentiment models, per set, for choosing between training runs without
looking at test: Financial PhraseBank 50 %-agree sentences, Twitter financial news sentences
and SEntFiN (headline, entity) pairs of the dev part of the fixed hash split.

    python benchmarks/sentiment_dev.py MODEL [MODEL ...] [--teacher DIR ...] [--ensembles]

Each model runs in torch fp32; a ``--teacher`` (from ``finnews train sentiment-teacher``) is
scored from its cached logits. ``--ensembles`` also scores the mean of the probabilities of
every two and three of them: if their mean is no better than the best of them, they make
the same mistakes and an ensemble is not worth its cost. The last columns split each one's
SEntFiN errors into those between neutral and a polarity and those of the wrong sign (and
how many of those are in headlines that name several entities).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.config import data_path, set_data_path  # noqa: E402
from nlp.sentiment.data import LABELS, phrasebank, sentfin, twitter  # noqa: E402

SETS = {"fpb_50agree": phrasebank, "twitter": twitter, "sentfin_entity": sentfin}


def dev_sets(data_dir: Path) -> dict[str, dict[tuple[str, str | None], int]]:
    """Each set's dev inputs (text, target or None) with their first gold label."""
    out: dict[str, dict[tuple[str, str | None], int]] = {}
    for name, loader in SETS.items():
        gold: dict[tuple[str, str | None], int] = {}
        for example in loader(data_dir):
            if example.split == "dev":
                gold.setdefault((example.text, example.target), example.label)
        out[name] = gold
    return out


def probabilities(folder: str, sets: dict) -> dict[str, np.ndarray]:
    from nlp.sentiment.model import SentimentModel

    model = SentimentModel.from_pretrained(folder, backend="torch")
    out = {}
    for name, gold in sets.items():
        inputs = list(gold)
        targets = [target for _, target in inputs] if name == "sentfin_entity" else None
        predictions = model.predict([text for text, _ in inputs], targets)
        out[name] = np.array([[p.scores[label] for label in LABELS] for p in predictions])
    return out


def teacher_probabilities(folder: str, sets: dict) -> dict[str, np.ndarray]:
    import torch

    from nlp.sentiment.teacher import cached_teacher_logits

    out = {}
    for name, gold in sets.items():
        logits = cached_teacher_logits(folder, list(gold))
        if all(key in logits for key in gold):  # a sentence-only teacher has no SEntFiN answers
            out[name] = torch.softmax(torch.stack([logits[key] for key in gold]), dim=-1).numpy()
    return out


def accuracy(probs: list[np.ndarray], gold: dict) -> float:
    return float((np.mean(probs, axis=0).argmax(1) == np.array(list(gold.values()))).mean())


def error_kinds(probs: np.ndarray, gold: dict) -> tuple[int, int, int]:
    """Errors between neutral and a polarity, errors of the wrong sign, and how many of those
    are in a text with several targets."""
    neutral = LABELS.index("neutral")
    pred, true = probs.argmax(1), np.array(list(gold.values()))
    wrong = pred != true
    about_neutral = wrong & ((pred == neutral) | (true == neutral))
    targets_per_text = Counter(text for text, _ in gold)
    several = np.array([targets_per_text[text] > 1 for text, _ in gold])
    sign = wrong & ~about_neutral
    return int(about_neutral.sum()), int(sign.sum()), int((sign & several).sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="+")
    parser.add_argument("--teacher", action="append", default=[])
    parser.add_argument("--ensembles", action="store_true")
    parser.add_argument("--data-path", type=Path)
    args = parser.parse_args()
    if args.data_path:
        set_data_path(args.data_path)
    sets = dev_sets(data_path().require("data"))
    probs = {folder: probabilities(folder, sets) for folder in args.models}
    probs |= {folder: teacher_probabilities(folder, sets) for folder in args.teacher}
    groups = [members for size in ((1, 2, 3) if args.ensembles else (1,))
              for members in itertools.combinations(list(probs), size)]
    labels = [" + ".join(Path(m).name for m in members) for members in groups]
    width = max(map(len, labels + ["dev accuracy"])) + 2
    header = "".join(f"{name:>16}" for name in sets) + "  SEntFiN errors: neutral / sign (with several targets)"
    print(f"{'dev accuracy':{width}}{header}")
    print(f"{'(n)':{width}}" + "".join(f"{len(gold):>16}" for gold in sets.values()))
    for label, members in zip(labels, groups, strict=True):
        cells = "".join(f"{accuracy([probs[m][name] for m in members], gold):16.4f}"
                        if all(name in probs[m] for m in members) else f"{'—':>16}" for name, gold in sets.items())
        if len(members) == 1 and "sentfin_entity" in probs[members[0]]:
            cells += "  {} / {} ({})".format(*error_kinds(probs[members[0]]["sentfin_entity"], sets["sentfin_entity"]))
        print(f"{label:{width}}{cells}")


if __name__ == "__main__":
    main()
