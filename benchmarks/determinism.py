"""Do a sentence's scores depend on the batch it is scored in? And what does each way of
making them not depend on it cost?

    python benchmarks/determinism.py [--sentences 400] [--threads 1]

Sentences are the seed articles' and FPB's (read from the data path at run time). Each
backend scores every sentence alone (batch of one) and in shuffled mixed batches of 64; the
report gives the largest probability difference, the number of label flips, and sentences
per second in batches (one core by default). Backends: the encoder in torch, fp32 ONNX,
int8 ONNX over padded batches (the old default) and int8 ONNX run row by row, unpadded.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.config import data_path  # noqa: E402
from nlp.sentences import sentence_spans  # noqa: E402
from nlp.sentiment.model import SentimentModel  # noqa: E402


def sentences(limit: int) -> list[str]:
    found = []
    for seed in sorted((data_path() / "seeds").glob("*")):
        text = seed.read_text("utf-8", errors="replace")
        found += [text[a:b].strip() for a, b in sentence_spans(text) if len(text[a:b].split()) >= 4]
    fpb = sorted((data_path() / "data" / "financial-phrasebank").rglob("*50*"))
    for path in fpb[:1]:
        for line in path.read_text("utf-8", errors="replace").splitlines():
            found.append(line.rsplit("@", 1)[0].strip())
    rng = random.Random(13)
    found = [s for s in dict.fromkeys(found) if s]
    rng.shuffle(found)
    return found[:limit]


def measure(name: str, model: SentimentModel, texts: list[str]) -> dict:
    alone = np.stack([model.analyse([t]).sentence[0] for t in texts])
    model.forget()
    order = list(range(len(texts)))
    random.Random(5).shuffle(order)
    start = time.perf_counter()
    mixed = model.analyse([texts[i] for i in order], batch_size=64).sentence
    elapsed = time.perf_counter() - start
    model.forget()
    batched = np.zeros_like(alone)
    batched[order] = mixed
    diff = np.abs(alone - batched).max(axis=1)
    flips = int((alone.argmax(1) != batched.argmax(1)).sum())
    return {"backend": name, "max_prob_diff": float(diff.max()), "label_flips": flips,
            "sentences_per_s": round(len(texts) / elapsed, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    texts = sentences(args.sentences)
    print(f"{len(texts)} sentences, {args.threads} thread(s)")
    variants = [("torch", dict(backend="torch")), ("onnx fp32", dict(backend="onnx")),
                ("onnx int8, padded batches", dict(backend="onnx-int8", row_wise=False)),
                ("onnx int8, row by row", dict(backend="onnx-int8", row_wise=True))]
    print("| backend | max probability difference alone vs batched | label flips | sentences/s (batched) |")
    print("|---|---|---|---|")
    for name, kwargs in variants:
        model = SentimentModel.from_pretrained(threads=args.threads, **kwargs)
        row = measure(name, model, texts)
        print(f"| {row['backend']} | {row['max_prob_diff']:.2e} | {row['label_flips']} | {row['sentences_per_s']} |")


if __name__ == "__main__":
    main()
