"""Numeral categories on FinNum-1 (tweets) and in-claim numerals on FinNum-3 (earnings calls).

    python benchmarks/finnum.py [--data-path DIR] [--json OUT]

FinNum-1 (training file with re-crawled tweets; the test labels are not available): every
target numeral is located in its tweet and given one of the seven categories by
``nlp.figures.categories`` (finnews's units first: %, currencies; then context rules for
options, indicators, dates and product numbers). Micro and macro F1; a majority-class
baseline beside it. FinNum-3 ConCall dev (the test part has no labels): is a numeral part
of a claim? Features: MiniLM embedding of the numeral's sentence, finnews's figure slots
(status forecast/hypothetical, comparison, unit) and category; logistic regression with
5-fold cross-validation grouped by paragraph. Macro-F1 (published best ≈ 0.87 on test).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.config import data_path, set_data_path  # noqa: E402
from nlp.figures.categories import CATEGORIES, categorize  # noqa: E402


def f1_scores(gold: list[str], pred: list[str], labels) -> dict:
    per = {}
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == c)
        np_, ng = pred.count(c), gold.count(c)
        prec, rec = tp / max(1, np_), tp / max(1, ng)
        per[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    micro = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return {"micro_f1": micro, "macro_f1": float(np.mean(list(per.values()))), "per_class": per, "n": len(gold)}


def finnum1() -> dict:
    rows = json.loads((data_path().require("data") / "finnum1" / "FinNum_training_rebuilded.json").read_text("utf-8"))
    gold, pred = [], []
    for row in rows:
        text = row.get("tweet")
        if not text:
            continue  # the tweet could not be re-crawled
        pos = 0
        for num, cat in zip(row["target_num"], row["category"], strict=True):
            m = re.compile(rf"(?<![\d.]){re.escape(num)}(?![\d])").search(text, pos) or \
                re.compile(rf"(?<![\d.]){re.escape(num)}(?![\d])").search(text)
            if m is None:
                continue
            pos = m.end()
            gold.append(cat)
            pred.append(categorize(text, m.start(), m.end()))
    majority = Counter(gold).most_common(1)[0][0]
    return {"finnews_rules": f1_scores(gold, pred, CATEGORIES),
            "majority": f1_scores(gold, [majority] * len(gold), CATEGORIES)}


def finnum3() -> dict:
    from sklearn.linear_model import LogisticRegression

    from nlp.figures.context import status
    from nlp.models import sentence_encoder
    from nlp.sentences import sentence_spans

    rows = json.loads((data_path().require("data") / "finnum3" / "FinNum-3_ConCall_dev.json").read_text("utf-8"))
    sentences, extra, y, groups = [], [], [], []
    for row in rows:
        text, s = row["paragraph"], row["offset_start"]
        span = next(((a, b) for a, b in sentence_spans(text) if a <= s < b), (0, len(text)))
        sent = text[span[0]:span[1]]
        sentences.append(sent)
        st = status(sent)
        cat = categorize(text, s, row["offset_end"])
        extra.append([st == "forecast", st == "hypothetical", cat == "Percentage", cat == "Monetary",
                      cat == "Temporal", cat == "Quantity", len(sent) / 300])
        y.append(int(row["claim"]))
        groups.append(hash(text) % 5)
    emb = sentence_encoder().encode(sentences, batch_size=64, convert_to_numpy=True)
    x = np.hstack([emb / np.linalg.norm(emb, axis=1, keepdims=True), np.array(extra, dtype=float)])
    y, groups = np.array(y), np.array(groups)
    pred = np.zeros(len(y), dtype=int)
    for k in range(5):
        m = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(x[groups != k], y[groups != k])
        pred[groups == k] = m.predict(x[groups == k])
    ours = f1_scores([str(v) for v in y], [str(v) for v in pred], ("0", "1"))
    rule = [int(e[0] or e[1]) for e in extra]
    return {"finnews_minilm_logistic": ours,
            "forecast_cue_rule": f1_scores([str(v) for v in y], [str(v) for v in rule], ("0", "1")),
            "all_not_claim": f1_scores([str(v) for v in y], ["0"] * len(y), ("0", "1"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-path", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--skip-finnum3", action="store_true")
    args = parser.parse_args()
    if args.data_path:
        set_data_path(args.data_path)
    results = {"finnum1_train": finnum1()}
    if not args.skip_finnum3:
        results["finnum3_concall_dev"] = finnum3()
    for name, models in results.items():
        print(name)
        for model, r in models.items():
            print(f"  {model:26} micro-F1 {r['micro_f1']:.3f} macro-F1 {r['macro_f1']:.3f} (n {r['n']})")
            if model.startswith("finnews"):
                print("   ", {k: round(v, 3) for k, v in r["per_class"].items()})
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
