from nlp.market.store import MarketStore  # noqa: F401 - the store, importable as nlp.market.MarketStore
