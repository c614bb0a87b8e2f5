from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"


def _shared() -> Path | None:
    env = os.environ.get("FINNEWS_DATA")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = _shared()
    if path is None:
        pytest.skip("read-only data path (../shared or FINNEWS_DATA) not available")
    return path


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    return CORPORA


pytest_plugins = ["tests.support.http_server"]
