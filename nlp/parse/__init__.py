"""Turn files, URLs or raw bytes into :class:`~nlp.schema.Document` objects.

>>> from nlp.parse import load_document
>>> doc = load_document("corpora/pages/newsletter-smallcap-weekly.html")
>>> doc.title, doc.published, [b.kind for b in doc.blocks][:3]
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from nlp.errors import Errors, InputError
from nlp.parse.decode import decode_bytes
from nlp.parse.html import parse_html
from nlp.parse.options import ParseOptions
from nlp.parse.text import guess_title, split_text
from nlp.schema import BlockRole, ContentFormat, DateSource, Document, Severity, SourceType

__all__ = ["ParseOptions", "load_document", "parse_bytes", "detect_format", "is_url"]

_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|div|p|article|meta|title)\b", re.I)
_MARKDOWN_EXT = {".md", ".markdown", ".mdown"}
_TEXT_EXT = {".txt", ".text"}


def is_url(value: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value))


def detect_format(data: bytes, name: str = "", content_type: str | None = None) -> ContentFormat:
    ext = Path(name.split("?")[0]).suffix.lower()
    if ext.endswith(".gz"):
        ext = Path(name[: -len(".gz")]).suffix.lower()
    if content_type and "html" in content_type.lower():
        return ContentFormat.HTML
    if ext in _MARKDOWN_EXT or (content_type and "markdown" in content_type.lower()):
        return ContentFormat.MARKDOWN
    if ext in _TEXT_EXT:
        return ContentFormat.TEXT
    head = data[:4096].lstrip()
    return ContentFormat.HTML if _HTML_SNIFF.search(head[:1024]) else ContentFormat.TEXT


def parse_bytes(
    data: bytes,
    source: str,
    options: ParseOptions | None = None,
    *,
    source_type: SourceType = SourceType.FILE,
    content_format: ContentFormat | None = None,
) -> Document:
    """Build a document from raw bytes. Raises :class:`InputError` for input that is not text."""
    options = options or ParseOptions()
    if len(data) > options.max_input_bytes:
        raise InputError(Errors.E105, path=source, size=len(data), limit=options.max_input_bytes)
    doc_id, digest = Document.content_id(data)
    fmt = content_format or detect_format(data, source, options.content_type)
    decoded = decode_bytes(
        data, source, content_type=options.content_type, is_html=fmt == ContentFormat.HTML,
        limit=options.max_input_bytes, cut=options.max_parse_bytes,
    )
    if fmt == ContentFormat.TEXT and _HTML_SNIFF.search(decoded.text[:1024].encode("utf-8", "ignore")):
        fmt = ContentFormat.HTML  # gzip'd or mislabelled HTML
    doc = Document(id=doc_id, sha256=digest, source=source, source_type=source_type,
                   content_format=fmt, encoding=decoded.encoding, url=options.url)
    if fmt == ContentFormat.HTML:
        parsed = parse_html(decoded.text, source, options)
        meta = parsed.meta
        doc.set_blocks(_capped(parsed.blocks, options.max_text_chars, parsed.warnings))
        doc.title, doc.site, doc.language = meta.title, meta.site, meta.language
        doc.authors, doc.author = meta.authors, meta.author
        doc.published, doc.published_source = meta.published, meta.published_source
        if doc.published is None:
            _date_from_dateline(doc)
        if doc.published is None:
            _date_from_htmldate(doc, parsed.root)
        doc.url = meta.url or options.url
        doc.meta.update(meta.extra)
        doc.meta["extractor"] = parsed.extractor
        warnings = decoded.warnings + parsed.warnings
    else:
        warnings = list(decoded.warnings)
        front, body = split_front_matter(decoded.text)
        # splitting is linear, but there is no point splitting far past the cap
        text = body[: options.max_text_chars * 4]
        blocks = _capped(split_text(text, markdown=fmt == ContentFormat.MARKDOWN), options.max_text_chars, warnings,
                         len(decoded.text))
        doc.set_blocks(blocks)
        doc.title = guess_title(blocks)
        _apply_fields(doc, front, DateSource.FRONT_MATTER)
        _byline_from_text(doc)
        if doc.published is None:
            _date_from_dateline(doc)
        if doc.published is None:
            _date_from_text(doc)
    for warning in warnings:
        code = warning[1:5]
        doc.add_issue("parse", code, warning, Severity.WARNING)
    return doc


def _capped(blocks: list, limit: int, warnings: list[str], size: int | None = None) -> list:
    """The blocks that fit in ``limit`` characters, the last one cut at a space if need be.
    ``size``: the length of the whole input when ``blocks`` were split from a prefix of it."""
    joined = sum(len(text) for text, _, _ in blocks) + 2 * max(len(blocks) - 1, 0)
    if joined <= limit and size is None or joined <= limit and size <= limit * 4:
        return blocks
    kept, used = [], 0
    for text, kind, extra in blocks:
        room = limit - used
        if len(text) > room:
            cut = text.rfind(" ", 0, room)
            text = text[: cut if cut > room // 2 else room].rstrip()
            if text:
                kept.append((text, kind, extra))
            break
        kept.append((text, kind, extra))
        used += len(text) + 2
    from nlp.errors import Warnings, warning_text

    warnings.append(warning_text(Warnings.W108, size=max(size or joined, limit + 1),
                                 kept=sum(len(t) for t, _, _ in kept)))
    return kept


def _date_from_dateline(doc: Document) -> None:
    """A news-agency dateline opening one of the first paragraphs ("PORTLAND, Ore., March 3,
    2025 /Newswire/ --")."""
    from nlp.parse.html_meta import dateline_date

    # the year a year-less dateline leaves out: the latest one the text names ("(c) 2025"),
    # not counting index names ("Russell 2000")
    named = re.sub(r"(?:Russell|S&P|Nasdaq|Nikkei|Stoxx Europe|FTSE)\s?\d+", " ", doc.text)
    years = [int(y) for y in re.findall(r"\b(?:19[89]\d|20\d\d)\b", named)]
    for block in [b for b in doc.blocks if b.role.value == "article"][:4]:
        date = dateline_date(block.text, max(years) if years else None)
        if date is not None:
            doc.published, doc.published_source = date, DateSource.TEXT
            return


def _date_from_htmldate(doc: Document, root) -> None:
    """Last resort for a page none of whose own sources has a date: htmldate (trafilatura's
    date finder) searches the page, without its slow extensive search."""
    if root is None:
        return
    try:
        from htmldate import find_date

        found = find_date(root, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - htmldate failing on an odd page leaves the date unknown
        return
    from nlp.parse.dates import parse_date

    date = parse_date(found)
    if date is not None:
        doc.published, doc.published_source = date, DateSource.META_TAG


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:(.*)$")  # the value is stripped after: linear


def split_front_matter(text: str) -> tuple[dict, str]:
    """Markdown's YAML front matter (simple ``key: value`` lines; lists as ``[a, b]`` or
    ``- item`` lines) and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict = {}
    key = None
    for line in match.group(1).splitlines():
        item = re.match(r"^\s+-\s+(.*)$", line) or re.match(r"^-\s+(.*)$", line)
        if item and key:
            fields.setdefault(key, [])
            if isinstance(fields[key], list):
                fields[key].append(item.group(1).strip().strip("'\""))
            continue
        found = _FRONT_LINE.match(line)
        if not found:
            continue
        key, value = found.group(1).lower(), found.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            fields[key] = [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
        elif value:
            fields[key] = value.strip("'\"")
    return fields, text[match.end():]


def _apply_fields(doc: Document, fields: dict, source: DateSource) -> None:
    """Title, author(s), date and URL from front matter or a sidecar file."""
    from urllib.parse import urlparse

    from nlp.parse.dates import parse_date
    from nlp.parse.html_meta import clean_authors

    if not fields:
        return
    if isinstance(fields.get("title"), str) and fields["title"].strip():
        doc.title = fields["title"].strip()
    authors = fields.get("authors") or fields.get("author")
    if authors:
        doc.authors = clean_authors(authors if isinstance(authors, list) else [str(authors)])
        doc.author = ", ".join(doc.authors) or None
    for key in ("published", "date", "datePublished", "pubdate"):
        date = parse_date(str(fields[key])) if fields.get(key) else None
        if date is not None:
            doc.published, doc.published_source = date, source
            break
    url = fields.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        doc.url = doc.url or url
        host = urlparse(url).hostname
        doc.site = doc.site or (host[4:] if host and host.startswith("www.") else host)
    if isinstance(fields.get("site"), str):
        doc.site = fields["site"]


_SIDECAR_LIMIT = 1_000_000


def read_sidecar(path: str | os.PathLike[str]) -> dict:
    """The metadata of a text or Markdown file's sidecar (``story.meta.json`` or
    ``story.txt.meta.json``), or {} — what the batch reads once, in the parent."""
    path = Path(path)
    if path.suffix.lower() in (".html", ".htm", ".xhtml", ".jsonl"):
        return {}
    return _sidecar(path)


def apply_sidecar(doc: Document, fields: dict) -> None:
    """Apply a sidecar's metadata (title, authors, published, url) to a non-HTML document."""
    if fields and doc.content_format != ContentFormat.HTML:
        _apply_fields(doc, fields, DateSource.SIDECAR)


def _sidecar(path: Path) -> dict:
    """``NAME.meta.json`` beside a text or Markdown file: ``story.txt.meta.json`` or
    ``story.meta.json``."""
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        try:
            if candidate.is_file() and candidate.stat().st_size <= _SIDECAR_LIMIT:
                data = json.loads(candidate.read_text(encoding="utf-8"))
                return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}
    return {}


