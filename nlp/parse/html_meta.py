"""Page metadata: title, publication date (and where it came from), author, site, language.

Sources in order of trust: JSON-LD (schema.org Article types), OpenGraph / ``<meta>`` tags,
``<time datetime>``, a byline element's text, a dateline opening the article text, a date in
the URL, and last htmldate's search of the page (trafilatura's date finder). Which source wins
for which field was decided by measurement (BENCHMARKS.md, "Real-world pages and page
metadata"): finnews's own sources beat trafilatura's ``extract_metadata`` on title, authors
and site; htmldate is a fallback for the date.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from lxml import etree

from nlp.parse.dates import date_from_url, parse_date
from nlp.parse.html_blocks import clean_text
from nlp.parse.rules import html_rules
from nlp.schema import DateSource

_ARTICLE_TYPES = re.compile(
    r"Article|BlogPosting|Report|NewsArticle|WebPage|Posting|Recipe|Review", re.IGNORECASE
)
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "date",
    "pubdate",
    "og:pubdate",
    "pub_date",
    "published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "cxenseparse:recs:publishtime",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "cse_author",
)
_TITLE_META = ("og:title", "twitter:title", "parsely-title", "headline")
_BY_PREFIX = re.compile(
    r"^\s*(?:(?:analysis|commentary|opinion|words|text|story|reporting|report|posted|"
    r"written|published|hosted|edited|photos?)\s+)?(?:by|von|par)\b[:\s]*",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\|)\s*", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"\b(?:editor|editor-at-large|writer|reporter|correspondent|contributor|columnist|staff|"
    r"analyst|producer|senior|chief|special to|ph\.?d|m\.?d)\b|\.\w{2,4}\b|@|\d",
    re.IGNORECASE,
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u00bb:-]|::|\\\\)\s+")
_MONTH_THEN_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE
)
# "NEW YORK, Nov. 25, 2024 (Agency) -", "LONDON, 20 January 2024 (Agency) -",
# "NEW YORK (Agency) — Nov. 6, 2024 —" and, without a place, "Oct 15 (Agency) -"
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,15}\.?)?"
    r"(?:,\s*|\s+\([^()]{1,60}\)\s*(?:--|-|\u2013|\u2014)\s*))?"
    r"((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))"
    r"\s*(?:\(|/|--|-|\u2013|\u2014)"
)


@dataclass
class PageMeta:
    title: str | None = None
    published: dt.datetime | dt.date | None = None
    published_source: DateSource = DateSource.UNKNOWN
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    language: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _json_ld_items(root: etree._Element) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if "@graph" in node:
                    stack.append(node["@graph"])
                kind = node.get("@type")
                kinds = " ".join(kind) if isinstance(kind, list) else str(kind or "")
                if _ARTICLE_TYPES.search(kinds):
                    items.append(node)
    # concrete article types before generic WebPage
    items.sort(key=lambda n: "WebPage" in str(n.get("@type")))
    return items


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return clean_text(html_lib.unescape(value)) or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _names(value: Any) -> list[str]:
    """Every name in a JSON-LD author value (a string, an object, or a list of either)."""
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    name = _name(value)
    return [name] if name else []


def _meta_tags(
    root: etree._Element, repeated: dict[str, list[str]] | None = None
) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (
            (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        )
        value = clean_text(html_lib.unescape(meta.get("content") or ""))
        if key and value:
            if key not in found:
                found[key] = value
            if repeated is not None:
                repeated.setdefault(key, []).append(value)
    return found


def extract_meta(root: etree._Element, url: str | None = None) -> PageMeta:
    meta = PageMeta(url=url)
    repeated: dict[str, list[str]] = {}
    tags = _meta_tags(root, repeated)
    ld = _json_ld_items(root)

    headline = None
    for item in ld:
        headline = headline or _name(item.get("headline"))
        meta.authors = meta.authors or clean_authors(_names(item.get("author")))
        meta.site = meta.site or _name(item.get("publisher"))
        if meta.published is None:
            meta.published = parse_date(
                str(item.get("datePublished") or item.get("dateCreated") or "")
            )
            if meta.published is not None:
                meta.published_source = DateSource.JSON_LD
    if meta.published is None:
        for key in _DATE_META:
            meta.published = parse_date(tags.get(key))
            if meta.published is not None:
                meta.published_source = DateSource.META_TAG
                break
    if meta.published is None:
        for time in root.iter("time"):
            meta.published = parse_date(time.get("datetime") or _spaced_text(time))
            if meta.published is not None:
                meta.published_source = DateSource.TIME_ELEMENT
                break

    byline = _first_text(root, html_rules().byline, author=True)
    if meta.published is None:
        # the date-element walk only runs when the byline has no date
        for lookup in (lambda: byline, lambda: _first_text(root, html_rules().date)):
            meta.published = parse_date(lookup())
            if meta.published is not None:
                meta.published_source = DateSource.BYLINE
                break
    if meta.published is None:
        meta.published = date_from_url(url or tags.get("og:url"))
        if meta.published is not None:
            meta.published_source = DateSource.URL

    if not meta.authors:
        for key in _AUTHOR_META:
            values = [v for v in repeated.get(key, []) if "://" not in v and not v.startswith("@")]
            meta.authors = clean_authors(values)
            if meta.authors:
                break
    if not meta.authors and byline:
        meta.authors = clean_authors([byline])
    meta.author = ", ".join(meta.authors) or None

    meta.url = meta.url or tags.get("og:url")
    canonical = root.find(".//link[@rel='canonical']")
    if canonical is not None and canonical.get("href", "").startswith("http"):
        meta.url = canonical.get("href")
    host = urlparse(meta.url).hostname if meta.url else None
    host = host[4:] if host and host.startswith("www.") else host
    meta.site = meta.site or tags.get("og:site_name") or tags.get("application-name")

    headings = [clean_text(_spaced_text(h)) for h in root.iter("h1")]
    h1 = next((h for h in headings if h), None)
    title_tag = root.find(".//title")
    page_title = clean_text(title_tag.text_content()) if title_tag is not None else ""
    if h1 and page_title and not headline and not tags.get("og:title"):
        # a blog's <h1> is often the blog's name, and its <title> "Blog name: Post title"
        rest = _after_prefix(page_title, h1)
        if rest and len(rest) > len(h1):
            meta.site = meta.site or h1
            h1 = rest
    site_keys = _site_keys(meta.site, host)
    candidates = [
        headline,
        tags.get("og:title"),
        tags.get("twitter:title"),
        tags.get("parsely-title"),
        h1,
        page_title,
    ]
    heading_texts = set(headings) | {clean_text(_spaced_text(h)) for h in root.iter("h2")}
    meta.title = next(
        (
            _strip_site(t, site_keys, heading_texts)
            for t in candidates
            if t and not t.endswith(("...", "\u2026"))
        ),
        None,
    ) or next((_strip_site(t, site_keys, heading_texts) for t in candidates if t), None)
    if not meta.site and page_title and meta.title:
        meta.site = _site_from_title(page_title, meta.title)
    meta.site = meta.site or host
    lang = root.get("lang") or tags.get("og:locale") or tags.get("content-language")
    meta.language = lang.replace("_", "-").split("-")[0].lower() if lang else None
    if tags.get("description"):
        meta.extra["description"] = tags["description"]
    return meta


def dateline_date(text: str, year: int | None = None) -> dt.datetime | dt.date | None:
    """The date of a news-agency dateline opening a text: "NEW YORK, Nov. 25, 2024 (Agency) -".
    Wires often leave the year out ("NEW YORK, Jan 28 (Wire) -"): ``year`` then completes it."""
    match = _DATELINE.match(text)
    if not match:
        return None
    written = match.group(1)
    if not re.search(r"\d{4}", written):
        if year is None:
            return None
        written = f"{written.rstrip(',. ')} {year}"
    return parse_date(written)


def clean_authors(values: list[str]) -> list[str]:
    """Names from author strings: "By A, B and C", "Posted by A", "A -", "A, Site.com",
    "A, CNN Editor-at-large", "A, MS, RD"; each name once, in order."""
    names: list[str] = []
    for value in values:
        text = " ".join(html_lib.unescape(value or "").split())
        text = re.sub(r"\([^)]*\)", " ", text)
        text = _BY_PREFIX.sub("", text)
        month = _MONTH_THEN_DAY.search(text)
        if month:
            text = text[: month.start()]
        text = re.split(r"\d", text, maxsplit=1)[
            0
        ]  # a date, a time, "4 Min Read": names have no digits
        text = re.split(
            r"\s+(?:on|updated|published|at)\s+|\s*[\u2022\u00b7]\s*|\s[-\u2013\u2014]\s",
            text,
            maxsplit=1,
            flags=re.IGNORECASE,
        )[0]
        parts = [p.strip(" -\u2013\u2014|:,;.") for p in _AUTHOR_SPLIT.split(text)]
        parts = [p for p in parts if p and parse_date(p) is None and 2 <= len(p) <= 60]
        people = [p for p in parts if len(p.split()) >= 2 and not _NOT_A_NAME.search(p)]
        for name in people or parts[:1]:
            if name.lower() not in {n.lower() for n in names} and not _NOT_A_NAME.search(name[:3]):
                names.append(name)
    return names


def _spaced_text(el: etree._Element) -> str:
    """An element's text with its parts kept apart: ``<span>Jenny Smith</span><span>July 12</span>``
    is "Jenny Smith July 12", not "Jenny SmithJuly 12"."""
    return " ".join(t for t in el.itertext() if t.strip())


def _norm_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _site_keys(site: str | None, host: str | None) -> set[str]:
    keys = set()
    if site:
        keys |= {_norm_key(site), _norm_key(site.rsplit(".", 1)[0])}
    if host:
        keys |= {_norm_key(host), _norm_key(host.rsplit(".", 1)[0])}
    return {k for k in keys if k}


def _strip_site(title: str, site_keys: set[str], headings: set[str]) -> str:
    """A title without the site name (or a date) that pages append or prepend to it."""
    title = clean_text(html_lib.unescape(title))
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    for part in parts:
        if part in headings:
            return part
    kept = [p for p in parts if _norm_key(p) not in site_keys and parse_date(p) is None]
    if len(kept) == len(parts) or not kept:
        return title
    # rejoin what is left with the separators it had
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if start >= 0 and end > start else kept[0]


def _after_prefix(page_title: str, prefix: str) -> str | None:
    if not page_title.startswith(prefix) or page_title == prefix:
        return None
    rest = page_title[len(prefix) :]
    match = re.match(r"\s*(?:[|:\u2013\u2014\u00bb-]|::)\s*", rest)
    return rest[match.end() :].strip() or None if match else None


def _site_from_title(page_title: str, title: str) -> str | None:
    """'Headline | Site': the short part of the <title> beside the headline."""
    parts = _TITLE_SEPARATOR.split(clean_text(page_title))
    if len(parts) < 2:
        return None
    for candidate, other in ((parts[-1], parts[0]), (parts[0], parts[-1])):
        if (
            _norm_key(other) == _norm_key(title)
            and 0 < len(candidate.split()) <= 4
            and parse_date(candidate) is None
        ):
            return candidate
    return None


def _first_text(root: etree._Element, pattern: re.Pattern[str], author: bool = False) -> str | None:
    """Text of the first short element whose class/id matches ``pattern`` (byline, date line)."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "script", "style"):
            continue
        attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
        if (author and (el.get("itemprop") == "author" or el.get("rel") == "author")) or (
            attrs.strip() and pattern.search(attrs)
        ):
            text = clean_text(_spaced_text(el))
            if 0 < len(text) <= 200 and (not author or clean_authors([text])):
                return text
    return None
