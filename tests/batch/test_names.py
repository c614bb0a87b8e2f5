"""File names are data: markup, terminal control sequences and bytes that are not UTF-8 in a
name never crash a batch. Every file becomes an article or an error row, every output writes,
the exact name can be recovered, and what is printed is escaped."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

SENTENCE = b"Small caps rallied 3% on Monday as the Russell 2000 closed at a record.\n"
# name (bytes, relative to the input folder) -> what it tests
NAMES = {
    b"[bold]x[/nope].txt": "rich markup (a folder '[bold]x[' holding 'nope].txt')",
    b"[red]alert.txt": "a rich style tag",
    b"caf\xe9.txt": "Latin-1, not UTF-8",
    b"\xff\xfe-bom.md": "bytes that are never UTF-8",
    b"clear\x1b[2J.txt": "ESC[2J: clear the screen",
    b"title\x1b]0;pwned\x07.txt": "OSC: set the terminal title",
    b"csi\x9b31m.txt": "a C1 control (CSI) as a raw byte",
    b"new\nline.txt": "a newline",
    b"bidi-\xe2\x80\xaetxt.md": "a bidirectional override",
    b"plain.txt": "an ordinary name",
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    broot = os.fsencode(root)
    for name in NAMES:
        path = os.path.join(broot, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(SENTENCE)
    with open(os.path.join(broot, b"empty-caf\xe9.txt"), "wb"):
        pass  # fails (E103): its error row must write too
    return root


def run_cli(capsys, *args):
    from nlp.cli import main

    with pytest.raises(SystemExit) as stopped:
        main([os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args])
    out, err = capsys.readouterr()
    return stopped.value.code, out, err


def check_outputs(out, folder):
    """Every input accounted for, each output readable, exact names recoverable."""
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    docs = [json.loads(x) for x in (out / "articles.jsonl").read_text("utf-8").splitlines()]
    assert len(docs) == len(NAMES) and [e["code"] for e in errors] == ["E103"]
    articles = pd.read_parquet(out / "articles.parquet")
    con = duckdb.connect(str(out / "finnews.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(NAMES)
    assert set(con.execute("SELECT source FROM articles").df()["source"]) == set(articles["source"])
    # the exact bytes: from source_bytes when the name is not UTF-8, else from the text
    exact = {bytes.fromhex(b) if isinstance(b, str) else os.fsencode(s)
             for s, b in zip(articles["source"], articles["source_bytes"], strict=True)}
    assert exact == {os.path.join(os.fsencode(folder), name) for name in NAMES}
    latin = articles[articles["source"].str.endswith("caf\ufffd.txt")]
    assert len(latin) == 1 and bytes.fromhex(latin["source_bytes"].iloc[0]).endswith(b"caf\xe9.txt")
    assert articles.loc[articles["source"].str.endswith("plain.txt"), "source_bytes"].isna().all()
    assert errors[0]["path"].endswith("empty-caf\ufffd.txt")
    assert bytes.fromhex(errors[0]["source_bytes"]).endswith(b"empty-caf\xe9.txt")
    assert (out / "report.html").read_text("utf-8")


def check_printed(err):
    assert "Traceback" not in err and "MarkupError" not in err and "UnicodeEncodeError" not in err
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in err, repr(raw)
    assert "caf\\xe9.txt" in err  # the undecodable byte, escaped


def test_hostile_names_through_the_cli(folder, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, err = run_cli(capsys, "analyze", folder, "--out", out, "--stages", "promo", "--workers", "1",
                                "--verbose")
    assert code == 1, err  # the empty file failed
    assert json.loads(stdout)["articles"] == len(NAMES)
    check_printed(err)
    assert "clear\\x1b[2J.txt" in err and "title\\x1b]0;pwned\\x07.txt" in err and "new\\x0aline.txt" in err
    assert "[bold]x[/nope].txt" in err and "[red]alert.txt" in err  # shown as written, not as styles
    check_outputs(out, folder)


def test_hostile_names_named_one_by_one(folder, tmp_path, capsys):
    broot = os.fsencode(folder)
    files = [os.path.join(broot, name) for name in NAMES]
    code, _, err = run_cli(capsys, "analyze", *files, "--out", tmp_path / "out", "--stages", "promo",
                           "--workers", "1", "--verbose")
    assert code == 0, err  # every file named was analysed
    check_printed(err)


def test_hostile_names_in_a_real_process_with_workers(folder, tmp_path):
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "analyze", str(folder),
                          "--out", str(out), "--stages", "promo", "--workers", "2", "--verbose"],
                         capture_output=True, timeout=300)
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 1, err
    check_printed(err)
    check_outputs(out, folder)


def test_text_name_and_name_bytes():
    from nlp.batch.runner import name_bytes, text_name

    name = os.fsdecode(b"/in/caf\xe9.txt")
    assert text_name(name) == "/in/caf\ufffd.txt" and bytes.fromhex(name_bytes(name)) == b"/in/caf\xe9.txt"
    assert text_name("/in/名前.txt") == "/in/名前.txt" and name_bytes("/in/名前.txt") is None
    assert name_bytes(os.fsdecode(b"/in/feed\xff.jsonl") + "#3").endswith(b"#3".hex())


def test_error_rows_are_text_with_exact_bytes():
    from nlp.batch.runner import error_row
    from nlp.errors import Errors

    row = error_row(os.fsdecode(b"caf\xe9.txt"), Errors.E103)
    json.dumps(row, ensure_ascii=False).encode("utf-8")  # writable
    assert row == {"path": "caf\ufffd.txt", "code": "E103", "message": "caf\ufffd.txt: the input is empty.",
                   "source_bytes": b"caf\xe9.txt".hex()}
    assert "source_bytes" not in error_row("plain.txt", "E103")


def test_safe_text_escapes_controls_and_keeps_markup_literal(capsys):
    from nlp.cli import safe_text, say

    assert safe_text("a\x1b[2Jb\x07c\nd\x9be\u202ef") == "a\\x1b[2Jb\\x07c\\x0ad\\x9be\\u202ef"
    assert safe_text(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert safe_text("名前 ünï [bold]x[/nope]") == "名前 ünï [bold]x[/nope]"
    say("[bold]x[/nope].txt: \x1b]0;t\x07", "error")
    err = capsys.readouterr().err
    assert err == "error: [bold]x[/nope].txt: \\x1b]0;t\\x07\n"


def test_hostile_names_through_extract(folder, tmp_path, capsys):
    code, stdout, err = run_cli(capsys, "extract", folder, "--out", tmp_path / "docs", "--format", "json")
    assert code == 1, err  # the empty file failed; every other was written
    check_printed(err)
    assert err.count(" -> ") == len(NAMES)
    index = json.loads((tmp_path / "docs" / "index.json").read_text("utf-8"))
    assert index and all(row["source"].startswith(str(folder)) for row in index)
