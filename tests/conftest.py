from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"


def pytest_configure(config):
    # Tests never touch the user's ~/.cache/finnews: the symbol store and caches go here.
    import tempfile

    os.environ.setdefault("FINNEWS_HOME", tempfile.mkdtemp(prefix="finnews-home-"))


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


@pytest.fixture(scope="session")
def symbol_store(shared_dir):
    """The symbol store built from the shared lists, once per test session."""
    from nlp.entities import load_store

    store, warning = load_store()
    assert warning is None
    return store


@pytest.fixture(scope="session")
def linker(symbol_store):
    from nlp.entities import EntityLinker

    return EntityLinker(symbol_store)


pytest_plugins = ["tests.support.http_server", "tests.support.browser"]


@pytest.fixture
def cli(capsys):
    """Run ``finnews ARGS`` in this process: (exit code, stdout, stderr)."""
    from nlp.cli import main

    def run(*args):
        with pytest.raises(SystemExit) as stopped:
            main([str(a) for a in args])
        out, err = capsys.readouterr()
        return stopped.value.code, out, err

    return run
