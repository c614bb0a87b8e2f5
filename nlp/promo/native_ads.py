"""Native-ad sentences: product placements woven into otherwise informational text
("…, much like the PNC Virtual Wallet, which offers exceptional tools…").

A logistic-regression head over MiniLM sentence embeddings: the sentence paired with the
question or headline it answers, and set against the sentences around it (see
:func:`pair_features`). Trained on the validation part
of Webis Generated Native Ads 2024 (the only part present); weights and card in
``models/native-ad-sentence/``. :class:`NativeAdDetector` follows the Hugging Face layout:
``save_pretrained(folder)`` writes ``config.json`` and ``head.npz``; ``from_pretrained``
reads them back.
"""

from __future__ import annotations

import re

import numpy as np

from nlp.models.head import LogisticHead

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


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=1, keepdims=True).clip(1e-9)


def pair_features(sent: np.ndarray, query: np.ndarray, owners: np.ndarray | None = None,
                  lengths: np.ndarray | None = None) -> np.ndarray:
    """Features of each sentence: its embedding, its product with the question's, their
    cosine; and, given ``owners`` (which text each sentence belongs to), how far it strays
    from the rest of its text (an inserted ad reads unlike its neighbours): the difference
    from the mean of the other sentences, cosines with that mean and with the sentences
    before and after, relative position and length."""
    sent, query = _unit(np.asarray(sent, np.float32)), _unit(np.asarray(query, np.float32))
    base = [sent, sent * query, (sent * query).sum(axis=1, keepdims=True)]
    if owners is None:
        return np.hstack(base).astype(np.float32)
    n = len(sent)
    others = np.zeros_like(sent)
    prev_cos, next_cos, position = np.ones(n), np.ones(n), np.zeros(n)
    bounds = np.flatnonzero(np.diff(owners)) + 1
    for start, end in zip(np.r_[0, bounds], np.r_[bounds, n], strict=True):
        block = sent[start:end]
        total = block.sum(axis=0)
        size = end - start
        others[start:end] = (total - block) / max(1, size - 1)
        sims = (block[1:] * block[:-1]).sum(axis=1)
        prev_cos[start + 1:end] = sims
        next_cos[start:end - 1] = sims
        position[start:end] = np.arange(size) / max(1, size - 1)
    others = _unit(others)
    length = np.zeros(n) if lengths is None else np.asarray(lengths) / 200
    extra = [sent - others, (sent * others).sum(axis=1, keepdims=True), prev_cos[:, None],
             next_cos[:, None], position[:, None], length[:, None]]
    return np.hstack(base + extra).astype(np.float32)


class NativeAdDetector(LogisticHead):
    MODEL_TYPE = "finnews-native-ad-head"
    CONFIG = {"features": "nlp.promo.native_ads.pair_features with context (L2-normalised MiniLM embeddings)"}

    def detect(self, text: str, context: str = "") -> list[tuple[int, int, float]]:
        """Sentences of ``text`` that read as inserted ads, with their probability."""
        from nlp.models import sentence_encoder

        spans = split_sentences(text)
        if not spans:
            return []
        enc = sentence_encoder()
        sent = enc.encode([text[s:e] for s, e in spans], batch_size=64, convert_to_numpy=True)
        query = enc.encode([context or text[:200]], convert_to_numpy=True)
        features = pair_features(sent, np.repeat(query, len(spans), axis=0), np.zeros(len(spans), int),
                                 np.array([e - s for s, e in spans]))
        probs = self.predict_proba(features)
        return [(s, e, float(p)) for (s, e), p in zip(spans, probs, strict=True) if p >= self.threshold]
