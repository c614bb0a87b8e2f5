import pytest
from lxml import etree

from nlp.errors import InputError
from nlp.parse import ParseOptions, parse_bytes
from nlp.schema import BlockKind, ContentFormat

ARTICLE = """<html lang="en"><head><title>Page title</title>
<meta property="og:title" content="OG headline"><meta property="article:published_time" content="2025-09-01T10:00:00Z">
</head><body><nav><a href="/">Home</a><a href="/m">Markets</a></nav>
<article><h1>OG headline</h1>
<p>Small caps extended their rally on Tuesday as the Russell 2000 rose for a fifth session, \
its longest streak since spring.</p>
<h2>Why it matters</h2>
<p>Rate-sensitive companies benefit the most from cheaper funding, analysts said, \
and the moves in bank shares showed it.</p>
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
    assert [e.code for e in doc.errors] == ["W111", "W108"]  # bytes past 2 MB never parsed


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


def _sentences(topic: str, n: int) -> str:
    return " ".join(f"The {topic} report number {i} said that small caps gained while funding costs eased again."
                    for i in range(n))


def test_a_quote_of_bare_text_stays_in_the_article():
    page = (f"<html><body><article><h1>Rally</h1><p>{_sentences('first', 4)}</p>"
            "<blockquote>“Breadth is improving for the first time in a year,” said a strategist in Boston.</blockquote>"
            f"<p>{_sentences('second', 4)}</p></article></body></html>")
    doc = parse_bytes(page.encode(), "q.html")
    quotes = [b for b in doc.blocks if b.kind == BlockKind.QUOTE]
    assert quotes and "Breadth is improving" in quotes[0].text
    assert "Breadth is improving" in doc.article_text()


def test_a_page_laid_out_in_tables_is_prose_not_a_table():
    """In a layout table (whole page in cells) an id like "ad_body" on the article's own
    wrapper holds most of the prose, so it is not credible as an ad slot."""
    from nlp.parse.html import parse_tree
    from nlp.parse.html_blocks import linearize
    from nlp.parse.html_content import label_roles

    paragraphs = "".join(f"<div>{_sentences(f'part {k}', 3)}</div>" for k in range(5))
    page = (f"<html><body><table><tr><td><div id='ad_body'>{paragraphs}</div></td>"
            "<td><div class='ad-slot'><div>Buy gold coins today from the mint that has served investors "
            "for years.</div>"
            "</div></td></tr></table></body></html>")
    blocks = label_roles(linearize(parse_tree(page, "t.html").find("body")))
    prose = [b for b in blocks if "part" in b.text]
    assert len(prose) == 5 and all(b.kind == "paragraph" and b.role is None for b in prose)
    assert [b.role for b in blocks if "gold" in b.text] == ["sponsored"]


def test_precision_first_falls_back_when_it_drops_the_article(monkeypatch):
    from nlp.parse import html

    article = [("A long article paragraph. " * 100, BlockKind.PARAGRAPH, {})]
    teaser = [("A teaser line.", BlockKind.PARAGRAPH, {})]
    calls = []

    def fake_pass(root, options, favor_precision, fast):
        calls.append((favor_precision, fast))
        return teaser if favor_precision else article

    monkeypatch.setattr(html, "_trafilatura_pass", fake_pass)
    assert html._trafilatura_blocks(None, ParseOptions(), page_chars=5_000) == article
    assert calls == [(True, True), (False, False)]  # the second opinion is the thorough balanced pass
    calls.clear()
    # the precision text is short but not much shorter than the balanced one: it is kept
    monkeypatch.setattr(html, "_trafilatura_pass",
                        lambda root, options, favor_precision, fast: calls.append(favor_precision) or teaser)
    assert html._trafilatura_blocks(None, ParseOptions(), page_chars=5_000) == teaser
    assert calls == [True, False]
    calls.clear()
    # long enough, and a fair share of the page: one pass; balanced mode on request
    monkeypatch.setattr(html, "_trafilatura_pass",
                        lambda root, options, favor_precision, fast: calls.append(favor_precision) or article)
    html._trafilatura_blocks(None, ParseOptions(), page_chars=3_000)
    html._trafilatura_blocks(None, ParseOptions(favor_precision=False), page_chars=3_000)
    assert calls == [True, False]


@pytest.mark.parametrize("favor_precision", [True, False])
def test_trafilatura_xml_is_trafilatura_extract_without_the_fingerprint(favor_precision):
    import trafilatura
    from lxml import etree

    from nlp.parse import html

    root = html.parse_tree(ARTICLE, "a.html")
    ours = html.trafilatura_xml(root, None, favor_precision, fast=True)
    theirs = trafilatura.extract(root, output_format="xml", include_comments=False, include_tables=True,
                                 include_formatting=False, with_metadata=False, deduplicate=False,
                                 favor_precision=favor_precision, fast=True)
    assert "fifth session" in ours
    main = [etree.tostring(etree.fromstring(x.encode()).find("main")) for x in (ours, theirs)]
    assert main[0] == main[1]
    # the options are built once per kind of pass, and trafilatura leaves them as they were
    assert html.trafilatura_xml(root, None, favor_precision, fast=True) == ours
    assert html._extractor(None, favor_precision, True) is html._extractor(None, favor_precision, True)


@pytest.mark.parametrize("attribute_chars", [19_990, 19_999, 20_000, 20_001, 20_020, 20_040])
def test_a_tag_is_reduced_to_its_name_from_the_limit_on_as_the_plain_pattern_would(attribute_chars):
    import re

    from nlp.parse.html import MAX_TAG_CHARS, shrink_oversized_tags

    # the backtracking pattern the look-aheads stand for (slow on ordinary tags, same result)
    plain = re.compile(rf"<([A-Za-z][\w:-]{{0,30}})[^<>]{{{MAX_TAG_CHARS},}}>")
    for name in ("p", "custom-element-with-a-long-name-x", "a" * 40):
        page = f"<div>x</div><{name} " + "d" * (attribute_chars - len(name) - 1) + ">text</p><b>y</b>"
        assert shrink_oversized_tags(page) == plain.subn(r"<\1>", page)


def test_the_element_count_is_what_iterating_the_tree_gives_up_to_the_limit():
    from nlp.parse.html import _element_count, parse_tree

    root = parse_tree(ARTICLE, "a.html")
    root.append(etree.Comment("kept in this tree"))  # the parser drops comments; iter() counts them
    every = len(list(root.iter()))
    assert _element_count(root, 10_000) == every
    assert _element_count(root, every - 1) == every  # over the limit: limit + 1
    assert _element_count(root, 5) == 6


def test_the_tree_has_lxml_html_elements_without_the_python_class_lookup():
    import lxml.html

    from nlp.parse.html import parse_tree

    root = parse_tree("<html><body><form><input name='q'><p>Rates <b>rose</b>.</p></form></body></html>", "f.html")
    assert all(isinstance(el, lxml.html.HtmlElement) for el in root.iter())
    assert type(root.find(".//form")) is lxml.html.HtmlElement  # not lxml.html's FormElement
    assert root.find(".//p").text_content() == "Rates rose."


def test_indentation_between_tags_is_one_space_or_nothing():
    from nlp.parse.html import parse_tree
    from nlp.parse.html_blocks import linearize

    page = ("<html><body>\n  <div>\r\n\t</div>\n  <p>\n    Rates\n    <b>rose</b>\n  </p>\n"
            "  <p>\u00a0\n</p>\n  <p>Small\n\n  caps</p>\n</body></html>")
    assert [b.text for b in linearize(parse_tree(page, "t.html").find("body"))] == ["Rates rose", "Small caps"]
