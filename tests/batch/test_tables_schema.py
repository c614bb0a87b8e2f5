"""Every Parquet table has the same Arrow schema whatever the articles held: an empty run, a
one-article run with nulls everywhere, and a mixed run all write exactly ``SCHEMAS``."""

import datetime as dt

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from nlp.batch.tables import SCHEMAS, TABLES, write_outputs
from nlp.schema import Block, Check, Claim, Document, Flag, TargetSentiment, Verdict


def _bare(i: int) -> Document:
    text = f"Plain note {i}."
    return Document(id=f"{i:016d}", sha256="0" * 64, source=f"n{i}.txt", text=text,
                    blocks=[Block(start=0, end=len(text), text=text)])


def _full(i: int, published) -> Document:
    text = "The Russell 2000 rose 3% last week, small caps rallied."
    return Document(
        id=f"{i:016d}", sha256="1" * 64, source=f"f{i}.html", title=f"Title {i}", published=published,
        published_source="json_ld", site="example.com", author="A. Writer", text=text, promotional_score=0.1,
        blocks=[Block(start=0, end=len(text), text=text, role_confidence=0.9, cues=["x"])],
        sentiment=[TargetSentiment(target="small_caps", score=0.4, label="positive", sentences=1)],
        claims=[Claim(start=0, end=len(text), text=text, claim_type="market_data", checkworthy=0.9)],
        verdicts=[Verdict(claim=0, verdict="contradicted", checks=[Check(
            instrument="^RUT", measure="change_pct", window_start=dt.date(2025, 11, 7),
            window_end=dt.date(2025, 11, 14),
            asserted=3.0, computed=-1.2, tolerance_low=2.5, tolerance_high=3.5, verdict="contradicted",
            rows=[{"symbol": "^RUT", "date": "2025-11-07", "field": "close", "value": 2400.5}])])],
        flags=[Flag(name="unsupported_claim")], stages=["promo", "sentiment", "claims", "verify"])


@pytest.mark.parametrize("docs", [[], [_bare(1)], [_bare(1), _full(2, "2025-11-14"),
                                                    _full(3, dt.datetime(2025, 12, 3, 11, 15, tzinfo=dt.timezone(
                                                        dt.timedelta(hours=-5))))]],
                         ids=["empty", "one-bare", "mixed"])
def test_parquet_schema_is_fixed(tmp_path, docs):
    write_outputs(tmp_path, docs, [])
    for name in TABLES:
        assert pq.read_schema(tmp_path / f"{name}.parquet").remove_metadata() == SCHEMAS[name], name
    con = duckdb.connect(str(tmp_path / "finnews.duckdb"), read_only=True)
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'articles'").fetchall())
    assert types["published"] == "TIMESTAMP WITH TIME ZONE" and "flags" not in types
    assert types["flag_names"] == "VARCHAR"


def test_published_is_utc_with_the_original_text_and_source(tmp_path):
    offset = dt.datetime(2025, 12, 3, 11, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    write_outputs(tmp_path, [_full(1, "2025-11-14"), _full(2, offset), _bare(3)], [])
    a = pd.read_parquet(tmp_path / "articles.parquet")
    utc = [pd.Timestamp("2025-11-14", tz="UTC"), pd.Timestamp("2025-12-03 16:15", tz="UTC")]
    assert list(a["published"])[:2] == utc
    assert pd.isna(a["published"][2])
    assert list(a["published_text"])[:2] == ["2025-11-14", "2025-12-03T11:15:00-05:00"]
    assert list(a["published_source"])[:2] == ["json_ld", "json_ld"] and pd.isna(a["published_source"][2])
    assert list(a["verification"]) == ["checked", "checked", "no_market_data"]
    assert a["flag_names"][0] == "unsupported_claim"
    # verification that ran on an article without a date
    undated = _full(4, None)
    undated.verdicts = [Verdict(claim=0, verdict="unverifiable", reason_kind="no_date")]
    write_outputs(tmp_path, [undated], [])
    a = pd.read_parquet(tmp_path / "articles.parquet")
    assert a["verification"][0] == "no_date" and a["unsupported_claims"][0] == 0
    c = pd.read_parquet(tmp_path / "claims.parquet")
    assert pd.isna(c["computed"][0])


def test_claim_check_columns_are_typed(tmp_path):
    write_outputs(tmp_path, [_full(1, "2025-11-14")], [])
    c = pd.read_parquet(tmp_path / "claims.parquet").iloc[0]
    assert c["window_start"] == dt.date(2025, 11, 7) and c["computed"] == -1.2 and c["tolerance_high"] == 3.5
    assert '"^RUT"' in c["evidence"]
