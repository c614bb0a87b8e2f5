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

    @classmethod
    def from_network(cls, network) -> Heads:
        def arr(tensor) -> np.ndarray:
            return tensor.detach().float().numpy().T.copy() if tensor.dim() == 2 else tensor.detach().float().numpy()

        first, last = network.target_head[0], network.target_head[3]
        return cls(arr(network.sentence_head.weight), arr(network.sentence_head.bias),
                   arr(first.weight), arr(first.bias), arr(last.weight), arr(last.bias))

    @property
    def hidden_size(self) -> int:
        return self.sentence_w.shape[0]

    def sentence(self, pooled: np.ndarray) -> np.ndarray:
        return pooled @ self.sentence_w + self.sentence_b

    def target(self, spans: np.ndarray, pooled: np.ndarray) -> np.ndarray:
        hidden = _gelu(np.concatenate([spans, pooled], axis=-1) @ self.target_w1 + self.target_b1)
        return hidden @ self.target_w2 + self.target_b2
