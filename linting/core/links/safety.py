"""Which addresses the link checker may connect to, decided before any connection is made.

A link checker fetches URLs that editors (or anyone who can write a draft) typed, so it must
not become a way to reach the CMS's own network (SSRF): only http/https, and every host name
is resolved here, each address checked with :mod:`ipaddress`, and the request then goes to
that checked address (see :func:`pinned_request_args`) so a second DNS answer cannot swap it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class Refused(Exception):
    """The URL may not be fetched; ``reason`` is the human sentence for the result."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class DNSFailed(Exception):
    """The host name did not resolve."""


def scheme_problem(url: str) -> str | None:
    """Reason the URL's scheme is refused, or None for http/https."""
    scheme = urlsplit(url).scheme.lower()
    if scheme in ALLOWED_SCHEMES:
        return None
    return f"unsupported scheme {scheme}" if scheme else "not an absolute URL"


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    # IPv4 addresses hidden inside IPv6 forms reach the same hosts as the IPv4 form.
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in ipaddress.IPv6Network("64:ff9b::/96"):  # NAT64
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(ip: IPAddress) -> str | None:
    """What makes ``ip`` non-public ("a private address"), or None when it is public."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_v4(ip)
        if inner is not None:
            problem = address_problem(inner)
            if problem:
                return problem.replace("address", f"address (IPv4 {inner} inside IPv6)", 1)
    checks = (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    )
    for attr, words in checks:
        if getattr(ip, attr):
            return words
    if not ip.is_global:  # e.g. 100.64.0.0/10 shared address space
        return "a non-public address"
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """``allow`` holds host names, IP addresses or networks (``links.allow_private_hosts``).

    An address is matched exactly as written: allowing ``127.0.0.1`` does not allow
    ``::ffff:127.0.0.1``, so an alternative spelling cannot widen the allow-list.
    """

    allow: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, links: dict) -> "AddressPolicy":
        return cls(tuple(str(h).strip().lower() for h in links.get("allow_private_hosts") or ()))

    def host_allowed(self, host: str) -> bool:
        return host.lower().strip("[]") in self.allow

    def ip_allowed(self, ip: IPAddress) -> bool:
        for entry in self.allow:
            try:
                if "/" in entry:
                    if ip in ipaddress.ip_network(entry, strict=False):
                        return True
                elif ip == ipaddress.ip_address(entry.strip("[]")):
                    return True
            except ValueError:
                continue  # a host name entry
        return False

    def refusal(self, host: str, ip: IPAddress) -> str | None:
        """Reason connecting to ``ip`` (resolved from ``host``) is refused, or None."""
        if self.host_allowed(host) or self.ip_allowed(ip):
            return None
        problem = address_problem(ip)
        return f"refused: {display(ip)} is {problem}" if problem else None


def display(ip: IPAddress) -> str:
    """The address as people write it (``::ffff:127.0.0.1``, not ``::ffff:7f00:1``)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return f"::ffff:{ip.ipv4_mapped}"
    return str(ip)


def literal_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


async def resolve_checked(host: str, port: int, policy: AddressPolicy) -> IPAddress:
    """Resolve ``host`` and return the first address the policy allows.

    Raises :class:`Refused` when no address is allowed (the reason names the first refused
    one) and :class:`DNSFailed` when the name does not resolve. Only the returned address
    may be connected to.
    """
    ip = literal_ip(host)
    if ip is not None:
        candidates = [ip]
    else:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise DNSFailed(str(exc)) from exc
        candidates = []
        for info in infos:
            addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])
            if addr not in candidates:
                candidates.append(addr)
        if not candidates:
            raise DNSFailed("no addresses")
    first_reason = None
    for addr in candidates:
        reason = policy.refusal(host, addr)
        if reason is None:
            return addr
        first_reason = first_reason or reason
    raise Refused(first_reason or f"refused: {host}")


def pinned_request_args(url: str, ip: IPAddress) -> tuple[str, dict, dict]:
    """(url to send, headers, extensions) that connect to ``ip`` while naming the real host.

    The URL's host becomes the address itself (no second lookup by the HTTP client); the Host
    header keeps the original name, and for https the TLS SNI and certificate check use the
    name through httpcore's ``sni_hostname`` extension.
    """
    import httpx

    parsed = httpx.URL(url)
    host = parsed.host
    netloc = parsed.netloc.decode("ascii")
    pinned = parsed.copy_with(host=str(ip))
    extensions = {"sni_hostname": host} if parsed.scheme == "https" else {}
    return str(pinned), {"Host": netloc}, extensions
