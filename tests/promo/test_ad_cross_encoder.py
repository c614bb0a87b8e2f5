"""The native-ad cross-encoder's data, split and training loop, on records written here."""

import json

import pytest

from nlp.promo.ad_cross_encoder import prf, split_groups, webis_pairs


def _write_webis(folder, n_queries=20):
    folder.mkdir(parents=True)
    responses, labels = [], []
    for q in range(n_queries):
        plain = f"Savings accounts pay interest. Rates vary by bank {q}. Compare fees before you open one."
        ad = plain.replace("Rates vary by bank", "Open a Brightline Saver today, the smart choice, bank")
        start = ad.index("Open")
        responses += [{"id": f"1-{q:06d}-A", "query": f"savings account {q}", "response": ad},
                      {"id": f"1-{q:06d}-N", "query": f"savings account {q}", "response": plain}]
        labels += [{"id": f"1-{q:06d}-A", "label": 1, "span": f"({start}, {ad.index('.', start) + 1})"},
                   {"id": f"1-{q:06d}-N", "label": 0, "span": ""}]
    (folder / "responses-validation.jsonl").write_text("\n".join(json.dumps(r) for r in responses))
    (folder / "responses-validation-labels.jsonl").write_text("\n".join(json.dumps(r) for r in labels))


def test_pairs_label_exactly_the_ad_sentence_and_splits_keep_queries_apart(tmp_path):
    _write_webis(tmp_path / "webis-generated-native-ads-2024")
    pairs = webis_pairs(tmp_path / "webis-generated-native-ads-2024")
    assert len(pairs) == 20 * 6
    ads = [p for p in pairs if p.label]
    assert len(ads) == 20 and all(p.sentence.startswith("Open a Brightline Saver") for p in ads)
    held, dev = split_groups(pairs, seed=13)
    assert len(held) == 4 and len(dev) == 2 and not held & dev
    assert split_groups(pairs, seed=13) == (held, dev)  # reproducible


def test_prf():
    import numpy as np

    assert prf(np.array([1, 1, 0, 0], bool), np.array([1, 0, 1, 0], bool)) == (0.5, 0.5, 0.5)
    assert prf(np.zeros(3, bool), np.zeros(3, bool)) == (0.0, 0.0, 0.0)


@pytest.mark.slow
def test_training_runs_end_to_end_and_the_model_detects(tmp_path):
    from nlp.promo.ad_cross_encoder import AdTrainOptions, NativeAdCrossEncoder, train_native_ads

    _write_webis(tmp_path / "data" / "webis-generated-native-ads-2024", n_queries=60)
    meta = train_native_ads(tmp_path / "data", tmp_path / "m", AdTrainOptions(epochs=3, negatives_per_positive=5),
                            log=lambda m: None)
    assert meta["held_out"]["f1"] > 0.8  # the inserted sentence is easy to tell on this toy set
    model = NativeAdCrossEncoder.from_pretrained(tmp_path / "m")
    found = model.detect("Savings accounts pay interest. Open a Brightline Saver today, the smart choice, bank 3.",
                         "savings account 3")
    assert [round(s) for s, _, _ in found] == [31]
