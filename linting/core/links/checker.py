"""The async external link checker: bounded, polite, and safe to point at untrusted URLs.

One :class:`Checker` per run. :meth:`Checker.check_many` checks each distinct URL once (URLs
that differ only by ``#fragment`` share one request) and shares in-flight checks between
callers. Per URL: HEAD first, GET when the server rejects HEAD or a fragment must be found;
redirects are followed by hand (every hop passes :mod:`.safety` again); 429 waits for
Retry-After; timeouts, connection errors and 5xx are retried with exponential backoff.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from .fragments import IdScanner, is_html, wanted_name
from .results import LinkResult, make_result
from .retry import parse_retry_after
from .safety import AddressPolicy, DNSFailed, Refused, pinned_request_args, resolve_checked, scheme_problem

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
# Statuses some servers give HEAD but not GET.
HEAD_REJECTED = frozenset({400, 403, 405, 406, 501})
MAX_429_WAITS = 3


@dataclass
class _Hop:
    status: int
    location: str | None = None
    retry_after: str | None = None
    content_type: str | None = None
    missing: set[str] = field(default_factory=set)  # wanted fragment ids not found
    bytes_read: int = 0


class _Failure(Exception):
    def __init__(self, reason: str, transient: bool, status: int | None = None):
        super().__init__(reason)
        self.reason, self.transient, self.status = reason, transient, status


def _accept_set(values) -> set[int]:
    accepted: set[int] = set()
    for value in values or ():
        m = re.fullmatch(r"\s*(\d{3})\s*(?:(?:-|\.\.=?)\s*(\d{3}))?\s*", str(value))
        if m:
            lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
            accepted.update(range(lo, hi + 1))
    return accepted


def _seconds(value: float) -> str:
    return f"{value:g} s"


class Checker:
    """Checks external URLs under the ``links`` settings of a :class:`~linting.core.config.Config`.

    Use as ``async with Checker(config.links) as checker: await checker.check_many(urls)``.
    ``backoff`` is the first retry delay in seconds (doubled per retry); ``verify`` is passed
    to httpx (a CA bundle path or an ``ssl.SSLContext`` for a private CA).
    """

    def __init__(
        self,
        links: dict,
        *,
        backoff: float = 0.4,
        verify: ssl.SSLContext | str | bool = True,
        transport: httpx.AsyncBaseTransport | None = None,
    ):
        self.links = links
        self.backoff = backoff
        self.policy = AddressPolicy.from_config(links)
        self.accept = _accept_set(links.get("accept_status"))
        self.exclude = [re.compile(p) for p in links.get("exclude") or ()]
        self.max_bytes = int(links.get("max_bytes", 1_048_576))
        self.max_redirects = int(links.get("max_redirects", 5))
        self.max_retries = int(links.get("max_retries", 2))
        self.retry_after_cap = float(links.get("retry_after_cap", 10.0))
        self.connect_timeout = float(links.get("connect_timeout", 5.0))
        self.read_timeout = float(links.get("read_timeout", 10.0))
        self.total_timeout = float(links.get("total_timeout", 30.0))
        self._global = asyncio.Semaphore(int(links.get("concurrency", 32)))
        self._per_host_limit = int(links.get("per_host_concurrency", 8))
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._inflight: dict[str, asyncio.Future] = {}
        self._transport = transport
        self._verify = verify  # a CA bundle path or SSLContext for private CAs; True = certifi
        self._client: httpx.AsyncClient | None = None
        self.requests = 0  # requests sent, for tests and benchmarks

    async def __aenter__(self) -> "Checker":
        limit = int(self.links.get("concurrency", 32))
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(
                connect=self.connect_timeout, read=self.read_timeout, write=self.read_timeout, pool=None
            ),
            limits=httpx.Limits(max_connections=limit, max_keepalive_connections=limit),
            # identity: the bytes we count are the bytes on the wire, and no decompression bomb
            headers={
                "User-Agent": self.links.get("user_agent") or "VettedLinkChecker/1.0",
                "Accept-Encoding": "identity",
            },
            follow_redirects=False,
            trust_env=False,  # a proxy would connect to the name, not the address we checked
            transport=self._transport,
            verify=self._verify,
        )
        return self

    async def __aexit__(self, *exc) -> None:
        if self._client is not None:
            await self._client.aclose()

    def excluded(self, url: str) -> bool:
        return any(p.search(url) for p in self.exclude)

    async def check_many(self, urls) -> dict[str, LinkResult]:
        """Results for ``urls`` (excluded URLs are left out), each URL checked once per run."""
        urls = [u for u in dict.fromkeys(urls) if not self.excluded(u)]
        groups: dict[str, list[str]] = {}
        for url in urls:
            if url not in self._inflight:
                groups.setdefault(urldefrag(url)[0], []).append(url)
        loop = asyncio.get_running_loop()
        for base, members in groups.items():
            futures = {u: loop.create_future() for u in members}
            self._inflight.update(futures)
            loop.create_task(self._run_group(base, futures))
        return {u: await self._inflight[u] for u in urls}

    async def check(self, url: str) -> LinkResult:
        return (await self.check_many([url]))[url]

    async def _run_group(self, base: str, futures: dict[str, asyncio.Future]) -> None:
        try:
            results = await self._check_group(base, list(futures))
        except Exception as exc:  # a bug must not leave callers waiting forever
            results = {u: make_result(u, False, None, f"checker error: {exc!r}") for u in futures}
        for url, fut in futures.items():
            if not fut.done():
                fut.set_result(results[url])

    async def _check_group(self, base: str, urls: list[str]) -> dict[str, LinkResult]:
        problem = scheme_problem(base)
        if problem:
            return {u: make_result(u, False, None, problem) for u in urls}
        wanted = {u: wanted_name(urldefrag(u)[1]) for u in urls}
        names = {n for n in wanted.values() if n}
        result, hop = await self._check_with_retries(base, names, _Budget(self.total_timeout))
        out = {}
        for url in urls:
            name, fragment = wanted[url], urldefrag(url)[1]
            ok, reason = result.ok, result.reason
            if ok and name and hop is not None and name in hop.missing:
                ok = False
                reason = f"fragment #{name} not found"
                if hop.bytes_read >= self.max_bytes:
                    reason += f" in the first {self.max_bytes} bytes"
            moved = result.permanent_redirect_to
            if moved and fragment:
                moved += "#" + fragment  # the new address keeps the link's fragment
            out[url] = LinkResult(url, ok, result.status, reason, result.final_url, moved, result.checked_at)
        return out

    async def _check_with_retries(self, url: str, names: set[str], budget: "_Budget") -> tuple[LinkResult, _Hop | None]:
        attempt = 0
        while True:
            # Retries use GET: some servers fail HEAD with a 5xx they never give GET.
            method = "GET" if names or attempt > 0 else "HEAD"
            try:
                return await self._follow(url, method, names, budget)
            except _Failure as failure:
                if not failure.transient or attempt >= self.max_retries:
                    return make_result(url, False, failure.status, failure.reason), None
                if budget.left() < self.backoff * (2**attempt):
                    return make_result(url, False, failure.status, failure.reason), None
            await asyncio.sleep(self.backoff * (2**attempt))
            attempt += 1

    async def _follow(self, url: str, method: str, names: set[str], budget: "_Budget") -> tuple[LinkResult, _Hop]:
        current, seen, redirects = url, {url}, 0
        permanent_to, still_permanent = None, True
        while True:
            hop = await self._hop_with_fallback(current, method, names, budget)
            if hop.status in REDIRECTS and hop.location and hop.status not in self.accept:
                nxt = urldefrag(urljoin(current, hop.location.strip()))[0]
                if hop.status in PERMANENT and still_permanent:
                    permanent_to = nxt
                else:
                    still_permanent = False
                if nxt in seen:
                    return make_result(url, False, hop.status, "redirect loop", final_url=nxt), hop
                redirects += 1
                if redirects > self.max_redirects:
                    reason = f"too many redirects (more than {self.max_redirects})"
                    return make_result(url, False, hop.status, reason, final_url=nxt), hop
                problem = scheme_problem(nxt)
                if problem:
                    return make_result(url, False, hop.status, f"redirect to {problem}", final_url=nxt), hop
                seen.add(nxt)
                current = nxt
                continue
            ok = 200 <= hop.status < 300 or hop.status in self.accept
            if not ok and (hop.status >= 500 or hop.status == 429):
                raise _Failure(f"HTTP {hop.status}", transient=True, status=hop.status)
            reason = "" if ok else f"HTTP {hop.status}"
            if not ok and current != url:
                reason += f" after redirect to {current}"
            if permanent_to is not None and not ok:
                permanent_to = None
            final = current if current != url else None
            return make_result(url, ok, hop.status, reason, final_url=final, permanent_redirect_to=permanent_to), hop

    async def _hop_with_fallback(self, url: str, method: str, names: set[str], budget: "_Budget") -> _Hop:
        waits = 0
        while True:
            hop = await self._hop(url, method, names, budget)
            if method == "HEAD" and hop.status in HEAD_REJECTED:
                method = "GET"
                continue
            if hop.status == 429 and waits < MAX_429_WAITS:
                delay = parse_retry_after(hop.retry_after)
                if delay is None:
                    delay = self.backoff * (2**waits)
                if delay > self.retry_after_cap:
                    raise _Failure(
                        f"HTTP 429 (rate limited; Retry-After {_seconds(delay)} is over the "
                        f"{_seconds(self.retry_after_cap)} cap)",
                        transient=False,
                        status=429,
                    )
                if delay > budget.left():
                    raise _Failure(f"HTTP 429 (rate limited; Retry-After {_seconds(delay)})", False, 429)
                waits += 1
                await asyncio.sleep(delay)
                continue
            return hop

    async def fetch_text(self, url: str) -> tuple[int, str]:
        """GET ``url`` through the same safety checks and limits (no redirects); returns
        (status, body decoded, at most ``max_bytes``). Raises ValueError with the reason."""
        problem = scheme_problem(url)
        if problem:
            raise ValueError(problem)
        body = bytearray()

        async def collect(response: httpx.Response, hop: _Hop, names: set[str]) -> None:
            async for chunk in response.aiter_bytes(65_536):
                body.extend(chunk[: self.max_bytes - len(body)])
                if len(body) >= self.max_bytes:
                    break

        try:
            hop = await self._hop(url, "GET", {"*"}, _Budget(self.total_timeout), reader=collect)
        except _Failure as failure:
            raise ValueError(failure.reason) from None
        return hop.status, body.decode("utf-8", "replace")

    def _host_semaphore(self, host: str) -> asyncio.Semaphore:
        sem = self._hosts.get(host)
        if sem is None:
            sem = self._hosts[host] = asyncio.Semaphore(self._per_host_limit)
        return sem

    async def _hop(self, url: str, method: str, names: set[str], budget: "_Budget", reader=None) -> _Hop:
        """One request to ``url``, connecting only to an address :mod:`.safety` allowed."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if not host:
            raise _Failure("URL has no host", transient=False)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise _Failure("invalid port", transient=False) from None
        try:
            ip = await resolve_checked(host, port, self.policy)
        except Refused as exc:
            raise _Failure(exc.reason, transient=False) from None
        except DNSFailed:
            raise _Failure("DNS lookup failed", transient=False) from None
        send_url, headers, extensions = pinned_request_args(url, ip)
        assert self._client is not None, "use Checker as an async context manager"
        async with self._global, self._host_semaphore(host):
            self.requests += 1
            budget.start()
            try:
                async with asyncio.timeout_at(budget.deadline):
                    return await self._exchange(method, send_url, headers, extensions, names, reader)
            except TimeoutError:
                raise _Failure(f"timed out after {_seconds(budget.total)}", transient=False) from None

    async def _exchange(self, method, send_url, headers, extensions, names, reader=None) -> _Hop:
        assert self._client is not None
        try:
            request = self._client.build_request(method, send_url, headers=headers, extensions=extensions)
            response = await self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            limit = self.connect_timeout if isinstance(exc, httpx.ConnectTimeout) else self.read_timeout
            raise _Failure(f"timed out after {_seconds(limit)}", transient=True) from None
        except httpx.ConnectError as exc:
            raise _connect_failure(exc) from None
        except (httpx.TransportError, ssl.SSLError) as exc:
            raise _Failure(f"connection failed: {_short(exc)}", transient=True) from None
        try:
            hop = _Hop(
                status=response.status_code,
                location=response.headers.get("location"),
                retry_after=response.headers.get("retry-after"),
                content_type=response.headers.get("content-type"),
            )
            if method == "GET" and names and 200 <= hop.status < 300:
                await (reader or self._scan)(response, hop, names)
            elif method == "HEAD" or _small_body(response):
                # Reading the (empty or short) body to its end lets the connection be reused;
                # closing a response mid-body closes the connection.
                await response.aread()
            return hop
        except httpx.TimeoutException:
            raise _Failure(f"timed out after {_seconds(self.read_timeout)}", transient=True) from None
        except httpx.TransportError as exc:
            raise _Failure(f"connection failed: {_short(exc)}", transient=True) from None
        finally:
            await response.aclose()

    async def _scan(self, response: httpx.Response, hop: _Hop, names: set[str]) -> None:
        """Read the body until every wanted id is seen or ``max_bytes`` are read."""
        if not is_html(hop.content_type):
            return  # a fragment of a PDF or image names no HTML id; nothing to verify
        scanner = IdScanner(names)
        async for chunk in response.aiter_bytes(65_536):
            room = self.max_bytes - hop.bytes_read
            chunk = chunk[:room]
            hop.bytes_read += len(chunk)
            scanner.feed(chunk)
            if scanner.done or hop.bytes_read >= self.max_bytes:
                break
        scanner.feed(b"")
        hop.missing = scanner.missing


class _Budget:
    """The overall deadline of one URL check; it starts with the first request sent, so time
    spent queued behind the concurrency limits does not count against the URL."""

    def __init__(self, total: float):
        self.total = total
        self.deadline: float | None = None

    def start(self) -> None:
        if self.deadline is None:
            self.deadline = asyncio.get_running_loop().time() + self.total

    def left(self) -> float:
        if self.deadline is None:
            return self.total
        return self.deadline - asyncio.get_running_loop().time()


SMALL_BODY = 16_384


def _small_body(response: httpx.Response) -> bool:
    length = response.headers.get("content-length", "")
    return length.isdigit() and int(length) <= SMALL_BODY


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _causes(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _connect_failure(exc: httpx.ConnectError) -> _Failure:
    chain = list(_causes(exc))
    tls = next((e for e in chain if isinstance(e, ssl.SSLError)), None)
    if tls is not None:
        return _Failure(f"TLS error: {_short(tls)}", transient=False)
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return _Failure("connection refused", transient=True)
    if any(isinstance(e, ConnectionResetError) for e in chain):
        return _Failure("connection reset", transient=True)
    return _Failure(f"connection failed: {_short(chain[-1])}", transient=True)
