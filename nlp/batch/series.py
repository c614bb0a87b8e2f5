"""Daily or weekly sentiment series from an ``analyze`` output, as model-ready features.

Per period and target: mean and median article score, article and sentence counts, the
shares of positive and negative articles, dispersion (standard deviation), how many
promotional articles were excluded (promotional score ≥ 0.5) and how many near-duplicates
were collapsed (same normalised title and opening, the earliest kept). Optionally joined
with forward returns from the market store (IWM, and the IWM − IWB spread; next day and
next week). No look-ahead: the row for date t uses only articles published on or before t
(within the period ending at t), and forward returns run from the close of t onward.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

PROMOTIONAL = 0.5


def _dedup_key(doc: dict) -> str:
    text = re.sub(r"\W+", " ", f"{doc.get('title') or ''} {doc.get('opening') or ''}".lower()).strip()
    return hashlib.sha1(text.encode()).hexdigest()


def article_scores(out: Path, target: str) -> pd.DataFrame:
    """One row per article with a publication date: its score toward ``target``."""
    import json

    rows = []
    for line in (out / "articles.jsonl").read_text("utf-8").splitlines():
        doc = json.loads(line)
        if not doc.get("published"):
            continue
        hit = next((t for t in doc.get("sentiment", []) if t["target"] == target), None)
        article_text = " ".join(b["text"] for b in doc["blocks"] if b["role"] == "article")
        rows.append({"article_id": doc["id"], "published": pd.Timestamp(str(doc["published"])[:10]),
                     "score": hit["score"] if hit else None, "sentences": hit["sentences"] if hit else 0,
                     "promotional_score": doc.get("promotional_score") or 0.0,
                     "dedup": _dedup_key({"title": doc.get("title"), "opening": article_text[:300]})})
    frame = pd.DataFrame(rows, columns=["article_id", "published", "score", "sentences", "promotional_score", "dedup"])
    frame["published"] = pd.to_datetime(frame["published"])  # typed even with no dated article
    frame["score"] = frame["score"].astype(float)
    return frame


def build_series(out: Path, target: str = "small_caps", freq: str = "D", store_path: Path | None = None) -> pd.DataFrame:
    articles = article_scores(out, target).sort_values("published")
    promotional = articles["promotional_score"] >= PROMOTIONAL
    kept = articles[~promotional]
    duplicate = kept.duplicated("dedup", keep="first")
    kept = kept[~duplicate & kept["score"].notna()]
    rule = {"D": "D", "W": "W-FRI"}[freq]
    grouped = kept.groupby(pd.Grouper(key="published", freq=rule))
    series = pd.DataFrame({
        "mean_score": grouped["score"].mean(), "median_score": grouped["score"].median(),
        "articles": grouped["score"].count(), "sentences": grouped["sentences"].sum(),
        "positive_share": grouped["score"].apply(lambda s: (s > 0.1).mean() if len(s) else None),
        "negative_share": grouped["score"].apply(lambda s: (s < -0.1).mean() if len(s) else None),
        "dispersion": grouped["score"].std(),
    })
    excluded = articles[promotional].groupby(pd.Grouper(key="published", freq=rule)).size()
    collapsed = articles[~promotional][duplicate].groupby(pd.Grouper(key="published", freq=rule)).size() \
        if duplicate.any() else pd.Series(dtype=int)
    series["promotional_excluded"] = excluded.reindex(series.index, fill_value=0)
    series["duplicates_collapsed"] = collapsed.reindex(series.index, fill_value=0)
    series = series[series["articles"] > 0].copy()
    series.insert(0, "target", target)
    series.index.name = "date"
    if store_path is not None:
        series = series.join(forward_returns(store_path, series.index, freq))
    return series.reset_index()


def forward_returns(store_path: Path, dates: pd.DatetimeIndex, freq: str) -> pd.DataFrame:
    """IWM and IWM − IWB returns from the close of each date (or the last close before it)."""
    from nlp.market.store import MarketStore

    horizon = 1 if freq == "D" else 5
    with MarketStore(store_path, read_only=True) as store:
        closes = {}
        for symbol in ("IWM", "IWB"):
            h = store.history(symbol, adjusted=True)
            closes[symbol] = pd.Series(h["close"].values, index=pd.to_datetime(h["date"])) if not h.empty else pd.Series(dtype=float)
    out = pd.DataFrame(index=dates)
    for symbol, close in closes.items():
        if close.empty:
            out[f"{symbol.lower()}_fwd"] = None
            continue
        fwd = close.shift(-horizon) / close - 1
        out[f"{symbol.lower()}_fwd"] = fwd.reindex(dates, method="ffill").values
    if "iwb_fwd" in out:
        out["iwm_minus_iwb_fwd"] = out["iwm_fwd"] - out["iwb_fwd"]
    return out
