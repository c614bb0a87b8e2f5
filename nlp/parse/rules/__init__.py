"""Extraction rules kept as data (``html_rules.json``), compiled once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree


@dataclass(frozen=True)
class HtmlRules:
    drop_tags: frozenset[str]
    block_tags: frozenset[str]
    kind_tags: dict[str, str]
    role_tags: dict[str, str]
    role_aria: dict[str, str]
    role_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    positive: re.Pattern[str]
    main_selectors: tuple[etree.XPath, ...]
    byline: re.Pattern[str]
    date: re.Pattern[str]


@lru_cache(maxsize=1)
def html_rules() -> HtmlRules:
    raw = json.loads((Path(__file__).parent / "html_rules.json").read_text(encoding="utf-8"))
    return HtmlRules(
        drop_tags=frozenset(raw["drop_tags"]),
        block_tags=frozenset(raw["block_tags"]),
        kind_tags=raw["kind_tags"],
        role_tags=raw["role_tags"],
        role_aria=raw["role_aria"],
        role_patterns=tuple((role, re.compile(p, re.IGNORECASE)) for role, p in raw["role_patterns"]),
        positive=re.compile(raw["positive_pattern"], re.IGNORECASE),
        main_selectors=tuple(etree.XPath(x) for x in raw["main_selectors"]),
        byline=re.compile(raw["byline_pattern"], re.IGNORECASE),
        date=re.compile(raw["date_pattern"], re.IGNORECASE),
    )
