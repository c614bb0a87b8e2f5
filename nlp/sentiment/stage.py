"""The ``sentiment`` pipeline stage: sentence sentiment, sentiment toward each target in each
sentence, and article sentiment per target.

Runs after ``entities`` (targets come from ``Document.entities``) and reads article blocks
only, so promotional blocks never count. One encoder pass per sentence gives its three
calibrated probabilities and, per target mentioned in it, the target head's polarity
(P(positive) − P(negative)) read at the words naming the target, scaled by 0.6 when the
sentence is hedged or conditional; when the sentence compares the small-cap and large-cap
groups ("small caps outpaced megacaps"), the two get opposite signs by the comparison verb.
Per article and target: the mean polarity of its sentences, a label (|score| < 0.1 is
neutral), the number of sentences, a confidence (mean top probability × n / (n + 2)) and the
three strongest sentences as evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from nlp.models.encoders import configure, shared_encoder
from nlp.pipeline import register_stage
from nlp.schema import BlockRole, Document, Sentence, TargetSentiment
from nlp.sentences import block_sentence_spans
from nlp.sentiment.model import DEFAULT_BACKEND, Prediction
from nlp.sentiment.targets import (
    COMPARATIVE_MIN,
    GROUP_NAMES,
    HEDGE_FACTOR,
    comparative_signs,
    groups_of,
    hedged,
)

NEUTRAL_BAND = 0.1
EVIDENCE = 3


class SentimentStage:
    name = "sentiment"

    def __init__(self, model_path: str | None = None, backend: str = DEFAULT_BACKEND) -> None:
        # published under its name, so the check-worthiness head embeds with this very model
        configure("finnews-sentiment", folder=model_path, backend=backend)
        self.model = shared_encoder("finnews-sentiment")

    def __call__(self, doc: Document) -> Document:
        sentences: list[Sentence] = []
        for index, block in enumerate(doc.blocks):
            if block.role != BlockRole.ARTICLE:
                continue
            for s, e in block_sentence_spans(block):
                start, end = block.start + s, block.start + e
                sentences.append(Sentence(start=start, end=end, text=doc.text[start:end], block=index))
        if not sentences:
            doc.sentences, doc.sentiment = [], []
            return doc
        self.model.forget()  # the cache serves this document's later stages (claims), not others
        positions = self._target_positions(doc, sentences)
        names = [list(positions.get(i, {})) for i in range(len(sentences))]
        result = self.model.analyse([s.text for s in sentences],
                                    [[positions[i][t] for t in names[i]] for i in range(len(sentences))])
        for i, sent in enumerate(sentences):
            sent.sentiment = Prediction.from_probabilities(result.sentence[i]).scores
            scale = HEDGE_FACTOR if names[i] and hedged(sent.text) else 1.0
            for target, probs in zip(names[i], result.targets[i], strict=True):
                sent.targets[target] = round(float(probs[2] - probs[0]) * scale, 4)
        self._comparatives(doc, sentences, positions)
        doc.sentences = sentences
        doc.sentiment = _article_sentiment(sentences)
        return doc

    @staticmethod
    def _target_positions(doc: Document, sentences: list[Sentence]) -> dict[int, dict[str, tuple[int, int]]]:
        """sentence index -> target -> the span (in the sentence) of the first words naming it."""
        positions: dict[int, dict[str, tuple[int, int]]] = {}
        pos = 0
        for i, sent in enumerate(sentences):
            while pos < len(doc.entities) and doc.entities[pos].start < sent.start:
                pos += 1
            k = pos
            while k < len(doc.entities) and doc.entities[k].end <= sent.end:
                ent = doc.entities[k]
                if ent.role != "source":
                    for target in groups_of(ent.symbol, ent.kind, ent.size):
                        positions.setdefault(i, {}).setdefault(target, (ent.start - sent.start, ent.end - sent.start))
                k += 1
        return positions

    def _comparatives(self, doc: Document, sentences: list[Sentence], positions: dict) -> None:
        """A comparison between two targets gives them opposite signs, whatever the model
        made of the sentence as a whole; the strength is the model's, at least 0.3."""
        for i, found in positions.items():
            groups = [(span, target) for target, span in found.items() if target in GROUP_NAMES]
            if len(groups) != 2:
                continue
            (a_span, a), (b_span, b) = sorted(groups)
            signs = comparative_signs(sentences[i].text, a_span, b_span)
            if signs is None:
                continue
            for target, sign in ((a, signs[0]), (b, signs[1])):
                strength = max(abs(sentences[i].targets.get(target, 0.0)), COMPARATIVE_MIN)
                sentences[i].targets[target] = round(sign * strength, 4)


def _article_sentiment(sentences: list[Sentence]) -> list[TargetSentiment]:
    by_target: dict[str, list[int]] = defaultdict(list)
    for i, sent in enumerate(sentences):
        for target in sent.targets:
            by_target[target].append(i)
    out = []
    for target, idx in sorted(by_target.items(), key=lambda kv: (kv[0] not in GROUP_NAMES, kv[0])):
        scores = [sentences[i].targets[target] for i in idx]
        score = sum(scores) / len(scores)
        top = sum(max(sentences[i].sentiment.values()) for i in idx) / len(idx)
        label = "neutral" if abs(score) < NEUTRAL_BAND else "positive" if score > 0 else "negative"
        strongest = sorted(idx, key=lambda i: -abs(sentences[i].targets[target]))[:EVIDENCE]
        out.append(TargetSentiment(target=target, score=round(max(-1.0, min(1.0, score)), 4), label=label,
                                   sentences=len(idx), confidence=round(top * len(idx) / (len(idx) + 2), 4),
                                   evidence=sorted(strongest)))
    return out


@dataclass(frozen=True)
class SentimentOptions:
    model: str | None = None  # a save_pretrained folder (default models/sentiment-minilm)
    backend: Literal["torch", "onnx", "onnx-int8"] = DEFAULT_BACKEND  # see nlp.sentiment.model


@register_stage("sentiment", requires=("entities",), reads=("blocks.role",), assigns=("sentences", "sentiment"),
                options=SentimentOptions)
def make_sentiment_stage(options: SentimentOptions) -> SentimentStage:
    return SentimentStage(options.model, options.backend)


__all__ = ["SentimentStage"]
