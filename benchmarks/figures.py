"""Figure extraction: finnews against quantulum3 on corpora/gold/figures/figures.json.

    python benchmarks/figures.py [--data-path DIR] [--json OUT]

Detection: a predicted figure matches a gold one when their spans overlap. Slots, over the
matched pairs and all gold/predicted figures: value (value, or both range bounds), unit,
value+unit, range (low and high when the gold is a range), comparison (the qualifier's
meaning), period (overlapping text) and subject (symbol). Precision = correct / predicted
non-empty slot; recall = correct / gold non-empty slot. quantulum3 has no period, subject or
qualifier, and reports a range as its mean; its units are mapped to finnews's
(percentage → percent, dollar → currency, dimensionless → none/count).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nlp.entities.stage  # noqa: E402,F401
import nlp.figures.stage  # noqa: E402,F401
import nlp.promo.stage  # noqa: E402,F401
from nlp.config import data_path, set_data_path  # noqa: E402
from nlp.parse import load_document  # noqa: E402
from nlp.pipeline import Pipeline  # noqa: E402

GOLD = ROOT / "corpora" / "gold" / "figures" / "figures.json"
SLOTS = ("value", "unit", "value_unit", "range", "comparison", "period", "subject")
_QUANTULUM_UNITS = {"percentage": "percent", "dollar": "currency", "euro": "currency", "pound sterling": "currency",
                    "dimensionless": None, "percentage point": "percentage_points", "basis point": "basis_points"}


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def slot(fig: dict, name: str):
    if name == "value":
        return ("v", fig["value"]) if fig.get("value") is not None else (("r", fig.get("low"), fig.get("high"))
                                                                         if fig.get("low") is not None else None)
    if name == "value_unit":
        v = slot(fig, "value")
        return (v, fig.get("unit")) if v is not None and fig.get("unit") else None
    if name == "range":
        return (fig.get("low"), fig.get("high")) if fig.get("low") is not None else None
    return fig.get(name)


def same(name: str, a, b) -> bool:
    if a is None or b is None:
        return False
    if name == "period":
        x, y = a.lower(), b.lower()
        return x in y or y in x
    if name in ("value", "range"):
        a, b = (a[1:], b[1:]) if name == "value" else (a, b)
        return len(a) == len(b) and all(_close(p, q) for p, q in zip(a, b, strict=True))
    if name == "value_unit":
        return same("value", a[0], b[0]) and a[1] == b[1]
    return a == b


def score(pairs: list[tuple[list[dict], list[dict]]], slots=SLOTS) -> dict:
    det = {"tp": 0, "pred": 0, "gold": 0}
    counts = {s: {"correct": 0, "pred": 0, "gold": 0} for s in slots}
    for gold, pred in pairs:
        det["pred"] += len(pred)
        det["gold"] += len(gold)
        used = set()
        for g in gold:
            for s in slots:
                counts[s]["gold"] += slot(g, s) is not None
            match = next((i for i, p in enumerate(pred) if i not in used and p["start"] < g["end"] and g["start"] < p["end"]), None)
            if match is None:
                continue
            used.add(match)
            det["tp"] += 1
            for s in slots:
                if same(s, slot(pred[match], s), slot(g, s)):
                    counts[s]["correct"] += 1
        for p in pred:
            for s in slots:
                counts[s]["pred"] += slot(p, s) is not None
    out = {"detection": {"precision": det["tp"] / max(1, det["pred"]), "recall": det["tp"] / max(1, det["gold"]),
                         "gold": det["gold"], "predicted": det["pred"]}}
    for s, c in counts.items():
        out[s] = {"precision": c["correct"] / max(1, c["pred"]), "recall": c["correct"] / max(1, c["gold"]), **c}
    return out


def documents() -> list[tuple[str, object]]:
    gold = json.loads(GOLD.read_text("utf-8"))
    docs = []
    for part, folder in (("seeds", data_path().require("seeds")), ("pages", ROOT / "corpora" / "pages")):
        for name, rows in gold[part].items():
            docs.append((rows, load_document(folder / name)))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-path", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.data_path:
        set_data_path(args.data_path)
    pipe = Pipeline(["promo", "entities", "figures"])
    docs = documents()
    ours, theirs = [], []
    t0 = time.perf_counter()
    analysed = [pipe(doc) for _, doc in docs]
    t_ours = time.perf_counter() - t0
    from quantulum3 import classifier as qclassifier
    from quantulum3 import parser as qparser

    # quantulum3's pickled unit classifier does not load with this scikit-learn; use its
    # documented no-classifier disambiguation instead
    qclassifier.USE_CLF = False

    t0 = time.perf_counter()
    for (gold, _), doc in zip(docs, analysed, strict=True):
        ours.append((gold, [f.model_dump() for f in doc.figures]))
        preds = []
        for block in doc.article_blocks():
            for q in qparser.parse(block.text):
                s, e = q.span
                preds.append({"start": block.start + s, "end": block.start + e, "value": q.value,
                              "unit": _QUANTULUM_UNITS.get(q.unit.name, q.unit.name)})
        theirs.append((gold, preds))
    t_theirs = time.perf_counter() - t0
    results = {"finnews": score(ours), "quantulum3": score(theirs, ("value", "unit", "value_unit")),
               "seconds": {"finnews (promo+entities+figures)": t_ours, "quantulum3": t_theirs}}
    print(f"{len(docs)} documents, {results['finnews']['detection']['gold']} gold figures")
    for name in ("finnews", "quantulum3"):
        r = results[name]
        print(f"{name}: detection P {r['detection']['precision']:.3f} R {r['detection']['recall']:.3f}")
        for s in SLOTS:
            if s in r:
                print(f"  {s:11} P {r[s]['precision']:.3f} R {r[s]['recall']:.3f}  (gold {r[s]['gold']}, predicted {r[s]['pred']})")
    print("seconds:", {k: round(v, 2) for k, v in results["seconds"].items()})
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
