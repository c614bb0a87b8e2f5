"""A sentence's scores are a function of the sentence: not of its batch-mates, the batch size,
the worker count or the input order (the default int8 backend runs rows unpadded)."""

import random

import numpy as np
import pytest

from nlp.claims.checkworthy import checkworthiness
from nlp.sentiment.model import DEFAULT_MODEL, load_sentiment_model

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL / "config.json").exists(),
                                reason="models/sentiment-minilm is not trained yet")

SENTENCES = [
    "Small caps rallied.",
    "The Russell 2000 fell 2.6% on Tuesday, its worst day since April, as yields jumped and investors "
    "dumped rate-sensitive regional banks and biotech names that had led the November rebound.",
    "Shares of Kestrel Freight slid after the company cut its full-year guidance.",
    "Small caps face fewer headwinds than large caps.",
    "Analysts expect earnings growth to accelerate next year, although margins may stay under pressure "
    "while wage costs keep rising faster than prices.",
    "Value-conscious investors are noticing.",
    "The S&P 500 closed at a record 6,890.89, up 0.4%.",
    "Tariff risks weigh on importers.",
]


def test_scores_do_not_depend_on_the_batch():
    model = load_sentiment_model()
    model.forget()
    alone = [model.analyse([s], [[(0, 5)]]) for s in SENTENCES]
    order = list(range(len(SENTENCES))) * 3
    random.Random(3).shuffle(order)
    for batch_size in (2, 5, 64):
        model.forget()
        mixed = model.analyse([SENTENCES[i] for i in order], [[(0, 5)] for _ in order], batch_size=batch_size)
        for row, i in enumerate(order):
            np.testing.assert_allclose(mixed.sentence[row], alone[i].sentence[0], atol=1e-4)
            np.testing.assert_allclose(mixed.targets[row], alone[i].targets[0], atol=1e-4)
            np.testing.assert_allclose(mixed.embeddings[row], alone[i].embeddings[0], atol=1e-4)
            assert mixed.sentence[row].argmax() == alone[i].sentence[0].argmax()


def test_checkworthiness_does_not_depend_on_the_batch():
    model = load_sentiment_model()
    together = checkworthiness(SENTENCES, [False] * len(SENTENCES))
    for text, score in zip(SENTENCES, together, strict=True):
        model.forget()
        assert checkworthiness([text], [False])[0] == pytest.approx(score, abs=1e-4)
