"""Everyday mistakes on the command line: each gets one line on stderr naming the problem and
the fix, the documented exit code (0 all done, 1 some inputs failed, 2 usage error), no
traceback, and nothing written when nothing could be done.

Most run ``nlp.cli.main`` in this process (fast); a few run the real ``finnews`` process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SENTENCE = "Small caps rallied 3% on Monday as the Russell 2000 closed at a record.\n"



def one_clear_line(err: str, *words: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error:"), err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], (word, err)


# -- analyze: usage errors (exit 2, nothing written) --------------------------------------

def test_analyze_a_missing_path_is_nothing_to_do(cli, tmp_path):
    out = tmp_path / "out"
    code, stdout, err = cli("analyze", tmp_path / "no-such-folder", "--out", out, "--stages", "promo")
    assert code == 2
    assert "no-such-folder: file not found" in err and "E121" in err and "nothing to analyse" in err
    assert "Traceback" not in err and stdout == ""
    assert not out.exists()


def test_analyze_an_empty_folder_is_nothing_to_do(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    code, _, err = cli("analyze", tmp_path / "empty", "--out", out, "--stages", "promo")
    assert code == 2
    one_clear_line(err, "E121", "nothing to analyse", ".html", ".jsonl", str(tmp_path / "empty"))
    assert not out.exists()


@pytest.mark.parametrize("url", ["https://example.com/story", "http://example.com/a?b=1", "https:/example.com/story"])
def test_analyze_a_url_points_to_fetch(cli, tmp_path, url):
    out = tmp_path / "out"
    code, _, err = cli("analyze", url, "--out", out)
    assert code == 2
    one_clear_line(err, "E120", url, "not URLs", "finnews fetch")
    assert not out.exists()


@pytest.mark.parametrize("value", ["2025-13-45", "2025-02-30", "yesterday", "20250101"])
def test_analyze_a_bad_as_of_date_stops_before_any_work(cli, tmp_path, value):
    (tmp_path / "a.txt").write_text(SENTENCE)
    out = tmp_path / "out"
    code, _, err = cli("analyze", tmp_path / "a.txt", "--out", out, "--as-of", value)
    assert code == 2
    one_clear_line(err, "E122", "--as-of", repr(value), "YYYY-MM-DD")
    assert "BrokenProcessPool" not in err
    assert not out.exists()


@pytest.mark.parametrize("args, words", [
    (["--stages", "promo,bogus"], ["--stages", "bogus", "promo, entities"]),
    (["--workers", "-1"], ["--workers"]),
    (["--timeout", "-5"], ["--timeout"]),
    (["--engine", "spark"], ["--engine", "local or dask"]),
    (["--scheduler", "tcp://127.0.0.1:8786"], ["--scheduler", "--engine dask"]),
    (["--quiet", "--verbose"], ["--quiet", "--verbose"]),
])
def test_analyze_bad_options_are_usage_errors(cli, tmp_path, args, words):
    (tmp_path / "a.txt").write_text(SENTENCE)
    out = tmp_path / "out"
    code, _, err = cli("analyze", tmp_path / "a.txt", "--out", out, *args)
    assert code == 2
    one_clear_line(err, *words)
    assert "finnews analyze --help" in err
    assert not out.exists()


def test_analyze_without_paths_is_a_usage_error(cli):
    code, _, err = cli("analyze")
    assert code == 2
    one_clear_line(err, "Missing argument", "finnews analyze --help")


def test_analyze_out_is_a_file(cli, tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "out").write_text("not a folder")
    code, _, err = cli("analyze", tmp_path / "a.txt", "--out", tmp_path / "out", "--stages", "promo")
    assert code == 2
    one_clear_line(err, "E125", "--out")
    assert (tmp_path / "out").read_text() == "not a folder"


# -- analyze: failed inputs (exit 1) and success (exit 0) ----------------------------------

def test_analyze_all_good_exits_0(cli, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCE)
    code, stdout, err = cli("analyze", tmp_path / "in", "--out", tmp_path / "out", "--stages", "promo",
                            "--workers", "1")
    assert code == 0, err
    assert json.loads(stdout)["articles"] == 1 and json.loads(stdout)["errors"] == 0
    assert "error" not in err


def test_analyze_a_failed_input_exits_1_and_the_rest_is_analysed(cli, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCE)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    code, stdout, err = cli("analyze", tmp_path / "in", tmp_path / "missing.html", "--out", tmp_path / "out",
                            "--stages", "promo", "--workers", "1")
    assert code == 1
    assert json.loads(stdout)["articles"] == 1 and json.loads(stdout)["errors"] == 2
    assert "empty.txt: the input is empty" in err and "missing.html: file not found" in err
    assert "2 of 3 inputs failed" in err and "Traceback" not in err
    codes = {json.loads(x)["code"] for x in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()}
    assert codes == {"E101", "E103"}


@pytest.mark.parametrize("name", ["report.pdf", "README"])  # a .body is a fetched page (tests/batch/test_fetched.py)
def test_analyze_a_named_file_of_an_unknown_type_is_reported(cli, tmp_path, name):
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / name).write_text(SENTENCE)
    out = tmp_path / "out"
    code, _, err = cli("analyze", tmp_path / "a.txt", tmp_path / name, "--out", out, "--stages", "promo",
                       "--workers", "1")
    assert code == 1
    assert f"{name}: not a file type analyze reads" in err
    rows = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert [(Path(r["path"]).name, r["code"]) for r in rows] == [(name, "E113")]


def test_analyze_only_unknown_types_is_nothing_to_do(cli, tmp_path):
    (tmp_path / "page.pdf").write_text(SENTENCE)
    code, _, err = cli("analyze", tmp_path / "page.pdf", "--out", tmp_path / "out")
    assert code == 2
    assert "E113" in err and "E121" in err and not (tmp_path / "out").exists()


def test_unknown_types_inside_a_folder_are_skipped_quietly(cli, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCE)
    (tmp_path / "in" / "notes.pdf").write_text(SENTENCE)
    code, _, err = cli("analyze", tmp_path / "in", "--out", tmp_path / "out", "--stages", "promo", "--workers", "1")
    assert code == 0, err


def test_quiet_prints_errors_only_and_verbose_each_input(cli, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCE)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    args = ["analyze", tmp_path / "in", "--stages", "promo,sentiment", "--workers", "1"]
    code, _, quiet = cli(*args, "--out", tmp_path / "q", "--quiet")
    assert code == 1
    assert "empty.txt" in quiet and "note:" not in quiet and "done:" not in quiet
    code, _, verbose = cli(*args, "--out", tmp_path / "v", "--verbose")
    assert code == 1
    assert f"done: {tmp_path / 'in' / 'a.txt'}" in verbose


def test_a_pipeline_that_cannot_be_built_is_one_error(cli, tmp_path, monkeypatch):
    from nlp.batch import worker

    def broken(stages, options):
        raise OSError("models/sentiment-minilm: model.safetensors is missing")

    monkeypatch.setattr(worker, "build_pipeline", broken)
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "b.txt").write_text(SENTENCE + "More.\n")
    code, _, err = cli("analyze", tmp_path / "a.txt", tmp_path / "b.txt", "--out", tmp_path / "out",
                       "--stages", "promo", "--workers", "1")
    assert code == 2
    one_clear_line(err, "E404", "model.safetensors is missing")
    monkeypatch.undo()  # the next run in this process builds its pipeline again
    code, _, err = cli("analyze", tmp_path / "a.txt", "--out", tmp_path / "out", "--stages", "promo", "--workers", "1")
    assert code == 0, err


# -- the other commands -------------------------------------------------------------------

def test_fetch_a_missing_url_list(cli, tmp_path):
    code, _, err = cli("fetch", "--urls", tmp_path / "missing.txt", "--out", tmp_path / "out")
    assert code == 2
    one_clear_line(err, "E124", "missing.txt", "one URL per line")
    assert not (tmp_path / "out").exists()


def test_fetch_without_urls(cli, tmp_path):
    code, _, err = cli("fetch", "--out", tmp_path / "out")
    assert code == 2
    one_clear_line(err, "--urls FILE")


def test_series_on_a_folder_that_is_not_an_analyze_output(cli, tmp_path):
    code, _, err = cli("series", tmp_path, "--out", tmp_path / "s.parquet")
    assert code == 2
    one_clear_line(err, "E123", str(tmp_path), "finnews analyze")
    assert not (tmp_path / "s.parquet").exists()


@pytest.mark.parametrize("args", [["market", "show", "^RUT", "--start", "2025-13-01"],
                                  ["market", "show", "^RUT", "--end", "soon"],
                                  ["market", "fetch", "IWM", "--provider", "yfinance", "--start", "2025-00-10"]])
def test_market_dates_are_checked_before_the_store_is_opened(cli, tmp_path, args):
    store = tmp_path / "m.duckdb"
    code, _, err = cli(*args, "--store", store)
    assert code == 2
    one_clear_line(err, "E122", "YYYY-MM-DD")
    assert not store.exists()


def test_no_arguments_prints_help_with_exit_2(cli):
    code, stdout, _ = cli("market")
    assert code == 2 and "import" in stdout


# -- help texts ----------------------------------------------------------------------------

def _commands():
    import typer

    from nlp.cli import _register, app

    _register()
    root = typer.main.get_command(app)
    stack = [((), root)]
    while stack:
        path, command = stack.pop()
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            stack.append(((*path, name), sub))


def test_help_texts_keep_their_brackets(cli, monkeypatch):
    """Rich markup must not eat ``[...]`` of a help text: pip install 'finnews[dask]'."""
    import re

    monkeypatch.setenv("COLUMNS", "300")  # no long word cropped in a narrow column

    checked = 0
    for path, command in _commands():
        texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
        wanted = {m.replace("\\[", "[") for text in texts for m in re.findall(r"\\?\[[a-z][^\]\[]*\]", text)}
        if not wanted:
            continue
        code, stdout, _ = cli(*path, "--help")
        assert code == 0
        flat = re.sub(r"[\s│]+", "", stdout)
        for bracketed in wanted:
            assert re.sub(r"\s+", "", bracketed) in flat, (path, bracketed)
            checked += 1
    assert checked >= 2  # finnews[dask], [default: …] of train sentiment-teacher


def test_analyze_help_documents_the_exit_codes(cli):
    code, stdout, _ = cli("analyze", "--help")
    assert code == 0
    assert "Exit codes" in stdout and "finnews[dask]" in stdout and "finnews fetch" in stdout


# -- through the real process: no traceback, stderr not wrapped ---------------------------

def finnews(*args, **kw):
    return subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", *map(str, args)],
                          capture_output=True, text=True, timeout=300, **kw)


def test_process_bad_date_and_url(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE)
    run = finnews("analyze", tmp_path / "a.txt", "--out", tmp_path / "out", "--as-of", "2025-13-45")
    assert run.returncode == 2 and "Traceback" not in run.stderr and "E122" in run.stderr
    run = finnews("analyze", "https://example.com/story", "--out", tmp_path / "out")
    assert run.returncode == 2 and "Traceback" not in run.stderr and "finnews fetch" in run.stderr
    assert not (tmp_path / "out").exists()


def test_process_long_paths_are_not_wrapped_when_stderr_is_redirected(tmp_path):
    deep = tmp_path.joinpath(*(["a-rather-long-folder-name"] * 6))
    deep.mkdir(parents=True)
    (deep / "empty.txt").write_bytes(b"")
    (deep / "ok.txt").write_text(SENTENCE)
    run = finnews("analyze", deep, "--out", tmp_path / "out", "--stages", "promo", "--workers", "1")
    assert run.returncode == 1
    line = next(x for x in run.stderr.splitlines() if "empty.txt" in x)
    assert str(deep / "empty.txt") in line and len(line) > 200
    assert "\x1b[" not in run.stderr  # no colour codes and no progress bar when not on a terminal


def test_model_library_progress_bars_are_silenced():
    """No "Loading weights" bar per worker: the environment is set for workers, and an already
    imported transformers is told directly."""
    code = ("import os; os.environ.pop('HF_HUB_DISABLE_PROGRESS_BARS', None); import transformers; "
            "from nlp.batch.worker import silence_model_libraries; silence_model_libraries(); "
            "from transformers.utils import logging; "
            "print(logging.is_progress_bar_enabled(), logging.get_verbosity(), "
            "os.environ['HF_HUB_DISABLE_PROGRESS_BARS'], os.environ['TRANSFORMERS_VERBOSITY'])")
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("HF_HUB_DISABLE_PROGRESS_BARS", "TRANSFORMERS_VERBOSITY")}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stderr
    import logging

    assert run.stdout.split() == ["False", str(logging.ERROR), "1", "error"]
