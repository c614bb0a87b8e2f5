

import pandas as pd

from nlp.batch.series import build_series
from nlp.schema import Block, Document, TargetSentiment


def _doc(i, day, score, promo=0.0, title=None):
    text = f"Article {i} about small caps and the Russell 2000, number {i}."
    return Document(id=f"{i:016d}", sha256="0" * 64, source=f"a{i}.txt", title=title or f"Title {i}",
                    published=day, text=text, promotional_score=promo,
                    blocks=[Block(start=0, end=len(text), text=text)],
                    sentiment=[TargetSentiment(target="small_caps", score=score,
                                               label="positive" if score > 0 else "negative", sentences=2)])


def test_daily_series_excludes_promotion_collapses_duplicates_and_never_looks_ahead(tmp_path):
    docs = [_doc(1, "2025-12-01", 0.5), _doc(2, "2025-12-01", -0.1), _doc(3, "2025-12-01", 0.9, promo=0.8),
            _doc(4, "2025-12-02", 0.2), _doc(4, "2025-12-02", 0.2), _doc(6, "2025-12-04", -0.4)]
    (tmp_path / "articles.jsonl").write_text("".join(d.to_json() + "\n" for d in docs))
    s = build_series(tmp_path, "small_caps", "D")
    by_day = {str(d.date()): row for d, row in zip(s["date"], s.to_dict("records"), strict=True)}
    assert list(by_day) == ["2025-12-01", "2025-12-02", "2025-12-03", "2025-12-04"]  # an empty day is a row
    assert by_day["2025-12-03"]["articles"] == 0 and pd.isna(by_day["2025-12-03"]["mean_score"])
    first = by_day["2025-12-01"]
    assert first["articles"] == 2 and abs(first["mean_score"] - 0.2) < 1e-9
    assert first["promotional_excluded"] == 1 and first["positive_share"] == 0.5  # +0.5 positive
    assert first["negative_share"] == 0.5  # -0.1 is negative, as the sentiment stage labels it
    assert by_day["2025-12-02"]["articles"] == 1 and by_day["2025-12-02"]["duplicates_collapsed"] == 1
    assert by_day["2025-12-04"]["mean_score"] == -0.4  # a later article never feeds an earlier row


def test_weekly_series_ends_on_friday(tmp_path):
    docs = [_doc(1, "2025-12-01", 0.5), _doc(2, "2025-12-05", 0.1), _doc(3, "2025-12-08", -0.2)]
    (tmp_path / "articles.jsonl").write_text("".join(d.to_json() + "\n" for d in docs))
    s = build_series(tmp_path, "small_caps", "W")
    assert [str(d.date()) for d in s["date"]] == ["2025-12-05", "2025-12-12"]
    assert list(s["articles"]) == [2, 1]


def test_empty_weeks_are_rows_and_dropped_articles_are_counted(tmp_path):
    undated = _doc(9, None, 0.3)
    unscored = _doc(8, "2025-12-03", 0.1)
    unscored.sentiment = []
    docs = [_doc(1, "2025-12-01", 0.5), _doc(2, "2025-12-22", -0.5), undated, unscored]
    (tmp_path / "articles.jsonl").write_text("".join(d.to_json() + "\n" for d in docs))
    s = build_series(tmp_path, "small_caps", "W")
    assert [str(d.date()) for d in s["date"]] == ["2025-12-05", "2025-12-12", "2025-12-19", "2025-12-26"]
    assert list(s["articles"]) == [1, 0, 0, 1]
    assert s.attrs["dropped"] == {"undated": 1, "no_score": 1, "promotional": 0, "duplicates": 0}
    assert s["articles"].dtype == "int64" and s["mean_score"].dtype == "float64"


def test_no_dated_article_gives_an_empty_typed_series(tmp_path):
    (tmp_path / "articles.jsonl").write_text(_doc(1, None, 0.2).to_json() + "\n")
    s = build_series(tmp_path, "small_caps", "D")
    assert s.empty and "mean_score" in s.columns and s.attrs["dropped"]["undated"] == 1


def test_forward_returns_name_their_horizon(tmp_path):
    from nlp.market.store import MarketStore

    days = pd.bdate_range("2025-12-01", "2025-12-31")
    rows = [{"symbol": sym, "date": d.date(), "open": None, "high": None, "low": None, "close": 100.0 + k * step,
             "volume": None, "adjusted": True, "provisional": False, "source": "test"}
            for sym, step in (("IWM", 1.0), ("IWB", 0.5)) for k, d in enumerate(days)]
    with MarketStore(tmp_path / "m.duckdb") as store:
        store.add(pd.DataFrame(rows))
    docs = [_doc(1, "2025-12-01", 0.5), _doc(2, "2025-12-06", 0.1)]  # a Saturday: Friday's close onward
    (tmp_path / "articles.jsonl").write_text("".join(d.to_json() + "\n" for d in docs))
    daily = build_series(tmp_path, "small_caps", "D", tmp_path / "m.duckdb")
    assert {"iwm_return_1d", "iwb_return_1d", "iwm_minus_iwb_return_1d"} <= set(daily.columns)
    assert abs(daily["iwm_return_1d"][0] - (101 / 100 - 1)) < 1e-12
    assert abs(daily["iwm_return_1d"][5] - (105 / 104 - 1)) < 1e-12  # Sat 6th: from Fri 5th's close (104)
    weekly = build_series(tmp_path, "small_caps", "W", tmp_path / "m.duckdb")
    assert abs(weekly["iwm_return_5d"][0] - (109 / 104 - 1)) < 1e-12
