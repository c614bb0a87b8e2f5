"""``finnews fetch`` then ``finnews analyze`` on its folder: the pages are analysed through the
manifest (source = URL, final URL, content type, fetch time), the manifest is no feed, and a
``.body`` named on its own is read too."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from nlp.batch import AnalyzeOptions, analyze, find_inputs

PAGE = ("<html><head><title>Small caps climb</title></head><body><article><h1>Small caps climb</h1>"
        "<p>The Russell 2000 rose 1.2% on the day as small caps rallied on rate-cut hopes \u2014 caf\u00e9 talk.</p>"
        "</article></body></html>")
OPTIONS = AnalyzeOptions(workers=1, stages=["promo"])


def _fetch_folder(tmp_path: Path, encoding: str = "cp1252") -> Path:
    folder = tmp_path / "fetched"
    (folder / "pages").mkdir(parents=True)
    body = PAGE.encode(encoding)
    sha = hashlib.sha256(body).hexdigest()
    (folder / "pages" / f"{sha}.body").write_bytes(body)
    rows = [
        {"url": "https://news.example/a", "final_url": "https://news.example/2025/11/14/small-caps-climb",
         "status": 200, "fetched_at": "2025-11-15T08:00:00+00:00", "content_type": f"text/html; charset={encoding}",
         "sha256": sha, "saved_path": f"elsewhere/pages/{sha}.body", "error": None},
        {"url": "https://news.example/gone", "final_url": "https://news.example/gone", "status": 404,
         "fetched_at": "2025-11-15T08:00:01+00:00", "content_type": None, "sha256": None, "saved_path": None,
         "error": "HTTP 404"},
    ]
    (folder / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows + rows[:1]))
    return folder


def test_a_fetch_folder_is_read_through_its_manifest(tmp_path):
    folder = _fetch_folder(tmp_path)
    found = find_inputs([folder])
    assert [i.key for i in found.items] == ["https://news.example/a"] and found.errors == []
    result = analyze([folder], tmp_path / "out", OPTIONS)
    assert result.errors == []
    doc = result.docs[0]
    assert doc.source == "https://news.example/a" and doc.source_type == "url"
    assert doc.url == "https://news.example/2025/11/14/small-caps-climb"
    assert doc.meta["fetch_fetched_at"] == "2025-11-15T08:00:00+00:00"
    assert doc.meta["fetch_final_url"] == doc.url and doc.title == "Small caps climb"
    assert "café" in doc.text  # decoded with the server's charset (cp1252), not guessed as UTF-8
    assert str(doc.published)[:10] == "2025-11-14"  # the date in the final URL


def test_a_body_named_explicitly_is_analysed_not_an_error(tmp_path):
    folder = _fetch_folder(tmp_path)
    body = next((folder / "pages").glob("*.body"))
    found = find_inputs([body])
    assert found.errors == [] and found.items[0].key == "https://news.example/a"
    loose = tmp_path / "loose.body"
    loose.write_bytes(PAGE.encode("utf-8"))
    found = find_inputs([loose])
    assert found.errors == [] and found.items[0].fetch is None
    result = analyze([loose], tmp_path / "out2", OPTIONS)
    assert result.errors == [] and result.docs[0].title == "Small caps climb"


def test_fetch_then_analyze_on_the_command_line(tmp_path, server, monkeypatch):
    from nlp.cli import main

    base, _ = server
    monkeypatch.chdir(tmp_path)  # fetch writes saved_path relative to here; analyze runs from elsewhere
    with pytest.raises(SystemExit) as stopped:
        main(["fetch", f"{base}/ok", f"{base}/redirect", "--out", "fetched", "--allow-private", "--delay", "0", "-q"])
    assert stopped.value.code in (0, None)
    monkeypatch.chdir(tmp_path.parent)
    with pytest.raises(SystemExit) as stopped:
        main(["analyze", str(tmp_path / "fetched"), "--out", str(tmp_path / "out"), "--stages", "promo", "-w", "1",
              "-q"])
    assert stopped.value.code in (0, None)
    rows = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert sorted(r["source"] for r in rows) == [f"{base}/ok", f"{base}/redirect"]
    redirected = next(r for r in rows if r["source"].endswith("/redirect"))
    assert redirected["url"] == f"{base}/ok" and redirected["meta"]["fetch_content_type"].startswith("text/html")
    assert (tmp_path / "out" / "errors.jsonl").read_text() == ""
