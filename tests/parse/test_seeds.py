"""The five seed articles (read from the data path, never copied) split into typed blocks."""

import pytest

from nlp.parse import load_document
from nlp.parse.dates import parse_date
from nlp.schema import BlockKind

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds(shared_dir):
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    assert len(paths) == 5
    return {p.name: load_document(p) for p in paths}


def test_every_seed_parses_with_offsets_and_headings(seeds):
    for name, doc in seeds.items():
        assert doc.blocks, name
        assert any(b.kind == BlockKind.HEADING for b in doc.blocks), name
        for b in doc.blocks:
            assert doc.text[b.start:b.end] == b.text


def test_sponsor_lines_and_datelines_are_blocks_of_their_own(seeds):
    blocks = [b for d in seeds.values() for b in d.blocks]
    sponsors = [b for b in blocks if b.text.startswith("Sponsored by")]
    assert sponsors and all(len(b.text) < 80 for b in sponsors)
    datelines = [b for b in blocks if len(b.text) <= 15 and parse_date(b.text)]
    assert len(datelines) >= 2


def test_bullet_lines_are_list_items(seeds):
    items = [b for d in seeds.values() for b in d.blocks if b.kind == BlockKind.LIST_ITEM]
    assert len(items) >= 4
