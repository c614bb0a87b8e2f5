"""The fine-tuned sentiment model at inference time, loaded from a ``save_pretrained`` folder.

    model = SentimentModel.from_pretrained("models/sentiment-minilm")
    model.predict(["Small caps rallied."])                         # sentence sentiment
    model.predict(["Small caps beat megacaps."], ["megacaps"])     # toward a target
    result = model.analyse(texts, spans)                           # both, one pass per text

One encoder pass per sentence gives the sentence probabilities, the probabilities toward
every target span in it, and the sentence embedding (the check-worthiness head reads it; the
last few thousand are kept, so a later stage asking for the same sentences costs nothing).

Backends: ``torch`` (the weights as saved), ``onnx`` (the encoder exported once to ONNX and
run by onnxruntime, cached under ``$FINNEWS_HOME/onnx``) and ``onnx-int8`` (the same with
dynamic int8 weights). The default is the one BENCHMARKS.md shows holds accuracy at the best
speed. The heads are a few small matrices and run in NumPy whatever the backend.
Probabilities are calibrated with the temperatures fitted on dev data at training time.
"""

from __future__ import annotations

import json
import logging
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from nlp.models.encoders import inference_threads, weights_digest
from nlp.sentiment.data import LABELS, target_span
from nlp.sentiment.encoding import SavedTokenizer, encode_batch
from nlp.sentiment.heads import Heads

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "sentiment-minilm"
BACKENDS = ("torch", "onnx", "onnx-int8")
DEFAULT_BACKEND = "onnx-int8"
_CACHE_SIZE = 4096


@dataclass
class Prediction:
    label: str
    scores: dict[str, float]

    @property
    def polarity(self) -> float:
        """positive minus negative probability, in [-1, 1]."""
        return self.scores["positive"] - self.scores["negative"]

    @classmethod
    def from_probabilities(cls, probs: np.ndarray) -> Prediction:
        return cls(LABELS[int(probs.argmax())], {name: float(v) for name, v in zip(LABELS, probs, strict=True)})


@dataclass
class Analysis:
    sentence: np.ndarray  # (n, 3) probabilities
    targets: list[np.ndarray]  # per text: (spans, 3) probabilities
    embeddings: np.ndarray  # (n, hidden), L2-normalised


