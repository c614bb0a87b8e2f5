"""A polite, cached HTTP fetcher.

* http(s) only, and public addresses only unless ``allow_private`` (never a redirect from a
  public host into a private network, see addresses.py); robots.txt honoured (cached per
  host; unreachable robots.txt allows, a 401/403 robots.txt disallows, as RFC 9309 says);
* per-host rate limit (minimum delay between requests to one host);
* connect/read timeouts, a redirect cap and a response-size cap (streamed, so a huge page
  is cut off without being downloaded whole);
* retries with exponential backoff on 429 and 5xx, honouring ``Retry-After``;
* conditional GET: ETag / Last-Modified from the cache, so an unchanged page is a 304 and
  nothing is downloaded again;
* a JSON Lines manifest of every fetch (url, final url, status, time, type, sha256, path).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import urllib.robotparser
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from nlp.errors import Errors, FetchError
from nlp.io import atomic_write
from nlp.scrape.addresses import AddressGuard, Resolver, connected_address, resolve
from nlp.scrape.store import PageCache

USER_AGENT = "finnews/0.1 (+https://github.com/finnews/finnews; polite research crawler)"


@dataclass(frozen=True)
class FetchOptions:
    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 30.0
    min_delay: float = 1.0  # seconds between two requests to the same host
    respect_robots: bool = True
    allow_private: bool = False  # fetch from private/loopback/link-local addresses (your own network)
    cache_dir: Path | None = None


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int
    fetched_at: str
    content_type: str | None
    sha256: str | None
    body: bytes = field(repr=False, default=b"")
    from_cache: bool = False
    saved_path: str | None = None
    error: str | None = None

    def manifest_row(self) -> dict:
        row = asdict(self)
        row.pop("body")
        return row


class Fetcher:
    def __init__(self, options: FetchOptions | None = None, transport: httpx.BaseTransport | None = None,
                 resolver: Resolver = resolve):
        self.options = options or FetchOptions()
        self._resolver = resolver
        o = self.options
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(o.read_timeout, connect=o.connect_timeout),
            headers={"User-Agent": o.user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last_request: dict[str, float] = {}
        self.cache = PageCache(o.cache_dir) if o.cache_dir else None

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness --------------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            delay = self.options.min_delay - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last_request[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        if not self.options.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        parser = self._robots[origin]
        return True if parser is None else parser.can_fetch(self.options.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser()
        try:
            status, _headers, body, _final = self._request(origin + "/robots.txt", {}, retries=1)
        except FetchError:
            return None  # unreachable robots.txt: allowed
        if status in (401, 403):
            parser.disallow_all = True
        elif 200 <= status < 300:
            parser.parse(body.decode("utf-8", "replace").splitlines())
        else:
            return None
        return parser

    # -- HTTP --------------------------------------------------------------------------
    def _request(self, url: str, headers: dict[str, str], retries: int | None = None
                 ) -> tuple[int, httpx.Headers, bytes, str]:
        o = self.options
        attempts = (o.retries if retries is None else retries) + 1
        for attempt in range(attempts):
            current, redirects = url, 0
            guard = AddressGuard(o.allow_private, self._resolver)
            while True:
                _check_scheme(current)
                guard.check_url(current, url)
                self._wait_turn(urlsplit(current).netloc)
                try:
                    status, resp_headers, body = self._get(current, headers, guard, url)
                except httpx.TimeoutException as err:
                    if attempt + 1 < attempts:
                        break
                    raise FetchError(Errors.E207, url=url, seconds=o.read_timeout) from err
                except httpx.HTTPError as err:
                    if attempt + 1 < attempts:
                        break
                    raise FetchError(Errors.E206, url=url, reason=str(err) or type(err).__name__) from err
                if status in (301, 302, 303, 307, 308) and "location" in resp_headers:
                    redirects += 1
                    if redirects > o.max_redirects:
                        raise FetchError(Errors.E205, url=url, limit=o.max_redirects)
                    current = urljoin(current, resp_headers["location"])
                    continue
                if (status == 429 or status >= 500) and attempt + 1 < attempts:
                    time.sleep(self._backoff(attempt, resp_headers.get("retry-after")))
                    break
                return status, resp_headers, body, current
        raise FetchError(Errors.E206, url=url, reason="retries exhausted")

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.strip().isdigit():
            return min(float(retry_after), self.options.max_backoff)
        return min(self.options.backoff * (2**attempt), self.options.max_backoff)

    def _get(self, url: str, headers: dict[str, str], guard: AddressGuard, origin_url: str
             ) -> tuple[int, httpx.Headers, bytes]:
        limit = self.options.max_bytes
        with self._client.stream("GET", url, headers=headers) as resp:
            peer = connected_address(resp)
            if peer is not None:
                guard.check_address(peer, url, origin_url, urlsplit(url).hostname)
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(Errors.E204, url=url, limit=limit)
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(Errors.E204, url=url, limit=limit)
                chunks.append(chunk)
            return resp.status_code, resp.headers, b"".join(chunks)

    def fetch(self, url: str) -> FetchResult:
        """Fetch one URL. Raises :class:`FetchError`; HTTP errors (>= 400) raise E203."""
        _check_scheme(url)
        if not self.allowed(url):
            raise FetchError(Errors.E202, url=url, agent=self.options.user_agent)
        cached = self.cache.get(url) if self.cache else None
        headers = {}
        if cached:
            if cached.get("etag"):
                headers["If-None-Match"] = cached["etag"]
            if cached.get("last_modified"):
                headers["If-Modified-Since"] = cached["last_modified"]
        status, resp_headers, body, final = self._request(url, headers)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        if status == 304 and cached and self.cache:
            body = self.cache.body(cached)
            return FetchResult(url, cached.get("final_url", final), 200, now, cached.get("content_type"),
                               hashlib.sha256(body).hexdigest(), body, from_cache=True,
                               saved_path=cached.get("path"))
        if status >= 400:
            raise FetchError(Errors.E203, url=url, status=status)
        result = FetchResult(url, final, status, now, resp_headers.get("content-type"),
                             hashlib.sha256(body).hexdigest(), body)
        if self.cache:
            result.saved_path = self.cache.put(url, result, resp_headers.get("etag"),
                                               resp_headers.get("last-modified"))
        return result

    def fetch_many(self, urls: list[str], manifest: Path | None = None) -> list[FetchResult]:
        """Fetch every URL; failures become rows with ``error`` set, never exceptions."""
        results = []
        for url in urls:
            try:
                result = self.fetch(url)
            except FetchError as err:
                now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                status = err.fields.get("status", 0)
                result = FetchResult(url, url, int(status) if isinstance(status, int) else 0, now,
                                     None, None, error=str(err))
            results.append(result)
            if manifest is not None:
                _append_jsonl(manifest, result.manifest_row())
        return results


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(Errors.E201, url=url)


def _append_jsonl(path: Path, row: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def fetch_one(url: str, options: FetchOptions | None = None) -> FetchResult:
    with Fetcher(options) as fetcher:
        return fetcher.fetch(url)


__all__ = ["FetchOptions", "FetchResult", "Fetcher", "atomic_write", "fetch_one"]
