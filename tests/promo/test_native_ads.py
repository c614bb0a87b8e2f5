import numpy as np
import pytest

from nlp.promo.native_ads import NativeAdDetector, pair_features, split_sentences


def test_sentence_spans_cover_the_sentences():
    text = "EasyWeb is a banking platform. It is secure! Fees may apply\nPlease note this."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["EasyWeb is a banking platform.", "It is secure!",
                                             "Fees may apply", "Please note this."]


def test_head_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    coef = rng.normal(size=384 * 3 + 6).astype(np.float32)
    head = NativeAdDetector(coef, -0.5, 0.7)
    head.save_pretrained(tmp_path / "m")
    again = NativeAdDetector.from_pretrained(tmp_path / "m")
    feats = pair_features(rng.normal(size=(4, 384)), rng.normal(size=(4, 384)), np.array([0, 0, 1, 1]))
    assert feats.shape == (4, 384 * 3 + 6)
    assert np.allclose(head.predict_proba(feats), again.predict_proba(feats), atol=2e-2)
    assert again.threshold == 0.7


@pytest.mark.slow
def test_shipped_model_finds_an_inserted_ad():
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "models" / "native-ad-sentence"
    head = NativeAdDetector.from_pretrained(folder)
    text = ("Index funds track a market index at low cost. They suit long-term savers. "
            "For the smoothest start, open an account with Brightpath Invest, whose award-winning app "
            "makes buying index funds effortless and fun. Fees vary by provider.")
    head.threshold = 0.0  # score every sentence
    scored = sorted(head.detect(text, context="what is an index fund"), key=lambda x: -x[2])
    s, e, p = scored[0]
    assert "Brightpath" in text[s:e] and p >= 0.5
    assert all(q < 0.5 for _, _, q in scored[1:])
