"""The batch outputs, rebuilt from the cached documents, each written atomically.

* ``articles.jsonl`` - one document per line, the full schema with every stage's results;
* Parquet tables with the fixed Arrow types of :data:`SCHEMAS` (the same for an empty run, a
  one-article run and a mixed one: a column's type never depends on what the articles held),
  one row per …:
  - ``articles`` (article): article_id, source, url, title, published (UTC timestamp; a date
    without a time is midnight UTC), published_text (the date as the page gave it: a day, or
    a time with its offset), published_source (json_ld, meta_tag, url, text, …), site, author,
    promotional_score, small_caps_score / label, large_caps_score, claims,
    unsupported_claims (contradicted by the market data), unverifiable_claims, checked_claims
    (settled either way; the three are null when the verify stage did not run), verification
    (checked | no_market_data: verify did not run | no_date: the article has no date to check
    against), words, flag_names (comma-separated), source_bytes (the file name's exact bytes
    in hex when they are not valid UTF-8 - ``source`` then has replacement characters - else
    null);
  - ``blocks`` (block): article_id, index, kind, role, role_confidence, cues, start, end, text;
  - ``entities`` (mention): article_id, start, end, text, symbol, kind, exchange, role;
  - ``figures`` (number): article_id, start, end, text, value, low, high, unit, magnitude,
    qualifier, comparison, direction, period, metric, subject, status;
  - ``claims`` (claim): article_id, index, start, end, text, claim_type, checkworthy, status,
    attributed_to, verdict, reason, and the check that decided the verdict: instrument,
    measure, window_start, window_end (dates), asserted, computed, tolerance_low,
    tolerance_high, evidence (the price rows used, as JSON: symbol, date, field, value);
  - ``sentences`` (sentence): article_id, start, end, text, positive, neutral, negative,
    small_caps, large_caps;
* ``finnews.duckdb`` - a DuckDB database with one view per table over the Parquet files
  (``finnews sql "SELECT …"``).

``flags`` was renamed ``flag_names``: a column called ``flags`` hides ``DataFrame.flags``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from nlp.io import atomic_write_with
from nlp.schema import Document

_S, _F, _I = pa.string(), pa.float64(), pa.int64()
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _S), ("source", _S), ("url", _S), ("title", _S), ("published", pa.timestamp("us", tz="UTC")),
        ("published_text", _S), ("published_source", _S), ("site", _S), ("author", _S),
        ("promotional_score", _F), ("small_caps_score", _F), ("small_caps_label", _S), ("large_caps_score", _F),
        ("claims", _I), ("unsupported_claims", _I), ("unverifiable_claims", _I), ("checked_claims", _I),
        ("verification", _S), ("words", _I), ("flag_names", _S), ("source_bytes", _S)]),
    "blocks": pa.schema([("article_id", _S), ("index", _I), ("kind", _S), ("role", _S), ("role_confidence", _F),
                         ("cues", _S), ("start", _I), ("end", _I), ("text", _S)]),
    "entities": pa.schema([("article_id", _S), ("start", _I), ("end", _I), ("text", _S), ("symbol", _S),
                           ("kind", _S), ("exchange", _S), ("role", _S)]),
    "figures": pa.schema([("article_id", _S), ("start", _I), ("end", _I), ("text", _S), ("value", _F), ("low", _F),
                          ("high", _F), ("unit", _S), ("magnitude", _F), ("qualifier", _S), ("comparison", _S),
                          ("direction", _S), ("period", _S), ("metric", _S), ("subject", _S), ("status", _S)]),
    "claims": pa.schema([
        ("article_id", _S), ("index", _I), ("start", _I), ("end", _I), ("text", _S), ("claim_type", _S),
        ("checkworthy", _F), ("status", _S), ("attributed_to", _S), ("verdict", _S), ("reason", _S),
        ("instrument", _S), ("measure", _S), ("window_start", pa.date32()), ("window_end", pa.date32()),
        ("asserted", _F), ("computed", _F), ("tolerance_low", _F), ("tolerance_high", _F), ("evidence", _S)]),
    "sentences": pa.schema([("article_id", _S), ("start", _I), ("end", _I), ("text", _S), ("positive", _F),
                            ("neutral", _F), ("negative", _F), ("small_caps", _F), ("large_caps", _F)]),
}
COLUMNS = {name: schema.names for name, schema in SCHEMAS.items()}
TABLES = tuple(SCHEMAS)
VERIFICATION = ("checked", "no_market_data", "no_date")


def published_utc(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    """A publication date as an aware UTC time. A bare day is midnight UTC of that day (its
    calendar day is what the page said); a time without an offset is taken as UTC."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def verification(doc: Document) -> str:
    if "verify" not in doc.stages:
        return "no_market_data"  # analyze leaves verify out when it has no market store
    # verify reads claims at the publication date; an undated article's verdicts are all
    # unverifiable (unless --as-of gave a date, when some claim was settled)
    if doc.published is None and not any(v.verdict in ("supported", "contradicted") for v in doc.verdicts):
        return "no_date"
    return "checked"


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
        "article_id": doc.id, "source": doc.source, "url": doc.url, "title": doc.title,
        "published": published_utc(doc.published),
        "published_text": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source.value if doc.published else None,
        "site": doc.site, "author": doc.author, "promotional_score": doc.promotional_score,
        "small_caps_score": small.score if small else None, "small_caps_label": small.label if small else None,
        "large_caps_score": large.score if large else None, "claims": len(doc.claims),
        "unsupported_claims": unsupported, "unverifiable_claims": unverifiable, "checked_claims": checked,
        "verification": verification(doc), "words": len(doc.article_text().split()),
        "flag_names": ",".join(sorted({f.name for f in doc.flags})), "source_bytes": source_bytes})
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
            "window_start": check.window_start, "window_end": check.window_end,
            "asserted": check.asserted, "computed": check.computed, "tolerance_low": check.tolerance_low,
            "tolerance_high": check.tolerance_high,
            "evidence": json.dumps(check.rows, default=str) if check.rows else None}


def arrow_tables(docs: list[Document], source_bytes: list[str | None] | None = None) -> dict[str, pa.Table]:
    """Every table as Arrow with its fixed schema (an empty table keeps it too)."""
    data: dict[str, list[dict]] = {name: [] for name in TABLES}
    for doc, exact in zip(docs, source_bytes or [None] * len(docs), strict=True):
        for name, part in rows(doc, exact).items():
            data[name] += part
    return {name: pa.Table.from_pylist(data[name], schema=SCHEMAS[name]) for name in TABLES}


def write_outputs(out: Path, docs: list[Document], errors: list[dict],
                  source_bytes: list[str | None] | None = None) -> None:
    """``source_bytes``: for each document, its input's name in hex when not valid UTF-8."""
    atomic_write_with(out / "articles.jsonl", lambda tmp: Path(tmp).write_text(
        "".join(doc.to_json() + "\n" for doc in docs), encoding="utf-8"))
    atomic_write_with(out / "errors.jsonl", lambda tmp: Path(tmp).write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8"))
    for name, table in arrow_tables(docs, source_bytes).items():
        atomic_write_with(out / f"{name}.parquet", lambda tmp, table=table: pq.write_table(table, tmp))
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
