"""HTML to typed blocks.

Main content comes from trafilatura's structured (XML) output, which measured better than
finnews's own container vote (see BENCHMARKS.md); its elements map onto block kinds. When
trafilatura finds nothing, or with ``ParseOptions.keep_all_text``, finnews's own linearizer
and container vote (:mod:`nlp.parse.html_content`) produce the blocks instead.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import lxml.html
from lxml import etree
from trafilatura.core import bare_extraction, determine_returnstring
from trafilatura.settings import Extractor

from nlp.errors import Errors, InputError, Warnings, warning_text
from nlp.parse.html_blocks import clean_text, linearize
from nlp.parse.html_content import label_roles, select_content
from nlp.parse.html_meta import PageMeta, extract_meta
from nlp.parse.options import ParseOptions
from nlp.schema import BlockKind

# trafilatura logs at WARNING for every odd page; finnews reports through doc.errors instead
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_XML_KIND = {"p": BlockKind.PARAGRAPH, "head": BlockKind.HEADING, "item": BlockKind.LIST_ITEM,
             "quote": BlockKind.QUOTE, "code": BlockKind.PARAGRAPH, "table": BlockKind.TABLE}
_TEXT_TAGS = {"p", "head", "item", "code", "table"}
BlockTuple = tuple[str, BlockKind, dict]


@dataclass
class ParsedHtml:
    meta: PageMeta
    blocks: list[BlockTuple]
    warnings: list[str] = field(default_factory=list)
    extractor: str = "trafilatura"
    root: etree._Element | None = None


# A tag whose attributes run to tens of thousands of characters is never real markup, and
# libxml2 is quadratic in the number of attributes: such tags are reduced to their names.
MAX_TAG_CHARS = 20_000
# The first look-ahead lets an ordinary tag fail after one scan to its ">" (without it, each
# tag was rescanned once per letter of its name as the name backtracked: 2.5 ms a Zyte page
# against 1.0); the second keeps the name exactly as "<(name){0,30}[^<>]{20000,}>" would.
_OVERSIZED_TAG = re.compile(
    rf"<(?=[^<>]{{{MAX_TAG_CHARS + 1}}})([A-Za-z][\w:-]{{0,30}})(?=[^<>]{{{MAX_TAG_CHARS}}})[^<>]*>")
# A tag holds no '<': so the search from each '<' stops at the next one. With "[^>]{0,20000}"
# a page of 2.5 million '<' cost 2.5 million scans of 20,000 characters (tests/robustness).
_SCRIPT_OPEN = re.compile(r"<(script|style|noscript|template)\b[^<>]*>", re.I)
_STRIP_TAGS = re.compile(rf"<[^<>]{{0,{MAX_TAG_CHARS}}}>")


def shrink_oversized_tags(text: str) -> tuple[str, int]:
    return _OVERSIZED_TAG.subn(r"<\1>", text)


# XHTML served as text starts with an XML declaration that may name an encoding; lxml refuses
# a declared encoding on an already decoded string, and the text is decoded by now.
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml\b[^>]*\?>", re.IGNORECASE)


def parse_tree(text: str, source: str) -> etree._Element:
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        root = lxml.html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, ValueError) as err:
        raise InputError(Errors.E108, path=source, reason=str(err)) from err
    if root is None:
        raise InputError(Errors.E108, path=source, reason="no document element")
    return root


# lxml.html calls a Python method to pick the class of every element object it hands out
# (3,900 a Zyte page, with trafilatura's walks); the same classes picked in C, less the form
# classes (FormElement, InputElement...) whose form APIs neither finnews nor trafilatura uses
_CLASS_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity)


def _parser() -> lxml.html.HTMLParser:
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, default_doctype=False)
    parser.set_element_class_lookup(_CLASS_LOOKUP)
    return parser


def parse_html(text: str, source: str, options: ParseOptions) -> ParsedHtml:
    warnings: list[str] = []
    text, shrunk = shrink_oversized_tags(text)
    if shrunk:
        warnings.append(warning_text(Warnings.W110, count=shrunk, limit=MAX_TAG_CHARS))
    root = parse_tree(text, source)
    meta = extract_meta(root, options.url)
    blocks: list[BlockTuple] = []
    extractor = "finnews"
    flattened: list[str] = []
    body = root.find("body")
    raw = linearize(body if body is not None else root, max_depth=options.max_depth,
                    flattened=flattened)
    if flattened:
        warnings.append(warning_text(Warnings.W107, limit=options.max_depth))
    # trafilatura costs several seconds per MB on pages of tens of thousands of elements
    # (a million <br>, 200,000 <li>), which no real page has: see ParseOptions
    if not options.keep_all_text and _element_count(root, options.max_extract_elements) <= options.max_extract_elements:
        page_chars = sum(len(b.text) for b in raw)
        container = _content_container(root)
        container_chars = sum(len(t.strip()) for t in container.itertext()) if container is not None else 0
        blocks = _with_dom_roles(_trafilatura_blocks(root, options, page_chars, container_chars), raw)
        extractor = "trafilatura"
    if not blocks:
        chosen = label_roles(raw) if options.keep_all_text else select_content(raw, root)
        if not options.keep_all_text and not any(b.role is None for b in chosen):
            if raw:
                warnings.append(warning_text(Warnings.W104))
            chosen = raw
        blocks = [_block_tuple(b.text, BlockKind(b.kind), b.level, b.role, b.cue) for b in chosen]
        extractor = "finnews"
    blocks = [b for b in blocks if len(b[0]) >= options.min_block_chars]
    if not blocks:
        blocks = _stripped_text_blocks(text)
        warnings.append(warning_text(Warnings.W109 if blocks else Warnings.W105))
    return ParsedHtml(meta=meta, blocks=blocks, warnings=warnings, extractor=extractor, root=root)


def _element_count(root: etree._Element, limit: int) -> int:
    """The number of nodes ``root.iter()`` yields (elements, comments, processing
    instructions), at most ``limit + 1``: counted by libxml2, as a loop over ``root.iter()``
    would make a Python object of each (even a million of them costs libxml2 milliseconds)."""
    count = root.xpath("count(descendant-or-self::*) + count(descendant::comment())"
                       " + count(descendant::processing-instruction())")
    return min(int(count), limit + 1)


def _stripped_text_blocks(text: str) -> list[BlockTuple]:
    """Last resort for markup libxml2 gives up on (nesting beyond its depth limit): the text
    between the tags, split like plain text."""
    import html as html_lib

    from nlp.parse.text import split_text

    found = re.search(r"<body", text, re.I)
    body = text[found.start():] if found else text
    plain = html_lib.unescape(_STRIP_TAGS.sub("\n", _without_scripts(body)))
    if not re.search(r"\w", plain):
        return []
    return [_block_tuple(t, kind, None, None, None) for t, kind, _ in split_text(plain)]


def _without_scripts(text: str) -> str:
    """``text`` without script, style, noscript and template elements. One pass: each element
    is searched for its own end tag from where it opens, and one that never ends runs to the
    end of the text (as in a browser), so no stretch of text is searched twice."""
    parts, pos = [], 0
    while (found := _SCRIPT_OPEN.search(text, pos)) is not None:
        parts.append(text[pos:found.start()])
        end = re.compile(rf"</{found.group(1)}\s*>", re.I).search(text, found.end())
        if end is None:
            pos = len(text)
            break
        parts.append(" ")
        pos = end.end()
    parts.append(text[pos:])
    return "".join(parts)


_OVERRULING_ROLES = {"sponsored", "comment", "call_to_action"}


def _with_dom_roles(blocks: list[BlockTuple], raw: list) -> list[BlockTuple]:
    """Merge the page's other blocks back around trafilatura's selection, so nothing is lost.

    A block trafilatura kept takes the structural role of the page element with exactly its
    text (an ad slot's class, a ``<footer>``), if any. A page block trafilatura left out comes
    back in page order with its structural role, or ``boilerplate`` with the cue
    ``outside_main_content``; it never joins the article text.
    """
    if not blocks:
        return blocks
    raw = label_roles(list(raw))
    # only unambiguous structure overrules trafilatura's choice of a kept paragraph: an ad
    # slot, a comment thread, a newsletter box (not link density, not a "credit" class)
    # texts are compared with whitespace folded: a page's hard-wrapped paragraph is the same
    # paragraph as trafilatura's copy of it
    raw_keys = [_key(rb.text) for rb in raw]
    kept_keys = [_key(text) for text, _, _ in blocks]
    labelled = {key: (rb.role, rb.cue) for rb, key in zip(raw, raw_keys, strict=True) if rb.role in _OVERRULING_ROLES}
    kept_text = "\n".join(kept_keys)
    kept = []
    for (text, kind, extra), key in zip(blocks, kept_keys, strict=True):
        role_cue = labelled.get(key)
        if role_cue and "role" not in extra:
            role, cue = role_cue
            extra = {**extra, "role": role, "cues": [f"html:{cue}"] if cue else ["html"]}
        kept.append((text, kind, extra))
    index = {key: i for i, key in reversed(list(enumerate(kept_keys)))}
    kept_copies = Counter(kept_keys)
    page_copies: Counter = Counter()
    merged: list[BlockTuple] = []
    emitted = 0
    for rb, key in zip(raw, raw_keys, strict=True):
        page_copies[key] += 1
        i = index.get(key)
        if i is not None and i >= emitted:
            merged.extend(kept[emitted:i + 1])
            emitted = i + 1
        elif i is not None and 0 < emitted < len(kept) and page_copies[key] > kept_copies[key]:
            # a line the article repeats (a question put to each guest) that trafilatura's
            # own duplicate filter dropped: it comes back where the page has it
            merged.append(kept[i])
        elif key and key not in kept_text:
            role, cue = (rb.role, rb.cue) if rb.role else ("boilerplate", "outside_main_content")
            merged.append(_block_tuple(rb.text, BlockKind(rb.kind), rb.level, role, cue))
    merged.extend(kept[emitted:])
    return merged


_WHITESPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    """``text`` with whitespace folded: str.split() splits at what ``\\s`` matches."""
    return " ".join(text.split())


def _block_tuple(text: str, kind: BlockKind, level: int | None = None, role: str | None = None,
                 cue: str | None = None) -> BlockTuple:
    extra: dict = {}
    if level is not None:
        extra["level"] = level
    if role is not None:
        extra["role"] = role
        extra["cues"] = [cue] if cue else []
    return (text, kind, extra)


def _content_container(root: etree._Element) -> etree._Element | None:
    """The page's marked content: its only ``<main>``, else its only ``<article>``."""
    for tag in ("main", "article"):
        found = root.findall(f".//{tag}")
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _trafilatura_blocks(root: etree._Element, options: ParseOptions, page_chars: int,
                        container_chars: int = 0) -> list[BlockTuple]:
    """trafilatura's precision setting first (it leaves out more related-story teasers and
    widgets); when that keeps a small share of the page's text, also the balanced setting
    with trafilatura's fallback extractors, which wins if it finds far more: on some layouts
    the precision setting drops the article itself. (On the Zyte pages one page in ten is
    checked twice.)"""
    blocks = _trafilatura_pass(root, options, favor_precision=options.favor_precision, fast=options.fast_extraction)
    if not options.favor_precision:
        return blocks
    kept = sum(len(text) for text, _, _ in blocks)
    if (kept < options.recheck_below_share * page_chars
            or kept < options.recheck_below_container_share * container_chars):
        balanced = _trafilatura_pass(root, options, favor_precision=False, fast=False)
        if kept < options.precision_keeps_share * sum(len(text) for text, _, _ in balanced):
            return balanced
    return blocks


def _trafilatura_pass(root: etree._Element, options: ParseOptions, favor_precision: bool,
                      fast: bool) -> list[BlockTuple]:
    try:
        xml = trafilatura_xml(root, options.url, favor_precision, fast)
    except Exception:  # noqa: BLE001 - trafilatura failing on odd pages falls back to finnews
        return []
    if not xml:
        return []
    main = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(huge_tree=True)).find("main")
    if main is None:
        return []
    blocks: list[BlockTuple] = []
    taken: set[etree._Element] = set()
    if main.text and main.text.strip():
        blocks.append(_block_tuple(clean_text(main.text), BlockKind.PARAGRAPH))
    for event, el in etree.iterwalk(main, events=("start", "end")):
        inside_taken = any(a in taken for a in el.iterancestors())
        if event == "end":
            # trafilatura leaves loose text as the tail of the preceding element
            if el is not main and not inside_taken and el.tail and el.tail.strip():
                blocks.append(_block_tuple(clean_text(el.tail), BlockKind.PARAGRAPH))
            continue
        if inside_taken or not (el.tag in _TEXT_TAGS or (el.tag == "quote" and not _holds_text_tags(el))):
            continue  # a <quote> holding <p>s is read through them; one holding bare text is a block
        if el.tag == "table" and _is_layout_table(el):
            continue  # a page (an e-mail newsletter) laid out in a table is read through its paragraphs
        taken.add(el)
        text = _table_text(el) if el.tag == "table" else clean_text(_text_with_breaks(el))
        if not text:
            continue
        kind = _XML_KIND[el.tag]
        if kind == BlockKind.PARAGRAPH and next(el.iterancestors("quote"), None) is not None:
            kind = BlockKind.QUOTE
        level = None
        if kind == BlockKind.HEADING:
            rend = el.get("rend") or "h2"
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
        blocks.append(_block_tuple(text, kind, level))
    return blocks


