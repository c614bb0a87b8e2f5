"""The batch outputs, rebuilt from the cached documents, each written atomically.

* ``articles.jsonl`` - one document per line, the full schema with every stage's results;
* Parquet tables, one row per …:
  - ``articles`` (article): id, source, title, published, site, author, promotional_score,
    small_caps_score / label, large_caps_score, claims, unsupported_claims (contradicted by
    the market data), unverifiable_claims, checked_claims (settled either way; null when the
    verify stage did not run), words, flags,
    source_bytes (the file name's exact bytes in hex when they are not valid UTF-8 - ``source``
    then has replacement characters - else null);
  - ``blocks`` (block): article_id, index, kind, role, role_confidence, cues, start, end, text;
  - ``entities`` (mention): article_id, start, end, text, symbol, kind, exchange, role;
  - ``figures`` (number): article_id, start, end, text, value, low, high, unit, magnitude,
    qualifier, comparison, direction, period, metric, subject, status;
  - ``claims`` (claim): article_id, index, start, end, text, claim_type, checkworthy, status,
    attributed_to, verdict, reason, and the check that decided the verdict: instrument,
    measure, window_start, window_end, asserted, computed, tolerance_low, tolerance_high,
    evidence (the price rows used, as JSON: symbol, date, field, value);
  - ``sentences`` (sentence): article_id, start, end, text, positive, neutral, negative,
    small_caps, large_caps;
* ``finnews.duckdb`` - a DuckDB database with one view per table over the Parquet files
  (``finnews sql "SELECT …"``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from nlp.io import atomic_write_with
from nlp.schema import Document

COLUMNS = {
    "articles": ["article_id", "source", "title", "published", "site", "author", "promotional_score",
                 "small_caps_score", "small_caps_label", "large_caps_score", "claims", "unsupported_claims",
                 "unverifiable_claims", "checked_claims", "words", "flags", "source_bytes"],
    "blocks": ["article_id", "index", "kind", "role", "role_confidence", "cues", "start", "end", "text"],
    "entities": ["article_id", "start", "end", "text", "symbol", "kind", "exchange", "role"],
    "figures": ["article_id", "start", "end", "text", "value", "low", "high", "unit", "magnitude", "qualifier",
                "comparison", "direction", "period", "metric", "subject", "status"],
    "claims": ["article_id", "index", "start", "end", "text", "claim_type", "checkworthy", "status",
               "attributed_to", "verdict", "reason", "instrument", "measure", "window_start", "window_end",
               "asserted", "computed", "tolerance_low", "tolerance_high", "evidence"],
    "sentences": ["article_id", "start", "end", "text", "positive", "neutral", "negative", "small_caps",
                  "large_caps"],
}
TABLES = tuple(COLUMNS)


def rows(doc: Document, source_bytes: str | None = None) -> dict[str, list[dict]]:
    small = next((t for t in doc.sentiment if t.target == "small_caps"), None)
    large = next((t for t in doc.sentiment if t.target == "large_caps"), None)
    verdicts = {v.claim: v for v in doc.verdicts}
    verified = "verify" in doc.stages
    unsupported = sum(1 for v in doc.verdicts if v.verdict == "contradicted") if verified else None
    unverifiable = sum(1 for v in doc.verdicts if v.verdict == "unverifiable") if verified else None
    checked = sum(1 for v in doc.verdicts if v.verdict in ("supported", "contradicted")) if verified else None
    out: dict[str, list[dict]] = {name: [] for name in TABLES}
    out["articles"].append({
        "article_id": doc.id, "source": doc.source, "title": doc.title,
        "published": str(doc.published) if doc.published else None, "site": doc.site, "author": doc.author,
        "promotional_score": doc.promotional_score,
        "small_caps_score": small.score if small else None, "small_caps_label": small.label if small else None,
        "large_caps_score": large.score if large else None, "claims": len(doc.claims),
        "unsupported_claims": unsupported, "unverifiable_claims": unverifiable, "checked_claims": checked,
        "words": len(doc.article_text().split()),
        "flags": ",".join(sorted({f.name for f in doc.flags})), "source_bytes": source_bytes})
    for i, b in enumerate(doc.blocks):
        out["blocks"].append({"article_id": doc.id, "index": i, "kind": b.kind.value, "role": b.role.value,
                              "role_confidence": b.role_confidence, "cues": ",".join(b.cues),
                              "start": b.start, "end": b.end, "text": b.text})
    for e in doc.entities:
        out["entities"].append({"article_id": doc.id, **e.model_dump(exclude={"confidence", "name"})})
    for f in doc.figures:
        out["figures"].append({"article_id": doc.id, **f.model_dump()})
    for i, c in enumerate(doc.claims):
        v = verdicts.get(i)
        out["claims"].append({"article_id": doc.id, "index": i, "start": c.start, "end": c.end, "text": c.text,
                              "claim_type": c.claim_type, "checkworthy": c.checkworthy, "status": c.status,
                              "attributed_to": c.attributed_to, "verdict": v.verdict if v else None,
                              "reason": v.reason if v else None, **check_columns(v)})
    for s in doc.sentences:
        out["sentences"].append({"article_id": doc.id, "start": s.start, "end": s.end, "text": s.text,
                                 **{k: s.sentiment.get(k) for k in ("positive", "neutral", "negative")},
                                 "small_caps": s.targets.get("small_caps"), "large_caps": s.targets.get("large_caps")})
    return out


def check_columns(verdict) -> dict:
    """The deciding check of a verdict as flat columns (all null without one)."""
    check = verdict.deciding if verdict is not None else None
    if check is None:
        return {name: None for name in ("instrument", "measure", "window_start", "window_end", "asserted", "computed",
                                        "tolerance_low", "tolerance_high", "evidence")}
    return {"instrument": check.instrument, "measure": check.measure,
            "window_start": str(check.window_start) if check.window_start else None,
            "window_end": str(check.window_end) if check.window_end else None,
            "asserted": check.asserted, "computed": check.computed, "tolerance_low": check.tolerance_low,
            "tolerance_high": check.tolerance_high, "evidence": json.dumps(check.rows) if check.rows else None}


def write_outputs(out: Path, docs: list[Document], errors: list[dict],
                  source_bytes: list[str | None] | None = None) -> None:
    """``source_bytes``: for each document, its input's name in hex when not valid UTF-8."""
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for doc, exact in zip(docs, source_bytes or [None] * len(docs), strict=True):
        for name, part in rows(doc, exact).items():
            tables[name] += part
    atomic_write_with(out / "articles.jsonl", lambda tmp: Path(tmp).write_text(
        "".join(doc.to_json() + "\n" for doc in docs), encoding="utf-8"))
    atomic_write_with(out / "errors.jsonl", lambda tmp: Path(tmp).write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8"))
    for name, data in tables.items():
        frame = pd.DataFrame(data, columns=COLUMNS[name])
        if frame.empty:
            frame = frame.astype("string")  # typed columns, so an empty table still has a schema
        atomic_write_with(out / f"{name}.parquet", lambda tmp, frame=frame: frame.to_parquet(tmp, index=False))
    _write_duckdb(out)


def _write_duckdb(out: Path) -> None:
    import duckdb

    def build(tmp: str) -> None:
        Path(tmp).unlink(missing_ok=True)
        con = duckdb.connect(tmp)
        for name in TABLES:
            # absolute paths: DuckDB resolves relative ones against the working directory
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{(out / name).resolve()}.parquet')")
        con.close()

    atomic_write_with(out / "finnews.duckdb", build)
