import numpy as np
import pytest


def test_an_ensemble_is_scored_on_the_mean_of_its_members_probabilities():
    from benchmarks.sentiment_dev import accuracy

    gold = {("a", None): 0, ("b", None): 2}
    sure_wrong = np.array([[0.1, 0.0, 0.9], [0.0, 0.1, 0.9]])
    sure_right = np.array([[1.0, 0.0, 0.0], [0.0, 0.6, 0.4]])
    assert accuracy([sure_wrong], gold) == 0.5 and accuracy([sure_right], gold) == 0.5
    assert accuracy([sure_wrong, sure_right], gold) == 1.0  # each is right where it is surer


def test_errors_split_into_neutral_confusions_and_wrong_signs():
    from benchmarks.sentiment_dev import error_kinds

    gold = {("a", "x"): 0, ("b", "x"): 1, ("c", "x"): 2, ("d", "x"): 2, ("d", "y"): 0}
    probs = np.eye(3)[[2, 0, 1, 2, 2]]  # a, (d, y): sign; b: neutral read as negative; c: positive read as neutral
    assert error_kinds(probs, gold) == (2, 2, 1)  # "d" names two targets


@pytest.mark.shared
def test_dev_sets_hold_dev_inputs_only_with_targets_for_sentfin(shared_dir):
    from benchmarks.sentiment_dev import dev_sets
    from nlp.sentiment.data import split_of

    sets = dev_sets(shared_dir / "data")
    assert set(sets) == {"fpb_50agree", "twitter", "sentfin_entity"}
    assert all(split_of(text) == "dev" for gold in sets.values() for text, _ in gold)
    assert all(target is not None for _, target in sets["sentfin_entity"])
    assert all(target is None for _, target in sets["fpb_50agree"]) and len(sets["fpb_50agree"]) > 300
