"""Online providers without the internet: a fake yfinance and a local Stooq stand-in."""

import sys
import types

import httpx
import pandas as pd
import pytest

from nlp.errors import FetchError
from nlp.market.providers import fetch_stooq, fetch_yfinance, stooq_symbol


def test_yfinance_empty_frame_means_offline(monkeypatch):
    fake = types.SimpleNamespace(download=lambda *a, **k: pd.DataFrame())
    monkeypatch.setitem(sys.modules, "yfinance", fake)
    with pytest.raises(FetchError, match="no rows"):
        fetch_yfinance("IWM")


def test_yfinance_rows_are_unadjusted_closes(monkeypatch):
    frame = pd.DataFrame({"Open": [1.0], "High": [2.0], "Low": [0.5], "Close": [251.82], "Adj Close": [250.0],
                          "Volume": [10]}, index=pd.DatetimeIndex(["2025-12-04"], name="Date"))
    monkeypatch.setitem(sys.modules, "yfinance", types.SimpleNamespace(download=lambda *a, **k: frame))
    out = fetch_yfinance("IWM")
    assert (out.close[0], bool(out.adjusted[0]), out.source[0]) == (251.82, False, "yfinance")


def test_stooq_csv_and_errors():
    def handler(request):
        if "iwm.us" in str(request.url):
            return httpx.Response(200, text="Date,Open,High,Low,Close,Volume\n2025-12-04,1,2,0.5,251.82,10\n")
        return httpx.Response(200, text="No data")

    client = httpx.Client(transport=httpx.MockTransport(handler))
    assert stooq_symbol("IWM") == "iwm.us" and stooq_symbol("^RUT") == "^rut"
    assert fetch_stooq("IWM", client).close[0] == 251.82
    with pytest.raises(FetchError, match="no price table"):
        fetch_stooq("NOPE", client)
