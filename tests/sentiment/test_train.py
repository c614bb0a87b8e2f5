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

    meta = train_sentiment(shared_dir / "data", tmp_path / "m",
                           TrainOptions(epochs=1, limit=64, target_pooling="attention"), log=lambda m: None)
    assert meta["best_epoch"] == 1 and (tmp_path / "m" / "config.json").exists()
    config = json.loads((tmp_path / "m" / "config.json").read_text())
    assert config["target_pooling"] == "attention"  # the layout travels with the folder
    model = SentimentModel.from_pretrained(tmp_path / "m")
    assert model.heads.attends
    assert len(model.predict(["Profit rose.", "Sales fell."])) == 2


def test_distillation_loss_is_zero_only_when_student_matches_teacher():
    torch = pytest.importorskip("torch")
    from nlp.sentiment.train import distillation_loss

    teacher = torch.tensor([[2.0, 0.0, -1.0], [0.0, 3.0, 0.0]])
    assert distillation_loss(teacher.clone(), teacher, 2.0).item() == pytest.approx(0.0, abs=1e-6)
    student = torch.zeros((2, 3), requires_grad=True)
    loss = distillation_loss(student, teacher, 2.0)
    loss.backward()
    assert loss.item() > 0
    # a gradient step moves the student toward the teacher's favourite class
    assert (student.grad.argmin(dim=1) == teacher.argmax(dim=1)).all()


@pytest.mark.slow
def test_a_distillation_epoch_continues_a_model(shared_dir, tmp_path, tiny_bert):
    from nlp.sentiment.train import TrainOptions, train_sentiment

    first = train_sentiment(shared_dir / "data", tmp_path / "a", TrainOptions(epochs=1, limit=64), log=lambda m: None)
    assert first["best_epoch"] == 1
    messages = []
    meta = train_sentiment(shared_dir / "data", tmp_path / "b",
                           TrainOptions(epochs=1, limit=64, init=str(tmp_path / "a"), teachers=(str(tiny_bert(3)),),
                                        learning_rate=2e-5), log=messages.append)
    assert any("soft labels for" in m for m in messages)
    assert meta["options"]["init"] == str(tmp_path / "a") and (tmp_path / "b" / "model.safetensors").exists()
    pair_teacher = tiny_bert(3)
    (pair_teacher / "finnews.json").write_text(json.dumps({"pairs": True}))
    messages.clear()
    meta = train_sentiment(shared_dir / "data", tmp_path / "c",
                           TrainOptions(epochs=1, limit=64, init=str(tmp_path / "a"), teachers=(str(pair_teacher),),
                                        transfer=("finer-ord",)), log=messages.append)
    assert any("64 unlabelled, from finer-ord" in m for m in messages)
    assert meta["options"]["transfer"] == ("finer-ord",) and (tmp_path / "c" / "model.safetensors").exists()


def test_a_transfer_set_without_a_teacher_is_refused(shared_dir, tmp_path):
    from nlp.sentiment.train import TrainOptions, train_sentiment

    with pytest.raises(ValueError, match="needs a teacher"):
        train_sentiment(shared_dir / "data", tmp_path / "m", TrainOptions(transfer=("finer-ord",)))


def test_distillation_term_pairs_each_soft_label_with_its_own_sentence_or_target():
    torch = pytest.importorskip("torch")
    from nlp.sentiment.data import TextExample
    from nlp.sentiment.train import _distillation, distillation_loss

    batch = [TextExample("Acme beat Bolt.", None, [(0, 4, 2), (10, 14, 0)]), TextExample("Profit rose.", 2)]
    out = {"sentence_logits": torch.tensor([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]),
           "target_logits": torch.tensor([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]])}
    assert _distillation(out, batch, {}, 2.0).item() == 0.0
    bolt = torch.tensor([5.0, 0.0, 0.0])
    soft = {("Profit rose.", None): torch.tensor([1.0, 0.0, 0.0]), ("Acme beat Bolt.", "Bolt"): bolt}
    expected = (distillation_loss(out["sentence_logits"][[1]], soft[("Profit rose.", None)][None], 2.0)
                + distillation_loss(out["target_logits"][[1]], bolt[None], 2.0))
    assert _distillation(out, batch, soft, 2.0).item() == pytest.approx(expected.item())
