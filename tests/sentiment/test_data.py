import pytest

from nlp.sentiment.data import LABELS, Example, phrasebank, phrasebank_lines, split_of, training_examples
from nlp.sentiment.targets import groups_of, hedged


def test_split_is_fixed_and_ignores_case_and_punctuation():
    assert split_of("Small caps rallied!") == split_of("small caps rallied")
    buckets = [split_of(f"sentence number {i}") for i in range(2000)]
    assert 0.07 < buckets.count("test") / 2000 < 0.13
    assert 0.07 < buckets.count("dev") / 2000 < 0.13


def test_example_split_follows_its_text():
    e = Example("Operating profit rose to EUR 13.1 mn.", 2, "fpb_50agree")
    assert e.split == split_of(e.text)
    assert LABELS[e.label] == "positive"


@pytest.mark.shared
def test_loaders_read_every_set_and_test_never_leaks(shared_dir):
    examples = training_examples(shared_dir / "data")
    sources = {e.source for e in examples}
    assert sources == {"fpb_50agree", "twitter", "sentfin", "fiqa", "semeval", "written", "counterfactual"}
    train_texts = {e.text.lower() for e in examples if e.split == "train"}
    test_texts = {e.text.lower() for e in examples if e.split == "test"}
    assert not train_texts & test_texts
    assert any(e.target for e in examples if e.source == "sentfin")


def test_phrasebank_files_are_read_in_their_own_encoding(tmp_path):
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes("Nokia's Espoo headquarters \u2013 net sales rose .@positive\n".encode("utf-8"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Ma\u00f1ana Oyj sold its unit .@neutral\n".encode("latin-1"))
    assert phrasebank_lines(utf8) == ["Nokia's Espoo headquarters \u2013 net sales rose .@positive"]
    assert phrasebank_lines(latin) == ["Ma\u00f1ana Oyj sold its unit .@neutral"]


@pytest.mark.shared
def test_every_all_agree_sentence_is_found_among_the_50_agree_ones(shared_dir):
    folder = shared_dir / "data"
    fifty = {e.text for e in phrasebank(folder)}
    all_agree = [e.text for e in phrasebank(folder, "AllAgree")]
    assert len(all_agree) > 1700
    assert not [text for text in all_agree if text not in fifty]


def test_target_groups():
    assert groups_of("small_caps", "segment", "small") == ["small_caps"]
    assert groups_of("^RUT", "index", "small") == ["small_caps", "^RUT"]
    assert groups_of("CRDO", "stock", "small") == ["small_caps", "CRDO"]
    assert groups_of("MAG7", "basket", "mega") == ["large_caps", "MAG7"]
    assert groups_of("NVDA", "stock", "mega") == ["large_caps", "NVDA"]
    assert groups_of(None, "organization", None) == []


def test_hedges_and_conditionals():
    assert hedged("If a downturn arrives, small caps could suffer.")
    assert not hedged("Small caps rose 3% this week.")


def test_counterfactual_examples_are_current_and_name_their_targets():
    import json
    import subprocess
    import sys

    from nlp.sentiment.data import COUNTERFACTUAL, counterfactual

    script = COUNTERFACTUAL.parent / "counterfactual" / "make_examples.py"
    run = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in COUNTERFACTUAL.read_text("utf-8").splitlines()]
    assert 300 <= len(rows) <= 1500
    assert all(row["target"] is None or row["target"] in row["text"] for row in rows)
    examples = list(counterfactual())
    assert {e.source for e in examples} == {"counterfactual"}
    assert {LABELS[e.label] for e in examples} == set(LABELS)
