"""The scraper stays out of private networks: no private, loopback or link-local address
unless allowed, and never a redirect from a public address into a private one."""

import httpx
import pytest

from nlp.errors import FetchError
from nlp.scrape import Fetcher, FetchOptions
from nlp.scrape.addresses import AddressGuard, is_public, resolve

# Names the tests resolve themselves: no DNS, and no traffic to any of these addresses
# (a MockTransport answers every request in-process).
HOSTS = {"news.example": ["93.184.216.34"], "intranet.example": ["10.1.2.3"],
         "rebind.example": ["93.184.216.34", "127.0.0.1"], "metadata.example": ["169.254.169.254"]}


def fake_resolve(host):
    return HOSTS[host] if host in HOSTS else resolve(host)


def mock_fetcher(routes, allow_private=False):
    def handler(request):
        status, headers = routes[str(request.url)]
        return httpx.Response(status, headers=headers, content=b"<p>page</p>")

    options = FetchOptions(min_delay=0, retries=0, respect_robots=False, allow_private=allow_private)
    return Fetcher(options, transport=httpx.MockTransport(handler), resolver=fake_resolve)


@pytest.mark.parametrize("address, public", [
    ("93.184.216.34", True), ("8.8.8.8", True), ("2606:4700::1111", True),
    ("127.0.0.1", False), ("10.0.0.1", False), ("172.16.5.4", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("::1", False), ("fe80::1", False), ("fc00::1", False), ("0.0.0.0", False),
    ("100.64.0.1", False), ("::ffff:127.0.0.1", False), ("224.0.0.1", False)])
def test_public_addresses(address, public):
    assert is_public(address) is public


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://[::1]:8080/", "http://intranet.example/",
                                 "http://metadata.example/latest/meta-data/", "http://localhost/",
                                 "http://2130706433/", "http://0x7f.1/"])
def test_private_hosts_refused_by_default(url):
    with mock_fetcher({url: (200, {})}) as f, pytest.raises(FetchError) as err:
        f.fetch(url)
    assert err.value.code in ("E208", "E210")


def test_private_hosts_allowed_when_asked():
    url = "http://intranet.example/page"
    with mock_fetcher({url: (200, {})}, allow_private=True) as f:
        assert f.fetch(url).status == 200


@pytest.mark.parametrize("target", ["http://intranet.example/admin", "http://127.0.0.1:8080/", "http://[::1]/",
                                    "http://metadata.example/latest/"])
def test_redirect_from_public_to_private_refused_even_when_private_allowed(target):
    routes = {"http://news.example/story": (302, {"location": target}), target: (200, {})}
    with mock_fetcher(routes, allow_private=True) as f, pytest.raises(FetchError) as err:
        f.fetch("http://news.example/story")
    assert err.value.code == "E209"


def test_a_name_resolving_to_any_private_address_is_refused():
    with mock_fetcher({"http://rebind.example/": (200, {})}) as f, pytest.raises(FetchError) as err:
        f.fetch("http://rebind.example/")
    assert err.value.code == "E209"


def test_connected_address_is_checked_too():
    # DNS said public, the connection landed on loopback (rebinding): refused after connect.
    guard = AddressGuard(allow_private=False, resolver=lambda host: ["93.184.216.34"])
    guard.check_url("http://news.example/", "http://news.example/")
    with pytest.raises(FetchError) as err:
        guard.check_address("127.0.0.1", "http://news.example/", "http://news.example/")
    assert err.value.code == "E209"


def test_local_test_server_refused_without_allow_private(server):
    with Fetcher(FetchOptions(min_delay=0, retries=0)) as f, pytest.raises(FetchError) as err:
        f.fetch(server[0] + "/ok")
    assert err.value.code == "E208" and "--allow-private" in str(err.value)


def test_cli_allow_private(server, tmp_path):
    import subprocess
    import sys

    def fetch(*extra):
        return subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "fetch", server[0] + "/ok",
                               "--delay", "0", *extra], capture_output=True, text=True, timeout=120)

    refused = fetch("--out", str(tmp_path / "a"))
    assert refused.returncode == 1 and "private" in refused.stderr
    allowed = fetch("--out", str(tmp_path / "b"), "--allow-private")
    assert allowed.returncode == 0, allowed.stderr
