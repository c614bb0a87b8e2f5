"""README.md's examples run as written.

* every fenced ``python`` example is executed, in order, in one fresh namespace of a fresh
  interpreter whose working directory is the repository root;
* every ``finnews …`` line of a fenced ``bash`` example names a command that exists, each long
  option it uses is in that command's ``--help``, and its options parse; the cheap ones
  (``info``, ``stages``, ``schema``, ``extract``/``entities`` of one corpora page, ``symbols
  show``) are run for real, ``claims`` too (``-m slow``: its first run builds the ONNX encoder
  and the market store); each ``make TARGET`` is a target of the Makefile;
* what the prose says of a few objects (imports named in it, ``doc.published``) holds;
* the ``finnews claims`` table reads at 80 columns.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shared() -> Path | None:
    env = os.environ.get("FINNEWS_DATA")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


def fenced(language: str) -> list[tuple[int, str]]:
    """The fenced blocks of ``language``: (line number of the fence, code)."""
    blocks = []
    for match in re.finditer(rf"^```{language}\n(.*?)^```$", README, re.S | re.M):
        blocks.append((README.count("\n", 0, match.start()) + 1, match.group(1)))
    return blocks


def shell_commands(program: str) -> list[tuple[int, list[str]]]:
    """Every ``program …`` command of the fenced bash examples, as (README line, argv);
    comments dropped, ``a && b`` split."""
    commands = []
    for fence_line, code in fenced("bash"):
        for offset, line in enumerate(code.splitlines(), 1):
            words = shlex.split(line, comments=True)
            while words:
                cut = words.index("&&") if "&&" in words else len(words)
                if words[0] == program:
                    commands.append((fence_line + offset, words[1:cut]))
                words = words[cut + 1:]
    return commands


FINNEWS = shell_commands("finnews")
MAKE = shell_commands("make")


def test_the_readme_has_examples():
    assert len(fenced("python")) >= 3 and len(FINNEWS) >= 20 and MAKE


# -- Python ----------------------------------------------------------------------------------

_RUN_BLOCKS = """
import re, sys
text = open("README.md", encoding="utf-8").read()
namespace = {"__name__": "__readme__"}
for match in re.finditer(r"^```python\\n(.*?)^```$", text, re.S | re.M):
    line = text.count("\\n", 0, match.start()) + 2
    exec(compile("\\n" * (line - 1) + match.group(1), "README.md", "exec"), namespace)
print("README examples done")
"""


def test_python_examples_run_as_written():
    """All fenced Python examples, in order, in one fresh namespace, from the repository root.
    A separate interpreter: the examples register a stage ("shout") in the global registry.
    They need neither the data path nor a trained model (without the data path the entity
    linker falls back to its own table, W201), so nothing is skipped."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, "-c", _RUN_BLOCKS], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=110)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "README examples done" in run.stdout
    assert "shout" in run.stdout  # print(pipe.analyze()) shows the stage the example registers


def test_published_is_as_the_readme_shows():
    """The API example's comments: an aware datetime for a page giving a time, a date for a day."""
    import datetime as dt

    import nlp

    doc = nlp.load_document(ROOT / "corpora/pages/news-russell-record.html")
    assert "datetime(2025, 12, 11, 21, 5, tzinfo=timezone.utc)" in README
    assert doc.published == dt.datetime(2025, 12, 11, 21, 5, tzinfo=dt.UTC) and doc.published.tzinfo is not None
    assert doc.title == "Russell 2000 closes at record as rate-cut bets build" and f"'{doc.title}'" in README
    assert doc.published_source == "json_ld"
    assert "date(2025, 11, 14)" in README
    assert nlp.load_document(ROOT / "corpora/pages/blog-value-rotation.html").published == dt.date(2025, 11, 14)


@pytest.mark.parametrize("module, name", sorted(set(re.findall(r"`from (nlp[\w.]*) import (\w+)", README))))
def test_imports_named_in_the_prose_work(module, name):
    assert hasattr(importlib.import_module(module), name), f"from {module} import {name}"


