"""The result cache: within its TTL no request is made; --no-network uses the cache only."""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import replace

from linting.core.document import Document, Link, Section
from linting.core.links import LinkResult, SQLiteLinkCache, check_urls, results_for
from linting.core.links.cache import FAILURE_TTL, LinkCache, MemoryLinkCache, default_cache_path

from .conftest import links_config


def _doc(origin: str) -> Document:
    text = "Hydration advice from the council and a retired pamphlet."
    section = Section(
        kind="overview",
        text=text,
        heading="Overview",
        block_id="b1",
        links=[Link(url="/ok", text="the council", start=24, end=35), Link(url="/404", text="a retired pamphlet")],
    )
    return Document(path="a.md", title="Hydration", sections=[section], base_url=origin + "/")


def test_second_run_within_ttl_makes_no_requests(server, tmp_path):
    config = links_config()
    docs = [_doc(server.origin)]
    cache_path = tmp_path / "links.sqlite3"
    first = results_for(docs, config, cache_path=cache_path)
    assert first.requests >= 2 and server.count() == first.requests
    server.reset()
    second = results_for(docs, config, cache_path=cache_path)
    assert server.count() == 0 and second.requests == 0
    assert set(second.results) == set(first.results)
    assert all(r.from_cache for r in second.results.values())
    assert second.results[server.origin + "/404"].reason == "HTTP 404"


def test_no_cache_always_asks(server, tmp_path):
    docs = [_doc(server.origin)]
    results_for(docs, links_config(), use_cache=False)
    results_for(docs, links_config(), use_cache=False)
    assert server.count("/ok") == 2


def test_no_network_uses_cache_only(server, tmp_path):
    cache_path = tmp_path / "c.sqlite3"
    run = results_for([_doc(server.origin)], links_config(), network=False, cache_path=cache_path)
    assert run.results == {} and sorted(run.unchecked) == [server.origin + "/404", server.origin + "/ok"]
    with SQLiteLinkCache(cache_path) as cache:
        cache.set(LinkResult(server.origin + "/ok", True, 200, checked_at=time.time()))
    run = results_for([_doc(server.origin)], links_config(), network=False, cache_path=cache_path)
    assert list(run.results) == [server.origin + "/ok"] and run.unchecked == [server.origin + "/404"]
    assert server.count() == 0


def test_ttl_expiry(tmp_path):
    cache = SQLiteLinkCache(tmp_path / "c.sqlite3", ttl=60)
    now = time.time()
    cache.set(LinkResult("https://example.org/fresh", True, 200, checked_at=now - 30))
    cache.set(LinkResult("https://example.org/stale", True, 200, checked_at=now - 120))
    cache.set(LinkResult("https://example.org/bad", False, 404, "HTTP 404", checked_at=now - 30))
    assert cache.get("https://example.org/fresh").from_cache
    assert cache.get("https://example.org/stale") is None
    assert cache.get("https://example.org/bad").reason == "HTTP 404"
    long = SQLiteLinkCache(tmp_path / "c.sqlite3", ttl=10 * FAILURE_TTL)
    long.set(LinkResult("https://example.org/old-failure", False, 500, "HTTP 500", checked_at=now - 2 * FAILURE_TTL))
    long.set(LinkResult("https://example.org/old-success", True, 200, checked_at=now - 2 * FAILURE_TTL))
    assert long.get("https://example.org/old-failure") is None  # failures are re-checked sooner
    assert long.get("https://example.org/old-success") is not None


def test_round_trip_keeps_every_field(tmp_path):
    result = LinkResult("https://example.org/a#b", True, 200, "", "https://example.org/c", "https://example.org/c#b", 1234.5)
    with SQLiteLinkCache(tmp_path / "c.sqlite3", ttl=1e12) as cache:
        cache.set(result)
        assert cache.get(result.url) == replace(result, from_cache=True)


def test_implementations_satisfy_the_protocol(tmp_path):
    assert isinstance(SQLiteLinkCache(tmp_path / "c.sqlite3"), LinkCache)
    assert isinstance(MemoryLinkCache(), LinkCache)


def test_default_path_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("VETTED_CACHE_DIR", str(tmp_path / "cachedir"))
    assert default_cache_path() == tmp_path / "cachedir" / "links.sqlite3"
    monkeypatch.delenv("VETTED_CACHE_DIR")
    monkeypatch.chdir(tmp_path)
    assert default_cache_path() == tmp_path / ".vetted-cache" / "links.sqlite3"


def _writer(path: str, start: int) -> None:
    cache = SQLiteLinkCache(path)
    for i in range(start, start + 200):
        cache.set(LinkResult(f"https://example.org/{i}", True, 200, checked_at=time.time()))
    cache.close()


def test_concurrent_processes_share_the_file(tmp_path):
    path = str(tmp_path / "shared.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, n * 200)) for n in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert all(p.exitcode == 0 for p in procs)
    cache = SQLiteLinkCache(path)
    assert len(cache.get_many(f"https://example.org/{i}" for i in range(600))) == 600


def test_check_urls_sync_wrapper_with_memory_cache(server):
    cache = MemoryLinkCache()
    run = check_urls([server.origin + "/ok"], links_config(), cache=cache)
    assert run.results[server.origin + "/ok"].ok
    server.reset()
    run = check_urls([server.origin + "/ok"], links_config(), cache=cache)
    assert run.results[server.origin + "/ok"].from_cache and server.count() == 0


def test_check_urls_works_inside_a_running_loop(server):
    import asyncio

    async def caller():
        return check_urls([server.origin + "/ok"], links_config())

    assert asyncio.run(caller()).results[server.origin + "/ok"].ok
