"""Settings: where the read-only data lives.

All read-only data (seed articles, market prices, evaluation sets) is found through one
setting, the *data path*. In order of precedence:

1. ``--data-path`` on the command line (or :func:`set_data_path` from Python),
2. the ``FINNEWS_DATA`` environment variable,
3. ``../shared`` next to the project checkout, when that folder exists.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from nlp.errors import DataPathError, Errors

ENV_VAR = "FINNEWS_DATA"
HOME_ENV_VAR = "FINNEWS_HOME"
PROJECT_ROOT = Path(__file__).resolve().parent.parent

_override: Path | None = None


@dataclass(frozen=True)
class DataPath:
    path: Path
    origin: str  # "--data-path", "FINNEWS_DATA" or "default (../shared)"

    def __truediv__(self, name: str) -> Path:
        return self.path / name

    def require(self, name: str) -> Path:
        """Path of ``name`` under the data path; a clear :class:`DataPathError` if missing."""
        target = self.path / name
        if not target.exists():
            raise DataPathError(Errors.E003, name=name, path=self.path, origin=self.origin)
        return target


def set_data_path(path: str | os.PathLike[str] | None) -> None:
    """Override the data path for this process (what ``--data-path`` does)."""
    global _override
    _override = Path(path).expanduser() if path is not None else None


def data_path() -> DataPath:
    """The configured data path. Raises :class:`DataPathError` naming the setting when absent."""
    if _override is not None:
        candidate, origin = _override, "--data-path"
    elif os.environ.get(ENV_VAR):
        candidate, origin = Path(os.environ[ENV_VAR]).expanduser(), ENV_VAR
    else:
        default = PROJECT_ROOT.parent / "shared"
        if not default.is_dir():
            raise DataPathError(Errors.E002)
        candidate, origin = default, "default (../shared)"
    if not candidate.is_dir():
        raise DataPathError(Errors.E001, path=candidate)
    return DataPath(candidate.resolve(), origin)


def home_dir() -> Path:
    """Where finnews keeps what it builds for the user (the symbol store, caches):
    ``$FINNEWS_HOME``, else ``~/.cache/finnews``. Created on first use."""
    raw = os.environ.get(HOME_ENV_VAR)
    home = Path(raw).expanduser() if raw else Path.home() / ".cache" / "finnews"
    home.mkdir(parents=True, exist_ok=True)
    return home
