"""Where a URL may lead: a scraper fed URLs from the web must not become a way into the
network it runs in (SSRF). Public addresses only, unless the user allows private ones;
and even then, a page served from a public address can never redirect into a private one.

Every hop is checked twice: the host's resolved addresses before the request, and the
address actually connected to once it is open (a DNS answer that changes in between,
"rebinding", is caught by the second check).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from nlp.errors import Errors, FetchError

Resolver = Callable[[str], list[str]]


def resolve(host: str) -> list[str]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({info[4][0].split("%")[0] for info in infos})


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class AddressGuard:
    """Checks each hop of one fetch; remembers whether the fetch started on a public host."""

    def __init__(self, allow_private: bool, resolver: Resolver = resolve) -> None:
        self.allow_private = allow_private
        self.resolver = resolver
        self._started_public: bool | None = None

    def check_url(self, url: str, origin_url: str) -> None:
        host = urlsplit(url).hostname or ""
        try:
            addresses = self.resolver(host)
        except (OSError, UnicodeError) as err:
            raise FetchError(Errors.E210, url=origin_url, host=host, reason=str(err) or type(err).__name__) from err
        if not addresses:
            raise FetchError(Errors.E210, url=origin_url, host=host, reason="no address")
        for address in addresses:
            self.check_address(address, url, origin_url, host)

    def check_address(self, address: str, url: str, origin_url: str, host: str | None = None) -> None:
        public = is_public(address)
        if self._started_public is None:
            self._started_public = public
        if public:
            return
        if self._started_public:
            raise FetchError(Errors.E209, url=origin_url, address=address, target=url)
        if not self.allow_private:
            raise FetchError(Errors.E208, url=origin_url, host=host or address, address=address)


def connected_address(response) -> str | None:
    """The peer address of an open httpx response, when the transport tells it."""
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    peer = stream.get_extra_info("server_addr")
    return peer[0] if peer else None
