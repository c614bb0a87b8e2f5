"""``finnews sql --format`` and ``finnews series`` on a small output written without models."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from nlp.batch.tables import write_outputs
from nlp.schema import Block, Document, TargetSentiment


def _doc(i: int, day: str | None, score: float | None) -> Document:
    text = f"Small caps note {i}, with a line break\ninside the text."
    return Document(id=f"{i:016d}", sha256="0" * 64, source=f"n{i}.txt", title=f"Note {i}", published=day,
                    text=text, blocks=[Block(start=0, end=len(text), text=text)], stages=["sentiment"],
                    sentiment=[] if score is None else [TargetSentiment(target="small_caps", score=score,
                                                                        label="positive", sentences=1)])


@pytest.fixture
def output(tmp_path):
    out = tmp_path / "run"
    out.mkdir()
    write_outputs(out, [_doc(1, "2025-12-01", 0.4), _doc(2, "2025-12-03", -0.2), _doc(3, None, 0.1),
                        _doc(4, "2025-12-02", None)], [])
    return out



QUERY = "SELECT article_id, published, small_caps_score, text FROM articles JOIN blocks USING (article_id) ORDER BY 1"


def test_sql_table_shows_null_as_null_on_one_line_per_row(cli, output):
    code, out, _ = cli("sql", "--db", output / "finnews.duckdb", QUERY)
    assert code in (0, None)
    lines = out.splitlines()
    assert len(lines) == 5 and lines[0].split() == ["article_id", "published", "small_caps_score", "text"]
    assert "NaN" not in out and "NULL" in lines[3]  # the undated note: published is NULL
    assert "2025-12-01T00:00:00+00:00" in lines[1]


def test_sql_csv_and_json(cli, output):
    code, out, _ = cli("sql", "--db", output / "finnews.duckdb", "--format", "csv", QUERY)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["article_id", "published", "small_caps_score", "text"] and len(rows) == 5
    assert rows[3][1] == "" and "\n" in rows[1][3]  # NULL is empty; a line break stays inside its quoted field
    code, out, _ = cli("sql", "--db", output / "finnews.duckdb", "-f", "json", QUERY)
    objects = [json.loads(line) for line in out.splitlines()]
    assert len(objects) == 4 and objects[2]["published"] is None and objects[3]["small_caps_score"] is None
    assert objects[0]["published"].startswith("2025-12-01T00:00:00")


def test_series_writes_into_the_analyze_folder_and_says_what_it_dropped(cli, output, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("series", output)
    assert code in (0, None)
    assert not (tmp_path / "series.parquet").exists()
    frame = pd.read_parquet(output / "series-small_caps-D.parquet")
    assert [str(d.date()) for d in frame["date"]] == ["2025-12-01", "2025-12-02", "2025-12-03"]
    assert list(frame["articles"]) == [1, 0, 1]
    assert "1 article(s) without a publication date" in err and "no sentence about small_caps" in err
    code, _, _ = cli("series", output, "--freq", "W", "--out", tmp_path / "weekly.parquet")
    assert list(pd.read_parquet(tmp_path / "weekly.parquet")["articles"]) == [2]
