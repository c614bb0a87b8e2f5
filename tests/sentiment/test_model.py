"""The shipped model (models/sentiment-minilm) through the stage and the CLI."""

import json
import subprocess
import sys

import pytest

import nlp.entities.stage  # noqa: F401
import nlp.promo.stage  # noqa: F401
import nlp.sentiment.stage  # noqa: F401
from nlp.parse import parse_bytes
from nlp.pipeline import Pipeline
from nlp.sentiment.model import DEFAULT_MODEL, load_sentiment_model

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL / "config.json").exists(),
                                reason="models/sentiment-minilm is not trained yet (finnews train sentiment)")


@pytest.fixture(scope="module")
def model():
    return load_sentiment_model()


def test_probabilities_are_calibrated_distributions(model):
    probs = model.probabilities(["Operating profit rose sharply.", "The company is based in Helsinki.",
                                 "Sales fell and the outlook was cut."])
    assert probs.shape == (3, 3)
    assert abs(probs.sum(axis=1) - 1).max() < 1e-5
    assert [p.label for p in model.predict(["Operating profit rose sharply.", "Sales fell and the outlook was cut."])] \
        == ["positive", "negative"]


def test_comparative_sentences_carry_opposite_signs():
    text = "Small caps outpaced megacaps this week.\n\nMegacaps lagged small caps over the past month."
    doc = Pipeline(["promo", "entities", "sentiment"])(parse_bytes(text.encode(), "t.txt"))
    first, second = doc.sentences
    assert first.targets["small_caps"] > 0 > first.targets["large_caps"]
    assert second.targets["small_caps"] > 0 > second.targets["large_caps"]


def test_stage_scores_sentences_targets_and_the_article():
    text = ("Small caps rallied strongly this week as the Russell 2000 hit a record.\n\n"
            "Small-cap stocks carry more risk and volatility, and liquidity can dry up quickly.\n\n"
            "Investors keep adding to small caps as valuations look attractive.")
    doc = Pipeline(["promo", "entities", "sentiment"])(parse_bytes(text.encode(), "t.txt"))
    assert len(doc.sentences) == 3
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
        assert abs(sum(s.sentiment.values()) - 1) < 1e-4
    assert doc.sentences[1].targets["small_caps"] < 0  # a risk statement
    small = next(t for t in doc.sentiment if t.target == "small_caps")
    assert small.label == "positive" and small.sentences == 3 and small.evidence


def test_cli_prints_one_json_line_per_sentence(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("Small caps outpaced megacaps.\nThe company is based in Helsinki.\n")
    out = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "sentiment", str(path),
                          "--target", "small_caps"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Small caps outpaced megacaps.", "The company is based in Helsinki."]
    assert set(rows[0]["scores"]) == {"positive", "neutral", "negative"}
    assert rows[0]["target"] == "small_caps" and rows[0]["target_words"] == "Small caps"


def test_model_folder_has_a_card_and_is_small():
    assert (DEFAULT_MODEL / "README.md").is_file()
    size = sum(p.stat().st_size for p in DEFAULT_MODEL.iterdir())
    assert size <= 100 * 2**20
