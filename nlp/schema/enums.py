"""Closed vocabularies of the document schema."""

from __future__ import annotations

from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE = "table"
    CAPTION = "caption"


class BlockRole(StrEnum):
    """What a block is doing on the page. Only ``article`` blocks form the article text."""

    ARTICLE = "article"
    SPONSORED = "sponsored"
    CALL_TO_ACTION = "call_to_action"
    BOILERPLATE = "boilerplate"
    DISCLOSURE = "disclosure"
    CHAT_ARTIFACT = "chat_artifact"
    NAVIGATION = "navigation"
    COMMENT = "comment"


class DateSource(StrEnum):
    """Where the publication date was read from, most to least reliable."""

    JSON_LD = "json_ld"
    META_TAG = "meta_tag"
    TIME_ELEMENT = "time_element"
    BYLINE = "byline"
    URL = "url"
    TEXT = "text"
    SIDECAR = "sidecar"
    """A ``NAME.meta.json`` file beside a text or Markdown file (since 1.2.0)."""
    FRONT_MATTER = "front_matter"
    """Markdown's YAML front matter (since 1.2.0)."""
    UNKNOWN = "unknown"


class SourceType(StrEnum):
    FILE = "file"
    URL = "url"
    STRING = "string"


class ContentFormat(StrEnum):
    HTML = "html"
    TEXT = "text"
    MARKDOWN = "markdown"


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"
