import json

import pytest

from nlp.sentiment.transfer import UNLABELLED, detokenise, finer_ord, finnum_posts, transfer_examples

FINER_ROWS = [  # (label, token, doc, sentence): 5 ORG begins, 6 ORG continues, 1 a person
    (0, '"', 0, 0), (5, "Acme", 0, 0), (6, "Holdings", 0, 0), (0, "will", 0, 0), (0, "buy", 0, 0),
    (5, "Bolt", 0, 0), (0, ",", 0, 0), (0, '"', 0, 0), (1, "Smith", 0, 0), (0, "said", 0, 0), (0, ".", 0, 0),
    (6, "Corp", 0, 1), (0, "shares", 0, 1), (0, "fell", 0, 1), (0, "5", 0, 1), (0, "%", 0, 1), (5, "Corp", 0, 1),
    (0, "Too", 1, 0), (0, "short", 1, 0),
]


@pytest.fixture
def data_dir(tmp_path):
    finer = tmp_path / "finer-ord" / "data" / "train"
    finer.mkdir(parents=True)
    lines = ["gold_label,gold_token,doc_idx,sent_idx"] + [f'{a},"{b.replace(chr(34), 2 * chr(34))}",{c},{d}'
                                                         for a, b, c, d in FINER_ROWS]
    (finer / "train.csv").write_text("\n".join(lines) + "\n")
    (tmp_path / "finnum1").mkdir()
    posts = [{"idx": 0, "tweet": "$ACME looks cheap here vs $BOLT.B &amp; $ACME again at $12"},
             {"idx": 1}, {"idx": 2, "tweet": "$X up"}]
    (tmp_path / "finnum1" / "FinNum_training_rebuilded.json").write_text(json.dumps(posts))
    return tmp_path


def test_detokenise_rebuilds_the_sentence_and_each_tokens_span():
    tokens = ['"', "Sales", "rose", "(", "5", "%", ")", ",", '"', "Acme", "'s", "chief", "said", "."]
    text, spans = detokenise(tokens)
    assert text == '"Sales rose (5%)," Acme\'s chief said.'
    assert [text[s:e] for s, e in spans] == tokens


def test_finer_ord_reads_organisations_as_unlabelled_targets(data_dir):
    first, second = finer_ord(data_dir)  # the two-word sentence is too short to teach anything
    assert first.text == '"Acme Holdings will buy Bolt," Smith said.' and first.sentence_label is None
    assert [first.text[s:e] for s, e, _ in first.targets] == ["Acme Holdings", "Bolt"]
    assert {label for _, _, label in first.targets} == {UNLABELLED}
    # a name opened by a stray inside tag is still a name; a repeated name is kept once
    assert [second.text[s:e] for s, e, _ in second.targets] == ["Corp"]


def test_finnum_posts_unescape_the_text_and_take_each_cashtag_once(data_dir):
    (post,) = finnum_posts(data_dir)  # a post never re-crawled and a three-word post are skipped
    assert "&" in post.text and "&amp;" not in post.text
    assert [post.text[s:e] for s, e, _ in post.targets] == ["$ACME", "$BOLT.B"]  # "$12" is a price


def test_transfer_examples_leave_out_labelled_texts_and_refuse_unknown_sources(data_dir):
    both = transfer_examples(data_dir, ("finer-ord", "finnum1"), set())
    assert len(both) == 3
    labelled = {"CORP shares fell 5% Corp"}  # the same sentence up to case and punctuation
    assert len(transfer_examples(data_dir, ("finer-ord", "finnum1"), labelled)) == 2
    with pytest.raises(ValueError, match="one of finer-ord, finnum1"):
        transfer_examples(data_dir, ("reddit",), set())


@pytest.mark.shared
def test_the_shared_transfer_sets_are_thousands_of_texts_with_targets(shared_dir):
    examples = transfer_examples(shared_dir / "data", ("finer-ord", "finnum1"), set())
    assert len(examples) > 5000 and sum(len(e.targets) for e in examples) > 5000
    assert all(0 <= s < e <= len(x.text) for x in examples for s, e, _ in x.targets)
