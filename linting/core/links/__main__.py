"""Stand-alone link check of HTML pages: ``python -m linting.core.links``.

Reads article HTML (files with ``--html DIR --base-url URL``, or pages fetched from the URLs
listed in ``--pages FILE``), checks every ``<a href>`` with the same code the linter uses, and
writes ``{"broken": [{"url", "reason", "status"}], "checked": n, ...}``. Used by the link
benchmark; the linter itself goes through :func:`linting.core.links.results_for`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

from linting.core.config import DEFAULT_LINKS, Config
from linting.core.document import Document, Link, Section


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.title = ""
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                self._href, self._text = href, []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append(Link(url=self._href, text="".join(self._text).strip()))
            self._href = None


def document_from_html(path: str, html: str, base_url: str | None) -> Document:
    parser = _Anchors()
    parser.feed(html)
    section = Section(kind="other", text="", links=parser.links)
    return Document(path=path, title=path, sections=[section], base_url=base_url)


async def _fetch_pages(urls: list[str], links: dict) -> list[Document]:
    from .checker import Checker

    async with Checker(links) as checker:

        async def one(url: str) -> Document:
            try:
                _status, text = await checker.fetch_text(url)
            except ValueError as exc:
                print(f"cannot fetch {url}: {exc}", file=sys.stderr)
                text = ""
            return document_from_html(url, text, url)

        return list(await asyncio.gather(*(one(u) for u in urls)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m linting.core.links", description=__doc__.split("\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--html", metavar="DIR", help="directory of .html files")
    src.add_argument("--pages", metavar="FILE", help="file listing page URLs, one a line")
    ap.add_argument("--base-url", help="base URL for relative links in --html files")
    ap.add_argument("--out", default="-", help="JSON output file (default stdout)")
    ap.add_argument("--allow-private", action="append", default=[], metavar="HOST",
                    help="allow this private host/address (repeatable), like links.allow_private_hosts")
    ap.add_argument("--cache", metavar="FILE", help="SQLite cache file (default .vetted-cache/links.sqlite3)")
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--no-network", action="store_true")
    ap.add_argument("--concurrency", type=int)
    ap.add_argument("--per-host", type=int)
    args = ap.parse_args(argv)

    links = dict(DEFAULT_LINKS)
    links["allow_private_hosts"] = list(args.allow_private)
    if args.concurrency:
        links["concurrency"] = args.concurrency
    if args.per_host:
        links["per_host_concurrency"] = args.per_host
    config = Config(links=links)

    started = time.perf_counter()
    if args.html:
        files = sorted(Path(args.html).glob("**/*.htm*"))
        docs = [document_from_html(str(f), f.read_text("utf-8", "replace"), args.base_url) for f in files]
    else:
        urls = [ln.strip() for ln in Path(args.pages).read_text().splitlines() if ln.strip()]
        docs = asyncio.run(_fetch_pages(urls, links))

    from . import results_for

    run = results_for(docs, config, network=not args.no_network, use_cache=not args.no_cache,
                      cache_path=args.cache)
    elapsed = time.perf_counter() - started
    broken = [
        {"url": r.url, "status": r.status, "reason": r.reason}
        for r in sorted(run.results.values(), key=lambda r: r.url)
        if not r.ok
    ]
    out = {
        "broken": broken,
        "checked": len(run.results),
        "from_cache": sum(1 for r in run.results.values() if r.from_cache),
        "unchecked": run.unchecked,
        "requests": run.requests,
        "seconds": round(elapsed, 4),
    }
    text = json.dumps(out, indent=1)
    if args.out == "-":
        print(text)
    else:
        Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
