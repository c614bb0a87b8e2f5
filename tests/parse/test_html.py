import pytest

from nlp.errors import InputError
from nlp.parse import ParseOptions, parse_bytes
from nlp.schema import BlockKind, ContentFormat

ARTICLE = """<html lang="en"><head><title>Page title</title>
<meta property="og:title" content="OG headline"><meta property="article:published_time" content="2025-09-01T10:00:00Z">
</head><body><nav><a href="/">Home</a><a href="/m">Markets</a></nav>
<article><h1>OG headline</h1>
<p>Small caps extended their rally on Tuesday as the Russell 2000 rose for a fifth session, its longest streak since spring.</p>
<h2>Why it matters</h2>
<p>Rate-sensitive companies benefit the most from cheaper funding, analysts said, and the moves in bank shares showed it.</p>
<ul><li>Banks up 2%, the best sector of the day.</li><li>Utilities down 1%, the worst sector of the day.</li></ul>
<blockquote><p>This is a broadening rally, not a squeeze, said one strategist in New York.</p></blockquote>
</article><footer>Copyright 2025 Example Media. All rights reserved.</footer></body></html>"""


def test_article_blocks_kinds_and_metadata():
    doc = parse_bytes(ARTICLE.encode(), "a.html")
    assert doc.content_format == ContentFormat.HTML
    assert doc.title == "OG headline" and str(doc.published).startswith("2025-09-01")
    assert doc.language == "en"
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["Why it matters"] == BlockKind.HEADING
    assert kinds["Banks up 2%, the best sector of the day."] == BlockKind.LIST_ITEM
    assert any(k == BlockKind.QUOTE for k in kinds.values())
    text = doc.article_text()
    assert "fifth session" in text and "All rights reserved" not in text and "Markets" not in text


def test_all_text_mode_keeps_chrome():
    doc = parse_bytes(ARTICLE.encode(), "a.html", ParseOptions(keep_all_text=True))
    assert "All rights reserved" in doc.text


def test_deep_nesting_is_flattened_not_crashing():
    depth = 10_000
    page = ("<div>" * depth + "<p>deep words here that matter a lot to the reader.</p>" + "</div>" * depth)
    doc = parse_bytes(page.encode(), "deep.html")
    assert "deep words" in doc.text or any(e.code in ("W104", "W105", "W107") for e in doc.errors)


def test_javascript_only_page_gives_warning_not_crash():
    doc = parse_bytes(b"<html><body><div id=app></div><script>render()</script></body></html>", "js.html")
    assert doc.blocks == []
    assert any(e.code == "W105" for e in doc.errors)


def test_malformed_html_still_parses():
    doc = parse_bytes(b"<html><body><p>Unclosed <b>bold <i>and <p>more text here</div></span>", "bad.html")
    assert "more text here" in doc.text


def test_oversized_input_refused_with_path():
    with pytest.raises(InputError, match="E105") as err:
        parse_bytes(b"<p>x</p>" * 1000, "big.html", ParseOptions(max_input_bytes=1000))
    assert "big.html" in str(err.value)


def test_single_line_page_of_many_megabytes(tmp_path):
    body = ("<p>" + "word " * 40 + "</p>") * 60_000  # ~12 MB on one line
    doc = parse_bytes(f"<html><body>{body}</body></html>".encode(), "huge.html")
    limit = ParseOptions().max_text_chars
    assert doc.blocks and limit - 300 < len(doc.text) <= limit  # cut at a block boundary
    assert [e.code for e in doc.errors] == ["W108"]


def test_text_over_the_cap_is_cut_at_a_space_with_a_warning():
    doc = parse_bytes(("word " * 5000).encode(), "one-line.txt", ParseOptions(max_text_chars=1000))
    assert 500 < len(doc.text) <= 1000 and doc.text.endswith("word")
    assert "W108" in {e.code for e in doc.errors}


def test_markup_nested_beyond_the_parser_limit_keeps_its_text():
    page = "<html><body>" + "<div>" * 10_000 + "Small caps rose 3% this week." + "</div>" * 10_000 + "</body></html>"
    doc = parse_bytes(page.encode(), "deep.html")
    assert doc.text == "Small caps rose 3% this week."
    assert "W109" in {e.code for e in doc.errors}


def test_tag_with_fifty_thousand_attributes_is_reduced_to_its_name():
    page = "<html><body><p " + " ".join(f"a{i}='{i}'" for i in range(50_000)) + ">Small caps rose.</p></body></html>"
    doc = parse_bytes(page.encode(), "attrs.html")
    assert doc.text == "Small caps rose." and "W110" in {e.code for e in doc.errors}


def test_id_is_content_hash():
    a = parse_bytes(ARTICLE.encode(), "a.html")
    b = parse_bytes(ARTICLE.encode(), "elsewhere.html")
    assert a.id == b.id and len(a.id) == 16 and a.sha256.startswith(a.id)
