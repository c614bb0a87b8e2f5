"""Tokenising sentences together with the token masks of their target spans — the one input
format of the sentiment network, shared by training and inference."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass
class EncodedBatch:
    input_ids: np.ndarray  # (B, T) int64
    attention_mask: np.ndarray  # (B, T) int64
    rows: np.ndarray  # (K,) batch row of each target
    span_masks: np.ndarray  # (K, T) float32, 1 on the target's tokens

    @property
    def context_masks(self) -> np.ndarray:
        """(K, 2, T) float32, 1 on the :data:`WINDOW` tokens before / after each target; made
        when read, because only a ``"window"`` target head reads them."""
        masks = [context_masks(span, self.attention_mask[row]) for row, span in zip(self.rows, self.span_masks,
                                                                                    strict=True)]
        return np.stack(masks) if masks else np.zeros((0, 2, self.input_ids.shape[1]), dtype=np.float32)


WINDOW = 5  # wordpieces on each side of a target: "Acme shares jump 5 %" reaches the verb


def context_masks(span_mask: np.ndarray, attention: np.ndarray, window: int = WINDOW) -> np.ndarray:
    """The ``window`` tokens just before and just after a target's span (2, T), leaving out
    [CLS], [SEP] and padding; both are empty when the span is the whole sentence."""
    positions = np.arange(len(span_mask))
    inside = np.flatnonzero(span_mask)
    first, last = inside[0], inside[-1]
    real = (attention > 0) & (positions > 0) & (positions < attention.sum() - 1)
    before = real & (positions >= first - window) & (positions < first)
    after = real & (positions > last) & (positions <= last + window)
    return np.stack([before, after]).astype(np.float32)


class SavedTokenizer:
    """A folder's ``tokenizer.json`` run by the ``tokenizers`` library itself, called like the
    transformers tokenizer :func:`encode_batch` is given in training (right truncation to
    ``max_length``, padding to the longest text, NumPy arrays). transformers' fast tokenizer is
    this same object underneath; serving without it saves importing transformers and torch
    (about 6 s of every command's start-up). tests/sentiment/test_network.py checks that both
    give the same ids, masks and offsets."""

    def __init__(self, path: str | Path, pad_token: str = "[PAD]") -> None:
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(path))
        pad_id = self._tokenizer.token_to_id(pad_token)
        if pad_id is None:
            raise ValueError(f"{path}: the padding token {pad_token!r} is not in the vocabulary")
        self._tokenizer.enable_padding(pad_id=pad_id, pad_token=pad_token)
        self._max_length: int | None = None

    @classmethod
    def from_pretrained(cls, folder: str | Path) -> SavedTokenizer:
        folder = Path(folder)
        config_file = folder / "tokenizer_config.json"
        config = json.loads(config_file.read_text()) if config_file.exists() else {}
        return cls(folder / "tokenizer.json", config.get("pad_token", "[PAD]"))

    def __call__(self, texts: list[str], *, truncation: bool, max_length: int, padding: bool,
                 return_offsets_mapping: bool = False, return_tensors: str = "np") -> dict[str, np.ndarray]:
        if not (truncation and padding and return_tensors == "np"):
            raise ValueError("SavedTokenizer truncates, pads to the longest text and returns NumPy arrays")
        if max_length != self._max_length:
            self._tokenizer.enable_truncation(max_length)
            self._max_length = max_length
        encodings = self._tokenizer.encode_batch(texts)
        out = {"input_ids": np.array([e.ids for e in encodings], dtype=np.int64).reshape(len(texts), -1),
               "attention_mask": np.array([e.attention_mask for e in encodings],
                                          dtype=np.int64).reshape(len(texts), -1)}
        if return_offsets_mapping:
            out["offset_mapping"] = np.array([e.offsets for e in encodings],
                                             dtype=np.int64).reshape(len(texts), -1, 2)
        return out


def encode_batch(tokenizer, texts: list[str], spans: list[list[tuple[int, int]]] | None,
                 max_length: int) -> EncodedBatch:
    """``spans[i]`` are character spans in ``texts[i]``. A token belongs to a span when their
    characters overlap; a span cut off by truncation falls back to the whole sentence."""
    enc = tokenizer(texts, truncation=True, max_length=max_length, padding=True,
                    return_offsets_mapping=bool(spans), return_tensors="np")
    ids = enc["input_ids"].astype(np.int64)
    attention = enc["attention_mask"].astype(np.int64)
    rows: list[int] = []
    masks: list[np.ndarray] = []
    if spans:
        offsets = enc["offset_mapping"]  # (B, T, 2); special tokens and padding are (0, 0)
        starts, ends = offsets[..., 0], offsets[..., 1]
        real = ends > starts
        for i, text_spans in enumerate(spans):
            for start, end in text_spans:
                mask = real[i] & (starts[i] < end) & (ends[i] > start)
                if not mask.any():
                    mask = attention[i].astype(bool)
                rows.append(i)
                masks.append(mask.astype(np.float32))
    width = ids.shape[1]
    return EncodedBatch(ids, attention, np.asarray(rows, dtype=np.int64),
                        np.stack(masks) if masks else np.zeros((0, width), dtype=np.float32))
