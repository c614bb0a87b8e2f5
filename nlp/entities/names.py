"""Company names as listed ("Credo Technology Group Holding Ltd Ordinary Shares") turned into
the names people write ("Credo Technology", "Credo"), and the normalisation that alias
matching shares with the text side."""

from __future__ import annotations

import re

# Trailing words that describe the security or the legal form, not the company.
_SECURITY_WORDS = re.compile(
    r"\s*(?:-\s*)?\b(?:common stock|ordinary shares?|class [a-c](?: common stock| ordinary shares?)?|"
    r"american depositary (?:shares|receipts?)|depositary shares|sponsored adr|adr|ads|"
    r"common shares?|shares of beneficial interest|subordinate voting shares|voting shares|"
    r"new|\(the\)|\(class [a-c]\)|series [a-c])\b.*$",
    re.IGNORECASE,
)
_LEGAL_SUFFIXES = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc",
    "lp", "l.p", "n.v", "nv", "s.a", "sa", "ag", "se", "holdings", "holding", "group", "the",
    "de", "trust", "bancorp", "bancshares", "technologies", "international",
}
_SKIP_SECURITIES = re.compile(
    r"\b(?:warrants?|rights?|units?|preferred|notes due|debentures?|subordinated|perpetual|"
    r"senior notes|depositary shares? each|fixed[- ]rate|floating[- ]rate|%)\b",
    re.IGNORECASE,
)
TOKEN = re.compile(r"\^?[^\W_](?:[^\W_]|[.&'’](?=[^\W_]))*")


def is_plain_security(listing_name: str) -> bool:
    """False for warrants, rights, units, preferreds and notes: nobody writes about them by name."""
    return not _SKIP_SECURITIES.search(listing_name)


def tidy_case(name: str) -> str:
    """SEC titles are upper case ("NVIDIA CORP"); word-capitalise those, keep mixed case as is."""
    if not name.isupper():
        return name
    small = {"of", "and", "the", "for", "de", "la"}
    words = [w.lower() if w.lower() in small else w.capitalize() for w in name.split()]
    return " ".join(words[:1] + words[1:]) if words else name


def clean_company_name(listing_name: str) -> str:
    """'Astera Labs Inc. Common Stock' -> 'Astera Labs'; 'SoundHound AI Inc Class A' -> 'SoundHound AI'."""
    name = re.sub(r"\s*/[A-Za-z]{2,}/?\s*$", "", listing_name)  # SEC state tags: "CORP /DE/"
    name = re.sub(r"\s*\(the\)", "", name, flags=re.IGNORECASE)  # "Boeing Company (The) Common Stock"
    name = re.sub(r"\s*\([^)]*\)?\s*$", "", name)  # "(Class A)", "(The)"
    name = _SECURITY_WORDS.sub("", name).strip(" ,-")
    words = name.replace(",", " ").split()
    if len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    while len(words) > 1 and words[-1].lower().rstrip(".") in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words).strip(" ,.-&")


def name_variants(listing_name: str, fund: bool = False) -> list[str]:
    """Names a writer might use, longest first: the cleaned name and its shorter word prefixes.
    A fund keeps its whole name ("iShares Russell 2000 ETF", "iShares Russell 2000"): its
    prefixes ("iShares") name a fund family, not the fund."""
    if fund:
        full = re.sub(r"\s*\([^)]*\)\s*$", "", listing_name).strip()
        short = re.sub(r"\s+(?:ETF|Fund|Index Fund|ETF Trust|Trust)$", "", full).strip()
        return [full] + ([short] if short != full and len(short.split()) > 1 else [])
    cleaned = clean_company_name(listing_name)
    words = cleaned.split()
    variants = [cleaned] if cleaned else []
    for n in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:n])
        last = words[n - 1].lower().rstrip(".")
        if last in _LEGAL_SUFFIXES or last in {"&", "of", "and", "for", "the"}:
            continue
        variants.append(prefix)
    return variants


def alias_key(text: str) -> tuple[str, ...]:
    """Matching key: word tokens, lower case, curly quotes straightened, hyphens dropped."""
    if text.isascii():  # lower-casing first is the same there, and 5x faster (21,000 aliases at start-up)
        return tuple(TOKEN.findall(text.lower()))
    return tuple(normalise_token(token) for token in TOKEN.findall(text))


def normalise_token(token: str) -> str:
    return token.lower().replace("’", "'")
