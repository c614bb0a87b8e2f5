"""The hand-written alias table (``data/aliases.json``) and segment patterns
(``data/segments.json``), loaded once. Kept as data so they can be read and extended
without touching the matcher."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Target:
    """What a written name points at."""

    symbol: str | None
    kind: str
    name: str
    exchange: str | None = None
    size: str | None = None
    members: tuple[str, ...] = ()
    source: bool = False  # a cited organisation (bank, research house, newspaper)
    source_only: bool = False  # never a security in the text (Barron's, Ned Davis Research)
    blocked: bool = False  # an organisation that is not a security (the Federal Reserve)
    origin: str = "table"  # table (hand-written) or list (built from the symbol lists)


@dataclass(frozen=True)
class AliasTable:
    aliases: dict[str, Target]
    segments: dict[str, tuple[re.Pattern[str], ...]]
    exchanges: dict[str, str]
    acronyms: frozenset[str]
    well_known_tickers: frozenset[str]
    symbols: dict[str, Target] = field(default_factory=dict)
    generic_first_words: frozenset[str] = frozenset()


def _read(name: str) -> dict:
    return json.loads(resources.files("nlp.entities").joinpath("data", name).read_text("utf-8"))


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    raw = _read("aliases.json")
    aliases: dict[str, Target] = {}
    symbols: dict[str, Target] = {}
    for entry in raw["symbols"]:
        target = Target(entry["symbol"], entry["kind"], entry["name"], entry.get("exchange"),
                        entry.get("size"), tuple(entry.get("members", ())))
        symbols[target.symbol] = target
        for alias in [*entry["aliases"]]:
            aliases[alias] = target
    for entry in raw["sources"]:
        symbol = entry.get("symbol")
        target = Target(symbol, "stock" if symbol else "organization", entry["name"],
                        source=True, source_only=bool(entry.get("source_only")))
        for alias in entry["aliases"]:
            aliases[alias] = target
    for name in raw["not_securities"]:
        aliases[name] = Target(None, "organization", name, blocked=True)
    segments = {
        symbol: tuple(re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.IGNORECASE) for p in patterns)
        for symbol, patterns in _read("segments.json")["segments"].items()
    }
    return AliasTable(aliases, segments, raw["exchanges"], frozenset(raw["acronyms"]),
                      frozenset(raw["well_known_tickers"]), symbols, frozenset(raw.get("generic_first_words", ())))
