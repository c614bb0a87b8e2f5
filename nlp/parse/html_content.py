"""Main-content selection: which of a page's blocks are the article.

The approach is a readability-style container vote on top of :mod:`nlp.parse.html_blocks`:

1. every block that reads like prose (long enough, few links, no boilerplate cue) votes for
   its parent and, at half weight, its grandparent and great-grandparent;
2. the vote is scaled by class/id cues and the link density of the candidate, and the best
   candidate wins; an explicit article-body selector (``itemprop=articleBody`` ...) that holds
   most of the winner's text is preferred;
3. siblings of the winner that also read like content join it;
4. inside the selection, blocks with a structural cue (comments, share bars, related lists)
   or that are mostly links keep a non-article role instead of being dropped.

Blocks outside the selection are page chrome and are not part of the document.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from lxml import etree

from nlp.parse.html_blocks import RawBlock
from nlp.parse.rules import HtmlRules, html_rules


@dataclass(frozen=True)
class ContentOptions:
    min_prose_chars: int = 40
    max_prose_link_density: float = 0.35
    sibling_ratio: float = 0.2
    nav_link_density: float = 0.6
    max_cue_share: float = 0.3


def _prose_weight(block: RawBlock, opts: ContentOptions) -> float:
    """How much a block reads like article prose, regardless of cues (0 = not at all)."""
    if block.kind in ("heading", "table"):
        return 0.0
    n = len(block.text)
    if n < opts.min_prose_chars or block.link_density > opts.max_prose_link_density:
        return 0.0
    sentences = block.text.count(". ") + block.text.count(", ") + 1
    return 1.0 + min(n / 100.0, 3.0) + min(sentences, 6) * 0.5


def _class_weight(el: etree._Element, rules: HtmlRules) -> float:
    attrs = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    weight = 1.0
    if el.tag in ("article", "main") or el.get("itemprop") == "articleBody":
        weight += 0.25
    if attrs and rules.positive.search(attrs):
        weight += 0.25
    if attrs and rules.attr_cue(attrs) is not None:
        weight -= 0.5
    return max(weight, 0.1)


def select_content(
    blocks: list[RawBlock],
    root: etree._Element,
    opts: ContentOptions | None = None,
    rules: HtmlRules | None = None,
) -> list[RawBlock]:
    """The article's blocks, in order, with non-article roles set on in-content debris."""
    opts = opts or ContentOptions()
    rules = rules or html_rules()
    if not blocks:
        return []
    weights = [_prose_weight(b, opts) for b in blocks]
    _resolve_roles(blocks, weights, opts)
    weights = [w if b.role is None else 0.0 for b, w in zip(blocks, weights, strict=True)]
    if not any(weights):
        return _label_debris(blocks, opts)

    votes: dict[etree._Element, float] = defaultdict(float)
    for block, weight in zip(blocks, weights, strict=True):
        if not weight:
            continue
        for hop, ancestor in enumerate(block.element.iterancestors()):
            if hop > 2:
                break
            votes[ancestor] += weight * (1.0 if hop == 0 else 0.5 if hop == 1 else 0.3)
        votes[block.element] += weight * 0.5

    totals = _text_under(blocks, weights)
    scored = {el: v * _class_weight(el, rules) for el, v in votes.items()}
    best = max(scored, key=scored.__getitem__)
    best = _prefer_declared_body(root, best, totals, rules)
    chosen = _with_siblings(best, scored, opts)

    targets = set(chosen)
    selected = [b for b in blocks if _inside(b.element, targets)]
    return _label_debris(selected, opts)


def label_roles(blocks: list[RawBlock], opts: ContentOptions | None = None) -> list[RawBlock]:
    """Set non-article roles from the page's structure (class/id/tag cues, link density)
    on every block, without selecting the main content."""
    opts = opts or ContentOptions()
    _resolve_roles(blocks, [_prose_weight(b, opts) for b in blocks], opts)
    return _label_debris(blocks, opts)


def _resolve_roles(blocks: list[RawBlock], weights: list[float], opts: ContentOptions) -> None:
    """Set each block's role from its innermost *credible* cue.

    A cue on an element that holds a large share of the page's prose is not credible: sites
    wrap whole pages in "off-canvas-menu" or "paywall" containers.
    """
    total = sum(weights) or 1.0
    held: dict[etree._Element, float] = defaultdict(float)
    for block, weight in zip(blocks, weights, strict=True):
        for el, _role, _cue in block.cues:
            held[el] += weight
    for block in blocks:
        for el, role, cue in block.cues:
            if held[el] <= opts.max_cue_share * total:
                block.role, block.cue = role, cue
                break


def _text_under(blocks: list[RawBlock], weights: list[float]) -> dict[etree._Element, int]:
    """Characters of prose under each element (for comparing candidates)."""
    totals: dict[etree._Element, int] = defaultdict(int)
    for block, weight in zip(blocks, weights, strict=True):
        if weight:
            totals[block.element] += len(block.text)
            for ancestor in block.element.iterancestors():
                totals[ancestor] += len(block.text)
    return totals


def _prefer_declared_body(
    root: etree._Element, best: etree._Element, totals: dict[etree._Element, int], rules: HtmlRules
) -> etree._Element:
    """An explicit article-body element wins when it holds most of the voted prose."""
    page_total = totals.get(root, 0) or 1
    for selector in rules.main_selectors:
        for el in selector(root):
            held = totals.get(el, 0)
            if held >= 0.6 * max(totals.get(best, 0), 1) and held >= 0.3 * page_total:
                return el
    return best


def _with_siblings(
    best: etree._Element, scored: dict[etree._Element, float], opts: ContentOptions
) -> list[etree._Element]:
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(3.0, scored.get(best, 0.0) * opts.sibling_ratio)
    chosen = []
    for sibling in parent:
        if sibling is best or scored.get(sibling, 0.0) >= threshold:
            chosen.append(sibling)
    return chosen


def _inside(el: etree._Element, targets: set[etree._Element]) -> bool:
    node: etree._Element | None = el
    while node is not None:
        if node in targets:
            return True
        node = node.getparent()
    return False


def _label_debris(blocks: list[RawBlock], opts: ContentOptions) -> list[RawBlock]:
    for block in blocks:
        if block.role is None and block.kind != "table" and (
            block.link_density >= opts.nav_link_density and len(block.text) < 200
        ):
            block.role, block.cue = "navigation", "links"
    return blocks
