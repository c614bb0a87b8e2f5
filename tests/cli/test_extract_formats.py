"""``finnews extract`` output that splits back into documents: JSON Lines, marked text
boundaries, Markdown tables with their header row."""

from __future__ import annotations

import json

import pytest

TABLE_PAGE = ("<html><head><title>Closing levels</title></head><body><article><h1>Closing levels</h1>"
              "<p>Small caps led the market higher on Friday as the Russell 2000 rose for a third straight day.</p>"
              "<table><tr><th>Index</th><th>Close</th><th>Day</th></tr><tr><td>Russell 2000</td><td>2,558.9</td>"
              "<td>+1.2%</td></tr><tr><td>S&amp;P 500</td><td>6,901.0</td><td>+0.2%</td></tr></table>"
              "<p>Traders said the move reflected growing bets on a rate cut at the December meeting.</p>"
              "</article></body></html>")
NOTE = "Weekly note\n\nSmall caps held their gains this week while large caps slipped on rate worries.\n"


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "a.html").write_text(TABLE_PAGE)
    (tmp_path / "b.txt").write_text(NOTE)
    return [tmp_path / "a.html", tmp_path / "b.txt"]


@pytest.fixture
def cli(capsys):
    from nlp.cli import main

    def run(*args):
        with pytest.raises(SystemExit) as stopped:
            main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert stopped.value.code in (0, None), err
        return out

    return run


def test_json_is_json_lines(cli, inputs):
    lines = cli("extract", *inputs).splitlines()
    assert len(lines) == 2 and [json.loads(line)["source"] for line in lines] == [str(p) for p in inputs]


def test_text_marks_each_article(cli, inputs):
    out = cli("extract", "--format", "text", *inputs)
    assert out.startswith(f"==> {inputs[0]} <==\n") and f"\n\n==> {inputs[1]} <==\n" in out
    assert "==>" not in cli("extract", "--format", "text", inputs[1])  # one input: the text alone


def test_markdown_tables_have_the_header_row_and_articles_are_separated(cli, inputs):
    out = cli("extract", "--format", "markdown", *inputs)
    assert "| Index | Close | Day |\n|---|---|---|\n| Russell 2000 | 2,558.9 | +1.2% |\n| S&P 500 |" in out
    assert "\n\n---\n\n" in out and out.count("\n---\n") == 1
