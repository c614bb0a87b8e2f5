"""The sentiment network's pieces on a tiny randomly initialised BERT: span masks, the NumPy
heads against the torch heads, and every inference backend against the torch forward pass."""

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from nlp.models import minilm_path  # noqa: E402
from nlp.sentiment.data import Example, group_by_text, target_span  # noqa: E402
from nlp.sentiment.encoding import encode_batch  # noqa: E402
from nlp.sentiment.heads import Heads  # noqa: E402
from nlp.sentiment.network import TargetSentimentNetwork, masked_mean  # noqa: E402


@pytest.fixture(scope="module")
def tokenizer():
    return transformers.AutoTokenizer.from_pretrained(str(minilm_path()))


@pytest.fixture(scope="module", params=["mean", "attention", "window"])
def tiny_model_dir(request, tmp_path_factory, tokenizer):
    """A tiny random model in each target-head layout (folders of the "mean" layout predate
    the setting, so they are saved without it)."""
    torch.manual_seed(0)
    config = transformers.BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=64, num_labels=3,
                                     hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    if request.param != "mean":
        config.target_pooling = request.param
    folder = tmp_path_factory.mktemp(f"tiny-sentiment-{request.param}")
    TargetSentimentNetwork(config).eval().save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    (folder / "finnews.json").write_text(json.dumps({"temperature": {"sentence": 1.5, "target": 0.8}}))
    return folder


def test_target_span_and_grouping():
    assert target_span("Shares of Acme Corp fell.", "acme corp") == (10, 19)
    assert target_span("Shares fell.", "Acme") == (0, 12)  # not named: the whole sentence
    grouped = group_by_text([Example("Acme rose, Bolt fell.", 2, "s", "Acme"),
                             Example("Acme rose, Bolt fell.", 0, "s", "Bolt"),
                             Example("Acme rose, Bolt fell.", 1, "fpb"),
                             Example("Acme rose, Bolt fell.", 2, "s", "Acme"),
                             Example("Other.", 1, "fpb")])
    assert [(g.text, g.sentence_label, g.targets) for g in grouped] == [
        ("Acme rose, Bolt fell.", 1, [(0, 4, 2), (11, 15, 0)]), ("Other.", 1, [])]


def test_span_masks_cover_exactly_the_target_tokens(tokenizer):
    texts = ["Small caps beat megacaps.", "IWM fell."]
    batch = encode_batch(tokenizer, texts, [[(0, 10), (16, 24)], [(0, 3)]], max_length=32)
    assert batch.rows.tolist() == [0, 0, 1]
    for row, mask, (start, end) in zip(batch.rows, batch.span_masks, [(0, 10), (16, 24), (0, 3)], strict=True):
        words = tokenizer.decode(batch.input_ids[row][mask.astype(bool)])
        assert words.replace(" ", "") == texts[row][start:end].lower().replace(" ", "")
    cut = encode_batch(tokenizer, ["word " * 50 + "Acme"], [[(250, 254)]], max_length=8)
    assert cut.span_masks[0].sum() == cut.attention_mask[0].sum()  # truncated away: whole sentence


def test_context_masks_are_the_tokens_around_a_target_inside_the_sentence(tokenizer):
    from nlp.sentiment.encoding import context_masks

    text = "Yesterday Acme shares jumped sharply."
    batch = encode_batch(tokenizer, [text, "Acme"], [[(10, 14)], [(0, 4)]], max_length=32)
    before, after = batch.context_masks[0].astype(bool)
    ids = batch.input_ids[0]
    assert tokenizer.decode(ids[before]) == "yesterday"  # [CLS] is not a word before it
    assert tokenizer.decode(ids[after]).startswith("shares jumped")
    assert not (before & batch.span_masks[0].astype(bool)).any()
    assert batch.context_masks[1].sum() == 0  # nothing around a one-word sentence but [CLS] and [SEP]
    span = np.zeros(12, dtype=np.float32)
    span[3] = 1
    narrow = context_masks(span, np.array([1] * 10 + [0] * 2), window=1)
    assert np.flatnonzero(narrow[0]).tolist() == [2] and np.flatnonzero(narrow[1]).tolist() == [4]
    assert context_masks(np.ones(4, dtype=np.float32), np.ones(4)).sum() == 0  # the whole sentence


def test_numpy_heads_match_the_torch_heads(tiny_model_dir):
    network = TargetSentimentNetwork.from_pretrained(str(tiny_model_dir)).eval()
    heads = Heads.from_network(network)
    assert heads.attends == (network.target_pooling == "attention")
    rng = np.random.default_rng(0)
    states = torch.from_numpy(rng.normal(size=(3, 7, 32)).astype(np.float32))
    mask = torch.tensor([[1] * 7, [1] * 4 + [0] * 3, [1] * 2 + [0] * 5])
    rows = torch.tensor([0, 1, 1, 2])
    with torch.inference_mode():
        pooled = masked_mean(states, mask)
        want_sentence = network.sentence_head(pooled).numpy()
        span_masks = torch.zeros((4, 7))
        span_masks[:, 0] = 1
        contexts = torch.from_numpy((rng.random((4, 2, 7)) > 0.5).astype(np.float32))
        want_target = network.target_logits(states, pooled, rows, span_masks, mask, contexts).numpy()
    got_spans = states[rows, 0].numpy()
    assert np.allclose(heads.sentence(pooled.numpy()), want_sentence, atol=1e-5)
    assert heads.reads_windows == (network.target_pooling == "window")
    windows = masked_mean(states[rows].unsqueeze(1), contexts).flatten(1).numpy()
    got = heads.target(got_spans, pooled.numpy()[rows], states.numpy()[rows], mask.numpy()[rows], windows)
    assert np.allclose(got, want_target, atol=1e-5)


