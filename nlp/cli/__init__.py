"""The ``finnews`` command line. Every command's --help explains it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from nlp import __version__
from nlp.config import ENV_VAR, data_path, set_data_path
from nlp.errors import FinnewsError

app = typer.Typer(
    name="finnews",
    help="Financial-news NLP analyzer: parse market commentary into checkable, structured facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"finnews {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    data_path_opt: Annotated[
        Path | None,
        typer.Option("--data-path", help=f"Folder with read-only data (seeds, market, eval sets). "
                     f"Overrides ${ENV_VAR}; default ../shared next to the project."),
    ] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    if data_path_opt is not None:
        set_data_path(data_path_opt)


@app.command()
def info() -> None:
    """Show the version, the data path and where it was set, and the spaCy model in use."""
    typer.echo(f"finnews {__version__}")
    dp = data_path()
    typer.echo(f"data path: {dp.path} (from {dp.origin})")
    for name in ("seeds", "market", "data"):
        typer.echo(f"  {name}/: {'present' if (dp / name).exists() else 'missing'}")
    from nlp.language import model_name

    typer.echo(f"spaCy pipeline: {model_name()}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the document model."""
    import json

    from nlp.schema import Document

    typer.echo(json.dumps(Document.json_schema(), indent=2))


def _register() -> None:
    from nlp.cli import analyze, entities, extract, fetch, market, outputs, sentiment, train  # noqa: F401 - registers the commands


def main() -> None:
    _register()
    try:
        app()
    except FinnewsError as err:
        err_console.print(f"[red]error:[/red] {err}", highlight=False)
        sys.exit(2)
