"""Build gold.jsonl for the blind2 claim-check set (DEVELOPERS: do not read; see README.md).

    FINNEWS_DATA=/work/shared python corpora/claimcheck/blind2/make_gold.py [-v]

Every verifiable claim is one or more checks computed from the price CSVs under $FINNEWS_DATA/market/;
the script asserts that the computed verdict equals the intended one on every source, that false claims
miss by a clear margin and that every `contains` phrase occurs exactly once in its page.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from engine import C, Chk as K, evaluate  # noqa: E402

S, X, U = "supported", "contradicted", "unverifiable"
CLAIMS = []

# ---------------------------------------------------------------- p01 wire wrap (dateline Nov. 6, 2024)
P = "p01_wire_wrap.txt"
CLAIMS += [
    C(P, "jumped 1,508 points, or 3.6%, to 43,729.93, a record close", S, "daily_points+pct+level+record",
      K("^DJI", "day_pts", ["2024-11-06"], "1508"), K("^DJI", "day_pct", ["2024-11-06"], "3.6"),
      K("^DJI", "close", ["2024-11-06"], "43729.93"), K("^DJI", "is_record", ["2024-11-06"], True)),
    C(P, "gained 2.5% to 5,929.04, also an all-time high", S, "daily_pct+level+record+best_since",
      K("^GSPC", "day_pct", ["2024-11-06"], "2.5"), K("^GSPC", "close", ["2024-11-06"], "5929.04"),
      K("^GSPC", "is_record", ["2024-11-06"], True), K("^GSPC", "move_since", ["2024-11-06"], "2022-11", "in")),
    C(P, "The Nasdaq Composite advanced 4.2% to finish", X, "daily_pct",
      K("^IXIC", "day_pct", ["2024-11-06"], "4.2"), K("^IXIC", "close", ["2024-11-06"], "18983.47")),
    C(P, "the Russell 2000 soared 5.8% to 2,392.92, its highest close since November 2021", S,
      "daily_pct+level+highest_since",
      K("^RUT", "day_pct", ["2024-11-06"], "5.8"), K("^RUT", "close", ["2024-11-06"], "2392.92"),
      K("^RUT", "highest_since", ["2024-11-06"], "2021-11", "in")),
    C(P, "biggest one-day percentage gain in its history", X, "rank",
      K("^RUT", "rank_move", ["2024-11-06"], 1)),
    C(P, "the small-cap benchmark has now climbed 7.8% in two sessions", S, "since_date",
      K("^RUT", "pct_between", ["2024-11-04", "2024-11-06"], "7.8")),
    C(P, "The rally built on Tuesday's 1.2% gain for the S&P 500", S, "daily_pct",
      K("^GSPC", "day_pct", ["2024-11-05"], "1.2")),
    C(P, "tumbled more than 20% to 16.27", S, "vix_move+level",
      K("^VIX", "day_pct", ["2024-11-06"], "-20", "more"), K("^VIX", "close", ["2024-11-06"], "16.27")),
    C(P, "the SPDR S&P 500 ETF Trust (SPY) rose 2.5%, while the iShares Russell 2000 ETF (IWM) surged 5.8%", S,
      "etf_daily_pct", K("SPY", "day_pct", ["2024-11-06"], "2.5"), K("IWM", "day_pct", ["2024-11-06"], "5.8")),
    C(P, "Invesco QQQ Trust gained a more muted 1.7%", X, "etf_daily_pct",
      K("QQQ", "day_pct", ["2024-11-06"], "1.7")),
    C(P, "Shares of Nvidia rose 4.1% to a record close", S, "stock_daily_pct+record",
      K("NVDA", "day_pct", ["2024-11-06"], "4.1"), K("NVDA", "is_record", ["2024-11-06"], True)),
    C(P, "Apple bucked the trend, climbing 1.8%", X, "stock_daily_pct",
      K("AAPL", "day_pct", ["2024-11-06"], "1.8")),
    C(P, "Tesla shares soared 14.8% as investors bet", U, "no_price_file", reason="no TSLA price file"),
    C(P, "10-year Treasury yield rose about 16 basis points", U, "yield", reason="Treasury yields: no price file"),
    C(P, "Bitcoin jumped to a record above $75,000", U, "crypto", reason="bitcoin: no price file"),
    C(P, "the S&P 500 is up about 24% for the year", S, "ytd",
      K("^GSPC", "period_pct", ["2024-01-01", "2024-11-06"], "24", "about")),
    C(P, "The Russell 2000 has gained 31% so far in 2024", X, "ytd",
      K("^RUT", "period_pct", ["2024-01-01", "2024-11-06"], "31")),
    C(P, "expects the S&P 500 to end next year near 6,600", U, "forecast", reason="forecast"),
]



def main() -> None:
    verbose = "-v" in sys.argv
    records = []
    for claim in CLAIMS:
        raw = (HERE / "pages" / claim["page"]).read_text("utf-8")
        assert len(claim["contains"]) >= 25, f"contains too short: {claim['contains']!r}"
        n = raw.count(claim["contains"])
        assert n == 1, f"{claim['page']}: contains occurs {n} times: {claim['contains']!r}"
        rec = evaluate(claim)
        records.append(rec)
        if verbose:
            print(f"[{rec['verdict'][:4]}] {rec['page']}: {rec['contains']}\n      {rec['reason']}")
    pages = sorted(p.name for p in (HERE / "pages").iterdir() if not p.name.endswith(".meta.json"))
    assert set(r["page"] for r in records) == set(pages), "a page without claims or a claim without a page"
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    cnt = Counter(r["verdict"] for r in records)
    print(f"{len(pages)} pages, {len(records)} claims: " + ", ".join(f"{k} {cnt[k]}" for k in (S, X, U)))
    per = Counter((r["page"], r["verdict"]) for r in records)
    for p in pages:
        print(f"  {p}: " + " ".join(f"{per[(p, v)]}" for v in (S, X, U)))


if __name__ == "__main__":
    main()