def test_target_attention_ignores_padding(tiny_model_dir):
    """Padding after a short sentence must not change what the target head says."""
    network = TargetSentimentNetwork.from_pretrained(str(tiny_model_dir)).eval()
    heads = Heads.from_network(network)
    rng = np.random.default_rng(1)
    states = rng.normal(size=(1, 5, 32)).astype(np.float32)
    padded = np.concatenate([states, rng.normal(size=(1, 3, 32)).astype(np.float32) * 50], axis=1)
    spans, pooled = states[:, 1], states.mean(1)
    windows = np.zeros((1, 64), dtype=np.float32)
    short = heads.target(spans, pooled, states, np.ones((1, 5)), windows)
    long = heads.target(spans, pooled, padded, np.array([[1] * 5 + [0] * 3]), windows)
    assert np.allclose(short, long, atol=1e-5)


@pytest.mark.parametrize("backend, tolerance", [("torch", 1e-5), ("onnx", 1e-4), ("onnx-int8", 0.05)])
def test_backends_agree_with_the_network(tiny_model_dir, tokenizer, backend, tolerance):
    pytest.importorskip("onnxruntime")
    from nlp.sentiment.model import SentimentModel

    texts = ["Small caps rallied while megacaps fell.", "IWM dropped.", "Nothing here."]
    spans = [[(0, 10), (25, 33)], [(0, 3)], []]
    network = TargetSentimentNetwork.from_pretrained(str(tiny_model_dir)).eval()
    batch = encode_batch(tokenizer, texts, spans, 96)
    with torch.inference_mode():
        out = network(*(torch.from_numpy(x) for x in (batch.input_ids, batch.attention_mask, batch.rows,
                                                       batch.span_masks, batch.context_masks)))
    want_sentence = torch.softmax(out["sentence_logits"] / 1.5, -1).numpy()
    want_target = torch.softmax(out["target_logits"] / 0.8, -1).numpy()
    model = SentimentModel.from_pretrained(tiny_model_dir, backend=backend, threads=1)
    got = model.analyse(texts, spans)
    assert np.abs(got.sentence - want_sentence).max() < tolerance
    assert np.abs(np.concatenate(got.targets[:2]) - want_target).max() < tolerance
    assert got.targets[2].shape == (0, 3)
    assert np.allclose(np.linalg.norm(got.embeddings, axis=1), 1.0, atol=1e-4)
    # the embeddings of a sentence seen before come from the cache, unchanged
    assert np.allclose(model.embed(texts[1:2]), got.embeddings[1:2])
    preds = model.predict(texts[:1], ["megacaps"])
    assert abs(preds[0].scores["positive"] - float(want_target[1, 2])) < tolerance


def test_an_old_or_foreign_model_folder_is_refused(tmp_path):
    from nlp.sentiment.model import SentimentModel

    (tmp_path / "config.json").write_text(json.dumps({"architectures": ["BertForSequenceClassification"]}))
    with pytest.raises(ValueError, match="not a finnews target-sentiment model"):
        SentimentModel.from_pretrained(tmp_path)
    with pytest.raises(ValueError, match="unknown sentiment backend"):
        SentimentModel.from_pretrained(tmp_path, backend="tpu")


def test_every_caller_gets_the_same_model_instance(tiny_model_dir):
    from nlp.sentiment.model import load_sentiment_model

    a = load_sentiment_model(str(tiny_model_dir), "torch")
    assert load_sentiment_model(str(tiny_model_dir / "." ), backend="torch") is a


def test_saved_tokenizer_matches_transformers(tokenizer, tmp_path):
    """Serving reads tokenizer.json with the tokenizers library itself: the same ids, masks and
    offsets as the transformers tokenizer training used, truncated and padded alike."""
    from nlp.sentiment.encoding import SavedTokenizer

    tokenizer.save_pretrained(tmp_path)
    saved = SavedTokenizer.from_pretrained(tmp_path)
    texts = ["Small caps rallied 2.1% while megacaps fell.", "", "Crédit Agricole’s shares — up 5 % — ☃ ok",
             "word " * 80 + "Acme", "IWM"]
    for max_length in (8, 96):
        for offsets in (False, True):
            want = tokenizer(texts, truncation=True, max_length=max_length, padding=True,
                             return_offsets_mapping=offsets, return_tensors="np")
            got = saved(texts, truncation=True, max_length=max_length, padding=True,
                        return_offsets_mapping=offsets, return_tensors="np")
            assert sorted(got) == sorted(k for k in want if k != "token_type_ids")
            for key in got:
                assert np.array_equal(got[key], want[key]), (key, max_length)


def test_an_exported_model_serves_without_torch_or_transformers(tiny_model_dir):
    """Once the ONNX export is cached, loading the model and splitting sentences import neither
    torch nor transformers (seconds of every command's start-up), and torch stays importable."""
    import subprocess
    import sys

    from nlp.sentiment.model import SentimentModel

    SentimentModel.from_pretrained(tiny_model_dir, backend="onnx-int8")  # the one-time export
    code = (
        "import sys\n"
        "from nlp.sentences import sentence_spans\n"
        "from nlp.sentiment.model import SentimentModel\n"
        f"model = SentimentModel.from_pretrained({str(tiny_model_dir)!r}, backend='onnx-int8')\n"
        "model.predict(['Small caps rallied.'], ['Small caps'])\n"
        "assert sentence_spans('One. Two.') == [(0, 4), (5, 9)]\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers'))\n"
        "assert not loaded, loaded[:5]\n"
        "import torch\n"
        "assert torch.ones(1).item() == 1\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
