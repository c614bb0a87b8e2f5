"""The sentiment network's two heads as NumPy matrices, so they run the same after any
encoder backend (torch, onnxruntime); see :mod:`nlp.sentiment.network` for what they read."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import erf


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))  # the exact GELU torch's nn.GELU() computes


@dataclass
class Heads:
    sentence_w: np.ndarray
    sentence_b: np.ndarray
    target_w1: np.ndarray
    target_b1: np.ndarray
    target_w2: np.ndarray
    target_b2: np.ndarray
    query_w: np.ndarray | None = None  # the target-attention query (``target_pooling="attention"``)
    query_b: np.ndarray | None = None
    reads_windows: bool = False  # ``target_pooling="window"``: the tokens around the target too

    @classmethod
    def from_network(cls, network) -> Heads:
        def arr(tensor) -> np.ndarray:
            return tensor.detach().float().numpy().T.copy() if tensor.dim() == 2 else tensor.detach().float().numpy()

        first, last = network.target_head[0], network.target_head[3]
        query = getattr(network, "target_query", None)
        return cls(arr(network.sentence_head.weight), arr(network.sentence_head.bias),
                   arr(first.weight), arr(first.bias), arr(last.weight), arr(last.bias),
                   arr(query.weight) if query is not None else None, arr(query.bias) if query is not None else None,
                   network.target_pooling == "window")

    @property
    def hidden_size(self) -> int:
        return self.sentence_w.shape[0]

    def sentence(self, pooled: np.ndarray) -> np.ndarray:
        return pooled @ self.sentence_w + self.sentence_b

    @property
    def attends(self) -> bool:
        return self.query_w is not None

    def target(self, spans: np.ndarray, pooled: np.ndarray, states: np.ndarray | None = None,
               mask: np.ndarray | None = None, windows: np.ndarray | None = None) -> np.ndarray:
        """Logits toward K targets: span means and sentence means (K, H); with attention also
        the token states (K, T, H) and attention mask (K, T) of each target's sentence; with
        windows the means of the tokens before and after each target, side by side (K, 2H)."""
        features = [spans, pooled]
        if self.reads_windows:
            features.append(windows)
        if self.attends:
            query = np.concatenate(features, axis=-1) @ self.query_w + self.query_b
            scores = np.einsum("kth,kh->kt", states, query) / np.sqrt(self.hidden_size)
            scores = np.where(mask > 0, scores, -np.inf)
            weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
            weights /= weights.sum(axis=-1, keepdims=True)
            features.append(np.einsum("kt,kth->kh", weights, states))
        hidden = _gelu(np.concatenate(features, axis=-1) @ self.target_w1 + self.target_b1)
        return hidden @ self.target_w2 + self.target_b2
