import json

import pytest

from nlp.sentiment.teacher import TeacherOptions, _batches, teacher_examples, teacher_logits, train_teacher

INPUTS = [("Profit rose.", None), ("Acme beat Bolt as sales fell.", "Acme"), ("Acme beat Bolt as sales fell.", "Bolt"),
          ("Sales fell sharply in the quarter.", None)]


def test_batches_never_mix_sentences_and_pairs():
    items = INPUTS * 5
    batches = _batches(items, 3)
    assert sorted(x for b in batches for x in b) == sorted(items, key=lambda i: (i[0], i[1] or ""))
    assert all(len({target is None for _, target in b}) == 1 for b in batches)


def test_pair_teacher_scores_sentences_and_targets_and_a_plain_one_only_sentences(tiny_bert):
    folder = tiny_bert(3)
    plain = teacher_logits(folder, INPUTS, max_length=32, batch_size=2)
    assert set(plain) == {i for i in INPUTS if i[1] is None}  # no "pairs" in finnews.json
    (folder / "finnews.json").write_text(json.dumps({"pairs": True}))
    both = teacher_logits(folder, INPUTS, max_length=32, batch_size=2)
    assert set(both) == set(INPUTS) and all(v.shape == (3,) for v in both.values())
    # the target words are part of the input: one headline, two targets, two answers
    assert not both[INPUTS[1]].allclose(both[INPUTS[2]])
    assert both[INPUTS[0]].allclose(plain[INPUTS[0]])


def test_a_teacher_with_other_classes_is_refused(tiny_bert):
    with pytest.raises(ValueError, match="needs 3 classes"):
        teacher_logits(tiny_bert(2), INPUTS, max_length=32)


def test_teacher_examples_are_train_dev_test_sentences_and_entity_pairs(shared_dir):
    examples = teacher_examples(shared_dir / "data")
    sentences = [e for e in examples if e.target is None]
    pairs = [e for e in examples if e.target is not None]
    assert {e.source for e in sentences} == {"fpb_50agree"} and {e.source for e in pairs} == {"sentfin"}
    assert len({(e.text, e.target) for e in examples}) == len(examples)
    assert {e.split for e in examples} == {"train", "dev", "test"}
    assert all(e.target is None for e in teacher_examples(shared_dir / "data", targets=False))


def test_training_a_tiny_teacher_writes_a_pair_teacher(shared_dir, tmp_path, tiny_bert):
    messages = []
    meta = train_teacher(shared_dir / "data", tmp_path / "t",
                         TeacherOptions(epochs=1, limit=120, base=str(tiny_bert())), log=messages.append)
    assert meta["pairs"] is True and meta["best_epoch"] == 1
    assert 0 <= meta["history"][0]["dev_target_accuracy"] <= 1
    assert json.loads((tmp_path / "t" / "finnews.json").read_text())["pairs"] is True
    assert any("targets" in m for m in messages)
    assert len(teacher_logits(tmp_path / "t", INPUTS, max_length=32)) == len(INPUTS)


def test_cached_logits_equal_fresh_ones_and_a_retrained_teacher_misses_the_cache(tiny_bert, monkeypatch):
    import os

    import nlp.sentiment.teacher as teacher_module
    from nlp.sentiment.teacher import cached_teacher_logits

    folder = tiny_bert(3)
    (folder / "finnews.json").write_text(json.dumps({"pairs": True}))
    fresh = cached_teacher_logits(folder, INPUTS, max_length=32)
    assert len(list(folder.glob("logits-*.npz"))) == 1
    calls = []
    monkeypatch.setattr(teacher_module, "teacher_logits", lambda *a, **k: calls.append(a) or fresh)
    cached = cached_teacher_logits(folder, list(reversed(INPUTS)), max_length=32)
    assert not calls and set(cached) == set(fresh)
    assert all(cached[k].allclose(fresh[k]) for k in fresh)
    weights = next(folder.glob("*.safetensors"))
    os.utime(weights, ns=(weights.stat().st_atime_ns, weights.stat().st_mtime_ns + 10**9))
    cached_teacher_logits(folder, INPUTS, max_length=32)
    assert len(calls) == 1  # new weights: computed again


def test_the_cache_grows_and_only_new_inputs_go_through_the_teacher(tiny_bert, monkeypatch):
    import nlp.sentiment.teacher as teacher_module
    from nlp.sentiment.teacher import cached_teacher_logits, teacher_logits

    folder = tiny_bert(3)  # no "pairs" in finnews.json: a sentence-only teacher
    first = cached_teacher_logits(folder, INPUTS[:1], max_length=32)
    asked = []

    def spy(folder, inputs, max_length):
        asked.append(list(inputs))
        return teacher_logits(folder, inputs, max_length)

    monkeypatch.setattr(teacher_module, "teacher_logits", spy)
    more = cached_teacher_logits(folder, INPUTS, max_length=32)
    assert asked == [[INPUTS[3]]]  # the sentence scored before is read back; pairs are not this teacher's
    assert set(more) == {INPUTS[0], INPUTS[3]} and more[INPUTS[0]].allclose(first[INPUTS[0]])
    cached_teacher_logits(folder, INPUTS, max_length=32)
    assert len(asked) == 1 and len(list(folder.glob("logits-*.npz"))) == 1


def test_an_ensemble_averages_each_input_over_the_teachers_that_score_it(monkeypatch):
    torch = pytest.importorskip("torch")
    import nlp.sentiment.teacher as teacher_module

    sentence, pair = INPUTS[0], INPUTS[1]
    answers = {"pairs": {sentence: torch.tensor([1.0, 0.0, 3.0]), pair: torch.tensor([0.0, 2.0, 0.0])},
               "plain": {sentence: torch.tensor([3.0, 0.0, -1.0])}}
    monkeypatch.setattr(teacher_module, "cached_teacher_logits", lambda folder, inputs, max_length: answers[folder])
    mean = teacher_module.ensemble_logits(["pairs", "plain"], [sentence, pair])
    assert mean[sentence].tolist() == [2.0, 0.0, 1.0]
    assert mean[pair].tolist() == [0.0, 2.0, 0.0]  # only the pair teacher scores targets
    assert teacher_module.ensemble_logits(["plain"], [sentence, pair]).keys() == {sentence}
    assert answers["pairs"][sentence].tolist() == [1.0, 0.0, 3.0]  # the teachers' own tensors are left alone


def test_markers_wrap_the_targets_mention_or_name_an_implied_target():
    from nlp.sentiment.teacher import mark_target

    assert mark_target("Acme beat Bolt as sales fell.", "bolt") == "Acme beat << Bolt >> as sales fell."
    assert mark_target("Shares slid on Friday.", "Acme") == "Shares slid on Friday. << Acme >>"


def test_a_marker_teacher_reads_targets_inline_and_says_so_in_its_folder(shared_dir, tmp_path, tiny_bert):
    from nlp.sentiment.teacher import Teacher

    train_teacher(shared_dir / "data", tmp_path / "m",
                  TeacherOptions(epochs=1, limit=48, base=str(tiny_bert()), target_input="markers"), log=lambda m: None)
    teacher = Teacher(tmp_path / "m")
    assert teacher.pairs and teacher.target_input == "markers"
    logits = teacher.logits(INPUTS, max_length=32)
    assert set(logits) == set(INPUTS) and not logits[INPUTS[1]].allclose(logits[INPUTS[2]])
    with pytest.raises(ValueError, match="target_input"):
        train_teacher(shared_dir / "data", tmp_path / "x", TeacherOptions(limit=8, target_input="tags"))
