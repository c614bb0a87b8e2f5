"""The ``entities`` pipeline stage: links mentions in every article block of a document.

Offsets are into ``Document.text``; blocks that are not article text (ads, navigation) are
left out, so a sponsor's name in an advertorial is not an entity of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp.entities import load_linker
from nlp.entities.linker import EntityLinker
from nlp.errors import Warnings
from nlp.pipeline import register_stage
from nlp.schema import Document, Entity


class EntityStage:
    name = "entities"

    def __init__(self, linker: EntityLinker, all_blocks: bool = False) -> None:
        self.linker = linker
        self.all_blocks = all_blocks

    def _size(self, symbol: str | None) -> str | None:
        """A stock's market-cap size from the symbol store (the alias table sizes the rest)."""
        info = self.linker.store.get(symbol) if symbol else None
        return info.size if info else None

    def __call__(self, doc: Document) -> Document:
        warning = getattr(self.linker, "warning", None)
        if warning:
            doc.add_issue(self.name, Warnings.W201.name, warning)
        blocks = doc.blocks if self.all_blocks else doc.article_blocks()
        entities = []
        for block, mentions in zip(blocks, self.linker.link_blocks([b.text for b in blocks]), strict=True):
            for m in mentions:
                entities.append(Entity(
                    start=block.start + m.start, end=block.start + m.end, text=m.text, symbol=m.symbol,
                    kind=m.kind, exchange=m.exchange, name=m.name, size=m.size or self._size(m.symbol), role=m.role,
                    confidence=m.confidence,
                ))
        doc.entities = entities
        return doc


@dataclass(frozen=True)
class EntityOptions:
    store: str | None = None  # a symbol store (default: $FINNEWS_HOME's, built on first use)
    all_blocks: bool = False  # also link blocks that are not article text


@register_stage("entities", reads=("blocks.role",), assigns=("entities",), options=EntityOptions)
def make_entity_stage(options: EntityOptions) -> EntityStage:
    return EntityStage(load_linker(options.store), options.all_blocks)
