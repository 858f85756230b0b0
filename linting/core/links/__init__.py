"""Link extraction and the async, bounded, cached external link checker.

:func:`results_for` is the one entry point callers (CLI, CMS) use: it returns the link results
the ``links.broken`` / ``links.redirect`` rules read, or None when nothing was checked.
:func:`check_urls` is the synchronous form for code that holds URLs rather than documents
(Django views, tasks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cache import LinkCache, MemoryLinkCache, SQLiteLinkCache, default_cache_path
from .extract import LinkOccurrence, extract_links, external_urls
from .results import LinkResult

__all__ = [
    "LinkCache",
    "LinkOccurrence",
    "LinkResult",
    "LinkRun",
    "MemoryLinkCache",
    "SQLiteLinkCache",
    "check_urls",
    "check_urls_async",
    "default_cache_path",
    "extract_links",
    "results_for",
]


@dataclass
class LinkRun:
    """Outcome of checking the links of some documents.

    ``results`` maps a checked URL to its result; ``unchecked`` lists URLs that were not checked
    (``--no-network`` with no cached result), so callers can say so.
    """

    results: dict = field(default_factory=dict)
    unchecked: list[str] = field(default_factory=list)
    requests: int = 0  # HTTP requests this run sent


def _excluder(links: dict):
    patterns = [re.compile(p) for p in links.get("exclude") or ()]
    return lambda url: any(p.search(url) for p in patterns)


def _links_settings(config) -> dict:
    from linting.core.config import DEFAULT_LINKS

    settings = dict(DEFAULT_LINKS)
    settings.update(getattr(config, "links", None) or {})
    return settings


async def check_urls_async(urls, config, *, cache: LinkCache | None = None, network: bool = True) -> LinkRun:
    """Check ``urls`` (absolute; excluded ones are skipped): cached results first, the rest
    over the network (or listed as unchecked when ``network`` is False)."""
    links = _links_settings(config)
    excluded = _excluder(links)
    urls = [u for u in dict.fromkeys(urls) if not excluded(u)]  # the user asked for these to be skipped
    run = LinkRun()
    if cache is not None:
        get_many = getattr(cache, "get_many", None)
        run.results = dict(get_many(urls)) if get_many else {u: r for u in urls if (r := cache.get(u))}
    todo = [u for u in urls if u not in run.results]
    if not todo:
        return run
    if not network:
        run.unchecked = todo
        return run
    from .checker import Checker  # imports httpx: only when something is left to check

    async with Checker(links) as checker:
        fresh = await checker.check_many(todo)
        run.requests = checker.requests
    run.results.update(fresh)
    if cache is not None and fresh:
        set_many = getattr(cache, "set_many", None)
        if set_many:
            set_many(fresh.values())
        else:
            for result in fresh.values():
                cache.set(result)
    return run


def check_urls(urls, config, *, cache: LinkCache | None = None, network: bool = True) -> LinkRun:
    """Synchronous :func:`check_urls_async`; safe to call from code already inside an event
    loop (it then runs in a worker thread with its own loop)."""
    import asyncio  # not at module level: a warm-cache run never needs an event loop
    import threading

    coro_args = (list(urls), config)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(check_urls_async(*coro_args, cache=cache, network=network))
    box: dict = {}

    def work() -> None:
        try:
            box["run"] = asyncio.run(check_urls_async(*coro_args, cache=cache, network=network))
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=work, name="vetted-link-check")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["run"]


def results_for(docs, config, *, network: bool = True, use_cache: bool = True, cache_path=None) -> LinkRun:
    """Check every external link of ``docs``; results are keyed by the resolved URL (see
    :func:`extract_links`). Uses the file cache (``cache_path``, default
    :func:`default_cache_path`) unless ``use_cache`` is False. Always returns a
    :class:`LinkRun`, empty when the documents have no external links."""
    docs = list(docs)
    links = _links_settings(config)
    excluded = _excluder(links)
    urls = [u for u in external_urls(docs) if not excluded(u)]
    cache = None
    if use_cache:
        ttl = float(links.get("cache_ttl", 86_400))
        cache = SQLiteLinkCache(cache_path, ttl=ttl)
    try:
        if cache is not None:
            # Everything fresh in the cache: answer without starting an event loop.
            cached = cache.get_many(urls) if hasattr(cache, "get_many") else {}
            if len(cached) == len(urls):
                return LinkRun(results=cached)
        return check_urls(urls, config, cache=cache, network=network)
    finally:
        if cache is not None:
            cache.close()
