"""The checker against a real local server: statuses, retries, redirects, limits, fragments."""

from __future__ import annotations

import asyncio
import datetime as dt
import time

from linting.core.links.checker import Checker
from linting.core.links.retry import parse_retry_after

from .conftest import links_config


def check(urls, backoff=0.05, **settings):
    async def go():
        async with Checker(links_config(**settings).links, backoff=backoff) as checker:
            results = await checker.check_many(urls)
            return results, checker.requests

    return asyncio.run(go())


def one(url, **settings):
    results, _ = check([url], **settings)
    return results[url]


def test_ok_and_404(server):
    results, _ = check([server.origin + "/ok", server.origin + "/404"])
    ok, missing = results[server.origin + "/ok"], results[server.origin + "/404"]
    assert ok.ok and ok.status == 200 and ok.reason == "" and ok.final_url is None
    assert not missing.ok and missing.status == 404 and missing.reason == "HTTP 404"
    assert ok.checked_at > 0 and not ok.from_cache


def test_head_first_and_user_agent(server):
    one(server.origin + "/ok")
    method, _, headers = server.requests[0]
    assert method == "HEAD"
    assert headers["User-Agent"].startswith("VettedLinkChecker/")
    assert headers["Host"] == f"127.0.0.1:{server.port}"


def test_500_then_ok_is_retried(server):
    url = server.origin + "/flaky/retry-once?fail=1"
    result = one(url)
    assert result.ok and result.status == 200
    assert server.count("/flaky/retry-once") == 2


def test_persistent_500_gives_up_after_max_retries(server):
    result = one(server.origin + "/always500", max_retries=2)
    assert not result.ok and result.reason == "HTTP 500"
    assert server.count("/always500") == 3


def test_read_timeout(server):
    start = time.monotonic()
    result = one(server.origin + "/slow?s=2", read_timeout=0.3, max_retries=0)
    assert not result.ok and result.reason == "timed out after 0.3 s"
    assert time.monotonic() - start < 1.5


def test_overall_deadline(server):
    result = one(server.origin + "/slow/deadline?s=2", read_timeout=5.0, total_timeout=0.4)
    assert not result.ok and result.reason == "timed out after 0.4 s"


def test_connection_refused(server):
    # Port 1 on 127.0.0.1: nothing listens there.
    result = one("http://127.0.0.1:1/dead", max_retries=1)
    assert not result.ok and result.reason == "connection refused"


def test_redirect_loop(server):
    result = one(server.origin + "/loop/a")
    assert not result.ok and result.reason == "redirect loop"
    assert server.count("/loop/") == 2  # a -> b -> a is seen without a third request


def test_permanent_redirect_chain_is_reported(server):
    result = one(server.origin + "/perm/301")
    assert result.ok and result.status == 200
    assert result.final_url == server.origin + "/ok"
    assert result.permanent_redirect_to == server.origin + "/ok"


def test_permanent_redirect_keeps_the_fragment(server):
    result = one(server.origin + "/perm/to-frag#present")
    assert result.ok and result.permanent_redirect_to == server.origin + "/frag#present"
    missing = one(server.origin + "/perm/to-frag#gone")
    assert not missing.ok and missing.reason == "fragment #gone not found"


