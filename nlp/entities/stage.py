"""The ``entities`` pipeline stage: links mentions in every article block of a document.

Offsets are into ``Document.text``; blocks that are not article text (ads, navigation) are
left out, so a sponsor's name in an advertorial is not an entity of the article.
"""

from __future__ import annotations

from typing import Any

from nlp.entities import load_linker
from nlp.entities.linker import EntityLinker
from nlp.pipeline import register_stage
from nlp.schema import Document, Entity


class EntityStage:
    name = "entities"

    def __init__(self, linker: EntityLinker, all_blocks: bool = False) -> None:
        self.linker = linker
        self.all_blocks = all_blocks

    def __call__(self, doc: Document) -> Document:
        warning = getattr(self.linker, "warning", None)
        if warning:
            doc.add_issue(self.name, "W201", warning)
        blocks = doc.blocks if self.all_blocks else doc.article_blocks()
        entities = []
        for block, mentions in zip(blocks, self.linker.link_blocks([b.text for b in blocks]), strict=True):
            for m in mentions:
                entities.append(Entity(
                    start=block.start + m.start, end=block.start + m.end, text=m.text, symbol=m.symbol,
                    kind=m.kind, exchange=m.exchange, name=m.name, role=m.role,
                    confidence=m.confidence,
                ))
        doc.entities = entities
        return doc


@register_stage("entities")
def make_entity_stage(options: dict[str, Any]) -> EntityStage:
    """Options: ``store`` (path of a symbol store), ``all_blocks`` (also link non-article blocks)."""
    return EntityStage(load_linker(options.get("store")), bool(options.get("all_blocks", False)))
