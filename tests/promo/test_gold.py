"""Evaluation gate on corpora/gold/promo/blocks.json: the seeds lose no article block and
every ad, call to action, chat leftover and boilerplate block is flagged."""

import json
from pathlib import Path

import pytest

import nlp.promo.stage  # noqa: F401
from nlp.parse import ParseOptions, load_document
from nlp.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "corpora" / "gold" / "promo" / "blocks.json").read_text("utf-8"))


def _pairs(part, folder, options=None):
    pipe = Pipeline(["promo"])
    for name, rows in GOLD[part].items():
        doc = pipe(load_document(folder / name, options))
        assert [(r["start"], r["end"]) for r in rows] == [(b.start, b.end) for b in doc.blocks], name
        yield from ((r["role"], b.role.value) for r, b in zip(rows, doc.blocks, strict=True))


@pytest.mark.shared
def test_seeds_every_promo_block_flagged_and_no_article_removed(shared_dir):
    pairs = list(_pairs("seeds", shared_dir / "seeds"))
    assert len(pairs) >= 150
    assert [g for g, p in pairs if g == "article" and p != "article"] == []
    assert [g for g, p in pairs if g != "article" and p == "article"] == []


def test_pages_block_roles_accuracy():
    pairs = list(_pairs("pages", ROOT / "corpora" / "pages"))
    pairs += list(_pairs("pages_all_text", ROOT / "corpora" / "pages", ParseOptions(keep_all_text=True)))
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    assert accuracy >= 0.95, accuracy


def test_gold_has_at_least_300_blocks():
    assert sum(len(rows) for part in ("seeds", "pages", "pages_all_text") for rows in GOLD[part].values()) >= 300