# "By" and a capitalised name ("By the close on March 3" is prose), or a posting verb
_TEXT_BYLINE = re.compile(r"^[*_\s]*(?:[Bb][Yy]:?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+"
                          r"|(?i:posted|published|updated|submitted|written)\b)")
_BYLINE_LINES = 6  # a byline sits under the headline, among the first lines


def _byline_from_text(doc: Document) -> None:
    """A byline among the first lines of a text or Markdown file ("By A | January 16, 2026 |
    The Midpoint newsletter", "submitted Aug 2, 2025 by u/name"): the date and authors front
    matter did not give, and the line itself is page furniture, not article text (nor a
    newsletter pitch because it names the newsletter)."""
    from nlp.parse.dates import parse_date
    from nlp.parse.html_meta import clean_authors

    for block in doc.blocks[:_BYLINE_LINES]:
        if len(block.text) > 200 or not _TEXT_BYLINE.match(block.text):
            continue
        line = block.text.strip("*_ ")
        date = parse_date(line)
        authors = clean_authors([line]) if line[:2].lower() == "by" else []
        if date is None and not authors:
            continue
        if doc.published is None and date is not None:
            doc.published, doc.published_source = date, DateSource.BYLINE
        if not doc.authors and authors:
            doc.authors, doc.author = authors, ", ".join(authors)
        block.role, block.cues = BlockRole.BOILERPLATE, ["text:byline"]
        return


