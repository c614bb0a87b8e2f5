"""The notebook in notebooks/ runs from top to bottom on a small corpus and draws its chart."""

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora" / "pages"


def test_notebook_executes(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("news-russell-record.html", "newsletter-smallcap-weekly.html", "week-in-review-2025-11-07.html"):
        (corpus / name).write_bytes((CORPORA / name).read_bytes())
    monkeypatch.setenv("FINNEWS_CORPUS", str(corpus))
    monkeypatch.setenv("FINNEWS_NOTEBOOK_OUT", str(tmp_path / "out"))
    notebook = nbformat.read(ROOT / "notebooks" / "small_caps_vs_russell2000.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    chart = tmp_path / "out" / "sentiment_vs_russell2000.png"
    assert chart.stat().st_size > 5_000
    printed = "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))
    assert "3 articles, 0 errors" in printed
    assert os.environ["FINNEWS_CORPUS"] == str(corpus)
