"""Give every block a role: article, sponsored, call_to_action, boilerplate, disclosure,
chat_artifact, navigation or comment, with a confidence and the cues that fired.

Evidence, in the order it is applied:

1. a role the HTML parser already set from the page's structure (``<nav>``, ``class="ad-slot"``,
   ``<footer>``) is kept;
2. text cues from ``data/cues.json`` ("Sponsored by …", "Subscribe to …", "Would you like me
   to …", "This publication contains editorial commentary …", "Keep Reading");
3. repetition: a paragraph printed twice keeps its first copy; a short line repeated on the
   page (a site name, a date) is boilerplate wherever it appears, unless every copy is a heading;
4. context: an *ad run* - after a sponsor label, the short lines that follow belong to the ad
   until the article resumes with a section heading or a full paragraph;
5. trailing debris: short lines after the article's last full paragraph that lead into other
   non-article blocks (signatures, taglines).

Confidences are fixed priors per cue (weights in the data file), not calibrated probabilities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp.promo.rules import PromoRules, RoleRules, promo_rules
from nlp.schema import Block, BlockKind, BlockRole

ARTICLE = BlockRole.ARTICLE.value
# the roles a text cue can give, in the order they are tried; the first four are specific
# enough to overrule a role the page's structure gave
_SPECIFIC_ROLES = ("chat_artifact", "sponsored", "disclosure", "call_to_action")
_ROLE_ORDER = (*_SPECIFIC_ROLES, "navigation", "boilerplate")
# the structural roles text can overrule, and the text roles that can: a footer that says
# "not investment advice" is a disclosure, an ad slot stays an ad, and a menu link that
# says "subscribe" stays navigation
_OVERRULED_BY = {"boilerplate": _SPECIFIC_ROLES, "navigation": ("chat_artifact", "sponsored", "disclosure")}
FULL_PARAGRAPH = 200  # characters: shorter blocks can belong to an ad run
_SHORT_LINE = 80
_SUBSTANTIAL = 60
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")


@dataclass
class Decision:
    role: str = ARTICLE
    confidence: float = 0.5
    cues: list[str] = field(default_factory=list)


def classify_blocks(blocks: list[Block], rules: PromoRules | None = None) -> list[Decision]:
    rules = rules or promo_rules()
    tried = _roles_tried(rules)
    decisions = [_decide(b, tried) for b in blocks]
    _mark_repetition(blocks, decisions)
    _extend_ad_runs(blocks, decisions)
    _mark_trailing_debris(blocks, decisions)
    return decisions


def _roles_tried(rules: PromoRules) -> dict[str | None, tuple[RoleRules, ...]]:
    """The text roles worth trying on a block, by the role the parser gave it (None: none):
    only those that could win, so a menu of 80 links is not scanned for cues that cannot
    change its role (most of a news page's blocks are such chrome)."""
    tried: dict[str | None, tuple[RoleRules, ...]] = {None: tuple(rules.role(r) for r in _ROLE_ORDER)}
    for structural, roles in _OVERRULED_BY.items():
        tried[structural] = tuple(rules.role(r) for r in _ROLE_ORDER if r in roles)
    return tried


def _decide(block: Block, tried: dict[str | None, tuple[RoleRules, ...]]) -> Decision:
    structural = _from_parser(block)
    if structural is None:
        return _from_text(block, tried[None]) or Decision(ARTICLE, _article_confidence(block))
    # a byline naming its newsletter ("By A | Jan. 16 | The Midpoint newsletter") stays a byline
    roles = tried.get(structural.role) if "text:byline" not in structural.cues else None
    return (_from_text(block, roles) if roles else None) or structural


def _from_parser(block: Block) -> Decision | None:
    if block.role != BlockRole.ARTICLE:
        cues = [c if ":" in c else f"html:{c}" for c in block.cues] or ["html"]
        return Decision(block.role.value, block.role_confidence or 0.9, cues)
    return None


def _from_text(block: Block, roles: tuple[RoleRules, ...]) -> Decision | None:
    """The first of ``roles`` whose strongest cue fires on the block's text."""
    text = block.text.strip()
    for role in roles:
        cue = role.strongest(text)
        if cue is not None and cue.weight >= role.threshold:
            return Decision(role.role, cue.weight, [f"text:{cue.name}"])
    return None


def _article_confidence(block: Block) -> float:
    """Longer prose is surer to be article text."""
    n = len(block.text)
    return 0.95 if n >= FULL_PARAGRAPH else 0.8 if n >= _SHORT_LINE else 0.6


def _norm(text: str) -> str:
    """Whitespace folded (str.split splits where \\s matches) and lower case."""
    return " ".join(text.split()).lower()


def _mark_repetition(blocks: list[Block], decisions: list[Decision]) -> None:
    """A full paragraph printed twice keeps its first copy (a template printing the lead
    again); a short line repeated on the page that reads as a name (a site name, a
    newsletter's title) is boilerplate wherever it appears. Shorter repeats are the article's
    own: a question put to each interviewee, a chorus, "Venue: ..." under each event; and so
    is a line every copy of which is a heading, a label of the article's own sections ("Meal 1"
    on each day of a meal plan), where a site name is a masthead once and a footer line again."""
    seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    not_only_headings: set[str] = set()
    keys = [_norm(block.text) for block in blocks]
    for key, block in zip(keys, blocks, strict=True):
        counts[key] = counts.get(key, 0) + 1
        if block.kind != BlockKind.HEADING:
            not_only_headings.add(key)
    for i, (block, decision) in enumerate(zip(blocks, decisions, strict=True)):
        key = keys[i]
        if decision.role != ARTICLE or block.kind in (BlockKind.TABLE, BlockKind.LIST_ITEM):
            seen.setdefault(key, i)
            continue
        if key in seen and len(key) >= FULL_PARAGRAPH and not key.endswith("?"):
            decisions[i] = Decision("boilerplate", 0.95, [f"duplicate_of:{seen[key]}"])
        elif counts[key] >= 2 and len(key) < 40 and key in not_only_headings and _reads_as_name(block.text):
            decisions[i] = Decision("boilerplate", 0.85, ["repeated_line"])
        seen.setdefault(key, i)


_NAME_SMALL_WORDS = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "&"}


