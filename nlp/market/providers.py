"""Optional online price providers, for users with internet, writing into the same store.

* ``yfinance`` (pip install yfinance): Yahoo daily bars. Offline, yfinance returns an empty
  frame instead of raising; that is detected and reported as an error.
* ``stooq``: the CSV download at stooq.com (no extra package). Stooq's symbols differ
  (``^rut`` → ``^rut``, ``IWM`` → ``iwm.us``); the mapping is below.

Never needed by the tests or the sample corpus: the shared CSVs are imported offline.
"""

from __future__ import annotations

import io

import pandas as pd

from nlp.errors import Errors, FetchError

STOOQ_URL = "https://stooq.com/q/d/l/?s={symbol}&i=d"


def stooq_symbol(symbol: str) -> str:
    return symbol.lower() if symbol.startswith("^") else f"{symbol.lower()}.us"


def _frame(symbol: str, raw: pd.DataFrame, source: str, adjusted: bool) -> pd.DataFrame:
    raw = raw.rename(columns={c: str(c).strip().lower() for c in raw.columns})
    out = pd.DataFrame({"symbol": symbol, "date": pd.to_datetime(raw["date"]).dt.date})
    for col in ("open", "high", "low", "close", "volume"):
        out[col] = pd.to_numeric(raw[col], errors="coerce") if col in raw else float("nan")
    out["adjusted"] = adjusted and not symbol.startswith("^")
    out["provisional"] = False
    out["source"] = source
    return out.dropna(subset=["close"]).reset_index(drop=True)


def fetch_yfinance(symbol: str, start: str | None = None, end: str | None = None) -> pd.DataFrame:
    try:
        import yfinance
    except ImportError as err:
        raise FetchError(Errors.E206, url=f"yfinance:{symbol}", reason="yfinance is not installed "
                         "(pip install yfinance)") from err
    raw = yfinance.download(symbol, start=start, end=end, auto_adjust=False, progress=False)
    if raw is None or len(raw) == 0:
        raise FetchError(Errors.E206, url=f"yfinance:{symbol}",
                         reason="yfinance returned no rows (offline, rate-limited or an unknown symbol)")
    if isinstance(raw.columns, pd.MultiIndex):
        raw.columns = raw.columns.get_level_values(0)
    raw = raw.reset_index()
    # the "Close" of auto_adjust=False is the unadjusted close that news quotes
    return _frame(symbol, raw, "yfinance", adjusted=False)


def fetch_stooq(symbol: str, client=None, url: str = STOOQ_URL) -> pd.DataFrame:
    import httpx

    target = url.format(symbol=stooq_symbol(symbol))
    try:
        response = (client or httpx).get(target, timeout=20)
    except httpx.HTTPError as err:
        raise FetchError(Errors.E206, url=target, reason=str(err)) from err
    if response.status_code != 200:
        raise FetchError(Errors.E203, url=target, status=response.status_code)
    text = response.text
    if not text.lower().startswith("date"):
        raise FetchError(Errors.E206, url=target, reason="stooq sent no price table (unknown symbol?)")
    # Stooq closes are split-adjusted but not dividend-adjusted: close to what news quotes
    return _frame(symbol, pd.read_csv(io.StringIO(text)), "stooq", adjusted=False)
