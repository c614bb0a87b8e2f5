from nlp.parse.text import guess_title, split_text
from nlp.schema import BlockKind

NEWSLETTER = """Market Wrap: Quiet Gains

Nov.3 2025

Stocks edged higher on Monday as investors waited for the jobs report later in the week.
Key Moves
- Small caps rose 0.4%
- Treasury yields were flat
Sponsored by Example Metals Co.
Buy gold before it's too late.
Comments
"""


def test_lines_become_typed_blocks_in_reading_order():
    blocks = split_text(NEWSLETTER)
    kinds = [(k, t) for t, k, _ in blocks]
    assert kinds[0] == (BlockKind.HEADING, "Market Wrap: Quiet Gains")
    assert kinds[1] == (BlockKind.PARAGRAPH, "Nov.3 2025")  # a dateline is its own block
    assert (BlockKind.HEADING, "Key Moves") in kinds
    assert [t for k, t in kinds if k == BlockKind.LIST_ITEM] == ["Small caps rose 0.4%", "Treasury yields were flat"]
    texts = [t for _, t in kinds]
    assert "Sponsored by Example Metals Co." in texts  # debris lines stay separate blocks
    assert texts[-1] == "Comments"
    assert guess_title(blocks) == "Market Wrap: Quiet Gains"


def test_hard_wrapped_paragraphs_are_joined():
    text = ("This paragraph was wrapped at a fixed width by an email client so that\n"
            "every line is about the same length and none of them ends a sentence\n"
            "until the very last one.\n\nSecond paragraph.")
    blocks = split_text(text)
    assert len(blocks) == 2
    assert blocks[0][0].startswith("This paragraph") and blocks[0][0].endswith("last one.")


def test_markdown_structures():
    md = ("# Title\n\nSome **bold** and [a link](http://x.y).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
          "> quoted\n\n1. first\n2. second\n")
    blocks = split_text(md, markdown=True)
    assert blocks[0] == ("Title", BlockKind.HEADING, {"level": 1})
    assert blocks[1][0] == "Some bold and a link."
    assert blocks[2] == ("a | b\n1 | 2", BlockKind.TABLE, {})
    assert blocks[3][1] == BlockKind.QUOTE
    assert [b[0] for b in blocks if b[1] == BlockKind.LIST_ITEM] == ["first", "second"]


def test_fiscal_year_line_is_not_a_list():
    blocks = split_text("2012. A year to remember for the index, as gains came late.")
    assert blocks[0][1] == BlockKind.PARAGRAPH