class SentimentModel:
    def __init__(self, encoder, heads: Heads, tokenizer, temperatures: dict[str, float],
                 max_length: int = 96) -> None:
        self.encoder = encoder
        self.heads = heads
        self.tokenizer = tokenizer
        self.temperatures = temperatures
        self.max_length = max_length
        self.digest: str | None = None  # of the weights file (nlp.models.encoders.weights_digest)
        self._cache: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()

    @classmethod
    def from_pretrained(cls, folder: str | Path = DEFAULT_MODEL, backend: str = DEFAULT_BACKEND,
                        threads: int | None = None, row_wise: bool = True) -> SentimentModel:
        """With an ONNX backend whose export is cached, neither torch nor transformers is
        imported: the heads are read from ``model.safetensors`` with NumPy and the tokenizer
        from ``tokenizer.json`` (6 s less start-up). The torch network is built only for the
        torch backend or the one-time export."""
        folder = Path(folder)
        if backend not in BACKENDS:
            raise ValueError(f"unknown sentiment backend {backend!r}; one of {', '.join(BACKENDS)}")
        if not (folder / "config.json").exists():
            raise FileNotFoundError(f"{folder}: no sentiment model here; train one with `finnews train sentiment`")
        config = json.loads((folder / "config.json").read_text())
        if "TargetSentimentNetwork" not in config.get("architectures", []):
            raise ValueError(f"{folder}: not a finnews target-sentiment model (architectures "
                             f"{config.get('architectures')}); retrain with `finnews train sentiment`")
        threads = threads or inference_threads()
        network = _NetworkOnDemand(folder)
        meta = json.loads((folder / "finnews.json").read_text()) if (folder / "finnews.json").exists() else {}
        if backend == "torch":
            import torch

            torch.set_num_threads(threads)
            encoder = _TorchEncoder(network())
        else:
            int8 = backend == "onnx-int8"
            encoder = _OnnxEncoder(_onnx_file(folder, network, int8), threads, row_wise=int8 and row_wise)
        from safetensors import safe_open

        with safe_open(folder / "model.safetensors", framework="np") as saved:  # the heads only
            weights = {name: saved.get_tensor(name) for name in saved.keys()  # noqa: SIM118 - not iterable
                       if not name.startswith("bert.")}
        temperatures = meta.get("temperature", {})
        model = cls(encoder, Heads.from_weights(weights, config.get("target_pooling", "mean")),
                    SavedTokenizer.from_pretrained(folder),
                    {"sentence": float(temperatures.get("sentence", 1.0)),
                     "target": float(temperatures.get("target", 1.0))},
                    int(meta.get("options", {}).get("max_length", 96)))
        model.digest = weights_digest(folder / "model.safetensors")
        return model

    def analyse(self, texts: list[str], spans: list[list[tuple[int, int]]] | None = None,
                batch_size: int = 64) -> Analysis:
        """Sentence probabilities, target probabilities for ``spans[i]`` (character spans in
        ``texts[i]``) and embeddings, with one encoder pass per text, batched by length."""
        spans = spans or [[] for _ in texts]
        hidden = self.heads.hidden_size
        sentence = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
        embeddings = np.zeros((len(texts), hidden), dtype=np.float32)
        targets = [np.zeros((len(s), len(LABELS)), dtype=np.float32) for s in spans]
        todo = []
        for i, text in enumerate(texts):
            hit = self._cache.get(text) if not spans[i] else None
            if hit is None:
                todo.append(i)
            else:
                self._cache.move_to_end(text)
                sentence[i], embeddings[i] = hit
        todo.sort(key=lambda i: len(texts[i]))
        for k in range(0, len(todo), batch_size):
            idx = todo[k:k + batch_size]
            batch = encode_batch(self.tokenizer, [texts[i] for i in idx], [spans[i] for i in idx], self.max_length)
            states = self.encoder(batch.input_ids, batch.attention_mask)
            pooled = _masked_mean(states, batch.attention_mask)
            probs = _softmax(self.heads.sentence(pooled) / self.temperatures["sentence"])
            if len(batch.rows):
                span_states = _masked_mean(states[batch.rows], batch.span_masks)
                context = ((states[batch.rows], batch.attention_mask[batch.rows]) if self.heads.attends
                           else (None, None))  # copying every target's token states only when read
                windows = (_masked_mean(states[batch.rows][:, None], batch.context_masks).reshape(len(batch.rows), -1)
                           if self.heads.reads_windows else None)
                logits = self.heads.target(span_states, pooled[batch.rows], *context, windows)
                tprobs = _softmax(logits / self.temperatures["target"])
                offset = 0
                for i in idx:
                    targets[i] = tprobs[offset:offset + len(spans[i])]
                    offset += len(spans[i])
            normed = pooled / np.linalg.norm(pooled, axis=1, keepdims=True).clip(1e-9)
            for j, i in enumerate(idx):
                sentence[i], embeddings[i] = probs[j], normed[j]
                self._remember(texts[i], probs[j], normed[j])
        return Analysis(sentence, targets, embeddings)

    def forget(self) -> None:
        """Drop the remembered sentences (the sentiment stage does, at each new document)."""
        self._cache.clear()

    def _remember(self, text: str, probs: np.ndarray, embedding: np.ndarray) -> None:
        self._cache[text] = (probs, embedding)
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return self.analyse(texts).sentence

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised sentence embeddings of the fine-tuned encoder (mean of token states)."""
        return self.analyse(texts).embeddings

    def predict(self, texts: list[str], targets: list[str | None] | None = None) -> list[Prediction]:
        """Sentence sentiment, or sentiment toward ``targets[i]`` (words found in ``texts[i]``;
        words not found stand for the whole sentence)."""
        if not targets or not any(targets):
            return [Prediction.from_probabilities(p) for p in self.probabilities(texts)]
        spans = [[target_span(text, words)] if words else [] for text, words in zip(texts, targets, strict=True)]
        result = self.analyse(texts, spans)
        return [Prediction.from_probabilities(result.targets[i][0] if spans[i] else result.sentence[i])
                for i in range(len(texts))]


def _masked_mean(states: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask.astype(np.float32)[..., None]
    return (states * weights).sum(-2) / weights.sum(-2).clip(1.0)


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


class _TorchEncoder:
    def __init__(self, network) -> None:
        self.network = network

    def __call__(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        import torch

        with torch.inference_mode():
            return self.network.encode(torch.from_numpy(input_ids), torch.from_numpy(attention_mask)).numpy()


class _OnnxEncoder:
    """onnxruntime over the exported encoder. ``row_wise`` runs every sentence on its own,
    unpadded: dynamic int8 quantization scales activations by the range of the whole input
    tensor, so in a padded batch a sentence's scores would depend on its batch-mates (and on
    worker count and input order). One row at a time makes them a function of the sentence."""

    def __init__(self, path: Path, threads: int, row_wise: bool = False) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.row_wise = row_wise

    def __call__(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        if not self.row_wise:
            return self._run(input_ids, attention_mask)
        lengths = attention_mask.sum(axis=1)
        first = self._run(input_ids[:1, :lengths[0]], attention_mask[:1, :lengths[0]])
        states = np.zeros((*input_ids.shape, first.shape[-1]), dtype=first.dtype)
        states[0, :lengths[0]] = first[0]
        for row in range(1, len(input_ids)):
            n = lengths[row]
            states[row, :n] = self._run(input_ids[row:row + 1, :n], attention_mask[row:row + 1, :n])[0]
        return states

    def _run(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        return self.session.run(["states"], {"input_ids": input_ids, "attention_mask": attention_mask})[0]


class _NetworkOnDemand:
    """The torch network of a folder, built on the first call only (importing torch and
    transformers costs seconds that a cached ONNX export does not need)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._network = None

    def __call__(self):
        if self._network is None:
            import torch

            from nlp.sentiment.network import TargetSentimentNetwork

            self._network = TargetSentimentNetwork.from_pretrained(str(self.folder), dtype=torch.float32).eval()
        return self._network


