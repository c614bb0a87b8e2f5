"""What every finnews fine-tuning shares: one optimisation step and the saved layout."""

from __future__ import annotations

import json
from pathlib import Path


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
