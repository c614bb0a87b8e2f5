import datetime as dt

import pytest

from nlp.errors import SchemaError
from nlp.schema import SCHEMA_VERSION, Block, BlockKind, BlockRole, DateSource, Document, Entity


def make_doc() -> Document:
    doc = Document(id="abc", sha256="abc" * 10, source="x.html", title="T",
                   published=dt.datetime(2025, 12, 11, 21, 5, tzinfo=dt.UTC),
                   published_source=DateSource.JSON_LD)
    doc.set_blocks([
        ("Heading", BlockKind.HEADING, {"level": 2}),
        ("First paragraph, with a comma.", BlockKind.PARAGRAPH, {}),
        ("Sponsored by Someone", BlockKind.PARAGRAPH, {"role": BlockRole.SPONSORED, "cues": ["attr:sponsor"]}),
        ("Ünïcödé — “quotes” and emoji 📈", BlockKind.LIST_ITEM, {}),
    ])
    doc.entities.append(Entity(start=0, end=7, text="Heading", symbol="HDG", kind="stock"))
    return doc


def test_offsets_point_into_text():
    doc = make_doc()
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text
    assert doc.blocks[1].start == len("Heading") + 2


def test_article_text_leaves_out_non_article_blocks_but_text_keeps_them():
    doc = make_doc()
    assert "Sponsored by" not in doc.article_text()
    assert "Sponsored by" in doc.text
    assert [b.role for b in doc.article_blocks()] == [BlockRole.ARTICLE] * 3


@pytest.mark.parametrize("published", [dt.date(2025, 12, 24), dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.UTC), None])
def test_json_round_trip_is_lossless(published):
    doc = make_doc()
    doc.published = published
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert type(again.published) is type(published)
    assert again.to_json() == doc.to_json()


def test_mismatched_offsets_are_rejected():
    raw = make_doc().to_dict()
    raw["blocks"][1]["start"] += 1
    with pytest.raises(SchemaError, match="E301"):
        Document.from_dict(raw)


def test_newer_major_version_is_refused_with_upgrade_hint():
    raw = make_doc().to_dict()
    raw["schema_version"] = "99.0.0"
    with pytest.raises(SchemaError, match="upgrade finnews"):
        Document.from_dict(raw)


def test_unknown_field_and_bad_json_are_schema_errors():
    raw = make_doc().to_dict()
    raw["surprise"] = 1
    with pytest.raises(SchemaError):
        Document.from_dict(raw)
    with pytest.raises(SchemaError, match="not JSON"):
        Document.from_json("{nope")


def test_json_schema_export_names_version_and_vocabularies():
    schema = Document.json_schema()
    assert SCHEMA_VERSION in schema["$id"]
    text = str(schema)
    for word in ("chat_artifact", "call_to_action", "list_item", "json_ld", "time_element"):
        assert word in text


def test_block_span_order_is_validated():
    with pytest.raises(ValueError):
        Block(start=5, end=2, text="")
