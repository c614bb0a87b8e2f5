"""Page metadata: title, publication date (and where it came from), author, site, language.

Sources in order of trust: JSON-LD (schema.org Article types), OpenGraph / ``<meta>`` tags,
``<time datetime>``, a byline element's text, a date in the URL.
"""

from __future__ import annotations

import datetime as dt
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

_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|WebPage|Posting", re.IGNORECASE)
_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created",
    "parsely-pub-date", "sailthru.date", "article.published", "cxenseparse:recs:publishtime",
)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_TITLE_META = ("og:title", "twitter:title", "parsely-title", "headline")
_BY_PREFIX = re.compile(r"^\s*(?:by|written by|posted by|von|par)\s+", re.IGNORECASE)


@dataclass
class PageMeta:
    title: str | None = None
    published: dt.datetime | dt.date | None = None
    published_source: DateSource = DateSource.UNKNOWN
    author: str | None = None
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
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _meta_tags(root: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def extract_meta(root: etree._Element, url: str | None = None) -> PageMeta:
    meta = PageMeta(url=url)
    tags = _meta_tags(root)
    ld = _json_ld_items(root)

    for item in ld:
        meta.title = meta.title or _name(item.get("headline"))
        meta.author = meta.author or _name(item.get("author"))
        meta.site = meta.site or _name(item.get("publisher"))
        if meta.published is None:
            meta.published = parse_date(str(item.get("datePublished") or item.get("dateCreated") or ""))
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
            meta.published = parse_date(time.get("datetime") or clean_text(time.text_content()))
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

    if not meta.author:
        meta.author = next((tags[k] for k in _AUTHOR_META if tags.get(k) and "://" not in tags[k]), None)
    if not meta.author and byline:
        meta.author = _author_from_byline(byline)
    meta.title = meta.title or next((tags[k] for k in _TITLE_META if tags.get(k)), None)
    if not meta.title:
        h1 = next(root.iter("h1"), None)
        title = root.find(".//title")
        source = h1 if h1 is not None else title
        meta.title = clean_text(source.text_content()) if source is not None else None
    meta.site = meta.site or tags.get("og:site_name") or tags.get("application-name")
    meta.url = meta.url or tags.get("og:url")
    canonical = root.find(".//link[@rel='canonical']")
    if canonical is not None and canonical.get("href", "").startswith("http"):
        meta.url = canonical.get("href")
    if not meta.site and meta.url:
        meta.site = urlparse(meta.url).hostname
    lang = root.get("lang") or tags.get("og:locale") or tags.get("content-language")
    meta.language = lang.replace("_", "-").split("-")[0].lower() if lang else None
    if tags.get("description"):
        meta.extra["description"] = tags["description"]
    return meta


def _first_text(root: etree._Element, pattern: re.Pattern[str], author: bool = False) -> str | None:
    """Text of the first short element whose class/id matches ``pattern`` (byline, date line)."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "script", "style"):
            continue
        attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
        if (author and (el.get("itemprop") == "author" or el.get("rel") == "author")) or (
            attrs.strip() and pattern.search(attrs)
        ):
            text = clean_text(el.text_content())
            if 0 < len(text) <= 200:
                return text
    return None


def _author_from_byline(byline: str) -> str | None:
    text = _BY_PREFIX.sub("", byline.split("\n")[0])
    text = re.split(r"\s*(?:[|•·,]|\bon\b|\bupdated\b|\bpublished\b)\s*", text, maxsplit=1)[0].strip()
    if text and parse_date(text) is None and 2 <= len(text) <= 80:
        return text
    return None
