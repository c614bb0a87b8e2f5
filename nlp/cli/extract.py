"""``finnews extract``: files, folders or URLs to clean documents."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nlp.cli import QUIET_OPTION, VERBOSE_OPTION, app, say, set_verbosity
from nlp.cli.common import AnalysedInputs
from nlp.io import atomic_write

if TYPE_CHECKING:
    from nlp.schema import Document

INPUT_SUFFIXES = {".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown", ".gz"}


class OutputFormat(StrEnum):
    json = "json"
    text = "text"
    markdown = "markdown"


def expand_inputs(items: list[str]) -> list[str]:
    """Files and URLs as given; folders expanded recursively to the files finnews reads."""
    from nlp.parse import is_url  # the parser is imported when a command runs, not at start-up

    found: list[str] = []
    for item in items:
        path = Path(item)
        if not is_url(item) and path.is_dir():
            found.extend(str(p) for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
        else:
            found.append(item)
    return found


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="HTML/text/Markdown files, folders, or http(s) URLs.")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="json: the full document "
                   "with every block (printed as JSON Lines, one document per line); text: the article text "
                   "(several inputs: each after a '==> SOURCE <==' line); markdown: article with headings, lists "
                   "and tables (several inputs: separated by '---').")] = OutputFormat.json,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write one file per input into this "
                   "folder (named by document id) instead of printing.")] = None,
    all_text: Annotated[bool, typer.Option("--all-text", help="Keep every visible block of an HTML "
                        "page instead of selecting the main content.")] = False,
    no_promo: Annotated[bool, typer.Option("--no-promo", help="Skip the promo stage: keep the "
                        "parser's roles only (ads and calls to action written as plain paragraphs "
                        "then stay in the article text).")] = False,
    balanced: Annotated[bool, typer.Option("--balanced", help="Main content from trafilatura's balanced "
                        "setting instead of its precision setting (keeps more around the article).")] = False,
    thorough: Annotated[bool, typer.Option("--thorough", help="Let trafilatura compare its result with its "
                        "readability/justext fallbacks on every page (slower; see BENCHMARKS.md).")] = False,
    quiet: Annotated[bool, QUIET_OPTION] = False,
    verbose: Annotated[bool, VERBOSE_OPTION] = False,
) -> None:
    """Parse pages into clean documents: title, date, site, author and typed text blocks.

    Every block gets a role (article, sponsored, call_to_action, boilerplate, disclosure,
    chat_artifact, navigation, comment): --format text and markdown print the article only;
    --format json keeps every block with its role, confidence and cues.

    Bad inputs are reported on stderr with their path and reason; the others are still
    processed, and the exit code is 1 if any input failed (2: a usage error).
    """
    set_verbosity(quiet, verbose)
    import nlp.promo.stage  # noqa: F401 - registers the stage
    from nlp.parse import ParseOptions
    from nlp.pipeline import Pipeline
    from nlp.render import render_text

    options = ParseOptions(keep_all_text=all_text, favor_precision=not balanced, fast_extraction=not thorough)
    pipe = Pipeline([] if no_promo else ["promo"])
    expanded = expand_inputs(inputs)
    documents = AnalysedInputs(expanded, pipe, options)
    printed = 0
    for item, doc in documents:
        if out is None:
            # printed output must split back into documents: one JSON object per line, and a
            # marked boundary between texts
            if fmt == OutputFormat.json:
                typer.echo(doc.to_json())
            elif fmt == OutputFormat.text:
                typer.echo(("\n" if printed else "") + (f"==> {doc.source} <==\n" if len(expanded) > 1 else "")
                           + render_text(doc))
            else:
                typer.echo(("\n---\n\n" if printed else "") + markdown(doc), nl=False)
            printed += 1
            continue
        if fmt == OutputFormat.json:
            rendered = doc.to_json(indent=2)
        elif fmt == OutputFormat.text:
            rendered = render_text(doc)
        else:
            rendered = markdown(doc)
        suffix = {"json": ".json", "text": ".txt", "markdown": ".md"}[fmt.value]
        target = out / f"{doc.id}{suffix}"
        atomic_write(target, rendered.encode("utf-8"))
        say(f"{item} -> {target}")
    if out is not None:
        _write_index(out)
    documents.exit()


def markdown_table(text: str) -> str:
    """A table block's rows (cells joined by ' | ', see nlp.parse) as a Markdown table: the
    first row is the header, followed by the ``|---|`` row Markdown needs to see a table."""
    rows = [[cell.strip() for cell in line.split(" | ")] for line in text.splitlines() if line.strip()]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join([lines[0], "|" + "---|" * width, *lines[1:]])


def markdown(doc: Document) -> str:
    """The Markdown view, with table blocks as Markdown tables."""
    from nlp.render import render_markdown
    from nlp.schema import BlockKind

    rendered = render_markdown(doc)
    for block in doc.article_blocks():
        if block.kind == BlockKind.TABLE and block.text.strip():
            rendered = rendered.replace(block.text, markdown_table(block.text), 1)
    return rendered


def _write_index(out: Path) -> None:
    rows = []
    for path in sorted(out.glob("*.json")):
        if path.name == "index.json":
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        rows.append({k: data.get(k) for k in ("id", "source", "title", "published", "site", "author")})
    atomic_write(out / "index.json", json.dumps(rows, indent=2).encode("utf-8"))
