"""The linker on hand-built text with a small hand-built symbol store (no shared data)."""

import pytest

from nlp.entities import EntityLinker
from nlp.entities.store import SymbolInfo, SymbolStore


@pytest.fixture(scope="module")
def small_linker():
    symbols = {
        s.symbol: s for s in [
            SymbolInfo("ALAB", "Astera Labs, Inc. - Common Stock", "stock", "NASDAQ", "large"),
            SymbolInfo("CRDO", "Credo Technology Group Holding Ltd", "stock", "NASDAQ", "small", russell2000=True),
            SymbolInfo("SOUN", "SoundHound AI, Inc.", "stock", "NASDAQ", "small"),
            SymbolInfo("SNGX", "Soligenix, Inc.", "stock", "NASDAQ", "micro"),
            SymbolInfo("NOW", "ServiceNow, Inc.", "stock", "NYSE", "large", sp500=True),
            SymbolInfo("ALL", "The Allstate Corporation", "stock", "NYSE", "large", sp500=True),
            SymbolInfo("TGT", "Target Corporation", "stock", "NYSE", "large", sp500=True),
            SymbolInfo("TDW", "Tidewater Inc.", "stock", "NYSE", "mid"),
            SymbolInfo("AAPL", "Apple Inc.", "stock", "NASDAQ", "mega", sp500=True),
            SymbolInfo("IWM", "iShares Russell 2000 ETF", "etf", "NYSE Arca"),
            SymbolInfo("FDS", "FactSet Research Systems Inc.", "stock", "NYSE", "large", sp500=True),
            SymbolInfo("BAC", "Bank of America Corporation", "stock", "NYSE", "mega", sp500=True),
            SymbolInfo("SLVP", "iShares MSCI Global Silver Miners ETF", "etf", "Cboe BZX"),
        ]
    }
    names = {"Astera Labs": "ALAB", "Astera": "ALAB", "Credo Technology": "CRDO", "Credo": "CRDO",
             "SoundHound AI": "SOUN", "SoundHound": "SOUN", "Soligenix": "SNGX", "ServiceNow": "NOW",
             "Allstate": "ALL", "Tidewater": "TDW", "iShares Russell 2000 ETF": "IWM"}
    return EntityLinker(SymbolStore(symbols, names, common_word_tickers={"NOW", "ALL", "TGT"}))


def links(linker, text):
    return [(m.text, m.symbol) for m in linker.link(text)]


def test_short_and_informal_company_names(small_linker):
    got = links(small_linker, "Semiconductor suppliers Astera and Credo rallied; SoundHound AI lagged.")
    assert got == [("Astera", "ALAB"), ("Credo", "CRDO"), ("SoundHound AI", "SOUN")]


def test_cashtags_exchange_prefixes_and_parenthesised_tickers(small_linker):
    got = links(small_linker, "Buy $AAPL? ServiceNow (NYSE: NOW) rose and Soligenix (SNGX) fell.")
    assert got == [("$AAPL", "AAPL"), ("ServiceNow", "NOW"), ("NOW", "NOW"), ("Soligenix", "SNGX"), ("SNGX", "SNGX")]


def test_tickers_that_are_english_words_need_context(small_linker):
    assert links(small_linker, "Now ALL of it is SO clear, and AI is everywhere.") == []
    assert ("ALL", "ALL") in links(small_linker, "Allstate (ALL) gained.")


def test_c3_ai_is_a_stock_but_niche_ai_players_are_not(small_linker):
    got = links(small_linker, "Several niche-AI names, C3.ai among them, slipped.")
    assert got == [("C3.ai", "AI")]


def test_possessives_keep_the_name_span(small_linker):
    m = small_linker.link("The Russell 2000’s total return beat Astera's.")
    assert [(x.text, x.symbol) for x in m] == [("Russell 2000", "^RUT"), ("Astera", "ALAB")]


def test_indices_baskets_and_segments(small_linker):
    got = links(small_linker, "Small-cap stocks beat the Magnificent Seven while the S&P 500 and "
                              "the Nasdaq Composite lagged small- and mid-caps.")
    assert got == [("Small-cap stocks", "small_caps"), ("Magnificent Seven", "MAG7"), ("S&P 500", "^GSPC"),
                   ("Nasdaq Composite", "^IXIC"), ("small-", "small_caps"), ("mid-caps", "mid_caps")]
    basket = small_linker.table.symbols["MAG7"]
    assert set(basket.members) == {"AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "TSLA", "META"}


def test_organisations_that_are_not_securities_are_not_linked(small_linker):
    assert links(small_linker, "The Federal Reserve met; the Fed cut. Subscribe to SmallCap Network.") == []


def test_non_us_listing_keeps_its_exchange(small_linker):
    m = small_linker.link("Badger Infrastructure Solutions reported growth.")[0]
    assert (m.symbol, m.exchange) == ("BDGI", "TSX")


def test_cited_sources_get_the_source_role(small_linker):
    text = ("According to Bank of America, valuations are low. Growth above 14% (per FactSet). "
            "As Ned Davis Research underscores, breadth improved. Bank of America shares rose.")
    roles = [(m.text, m.symbol, m.role) for m in small_linker.link(text)]
    assert roles == [("Bank of America", "BAC", "source"), ("FactSet", "FDS", "source"),
                     ("Ned Davis Research", None, "source"), ("Bank of America", "BAC", "subject")]


def test_a_name_inside_a_longer_proper_name_is_another_company(small_linker):
    assert links(small_linker, "Prices from Tidewater Markets show a gain.") == []
    assert links(small_linker, "Shares of Tidewater rose.") == [("Tidewater", "TDW")]


def test_the_writers_own_name_ticker_pairing_is_trusted(small_linker):
    text = "We like Silverpeak Minerals (SLVP). Silverpeak trades under $2. Kestrel Freight (KSTF) too."
    got = [(m.text, m.symbol, m.method) for m in small_linker.link(text)]
    assert got == [("Silverpeak Minerals", "SLVP", "paren_text"), ("SLVP", "SLVP", "paren_text"),
                   ("Silverpeak", "SLVP", "paren_text"), ("Kestrel Freight", "KSTF", "paren_text"),
                   ("KSTF", "KSTF", "paren_text")]


def test_offsets_point_at_the_text(small_linker):
    text = "Credo, Astera and the iShares Russell 2000 ETF (IWM) all rose; $AAPL too."
    for m in small_linker.link(text):
        assert text[m.start:m.end] == m.text


def test_ten_thousand_tickers_in_one_paragraph(small_linker):
    text = " ".join(["ALAB CRDO (SNGX) $AAPL small caps"] * 2000)
    mentions = small_linker.link(text)
    assert len(mentions) == 2000 * 5


def test_without_a_store_the_alias_table_still_works():
    bare = EntityLinker(SymbolStore())
    assert [(m.text, m.symbol) for m in bare.link("The Russell 2000 and IWM rose.")][0] == ("Russell 2000", "^RUT")


def test_a_pairing_carries_to_the_later_blocks_of_the_document(small_linker):
    blocks = ["Two stocks stand out: Quarry Ridge Software (QRSW), up 22%.",
              "Quarry Ridge's margin fell, and Quarry shares slipped.", "Nothing else here."]
    linked = small_linker.link_blocks(blocks)
    later = [(m.text, m.symbol) for m in linked[1]]
    assert later == [("Quarry Ridge", "QRSW"), ("Quarry", "QRSW")]
    assert linked[2] == [] and small_linker.link_blocks([blocks[1]]) == [[]]  # nothing paired before
