"""The fetch cache: page bodies by content hash, and per-URL validators (ETag, Last-Modified)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlp.io import atomic_write

if TYPE_CHECKING:
    from nlp.scrape.fetcher import FetchResult


class PageCache:
    """``DIR/pages/<sha256>.body`` holds bodies; ``DIR/index/<sha256(url)>.json`` the validators.

    File names derive from hashes only, never from page content or URLs.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _index(self, url: str) -> Path:
        return self.root / "index" / (hashlib.sha256(url.encode("utf-8")).hexdigest() + ".json")

    def get(self, url: str) -> dict[str, Any] | None:
        try:
            entry = json.loads(self._index(url).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if Path(entry.get("path", "")).is_file() else None

    def body(self, entry: dict[str, Any]) -> bytes:
        return Path(entry["path"]).read_bytes()

    def put(self, url: str, result: FetchResult, etag: str | None, last_modified: str | None) -> str:
        path = self.root / "pages" / f"{result.sha256}.body"
        if not path.exists():
            atomic_write(path, result.body)
        entry = {"url": url, "final_url": result.final_url, "path": str(path),
                 "content_type": result.content_type, "etag": etag, "last_modified": last_modified,
                 "sha256": result.sha256, "fetched_at": result.fetched_at}
        atomic_write(self._index(url), json.dumps(entry).encode("utf-8"))
        return str(path)
