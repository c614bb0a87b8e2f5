"""Pattern traps and big inputs: parsing costs time linear in the input, and input past the
parse byte bound is cut before parsing (W111)."""

import time

import pytest

from nlp.parse import ParseOptions, parse_bytes
from nlp.parse.decode import cut_bytes
from nlp.parse.html import _without_scripts
from nlp.parse.text import _heading, _strip_markdown, split_text
from nlp.schema import ContentFormat
from tests.robustness.hostile_corpus import Corpus, add_pattern_traps

# 1 s is the budget for any input under 1 MB; the margin is for a machine shared with
# another test run
BUDGET = 3.0


@pytest.fixture(scope="module")
def traps(tmp_path_factory):
    corpus = Corpus(tmp_path_factory.mktemp("traps"), seed=1)
    add_pattern_traps(corpus)
    return [corpus.root / m["path"] for m in corpus.manifest]


def test_every_pattern_trap_parses_within_budget(traps):
    slow = {}
    for path in traps:
        start = time.perf_counter()
        try:
            parse_bytes(path.read_bytes(), path.name)
        except Exception as err:  # noqa: BLE001 - an error row is fine; time is what counts here
            assert type(err).__name__ == "InputError", err
        seconds = time.perf_counter() - start
        if seconds > BUDGET:
            slow[path.name] = round(seconds, 2)
    assert not slow


@pytest.mark.parametrize(("line", "expected"), [
    ("**Small caps** rose [3%](http://x.com/a_(b)) on `IWM` and _breadth_", "Small caps rose 3% on IWM and breadth"),
    ("__Bold__ and *em* and ![chart](img.png)", "Bold and em and chart"),
    ("snake_case stays * lone star", "snake_case stays * lone star"),
    ("[" * 1000 + "x](y)", "[" * 999 + "x"),
])
def test_markdown_inline_markup_is_stripped(line, expected):
    assert _strip_markdown(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("## Small caps ##", (2, "Small caps")), ("# C#", (1, "C")), ("#Hashtag", None), ("####### seven", None),
    ("# a ## ##", (1, "a ##")),
])
def test_atx_headings(line, expected):
    assert _heading(line) == expected


def test_markdown_blocks_keep_their_kinds():
    text = "# Title\n\nIntro paragraph that is long enough.\n\n- **one** item\n> a *quote*\n\n## Next ##\n"
    blocks = [(t, k.value) for t, k, _ in split_text(text, markdown=True)]
    assert blocks == [("Title", "heading"), ("Intro paragraph that is long enough.", "paragraph"),
                      ("one item", "list_item"), ("a quote", "quote"), ("Next", "heading")]


def test_scripts_are_removed_in_one_pass():
    assert _without_scripts("a<script>x</script>b<STYLE type=x>y</style >c") == "a b c"
    assert _without_scripts("a<style>" + "<" * 100_000) == "a"  # an unclosed element runs to the end
    start = time.perf_counter()
    _without_scripts("<style>" * 50_000)
    assert time.perf_counter() - start < 1


def test_cut_bytes_ends_at_a_line_break_a_space_or_a_whole_character():
    assert cut_bytes(b"ab\ncd\nef", 7) == b"ab\ncd\n"
    assert cut_bytes(b"ab cd ef", 7) == b"ab cd "
    euro = "€".encode()  # three bytes
    assert cut_bytes(euro * 4, 7) == euro * 2
    assert cut_bytes(b"\xff\xfe" + "abc".encode("utf-16-le"), 7) == b"\xff\xfe" + "a".encode("utf-16-le")


@pytest.mark.parametrize("fmt", [ContentFormat.TEXT, ContentFormat.HTML])
def test_input_past_the_byte_bound_is_cut_with_a_warning(fmt):
    options = ParseOptions(max_parse_bytes=100_000)
    line = "Small caps rose 3% this week as breadth improved. "
    body = line * 20_000
    data = (f"<html><body><p>{body}</p></body></html>" if fmt == ContentFormat.HTML else body).encode()
    doc = parse_bytes(data, "big", options, content_format=fmt)
    assert "W111" in {issue.code for issue in doc.errors}
    assert 0 < sum(len(b.text) for b in doc.blocks) <= 100_000
    small = parse_bytes(line.encode() * 10, "small", options, content_format=fmt)
    assert "W111" not in {issue.code for issue in small.errors}


def test_the_claim_cue_patterns_are_linear_in_a_sentence_without_a_period():
    # a cue word every few words and no period: with an unbounded gap ("[^.;]*?") between a
    # cue and its figure, each cue scans the rest of the sentence, and the 30 MB single line
    # (cut to 100,000 characters) took over a minute in the verify stage
    from nlp.verify.query import rules

    sentence = "small caps rally earnings margin index breadth rose rate cut the of and to in " * 1_300
    _, measures = rules()
    start = time.perf_counter()
    for _, pattern in measures["compiled"]:
        for _ in pattern.finditer(sentence):
            pass
    assert time.perf_counter() - start < BUDGET
