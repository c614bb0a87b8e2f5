"""The promo stage's cue lists (``data/cues.json``), compiled once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Cue:
    name: str
    weight: float
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class RoleRules:
    role: str
    threshold: float
    max_chars: int
    cues: tuple[Cue, ...]
    any_cue: re.Pattern[str] | None = None
    """All the cues in one pattern: one scan rules out a block no cue fires on."""

    def strongest(self, text: str) -> Cue | None:
        """The heaviest cue that fires on ``text`` (None when none does or the block is too long)."""
        if len(text) > self.max_chars or (self.any_cue is not None and not self.any_cue.search(text)):
            return None
        fired = [c for c in self.cues if c.pattern.search(text)]
        return max(fired, key=lambda c: c.weight) if fired else None


@dataclass(frozen=True)
class PromoRules:
    roles: tuple[RoleRules, ...]
    hype: tuple[Cue, ...]


@lru_cache(maxsize=1)
def promo_rules() -> PromoRules:
    raw = json.loads(resources.files("nlp.promo").joinpath("data", "cues.json").read_text("utf-8"))
    roles = []
    for role, spec in raw["roles"].items():
        cues = tuple(
            Cue(c["name"], float(c["weight"]),
                re.compile(("^\\s*(?:" + c["pattern"] + ")") if c.get("anchored") else c["pattern"],
                           re.IGNORECASE))
            for c in spec["cues"]
        )
        any_cue = re.compile("|".join(f"(?:{c.pattern.pattern})" for c in cues), re.IGNORECASE)
        roles.append(RoleRules(role, float(spec["threshold"]), int(spec["max_chars"]), cues, any_cue))
    hype = tuple(Cue(c["name"], 1.0, re.compile(c["pattern"], re.IGNORECASE)) for c in raw["hype"]["cues"])
    return PromoRules(tuple(roles), hype)
