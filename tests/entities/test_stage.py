import pytest

import nlp.entities.stage  # noqa: F401
from nlp.entities import EntityLinker
from nlp.entities.stage import EntityStage
from nlp.entities.store import SymbolStore
from nlp.parse import parse_bytes
from nlp.pipeline import Pipeline
from nlp.schema import BlockRole


def test_stage_fills_document_entities_with_document_offsets():
    doc = parse_bytes(b"Small caps rallied.\n\nThe Russell 2000 rose and IWM gained.", "t.txt")
    doc = EntityStage(EntityLinker(SymbolStore()))(doc)
    assert [(e.text, e.symbol) for e in doc.entities] == [
        ("Small caps", "small_caps"), ("Russell 2000", "^RUT"), ("IWM", "IWM")]
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text


def test_stage_skips_blocks_that_are_not_article_text():
    doc = parse_bytes(b"Small caps rallied.\n\nBuy the S&P 500 now!", "t.txt")
    doc.blocks[1].role = BlockRole.CALL_TO_ACTION
    doc = EntityStage(EntityLinker(SymbolStore()))(doc)
    assert [e.symbol for e in doc.entities] == ["small_caps"]


@pytest.mark.shared
def test_registered_stage_runs_in_a_pipeline(shared_dir):
    doc = Pipeline(["entities"])(parse_bytes(b"Astera and Credo led.", "t.txt"))
    assert doc.stages == ["entities"]
    assert [e.symbol for e in doc.entities] == ["ALAB", "CRDO"]
