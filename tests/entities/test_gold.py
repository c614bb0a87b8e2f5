"""Evaluation gate: linking precision and recall on the annotated gold stay >= 0.95."""

import json
from pathlib import Path

import pytest

import nlp.promo.stage  # noqa: F401 - registers the stage
from nlp.parse import load_document
from nlp.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpora" / "gold" / "entities"

pytestmark = pytest.mark.shared


def _article(path):
    """What the entities stage reads: the article text after the promo stage."""
    return Pipeline(["promo"])(load_document(path)).article_text()


def _prf(linker, pairs):
    tp = n_pred = n_gold = 0
    for text, gold in pairs:
        pred = {(m.start, m.end, m.symbol) for m in linker.link(text)}
        want = {(g["start"], g["end"], g["symbol"]) for g in gold}
        tp += len(pred & want)
        n_pred += len(pred)
        n_gold += len(want)
    return tp / n_pred, tp / n_gold


def test_gold_offsets_match_their_texts(shared_dir):
    seeds = json.loads((GOLD / "seeds.json").read_text("utf-8"))["files"]
    for name, mentions in seeds.items():
        text = (shared_dir / "seeds" / name).read_text("utf-8")
        for m in mentions:
            assert text[m["start"]:m["end"]] == m["text"], (name, m)
    pages = json.loads((GOLD / "pages.json").read_text("utf-8"))["files"]
    for name, mentions in pages.items():
        text = _article(ROOT / "corpora" / "pages" / name)
        for m in mentions:
            assert text[m["start"]:m["end"]] == m["text"], (name, m)


def test_linking_precision_and_recall_on_gold(linker, shared_dir):
    seeds = json.loads((GOLD / "seeds.json").read_text("utf-8"))["files"]
    pages = json.loads((GOLD / "pages.json").read_text("utf-8"))["files"]
    pairs = [((shared_dir / "seeds" / n).read_text("utf-8"), g) for n, g in seeds.items()]
    pairs += [(_article(ROOT / "corpora" / "pages" / n), g) for n, g in pages.items()]
    assert sum(len(g) for _, g in pairs) >= 250
    precision, recall = _prf(linker, pairs)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
