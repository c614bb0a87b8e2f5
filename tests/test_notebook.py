"""The notebook in notebooks/ runs from top to bottom on a small corpus, shows its figures
inline, and plots what it says: the articles at their dates (not at 1970), one dot per dated
article, the weekly mean over the weeks between them, and a table of contradicted claims with
the computed values."""

import json
import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora" / "pages"
# a day and two times with offsets: a text column of mixed formats once turned some into NaT
PAGES = ("news-russell-record.html", "newsletter-smallcap-weekly.html", "week-in-review-2025-11-07.html",
         "earnings-scorecard-q3.md")

# runs in the notebook's kernel after its last cell: what the figure's artists hold
PROBE = """
import json
import matplotlib.dates as _md
_ax = fig.axes[0]
_dots = [c.get_offsets() for c in _ax.collections]
_xs = [float(x) for o in _dots for x, _ in o]
_mean = [l for l in _ax.get_lines() if l.get_label() == "weekly mean"][0]
_rut = [l for ax in fig.axes for l in ax.get_lines() if l.get_label() == "Russell 2000 close"]
print("PROBE " + json.dumps({
    "dots": len(_xs), "dot_days": sorted(str(_md.num2date(x).date()) for x in _xs),
    "xlim": [str(_md.num2date(x).date()) for x in _ax.get_xlim()],
    "mean_days": [str(d)[:10] for d in _mean.get_xdata()],
    "rut_days": [str(d)[:10] for d in (_rut[0].get_xdata() if _rut else [])],
    "bars": len(fig.axes[1].patches), "dated": int(dated.shape[0]),
    "articles_days": sorted(str(d.date()) for d in articles["day"].dropna()),
    "contradicted_columns": list(contradicted.columns), "contradicted": len(contradicted),
    "contradicted_computed": int(contradicted["computed"].notna().sum())}))
"""


@pytest.mark.slow
def test_notebook_plots_the_articles_at_their_dates(tmp_path, monkeypatch, shared_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in PAGES:
        (corpus / name).write_bytes((CORPORA / name).read_bytes())
    monkeypatch.setenv("FINNEWS_CORPUS", str(corpus))
    monkeypatch.setenv("FINNEWS_NOTEBOOK_OUT", str(tmp_path / "out"))
    notebook = nbformat.read(ROOT / "notebooks" / "small_caps_vs_russell2000.ipynb", as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(PROBE))
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs)
    assert f"{len(PAGES)} articles, 0 errors, 0 undated" in printed
    # figures shown inline, not only saved
    assert sum("image/png" in o.get("data", {}) for o in outputs if o.output_type == "display_data") >= 2
    assert (tmp_path / "out" / "sentiment_vs_russell2000.png").stat().st_size > 5_000
    probe = json.loads(printed.split("PROBE ", 1)[1].splitlines()[0])
    days = probe["articles_days"]
    assert len(days) == len(PAGES) and days[0] == "2025-11-07" and days[-1] == "2025-12-11"
    assert probe["dots"] == probe["dated"] == len(PAGES)  # every dated article is a dot: no NaT dropped
    assert probe["dot_days"] == days
    # the axis spans the articles (give or take the index's week either side), not 1970
    assert days[0] >= probe["xlim"][0] >= "2025-10-01" and days[-1] <= probe["xlim"][1] <= "2026-01-31"
    # one mean point per week ending Friday from the first article's week to the last one's
    assert probe["mean_days"] == ["2025-11-07", "2025-11-14", "2025-11-21", "2025-11-28", "2025-12-05", "2025-12-12"]
    assert probe["bars"] == 6
    assert probe["rut_days"] and probe["rut_days"][0] >= "2025-10-31" and probe["rut_days"][-1] <= "2025-12-18"
    assert {"instrument", "asserted", "computed", "tolerance_low", "tolerance_high"} <= set(
        probe["contradicted_columns"])
    assert probe["contradicted"] > 0 and probe["contradicted_computed"] == probe["contradicted"]
    assert os.environ["FINNEWS_CORPUS"] == str(corpus)
