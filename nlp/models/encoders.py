"""Models shared between stages, looked up by name: one instance per process and
configuration. A stage never imports another stage's module to reach a model; the owner of
a model configures it here, and every reader asks for it by name.

    configure("finnews-sentiment", folder="models/my-sentiment", backend="onnx")  # the sentiment stage
    shared_encoder("finnews-sentiment").embed(sentences)                           # the claims stage

The loaders are data (module:function), imported on first use. Each model exposes
``digest``: the first 16 hex digits of the sha256 of its weights file, which heads fitted on
its embeddings record, so a retrained encoder under an old head is noticed (W301).
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

LOADERS = {"finnews-sentiment": "nlp.sentiment.model:load_sentiment_model"}
_settings: dict[str, dict[str, Any]] = {}
_threads: int | None = None


def configure(name: str, **settings: Any) -> None:
    """Set how ``name`` is loaded in this process (None values mean the loader's default)."""
    _settings[name] = {k: v for k, v in settings.items() if v is not None}


def shared_encoder(name: str):
    """The model ``name`` as configured (else the loader's defaults): one instance per process
    and configuration, so the sentiment stage and the check-worthiness head share a pass."""
    module, function = LOADERS[name].split(":")
    return getattr(import_module(module), function)(**_settings.get(name, {}))


@lru_cache(maxsize=8)
def weights_digest(path: str | Path) -> str:
    """sha256 of a weights file, first 16 hex digits (read once per process)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def limit_threads(threads: int) -> None:
    """Run model inference on ``threads`` threads in this process (a batch worker is one
    core): onnxruntime sessions made after this read it, and torch is told if loaded (a torch
    backend loaded later sets it from here too)."""
    global _threads
    _threads = threads
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)


def inference_threads() -> int:
    """Threads for a model's inference: as limited, else the cores this process may use."""
    if _threads:
        return _threads
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
