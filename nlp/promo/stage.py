"""The ``promo`` pipeline stage: sets every block's role, confidence and cues, adds the
article's promotion flags and its promotional score. Nothing is removed: non-article blocks
stay in ``Document.blocks`` and ``Document.text``; only ``article_text()`` leaves them out."""

from __future__ import annotations

from dataclasses import dataclass

from nlp.pipeline import register_stage
from nlp.promo.classify import classify_blocks
from nlp.promo.flags import article_flags
from nlp.promo.rules import promo_rules
from nlp.schema import BlockRole, Document

_FLAG_NAMES = {"sponsored_content", "call_to_action", "chat_artifact", "duplicated_paragraphs",
               "stock_promotion", "undisclosed_promotion"}


class PromoStage:
    name = "promo"

    def __init__(self) -> None:
        self.rules = promo_rules()

    def __call__(self, doc: Document) -> Document:
        for block, decision in zip(doc.blocks, classify_blocks(doc.blocks, self.rules), strict=True):
            block.role = BlockRole(decision.role)
            block.role_confidence = round(decision.confidence, 3)
            block.cues = decision.cues
        flags, score = article_flags(doc.blocks, self.rules)
        doc.flags = [f for f in doc.flags if f.name not in _FLAG_NAMES] + flags
        doc.promotional_score = score
        return doc


@dataclass(frozen=True)
class PromoOptions:
    """No options yet: the rules are data (nlp/promo/data)."""


@register_stage("promo", assigns=("blocks.role", "promotional_score", "flags"), options=PromoOptions)
def make_promo_stage(options: PromoOptions) -> PromoStage:
    return PromoStage()
