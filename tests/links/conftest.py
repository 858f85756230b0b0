"""A real HTTP server on 127.0.0.1 (port 0) that plays every case the link checker meets.

It counts requests, bytes written and requests in flight per Host header, so tests can prove
what the checker did on the wire, not only what it reported.
"""

from __future__ import annotations

import email.utils
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from linting.core.config import DEFAULT_LINKS, Config

PAGE_WITH_IDS = (
    "<!DOCTYPE html><html><head><title>Fragments</title></head><body>"
    '<h2 id="present">Dosage</h2><p>Take one tablet with water.</p>'
    "<a name='named'></a><p>Store below twenty-five degrees.</p>"
    '<div data-id="decoy">Not an id.</div></body></html>'
)


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str, dict]] = []  # (method, path, headers)
        self.state: dict[str, int] = {}
        self.inflight: dict[str, int] = {}
        self.max_inflight: dict[str, int] = {}
        self.total_inflight = 0
        self.max_total_inflight = 0
        self.bytes_written: dict[str, int] = {}
        self.done = threading.Event()

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.max_inflight.clear()
            self.max_total_inflight = 0

    def count(self, prefix: str = "") -> int:
        return sum(1 for _, path, _ in self.requests if path.startswith(prefix))

    def bump(self, key: str) -> int:
        with self.lock:
            self.state[key] = self.state.get(key, 0) + 1
            return self.state[key]


def make_handler(rec: Recorder):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep test output clean
            pass

        def send(self, status, body=b"", headers=(), content_type="text/html; charset=utf-8"):
            if isinstance(body, str):
                body = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def route(self):
            parts = urlsplit(self.path)
            path, q = parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}
            if path == "/ok":
                return self.send(200, "<p>fine</p>")
            if path == "/404":
                return self.send(404, "<p>gone</p>")
            if path.startswith("/flaky/"):  # 500 for the first `fail` requests, then 200
                n = rec.bump(path)
                return self.send(500 if n <= int(q.get("fail", 1)) else 200, "<p>flaky</p>")
            if path == "/always500":
                return self.send(500, "<p>down</p>")
            if path.startswith("/slow"):
                time.sleep(float(q.get("s", 1)))
                return self.send(200, "<p>slow</p>")
            if path == "/loop/a":
                return self.send(302, headers=[("Location", "/loop/b")])
            if path == "/loop/b":
                return self.send(302, headers=[("Location", "/loop/a")])
            if path == "/perm/301":
                return self.send(301, headers=[("Location", "/perm/308")])
            if path == "/perm/308":
                return self.send(308, headers=[("Location", "/ok")])
            if path == "/perm/to-frag":
                return self.send(301, headers=[("Location", "/frag")])
            if path == "/temp/302":
                return self.send(302, headers=[("Location", "/ok")])
            if path.startswith("/chain/"):  # /chain/N redirects N times, then /ok
                n = int(path.rsplit("/", 1)[1])
                return self.send(302, headers=[("Location", f"/chain/{n - 1}" if n > 1 else "/ok")])
            if path == "/redirect-to":
                return self.send(302, headers=[("Location", q["u"])])
            if path == "/head405":
                if self.command == "HEAD":
                    return self.send(405, headers=[("Allow", "GET")])
                return self.send(200, "<p>get only</p>")
            if path.startswith("/rl/"):  # 429 the first time, then 200
                n = rec.bump(path)
                if n == 1:
                    if q.get("date"):
                        when = email.utils.formatdate(time.time() + float(q["after"]), usegmt=True)
                    else:
                        when = q.get("after", "1")
                    return self.send(429, "<p>slow down</p>", [("Retry-After", when)])
                return self.send(200, "<p>welcome back</p>")
            if path == "/frag":
                return self.send(200, PAGE_WITH_IDS)
            if path == "/pdf":
                return self.send(200, b"%PDF-1.4", content_type="application/pdf")
            if path == "/huge":
                return self.huge(int(q.get("mb", 32)))
            return self.send(404, "<p>no such route</p>")

        def huge(self, mb: int):
            chunk = b"<p>" + b"filler words about hydration " * 2000 + b"</p>\n"
            total = mb * 1024 * 1024
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(total))
            self.end_headers()
            written = 0
            try:
                while written < total:
                    piece = chunk[: total - written]
                    self.wfile.write(piece)
                    written += len(piece)
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                with rec.lock:
                    rec.bytes_written[self.path] = written
                rec.done.set()
                self.close_connection = True

        def handle_any(self):
            host = self.headers.get("Host", "")
            with rec.lock:
                rec.requests.append((self.command, self.path, dict(self.headers)))
                rec.inflight[host] = rec.inflight.get(host, 0) + 1
                rec.max_inflight[host] = max(rec.max_inflight.get(host, 0), rec.inflight[host])
                rec.total_inflight += 1
                rec.max_total_inflight = max(rec.max_total_inflight, rec.total_inflight)
            try:
                self.route()
            finally:
                with rec.lock:
                    rec.inflight[host] -= 1
                    rec.total_inflight -= 1

        do_GET = handle_any
        do_HEAD = handle_any

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        pass  # clients that hang up early (timeouts, bounded reads) are the point of some tests


@pytest.fixture(scope="session")
def http_server():
    rec = Recorder()
    server = Server(("127.0.0.1", 0), make_handler(rec))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    rec.origin = f"http://127.0.0.1:{server.server_address[1]}"
    rec.port = server.server_address[1]
    try:
        yield rec
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def server(http_server):
    http_server.reset()
    return http_server


def links_config(**overrides) -> Config:
    """Settings for tests: 127.0.0.1 allowed, short timeouts."""
    links = dict(DEFAULT_LINKS)
    links.update(
        allow_private_hosts=["127.0.0.1"],
        connect_timeout=2.0,
        read_timeout=3.0,
        total_timeout=10.0,
    )
    links.update(overrides)
    return Config(links=links)
