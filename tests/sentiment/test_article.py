from nlp.schema import Sentence
from nlp.sentences import sentence_spans
from nlp.sentiment.stage import _article_sentiment


def _sent(i, targets, top=0.9):
    return Sentence(start=i * 10, end=i * 10 + 5, text="x" * 5, block=0,
                    sentiment={"negative": 0.05, "neutral": 1 - top - 0.05, "positive": top}, targets=targets)


def test_article_sentiment_averages_supporting_sentences_and_keeps_evidence():
    sentences = [_sent(0, {"small_caps": 0.8}), _sent(1, {"small_caps": 0.4, "large_caps": -0.6}),
                 _sent(2, {}), _sent(3, {"small_caps": -0.2}), _sent(4, {"small_caps": 0.9})]
    out = {t.target: t for t in _article_sentiment(sentences)}
    small = out["small_caps"]
    assert small.sentences == 4 and small.label == "positive"
    assert abs(small.score - (0.8 + 0.4 - 0.2 + 0.9) / 4) < 1e-6
    assert small.evidence == [0, 1, 4]  # the three strongest, in text order
    assert out["large_caps"].label == "negative" and out["large_caps"].sentences == 1
    assert 0 < small.confidence < 1
    assert [t.target for t in _article_sentiment(sentences)][:2] == ["large_caps", "small_caps"]


def test_sentence_spans_cover_sentences():
    text = "Small caps rose. Large caps fell! Why? Rates."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Small caps rose.", "Large caps fell!", "Why?", "Rates."]
