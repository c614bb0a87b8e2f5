"""Evaluation gate on corpora/gold/figures/figures.json."""

import pytest

pytestmark = pytest.mark.shared


def test_figure_slots_on_gold(shared_dir):
    import benchmarks.figures as bench
    from nlp.pipeline import Pipeline

    pipe = Pipeline(["promo", "entities", "figures"])
    pairs = []
    for gold, doc in bench.documents():
        doc = pipe(doc)
        for g in gold:
            assert doc.text[g["start"]:g["end"]] == g["text"]
        pairs.append((gold, [f.model_dump() for f in doc.figures]))
    r = bench.score(pairs)
    # a regression gate at the measured level (BENCHMARKS.md). Precision is 0.958: this gold was
    # pre-annotated by the session-4 extractor, which read no durations and few number words, so
    # "three straight weeks" and "two decades" (figures by the current definition) count against
    assert r["value_unit"]["precision"] >= 0.95 and r["value_unit"]["recall"] >= 0.95
    assert r["period"]["precision"] >= 0.9 and r["period"]["recall"] >= 0.92
    assert r["subject"]["precision"] >= 0.9 and r["subject"]["recall"] >= 0.88


def test_a_table_cell_reads_its_unit_from_the_header():
    from nlp.parse import parse_bytes
    from nlp.pipeline import Pipeline

    page = ("<html><body><article><h1>Valuations</h1><p>Small caps look cheap against large caps today.</p>"
            "<table><tr><th>Index</th><th>Forward P/E</th></tr><tr><td>S&amp;P 500</td><td>22.4</td></tr>"
            "</table></article></body></html>")
    doc = Pipeline(["promo", "entities", "figures"])(parse_bytes(page.encode(), "t.html"))
    assert [(f.value, f.unit) for f in doc.figures if f.text == "22.4"] == [(22.4, "multiple")]
