"""Market-claim verification on the claim-check sets (corpora/claimcheck/<set>/): articles
written for the purpose, gold verdicts computed from the price files by each set's own
make_gold.py, never by finnews.

    python benchmarks/claimcheck.py [--set dev|blind] [--store FILE] [--details] [--json OUT]

Runs promo → entities → figures → claims → verify on every page of the set and gives each
gold claim the verdict of the finnews claim that covers its phrase ("missed" when none does).
Reports verdict accuracy on all claims and on checkable ones (gold supported or
contradicted), the confusion matrix, true claims called contradicted and false claims
called supported (both must be zero), and accuracy per family. ``--details`` lists every
wrong verdict with its reason; it is refused for the blind sets (any name starting with
"blind"), whose items the developers never read.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nlp.claims.stage  # noqa: E402,F401
import nlp.entities.stage  # noqa: E402,F401
import nlp.figures.stage  # noqa: E402,F401
import nlp.promo.stage  # noqa: E402,F401
import nlp.verify.stage  # noqa: E402,F401
from nlp.config import set_data_path  # noqa: E402
from nlp.market.store import ensure_store  # noqa: E402
from nlp.parse import load_document  # noqa: E402
from nlp.pipeline import Pipeline  # noqa: E402

SETS = ROOT / "corpora" / "claimcheck"
VERDICTS = ("supported", "contradicted", "unverifiable", "missed")


def _verdict_of(doc, needle: str):
    """The verdict of the claim covering ``needle`` in the document's text (None: no claim).
    A phrase taken from an HTML page's source ("S&amp;P 500") is matched as the reader sees it."""
    if "<" in needle:  # a table row's cells as the parser joins them: "S&P 500 | 6,173.07 | +3.4%"
        needle = " | ".join(c.strip() for c in re.split(r"<[^>]*>", needle) if c.strip())
    needle = html.unescape(needle)
    at = doc.text.find(needle)
    if at < 0:  # a Markdown bullet's marker is not part of the parsed text
        needle = re.sub(r"^\s*(?:[-*•+]|\d+[.)])\s+", "", needle)
        at = doc.text.find(needle)
    by_claim = {v.claim: v for v in doc.verdicts}
    for i, claim in enumerate(doc.claims):
        if (at >= 0 and claim.start <= at < claim.end) or needle in claim.text:
            return by_claim.get(i)
    return None


def evaluate(name: str, store: Path) -> dict:
    folder = SETS / name
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    pipe = Pipeline(["promo", "entities", "figures", "claims", "verify"], {"verify": {"store": str(store)}})
    rows, docs, started = [], {}, time.perf_counter()
    for item in gold:
        if item["page"] not in docs:
            docs[item["page"]] = pipe(load_document(folder / "pages" / item["page"]))
        verdict = _verdict_of(docs[item["page"]], item["contains"])
        rows.append({"page": item["page"], "contains": item["contains"], "family": item.get("family"),
                     "gold": item["verdict"], "predicted": verdict.verdict if verdict else "missed",
                     "reason": (verdict.reason if verdict else None)})
    seconds = time.perf_counter() - started
    checkable = [r for r in rows if r["gold"] in ("supported", "contradicted")]
    by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        by_family[r["family"]][0] += r["gold"] == r["predicted"]
        by_family[r["family"]][1] += 1
    return {
        "set": name, "articles": len(docs), "claims": len(rows), "by_gold": dict(Counter(r["gold"] for r in rows)),
        "accuracy": sum(r["gold"] == r["predicted"] for r in rows) / len(rows),
        "checkable_accuracy": sum(r["gold"] == r["predicted"] for r in checkable) / max(1, len(checkable)),
        "unverifiable_accuracy": sum(r["predicted"] == "unverifiable" for r in rows if r["gold"] == "unverifiable")
        / max(1, sum(r["gold"] == "unverifiable" for r in rows)),
        "true_called_contradicted": sum(r["gold"] == "supported" and r["predicted"] == "contradicted" for r in rows),
        "false_called_supported": sum(r["gold"] == "contradicted" and r["predicted"] == "supported" for r in rows),
        "confusion": {g: {p: sum(r["gold"] == g and r["predicted"] == p for r in rows) for p in VERDICTS}
                      for g in VERDICTS[:3]},
        "by_family": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_family.items())},
        "articles_per_s": round(len(docs) / seconds, 2),
        "errors": [r for r in rows if r["gold"] != r["predicted"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="dev", help="a folder under corpora/claimcheck (dev..., blind...)")
    parser.add_argument("--store", type=Path, help="a market store (default: $FINNEWS_HOME's, built if absent)")
    parser.add_argument("--data-path", type=Path)
    parser.add_argument("--details", action="store_true", help="list every wrong verdict (not for the blind set)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    blind = args.set.startswith("blind")  # blind, blind2, ...: never shown item by item
    if args.details and blind:
        parser.error("the blind set's items are not shown; report its aggregates only")
    if args.data_path:
        set_data_path(args.data_path)
    result = evaluate(args.set, args.store or ensure_store())
    print(f"set {result['set']}: {result['articles']} articles, {result['claims']} claims {result['by_gold']}")
    print(f"verdict accuracy {result['accuracy']:.3f}; on checkable claims {result['checkable_accuracy']:.3f}; "
          f"unverifiable recognised {result['unverifiable_accuracy']:.3f}")
    print(f"true claims called contradicted: {result['true_called_contradicted']}; "
          f"false claims called supported: {result['false_called_supported']}; {result['articles_per_s']} articles/s")
    print("gold / predicted".ljust(18) + "".join(f"{v:>14}" for v in VERDICTS))
    for g, row in result["confusion"].items():
        print(f"{g:18}" + "".join(f"{row[p]:>14}" for p in VERDICTS))
    if not blind:
        print("by family: " + ", ".join(f"{k} {v}" for k, v in result["by_family"].items()))
    if args.details:
        for r in result["errors"]:
            print(f"  {r['gold']} -> {r['predicted']} [{r['family']}] {r['page']}: {r['contains']}  ({r['reason']})")
    if args.json:
        payload = result if not blind else {k: v for k, v in result.items()
                                                       if k not in ("errors", "by_family")}
        args.json.write_text(json.dumps(payload, indent=2))


if __name__ == "__main__":
    main()