def trafilatura_xml(root: etree._Element, url: str | None, favor_precision: bool, fast: bool) -> str | None:
    """What ``trafilatura.extract(root, output_format="xml", ...)`` returns, less the content
    fingerprint it computes on every page for the XML's metadata, which finnews never reads
    (2 ms a page on the Zyte pages), and with its options built once."""
    extractor = _extractor(url, favor_precision, fast)
    document = bare_extraction(root, options=extractor)
    return determine_returnstring(document, extractor) if document is not None else None


@lru_cache(maxsize=64)
def _extractor(url: str | None, favor_precision: bool, fast: bool) -> Extractor:
    """trafilatura's options for one kind of pass, built once (building them reads its
    configuration); trafilatura copies them before it changes any."""
    return Extractor(output_format="xml", comments=False, tables=True, formatting=False, with_metadata=False,
                     dedup=False, precision=favor_precision, fast=fast, url=url)


def _is_layout_table(table: etree._Element) -> bool:
    """A table whose cells hold headings or several paragraphs of prose is layout, not data."""
    prose = [p for p in table.iter("p", "head") if len("".join(p.itertext())) > 80]
    return any(p.tag == "head" for p in table.iter("head")) or len(prose) >= 2


def _holds_text_tags(el: etree._Element) -> bool:
    return any(child.tag in _TEXT_TAGS for child in el.iterdescendants())


def _text_with_breaks(el: etree._Element) -> str:
    """The element's text with source line breaks folded (in HTML a newline inside a paragraph
    is a space: CMS output hard-wraps) and ``<lb/>`` (``<br>``) kept as a line break."""
    if el.tag != "code":
        for node in el.iter():
            if node.text:
                node.text = _WHITESPACE.sub(" ", node.text)
            if node is not el and node.tail:
                node.tail = _WHITESPACE.sub(" ", node.tail)
    for br in el.iter("lb"):
        br.tail = "\n" + (br.tail or "")
    return "".join(el.itertext())


def _table_text(table: etree._Element) -> str:
    rows = []
    for row in table.iter("row"):
        cells = [clean_text("".join(c.itertext())).replace("\n", " ") for c in row.iter("cell")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)
