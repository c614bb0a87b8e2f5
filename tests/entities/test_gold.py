"""Evaluation gate: linking precision and recall on the annotated gold stay >= 0.95."""

import json
from pathlib import Path

import pytest

from nlp.parse import load_document

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpora" / "gold" / "entities"

pytestmark = pytest.mark.shared


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
        text = load_document(ROOT / "corpora" / "pages" / name).text
        for m in mentions:
            assert text[m["start"]:m["end"]] == m["text"], (name, m)


def test_linking_precision_and_recall_on_gold(linker, shared_dir):
    seeds = json.loads((GOLD / "seeds.json").read_text("utf-8"))["files"]
    pages = json.loads((GOLD / "pages.json").read_text("utf-8"))["files"]
    pairs = [((shared_dir / "seeds" / n).read_text("utf-8"), g) for n, g in seeds.items()]
    pairs += [(load_document(ROOT / "corpora" / "pages" / n).text, g) for n, g in pages.items()]
    assert sum(len(g) for _, g in pairs) >= 250
    precision, recall = _prf(linker, pairs)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
