"""Regression tests for the real-world bugs, each on a page written for it (the pages of
corpora/realworld, or the page from the issue)."""

from pathlib import Path

import nlp.promo.stage  # noqa: F401 - registers the stage
from nlp.parse import ParseOptions, load_document, parse_bytes
from nlp.pipeline import Pipeline
from nlp.render import render_text

PAGES = Path(__file__).resolve().parents[2] / "corpora" / "realworld"
PROMO = Pipeline(["promo"])

HARD_WRAPPED = (
    "<html><head><title>Small caps rally</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Small caps rally</h1>\n<p>Paragraph 1 of the story: the Russell 2000 rose\n1.5% on the "
    "week as small caps\nrallied on rate-cut hopes and strong earnings.</p>\n<p>Paragraph 2 of the story: "
    "the index is\n2.5% below its record after\nthe rally, with breadth improving.</p>\n</article>"
    "<footer>(c) Site</footer></body></html>"
)


def _folded(text: str) -> str:
    return " ".join(text.split())


def test_hard_wrapped_paragraphs_stay_in_the_article():
    doc = PROMO(parse_bytes(HARD_WRAPPED.encode(), "page.html"))
    text = render_text(doc)
    assert "the Russell 2000 rose 1.5% on the week as small caps rallied on rate-cut hopes" in text
    assert "the index is 2.5% below its record after the rally" in text
    # a newline in HTML source is a space: the block text is not hard-wrapped either
    assert all("\n" not in b.text for b in doc.blocks if b.kind.value == "paragraph")
    assert not any("duplicate_of" in c for b in doc.blocks for c in b.cues)


def test_hard_wrapped_cms_page_keeps_every_paragraph():
    doc = PROMO(load_document(PAGES / "cms-hardwrap-library.html"))
    article = _folded(doc.article_text())
    assert (
        "Millbrook's new community library opened its doors on Saturday morning, six years after"
        in article
    )
    assert "Membership is free for everyone who lives or works in the town." in article
    assert "Contact us" not in article


def test_finnews_own_linearizer_folds_source_breaks_but_not_inside_pre():
    page = (
        b"<html><body><article><p>A hard-wrapped\nparagraph of the story.</p>"
        b"<pre>line one\nline two</pre></article></body></html>"
    )
    doc = parse_bytes(page, "pre.html", ParseOptions(keep_all_text=True))
    assert [b.text for b in doc.blocks] == [
        "A hard-wrapped paragraph of the story.",
        "line one\nline two",
    ]


def test_xhtml_with_an_xml_declaration_is_read(tmp_path):
    for name in ("xhtml-museum-notes.xhtml", "xhtml-strict-field-guide.html"):
        doc = PROMO(load_document(PAGES / name))
        assert not [e for e in doc.errors if e.severity == "error"]
        assert len(doc.article_text()) > 500, name
    page = (
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">'
        "<head><title>Tide tables</title></head><body><article><p>"
        + "The tide turns twice a day. " * 20
        + "</p></article></body></html>"
    )
    doc = parse_bytes(page.encode("utf-8"), "tides.xhtml")
    assert doc.title == "Tide tables" and "The tide turns" in doc.article_text()


def test_sign_offs_and_closing_lines_are_kept():
    for name, lines in {
        "blog-sourdough-signoff.html": ["Happy baking, and see you next Saturday!", "— Marta"],
        "recipe-blog-signoff.html": ["Enjoy!", "xo, Dana"],
        "obituary-closing-line.html": ["She will be greatly missed."],
        "newsletter-email-signoff.html": [
            "Warm wishes,",
            "Ruth",
            "P.S. Plot 14 is free from April. Ask at the shed if you know someone who wants it.",
        ],
    }.items():
        article = PROMO(load_document(PAGES / name)).article_text().split("\n\n")
        for line in lines:
            assert line in article, (name, line)


def test_a_staff_signature_before_text_marked_chrome_is_still_debris():
    paragraph = (
        "The harbour board met on Tuesday and agreed to dredge the channel before the summer, "
        "after two yachts ran aground on the bar in a single week, and the pilots asked for "
        "the work to start at once, before the regatta brings two hundred boats into the bay."
    )
    text = "\n\n".join([paragraph, "Daniel Cross", "Editor • The Harbour Times", "Keep Reading"])
    roles = [b.role.value for b in PROMO(parse_bytes(text.encode(), "t.txt")).blocks]
    assert roles == ["article", "boilerplate", "boilerplate", "boilerplate"]


def test_repeated_questions_and_choruses_are_kept():
    potters = _folded(PROMO(load_document(PAGES / "interview-three-potters.html")).article_text())
    assert potters.count("How did you first come to clay, and what kept you at the wheel?") == 3
    podcast = _folded(
        PROMO(load_document(PAGES / "interview-podcast-transcript.html")).article_text()
    )
    assert podcast.count("SAM: What do beginners get wrong most often?") == 2
    song = _folded(PROMO(load_document(PAGES / "lyrics-harbour-lights.html")).article_text())
    assert song.count("Bring them home through the long, long night") == 3
    hymn = _folded(PROMO(load_document(PAGES / "lyrics-hymn-of-the-fells.txt")).article_text())
    assert hymn.count("Sing out for all who wander") == 3


