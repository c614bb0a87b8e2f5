"""Check-worthiness: does a sentence assert something that can be checked?

A logistic head over MiniLM sentence embeddings, trained on ClaimBuster's two-class train
file (``models/checkworthy-head``; card there), combined in :func:`checkworthiness` with
what finnews knows of the sentence: a figure with a unit makes it checkable, advice
("consider…", "should") and questions make it less so.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

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


@lru_cache(maxsize=1)
def load_head() -> CheckworthyHead | None:
    try:
        return CheckworthyHead.from_pretrained()
    except (FileNotFoundError, KeyError):
        return None


def checkworthiness(sentences: list[str], has_figure: list[bool]) -> list[float]:
    """A score in [0, 1] per sentence: the learned head's probability (0.4 when the head or the
    encoder is not installed), raised for sentences with a figure, lowered for advice and
    questions."""
    head = load_head()
    base = np.full(len(sentences), 0.4)  # without the head only sentences with figures pass
    if head is not None and sentences:
        try:
            from nlp.models import sentence_encoder

            base = head.predict_proba(sentence_encoder().encode(sentences, batch_size=64, convert_to_numpy=True))
        except ModuleNotFoundError:
            pass
    out = []
    for text, prob, figure in zip(sentences, base, has_figure, strict=True):
        score = float(prob)
        if figure:
            score = 1 - (1 - score) * 0.4
        if _ADVICE.search(text) or text.rstrip().endswith("?"):
            score *= 0.4
        out.append(round(score, 4))
    return out
