"""Extraction rules kept as data (``html_rules.json``), compiled once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
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
    _attr_cues: dict[str, tuple[str, str] | None] = field(default_factory=dict, compare=False, repr=False)

    def attr_cue(self, attrs: str) -> tuple[str, str] | None:
        """The (role, cue) the first matching class/id pattern gives ``attrs``; remembered,
        because a page repeats the same few class strings thousands of times."""
        try:
            return self._attr_cues[attrs]
        except KeyError:
            pass
        found = None
        for role, pattern in self.role_patterns:
            match = pattern.search(attrs)
            if match:
                found = role, f"attr:{match.group(0).strip(' -_')}"
                break
        if len(self._attr_cues) < 100_000:  # bounded: a hostile page could invent millions
            self._attr_cues[attrs] = found
        return found


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
