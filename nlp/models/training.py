"""What every finnews fine-tuning shares: seeding, smoke-test samples, one optimisation step
and the saved layout."""

from __future__ import annotations

import json
from pathlib import Path


def seed_everything(seed: int, threads: int) -> None:
    """Seed Python's, NumPy's and torch's generators and fix torch's CPU threads, so a
    training command is reproducible."""
    import random

    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)


def smoke_sample(train: list, dev: list, limit: int) -> tuple[list, list]:
    """An even sample of ``limit`` training items (so a small run still sees every kind of
    label) and of dev, for smoke tests of a trainer."""
    return train[:: max(1, len(train) // limit)][:limit], dev[:: max(1, len(dev) // max(50, limit // 5))]


def optimizer_step(model, loss, optimizer, schedule, max_grad_norm: float = 1.0) -> None:
    """Backpropagate ``loss``, clip the gradient norm, step the optimiser and the schedule."""
    import torch

    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
    optimizer.step()
    schedule.step()
    optimizer.zero_grad()


def save_fp16(out_dir: Path, model, tokenizer, meta: dict) -> None:
    """A Hugging Face ``save_pretrained`` folder with fp16 weights, plus ``finnews.json``
    (the threshold or temperatures, metrics and options the loader and the card read)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    model.half().save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)
    (out_dir / "finnews.json").write_text(json.dumps(meta, indent=2) + "\n")
