"""The HTML report in a real headless Chromium: it loads without console errors, the index
sorts, article pages show promotion struck through and claims with their evidence, and a
hostile page runs no script, loads nothing and keeps its text (escaped)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora" / "pages"
PAGES = ("newsletter-smallcap-weekly.html", "bulletin-promo-heavy.html", "news-russell-record.html",
         "weekly-digest-chat-leftover.txt")

HOSTILE = """<!doctype html><html><head><title>Small caps &lt;script&gt;alert('title')&lt;/script&gt;</title>
<meta name="author" content="&quot;&gt;&lt;img src=x onerror=alert('author')&gt;">
<style>body{background:url(http://127.0.0.1:9/leak.png)}</style>
<script>alert('head script')</script></head><body><article>
<h1>Russell 2000 <img src=x onerror="alert('img')"> record</h1>
<p>The Russell 2000 rose 3% this week <script>alert('inline')</script> as small caps rallied on rate-cut hopes.</p>
<p>Read <a href="javascript:alert('link')">the full story</a> and <a href="  JaVaScRiPt:alert('link2')">more</a>.</p>
<p>&lt;/div&gt;&lt;script&gt;alert('escaped text')&lt;/script&gt; &lt;style&gt;*{display:none}&lt;/style&gt;
 &quot;'&gt;&lt;svg onload=alert('svg')&gt; and the IWM ETF gained 2.5% since August.</p>
<p style="background:url('http://127.0.0.1:9/p.png')">Small-cap stocks outpaced megacaps
 <iframe src="http://127.0.0.1:9/frame"></iframe> for the third week in a row.</p>
<p>Sponsored by Evil Corp: <form action="http://127.0.0.1:9/"><input name=x autofocus onfocus=alert('focus')></form></p>
</article></body></html>"""


def _analyze(folder: Path, out: Path, store: Path) -> dict:
    run = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "analyze", str(folder),
                          "--out", str(out), "--workers", "1", "--store", str(store)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    for name in PAGES:
        (folder / name).write_bytes((CORPORA / name).read_bytes())
    (folder / "hostile.html").write_text(HOSTILE)
    out = tmp_path_factory.mktemp("out")
    summary = _analyze(folder, out, tmp_path_factory.mktemp("store") / "market.duckdb")
    assert summary["articles"] == len(PAGES) + 1
    return out


def _article_pages(out: Path) -> dict[str, Path]:
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    return {Path(r["source"]).name: out / "articles" / f"{r['id']}.html" for r in rows}


def test_index_loads_cleanly_sorts_and_is_screenshotted(report, browser, tmp_path):
    shot = tmp_path / "index.png"

    def sort_by_promotion(page):
        before = page.locator("tbody tr td:nth-child(5)").all_inner_texts()
        page.locator("th", has_text="promotional").click()
        ascending = page.locator("tbody tr td:nth-child(5)").all_inner_texts()
        page.locator("th", has_text="promotional").click()
        descending = page.locator("tbody tr td:nth-child(5)").all_inner_texts()
        assert sorted(before, key=float) == ascending and ascending == descending[::-1]
        assert page.locator("svg[aria-label]").count() == 1  # the sentiment chart

    visit = browser.visit(report / "report.html", screenshot=shot, action=sort_by_promotion)
    assert not visit.console_errors and not visit.page_errors and not visit.dialogs
    assert shot.stat().st_size > 10_000


def test_article_page_shows_roles_claims_and_marks(report, browser, tmp_path):
    seen = {}

    def inspect(page):
        promo = page.locator(".block.promo").first
        seen["struck"] = promo.evaluate("e => getComputedStyle(e).textDecorationLine")
        seen["roles"] = page.locator(".role").all_inner_texts()
        seen["claims"] = page.locator("[title]").evaluate_all("es => es.map(e => [e.className, e.title])")
        seen["tickers"] = page.locator(".ent sup").all_inner_texts()
        seen["figures"] = page.locator(".fig").count()

    shot = tmp_path / "article.png"
    visit = browser.visit(_article_pages(report)["newsletter-smallcap-weekly.html"], screenshot=shot, action=inspect)
    assert not visit.console_errors and not visit.page_errors
    assert seen["struck"] == "line-through"
    assert any(r.startswith(("sponsored", "call_to_action")) for r in seen["roles"])
    assert seen["claims"] and all(json.loads(title)["verdict"] for _, title in seen["claims"])
    assert "^RUT" in seen["tickers"] and seen["figures"] > 3
    assert shot.stat().st_size > 10_000


def test_hostile_page_runs_nothing_and_loads_nothing(report, browser, tmp_path):
    page_file = _article_pages(report)["hostile.html"]
    texts = {}

    def grab(page):
        texts["body"] = page.inner_text("body")
        texts["handlers"] = page.evaluate(
            "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
            ".filter(n => n.startsWith('on'))")
        texts["links"] = page.evaluate("() => [...document.links].map(a => a.getAttribute('href'))")
        texts["elements"] = page.evaluate("() => document.querySelectorAll('img,iframe,form,input,svg').length")

    for path in (page_file, report / "report.html"):
        visit = browser.visit(path, screenshot=tmp_path / f"{path.stem}.png", action=grab)
        assert not visit.dialogs, visit.dialogs
        assert not visit.page_errors
        assert [u for u in visit.requests if not u.startswith("file://")] == []
        assert texts["handlers"] == []
        assert all(not h.lower().strip().startswith("javascript") for h in texts["links"])
    # the article page: the hostile text is shown as text, and no element of the page came through
    browser.visit(page_file, action=grab)
    assert "<script>alert('escaped text')</script>" in texts["body"]
    assert "<svg onload=alert('svg')>" in texts["body"]
    assert texts["elements"] == 0
