import json

import numpy as np
import pytest

from nlp.sentiment.train import fit_temperature, macro_f1


def test_macro_f1_and_temperature():
    gold = np.array([0, 1, 2, 2])
    assert macro_f1(gold, gold) == 1.0
    assert macro_f1(np.array([1, 1, 1, 1]), gold) < 0.5
    confident_wrong = np.array([[10.0, 0, 0], [0, 10.0, 0], [0, 0, 10.0], [10.0, 0, 0]])
    assert fit_temperature(confident_wrong, gold) > 1  # overconfident logits get softened


@pytest.mark.slow
def test_training_runs_end_to_end_and_the_model_loads(shared_dir, tmp_path):
    from nlp.sentiment.model import SentimentModel
    from nlp.sentiment.train import TrainOptions, train_sentiment

    meta = train_sentiment(shared_dir / "data", tmp_path / "m", TrainOptions(epochs=1, limit=64, target_pooling="attention"), log=lambda m: None)
    assert meta["best_epoch"] == 1 and (tmp_path / "m" / "config.json").exists()
    config = json.loads((tmp_path / "m" / "config.json").read_text())
    assert config["target_pooling"] == "attention"  # the layout travels with the folder
    model = SentimentModel.from_pretrained(tmp_path / "m")
    assert model.heads.attends
    assert len(model.predict(["Profit rose.", "Sales fell."])) == 2