def test_batch_result_is_as_described():
    from nlp.batch import BatchResult, analyze

    assert analyze.__annotations__["return"] in ("BatchResult", BatchResult)
    described = re.search(r"returns a\s+`BatchResult`:(.*?)\(`nlp\.batch\.find_inputs", README, re.S).group(1)
    for attribute in re.findall(r"`\.(\w+)`", described):
        assert hasattr(BatchResult, attribute) or attribute in BatchResult.__dataclass_fields__, attribute


# -- shell -----------------------------------------------------------------------------------

def _root_command():
    import typer

    from nlp.cli import _register, app

    _register()
    return typer.main.get_command(app)


def _resolve(argv: list[str]):
    """(the command's path, the click command, the arguments after it)."""
    command, path = _root_command(), []
    while hasattr(command, "commands") and argv and argv[0] in command.commands:
        command = command.commands[argv[0]]
        path.append(argv.pop(0))
    return path, command, argv



@pytest.mark.parametrize("line, argv", FINNEWS, ids=[f"line{n}-{' '.join(a[:2])}" for n, a in FINNEWS])
def test_shell_example_names_a_command_and_its_options(line, argv, finnews, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # no option name cut by a narrow help panel
    path, command, args = _resolve(list(argv))
    assert path, f"README line {line}: no finnews command {argv[0]!r}"
    assert not hasattr(command, "commands"), f"README line {line}: `finnews {' '.join(path)}` needs a subcommand"
    code, help_text, err = finnews(*path, "--help")
    assert code in (0, None), err
    for word in args:
        if word.startswith("--"):
            option = word.split("=", 1)[0]
            assert re.search(rf"{re.escape(option)}\b", help_text), f"README line {line}: {option} not in the help"
    # the options and arguments parse (types, choices, callbacks such as --as-of's date check)
    context = command.make_context(" ".join(["finnews", *path]), list(args))
    context.close()


@pytest.mark.parametrize("line, argv", MAKE, ids=[f"line{n}-make-{'-'.join(a)}" for n, a in MAKE])
def test_make_example_names_a_target(line, argv):
    makefile = (ROOT / "Makefile").read_text()
    for target in argv:
        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"README line {line}: make {target}"


CHEAP = {"info", "stages", "schema", "extract", "entities", "symbols"}
# the symbol store is built from <data path>/market; info stops with E001 when the data path is missing
NEEDS_DATA = {"entities", "symbols", "info"}


def _runnable(argv: list[str], commands: set[str]) -> bool:
    """A README command to run for real: one of ``commands``, writing nothing (no --out),
    reading no URL, and every file it names is in the repository."""
    if argv[0] not in commands or "--out" in argv or any("://" in a for a in argv):
        return False
    paths = [a for a in argv if "/" in a or re.search(r"\.(html|md|txt)$", a)]
    return all((ROOT / a).exists() for a in paths)


RUN = [(n, a) for n, a in FINNEWS if _runnable(a, CHEAP)]


@pytest.mark.parametrize("line, argv", RUN, ids=[f"line{n}-{' '.join(a[:2])}" for n, a in RUN])
def test_cheap_shell_example_runs(line, argv, finnews, monkeypatch):
    if argv[0] in NEEDS_DATA and _shared() is None:
        pytest.skip(f"finnews {argv[0]} needs the read-only data path (../shared or FINNEWS_DATA)")
    monkeypatch.chdir(ROOT)
    code, out, err = finnews(*argv)
    assert code in (0, None), f"README line {line}: {err[-2000:]}"
    assert out.strip(), f"README line {line}: printed nothing"
    if argv[0] == "extract" and "--format" not in argv:
        assert json.loads(out)["blocks"]
    if argv[0] == "stages":
        assert all(stage in out for stage in ("promo", "entities", "figures", "sentiment", "claims", "verify"))


def test_cheap_examples_cover_the_commands_the_issue_names():
    assert {a[0] for _, a in RUN} >= {"info", "stages", "extract"}
    assert any(a[0] == "claims" and _runnable(a, {"claims"}) for _, a in FINNEWS)


CLAIMS = [(n, a) for n, a in FINNEWS if _runnable(a, {"claims"})]


@pytest.mark.slow
@pytest.mark.parametrize("line, argv", CLAIMS, ids=[f"line{n}" for n, _ in CLAIMS])
def test_claims_example_runs_and_reads_at_80_columns(line, argv, finnews, monkeypatch):
    """The README's `finnews claims` on a corpora page, for real (models, market store)."""
    if _shared() is None:
        pytest.skip("needs the read-only data path (../shared or FINNEWS_DATA) for the market store")
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = finnews(*argv)
    assert code in (0, None), err[-2000:]
    if "--format" in argv:
        rows = [json.loads(row) for row in out.splitlines()]
        claims = [row for row in rows if "text" in row]
        assert claims and all(row.get("verdict") and row.get("why") for row in claims)
        assert any(len(row["text"]) > 80 for row in claims)  # whole, not cut as in the table
        return
    lines = out.splitlines()
    assert lines and max(len(x) for x in lines) <= 80
    verdicts = [x for x in lines if re.match(r"\s*\d+\s+(contradicted|supported|unverifiable)\b", x)]
    whys = [x for x in lines if " why: " in x]
    assert verdicts and len(verdicts) == len(whys)
    assert len(lines) <= 6 * len(verdicts) + 8  # a few lines per claim, not a sentence over 10-15


# -- the claims table ------------------------------------------------------------------------

def test_claims_table_reads_at_80_columns():
    from rich.console import Console

    from nlp.cli.entities import claims_table

    long = ("NEW YORK — The Russell 2000 index of smaller U.S. companies finished at an all-time closing high "
            "on Thursday, extending a run that has taken it roughly 12% above its early-November low.")
    rows = [
        {"text": long, "type": "market_data", "verdict": "contradicted",
         "why": "record_close of ^RUT (2025-01-02 to 2025-12-11): computed 2455.65; not a record: the close of "
                "2025-10-27 was 2520.44"},
        {"text": "Index | Close | Day\nRussell 2000 | [bold]2,558.9[/bold] | +1.2%", "type": "market_data",
         "verdict": "supported", "why": "level of ^RUT (2025-12-11): computed 2558.9, stated 2558.85 to 2558.95"},
        {"text": "Analysts expect 15% earnings growth next year.", "type": "forecast"},  # verify did not run
    ]
    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(claims_table("corpora/pages/news-russell-record.html", rows))
    out = console.file.getvalue()
    lines = out.splitlines()
    assert max(len(x) for x in lines) <= 80
    assert len(lines) <= 20, out
    first = next(x for x in lines if "contradicted" in x)
    assert "NEW YORK — The Russell 2000" in first and first.rstrip().endswith("…")  # one line, cut
    assert "early-November low" not in out
    assert "[bold]2,558.9[/bold]" in out  # text is data, not markup; its line breaks folded
    assert "Index | Close | Day Russell 2000" in out
    flat = " ".join(out.split())
    for row in rows:
        assert " ".join(f"why: {row.get('why') or '-'}".split()) in flat.replace("│", "")  # the why, whole
        assert (row.get("verdict") or "-") in out and row["type"] in out


# -- Makefile ----------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_setup_reinstalls_only_when_the_content_changes(tmp_path):
    """`make setup` is a no-op while pyproject.toml and constraints.txt keep their content,
    whatever their mtimes (a fresh checkout), and reinstalls when it changes."""
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    venv = tmp_path / "venv"

    def dry_run() -> str:
        return subprocess.run(["make", "-n", "setup", f"VENV={venv}"], cwd=tmp_path, capture_output=True,
                              text=True, check=True).stdout

    stamp = re.search(r"^touch (\S+)$", dry_run(), re.M).group(1)
    assert "pip install" in dry_run()
    venv.mkdir()
    Path(stamp).touch()  # as the install leaves it
    assert "pip install" not in dry_run() and "pip install" not in dry_run()
    os.utime(tmp_path / "pyproject.toml")  # newer than the stamp, same content
    assert "pip install" not in dry_run()
    with open(tmp_path / "constraints.txt", "a") as constraints:
        constraints.write("numpy<3\n")
    assert "pip install" in dry_run()


@pytest.fixture
def finnews(cli):
    """The README's name for the shared ``cli`` fixture (tests/conftest.py)."""
    return cli
