"""Plain text and Markdown to typed blocks.

Newsletters pasted as text put one paragraph per line, or separate paragraphs by blank lines
and hard-wrap inside them; both are handled. Each line that is a heading, a list bullet, a
quote, a stray date or a short piece of debris ("Comments", "Sponsored by ...") becomes a
block of its own, in reading order, so the promotional-content stage can label it.
"""

from __future__ import annotations

import re

from nlp.parse.dates import parse_date
from nlp.schema import BlockKind

BlockTuple = tuple[str, BlockKind, dict]

_MD_HEADING = re.compile(r"^(#{1,6})\s")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•–—▪●◦]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Every pattern here runs in time linear in the line, whatever the line: a span may not hold
# its own opening delimiter (a link text no '[', an emphasis no '*'), so from each start the
# search stops at the next delimiter instead of running to the end of the line and back.
# With "(.+?)" a line of 150,000 '[' or 50,000 '*a ' took minutes (tests/robustness).
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_MD_EMPHASIS = re.compile(r"\*\*(?=\S)([^*]+?)(?<=\S)\*\*|__(?=\S)([^_]+?)(?<=\S)__|\*(?=\S)([^*]+?)(?<=\S)\*"
                          r"|_(?=\S)([^_]+?)(?<=\S)_|`(?=\S)([^`]+?)(?<=\S)`")
_SENTENCE_END = frozenset(".!?…:;,\"”’)")
_SPACES = re.compile(r"[ \t\u00a0]+")


def _strip_markdown(text: str) -> str:
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(lambda m: m.group(m.lastindex), text) if any(c in text for c in "*_`") else text


def _ends_sentence(line: str) -> bool:
    # a character test, not r"[.!?]\s*$": that tries every period of a line of periods
    # against the whitespace after it
    return line.rstrip()[-1:] in _SENTENCE_END


def _heading(line: str) -> tuple[int, str] | None:
    """An ATX heading's level and text ("## Title ##"), or None. By hand: a lazy group
    before a whitespace-hashes-whitespace tail is quadratic in a run of whitespace."""
    found = _MD_HEADING.match(line)
    if not found:
        return None
    return len(found.group(1)), line[found.end():].strip().rstrip("#").rstrip()


def _is_date_line(line: str) -> bool:
    return len(line) <= 40 and parse_date(line) is not None


def _looks_like_heading(line: str, next_line: str | None) -> bool:
    words = line.split()
    if _is_date_line(line):
        return False
    if not words or len(words) > 14 or len(line) > 100:
        return False
    if _ends_sentence(line) and not line.endswith("?"):
        return False
    if line.endswith("?") and len(words) > 10:
        return False
    # a heading introduces something longer; the last line of a text is rarely a heading
    return next_line is not None and len(next_line) > len(line)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of one paragraph broken at a fixed width (e-mail, Markdown source)."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    widths = [len(x) for x in body]
    return min(widths) >= 40 and max(widths) <= 100 and sum(
        1 for x in body if not _ends_sentence(x)) >= len(body) / 2


def split_text(text: str, markdown: bool = False) -> list[BlockTuple]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line:
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    chunks = [c for c in chunks if c]
    flat: list[str] = []  # logical lines, in order
    for chunk in chunks:
        if _is_hard_wrapped(chunk) and not any(_BULLET.match(x) or _heading(x) for x in chunk):
            flat.append(" ".join(chunk))
        else:
            flat.extend(chunk)
    return _classify(flat, markdown)


def _classify(lines: list[str], markdown: bool) -> list[BlockTuple]:
    blocks: list[BlockTuple] = []
    table: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and _is_date_line(nxt) and i + 2 < len(lines):
            nxt = lines[i + 2]  # a dateline under a title does not make the title a paragraph
        if _TABLE_ROW.match(line):
            if not _TABLE_RULE.match(line):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                table.append(" | ".join(_strip_markdown(c) for c in cells))
            i += 1
            continue
        if table:
            blocks.append(("\n".join(table), BlockKind.TABLE, {}))
            table = []
        if markdown and nxt is not None and _SETEXT.match(nxt) and not _BULLET.match(line):
            blocks.append((_strip_markdown(line), BlockKind.HEADING, {"level": 1 if nxt[0] == "=" else 2}))
            i += 2
            continue
        heading = _heading(line)
        if heading and (markdown or len(heading[1]) < 120):
            blocks.append((_strip_markdown(heading[1]), BlockKind.HEADING, {"level": heading[0]}))
        elif _QUOTE.match(line) and (markdown or line.startswith("> ")):
            blocks.append((_strip_markdown(_QUOTE.match(line).group(1)), BlockKind.QUOTE, {}))
        elif _BULLET.match(line) and not re.match(r"^\d{4}[.)]", line):
            blocks.append((_strip_markdown(_BULLET.match(line).group(1)), BlockKind.LIST_ITEM, {}))
        elif not markdown and _looks_like_heading(line, nxt):
            blocks.append((_strip_markdown(line) if markdown else line, BlockKind.HEADING, {}))
        else:
            blocks.append((_strip_markdown(line) if markdown else line, BlockKind.PARAGRAPH, {}))
        i += 1
    if table:
        blocks.append(("\n".join(table), BlockKind.TABLE, {}))
    return [b for b in blocks if b[0].strip()]


def guess_title(blocks: list[BlockTuple]) -> str | None:
    """Plain text has no title element: a leading heading line is the title, else none."""
    if blocks and blocks[0][1] == BlockKind.HEADING:
        return blocks[0][0]
    return None