def test_a_site_name_repeated_on_the_page_is_still_boilerplate():
    paragraph = (
        "Volunteers planted four hundred trees along the river on Saturday, the largest "
        "planting the town has seen, and the council promised to water them through the summer."
    )
    text = "\n\n".join(["The Riverside Post", paragraph, "The Riverside Post"])
    roles = [b.role.value for b in PROMO(parse_bytes(text.encode(), "t.txt")).blocks]
    assert roles == ["boilerplate", "article", "boilerplate"]


def test_a_long_read_is_kept_whole():
    doc = PROMO(load_document(PAGES / "longform-skerry-rock-logbooks.html"))
    assert "W108" not in {e.code for e in doc.errors}
    article = doc.article_text()
    assert len(article) > 40_000
    assert article.rstrip().endswith("deserve an audience at last.")
    as_text = parse_bytes(article.encode(), "long.txt")
    assert "W108" not in {e.code for e in as_text.errors} and len(as_text.text) > 40_000


def test_a_dateline_without_a_year_takes_the_year_the_text_names():
    from nlp.parse import parse_bytes

    text = b"NEW YORK, Jan 28 (Keystone Wire) - Chip stocks rebounded on Tuesday.\n\n(c) 2025 Keystone Wire\n"
    doc = parse_bytes(text, "wire.txt")
    assert str(doc.published) == "2025-01-28"


def test_datelines_with_the_agency_first_or_without_a_place():
    from nlp.parse import parse_bytes

    agency_first = b"NEW YORK (Harbour Wire) \xe2\x80\x94 Nov. 6, 2024 \xe2\x80\x94 Stocks surged on Wednesday.\n"
    assert str(parse_bytes(agency_first, "a.txt").published) == "2024-11-06"
    no_place = b"Oct 15 (Harbour Wire) - Small caps climbed on Wednesday.\n\n(c) 2025 Harbour Wire\n"
    assert str(parse_bytes(no_place, "b.txt").published) == "2025-10-15"
    british = b"LONDON, 20 January 2024 (Harbour Wire) - Shares rose on Friday.\n"
    assert str(parse_bytes(british, "c.txt").published) == "2024-01-20"
    assert parse_bytes(b"March was hard - for small caps.\n", "d.txt").published is None


def test_a_byline_time_with_its_zone_is_kept():
    from nlp.parse.dates import parse_date

    stamp = parse_date("By Ann Lee | Updated Dec. 19, 2024 8:47 a.m. ET")
    assert (stamp.hour, stamp.minute, str(stamp.tzinfo)) == (8, 47, "America/New_York")
    assert parse_date("Jan. 9, 2025 4:05 p.m. ET").hour == 16
    assert str(parse_date("December 24, 2025")) == "2025-12-24"  # no time: a date


def test_a_text_byline_gives_date_and_author_and_is_not_a_newsletter_pitch():
    text = (b"# Mid-month check\n\n**By Ann Lee | January 16, 2026 | The Tally, a Fernhill newsletter**\n\n"
            b"Small caps rose 2% in the first half of the month, led by regional banks.\n")
    doc = PROMO(parse_bytes(text, "note.md"))
    assert str(doc.published) == "2026-01-16" and doc.published_source.value == "byline"
    assert doc.authors == ["Ann Lee"]
    byline = next(b for b in doc.blocks if b.text.startswith("**By") or b.text.startswith("By"))
    assert byline.role.value == "boilerplate" and byline.cues == ["text:byline"]
    assert "Small caps rose 2%" in doc.article_text() and "Fernhill" not in doc.article_text()


def test_a_forum_submission_line_dates_the_post_but_prose_does_not():
    post = b"r/Tape\n\nFriday recap\n\nsubmitted Aug 2, 2025 by u/some_trader | 412 points\n\nStocks fell hard.\n"
    assert str(parse_bytes(post, "post.txt").published) == "2025-08-02"
    prose = b"Stocks fell hard.\n\nBy the close on March 3, 2025 the index had lost 4% from its peak.\n"
    assert parse_bytes(prose, "prose.txt").published is None


def test_every_entry_of_a_live_blog_is_kept():
    # trafilatura's fast setting keeps only the first, longest entry of a live blog
    first = "".join(f"<p>Wrap {k}: for the week the S&amp;P 500 lost {k}.4%, and the desk is glad to see this "
                    "Friday end at last.</p>" for k in range(5))
    later = "".join(f"<section class='entry'><h3>{3 - n % 3}:{10 + n} p.m. ET &mdash; Update {n}</h3><p>Entry {n}: "
                    f"the Russell 2000 dropped {n}.5% as small caps took the brunt of the selling.</p></section>"
                    for n in range(5))
    page = ("<html><head><title>LIVE: stocks slide</title></head><body><nav><a href='/'>Home</a> | "
            "<a href='/live'>Live</a></nav><main><h1>LIVE: stocks slide</h1><p class='byline'>Tape Watch Live, "
            "with A. Writer &middot; Updated 4:25 p.m. ET</p><section class='entry'><h3>4:25 p.m. ET &mdash; "
            f"Wrapping up</h3>{first}</section>{later}</main><footer>(c) Site</footer></body></html>")
    text = PROMO(parse_bytes(page.encode(), "live.html")).article_text()
    assert "Wrap 4:" in text and all(f"Entry {n}: the Russell 2000" in text for n in range(5))
