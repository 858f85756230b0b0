"""Stand-alone link check of HTML pages: ``python -m linting.core.links``.

Reads article HTML (files with ``--html DIR --base-url URL``, or pages fetched from the URLs
listed in ``--pages FILE``), checks every ``<a href>`` with the same code the linter uses, and
writes ``{"broken": [{"url", "reason", "status"}], "checked": n, ...}``. Used by the link
benchmark; the linter itself goes through :func:`linting.core.links.results_for`.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from pathlib import Path

from linting.core.config import DEFAULT_LINKS, Config
from linting.core.document import Document, Link, Section


# A flat scan for <a href>: this entry point reads generated article pages, where a full HTML
# parser costs more than the whole warm-cache check.
_ANCHOR = re.compile(
    r"""<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(.*?)</a\s*>""",
    re.I | re.S,
)
_TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def anchors(page: str) -> list[Link]:
    links = []
    for m in _ANCHOR.finditer(page):
        double, single, bare, inner = m.groups()
        href = double if double is not None else single if single is not None else bare
        text = _TAGS.sub("", inner) if "<" in inner else inner
        links.append(Link(url=_plain(href).strip(), text=_plain(text).strip()))
    return links


def document_from_html(path: str, page: str, base_url: str | None) -> Document:
    section = Section(kind="other", text="", links=anchors(page))
    return Document(path=path, title=path, sections=[section], base_url=base_url)


async def _fetch_pages(urls: list[str], links: dict) -> list[Document]:
    import asyncio

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
        import asyncio

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
