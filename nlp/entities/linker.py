"""Find every mention of a security, index, basket or market segment in a text and link it
to a symbol. Pure Python over plain strings (no parser needed), so it runs at well over
20,000 words per second; :mod:`nlp.entities.component` wraps it for spaCy and
:mod:`nlp.entities.stage` for the finnews pipeline.

Candidates come from five sources, strongest first; where they overlap the longer span
wins, then the stronger source:

1. exchange-qualified tickers ``(NASDAQ: SOUN)``, ``TSX:BDGI``;
2. cashtags ``$AAPL``;
3. parenthesised tickers after a name ``Soligenix (SNGX)``;
4. written names: the hand-written alias table, then company names from the symbol lists;
   market segments ("small-cap stocks") from their patterns;
5. bare upper-case tickers that are not also English words or common acronyms
   (``IWM`` links, ``AI``/``NOW``/``ALL`` need one of the forms above).

``confidence`` is a fixed prior per candidate source (see ``_PRIOR``), not a calibrated
probability.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from nlp.entities.aliases import AliasTable, Target, alias_table
from nlp.entities.context import (
    cited,
    common_word,
    initials,
    inside_longer_name,
    name_before,
    same_company,
    sentence_initial,
    written_as_proper_noun,
)
from nlp.entities.names import TOKEN, alias_key, normalise_token
from nlp.entities.store import SymbolStore, normalise_symbol

_PRIOR = {"exchange": 0.99, "cashtag": 0.97, "paren": 0.95, "table": 0.95, "segment": 0.9,
          "list": 0.85, "list_short": 0.8, "ticker": 0.85, "paren_text": 0.6}
_STRENGTH = {"exchange": 0, "cashtag": 1, "paren": 2, "paren_text": 2, "table": 3, "segment": 3,
             "list": 4, "list_short": 4, "ticker": 5}
_TICKER = r"[A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z])?"
_CASHTAG = re.compile(rf"(?<![\w$])\$({_TICKER})(?![\w])")
_PAREN = re.compile(rf"\(\s*({_TICKER})\s*\)")
_BARE = re.compile(r"^[A-Z][A-Z0-9]{1,4}(?:[.\-][A-Z])?$")
_GAP = re.compile(r"^[ \t\u00a0\-\u2010\u2011\u2013.]{0,3}$")
@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    symbol: str | None
    kind: str
    exchange: str | None = None
    name: str | None = None
    size: str | None = None
    role: str = "subject"
    confidence: float = 0.0
    method: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    target: Target
    method: str


_Entry = tuple[tuple[str, ...], Target, bool, bool]  # alias key, target, exact-case only, capitalised


def _entry(written: str, target: Target) -> _Entry | None:
    key = alias_key(written)
    if not key:
        return None
    letters = re.sub(r"[^A-Za-z]", "", written)
    exact = target.origin == "table" and letters.isupper() and len(letters) <= 6
    capital = written[:1].isupper() or written[:1] in "^$"
    return key, target, exact, capital


class EntityLinker:
    """Links mentions in text to symbols. Build once; :meth:`link` is thread-safe."""

    def __init__(self, store: SymbolStore | None = None, table: AliasTable | None = None) -> None:
        self.store = store or SymbolStore()
        self.table = table or alias_table()
        # keyed by alias while built (a later entry replaces an earlier one of the same words
        # and moves last), then kept as lists by first word, longest alias first, for matching
        building: dict[str, dict[tuple[str, ...], _Entry]] = {}
        listed = []
        for written, symbol in self.store.name_aliases.items():
            info = self.store.get(symbol)
            if info is not None:
                listed.append((written, Target(symbol, info.kind, info.name or symbol, info.exchange, info.size,
                                               origin="list")))
        # the hand-written table overrides the lists
        for written, target in [*listed, *self.table.aliases.items()]:
            entry = _entry(written, target)
            if entry is not None:
                bucket = building.setdefault(entry[0][0], {})
                bucket.pop(entry[0], None)
                bucket[entry[0]] = entry
        self._index: dict[str, list[_Entry]] = {
            first: sorted(entries.values(), key=lambda e: -len(e[0])) for first, entries in building.items()}
        self._ambiguous = (self.store.common_word_tickers | self.table.acronyms) - self.table.well_known_tickers

    # -- public ------------------------------------------------------------------
    def link(self, text: str) -> list[Mention]:
        candidates = [
            *self._exchange_tickers(text),
            *self._cashtags(text),
            *self._segments(text),
            *self._names_and_tickers(text),
        ]
        chosen = _resolve(candidates)
        chosen = self._paren_tickers(text, chosen)
        return [self._mention(text, c) for c in chosen if not c.target.blocked]

    def link_blocks(self, texts: list[str]) -> list[list[Mention]]:
        """:meth:`link` for the blocks of one document, in reading order: a name the writer
        paired with a ticker in one block ("Quarry Ridge Software (QRSW)") is also found in
        the blocks after it ("Quarry Ridge's margin")."""
        out: list[list[Mention]] = []
        paired: dict[str, Target] = {}
        for text in texts:
            mentions = self.link(text)
            if paired:
                taken = bytearray(len(text))
                for m in mentions:
                    taken[m.start:m.end] = b"\x01" * (m.end - m.start)
                extra = [self._mention(text, c) for c in _name_forms(text, list(paired.values()), taken)]
                mentions = sorted(mentions + extra, key=lambda m: m.start)
            for m in mentions:
                if m.method == "paren_text" and m.symbol and m.name == m.text:
                    paired.setdefault(m.symbol, Target(m.symbol, m.kind, m.name, origin="text"))
            out.append(mentions)
        return out

    # -- candidate sources --------------------------------------------------------
    def _target_for(self, symbol: str, exchange: str | None = None) -> Target | None:
        symbol = normalise_symbol(symbol)
        if symbol in self.table.symbols:
            return self.table.symbols[symbol]
        info = self.store.get(symbol)
        if info is not None:
            return Target(symbol, info.kind, info.name or symbol, exchange or info.exchange, info.size,
                          origin="list")
        return None

    def _exchange_tickers(self, text: str) -> list[_Candidate]:
        out = []
        for m in self._exchange_re().finditer(text):
            exchange = self.table.exchanges[re.sub(r"[\s\-]", "", m.group(1)).upper()]
            symbol = normalise_symbol(m.group(2))
            target = self._target_for(symbol, exchange)
            if target is None or (target.exchange and exchange not in (target.exchange, "NASDAQ", "NYSE")):
                target = Target(symbol, "stock", symbol, exchange, origin="exchange")
            out.append(_Candidate(m.start(2), m.end(2), target, "exchange"))
            # the exchange word is part of the ticker's citation, never the Nasdaq index
            out.append(_Candidate(m.start(1), m.end(1), Target(None, "exchange", m.group(1), blocked=True),
                                  "exchange"))
        return out

    def _exchange_re(self) -> re.Pattern[str]:
        pattern = getattr(self, "_exchange_pattern", None)
        if pattern is None:
            names = sorted(self.table.exchanges, key=len, reverse=True)
            spaced = "|".join(re.escape(n).replace("NYSE", "NYSE[\\s\\-]?") if n.startswith("NYSE") and n != "NYSE"
                              else re.escape(n) for n in names)
            pattern = re.compile(rf"\b({spaced})\s*:\s*\$?({_TICKER})\b", re.IGNORECASE)
            self._exchange_pattern = pattern
        return pattern

    def _cashtags(self, text: str) -> list[_Candidate]:
        out = []
        for m in _CASHTAG.finditer(text):
            target = self._target_for(m.group(1))
            if target is not None:
                out.append(_Candidate(m.start(), m.end(), target, "cashtag"))
        return out

    def _segments(self, text: str) -> list[_Candidate]:
        out = []
        for symbol, patterns in self.table.segments.items():
            target = self.table.symbols[symbol]
            for pattern in patterns:
                out.extend(_Candidate(m.start(), m.end(), target, "segment") for m in pattern.finditer(text))
        return out

    def _names_and_tickers(self, text: str) -> list[_Candidate]:
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        norms = [normalise_token(t[2]) for t in tokens]
        out: list[_Candidate] = []
        i, n = 0, len(tokens)
        while i < n:
            match = self._match_alias(text, tokens, norms, i)
            if match is not None:
                out.append(match[0])
                i = match[1]
                continue
            ticker = self._bare_ticker(tokens, i)
            if ticker is not None:
                out.append(ticker)
            i += 1
        return out

    def _match_alias(self, text, tokens, norms, i) -> tuple[_Candidate, int] | None:
        norm = norms[i]
        base = norm[:-2] if norm.endswith("'s") and len(norm) > 2 else None
        entries = self._index.get(norm, []) + (self._index.get(base, []) if base else [])
        entries.sort(key=lambda e: -len(e[0]))
        for key, target, exact, capital in entries:
            j = _match_key(text, tokens, norms, i, key)
            if j is None:
                continue
            start, end = tokens[i][0], tokens[j - 1][1]
            if norms[j - 1] != key[-1]:  # matched through a possessive: "Russell 2000's"
                end -= 2
            written = text[start:end]
            if exact and re.sub(r"[^A-Za-z]", "", written) != re.sub(r"[^A-Za-z]", "", written).upper():
                continue
            if capital and not (written[:1].isupper() or written[:1].isdigit() or written[:1] in "^$"):
                continue
            if target.origin == "list" and not written_as_proper_noun(written, tokens, i, j):
                continue
            if target.origin == "list" and len(key) == 1 and inside_longer_name(text, tokens, i, j):
                continue
            if target.origin == "list" and len(key) == 1 and sentence_initial(text, start) \
                    and common_word(key[0]):
                continue
            method = target.origin if target.origin == "table" else ("list" if len(key) > 1 else "list_short")
            return _Candidate(start, end, target, method), j
        return None

    def _bare_ticker(self, tokens, i) -> _Candidate | None:
        start, end, word = tokens[i]
        if not _BARE.match(word) or word in self._ambiguous:
            return None
        target = self._target_for(word)
        if target is None or target.kind not in ("stock", "etf"):
            return None
        # "BREAKING NEWS FROM THE FLOOR": capitals on both sides that are not tickers themselves
        shouting = sum(1 for k in (i - 1, i + 1) if 0 <= k < len(tokens)
                       and tokens[k][2].isupper() and len(tokens[k][2]) > 1
                       and self._target_for(tokens[k][2]) is None)
        if shouting == 2:
            return None
        return _Candidate(start, end, target, "ticker")

    def _paren_tickers(self, text: str, chosen: list[_Candidate]) -> list[_Candidate]:
        """``Name (TICK)``: link TICK when it is a known ticker and either unambiguous or the
        same symbol as the name right before it."""
        parens = list(_PAREN.finditer(text))
        inside = {(m.start(1), m.end(1)) for m in parens}
        # a bare ticker in parentheses is decided here, with the name before it in view
        chosen = [c for c in chosen if not (c.method == "ticker" and (c.start, c.end) in inside)]
        taken = bytearray(len(text))
        ends: dict[int, _Candidate] = {}
        for c in chosen:
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
            ends[c.end] = c
        added: list[_Candidate] = []
        for m in parens:
            s, e = m.start(1), m.end(1)
            if any(taken[s:e]):
                continue
            tick = m.group(1)
            target = self._target_for(tick)
            before = [ends[k] for k in range(m.start() - 2, m.start() + 1) if k in ends]
            if target is not None and any(c.target.symbol == target.symbol for c in before):
                added.append(_Candidate(s, e, target, "paren"))
                continue
            cited = [c for c in before if c.target.source and initials(text[c.start:c.end]) == tick]
            if cited:  # "Institute for Supply Management (ISM)": the source's abbreviation
                added.append(_Candidate(s, e, cited[0].target, "paren"))
                continue
            name = name_before(text, m.start())
            if name is not None and any(taken[name[0]:name[1]]) and not (
                    target is not None and same_company(text[name[0]:name[1]], target.name)):
                name = None  # the words before are already mentions of their own
            if name is not None and target is not None and same_company(text[name[0]:name[1]], target.name):
                # "Target (TGT)": the ticker confirms the name written before it
                added += [_Candidate(s, e, target, "paren"), _Candidate(name[0], name[1], target, "paren")]
            elif name is not None and name[2] >= 2 and tick not in self.table.acronyms:
                # "Kestrel Freight (KSTF)": the writer pairs a name with a ticker; trust the
                # pairing when the lists disagree or do not know the ticker, at a lower confidence.
                local = Target(normalise_symbol(tick), "stock", text[name[0]:name[1]], origin="text")
                added += [_Candidate(s, e, local, "paren_text"), _Candidate(name[0], name[1], local, "paren_text")]
            elif target is not None and tick not in self._ambiguous:
                added.append(_Candidate(s, e, target, "paren"))
            else:
                continue
            for c in added[-2:]:
                taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen = _remove_overlapping(chosen, added)
        return sorted(chosen + added + self._local_names(text, added, taken), key=lambda c: c.start)

    def _local_names(self, text: str, added: list[_Candidate], taken: bytearray) -> list[_Candidate]:
        """Later mentions of a name the text paired with a ticker: 'Kestrel Freight', 'Kestrel'."""
        paired = [c.target for c in added if c.target.origin == "text" and c.target.name == text[c.start:c.end]]
        return _name_forms(text, paired, taken)

    # -- output -------------------------------------------------------------------
    def _mention(self, text: str, cand: _Candidate) -> Mention:
        target = cand.target
        role = "subject"
        if target.source and (target.source_only or cited(text, cand.start, cand.end)):
            role = "source"
        symbol, kind, exchange, size, name = target.symbol, target.kind, target.exchange, target.size, target.name
        if symbol and target.origin == "table" and target.source:
            info = self.store.get(symbol)
            if info is not None:
                exchange, size = info.exchange, info.size
        return Mention(cand.start, cand.end, text[cand.start:cand.end], symbol, kind, exchange, name,
                       size, role, _PRIOR.get(cand.method, 0.9), cand.method)


def _name_forms(text: str, targets: list[Target], taken: bytearray) -> list[_Candidate]:
    """Where ``text`` names one of ``targets`` by its full name, its first two words (of a
    name of three or more) or its first word (of four letters or more), outside ``taken``."""
    out = []
    for target in targets:
        words = target.name.split()
        forms = [target.name]
        if len(words) > 2:
            forms.append(" ".join(words[:2]))
        if len(words) > 1 and len(words[0]) >= 4:
            forms.append(words[0])
        for form in forms:
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                if not any(taken[m.start():m.end()]):
                    taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                    out.append(_Candidate(m.start(), m.end(), target, "paren_text"))
    return out


def _remove_overlapping(chosen: list[_Candidate], added: list[_Candidate]) -> list[_Candidate]:
    return [c for c in chosen if all(c.end <= a.start or a.end <= c.start for a in added)]


def _match_key(text, tokens, norms, i, key) -> int | None:
    j = i
    for k, part in enumerate(key):
        if j >= len(tokens):
            return None
        norm = norms[j]
        last = k == len(key) - 1
        if norm != part and not (last and norm.endswith("'s") and norm[:-2] == part):
            return None
        if k and not _GAP.match(text[tokens[j - 1][1]:tokens[j][0]]):
            return None
        j += 1
    return j


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates: longer spans first, then stronger sources."""
    if not candidates:
        return []
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), _STRENGTH[c.method], c.start))
    taken = bytearray(max(c.end for c in candidates))
    kept: list[_Candidate] = []
    for cand in ordered:
        if not any(taken[cand.start:cand.end]):
            taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)

