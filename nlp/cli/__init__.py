"""The ``finnews`` command line. Every command's --help explains it.

Exit codes: 0 everything asked for was done; 1 some inputs failed (each reported on stderr
with its path, code and reason; the rest was done); 2 a usage error (a bad argument or
option, nothing to do): one line on stderr naming the problem, and nothing is written.

Everything printed on stderr goes through :func:`say`: file names and messages are data, so
no rich markup is read from them and control characters are shown escaped.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from nlp import __version__
from nlp.config import ENV_VAR, data_path, set_data_path
from nlp.errors import FinnewsError

try:  # typer 0.2x carries its own copy of click: its exceptions are not click's
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - an older typer on the installed click
    from click import exceptions as click_errors

app = typer.Typer(
    name="finnews",
    help="Financial-news NLP analyzer: parse market commentary into checkable, structured facts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
QUIET, NORMAL, VERBOSE = 0, 1, 2
_verbosity = NORMAL
_STYLES = {"error": "red", "warning": "yellow", "skipped": "yellow", "note": "yellow"}
# C0 and C1 controls, DEL, bidirectional overrides, and the escapes of undecodable name bytes
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (os.fsdecode)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(value: object) -> str:
    """``value`` as one printable line: control characters (ESC of a terminal sequence, BEL,
    newlines), bidirectional overrides and undecodable bytes of a file name are written as
    ``\\x1b``-style escapes. No markup is read from it when printed with :func:`say`."""
    return _UNSAFE.sub(_escape, str(value))


def set_verbosity(quiet: bool = False, verbose: bool = False) -> None:
    """--quiet: errors only (no progress, notes or warnings); --verbose: also each input as it is done."""
    global _verbosity
    if quiet and verbose:
        raise typer.BadParameter("--quiet and --verbose exclude each other")
    _verbosity = QUIET if quiet else VERBOSE if verbose else NORMAL


def verbosity() -> int:
    return _verbosity


def say(message: object, level: str | None = None, *, at: int = NORMAL) -> None:
    """Print one line on stderr: ``level:`` in colour, then ``message`` escaped (see
    :func:`safe_text`), never read as markup. Printed when the verbosity is at least ``at``;
    errors always. Not wrapped when stderr is not a terminal (a log keeps whole paths)."""
    if level != "error" and _verbosity < at:
        return
    line = Text()
    if level:
        line.append(f"{level}:", style=_STYLES.get(level, ""))
        line.append(" ")
    line.append(safe_text(message))
    err_console.print(line, highlight=False, soft_wrap=not err_console.is_terminal)


def show_progress() -> bool:
    """Progress bars only on a terminal, and not with --quiet."""
    return err_console.is_terminal and _verbosity >= NORMAL


def iso_date(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    """Option callback: a YYYY-MM-DD date, checked while the command line is read (before any
    work starts); a bad one is a usage error (E122)."""
    import datetime as dt

    from nlp.errors import Errors, UsageError

    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError(value)
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        option = max(param.opts, key=len) if param.opts else param.name
        raise UsageError(Errors.E122, option=option, value=value) from None


QUIET_OPTION = typer.Option("--quiet", "-q", help="Print errors only: no progress bar, notes or warnings.")
VERBOSE_OPTION = typer.Option("--verbose", "-v", help="Also print each input as it is done.")


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
def stages() -> None:
    """List the pipeline stages in the order they run: what each requires and reads from the
    document, what it assigns, and its options (with their defaults)."""
    from nlp.pipeline import builtin_order, stage_table

    typer.echo(stage_table(builtin_order()))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the document model."""
    import json

    from nlp.schema import Document

    typer.echo(json.dumps(Document.json_schema(), indent=2))


def _register() -> None:
    from nlp.cli import analyze, entities, extract, fetch, market, outputs, sentiment, train  # noqa: F401 - registers the commands


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with its code (see the module's docstring). Usage errors
    and finnews' own errors are one line on stderr, never a traceback."""
    from concurrent.futures.process import BrokenProcessPool

    from nlp.models import silence_model_libraries

    global _verbosity
    _register()
    silence_model_libraries()
    _verbosity = NORMAL  # each command sets its own (see set_verbosity)
    try:
        code = app(args=argv, prog_name="finnews", standalone_mode=False)
    except click_errors.NoArgsIsHelpError:  # the help was printed already
        code = EXIT_USAGE
    except click_errors.UsageError as err:
        hint = f" (see `{err.ctx.command_path} --help`)" if err.ctx else ""
        say(f"{err.format_message()}{hint}", "error")
        code = EXIT_USAGE
    except click_errors.ClickException as err:
        say(err.format_message(), "error")
        code = err.exit_code
    except typer.Abort:
        say("interrupted", "error")
        code = 130
    except FinnewsError as err:
        say(err, "error")
        code = EXIT_USAGE
    except BrokenProcessPool as err:
        say(f"a worker process died ({err or 'killed'}); rerun to resume where it stopped", "error")
        code = EXIT_FAILED
    except KeyboardInterrupt:
        say("interrupted; rerun to resume where it stopped", "error")
        code = 130
    sys.exit(code if isinstance(code, int) else EXIT_OK)
