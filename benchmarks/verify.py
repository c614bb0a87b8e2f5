"""Market-claim verification against corpora/gold/verify/claims.json.

    python benchmarks/verify.py [--data-path DIR] [--store FILE] [--json OUT]

Imports <data path>/market into a fresh DuckDB store (or uses --store), runs promo →
entities → figures → claims → verify on every page and seed of the gold, and compares each
gold claim's verdict with the verdict of the claim that contains it (a gold claim that no
claim contains counts as "missed"). Prints accuracy, the confusion matrix, and how many
true claims were called contradicted (the target is none), plus articles/second.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nlp.claims.stage  # noqa: E402,F401
import nlp.entities.stage  # noqa: E402,F401
import nlp.figures.stage  # noqa: E402,F401
import nlp.promo.stage  # noqa: E402,F401
import nlp.verify.stage  # noqa: E402,F401
from nlp.config import data_path, set_data_path  # noqa: E402
from nlp.market.store import MarketStore, import_paths  # noqa: E402
from nlp.parse import load_document  # noqa: E402
from nlp.pipeline import Pipeline  # noqa: E402

GOLD = ROOT / "corpora" / "gold" / "verify" / "claims.json"
VERDICTS = ("supported", "contradicted", "unverifiable", "missed")


def build_store(path: Path) -> Path:
    with MarketStore(path) as store:
        import_paths(store, [data_path().require("market")], on_error=lambda p, e: None)
    return path


def evaluate(store: Path) -> dict:
    gold = json.loads(GOLD.read_text("utf-8"))
    pipe = Pipeline(["promo", "entities", "figures", "claims", "verify"], {"verify": {"store": str(store)}})
    pairs: list[tuple[str, str, str]] = []
    started, docs = time.perf_counter(), 0
    for part, folder in (("pages", ROOT / "corpora" / "pages"), ("seeds", data_path().require("seeds"))):
        for name, rows in gold[part].items():
            path = folder / name
            doc = pipe(load_document(path))
            docs += 1
            raw = path.read_text("utf-8") if part == "seeds" else None
            by_claim = {v.claim: v for v in doc.verdicts}
            for row in rows:
                needle = row["contains"] if part == "pages" else raw[row["start"]:row["end"]]
                claim = next((i for i, c in enumerate(doc.claims) if needle in c.text), None)
                predicted = by_claim[claim].verdict if claim is not None else "missed"
                pairs.append((f"{part}/{name}: {needle}", row["verdict"], predicted))
    seconds = time.perf_counter() - started
    correct = sum(g == p for _, g, p in pairs)
    confusion = {g: {p: sum(1 for _, gg, pp in pairs if gg == g and pp == p) for p in VERDICTS}
                 for g in VERDICTS[:3]}
    return {"claims": len(pairs), "accuracy": correct / len(pairs), "confusion": confusion,
            "contradicted_true_claims": sum(1 for _, g, p in pairs if g == "supported" and p == "contradicted"),
            "errors": [(n, g, p) for n, g, p in pairs if g != p], "articles_per_s": docs / seconds,
            "by_gold": dict(Counter(g for _, g, _ in pairs))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-path", type=Path)
    parser.add_argument("--store", type=Path, help="an existing market store (default: build one)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.data_path:
        set_data_path(args.data_path)
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or build_store(Path(tmp) / "market.duckdb")
        result = evaluate(store)
    print(f"{result['claims']} gold claims {result['by_gold']}: accuracy {result['accuracy']:.3f}; "
          f"true claims called contradicted: {result['contradicted_true_claims']}; "
          f"{result['articles_per_s']:.1f} articles/s")
    print("gold / predicted".ljust(18) + "".join(f"{v:>14}" for v in VERDICTS))
    for g, row in result["confusion"].items():
        print(f"{g:18}" + "".join(f"{row[p]:>14}" for p in VERDICTS))
    for name, g, p in result["errors"]:
        print(f"  {g} -> {p}: {name}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
