"""Tickers, companies, indices, baskets and market segments: find every mention in a text
and link it to a symbol.

* :class:`SymbolStore` - the symbol reference built from the lists under the data path;
* :class:`EntityLinker` - the matcher (plain strings in, :class:`Mention` objects out);
* :func:`load_linker` - the linker over the user's store, built on first use;
* ``nlp.entities.component`` - the spaCy factory ``finnews_entity_linker``;
* ``nlp.entities.stage`` - the ``entities`` pipeline stage.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from nlp.entities.linker import EntityLinker, Mention
from nlp.entities.store import SymbolInfo, SymbolStore
from nlp.errors import DataPathError, Warnings, warning_text


def load_store(path: str | os.PathLike[str] | None = None) -> tuple[SymbolStore, str | None]:
    """The symbol store at ``path`` (default: the finnews home folder). When there is none yet
    it is built from the data path and saved. Returns the store and a warning, if any."""
    from nlp.cache import build_once
    from nlp.config import data_path

    target = Path(path) if path else SymbolStore.default_path()
    if target.exists():
        return SymbolStore.load(target), None
    try:
        market = data_path().require("market")
        build_once(target, lambda scratch: SymbolStore.build(market).save(scratch))
    except DataPathError as err:
        return SymbolStore(), warning_text(Warnings.W201, reason=err.message)
    except OSError as err:  # a read-only home still gets a working linker
        print(f"finnews: could not save the symbol store to {target}: {err}", file=sys.stderr)
        return SymbolStore.build(market), None
    return SymbolStore.load(target), None


@lru_cache(maxsize=4)
def load_linker(path: str | None = None) -> EntityLinker:
    store, warning = load_store(path)
    linker = EntityLinker(store)
    linker.warning = warning  # type: ignore[attr-defined]
    return linker


__all__ = ["EntityLinker", "Mention", "SymbolInfo", "SymbolStore", "load_linker", "load_store"]
