"""The report explains itself: a dated chart with axes and the index, a flags column that
filters, each article's small-cap score with its evidence sentences, each claim once with its
verdict, computed value and price rows, and titles that are never a path or a promo block.
Built from hand-made documents (no models) and screenshotted at a desktop and a phone width."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from nlp.batch.report import display_title, write_report
from nlp.schema import Block, BlockKind, BlockRole, Check, Claim, Document, Flag, Sentence, TargetSentiment, Verdict

WIDTHS = (1280, 390)


def _doc(i: int, day, score: float, flags=(), title=None, source=None, blocks=None) -> Document:
    claim = "The Russell 2000 rose 3% last week."
    other = "Small caps look cheap against large caps."
    text = f"{claim}\n\n{other}"
    custom = blocks is not None
    blocks = blocks or [Block(start=0, end=len(claim), text=claim),
                        Block(start=len(claim) + 2, end=len(text), text=other)]
    text = "\n\n".join(b.text for b in blocks)
    if custom:  # other text: no sentences or claims at the default offsets
        return Document(id=f"{i:016d}", sha256="0" * 64, source=source or f"/home/analyst/n{i}.txt", title=title,
                        published=day, text=text, blocks=blocks, flags=[Flag(name=f) for f in flags],
                        sentiment=[TargetSentiment(target="small_caps", score=score, label="positive", sentences=1)])
    return Document(
        id=f"{i:016d}", sha256="0" * 64, source=source or f"/home/analyst/commentary/n{i}.html", title=title,
        published=day, text=text, blocks=blocks, stages=["sentiment", "claims", "verify"],
        sentences=[Sentence(start=0, end=len(claim), text=claim, block=0, targets={"small_caps": score}),
                   Sentence(start=len(claim) + 2, end=len(text), text=other, block=1, targets={"small_caps": 0.6})],
        sentiment=[TargetSentiment(target="small_caps", score=score, label="positive" if score > 0 else "negative",
                                   sentences=2, evidence=[0, 1])],
        claims=[Claim(start=0, end=len(claim), text=claim, claim_type="market_data", checkworthy=0.9)],
        verdicts=[Verdict(claim=0, verdict="contradicted", checks=[Check(
            instrument="^RUT", measure="pct_change", window_start=dt.date(2025, 11, 7),
            window_end=dt.date(2025, 11, 14), asserted=3.0, computed=-1.25, tolerance_low=2.95, tolerance_high=3.05,
            verdict="contradicted",
            rows=[{"symbol": "^RUT", "date": "2025-11-14", "field": "close", "value": 2388.2}])])],
        flags=[Flag(name=f) for f in flags])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from nlp.market.store import MarketStore

    path = tmp_path_factory.mktemp("store") / "market.duckdb"
    days = pd.bdate_range("2025-10-20", "2025-12-31")
    with MarketStore(path) as market:
        market.add(pd.DataFrame([{"symbol": "^RUT", "date": d.date(), "open": None, "high": None, "low": None,
                                  "close": 2400.0 + 5 * k, "volume": None, "adjusted": False, "provisional": False,
                                  "source": "test"} for k, d in enumerate(days)]))
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory, store):
    cta = "Subscribe now for our free small-cap picks!"
    body = "Small caps rallied as the Russell 2000 gained on the week."
    promo_titled = _doc(3, "2025-11-21", -0.3, ("call_to_action",), title=cta, blocks=[
        Block(start=0, end=len(cta), text=cta, role=BlockRole.CALL_TO_ACTION),
        Block(start=len(cta) + 2, end=len(cta) + 2 + len(body), text=body)])
    docs = [_doc(1, "2025-11-03", 0.4, ("unsupported_claim",), title="Small caps catch a bid"),
            _doc(2, dt.datetime(2025, 11, 14, 16, 30, tzinfo=dt.UTC), 0.1, ("unsupported_claim", "call_to_action")),
            promo_titled, _doc(4, "2025-12-05", 0.7)]
    out = tmp_path_factory.mktemp("report")
    write_report(out, docs, store)
    return out, docs


def test_titles_are_never_a_path_or_a_promo_block():
    doc = _doc(9, None, 0.1, source="/home/analyst/commentary/untitled.txt")
    assert display_title(doc) == "The Russell 2000 rose 3% last week."
    heading = Block(start=0, end=8, text="Headline", kind=BlockKind.HEADING)
    assert display_title(_doc(9, None, 0.1, title="/tmp/x/notes.txt", blocks=[heading])) == "Headline"


def test_index_chart_is_a_dated_svg_with_axes_and_the_index(report):
    out, _ = report
    page = (out / "report.html").read_text()
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert "aria-label='Small-cap sentiment of 4 articles from 2025-11-03 to 2025-12-05, with the Russell 2000" in svg
    assert "http://" not in re.sub(r'xmlns(:\w+)?="[^"]*"|rdf:resource="[^"]*"|[a-z]+:[a-z]+="http[^"]*"', "", svg)
    assert "<script" not in svg and "<image" not in svg
    assert page.count("<span class=flag>unsupported_claim</span>") == 2


@pytest.mark.parametrize("width", WIDTHS)
def test_index_at_two_widths_filters_by_flag(report, browser, width, tmp_path_factory):
    out, _ = report
    seen = {}
    shot = tmp_path_factory.mktemp("shots") / f"report-index-{width}.png"

    def act(page):
        page.set_viewport_size({"width": width, "height": 900})
        chart = page.locator(".chartbox").bounding_box()  # the chart scrolls inside it on a phone
        seen["chart_fits"] = chart["width"] <= width and chart["height"] > 100
        seen["axis_text"] = page.locator("svg.chart").evaluate("e => e.querySelectorAll('path, use').length")
        seen["titles"] = page.locator("#articles tbody tr td:first-child").all_inner_texts()
        page.locator(".filters input[value='call_to_action']").check()
        seen["filtered"] = page.locator("#articles tbody tr:not([hidden])").count()
        seen["shown"] = page.locator("#shown").inner_text()
        page.locator(".filters input[value='call_to_action']").uncheck()
        seen["all"] = page.locator("#articles tbody tr:not([hidden])").count()
        page.locator("#articles tbody tr").first.locator("summary").click()
        seen["evidence"] = page.locator("#articles tbody tr").first.locator(".evidence li").all_inner_texts()
        # responsive: the page itself never scrolls sideways; a wide table scrolls in its own box
        seen["overflow"] = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")

    visit = browser.visit(out / "report.html", screenshot=shot, action=act)
    print(f"screenshot: {shot}")
    assert not visit.console_errors and not visit.page_errors
    assert [u for u in visit.requests if not u.startswith("file://")] == []
    assert seen["chart_fits"] and seen["axis_text"] > 50
    assert seen["titles"] == ["Small caps catch a bid", "The Russell 2000 rose 3% last week.",
                              "Small caps rallied as the Russell 2000 gained on the week.",
                              "The Russell 2000 rose 3% last week."]
    assert seen["filtered"] == 2 and seen["shown"] == "2" and seen["all"] == 4
    assert seen["evidence"][0].startswith("+0.40 “The Russell 2000 rose 3%")
    assert seen["overflow"]
    assert shot.stat().st_size > 10_000


@pytest.mark.parametrize("width", WIDTHS)
def test_article_page_lists_each_claim_once_with_its_check(report, browser, width, tmp_path_factory):
    out, docs = report
    seen = {}
    shot = tmp_path_factory.mktemp("shots") / f"report-article-{width}.png"

    def act(page):
        page.set_viewport_size({"width": width, "height": 900})
        seen["body"] = page.inner_text("body")
        seen["marked"] = page.locator(".claim").count()
        seen["notes"] = page.locator("ol.claims li").all_inner_texts()
        seen["evidence"] = page.locator("ul.evidence li").all_inner_texts()
        seen["overflow"] = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")

    visit = browser.visit(out / "articles" / f"{docs[0].id}.html", screenshot=shot, action=act)
    print(f"screenshot: {shot}")
    assert not visit.console_errors and not visit.page_errors
    assert seen["body"].count("The Russell 2000 rose 3% last week.") == 2  # in the text, and as evidence
    assert seen["marked"] == 1 and len(seen["notes"]) == 1
    note = seen["notes"][0]
    assert note.startswith("contradicted") and "computed -1.25" in note and "stated 2.95 to 3.05" in note
    assert "2388.2" in note and "^RUT" in note
    assert "Small-cap sentiment: +0.40" in seen["body"] and len(seen["evidence"]) == 2
    assert seen["overflow"]
