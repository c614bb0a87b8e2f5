import json
import time

import pytest

from nlp.errors import FetchError
from nlp.parse import ParseOptions, parse_bytes
from nlp.scrape import Fetcher, FetchOptions

FAST = dict(allow_private=True, min_delay=0.0, backoff=0.01, read_timeout=1.0, connect_timeout=1.0, retries=2)


def fetcher(tmp_path=None, **kw):
    opts = {**FAST, **kw}
    if tmp_path is not None:
        opts["cache_dir"] = tmp_path
    return Fetcher(FetchOptions(**opts))


def test_normal_page(server):
    base, _ = server
    with fetcher() as f:
        r = f.fetch(base + "/ok")
    assert r.status == 200 and b"Small caps" in r.body and r.sha256 and "text/html" in r.content_type


def test_404_is_an_error_with_status(server):
    base, _ = server
    with fetcher() as f, pytest.raises(FetchError, match="HTTP 404"):
        f.fetch(base + "/missing")


@pytest.mark.parametrize("path", ["/flaky", "/busy"])
def test_retries_on_5xx_and_429(server, path):
    base, handler = server
    with fetcher() as f:
        assert f.fetch(base + path).status == 200
    assert handler.hits[path] == 2


def test_slow_page_times_out(server):
    base, _ = server
    with fetcher(retries=0, read_timeout=0.3) as f, pytest.raises(FetchError, match="E207"):
        f.fetch(base + "/slow")


@pytest.mark.parametrize("path", ["/huge", "/huge-chunked"])
def test_size_cap(server, path):
    base, _ = server
    with fetcher(max_bytes=1_000_000) as f, pytest.raises(FetchError, match="E204"):
        f.fetch(base + path)


def test_redirects_followed_and_loops_capped(server):
    base, _ = server
    with fetcher() as f:
        assert f.fetch(base + "/redirect").final_url == base + "/ok"
        with pytest.raises(FetchError, match="E205"):
            f.fetch(base + "/loop")


def test_non_http_schemes_refused_even_via_redirect(server):
    base, _ = server
    with fetcher() as f:
        with pytest.raises(FetchError, match="E201"):
            f.fetch("file:///etc/passwd")
        with pytest.raises(FetchError, match="E201"):
            f.fetch(base + "/to-ftp")


def test_robots_txt_is_honoured(server):
    base, handler = server
    with fetcher() as f, pytest.raises(FetchError, match="E202"):
        f.fetch(base + "/private/secret")
    assert "/private/secret" not in handler.hits
    with fetcher(respect_robots=False) as f:
        assert f.fetch(base + "/private/secret").status == 200


def test_conditional_get_downloads_nothing_the_second_time(server, tmp_path):
    base, _ = server
    with fetcher(tmp_path) as f:
        first = f.fetch(base + "/etag")
        second = f.fetch(base + "/etag")
    assert not first.from_cache and second.from_cache
    assert second.body == first.body and second.saved_path == first.saved_path


def test_rate_limit_spaces_requests_to_one_host(server):
    base, _ = server
    with fetcher(min_delay=0.3, respect_robots=False) as f:
        start = time.monotonic()
        for _ in range(3):
            f.fetch(base + "/ok")
    assert time.monotonic() - start >= 0.6


def test_manifest_and_errors_never_stop_a_batch(server, tmp_path):
    base, _ = server
    urls = [base + "/ok", base + "/missing", base + "/binary", "gopher://x"]
    with fetcher(tmp_path) as f:
        results = f.fetch_many(urls, manifest=tmp_path / "manifest.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text().splitlines()]
    assert [r["url"] for r in rows] == urls
    assert rows[0]["status"] == 200 and rows[0]["sha256"] and rows[0]["saved_path"]
    assert rows[1]["status"] == 404 and "HTTP 404" in rows[1]["error"]
    assert rows[3]["error"] and "E201" in rows[3]["error"]
    assert {"url", "final_url", "status", "fetched_at", "content_type", "sha256", "saved_path"} <= set(rows[0])
    assert results[2].status == 200  # binary is fetched; parsing it is what fails


def test_binary_and_wrong_charset_pages_through_the_parser(server):
    base, _ = server
    with fetcher() as f:
        binary = f.fetch(base + "/binary")
        lying = f.fetch(base + "/latin1")
    with pytest.raises(Exception, match="E104"):
        parse_bytes(binary.body, binary.url)
    doc = parse_bytes(lying.body, lying.url, ParseOptions(content_type=lying.content_type))
    assert "Café déjà vu" in doc.text
    assert any(e.code == "W101" for e in doc.errors)
