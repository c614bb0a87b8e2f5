"""Polite fetching: see :class:`nlp.scrape.fetcher.Fetcher`."""

from nlp.scrape.fetcher import Fetcher, FetchOptions, FetchResult, fetch_one

__all__ = ["FetchOptions", "FetchResult", "Fetcher", "fetch_one"]
