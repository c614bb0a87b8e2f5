"""``finnews fetch`` output as ``analyze`` input.

A fetch folder holds ``manifest.jsonl`` (one row per fetch: url, final_url, status,
fetched_at, content_type, sha256, saved_path, error) and ``pages/<sha256>.body``. analyze
reads it through the manifest, not as a feed: each URL's latest successful fetch becomes one
article whose source is the URL, parsed with the response's content type (so a ``.body`` of
HTML is read as HTML, in the charset the server declared) and its final URL (the canonical
address when the page names none, and a date in the path when the page has none), with the
fetch time and both URLs kept in ``Document.meta``. A ``.body`` named on its own is found in
its folder's manifest the same way; without one it is parsed by sniffing its bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

MANIFEST = "manifest.jsonl"
PAGES = "pages"
BODY = ".body"
_KEPT = ("url", "final_url", "content_type", "fetched_at", "sha256")


def is_fetch_folder(folder: Path) -> bool:
    return (folder / MANIFEST).is_file() and (folder / PAGES).is_dir()


def _rows(folder: Path, errors: list[dict]) -> list[dict]:
    """The latest successful row per URL, in the order the URLs were first fetched."""
    from nlp.batch.runner import error_row
    from nlp.errors import Errors

    try:
        lines = (folder / MANIFEST).read_text("utf-8", errors="replace").splitlines()
    except OSError as err:
        errors.append(error_row(str(folder / MANIFEST), Errors.E102, reason=err.strerror or err))
        return []
    latest: dict[str, dict] = {}
    for line in lines:
        try:
            row = json.loads(line)
        except ValueError:
            continue  # a line cut short by a killed fetch: the rows around it still count
        if not isinstance(row, dict) or row.get("error") or not row.get("sha256") or not row.get("url"):
            continue
        latest.pop(row["url"], None)  # re-fetched: the newest row wins, at its first position
        latest[row["url"]] = row
    return list(latest.values())


def _body_path(folder: Path, row: dict) -> Path:
    """The body in *this* folder: saved_path was written relative to where fetch ran."""
    return folder / PAGES / f"{row['sha256']}{BODY}"


def fetch_items(folder: Path, errors: list[dict]) -> list:
    """One item per fetched URL; a manifest row whose body is gone is an error row (E101)."""
    from nlp.batch.runner import Item, error_row
    from nlp.errors import Errors

    items = []
    for row in _rows(folder, errors):
        body = _body_path(folder, row)
        if not body.is_file():
            errors.append(error_row(str(body), Errors.E101))
            continue
        items.append(Item(row["url"], str(body), fetch={k: row.get(k) for k in _KEPT}))
    return items


def body_item(path: Path, errors: list[dict]):
    """A ``.body`` named explicitly: its manifest row when its fetch folder has one."""
    from nlp.batch.runner import Item

    folder = path.parent.parent
    if path.parent.name == PAGES and is_fetch_folder(folder):
        sha = path.name.removesuffix(BODY)
        row = next((r for r in _rows(folder, errors) if r["sha256"] == sha), None)
        if row is not None:
            return Item(row["url"], str(path), fetch={k: row.get(k) for k in _KEPT})
    return Item(str(path), str(path))


def fetched_document(key: str, data: bytes, fetch: dict):
    """Parse a fetched body with what the fetch knew about it."""
    from nlp.parse import ParseOptions, parse_bytes
    from nlp.schema import SourceType

    final = fetch.get("final_url") or fetch.get("url")
    options = ParseOptions(content_type=fetch.get("content_type"), url=final)
    doc = parse_bytes(data, key, options, source_type=SourceType.URL)
    doc.url = doc.url or final
    doc.meta.update({f"fetch_{k}": v for k, v in fetch.items() if v is not None and k != "sha256"})
    return doc
