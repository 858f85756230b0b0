"""SSRF guard: private targets are refused before any connection, on every redirect hop.

No test here sends traffic anywhere but 127.0.0.1: refusals happen before connecting, and the
only name resolved is "localhost" (from the hosts file).
"""

from __future__ import annotations

import asyncio
import ipaddress
import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from linting.core.links.checker import Checker
from linting.core.links.safety import AddressPolicy, address_problem, pinned_request_args, scheme_problem

from .conftest import links_config


def check(url, verify=True, **settings):
    async def go():
        async with Checker(links_config(**settings).links, backoff=0.01, verify=verify) as checker:
            return await checker.check(url), checker.requests

    return asyncio.run(go())


@pytest.mark.parametrize(
    "address, words",
    [
        ("127.0.0.1", "a loopback address"),
        ("10.0.0.5", "a private address"),
        ("192.168.1.20", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("0.0.0.0", "an unspecified address"),
        ("224.0.0.1", "a multicast address"),
        ("100.64.0.1", "a non-public address"),
        ("::1", "a loopback address"),
        ("fe80::1", "a link-local address"),
        ("fc00::1", "a private address"),
        ("::ffff:127.0.0.1", "a loopback address (IPv4 127.0.0.1 inside IPv6)"),
        ("::ffff:10.1.2.3", "a private address (IPv4 10.1.2.3 inside IPv6)"),
        ("2002:7f00:1::", "a loopback address (IPv4 127.0.0.1 inside IPv6)"),
    ],
)
def test_non_public_addresses_are_named(address, words):
    assert address_problem(ipaddress.ip_address(address)) == words


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "8.8.8.8"])
def test_public_addresses_pass(address):
    assert address_problem(ipaddress.ip_address(address)) is None


def test_allow_list_is_exact():
    policy = AddressPolicy(("127.0.0.1", "10.9.0.0/16", "intranet.test"))
    assert policy.refusal("x", ipaddress.ip_address("127.0.0.1")) is None
    assert policy.refusal("x", ipaddress.ip_address("10.9.4.4")) is None
    assert policy.refusal("intranet.test", ipaddress.ip_address("10.1.1.1")) is None
    assert policy.refusal("x", ipaddress.ip_address("::ffff:127.0.0.1")).startswith("refused: ::ffff:127.0.0.1")
    assert policy.refusal("x", ipaddress.ip_address("10.1.1.1")) == "refused: 10.1.1.1 is a private address"


def test_schemes():
    assert scheme_problem("https://example.org/") is None
    assert scheme_problem("ftp://example.org/") == "unsupported scheme ftp"
    assert scheme_problem("file:///etc/passwd") == "unsupported scheme file"
    assert scheme_problem("relative/path") == "not an absolute URL"


def test_loopback_refused_when_not_allowed(server):
    result, requests = check(server.origin + "/ok", allow_private_hosts=[])
    assert not result.ok and result.reason == "refused: 127.0.0.1 is a loopback address"
    assert requests == 0 and server.count() == 0


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://10.0.0.5/admin", "refused: 10.0.0.5 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address"),
        ("http://[::ffff:127.0.0.1]:8000/", "refused: ::ffff:127.0.0.1 is a loopback address (IPv4 127.0.0.1 inside IPv6)"),
        ("http://[::1]:8000/", "refused: ::1 is a loopback address"),
        ("http://0.0.0.0:8000/", "refused: 0.0.0.0 is an unspecified address"),
    ],
)
def test_private_targets_refused_before_connecting(url, reason):
    # 127.0.0.1 is allowed here: the other spellings and ranges still are not.
    result, requests = check(url)
    assert not result.ok and result.reason == reason
    assert requests == 0


def test_localhost_name_is_resolved_and_refused(server):
    result, requests = check(f"http://localhost:{server.port}/ok", allow_private_hosts=[])
    assert not result.ok and result.reason.startswith("refused: ")
    assert "loopback" in result.reason
    assert requests == 0 and server.count() == 0


def test_redirect_to_refused_host_is_refused(server):
    result, requests = check(server.origin + "/redirect-to?u=http://10.0.0.5/internal")
    assert not result.ok and result.reason == "refused: 10.0.0.5 is a private address"
    assert requests == 1


def test_redirect_to_other_scheme_is_refused(server):
    result, _ = check(server.origin + "/redirect-to?u=file:///etc/passwd")
    assert not result.ok and result.reason == "redirect to unsupported scheme file"


def test_request_is_pinned_to_the_checked_address():
    url, headers, extensions = pinned_request_args("https://Example.org:8443/a?b=1", ipaddress.ip_address("192.0.2.7"))
    assert url == "https://192.0.2.7:8443/a?b=1"
    assert headers == {"Host": "example.org:8443"}
    assert extensions == {"sni_hostname": "example.org"}
    url, headers, extensions = pinned_request_args("http://example.org/", ipaddress.ip_address("2001:db8::1"))
    assert url == "http://[2001:db8::1]/" and headers == {"Host": "example.org"} and extensions == {}


@pytest.fixture
def tls_server(tmp_path):
    """An HTTPS server on 127.0.0.1 with a self-signed certificate for "localhost"."""
    if not shutil.which("openssl"):
        pytest.skip("openssl not available")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )

    class Handler(BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(200)
            self.end_headers()

        def log_message(self, *a):
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    httpd.handle_error = lambda *a: None
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd.server_address[1], cert
    httpd.shutdown()
    httpd.server_close()


def test_tls_error_is_reported(tls_server):
    port, _cert = tls_server
    result, _ = check(f"https://127.0.0.1:{port}/", max_retries=0)
    assert not result.ok and result.reason.startswith("TLS error: ")
    assert "CERTIFICATE_VERIFY_FAILED" in result.reason


def test_tls_verifies_the_name_not_the_address(tls_server):
    # Trusting the test certificate (issued to "localhost" only), a request to
    # https://localhost succeeds although the connection goes to the pinned 127.0.0.1
    # address: SNI and certificate verification use the name.
    port, cert = tls_server
    trust = ssl.create_default_context(cafile=str(cert))
    result, _ = check(f"https://localhost:{port}/", verify=trust, allow_private_hosts=["localhost", "::1"], max_retries=0)
    if not result.ok and "connection" in result.reason:
        pytest.skip("localhost resolves to ::1 first here")
    assert result.ok, result.reason
    # The same server under its address fails verification: the name is what was checked.
    result, _ = check(f"https://127.0.0.1:{port}/", verify=trust, max_retries=0)
    assert result.reason.startswith("TLS error: ")
