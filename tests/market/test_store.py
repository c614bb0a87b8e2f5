import datetime as dt

import pytest

from nlp.errors import InputError
from nlp.market.importer import ImportOptions, read_prices, symbol_from_path
from nlp.market.store import MarketStore, import_paths


def write(path, text):
    path.write_text(text)
    return path


@pytest.fixture()
def files(tmp_path):
    a = tmp_path / "yahoo"
    a.mkdir()
    write(a / "^RUT.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2025-12-09,1,2,0.5,100,100,10\n"
                          "2025-12-10,1,110,0.5,105,105,0\n2025-12-11,1,2,0.5,106,106,12\n2025-12-12,1,2,0.5,107,107,11\n")
    b = tmp_path / "lab"
    b.mkdir()
    write(b / "IWM.csv", "close,date,volume\n250.5,2025-12-04,5\n251.0,2025-12-05,6\nbad,2025-12-08,1\n")
    write(b / "GSPC.csv", "date,close\n2025-12-04,6800\n")
    c = tmp_path / "raw"
    c.mkdir()
    write(c / "IWM_close_unadjusted_x.csv", "Date,close_as_stored,close_unadjusted,basis\n2025-12-04,250.5,251.82,x\n")
    return tmp_path


def test_layouts_symbols_and_adjustment(files):
    rut = read_prices(files / "yahoo" / "^RUT.csv")
    assert (rut.symbol[0], bool(rut.adjusted[0])) == ("^RUT", False)
    assert rut.loc[rut.date == dt.date(2025, 12, 10), "provisional"].item()  # volume 0 among traded days
    iwm = read_prices(files / "lab" / "IWM.csv")
    assert bool(iwm.adjusted[0]) and len(iwm) == 2 and iwm.attrs["dropped"] == 1
    assert symbol_from_path(files / "lab" / "GSPC.csv") == "^GSPC"
    raw = read_prices(files / "raw" / "IWM_close_unadjusted_x.csv")
    assert (raw.symbol[0], raw.close[0], bool(raw.adjusted[0])) == ("IWM", 251.82, False)
    forced = read_prices(files / "lab" / "IWM.csv", ImportOptions(symbol="XYZ", adjusted=False))
    assert forced.symbol[0] == "XYZ" and not forced.adjusted[0]


def test_not_a_price_file_is_a_clear_error(tmp_path):
    bad = write(tmp_path / "list.csv", "Symbol,Name\nA,Agilent\n")
    with pytest.raises(InputError, match="E109"):
        read_prices(bad)


def test_store_merges_sources_and_reimport_is_idempotent(files, tmp_path):
    errors = []
    with MarketStore(tmp_path / "m.duckdb") as store:
        counts = import_paths(store, [files], on_error=lambda p, e: errors.append(p))
        again = import_paths(store, [files], on_error=lambda p, e: errors.append(p))
        assert counts == again and not errors
        iwm = store.history("IWM", "2025-12-04", "2025-12-04")
        assert (iwm.close[0], bool(iwm.adjusted[0]), iwm.source[0]) == (251.82, False, "raw")  # unadjusted first
        assert store.history("IWM", "2025-12-04", "2025-12-04", adjusted=True).close[0] == 250.5
        rut = store.history("^RUT", include_provisional=False)
        assert dt.date(2025, 12, 10) not in set(rut.date)
        assert len(store.symbols()) == 4


def test_read_only_store_slices_its_cached_histories_like_the_query(files, tmp_path):
    with MarketStore(tmp_path / "m.duckdb") as store:
        import_paths(store, [files], on_error=lambda p, e: None)
    with MarketStore(tmp_path / "m.duckdb", read_only=True) as store:
        bounds = [None, "2025-12-01", "2025-12-09", dt.date(2025, 12, 10), "2025-12-10 00:00", "2025-12-12",
                  "2026-01-01"]
        for symbol in ("^RUT", "IWM", "NOPE"):
            for start in bounds:
                for end in bounds:
                    cached = store.history(symbol, start, end)
                    direct = store._query(symbol, start, end, None, True)
                    assert list(cached.date) == list(direct.date), (symbol, start, end)
                    assert list(cached.close) == list(direct.close)