def _reads_as_name(text: str) -> bool:
    """"Small Cap Network", "The Friday Tape": every word capitalised, no label or sentence."""
    words = text.split()
    if not words or len(words) > 6 or _SENTENCE_END.search(text) or ":" in text:
        return False
    return all(w[0].isupper() or w[0].isdigit() or (n and w.lower() in _NAME_SMALL_WORDS)
               for n, w in enumerate(words))


def _section_start(blocks: list[Block], decisions: list[Decision], i: int) -> bool:
    """Does the article resume at block i? A full paragraph, or a section heading: a heading
    in Title Case (or followed by a full paragraph) whose next block is substantial."""
    block = blocks[i]
    if len(block.text) >= FULL_PARAGRAPH:
        return True
    if block.kind != BlockKind.HEADING or block.text.rstrip().endswith(("…", "...", "!")):
        return False
    nxt = next((j for j in range(i + 1, len(blocks)) if decisions[j].role == ARTICLE), None)
    if nxt is None or len(blocks[nxt].text) < _SUBSTANTIAL:
        return False
    return _title_case(block.text) or len(blocks[nxt].text) >= FULL_PARAGRAPH


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _extend_ad_runs(blocks: list[Block], decisions: list[Decision]) -> None:
    i = 0
    while i < len(blocks):
        if decisions[i].role == "sponsored" and "text:sponsored_by" in decisions[i].cues:
            j = i + 1
            while j < len(blocks) and decisions[j].role == ARTICLE and len(blocks[j].text) < FULL_PARAGRAPH \
                    and not _section_start(blocks, decisions, j):
                decisions[j] = Decision("sponsored", 0.85, [f"ad_run:{i}"])
                j += 1
            i = j
        else:
            i += 1


_SIGN_OFF = re.compile(
    r"^\s*(?:[-\u2013\u2014~]+\s*\w|p\.?s\.|x+o*\b|xo\b|cheers|best\b|thanks|thank you|regards|warm(?:ly|est)?\b|"
    r"love\b|yours\b|until next|see you|happy \w+|enjoy\b|take care|all the best)",
    re.IGNORECASE)


def _mark_trailing_debris(blocks: list[Block], decisions: list[Decision]) -> None:
    """Short lines after the article's last full paragraph that lead straight into chrome
    that the *text* shows to be chrome (a staff signature, "Keep Reading", a date stamp, a
    subscription box) belong to it: a signature's name, a tagline. Chrome known only from the
    page's structure (a footer, a comment thread) proves nothing about the line before it, and
    a sign-off ("Happy baking!", "- Marta", "Cheers, Tom") is the article's own."""
    last_full = max((i for i, (b, d) in enumerate(zip(blocks, decisions, strict=True))
                     if d.role == ARTICLE and len(b.text) >= FULL_PARAGRAPH), default=None)
    if last_full is None:
        return
    later_non_article = [i for i in range(last_full + 1, len(blocks)) if decisions[i].role != ARTICLE]
    if not later_non_article:
        return
    # walk back from the last non-article block: debris must lead straight into non-article text
    for i in range(later_non_article[-1] - 1, last_full, -1):
        block = blocks[i]
        following = decisions[i + 1]
        if decisions[i].role == ARTICLE and following.role != ARTICLE \
                and _shown_by_text(following) \
                and len(block.text) < _SHORT_LINE \
                and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) \
                and not any(ch.isdigit() for ch in block.text) \
                and not _SIGN_OFF.search(block.text):
            decisions[i] = Decision("boilerplate", 0.7, ["trailing_debris"])


def _shown_by_text(decision: Decision) -> bool:
    return any(c.startswith(("text:", "trailing_debris", "repeated_line", "duplicate_of")) for c in decision.cues)
