"""Where link results are kept between runs, so a URL is not fetched again within its TTL.

:class:`LinkCache` is the whole contract (the CMS implements it on a Django model);
:class:`SQLiteLinkCache` is the file implementation the CLI uses.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Protocol, runtime_checkable

from .results import LinkResult

# Failures are often transient (a server restart, a rate limit); keep them for at most an hour
# so a fixed link stops blocking a publish soon, while successes keep the configured TTL.
FAILURE_TTL = 3600.0


@runtime_checkable
class LinkCache(Protocol):
    """Link results by URL (the resolved URL, fragment included).

    ``get`` returns a stored result still within its time to live, with ``from_cache=True``,
    or None; expired entries are never returned. ``set`` stores or replaces a result.
    Implementations must be safe to call from several processes at once.
    """

    def get(self, url: str) -> LinkResult | None: ...

    def set(self, result: LinkResult) -> None: ...


def is_fresh(result: LinkResult, ttl: float, now: float | None = None) -> bool:
    """True while ``result`` may be used instead of a request."""
    limit = ttl if result.ok else min(ttl, FAILURE_TTL)
    return (now if now is not None else time.time()) - result.checked_at < limit


def default_cache_path() -> Path:
    base = os.environ.get("VETTED_CACHE_DIR")
    root = Path(base) if base else Path.cwd() / ".vetted-cache"
    return root / "links.sqlite3"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS link_results (
    url TEXT PRIMARY KEY,
    ok INTEGER NOT NULL,
    status INTEGER,
    reason TEXT NOT NULL,
    final_url TEXT,
    permanent_redirect_to TEXT,
    checked_at REAL NOT NULL
)
"""
_COLUMNS = "url, ok, status, reason, final_url, permanent_redirect_to, checked_at"


class SQLiteLinkCache:
    """A :class:`LinkCache` in one SQLite file (WAL mode, busy timeout: several processes may
    read and write it at once)."""

    def __init__(self, path: str | os.PathLike | None = None, ttl: float = 86_400.0):
        self.path = Path(path) if path else default_cache_path()
        self.ttl = float(ttl)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA busy_timeout = 30000")
        try:
            self._conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            pass  # another process is switching it; either mode is safe
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "SQLiteLinkCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @staticmethod
    def _row_to_result(row) -> LinkResult:
        url, ok, status, reason, final_url, perm, checked_at = row
        return LinkResult(url, bool(ok), status, reason, final_url, perm, checked_at, from_cache=True)

    def get(self, url: str) -> LinkResult | None:
        return self.get_many([url]).get(url)

    def get_many(self, urls) -> dict[str, LinkResult]:
        """Fresh results for those of ``urls`` that have one (one query per 500 URLs)."""
        urls = list(dict.fromkeys(urls))
        found: dict[str, LinkResult] = {}
        now = time.time()
        with self._lock:
            for i in range(0, len(urls), 500):
                chunk = urls[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT {_COLUMNS} FROM link_results WHERE url IN ({marks})", chunk
                ).fetchall()
                for row in rows:
                    result = self._row_to_result(row)
                    if is_fresh(result, self.ttl, now):
                        found[result.url] = result
        return found

    def set(self, result: LinkResult) -> None:
        self.set_many([result])

    def set_many(self, results) -> None:
        rows = [
            (r.url, int(r.ok), r.status, r.reason, r.final_url, r.permanent_redirect_to, r.checked_at)
            for r in results
        ]
        if not rows:
            return
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany(
                    f"INSERT OR REPLACE INTO link_results ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", rows
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise


class MemoryLinkCache:
    """A :class:`LinkCache` in a dict (tests, one-off runs)."""

    def __init__(self, ttl: float = 86_400.0):
        self.ttl = float(ttl)
        self._data: dict[str, LinkResult] = {}

    def get(self, url: str) -> LinkResult | None:
        result = self._data.get(url)
        if result is None or not is_fresh(result, self.ttl):
            return None
        return _cached(result)

    def set(self, result: LinkResult) -> None:
        self._data[result.url] = result


def _cached(result: LinkResult) -> LinkResult:
    from dataclasses import replace

    return replace(result, from_cache=True)