def test_retry_after_forms():
    now = dt.datetime(2026, 1, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
    assert parse_retry_after("3", now) == 3.0
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:07 GMT", now) == 7.0
    assert parse_retry_after("Thu, 01 Jan 2026 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon", now) is None and parse_retry_after(None) is None


def test_temporary_redirect_is_not_permanent(server):
    result = one(server.origin + "/temp/302")
    assert result.ok and result.final_url == server.origin + "/ok"
    assert result.permanent_redirect_to is None


def test_too_many_redirects(server):
    result = one(server.origin + "/chain/6", max_redirects=3)
    assert not result.ok and result.reason == "too many redirects (more than 3)"
    assert one(server.origin + "/chain/3", max_redirects=3).ok


def test_head_rejected_falls_back_to_get(server):
    result = one(server.origin + "/head405")
    assert result.ok and result.status == 200
    assert [m for m, p, _ in server.requests if p == "/head405"] == ["HEAD", "GET"]


def test_429_retry_after_seconds_is_honoured(server):
    start = time.monotonic()
    result = one(server.origin + "/rl/seconds?after=1")
    assert result.ok
    assert time.monotonic() - start >= 0.95
    assert server.count("/rl/seconds") == 2


def test_429_retry_after_http_date_is_honoured(server):
    result = one(server.origin + "/rl/date?date=1&after=1")
    assert result.ok and server.count("/rl/date") == 2


def test_429_retry_after_over_the_cap_is_not_waited(server):
    start = time.monotonic()
    result = one(server.origin + "/rl/capped?after=120", retry_after_cap=2)
    assert not result.ok and result.status == 429 and "over the 2 s cap" in result.reason
    assert time.monotonic() - start < 1


def test_fragments_share_one_get(server):
    base = server.origin + "/frag"
    urls = [base, base + "#present", base + "#named", base + "#absent", base + "#decoy"]
    results, requests = check(urls)
    assert results[base].ok and results[base + "#present"].ok and results[base + "#named"].ok
    assert results[base + "#absent"].reason == "fragment #absent not found"
    assert not results[base + "#decoy"].ok  # data-id is not an id
    assert requests == 1 and server.requests[0][0] == "GET"


def test_fragment_on_non_html_is_not_checked(server):
    assert one(server.origin + "/pdf#page=2").ok


def test_huge_body_read_is_bounded(server):
    server.done.clear()
    url = server.origin + "/huge?mb=64#nowhere"
    start = time.monotonic()
    result = one(url, max_bytes=65_536)
    assert not result.ok
    assert result.reason == "fragment #nowhere not found in the first 65536 bytes"
    assert server.done.wait(5)
    written = server.bytes_written["/huge?mb=64"]
    # The server stopped long before 64 MiB: only what the socket buffers absorbed left it.
    assert written < 16 * 1024 * 1024, written
    assert time.monotonic() - start < 5


def test_accept_status_and_exclude(server):
    results, requests = check(
        [server.origin + "/404", server.origin + "/ok?skip=1"],
        accept_status=["404"],
        exclude=[r"skip=1"],
    )
    assert results == {server.origin + "/404": results[server.origin + "/404"]}
    assert results[server.origin + "/404"].ok
    assert requests == 1


def test_same_url_checked_once_and_in_flight_shared(server):
    url = server.origin + "/slow/shared?s=0.3"

    async def go():
        async with Checker(links_config().links) as checker:
            a, b = await asyncio.gather(checker.check_many([url, url]), checker.check_many([url]))
            return a[url], b[url]

    first, second = asyncio.run(go())
    assert first.ok and second.ok
    assert server.count("/slow/shared") == 1


def test_per_host_concurrency_is_observed(server):
    urls = [server.origin + f"/slow/ph{i}?s=0.25" for i in range(6)]
    results, _ = check(urls, per_host_concurrency=2)
    assert all(r.ok for r in results.values())
    assert server.max_inflight[f"127.0.0.1:{server.port}"] == 2


def test_global_concurrency_is_observed(server):
    urls = [server.origin + f"/slow/g{i}?s=0.25" for i in range(6)]
    results, _ = check(urls, concurrency=3, per_host_concurrency=8)
    assert all(r.ok for r in results.values())
    assert server.max_total_inflight == 3


def test_unsupported_scheme():
    results, requests = check(["ftp://127.0.0.1/file.txt", "javascript:void(0)"])
    assert results["ftp://127.0.0.1/file.txt"].reason == "unsupported scheme ftp"
    assert results["javascript:void(0)"].reason == "unsupported scheme javascript"
    assert requests == 0
