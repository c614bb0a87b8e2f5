"""The document model: one analyzed article, versioned, JSON round-trip exact.

``Document.text`` is the whole extracted text: every block's text joined by a blank line,
in reading order. Every offset in the schema (blocks, entities, figures, claims, sentences)
is a character offset into ``Document.text``. Blocks whose role is not ``article`` stay in
``text`` (nothing is lost) but are left out of :meth:`Document.article_text`, which is what
the analysis stages read.

Slots after ``blocks`` start empty and are filled by pipeline stages; each stage records
itself in ``stages``. The schema version follows semver: a new optional field is a minor
bump, a changed or removed field a major one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from nlp.errors import Errors, SchemaError
from nlp.schema.enums import (
    BlockKind,
    BlockRole,
    ContentFormat,
    DateSource,
    Severity,
    SourceType,
)

SCHEMA_VERSION = "1.2.0"
BLOCK_SEPARATOR = "\n\n"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A character range of ``Document.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Block(Span):
    kind: BlockKind = BlockKind.PARAGRAPH
    role: BlockRole = BlockRole.ARTICLE
    level: int | None = Field(default=None, description="heading level 1-6")
    role_confidence: float | None = Field(default=None, ge=0, le=1)
    cues: list[str] = Field(default_factory=list, description="why the role was set")
    html_path: str | None = Field(default=None, description="tag path of the source element")


class Entity(Span):
    symbol: str | None = None
    kind: str | None = None  # stock, etf, index, basket, segment
    exchange: str | None = None
    name: str | None = None
    size: str | None = Field(default=None, description="market-cap size of a stock: micro, small, mid, large, "
                             "mega (since 1.2.0)")
    role: str | None = None  # subject or source
    confidence: float | None = None


class Figure(Span):
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    magnitude: float | None = None
    qualifier: str | None = None
    comparison: str | None = None
    direction: str | None = None
    period: str | None = None
    metric: str | None = None
    subject: str | None = None
    status: str | None = None  # fact, forecast, hypothetical


class Claim(Span):
    claim_type: str | None = None
    checkworthy: float | None = None
    status: str | None = None
    attributed_to: str | None = None
    figures: list[int] = Field(default_factory=list, description="indexes into Document.figures")
    entities: list[int] = Field(default_factory=list, description="indexes into Document.entities")


class Sentence(Span):
    block: int = Field(ge=0, description="index into Document.blocks")
    sentiment: dict[str, float] = Field(default_factory=dict, description="label -> probability")
    targets: dict[str, float] = Field(default_factory=dict, description="target -> score in [-1, 1]")


class TargetSentiment(_Model):
    target: str
    score: float = Field(ge=-1, le=1)
    label: str
    sentences: int = Field(ge=0)
    confidence: float | None = Field(default=None, ge=0, le=1)
    evidence: list[int] = Field(default_factory=list, description="indexes into Document.sentences")


class Check(_Model):
    """One market query a claim became, and what the price data said."""

    instrument: str | None = None
    measure: str
    window_start: dt.date | None = Field(default=None, description="the base close's day (changes) or the day read")
    window_end: dt.date | None = None
    asserted: float | None = Field(default=None,
                                   description="the stated number, signed when the text gives a direction")
    qualifier: str | None = None  # about, just_below, above, below
    computed: float | None = None
    tolerance_low: float | None = Field(default=None, description="None: unbounded")
    tolerance_high: float | None = None
    verdict: str
    reason: str | None = None
    rows: list[dict[str, Any]] = Field(default_factory=list, description="price rows used: symbol, date, field, value")


class Verdict(_Model):
    claim: int = Field(ge=0, description="index into Document.claims")
    verdict: str  # supported, contradicted, unverifiable
    reason: str | None = None
    reason_kind: str | None = Field(default=None, description="why unverifiable: total_return, forecast, valuation, "
                                    "derivatives, fundamentals, no_instrument, no_date, no_measure, no_data")
    checks: list[Check] = Field(default_factory=list)
    computed: dict[str, Any] = Field(default_factory=dict)
    evidence: list[dict[str, Any]] = Field(default_factory=list)

    @property
    def deciding(self) -> Check | None:
        """The check that decided the verdict (the first contradicted one, else the first of
        the same verdict)."""
        return next((c for c in self.checks if c.verdict == self.verdict), self.checks[0] if self.checks else None)


class Flag(_Model):
    name: str
    score: float | None = None
    evidence: list[str] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)


class ProcessingIssue(_Model):
    """A warning or error met while building or analyzing the document."""

    stage: str
    code: str
    message: str
    severity: Severity = Severity.WARNING


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="sha256 of the input bytes, first 16 hex digits")
    sha256: str
    source: str = Field(description="file path or URL")
    source_type: SourceType = SourceType.FILE
    content_format: ContentFormat = ContentFormat.HTML
    encoding: str | None = None
    title: str | None = None
    published: dt.datetime | dt.date | None = None
    published_source: DateSource = DateSource.UNKNOWN
    site: str | None = None
    author: str | None = Field(default=None, description="the authors joined by ', ' (kept for compatibility)")
    authors: list[str] = Field(default_factory=list, description="every author named, in order (since 1.2.0)")
    language: str | None = None
    url: str | None = Field(default=None, description="canonical URL when the page declares one")
    text: str = ""
    blocks: list[Block] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    sentiment: list[TargetSentiment] = Field(default_factory=list)
    verdicts: list[Verdict] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    promotional_score: float | None = Field(default=None, ge=0, le=1,
                                            description="set by the promo stage (since 1.1.0)")
    errors: list[ProcessingIssue] = Field(default_factory=list)
    stages: list[str] = Field(default_factory=list, description="stages run, in order")
    meta: dict[str, Any] = Field(default_factory=dict, description="extra page metadata")

    @field_validator("published", mode="before")
    @classmethod
    def _date_stays_date(cls, value: Any) -> Any:
        """"2025-12-24" is a date, not midnight of it: keeps JSON round-trips exact."""
        if isinstance(value, str) and len(value) == 10:
            return dt.date.fromisoformat(value)
        return value

    @model_validator(mode="after")
    def _offsets_inside_text(self) -> Document:
        n = len(self.text)
        for block in self.blocks:
            if block.end > n or self.text[block.start : block.end] != block.text:
                raise ValueError(f"block at {block.start}-{block.end} does not match Document.text")
        return self

    # -- building --------------------------------------------------------------------
    @staticmethod
    def content_id(data: bytes) -> tuple[str, str]:
        digest = hashlib.sha256(data).hexdigest()
        return digest[:16], digest

    def set_blocks(self, blocks: list[tuple[str, BlockKind, dict[str, Any]]]) -> None:
        """Replace the blocks and rebuild ``text`` and every offset from (text, kind, extra)."""
        parts: list[str] = []
        built: list[Block] = []
        pos = 0
        for text, kind, extra in blocks:
            if parts:
                pos += len(BLOCK_SEPARATOR)
            built.append(Block(start=pos, end=pos + len(text), text=text, kind=kind, **extra))
            parts.append(text)
            pos += len(text)
        self.text = BLOCK_SEPARATOR.join(parts)
        self.blocks = built

    # -- reading ---------------------------------------------------------------------
    def article_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.role == BlockRole.ARTICLE]

    def article_text(self) -> str:
        """The article without sponsored, navigation, chat-artifact and other non-article blocks."""
        return BLOCK_SEPARATOR.join(b.text for b in self.article_blocks())

    def add_issue(
        self, stage: str, code: str, message: str, severity: Severity = Severity.WARNING
    ) -> None:
        self.errors.append(ProcessingIssue(stage=stage, code=code, message=message, severity=severity))

    # -- serialization ---------------------------------------------------------------
    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(indent=indent)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: str | bytes) -> Document:
        try:
            raw = json.loads(data)
        except ValueError as err:
            raise SchemaError(Errors.E301, reason=f"not JSON ({err})") from err
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Document:
        if not isinstance(raw, dict):
            raise SchemaError(Errors.E301, reason="expected a JSON object")
        found = str(raw.get("schema_version", "0"))
        if _major(found) > _major(SCHEMA_VERSION):
            raise SchemaError(Errors.E302, found=found, supported=SCHEMA_VERSION)
        try:
            return cls.model_validate(raw)
        except ValidationError as err:
            raise SchemaError(Errors.E301, reason=_short(err)) from err

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        schema = cls.model_json_schema()
        schema["$id"] = f"https://finnews.dev/schema/document-{SCHEMA_VERSION}.json"
        return schema


def _major(version: str) -> int:
    try:
        return int(version.split(".")[0])
    except ValueError:
        return 0


def _short(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    more = f" (+{err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"


__all__ = [
    "SCHEMA_VERSION",
    "Block",
    "BlockKind",
    "BlockRole",
    "Check",
    "Claim",
    "ContentFormat",
    "DateSource",
    "Document",
    "Entity",
    "Figure",
    "Flag",
    "ProcessingIssue",
    "Sentence",
    "Severity",
    "SourceType",
    "Span",
    "TargetSentiment",
    "Verdict",
]
