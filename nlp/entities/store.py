"""The symbol store: every listed US security with kind, name, exchange and size bucket, and
the company names writers use for them, built once from the symbol lists under the data
path (``finnews symbols build``) into one small gzip JSON file in the finnews home folder.

Lists read (all under ``market/``; each optional, at least one required):

* SEC ``company_tickers.json`` - ticker and registrant name for every SEC filer;
* NASDAQ Trader ``nasdaqlisted.txt`` / ``otherlisted.txt`` - listing exchange and the ETF flag;
* NASDAQ screener dumps ``*_full_tickers.json`` - readable names and market capitalisation;
* S&P 500 ``constituents.csv`` - large-cap membership;
* iShares ``IWM_holdings.csv`` - Russell 2000 membership, i.e. the small-cap bucket.

Later lists only fill what earlier ones left empty, except membership flags, which add up.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nlp.entities.names import alias_key, is_plain_security, name_variants, tidy_case
from nlp.errors import DataPathError, Errors

STORE_VERSION = 1
STORE_FILE = f"symbols-v{STORE_VERSION}.json.gz"

# NASDAQ Trader exchange codes of otherlisted.txt.
_OTHER_EXCHANGES = {"A": "NYSE American", "N": "NYSE", "P": "NYSE Arca", "Z": "Cboe BZX", "V": "IEX"}
_SCREENER_EXCHANGES = {"nasdaq": "NASDAQ", "nyse": "NYSE", "amex": "NYSE American"}
# A single word that is this common in English is a name only for a very large company.
_COMMON_WORD_ZIPF = 3.0
_VERY_COMMON_ZIPF = 5.0
_TICKER_WORD_ZIPF = 3.0


@dataclass
class SymbolInfo:
    symbol: str
    name: str | None = None
    kind: str = "stock"  # stock, etf, index, basket, segment
    exchange: str | None = None
    size: str | None = None  # micro, small, mid, large, mega
    market_cap: float | None = None
    sp500: bool = False
    russell2000: bool = False
    members: tuple[str, ...] = ()

    def to_row(self) -> list:
        return [self.symbol, self.name, self.kind, self.exchange, self.size, self.market_cap,
                int(self.sp500) | (int(self.russell2000) << 1)]

    @classmethod
    def from_row(cls, row: list) -> SymbolInfo:
        symbol, name, kind, exchange, size, cap, flags = row
        return cls(symbol, name, kind, exchange, size, cap, bool(flags & 1), bool(flags & 2))


@dataclass
class SymbolStore:
    symbols: dict[str, SymbolInfo] = field(default_factory=dict)
    name_aliases: dict[str, str] = field(default_factory=dict)  # written name -> symbol
    common_word_tickers: set[str] = field(default_factory=set)
    built_from: dict[str, str] = field(default_factory=dict)
    built_at: str | None = None
    path: Path | None = None

    # -- persistence -------------------------------------------------------------
    @staticmethod
    def default_path() -> Path:
        from nlp.config import home_dir

        return home_dir() / STORE_FILE

    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        from nlp.io import atomic_write

        target = Path(path) if path else self.default_path()
        payload = {
            "format": "finnews-symbols",
            "version": STORE_VERSION,
            "built_at": self.built_at,
            "built_from": self.built_from,
            "symbols": [info.to_row() for info in self.symbols.values()],
            "name_aliases": sorted(self.name_aliases.items()),
            "common_word_tickers": sorted(self.common_word_tickers),
        }
        data = gzip.compress(json.dumps(payload, separators=(",", ":")).encode(), mtime=0)
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
        self.path = target
        return target

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SymbolStore:
        path = Path(path)
        try:
            payload = json.loads(gzip.decompress(path.read_bytes()))
        except (OSError, ValueError, EOFError) as err:
            raise DataPathError(Errors.E501, path=path, reason=str(err)) from err
        if not isinstance(payload, dict) or payload.get("format") != "finnews-symbols":
            raise DataPathError(Errors.E501, path=path, reason="unknown format")
        if payload.get("version") != STORE_VERSION:
            raise DataPathError(Errors.E502, path=path, found=payload.get("version"),
                                supported=STORE_VERSION)
        symbols = {row[0]: SymbolInfo.from_row(row) for row in payload["symbols"]}
        return cls(symbols, dict(payload["name_aliases"]), set(payload["common_word_tickers"]),
                   payload.get("built_from", {}), payload.get("built_at"), path)

    # -- building ----------------------------------------------------------------
    @classmethod
    def build(cls, market_dir: str | os.PathLike[str]) -> SymbolStore:
        market_dir = Path(market_dir)
        store = cls(built_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        readers = [
            ("**/nasdaqlisted.txt", _read_nasdaqlisted),
            ("**/otherlisted.txt", _read_otherlisted),
            ("**/*_full_tickers.json", _read_screener),
            ("**/company_tickers.json", _read_sec),
            ("**/constituents.csv", _read_sp500),
            ("**/IWM_holdings.csv", _read_iwm_holdings),
        ]
        for pattern, reader in readers:
            for path in sorted(market_dir.glob(pattern)):
                for info in reader(path):
                    store._merge(info)
                store.built_from[str(path.relative_to(market_dir))] = reader.__name__[6:]
        if not store.symbols:
            raise DataPathError(Errors.E503, path=market_dir)
        store._assign_sizes()
        store._derive_aliases()
        return store

    def _merge(self, new: SymbolInfo) -> None:
        old = self.symbols.get(new.symbol)
        if old is None:
            self.symbols[new.symbol] = new
            return
        for attr in ("name", "exchange", "market_cap"):
            if getattr(old, attr) is None and getattr(new, attr) is not None:
                setattr(old, attr, getattr(new, attr))
        if new.kind == "etf":
            old.kind = "etf"
        old.sp500 |= new.sp500
        old.russell2000 |= new.russell2000

    def _assign_sizes(self) -> None:
        for info in self.symbols.values():
            if info.kind != "stock":
                continue
            cap = info.market_cap
            if info.russell2000:
                info.size = "small"
            elif info.sp500:
                info.size = "mega" if cap and cap >= 200e9 else "large"
            elif cap:
                info.size = ("mega" if cap >= 200e9 else "large" if cap >= 10e9 else
                             "mid" if cap >= 2e9 else "small" if cap >= 300e6 else "micro")

    def _derive_aliases(self) -> None:
        from wordfreq import zipf_frequency

        def zipf(word: str) -> float:
            return zipf_frequency(word, "en")

        from nlp.entities.aliases import alias_table

        generic_first = alias_table().generic_first_words
        claims: dict[tuple[str, ...], list[tuple[int, str, str]]] = defaultdict(list)
        for info in self.symbols.values():
            if not info.name:
                continue
            big = info.sp500 or (info.market_cap or 0) >= 50e9
            variants = name_variants(info.name, fund=info.kind == "etf")
            for rank, variant in enumerate(variants):
                key = alias_key(variant)
                if not key or not _acceptable(key, big, zipf, rank, generic_first):
                    continue
                claims[key].append((rank, info.symbol, variant))
        generic = _generic_name_words(self.symbols.values())
        for key, holders in claims.items():
            if len(key) == 1 and key[0] in generic:
                continue
            winner = self._pick(holders)
            if winner:
                self.name_aliases[winner[2]] = winner[1]
        self.common_word_tickers = {
            s for s in self.symbols if s.isalpha() and zipf(s.lower()) >= _TICKER_WORD_ZIPF
        }

    def _pick(self, holders: list[tuple[int, str, str]]) -> tuple[int, str, str] | None:
        """One symbol per written name: the full name beats a prefix; then share classes of
        one company go to the index member; then a company 10x larger than the next wins."""
        if len({h[1] for h in holders}) == 1:
            return holders[0]
        best_rank = min(h[0] for h in holders)
        holders = [h for h in holders if h[0] == best_rank]
        if len(holders) == 1:
            return holders[0]
        infos = [self.symbols[h[1]] for h in holders]
        plain = [h for h in holders if "-" not in h[1]]  # ALL beats ALL-PB, its preferred
        if len(plain) == 1:
            return plain[0]
        holders = plain or holders
        if len({i.name for i in infos}) == 1:
            return min(holders, key=lambda h: (not self.symbols[h[1]].sp500, len(h[1]), h[1]))
        ranked = sorted(holders, key=lambda h: -(self.symbols[h[1]].market_cap or 0))
        first, second = (self.symbols[h[1]].market_cap or 0 for h in ranked[:2])
        return ranked[0] if first > 0 and first >= 10 * second else None

    # -- reading -----------------------------------------------------------------
    def get(self, symbol: str) -> SymbolInfo | None:
        return self.symbols.get(symbol)

    def __contains__(self, symbol: str) -> bool:
        return symbol in self.symbols

    def __len__(self) -> int:
        return len(self.symbols)


def _generic_name_words(infos) -> set[str]:
    """Words that recur inside many company names ('Bancorp', 'Therapeutics'): alone they
    name no one company."""
    counts: dict[str, int] = defaultdict(int)
    for info in infos:
        for word in set(alias_key(info.name or "")[1:]):
            counts[word] += 1
    return {w for w, n in counts.items() if n >= 3}


def _acceptable(key: tuple[str, ...], big: bool, zipf, rank: int = 0, generic_first=frozenset()) -> bool:
    """Is this written name specific enough to stand for one company? A fairly common word
    passes only for a large company ("Apple", "Ford" for Ford Motor), and a shortened name
    never when it is a place or a generic word ("Toronto" for Toronto-Dominion Bank)."""
    if len(key) == 1:
        word = key[0]
        if len(word) < 3 or word.isdigit():
            return False
        freq = zipf(word)
        if freq < _COMMON_WORD_ZIPF:
            return True
        return big and freq < _VERY_COMMON_ZIPF and (rank == 0 or word not in generic_first)
    content = [w for w in key if w not in {"of", "and", "&", "the", "for"}]
    return any(zipf(w) < _VERY_COMMON_ZIPF for w in content) and not all(w.isdigit() for w in content)


def normalise_symbol(raw: str) -> str:
    return raw.strip().upper().replace(".", "-").replace("/", "-")


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def _reader_nasdaq_pipe(path: Path) -> Iterator[dict[str, str]]:
    lines = [ln for ln in _read_text(path).splitlines() if ln and not ln.startswith("File Creation")]
    yield from csv.DictReader(lines, delimiter="|")


def _read_nasdaqlisted(path: Path) -> Iterator[SymbolInfo]:
    for row in _reader_nasdaq_pipe(path):
        name = row.get("Security Name", "")
        if row.get("Test Issue") == "Y" or not is_plain_security(name):
            continue
        kind = "etf" if row.get("ETF") == "Y" else "stock"
        yield SymbolInfo(normalise_symbol(row["Symbol"]), name, kind, "NASDAQ")


def _read_otherlisted(path: Path) -> Iterator[SymbolInfo]:
    for row in _reader_nasdaq_pipe(path):
        name = row.get("Security Name", "")
        symbol = row.get("ACT Symbol", "")
        if row.get("Test Issue") == "Y" or not is_plain_security(name) or "$" in symbol:
            continue
        kind = "etf" if row.get("ETF") == "Y" else "stock"
        yield SymbolInfo(normalise_symbol(symbol), name, kind, _OTHER_EXCHANGES.get(row.get("Exchange", "")))


def _read_screener(path: Path) -> Iterator[SymbolInfo]:
    exchange = _SCREENER_EXCHANGES.get(path.parent.name.lower())
    for row in json.loads(_read_text(path)):
        name = row.get("name") or ""
        if not row.get("symbol") or not is_plain_security(name):
            continue
        try:
            cap = float(row.get("marketCap") or 0) or None
        except ValueError:
            cap = None
        yield SymbolInfo(normalise_symbol(row["symbol"]), name.strip(), "stock", exchange, market_cap=cap)


def _read_sec(path: Path) -> Iterator[SymbolInfo]:
    data = json.loads(_read_text(path))
    rows = data.values() if isinstance(data, dict) else data
    for row in rows:
        if row.get("ticker") and row.get("title"):
            yield SymbolInfo(normalise_symbol(row["ticker"]), tidy_case(row["title"]))


def _read_sp500(path: Path) -> Iterator[SymbolInfo]:
    for row in csv.DictReader(io.StringIO(_read_text(path))):
        if row.get("Symbol"):
            yield SymbolInfo(normalise_symbol(row["Symbol"]), row.get("Security"), sp500=True)


def _read_iwm_holdings(path: Path) -> Iterator[SymbolInfo]:
    lines = _read_text(path).splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.startswith("Ticker,")), None)
    if start is None:
        return
    for row in csv.DictReader(lines[start:]):
        if row.get("Asset Class") != "Equity" or not row.get("Ticker") or row["Ticker"] == "-":
            continue
        yield SymbolInfo(normalise_symbol(row["Ticker"]), tidy_case(row.get("Name") or "") or None,
                         exchange=row.get("Exchange") or None, russell2000=True)
