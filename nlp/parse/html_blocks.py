"""Linearize an HTML tree into typed text blocks in reading order.

One iterative walk (no recursion, so 10,000-deep nesting is safe) turns every run of
inline text between block boundaries into a :class:`RawBlock` that remembers the element it
came from, its kind (heading, list item, ...), how much of it is link text, and the
structural role that class/id/ARIA cues of its ancestors suggest (navigation, comment, ...).
Main-content selection (:mod:`nlp.parse.html_content`) works on these blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from nlp.parse.rules import HtmlRules, html_rules

_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b\u2028\u2029\ufeff]+")
_LINE = re.compile(r" *\n+ *")
# a match starts only where a run of blanks starts (the lookbehind): from every blank of a run
# of 150,000 spaces and tabs with no newline, the search would scan the rest of the run
_SOURCE_BREAK = re.compile(r"(?<![ \t])[ \t]*\n[ \t\n]*")
# paragraphs split at a blank line; the whitespace after the second newline goes with the
# match (the parts are stripped anyway), so no start rescans a run of newlines
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_PREFORMATTED = {"pre", "textarea"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass
class RawBlock:
    text: str
    kind: str
    element: etree._Element
    link_chars: int
    role: str | None = None
    cue: str | None = None
    level: int | None = None
    cues: list[tuple[etree._Element, str, str]] = field(default_factory=list)
    """Every ancestor with a structural cue, innermost first: (element, role, cue)."""

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


def element_cue(el: etree._Element, rules: HtmlRules) -> tuple[str, str] | None:
    """The structural role suggested by the element's tag, ARIA role or class/id."""
    tag = el.tag
    if tag in rules.role_tags:
        return rules.role_tags[tag], f"tag:{tag}"
    aria = (el.get("role") or "").lower()
    if aria in rules.role_aria:
        return rules.role_aria[aria], f"aria:{aria}"
    attrs = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    return rules.attr_cue(attrs) if attrs else None


def is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def clean_text(text: str) -> str:
    text = _SPACE.sub(" ", text)
    return _LINE.sub("\n", text).strip()


def is_data_table(table: etree._Element, rules: HtmlRules) -> bool:
    """Layout tables (whole pages in table cells) are walked as containers, data tables kept whole."""
    for el in table.iterdescendants():
        if el.tag == "table" or (el.tag in ("p", "div", "ul", "ol", "blockquote") and len(
            el.text_content()) > 200):
            return False
    return True


def table_text(table: etree._Element) -> str:
    rows = []
    for tr in table.iter("tr"):
        cells = [clean_text(c.text_content()).replace("\n", " ") for c in tr if c.tag in ("td", "th")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def linearize(
    root: etree._Element,
    rules: HtmlRules | None = None,
    max_depth: int = 400,
    flattened: list[str] | None = None,
) -> list[RawBlock]:
    """All visible text blocks under ``root``, in document order.

    Elements nested deeper than ``max_depth`` keep their text but lose their structure; their
    tags are appended to ``flattened`` so the caller can warn.
    """
    flattened = flattened if flattened is not None else []
    rules = rules or html_rules()
    blocks: list[RawBlock] = []
    pieces: list[str] = []
    link_chars = 0
    # per open element: (kind or None, role or None, cue, is_link)
    stack: list[tuple[str | None, str | None, str | None, bool, etree._Element]] = []
    skip_depth: int | None = None
    pre_depth = 0  # inside <pre>/<textarea>, source line breaks are the text's
    walker = etree.iterwalk(root, events=("start", "end"))

    def current() -> tuple[str, list[tuple[etree._Element, str, str]], etree._Element, int | None]:
        kind, owner, level = "paragraph", root, None
        cues: list[tuple[etree._Element, str, str]] = []
        for k, r, c, _link, el in reversed(stack):
            if owner is root and el.tag in rules.block_tags:
                owner = el
            if kind == "paragraph" and k is not None:
                kind = k
                if k == "heading":
                    level = int(el.tag[1])
            if r is not None:
                cues.append((el, r, c))
        return kind, cues, owner, level

    def flush() -> None:
        nonlocal link_chars
        if not pieces:
            return
        raw = "".join(pieces)
        pieces.clear()
        chars, link_chars = link_chars, 0
        if raw.isspace():  # the indentation between block tags: clean_text would make it ""
            return
        for part in _BLANK_LINE.split(raw) if "\n" in raw else [raw]:
            text = clean_text(part)
            if not text:
                continue
            kind, cues, owner, level = current()
            blocks.append(RawBlock(text, kind, owner, min(chars, len(text)), level=level, cues=cues))

    def add(text: str | None, in_link: bool) -> None:
        nonlocal link_chars
        if text:
            if not pre_depth and "\n" in text:
                # a newline in HTML source is a space; most such texts are the indentation
                # between tags, which the pattern would turn into one space
                text = " " if not text.strip(" \t\n") else _SOURCE_BREAK.sub(" ", text)
            pieces.append(text)
            if in_link:
                link_chars += len(text.strip())

    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # comments, processing instructions
            if event == "end" and skip_depth is None:
                add(el.tail, bool(stack and stack[-1][3]))
            continue
        if event == "start":
            if skip_depth is not None:
                walker.skip_subtree()
                stack.append((None, None, None, False, el))
                continue
            too_deep = len(stack) >= max_depth
            if tag in rules.drop_tags or is_hidden(el) or too_deep:
                if too_deep:
                    flattened.append(el.tag)
                    add(el.xpath("string()"), bool(stack and stack[-1][3]))
                walker.skip_subtree()
                skip_depth = len(stack)
                stack.append((None, None, None, False, el))
                continue
            if tag == "br":
                pieces.append("\n")
            if tag in rules.block_tags:
                flush()
            if tag == "table" and is_data_table(el, rules):
                flush()
                _, cues, _owner, _ = current()
                text = table_text(el)
                if text:
                    blocks.append(RawBlock(text, "table", el, 0, cues=cues))
                walker.skip_subtree()
                skip_depth = len(stack)
                stack.append((None, None, None, False, el))
                continue
            if tag in _PREFORMATTED:
                pre_depth += 1
            cue = element_cue(el, rules)
            in_link = tag == "a" or bool(stack and stack[-1][3])
            stack.append((rules.kind_tags.get(tag), cue[0] if cue else None, cue[1] if cue else None,
                          in_link, el))
            add(el.text, in_link)
        else:
            _kind, _role, _cue, _link, _el = stack.pop()
            if skip_depth is not None:
                if len(stack) == skip_depth:
                    skip_depth = None
                else:
                    continue
            elif tag in _PREFORMATTED:
                pre_depth -= 1
            if tag in rules.block_tags or tag == "tr":
                flush()
            add(el.tail, bool(stack and stack[-1][3]))
    flush()
    return blocks
