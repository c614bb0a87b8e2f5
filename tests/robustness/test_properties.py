"""Property-based tests: whatever the input, only documented errors, offsets inside the
text, exact round trips."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.entities import EntityLinker
from nlp.entities.store import SymbolStore
from nlp.errors import FinnewsError
from nlp.figures.numbers import find_quantities
from nlp.parse import parse_bytes
from nlp.parse.text import split_text
from nlp.promo.stage import PromoStage
from nlp.schema import Document

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HTML_BITS = st.sampled_from(["<p>", "</p>", "<div class='ad'>", "</div>", "<h2>", "</h2>", "<li>",
                             "<script>x</script>", "<table><tr><td>", "&amp;", "&#x0;", "<nav>", "</nav>", "\u200b",
                             "\u202e", "\x00", "<!--", "Sponsored by X", "Small caps rose 3%", "S&P 500", "$AAPL",
                             "1e308", "99999999999999999999%"])
TEXTISH = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


def _offsets_ok(doc: Document) -> None:
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text
    for ent in doc.entities:
        assert doc.text[ent.start:ent.end] == ent.text


@SETTINGS
@given(st.lists(st.one_of(HTML_BITS, TEXTISH), max_size=30))
def test_html_parser_never_crashes_and_offsets_hold(parts):
    data = "".join(parts).encode("utf-8", errors="surrogatepass")
    try:
        doc = parse_bytes(data, "fuzz.html")
    except FinnewsError:
        return
    _offsets_ok(PromoStage()(doc))


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_give_a_document_or_a_documented_error(data):
    try:
        doc = parse_bytes(data, "fuzz.txt")
    except FinnewsError:
        return
    _offsets_ok(doc)


@SETTINGS
@given(TEXTISH)
def test_text_splitter_keeps_blocks_non_empty(text):
    for block_text, _kind, _extra in split_text(text):
        assert block_text.strip()


@SETTINGS
@given(st.lists(st.one_of(TEXTISH, st.sampled_from(["2,576", "1.5–2%", "$251.82", "18 to 25 percent", "Q3", "2012–13",
                                                    "1e308", "99999999999999999999%", "three rate cuts", "-", "–",
                                                    "Rs 10.4 crore", "nearly 100%"])), max_size=12))
def test_figure_extractor_offsets_inside_the_text(parts):
    text = " ".join(parts)
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


@SETTINGS
@given(st.lists(st.one_of(TEXTISH, st.sampled_from(["$AAPL", "(NASDAQ: SOUN)", "Russell 2000’s", "(SNGX)", "C3.ai",
                                                    "small- and mid-caps", "AI", "NOW", "S&P", "("])), max_size=15))
def test_linker_offsets_inside_the_text(parts):
    text = " ".join(parts)
    for m in EntityLinker(SymbolStore()).link(text):
        assert text[m.start:m.end] == m.text


@SETTINGS
@given(st.text(max_size=300), st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1))),
       st.one_of(st.none(), st.floats(min_value=0, max_value=1)))
def test_document_json_round_trip_is_exact(text, published, promo):
    doc = Document(id="0" * 16, sha256="0" * 64, source="t.txt")
    doc.set_blocks([(part, "paragraph", {}) for part in text.split("\n\n") if part])
    doc.published = published
    doc.promotional_score = promo
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.to_json() == doc.to_json()


CSV_CELLS = st.sampled_from(["Date", "date", "Close", "close", "High", "Adj Close", "Volume", "2025-12-10",
                             "2025-13-45", "not a date", "2576.31", "-1", "0", "", "1e308", "nan", ",", "\"", "x"])


@SETTINGS
@given(st.lists(st.lists(CSV_CELLS, min_size=1, max_size=6), min_size=1, max_size=8))
def test_csv_importer_returns_clean_rows_or_a_documented_error(tmp_path_factory, rows):
    from nlp.market.importer import read_prices

    path = tmp_path_factory.mktemp("csv") / "^RUT.csv"
    path.write_text("\n".join(",".join(r) for r in rows))
    try:
        frame = read_prices(path)
    except FinnewsError:
        return
    assert frame["close"].gt(0).all()
    assert frame["date"].is_monotonic_increasing and not frame["date"].duplicated().any()
