"""The sentiment network's two heads as NumPy matrices, so they run the same after any
encoder backend (torch, onnxruntime); see :mod:`nlp.sentiment.network` for what they read."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# the exact GELU torch's nn.GELU() computes; math.erf element by element costs about a
# millisecond per batch of targets, and spares start-up the import of scipy (0.3 s)
_erf = np.frompyfunc(math.erf, 1, 1)


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)).astype(np.float64))


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
    def from_weights(cls, weights: dict[str, np.ndarray], target_pooling: str = "mean") -> Heads:
        """From the network's saved tensors (``model.safetensors`` read with NumPy, or a state
        dict), so that serving needs neither torch nor transformers."""
        def arr(name: str) -> np.ndarray:
            value = np.asarray(weights[name], dtype=np.float32)
            return value.T.copy() if value.ndim == 2 else value

        query = "target_query.weight" in weights
        return cls(arr("sentence_head.weight"), arr("sentence_head.bias"),
                   arr("target_head.0.weight"), arr("target_head.0.bias"),
                   arr("target_head.3.weight"), arr("target_head.3.bias"),
                   arr("target_query.weight") if query else None, arr("target_query.bias") if query else None,
                   target_pooling == "window")

    @classmethod
    def from_network(cls, network) -> Heads:
        weights = {name: tensor.detach().float().numpy() for name, tensor in network.state_dict().items()
                   if not name.startswith("bert.")}
        return cls.from_weights(weights, network.target_pooling)

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
