import datetime as dt

import pandas as pd
import pytest

from nlp.market.store import MarketStore


def closes(start: str, values: list[float]) -> pd.DataFrame:
    days = pd.bdate_range(start, periods=len(values))
    return pd.DataFrame({"date": days.date, "close": values})


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory):
    """^RUT: 1,000 + 1 a business day from 2024-12-02, except a 5% drop on 2025-06-02 (a
    Monday) and three down days 2025-06-03..05; ^GSPC: flat 5,000 then +2% on 2025-06-02;
    IWM (a fund) with adjusted closes only. High = close + 5, low = close - 5."""
    days = pd.bdate_range("2024-12-02", "2025-12-31")
    rut = [1000.0 + i for i in range(len(days))]
    drop = list(days.date).index(dt.date(2025, 6, 2))
    rut[drop] = rut[drop - 1] * 0.95
    for k in (1, 2, 3):
        rut[drop + k] = rut[drop + k - 1] - 1
    for k in range(drop + 4, len(days)):
        rut[k] = rut[drop + 3] + (k - drop - 3)
    spx = [5000.0] * len(days)
    spx[drop:] = [5100.0] * (len(days) - drop)
    path = tmp_path_factory.mktemp("store") / "market.duckdb"
    with MarketStore(path) as store:
        for symbol, values, adjusted in (("^RUT", rut, False), ("^GSPC", spx, False), ("IWM", spx, True)):
            store.add(pd.DataFrame({"symbol": symbol, "date": days.date, "open": values,
                                    "high": [v + 5 for v in values], "low": [v - 5 for v in values], "close": values,
                                    "volume": 1.0, "adjusted": adjusted, "provisional": False, "source": "test"}))
    return path


@pytest.fixture(scope="session")
def market_store(shared_dir, tmp_path_factory):
    """The real market store, built once from <data path>/market for the evaluation gates."""
    import benchmarks.verify as bench

    return bench.build_store(tmp_path_factory.mktemp("market") / "market.duckdb")
