"""A local HTTP server on 127.0.0.1 that misbehaves in every way the fetcher must survive."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PAGE = (b"<html><head><title>Hello</title></head><body><p>Small caps rallied today in a broad move across sectors "
        b"and sizes.</p></body></html>")


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: C901 - one branch per scenario
        path = self.path
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        n = Handler.hits[path]
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/ok":
            return self._send(200, PAGE)
        if path == "/missing":
            return self._send(404, b"not here")
        if path == "/flaky":
            return self._send(500, b"oops") if n == 1 else self._send(200, PAGE)
        if path == "/busy":
            return self._send(429, b"slow down", headers={"Retry-After": "0"}) if n == 1 else self._send(200, PAGE)
        if path == "/slow":
            time.sleep(2)
            return self._send(200, PAGE)
        if path == "/huge":
            return self._send(200, b"<p>" + b"x" * 3_000_000 + b"</p>")
        if path == "/huge-chunked":  # no Content-Length: the cap must apply while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(300):
                self.wfile.write(b"y" * 10_000)
            return None
        if path.startswith("/loop"):
            return self._send(302, headers={"Location": "/loop" + str(n)})
        if path == "/redirect":
            return self._send(301, headers={"Location": "/ok"})
        if path == "/to-ftp":
            return self._send(302, headers={"Location": "ftp://127.0.0.1/file"})
        if path == "/binary":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "image/png")
        if path == "/latin1":
            body = "<html><body><p>Café déjà vu, small caps at 5% gains</p></body></html>".encode("cp1252")
            return self._send(200, body, "text/html; charset=utf-8")  # the header lies
        if path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                return self._send(304)
            return self._send(200, PAGE, headers={"ETag": '"v1"'})
        if path == "/private/secret":
            return self._send(200, PAGE)
        return self._send(404)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # clients hanging up mid-body (size caps) are expected here


@pytest.fixture()
def server():
    Handler.hits = {}
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", Handler
    httpd.shutdown()
    httpd.server_close()
