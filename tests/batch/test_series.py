

from nlp.batch.series import build_series
from nlp.schema import Block, Document, TargetSentiment


def _doc(i, day, score, promo=0.0, title=None):
    text = f"Article {i} about small caps and the Russell 2000, number {i}."
    return Document(id=f"{i:016d}", sha256="0" * 64, source=f"a{i}.txt", title=title or f"Title {i}",
                    published=day, text=text, promotional_score=promo,
                    blocks=[Block(start=0, end=len(text), text=text)],
                    sentiment=[TargetSentiment(target="small_caps", score=score, label="positive" if score > 0 else "negative",
                                               sentences=2)])


def test_daily_series_excludes_promotion_collapses_duplicates_and_never_looks_ahead(tmp_path):
    docs = [_doc(1, "2025-12-01", 0.5), _doc(2, "2025-12-01", -0.1), _doc(3, "2025-12-01", 0.9, promo=0.8),
            _doc(4, "2025-12-02", 0.2), _doc(4, "2025-12-02", 0.2), _doc(6, "2025-12-04", -0.4)]
    (tmp_path / "articles.jsonl").write_text("".join(d.to_json() + "\n" for d in docs))
    s = build_series(tmp_path, "small_caps", "D")
    by_day = {str(d.date()): row for d, row in zip(s["date"], s.to_dict("records"), strict=True)}
    assert list(by_day) == ["2025-12-01", "2025-12-02", "2025-12-04"]
    first = by_day["2025-12-01"]
    assert first["articles"] == 2 and abs(first["mean_score"] - 0.2) < 1e-9
    assert first["promotional_excluded"] == 1 and first["positive_share"] == 0.5
    assert by_day["2025-12-02"]["articles"] == 1 and by_day["2025-12-02"]["duplicates_collapsed"] == 1
    assert by_day["2025-12-04"]["mean_score"] == -0.4  # a later article never feeds an earlier row


def test_weekly_series_ends_on_friday(tmp_path):
    docs = [_doc(1, "2025-12-01", 0.5), _doc(2, "2025-12-05", 0.1), _doc(3, "2025-12-08", -0.2)]
    (tmp_path / "articles.jsonl").write_text("".join(d.to_json() + "\n" for d in docs))
    s = build_series(tmp_path, "small_caps", "W")
    assert [str(d.date()) for d in s["date"]] == ["2025-12-05", "2025-12-12"]
    assert list(s["articles"]) == [2, 1]
