"""The promo stage on hand-built documents."""

from nlp.parse import parse_bytes
from nlp.promo.stage import PromoStage


def analyse(text: str, name: str = "t.txt"):
    return PromoStage()(parse_bytes(text.encode("utf-8"), name))


def roles(doc):
    return [(b.role.value, b.text[:25]) for b in doc.blocks]


ARTICLE_1 = ("Small caps had a strong quarter as investors rotated out of the largest technology "
             "stocks and into cheaper corners of the market. The Russell 2000 rose 9%, its best "
             "quarter in two years, while the S&P 500 added 3%.")
ARTICLE_2 = ("Valuations still favour the smaller names. On forward earnings the Russell 2000 "
             "trades near 15 times against 22 times for large caps, a gap that has rarely been "
             "wider outside of recessions, according to the strategists we follow.")


def test_an_ad_run_between_sections_is_sponsored_and_the_article_resumes():
    text = "\n\n".join([
        ARTICLE_1, "Sponsored by Golden Vault Partners", "A famous investor just issued a warning...",
        "Your savings could vanish before it's too late.", "Only a few assets can survive.",
        "Don't ignore this warning.", "Where Rates Go Next", ARTICLE_2])
    doc = analyse(text)
    got = [b.role.value for b in doc.blocks]
    assert got == ["article", "sponsored", "sponsored", "sponsored", "sponsored", "sponsored", "article", "article"]
    assert "Golden Vault" not in doc.article_text() and "Golden Vault" in doc.text
    names = {f.name for f in doc.flags}
    assert "sponsored_content" in names and "stock_promotion" in names
    assert "undisclosed_promotion" not in names  # the ad is labelled


def test_a_sponsor_line_before_a_section_heading_takes_nothing_with_it():
    text = "\n\n".join([ARTICLE_1, "Sponsored by Golden Vault Partners", "Sector Spotlights Ahead",
                        "Industrials: order books are growing again at regional machinery makers.", ARTICLE_2])
    got = [b.role.value for b in analyse(text).blocks]
    assert got == ["article", "sponsored", "article", "article", "article"]


def test_calls_to_action_chat_leftovers_and_disclosures():
    text = "\n\n".join([
        "This post contains the author's opinion and may show bias.", ARTICLE_1,
        "Subscribe to Rate Watch for daily alerts.",
        "Would you like me to turn this into a bullet list for your newsletter?"])
    doc = analyse(text)
    assert [b.role.value for b in doc.blocks] == ["disclosure", "article", "call_to_action", "chat_artifact"]
    chat = next(b for b in doc.blocks if b.role.value == "chat_artifact")
    assert chat.cues == ["text:assistant_offer"] and chat.role_confidence > 0.9
    assert {"call_to_action", "chat_artifact"} <= {f.name for f in doc.flags}


def test_duplicates_repeated_site_names_dates_and_trailing_debris():
    text = "\n\n".join([ARTICLE_1, ARTICLE_2, ARTICLE_1, "Jane Doe", "Clear thinking. Daily.", "Keep Reading",
                        "No posts found", "Dec.24 2025", "Market Wire", "Market Wire"])
    doc = analyse(text)
    assert [b.role.value for b in doc.blocks] == ["article", "article"] + ["boilerplate"] * 8
    dup = doc.blocks[2]
    assert dup.cues == ["duplicate_of:0"]
    assert "duplicated_paragraphs" in {f.name for f in doc.flags}


def test_a_short_closing_line_with_nothing_after_it_stays_article():
    text = "\n\n".join([ARTICLE_1, "Trading volume was 10% above average."])
    assert [b.role.value for b in analyse(text).blocks] == ["article", "article"]


def test_hype_in_article_text_without_a_label_is_undisclosed_promotion():
    text = "\n\n".join([
        "We believe shares of Tiny Mining Co could rise tenfold once drilling results arrive, "
        "the discovery of the decade hiding in plain sight while Wall Street looks away from it.",
        "Insiders have been buying, and this opportunity will not wait for the big funds to notice."])
    doc = analyse(text)
    flags = {f.name: f for f in doc.flags}
    assert "stock_promotion" in flags and "undisclosed_promotion" in flags
    assert doc.promotional_score >= 0.5
    assert any("tenfold" in e for e in flags["stock_promotion"].evidence)


def test_plain_reporting_scores_zero():
    doc = analyse("\n\n".join([ARTICLE_1, ARTICLE_2]))
    assert doc.flags == [] and doc.promotional_score == 0.0


def test_html_structure_sets_roles_and_text_can_refine_them():
    html = (b"<html><body><nav><a href='/'>Home</a> <a href='/m'>Markets</a></nav><article><h1>T</h1>"
            b"<p>" + ARTICLE_1.encode() + b"</p><div class='ad-slot'><p>Buy gold coins today, the best hedge for you "
            b"and your family.</p></div><p>" + ARTICLE_2.encode() + b"</p></article>"
            b"<footer><p>This article is not investment advice.</p><p>Privacy - Terms</p></footer></body></html>")
    doc = analyse(html.decode(), "t.html")
    by_text = {b.text[:20]: b.role.value for b in doc.blocks}
    assert by_text["Buy gold coins today"] == "sponsored"
    assert by_text["This article is not "] == "disclosure"  # a footer that is a disclosure
    assert ARTICLE_1 in doc.article_text() and ARTICLE_2 in doc.article_text()
    assert "Buy gold" not in doc.article_text() and "Buy gold" in doc.text
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text


def test_text_overrules_a_structural_role_only_with_a_specific_role():
    # a menu link that says "subscribe" stays navigation; a menu entry that is a disclosure,
    # and a footer line that is a call to action, take the role their text shows; an ad slot
    # that carries a disclaimer stays an ad
    html = (b"<html><body><nav><a href='/s'>Subscribe to our newsletter</a></nav>"
            b"<nav><a href='/d'>This article is not investment advice.</a></nav><article>"
            b"<p>" + ARTICLE_1.encode() + b"</p><div class='ad-slot'><p>Not investment advice. Buy gold coins "
            b"today.</p></div><p>" + ARTICLE_2.encode() + b"</p></article>"
            b"<footer><p>Subscribe to Rate Watch for daily alerts.</p></footer></body></html>")
    doc = analyse(html.decode(), "t.html")
    by_text = {b.text[:20]: (b.role.value, b.cues) for b in doc.blocks}
    assert by_text["Subscribe to our new"][0] == "navigation"
    assert by_text["This article is not "] == ("disclosure", ["text:not_advice"])
    assert by_text["Not investment advic"][0] == "sponsored"
    assert by_text["Subscribe to Rate Wa"] == ("call_to_action", ["text:subscribe"])


def test_a_repeated_heading_is_a_section_label_but_a_repeated_name_line_is_boilerplate():
    day = ("Eat one to two hours after your workout: a cup of zucchini noodles with four ounces of "
           "cooked chicken and half a cup of edamame, dressed with sesame oil and rice vinegar.")
    text = "\n\n".join(["# Seven Days of Meals", "## Meal 1", day, "Small Cap Network", "## Meal 1",
                        day.replace("zucchini", "rice"), "Small Cap Network"])
    doc = analyse(text, "plan.md")
    got = [(b.kind.value, b.role.value) for b in doc.blocks]
    assert got == [("heading", "article"), ("heading", "article"), ("paragraph", "article"),
                   ("paragraph", "boilerplate"), ("heading", "article"), ("paragraph", "article"),
                   ("paragraph", "boilerplate")]
