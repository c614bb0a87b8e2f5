"""Plain-text and Markdown views of a document's article text."""

from __future__ import annotations

from nlp.schema import BlockKind, Document


def render_text(doc: Document) -> str:
    return doc.article_text()


def render_markdown(doc: Document) -> str:
    lines: list[str] = []
    if doc.title:
        lines.append(f"# {doc.title}")
    byline = " · ".join(str(x) for x in (doc.author, doc.site, doc.published) if x)
    if byline:
        lines.append(f"*{byline}*")
    for block in doc.article_blocks():
        if block.kind == BlockKind.HEADING:
            if block.text == doc.title:
                continue
            lines.append("#" * min(6, max(2, block.level or 2)) + " " + block.text)
        elif block.kind == BlockKind.LIST_ITEM:
            lines.append(f"- {block.text}")
        elif block.kind == BlockKind.QUOTE:
            lines.append("> " + block.text.replace("\n", "\n> "))
        elif block.kind == BlockKind.CAPTION:
            lines.append(f"*{block.text}*")
        else:
            lines.append(block.text)
    return "\n\n".join(lines) + "\n"
