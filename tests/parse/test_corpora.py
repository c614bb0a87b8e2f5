"""Every sample page in corpora/ parses to what its gold file says."""

import json
from pathlib import Path

import pytest

import nlp.promo.stage  # noqa: F401 - registers the stage
from nlp.parse import load_document
from nlp.pipeline import Pipeline

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
GOLD = sorted((CORPORA / "gold").glob("*.json"))


def test_corpus_has_at_least_eight_annotated_pages():
    assert len(GOLD) >= 8
    for gold in GOLD:
        assert (CORPORA / json.loads(gold.read_text())["page"]).is_file()


@pytest.fixture(scope="module", params=GOLD, ids=lambda p: p.stem)
def case(request):
    gold = json.loads(request.param.read_text(encoding="utf-8"))
    return gold, Pipeline(["promo"])(load_document(CORPORA / gold["page"]))


def test_metadata(case):
    gold, doc = case
    assert doc.title == gold["title"]
    assert (str(doc.published)[:10] if doc.published else None) == gold["published"]
    assert doc.published_source.value == gold["published_source"]
    assert doc.author == gold["author"]
    assert doc.site == gold["site"]


def test_article_text_includes_and_excludes(case):
    gold, doc = case
    text = doc.article_text()
    for snippet in gold["must_include"]:
        assert snippet in text, snippet
    for snippet in gold["must_exclude"]:
        assert snippet not in text, snippet


def test_promotional_text_leaves_the_article_but_stays_in_the_document(case):
    gold, doc = case
    for snippet in gold["promo"]:
        assert snippet not in doc.article_text(), snippet
        assert snippet in doc.text, snippet


def test_block_kinds(case):
    gold, doc = case
    for kind, texts in gold["kinds"].items():
        have = [b.text for b in doc.blocks if b.kind.value == kind]
        for text in texts:
            assert any(h.startswith(text) for h in have), (kind, text, have)


def test_no_errors_on_clean_pages(case):
    _, doc = case
    assert [e for e in doc.errors if e.severity == "error"] == []
