"""Daily price CSVs in the layouts found in the wild, read into one tidy frame.

Accepted: Yahoo (``Date,Open,High,Low,Close,Adj Close,Volume``), any column order and case
(``date,open,high,low,close,volume``), ``Date,Close`` only, and finnews's own unadjusted
series (``Date,close_unadjusted``). The symbol comes from the file name (``^RUT.csv``,
``GSPC.csv`` → ^GSPC, ``RTY=F.csv``) unless given. Whether prices are split/dividend
adjusted is recorded per source: indices are never adjusted (they pay no dividends); ETF and
stock files from Yahoo-style downloads are adjusted unless the caller says otherwise; a
``close_unadjusted`` column is unadjusted by definition.

Rows that look provisional are marked: volume 0 on an index or future (written by an
intraday job before the close).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from nlp.errors import Errors, InputError

# File names that name an index without Yahoo's caret.
INDEX_NAMES = {"GSPC": "^GSPC", "SPX": "^GSPC", "IXIC": "^IXIC", "NDX": "^NDX", "DJI": "^DJI", "RUT": "^RUT",
               "VIX": "^VIX", "RUI": "^RUI", "RUA": "^RUA", "SP600": "^SP600"}
_COLUMNS = {"date": "date", "datetime": "date", "timestamp": "date", "open": "open", "high": "high", "low": "low",
            "close": "close", "adj close": "adj_close", "adj_close": "adj_close", "adjclose": "adj_close",
            "volume": "volume", "close_unadjusted": "close_unadjusted", "price": "close", "last": "close"}


@dataclass(frozen=True)
class ImportOptions:
    symbol: str | None = None
    source: str | None = None
    adjusted: bool | None = None  # None: decide from the symbol's kind and the columns


def symbol_from_path(path: Path) -> str:
    stem = path.name[:-4] if path.name.lower().endswith(".csv") else path.stem
    stem = re.sub(r"_close_unadjusted.*$", "", stem)
    return INDEX_NAMES.get(stem.upper(), stem.upper() if not stem.startswith("^") else stem.upper())


def is_index(symbol: str) -> bool:
    return symbol.startswith("^")


def is_future(symbol: str) -> bool:
    return symbol.endswith("=F")


def read_prices(path: str | Path, options: ImportOptions | None = None) -> pd.DataFrame:
    """One file as rows of (symbol, date, open, high, low, close, volume, adjusted,
    provisional, source). Bad rows (unparseable dates or prices) are dropped and counted in
    ``frame.attrs['dropped']``; a file without a date and a close column is an InputError."""
    path = Path(path)
    opts = options or ImportOptions()
    try:
        raw = pd.read_csv(path, dtype=str, skipinitialspace=True)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as err:
        raise InputError(Errors.E102, path=path, reason=str(err)) from err
    renamed = {c: _COLUMNS[c.strip().lower()] for c in raw.columns if c.strip().lower() in _COLUMNS}
    frame = raw.rename(columns=renamed)
    frame = frame.loc[:, ~frame.columns.duplicated()]
    if "close_unadjusted" in frame.columns:
        frame["close"] = frame["close_unadjusted"]
    if "date" not in frame.columns or "close" not in frame.columns:
        raise InputError(Errors.E109, path=path, columns=", ".join(map(str, raw.columns)))
    symbol = opts.symbol or symbol_from_path(path)
    out = pd.DataFrame({"date": pd.to_datetime(frame["date"].str.slice(0, 10), errors="coerce", format="%Y-%m-%d")})
    for col in ("open", "high", "low", "close", "volume"):
        out[col] = (pd.to_numeric(frame[col].str.replace(",", ""), errors="coerce") if col in frame.columns
                    else float("nan"))
    before = len(out)
    out = out.dropna(subset=["date", "close"])
    out = out[out["close"] > 0]
    if opts.adjusted is not None:
        adjusted = opts.adjusted
    else:
        adjusted = not (is_index(symbol) or is_future(symbol) or "close_unadjusted" in frame.columns)
    out.insert(0, "symbol", symbol)
    out["date"] = out["date"].dt.date
    out["adjusted"] = adjusted
    out["provisional"] = _provisional(out, symbol)
    out["source"] = opts.source or path.parent.name or "local"
    out = out.drop_duplicates(subset=["date"], keep="last").sort_values("date").reset_index(drop=True)
    out.attrs["dropped"] = before - len(out)
    return out


def _provisional(frame: pd.DataFrame, symbol: str) -> pd.Series:
    """A volume-0 row of an index or future among days that do have volume: the intraday
    job's snapshot, not the final print. (Series with no volume at all are not flagged.)"""
    if not (is_index(symbol) or is_future(symbol)) or frame["volume"].isna().all():
        return pd.Series(False, index=frame.index)
    traded = (frame["volume"] > 0).astype(float)
    neighbours = traded.rolling(11, center=True, min_periods=3).mean()
    return (frame["volume"] == 0) & (neighbours >= 0.7)
