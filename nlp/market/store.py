"""The market data store: daily prices of many sources in one embedded DuckDB file.

Why DuckDB: a single file, no server, SQL with window functions for the merge rule below,
and zero-copy exchange with pandas and Parquet; the price history of a few hundred symbols
is megabytes, far below where a server database would pay off.

Table ``prices`` keeps every imported row with its source. Several sources for one symbol
and day are merged at read time, by this priority:

1. unadjusted before adjusted when the caller does not ask for one kind (a close quoted in
   the news is an unadjusted close);
2. final before provisional (volume-0 index rows written intraday);
3. the higher ``priority`` given at import (default 0);
4. the source whose history ends latest (the most recent download), then the source name.

Re-importing a file replaces that source's rows for that symbol, so imports are idempotent.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd

from nlp.errors import DataPathError, Errors

_SCHEMA = """
CREATE TABLE IF NOT EXISTS prices (
    symbol VARCHAR NOT NULL, date DATE NOT NULL, open DOUBLE, high DOUBLE, low DOUBLE,
    close DOUBLE NOT NULL, volume DOUBLE, adjusted BOOLEAN NOT NULL, provisional BOOLEAN NOT NULL,
    source VARCHAR NOT NULL, priority INTEGER NOT NULL DEFAULT 0, source_end DATE,
    PRIMARY KEY (symbol, date, adjusted, source)
);
"""
_MERGED = """
SELECT * EXCLUDE (rn) FROM (
    SELECT *, row_number() OVER (PARTITION BY symbol, date {partition}
        ORDER BY adjusted, provisional, priority DESC, source_end DESC, source) AS rn
    FROM prices WHERE symbol = ? {where}
) WHERE rn = 1 ORDER BY date
"""


class MarketStore:
    def __init__(self, path: str | os.PathLike[str] | None = None, read_only: bool = False) -> None:
        import duckdb

        self.path = Path(path) if path else default_store_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = duckdb.connect(str(self.path), read_only=read_only and self.path.exists())
        except duckdb.Error as err:
            raise DataPathError(Errors.E602, path=self.path, reason=str(err)) from err
        if not read_only:
            self.db.execute(_SCHEMA)
        # a read-only store cannot change under us: keep each merged history in memory
        self._cache: dict | None = {} if read_only else None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> MarketStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------
    def add(self, frame: pd.DataFrame, priority: int = 0) -> int:
        """Replace each (symbol, source, adjusted) of ``frame`` with its rows, in one transaction."""
        if frame.empty:
            return 0
        frame = frame.copy()
        frame["priority"] = priority
        frame["source_end"] = frame.groupby(["symbol", "source"])["date"].transform("max")
        cols = ["symbol", "date", "open", "high", "low", "close", "volume", "adjusted", "provisional",
                "source", "priority", "source_end"]
        frame = frame[cols]
        self.db.execute("BEGIN TRANSACTION")
        try:
            for (symbol, source, adjusted), _ in frame.groupby(["symbol", "source", "adjusted"]):
                self.db.execute("DELETE FROM prices WHERE symbol = ? AND source = ? AND adjusted = ?",
                                [symbol, source, bool(adjusted)])
            self.db.register("incoming", frame)
            self.db.execute(f"INSERT INTO prices SELECT {', '.join(cols)} FROM incoming")
            self.db.unregister("incoming")
            self.db.execute("COMMIT")
        except Exception:
            self.db.execute("ROLLBACK")
            raise
        return len(frame)

    # -- reading -------------------------------------------------------------------
    def history(self, symbol: str, start: dt.date | str | None = None, end: dt.date | str | None = None,
                adjusted: bool | None = None, include_provisional: bool = True) -> pd.DataFrame:
        """Daily rows of one symbol, merged across sources (see the module docstring)."""
        if self._cache is not None:
            key = (symbol, adjusted, include_provisional)
            if key not in self._cache:
                frame = self._query(symbol, None, None, adjusted, include_provisional)
                self._cache[key] = (frame, pd.to_datetime(frame["date"]).to_numpy() if len(frame) else None)
            frame, days = self._cache[key]
            if frame.empty:
                return frame
            # rows are unique per date and sorted (the ORDER BY of _MERGED): slice by bisection
            lo = 0 if start is None else int(days.searchsorted(pd.Timestamp(start).to_datetime64(), "left"))
            hi = len(days) if end is None else int(days.searchsorted(pd.Timestamp(end).to_datetime64(), "right"))
            return frame.iloc[lo:hi].reset_index(drop=True)
        return self._query(symbol, start, end, adjusted, include_provisional)

    def _query(self, symbol: str, start, end, adjusted: bool | None, include_provisional: bool) -> pd.DataFrame:
        where, params = [], [symbol]
        if start is not None:
            where.append("date >= ?")
            params.append(pd.Timestamp(start).date())
        if end is not None:
            where.append("date <= ?")
            params.append(pd.Timestamp(end).date())
        if adjusted is not None:
            where.append("adjusted = ?")
            params.append(adjusted)
        if not include_provisional:
            where.append("NOT provisional")
        sql = _MERGED.format(partition=", adjusted" if adjusted is not None else "",
                             where="".join(f" AND {w}" for w in where))
        frame = self.db.execute(sql, params).df()
        if not frame.empty:
            frame["date"] = pd.to_datetime(frame["date"]).dt.date
        return frame

    def symbols(self) -> pd.DataFrame:
        return self.db.execute(
            "SELECT symbol, source, adjusted, count(*) AS rows, min(date) AS first, max(date) AS last, "
            "sum(provisional::INT) AS provisional FROM prices GROUP BY ALL ORDER BY symbol, source").df()


def default_store_path() -> Path:
    from nlp.config import home_dir

    return home_dir() / "market.duckdb"


def import_paths(store: MarketStore, paths: list[Path], options=None, priority: int = 0,
                 on_error=None) -> dict[str, int]:
    """Import CSV files (folders are searched recursively). Returns rows per file; a bad
    file is reported through ``on_error(path, error)`` and the others go on."""
    from nlp.errors import FinnewsError
    from nlp.market.importer import read_prices

    files: list[Path] = []
    for path in paths:
        files += sorted(p for p in path.rglob("*.csv")) if path.is_dir() else [path]
    counts = {}
    for file in files:
        try:
            counts[str(file)] = store.add(read_prices(file, options), priority)
        except FinnewsError as err:
            if on_error is None:
                raise
            on_error(file, err)
    return counts


def ensure_store(path: Path | None = None, on_build=None) -> Path | None:
    """The market store at ``path`` (default :func:`default_store_path`), built from
    ``<data path>/market`` the first time; None when neither exists. ``on_build(path, market)``
    is called before a build (it takes a few seconds)."""
    from nlp.cache import build_once
    from nlp.config import data_path
    from nlp.errors import FinnewsError

    path = Path(path) if path else default_store_path()
    if path.exists():
        return path
    try:
        market = data_path().require("market")
    except FinnewsError:
        return None

    def build(scratch: Path) -> None:
        if on_build is not None:
            on_build(path, market)
        with MarketStore(scratch) as store:
            import_paths(store, [market], on_error=lambda p, e: None)

    return build_once(path, build)
