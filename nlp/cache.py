"""Things built on first use (ONNX encoders, the market and symbol stores, unpacked models),
built once however many processes ask at the same moment.

The first process to ask takes a cross-process file lock beside the target, builds into a
private scratch directory (so scratch files a library writes beside its input, such as
onnxruntime's ``-inferred.onnx``, never meet another process's) and moves the result into
place with one atomic rename. Everyone else waits on the lock and then finds the target.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def build_lock(target: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``.<name>.lock`` next to ``target`` (released when the
    process dies, so a killed build never leaves a stale lock)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.parent / f".{target.name}.lock"
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def build_once(target: Path, build: Callable[[Path], None], is_built: Callable[[Path], bool] | None = None) -> Path:
    """Return ``target``, calling ``build(scratch_target)`` first when it does not exist yet.

    ``build`` writes a file or a directory at the path it is given (inside a private scratch
    directory on the same file system); it is then renamed to ``target``. ``is_built``
    overrides the existence test (e.g. a folder counts only with its completion marker)."""
    target = Path(target)
    ready = is_built or Path.exists
    if ready(target):
        return target
    with build_lock(target):
        if ready(target):  # another process built it while we waited
            return target
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{target.name}.build-") as scratch:
            staged = Path(scratch) / target.name
            build(staged)
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)  # an incomplete folder left by an older finnews
            os.replace(staged, target)
    return target