_DATE_LINE_WORDS = 10  # "Updated Dec. 19, 2024 8:47 a.m. ET"; a sentence naming a date is longer


def _date_from_text(doc: Document) -> None:
    """Plain text has no metadata: take a date that stands alone on a short line."""
    from nlp.parse.dates import parse_date

    for block in doc.blocks:
        if len(block.text) <= 80 and len(block.text.split()) <= _DATE_LINE_WORDS:
            date = parse_date(block.text)
            if date is not None:
                doc.published, doc.published_source = date, DateSource.TEXT
                return


def load_document(source: str | os.PathLike[str], options: ParseOptions | None = None) -> Document:
    """A document from a file path or an http(s) URL (fetched politely, see :mod:`nlp.scrape`)."""
    options = options or ParseOptions()
    text = os.fspath(source)
    if is_url(text):
        from nlp.scrape import fetch_one

        page = fetch_one(text)
        opts = ParseOptions(**{**options.__dict__, "url": page.final_url,
                               "content_type": page.content_type})
        return parse_bytes(page.body, text, opts, source_type=SourceType.URL)
    path = Path(text)
    if path.is_dir():
        raise InputError(Errors.E107, path=path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise InputError(Errors.E110, path=path, kind="FIFO" if stat.S_ISFIFO(info.st_mode) else "special file")
        size = info.st_size
        if size > options.max_input_bytes:
            raise InputError(Errors.E105, path=path, size=size, limit=options.max_input_bytes)
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(Errors.E101, path=path) from err
    except OSError as err:
        raise InputError(Errors.E102, path=path, reason=err.strerror or str(err)) from err
    doc = parse_bytes(data, str(path), options)
    if doc.content_format != ContentFormat.HTML:
        _apply_fields(doc, _sidecar(path), DateSource.SIDECAR)
    return doc
