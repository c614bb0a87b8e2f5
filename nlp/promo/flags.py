"""Article-level promotion flags with evidence, and the promotional score.

Flags: ``sponsored_content``, ``call_to_action``, ``chat_artifact``, ``duplicated_paragraphs``,
``stock_promotion`` (two or more distinct kinds of hype: multi-baggers, price fantasies,
urgency, fear selling…), ``undisclosed_promotion`` (that hype sits in article text and the
page carries no sponsor label or disclosure).

Promotional score, in [0, 1]: ``1 - (1 - share) * (1 - hype) * (1 - 0.3 * undisclosed)``,
where *share* is the fraction of the page's characters in sponsored, call-to-action and
chat-artifact blocks and *hype* is ``min(1, distinct hype cues / 4)``. It is a transparent
heuristic, not a probability.
"""

from __future__ import annotations

from nlp.promo.classify import ARTICLE
from nlp.promo.rules import PromoRules, promo_rules
from nlp.schema import Block, Flag, Span

_ROLE_FLAGS = {"sponsored": "sponsored_content", "call_to_action": "call_to_action",
               "chat_artifact": "chat_artifact"}
_PROMO_ROLES = ("sponsored", "call_to_action", "chat_artifact")
STOCK_PROMOTION_MIN_CUES = 2


def _span(block: Block) -> Span:
    return Span(start=block.start, end=block.end, text=block.text)


def _snippet(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def hype_matches(blocks: list[Block], rules: PromoRules) -> list[tuple[str, str, Block]]:
    found = []
    for block in blocks:
        if rules.any_hype is not None and not rules.any_hype.search(block.text):
            continue
        for cue in rules.hype:
            for m in cue.pattern.finditer(block.text):
                found.append((cue.name, m.group(), block))
    return found


def article_flags(blocks: list[Block], rules: PromoRules | None = None) -> tuple[list[Flag], float]:
    rules = rules or promo_rules()
    flags: list[Flag] = []
    for role, name in _ROLE_FLAGS.items():
        hits = [b for b in blocks if b.role.value == role]
        if hits:
            flags.append(Flag(name=name, score=max(b.role_confidence or 0.0 for b in hits),
                              evidence=[_snippet(b.text) for b in hits], spans=[_span(b) for b in hits]))
    dups = [b for b in blocks if any(c.startswith("duplicate_of:") for c in b.cues)]
    if dups:
        flags.append(Flag(name="duplicated_paragraphs", score=1.0, evidence=[_snippet(b.text) for b in dups],
                          spans=[_span(b) for b in dups]))

    hype = hype_matches(blocks, rules)
    kinds = {name for name, _, _ in hype}
    if len(kinds) >= STOCK_PROMOTION_MIN_CUES:
        flags.append(Flag(name="stock_promotion", score=min(1.0, len(kinds) / 4),
                          evidence=[f"{name}: {phrase}" for name, phrase, _ in hype],
                          spans=_unique_spans(b for _, _, b in hype)))
    in_article = {name for name, _, b in hype if b.role.value == ARTICLE}
    labelled = any(b.role.value in ("sponsored", "disclosure") for b in blocks)
    undisclosed = len(in_article) >= STOCK_PROMOTION_MIN_CUES and not labelled
    if undisclosed:
        flags.append(Flag(name="undisclosed_promotion", score=min(1.0, len(in_article) / 4),
                          evidence=[f"{name}: {phrase}" for name, phrase, b in hype if b.role.value == ARTICLE]
                          + ["no sponsor label or disclosure on the page"],
                          spans=_unique_spans(b for _, _, b in hype if b.role.value == ARTICLE)))

    total = sum(len(b.text) for b in blocks) or 1
    share = sum(len(b.text) for b in blocks if b.role.value in _PROMO_ROLES) / total
    hype_level = min(1.0, len(kinds) / 4)
    score = 1 - (1 - share) * (1 - hype_level) * (1 - 0.3 * undisclosed)
    return flags, round(score, 4)


def _unique_spans(blocks) -> list[Span]:
    seen, spans = set(), []
    for b in blocks:
        if b.start not in seen:
            seen.add(b.start)
            spans.append(_span(b))
    return spans
