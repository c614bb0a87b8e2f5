"""Daily or weekly sentiment series from an ``analyze`` output, as model-ready features.

One row per period from the first dated article to the last, periods without an article
included (``articles`` 0, scores null): a model sees the gaps instead of guessing them. Per
period and target: mean and median article score, article and sentence counts, the shares
of positive and negative articles (by the article's label: ``|score| < 0.1`` is neutral, as
in the sentiment stage), the shares of positive and negative sentences about the target
(the same band, over every scored sentence: article scores are means and rarely leave the
positive side, sentences do), dispersion (standard deviation), how many promotional
articles were excluded (promotional score ≥ 0.5) and how many near-duplicates were
collapsed (same normalised title and opening, the earliest kept).

An article's day is its publication date as the page gave it (its own calendar day, not the
UTC one). Articles without a date, or without a score toward the target, cannot be placed
or averaged: they are counted in ``frame.attrs["dropped"]`` and the CLI says so.

Optionally joined with forward returns from the market store, named by horizon in trading
days: ``iwm_return_1d``, ``iwb_return_1d``, ``iwm_minus_iwb_return_1d`` (daily), ``…_5d``
(weekly). No look-ahead: the row for date t uses only articles published on or before t
(within the period ending at t), and forward returns run from the close of t (or the last
close before it) onward.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pandas as pd

PROMOTIONAL = 0.5
NEUTRAL_BAND = 0.1  # nlp.sentiment.stage.NEUTRAL_BAND, kept here so the series needs no model code
HORIZON = {"D": 1, "W": 5}  # trading days ahead for the forward returns
RULE = {"D": "D", "W": "W-FRI"}


def _dedup_key(doc: dict) -> str:
    text = re.sub(r"\W+", " ", f"{doc.get('title') or ''} {doc.get('opening') or ''}".lower()).strip()
    return hashlib.sha1(text.encode()).hexdigest()


def article_scores(out: Path, target: str) -> tuple[pd.DataFrame, int]:
    """One row per dated article: its score toward ``target`` (null without one) and its
    sentences' scores; and how many articles had no publication date."""
    rows, undated = [], 0
    for line in (out / "articles.jsonl").read_text("utf-8").splitlines():
        doc = json.loads(line)
        if not doc.get("published"):
            undated += 1
            continue
        hit = next((t for t in doc.get("sentiment", []) if t["target"] == target), None)
        sentence_scores = [s["targets"][target] for s in doc.get("sentences", []) if target in s.get("targets", {})]
        article_text = " ".join(b["text"] for b in doc["blocks"] if b["role"] == "article")
        rows.append({"article_id": doc["id"], "published": pd.Timestamp(str(doc["published"])[:10]),
                     "score": hit["score"] if hit else None, "sentences": hit["sentences"] if hit else 0,
                     "sentence_scores": sentence_scores,
                     "promotional_score": doc.get("promotional_score") or 0.0,
                     "dedup": _dedup_key({"title": doc.get("title"), "opening": article_text[:300]})})
    frame = pd.DataFrame(rows, columns=["article_id", "published", "score", "sentences", "sentence_scores",
                                        "promotional_score", "dedup"])
    frame["published"] = pd.to_datetime(frame["published"])  # typed even with no dated article
    frame["score"] = frame["score"].astype(float)
    return frame, undated


def _share(values, sign: int) -> float | None:
    values = list(values)
    if not values:
        return None
    return sum(1 for v in values if v * sign >= NEUTRAL_BAND) / len(values)