def _onnx_file(folder: Path, network: _NetworkOnDemand, int8: bool) -> Path:
    """The encoder as ONNX (int8 weights when asked), exported on first use and cached by a
    hash of the weights file, so a retrained model never meets a stale export. Built once
    across processes (workers starting together on an empty cache wait for one build)."""
    from nlp.cache import build_once
    from nlp.config import home_dir

    digest = weights_digest(folder / "model.safetensors")
    cache = home_dir() / "onnx"
    fp32 = build_once(cache / f"sentiment-{digest}.onnx", lambda tmp: _export(network(), str(tmp)))
    if not int8:
        return fp32
    return build_once(cache / f"sentiment-{digest}-int8.onnx", lambda tmp: _quantize(fp32, tmp))


def _quantize(fp32: Path, target: Path) -> None:
    """Dynamic int8 weights. onnxruntime writes a fixed-name ``-inferred.onnx`` scratch file
    beside its input, so the input is linked into the private build folder first."""
    import os
    import shutil

    from onnxruntime.quantization import QuantType, quantize_dynamic

    local = target.parent / "input.onnx"
    try:
        os.link(fp32, local)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(fp32, local)
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # quantize_dynamic logs a generic pre-processing hint
    try:
        quantize_dynamic(local, target, weight_type=QuantType.QInt8, per_channel=True)
    finally:
        root.setLevel(level)


def _export(network, path: str) -> None:
    import torch

    class Encoder(torch.nn.Module):
        def __init__(self, bert) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    example = (torch.ones((2, 8), dtype=torch.long), torch.ones((2, 8), dtype=torch.long))
    axes = {0: "batch", 1: "tokens"}
    # the tracer warns about shape checks that are constant for an encoder given a mask;
    # tests/sentiment/test_network.py checks the export against torch on padded batches
    with open(path, "wb") as fh, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(Encoder(network.bert).eval(), example, fh, input_names=["input_ids", "attention_mask"],
                          output_names=["states"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "states": axes})


def load_sentiment_model(folder: str | None = None, backend: str = DEFAULT_BACKEND) -> SentimentModel:
    """One model per (folder, backend) and process, however it is asked for: the sentiment
    stage and the check-worthiness head must share it (and its cache of sentences)."""
    return _load(str(Path(folder or DEFAULT_MODEL).resolve()), backend)


@lru_cache(maxsize=2)
def _load(folder: str, backend: str) -> SentimentModel:
    return SentimentModel.from_pretrained(folder, backend=backend)
