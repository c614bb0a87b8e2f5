"""The fine-tuned sentence/target sentiment model, loaded from a ``save_pretrained`` folder.

    model = SentimentModel.from_pretrained("models/sentiment-minilm")
    model.predict(["Small caps rallied."])                         # sentence sentiment
    model.predict(["Small caps beat megacaps."], ["small caps"])   # toward a target

Probabilities are calibrated with the temperature fitted on dev data at training time.
Batches are sorted by length (less padding); ``quantize=True`` applies dynamic int8
quantization to the linear layers (smaller and faster on CPU, see BENCHMARKS.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from nlp.sentiment.data import LABELS

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "sentiment-minilm"


@dataclass
class Prediction:
    label: str
    scores: dict[str, float]

    @property
    def polarity(self) -> float:
        """positive minus negative probability, in [-1, 1]."""
        return self.scores["positive"] - self.scores["negative"]


class SentimentModel:
    def __init__(self, model, tokenizer, temperature: float = 1.0, max_length: int = 96) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.temperature = temperature
        self.max_length = max_length

    @classmethod
    def from_pretrained(cls, folder: str | Path = DEFAULT_MODEL, quantize: bool = False,
                        threads: int | None = None) -> SentimentModel:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        folder = Path(folder)
        if not (folder / "config.json").exists():
            raise FileNotFoundError(f"{folder}: no sentiment model here; train one with `finnews train sentiment`")
        if threads:
            torch.set_num_threads(threads)
        model = AutoModelForSequenceClassification.from_pretrained(str(folder), dtype=torch.float32)
        model.eval()
        if quantize:
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        meta_path = folder / "finnews.json"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        return cls(model, AutoTokenizer.from_pretrained(str(folder)), float(meta.get("temperature", 1.0)),
                   int(meta.get("options", {}).get("max_length", 96)))

    def probabilities(self, texts: list[str], targets: list[str | None] | None = None,
                      batch_size: int = 64) -> np.ndarray:
        import torch

        targets = targets or [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                idx = order[k:k + batch_size]
                batch_texts = [texts[i] for i in idx]
                batch_targets = [targets[i] for i in idx]
                if any(batch_targets):
                    enc = self.tokenizer(batch_texts, [t or "" for t in batch_targets], truncation="only_first",
                                         max_length=self.max_length, padding=True, return_tensors="pt")
                else:
                    enc = self.tokenizer(batch_texts, truncation=True, max_length=self.max_length,
                                         padding=True, return_tensors="pt")
                logits = self.model(**enc).logits.float() / self.temperature
                out[idx] = torch.softmax(logits, dim=-1).numpy()
        return out

    def predict(self, texts: list[str], targets: list[str | None] | None = None) -> list[Prediction]:
        probs = self.probabilities(texts, targets)
        return [Prediction(LABELS[int(p.argmax())], {name: float(v) for name, v in zip(LABELS, p, strict=True)})
                for p in probs]


@lru_cache(maxsize=2)
def load_sentiment_model(folder: str | None = None, quantize: bool = False) -> SentimentModel:
    return SentimentModel.from_pretrained(folder or DEFAULT_MODEL, quantize=quantize)
