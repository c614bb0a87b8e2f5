import gzip
import json

import pytest

from nlp.entities.store import SymbolStore
from nlp.errors import DataPathError

pytestmark = pytest.mark.shared


def test_store_has_names_exchanges_and_sizes(symbol_store):
    alab, crdo, iwm, nvda = (symbol_store.get(s) for s in ("ALAB", "CRDO", "IWM", "NVDA"))
    assert alab.exchange == "NASDAQ" and alab.kind == "stock"
    assert crdo.russell2000 and crdo.size == "small"  # in the IWM holdings
    assert iwm.kind == "etf"
    assert nvda.sp500 and nvda.size == "mega"
    assert symbol_store.name_aliases["Astera"] == "ALAB"
    assert symbol_store.name_aliases["Credo"] == "CRDO"
    assert "Toronto" not in symbol_store.name_aliases  # a place, not the short name of a bank
    assert "NOW" in symbol_store.common_word_tickers


def test_store_round_trip(symbol_store, tmp_path):
    path = symbol_store.save(tmp_path / "s.json.gz")
    again = SymbolStore.load(path)
    assert again.symbols == symbol_store.symbols
    assert again.name_aliases == symbol_store.name_aliases


def test_broken_or_foreign_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(DataPathError, match="E501"):
        SymbolStore.load(bad)
    old = tmp_path / "old.json.gz"
    old.write_bytes(gzip.compress(json.dumps({"format": "finnews-symbols", "version": 0}).encode()))
    with pytest.raises(DataPathError, match="E502"):
        SymbolStore.load(old)


def test_build_without_lists_fails_clearly(tmp_path):
    with pytest.raises(DataPathError, match="E503"):
        SymbolStore.build(tmp_path)
