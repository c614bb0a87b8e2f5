"""Bytes to text: compression, byte-order marks, declared and detected charsets, binary input.

Order of trust for the charset: a BOM, then the HTTP header, then the page's ``<meta>``
declaration, then detection. A declaration is only believed if the bytes decode under it
strictly; and when bytes decode as valid UTF-8 with multi-byte sequences, UTF-8 wins over a
declared single-byte charset, because such bytes are almost never meant as Latin-1.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from nlp.errors import Errors, InputError, Warnings, warning_text

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_:.\-]+)", re.IGNORECASE)
_SINGLE_BYTE = {"latin_1", "iso8859_1", "cp1252", "ascii", "iso8859_15", "cp1250", "cp1251"}
# control bytes that no text has (tab, line feed, vertical tab, form feed, carriage return
# are text); counted by bytes.translate, a Python loop over 4 KB cost 0.3 ms a page
_CONTROL_BYTES = bytes(b for b in range(32) if not 9 <= b <= 13)
_MAGIC = [
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
]


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def gunzip(data: bytes, source: str, limit: int, warnings: list[str]) -> bytes:
    """Decompress gzip data; a truncated stream keeps what was recovered, with a warning."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as err:
        raise InputError(Errors.E106, path=source, reason=str(err)) from err
    if len(out) > limit:
        raise InputError(Errors.E105, path=source, size=len(out), limit=limit)
    if not inflater.eof:
        if not out:
            raise InputError(Errors.E106, path=source, reason="stream ends before any data")
        warnings.append(warning_text(Warnings.W103, size=len(out)))
    return out


def cut_bytes(data: bytes, limit: int) -> bytes:
    """At most ``limit`` bytes of ``data``: up to the last line break in their last 64 KB, else
    the last space, else the last whole UTF-8 character (UTF-16 and UTF-32, with a BOM, at a
    multiple of four bytes)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data[: limit - limit % 4]
    head = data[:limit]
    for separator in (b"\n", b" "):
        at = head.rfind(separator, max(0, limit - 65536))
        if at > 0:
            return head[: at + 1]
    end = limit
    while end > max(0, limit - 4) and 0x80 <= data[end] < 0xC0:  # a UTF-8 continuation byte
        end -= 1
    return data[:end]


def sniff_binary(data: bytes) -> str | None:
    """A reason the bytes are not text, or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:4096]
    if not head:
        return None
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls / len(head) > 0.10:
        return f"{controls} control bytes in the first {len(head)}"
    return None


def decode_bytes(
    data: bytes,
    source: str,
    *,
    content_type: str | None = None,
    is_html: bool = True,
    limit: int = 64 * 1024 * 1024,
    cut: int | None = None,
) -> Decoded:
    """Decode ``data`` into text, raising :class:`InputError` for input that is not text.
    ``cut``: bytes past this many are dropped (warning W111), see :func:`cut_bytes`."""
    warnings: list[str] = []
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, source, limit, warnings)
    if len(data) > limit:
        raise InputError(Errors.E105, path=source, size=len(data), limit=limit)
    if cut is not None and len(data) > cut:
        size, data = len(data), cut_bytes(data, cut)
        warnings.append(warning_text(Warnings.W111, size=size, kept=len(data)))
    if not data.strip():
        raise InputError(Errors.E103, path=source)
    binary = sniff_binary(data)
    if binary:
        raise InputError(Errors.E104, path=source, reason=binary)

    for bom, name in _BOMS:
        if data.startswith(bom):
            return _finish(data[len(bom) :].decode(name, errors="replace"), name, warnings)

    declared: list[str] = []
    header = _codec(charset_from_content_type(content_type))
    if header:
        declared.append(header)
    if is_html:
        match = _META_CHARSET.search(data[:8192])
        meta = _codec(match.group(1).decode("ascii", "ignore")) if match else None
        if meta and meta not in declared:
            declared.append(meta)

    utf8_ok, has_multibyte = _utf8_status(data)
    if utf8_ok and (has_multibyte or not declared):
        if declared and declared[0] not in ("utf-8", "ascii"):
            how = "bytes are valid UTF-8"
            warnings.append(warning_text(Warnings.W101, declared=declared[0], used="utf-8", how=how))
        return _finish(data.decode("utf-8"), "utf-8", warnings)
    for name in declared:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if name in _SINGLE_BYTE and name != declared[0]:
            continue
        return _finish(text, name, warnings)

    used = _detect(data)
    if declared:
        warnings.append(warning_text(Warnings.W101, declared=declared[0], used=used, how="detected"))
    text = data.decode(used, errors="replace")
    if "\ufffd" in text:
        warnings.append(warning_text(Warnings.W106, encoding=used))
    return _finish(text, used, warnings)


def _detect(data: bytes) -> str:
    """Detected charset. Among plausible candidates windows-1252 wins, as in browsers (WHATWG
    fallback): on short pages detectors otherwise pick a Baltic or Central European code page."""
    candidates = [_codec(m.encoding) for m in from_bytes(data[:200_000])]
    candidates = [c for c in candidates if c]
    if "cp1252" in candidates[:8]:
        return "cp1252"
    return candidates[0] if candidates else "utf-8"


def _utf8_status(data: bytes) -> tuple[bool, bool]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False, False
    return True, not data.isascii()


def _finish(text: str, encoding: str, warnings: list[str]) -> Decoded:
    nul = text.count("\x00")
    if nul:
        text = text.replace("\x00", "")
        warnings.append(warning_text(Warnings.W102, count=nul))
    return Decoded(text=text, encoding=encoding, warnings=warnings)
