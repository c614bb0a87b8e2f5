"""Figure extraction: finnews against quantulum3 on corpora/gold/figures/figures.json.

    python benchmarks/figures.py [--data-path DIR] [--json OUT]
    python benchmarks/figures.py --sentences dev|blind [--errors]   # corpora/figsents, side by side

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
            match = next((i for i, p in enumerate(pred)
                          if i not in used and p["start"] < g["end"] and g["start"] < p["end"]), None)
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
    parser.add_argument("--sentences", choices=["dev", "blind"],
                        help="score the sentences of corpora/figsents/<split>.txt instead of the pages")
    parser.add_argument("--errors", action="store_true", help="with --sentences: list the sentences finnews gets wrong")
    args = parser.parse_args()
    if args.data_path:
        set_data_path(args.data_path)
    if args.sentences:
        results = run_sentences(args.sentences, args.errors)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
        return
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
                print(f"  {s:11} P {r[s]['precision']:.3f} R {r[s]['recall']:.3f}"
                      f"  (gold {r[s]['gold']}, predicted {r[s]['pred']})")
    print("seconds:", {k: round(v, 2) for k, v in results["seconds"].items()})
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))



# --- figure sentences written for the benchmark (corpora/figsents) -------------------------

SENTENCES = ROOT / "corpora" / "figsents"
# quantulum3's unit -> (finnews unit, factor to the main unit): "5 cents" is $0.05
_Q_MINOR = {"cent": 0.01, "penny": 0.01, "pence": 0.01, "dime": 0.1}
_DIMENSIONLESS = {None, "-", "count"}  # a bare number and a count are both without unit


def read_sentences(split: str) -> list[dict]:
    """``category | sentence | span => value unit [@subject] [~period] ; ...``"""
    rows = []
    for line in (SENTENCES / f"{split}.txt").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, sentence, figs = (part.strip() for part in line.split("|", 2))
        gold = []
        for item in filter(None, (f.strip() for f in figs.split(" ; "))):
            span, rest = (p.strip() for p in item.split("=>"))
            period = rest.split("~", 1)[1].strip() if "~" in rest else None
            rest = rest.split("~", 1)[0]
            subject = rest.split("@", 1)[1].strip() if "@" in rest else None
            value, unit = rest.split("@", 1)[0].split()
            low, high = (float(v) for v in value.split("..")) if ".." in value else (None, None)
            start = sentence.index(span)
            gold.append({"start": start, "end": start + len(span), "text": span, "unit": unit,
                         "subject": subject, "period": period,
                         "value": None if low is not None else float(value), "low": low, "high": high})
        rows.append({"category": category, "text": sentence, "gold": gold})
    return rows


def finnews_sentence(pipe, text: str) -> list[dict]:
    from nlp.parse import parse_bytes

    doc = pipe(parse_bytes(text.encode(), "sentence.txt"))
    base = doc.text.find(text)
    out = []
    for f in doc.figures:
        scale = f.magnitude or 1.0
        out.append({"start": f.start - base, "end": f.end - base, "unit": f.unit, "subject": f.subject,
                    "period": f.period,
                    "value": None if f.value is None else f.value * scale,
                    "low": None if f.low is None else f.low * scale,
                    "high": None if f.high is None else f.high * scale})
    return out


def quantulum_classifier() -> str | None:
    """quantulum3's shipped unit classifier is pickled with an older scikit-learn and does not
    load; retrain it once with quantulum3's own trainer and training set (needs `stemming`)
    so that quantulum3 is measured at its best. None (no classifier) when training fails."""
    path = ROOT / "experiments" / "quantulum3-clf.joblib"
    if not path.exists():
        try:
            from quantulum3 import classifier as qclassifier

            path.parent.mkdir(exist_ok=True)
            qclassifier.train_classifier(store=True, n_jobs=1, output_path=str(path))
        except ImportError:
            return None
    return str(path)


def quantulum_sentence(text: str, clf: str | None = None) -> list[dict]:
    from quantulum3 import parser as qparser

    out = []
    for q in qparser.parse(text, classifier_path=clf):
        name, entity = q.unit.name, q.unit.entity.name
        factor = _Q_MINOR.get(name, 1.0)
        unit = ("currency" if entity == "currency" or factor != 1.0 else "duration" if entity == "time"
                else _QUANTULUM_UNITS.get(name, name))
        s, e = q.span
        out.append({"start": s, "end": e, "unit": unit, "value": q.value * factor, "low": None, "high": None})
    return out


def _same_value(g: dict, p: dict) -> bool:
    def close(a, b):
        return a is not None and b is not None and abs(a - b) <= 1e-3 * max(1.0, abs(b))

    if g["value"] is not None:
        return close(p["value"], g["value"])
    return close(p["low"], g["low"]) and close(p["high"], g["high"])


def _same_unit(g: dict, p: dict) -> bool:
    return g["unit"] == p["unit"] or (g["unit"] in _DIMENSIONLESS and p["unit"] in _DIMENSIONLESS)


def score_sentences(rows: list[dict], preds: list[list[dict]]) -> dict:
    """Per category: value+unit accuracy = right / (gold + unmatched predictions), so a miss
    and a figure reported where there is none (a name's digits) both count against."""
    cats: dict[str, dict] = {}
    for row, pred in zip(rows, preds, strict=True):
        for key in (row["category"], "all"):
            c = cats.setdefault(key, {"gold": 0, "right": 0, "spurious": 0, "subject": 0, "subject_gold": 0,
                                      "period": 0, "period_gold": 0})
            used = set()
            for g in row["gold"]:
                c["gold"] += 1
                c["subject_gold"] += g["subject"] is not None
                c["period_gold"] += g["period"] is not None
                i = next((i for i, p in enumerate(pred)
                          if i not in used and p["start"] < g["end"] and g["start"] < p["end"]), None)
                if i is None:
                    continue
                used.add(i)
                p = pred[i]
                c["right"] += _same_value(g, p) and _same_unit(g, p)
                c["subject"] += g["subject"] is not None and p.get("subject") == g["subject"]
                c["period"] += g["period"] is not None and (p.get("period") or "").lower() == g["period"].lower()
            c["spurious"] += len(pred) - len(used)
    for c in cats.values():
        c["accuracy"] = c["right"] / max(1, c["gold"] + c["spurious"])
    return cats


def run_sentences(split: str, show_errors: bool = False) -> dict:
    from quantulum3 import classifier as qclassifier

    clf = quantulum_classifier()
    qclassifier.USE_CLF = clf is not None
    rows = read_sentences(split)
    pipe = Pipeline(["entities", "figures"])
    ours = [finnews_sentence(pipe, r["text"]) for r in rows]
    theirs = [quantulum_sentence(r["text"], clf) for r in rows]
    result = {"finnews": score_sentences(rows, ours), "quantulum3": score_sentences(rows, theirs)}
    print(f"{split}: {len(rows)} sentences, {result['finnews']['all']['gold']} gold figures")
    print(f"{'category':16} {'gold':>4} {'finnews':>8} {'quantulum3':>10}  spurious f/q  subject  period")
    for cat in sorted(result["finnews"], key=lambda k: (k == "all", k)):
        f, q = result["finnews"][cat], result["quantulum3"][cat]
        print(f"{cat:16} {f['gold']:4} {f['accuracy']:8.3f} {q['accuracy']:10.3f}  {f['spurious']:4}/{q['spurious']:<4}"
              f"  {f['subject']}/{f['subject_gold']}  {f['period']}/{f['period_gold']}")
    if show_errors:
        for row, pred in zip(rows, ours, strict=True):
            one = score_sentences([row], [pred])["all"]
            if one["right"] < one["gold"] or one["spurious"] or one["subject"] < one["subject_gold"] \
                    or one["period"] < one["period_gold"]:
                print("-", row["text"], "\n   gold:",
                      [(g["text"], g["value"], g["low"], g["high"], g["unit"], g["subject"]) for g in row["gold"]],
                      "\n   ours:", [(row["text"][p["start"]:p["end"]], p["value"], p["low"], p["high"], p["unit"],
                                      p["subject"], p["period"]) for p in pred])
    return result


if __name__ == "__main__":
    main()