def build_series(out: Path, target: str = "small_caps", freq: str = "D",
                 store_path: Path | None = None) -> pd.DataFrame:
    """The series, one row per period (``date`` is the day, or the Friday ending the week).
    ``frame.attrs["dropped"]``: how many articles were left out, by reason."""
    articles, undated = article_scores(out, target)
    articles = articles.sort_values("published", kind="stable")
    promotional = articles["promotional_score"] >= PROMOTIONAL
    unscored = articles["score"].isna() & ~promotional
    candidates = articles[~promotional & ~unscored]
    duplicate = candidates.duplicated("dedup", keep="first")
    kept = candidates[~duplicate]
    rule = RULE[freq]
    index = _periods(articles["published"], rule)
    grouped = kept.groupby(pd.Grouper(key="published", freq=rule))

    def per_period(values: pd.Series) -> pd.Series:
        return values.reindex(index) if len(values) else pd.Series(index=index, dtype=float)

    def count(frame: pd.DataFrame) -> pd.Series:
        sizes = frame.groupby(pd.Grouper(key="published", freq=rule)).size() if len(frame) else pd.Series(dtype=int)
        return sizes.reindex(index, fill_value=0).astype("int64")

    sentences = grouped["sentence_scores"].sum() if len(kept) else pd.Series(dtype=object)
    series = pd.DataFrame({
        "target": target,
        "articles": count(kept),
        "mean_score": per_period(grouped["score"].mean()), "median_score": per_period(grouped["score"].median()),
        "sentences": per_period(grouped["sentences"].sum()).fillna(0).astype("int64"),
        "positive_share": per_period(grouped["score"].apply(lambda s: _share(s, 1))).astype(float),
        "negative_share": per_period(grouped["score"].apply(lambda s: _share(s, -1))).astype(float),
        "positive_sentence_share": per_period(sentences.apply(lambda s: _share(s or [], 1))).astype(float),
        "negative_sentence_share": per_period(sentences.apply(lambda s: _share(s or [], -1))).astype(float),
        "dispersion": per_period(grouped["score"].std()),
        "promotional_excluded": count(articles[promotional]),
        "duplicates_collapsed": count(candidates[duplicate]),
    }, index=index)
    series.index.name = "date"
    if store_path is not None:
        series = series.join(forward_returns(store_path, series.index, freq))
    frame = series.reset_index()
    frame.attrs["dropped"] = {"undated": undated, "no_score": int(unscored.sum()),
                              "promotional": int(promotional.sum()), "duplicates": int(duplicate.sum())}
    return frame


def _periods(dates: pd.Series, rule: str) -> pd.DatetimeIndex:
    """Every period from the first dated article's to the last one's (empty ones included)."""
    if dates.empty:
        return pd.DatetimeIndex([], name="date", dtype="datetime64[ns]")
    days = pd.date_range(dates.min(), dates.max(), freq="D")
    ends = pd.Series(1, index=days).resample(rule).size().index
    return pd.DatetimeIndex(ends, name="date")


def return_columns(freq: str) -> list[str]:
    h = f"{HORIZON[freq]}d"
    return [f"iwm_return_{h}", f"iwb_return_{h}", f"iwm_minus_iwb_return_{h}"]


def forward_returns(store_path: Path, dates: pd.DatetimeIndex, freq: str) -> pd.DataFrame:
    """IWM, IWB and IWM − IWB returns over the next ``HORIZON[freq]`` trading days, from the
    close of each date (or the last close before it: a weekend article's next move starts
    at Friday's close, which it could not have seen either way)."""
    from nlp.market.store import MarketStore

    horizon = HORIZON[freq]
    iwm, iwb, spread = return_columns(freq)
    with MarketStore(store_path, read_only=True) as store:
        closes = {}
        for symbol in ("IWM", "IWB"):
            h = store.history(symbol, adjusted=True)
            closes[symbol] = (pd.Series(h["close"].values, index=pd.to_datetime(h["date"])) if not h.empty
                              else pd.Series(dtype=float))
    out = pd.DataFrame(index=dates)
    for symbol, column in (("IWM", iwm), ("IWB", iwb)):
        close = closes[symbol]
        if close.empty or dates.empty:
            out[column] = pd.Series(index=dates, dtype=float)
            continue
        fwd = close.shift(-horizon) / close - 1
        out[column] = fwd.reindex(dates, method="ffill").values
    out[spread] = out[iwm] - out[iwb]
    return out.astype(float)
