"""Build a Document from an HTML page: the CMS server render, or any article-shaped page.

The CMS render marks its structure, and that wins when present: ``<section id=BLOCKID
data-kind=KIND>`` per block (heading in its ``<h2>``), ``<aside class="disclaimer">``,
``<ol class="sources"><li id="source-N">``, ``<ol class="footnotes"><li id="footnote-N">``,
``<meta name="author|reviewer">`` and ``<time class="last-reviewed" datetime=...>``. Other pages
are split into sections at their h2/h3 headings.
"""

from __future__ import annotations

import datetime as dt
import re

from bs4 import BeautifulSoup, Tag

from linting.core.document import SECTION_KINDS, Document, Link, Metadata, Section, Source

from .richtext import Walker, collapse, fragment_to_text, resolve_citations, source_from_text

_DISCLAIMER_START = re.compile(r"^\s*(disclaimer|medical disclaimer)\b", re.I)
_DISCLOSURE_KINDS = {"advertising", "financial", "disclosure", "affiliate", "sponsored"}


def kind_for_heading(heading: str | None) -> str:
    """Section kind for a heading (the rules' keyword table); text before any heading is ``intro``."""
    if not heading:
        return "intro"
    from linting.core.section_kinds import classify_heading

    return classify_heading(heading)


def parse_date(value: str | None) -> dt.date | None:
    """ISO date (or datetime) -> date; None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def disclaimer_section_kind(kind: str | None) -> str:
    """Medical disclaimers are ``disclaimer`` sections; advertising/financial ones are disclosures."""
    return "disclosure" if (kind or "").lower() in _DISCLOSURE_KINDS else "disclaimer"


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"name": name})
    if tag is None:
        return None
    return collapse(tag.get("content", ""))


def _metadata(soup: BeautifulSoup) -> Metadata:
    author, reviewer = _meta(soup, "author"), _meta(soup, "reviewer")
    time_tag = soup.find("time", class_="last-reviewed")
    summary = _meta(soup, "description") or ""
    structured = author is not None or reviewer is not None or time_tag is not None
    date = None
    if time_tag is not None:
        date = parse_date(time_tag.get("datetime") or time_tag.get_text())
    if not structured:
        return Metadata(summary=summary)
    return Metadata(author=author or "", reviewer=reviewer or "", review_date=date, summary=summary, structured=True)


def _title(soup: BeautifulSoup) -> str:
    h1 = soup.find("h1")
    if h1 is not None and collapse(h1.get_text(" ")):
        return collapse(h1.get_text(" "))
    if soup.title is not None:
        return collapse(soup.title.get_text(" "))
    return ""


def _list_sources(ol: Tag, prefix: str, anchors: dict, sources: list, extra_links: list) -> None:
    """Append one Source per ``<li>``; anchors get ``prefix:ID`` and ``prefix:N`` keys."""
    for n, li in enumerate(ol.find_all("li", recursive=False), start=1):
        a = li.find("a", href=True)
        url = str(a["href"]).strip() if a is not None else ""
        li_id = str(li.get("id") or "")
        number = li_id.rsplit("-", 1)[-1] if li_id else str(n)
        number = number if number.isdigit() else str(n)
        frag = fragment_to_text(li)
        index = len(sources)
        sources.append(source_from_text(frag.text, url, marker=number))
        for key in (f"{prefix}:{number}", f"{prefix}:{li_id}", f"{prefix}:{li.get('data-id', '')}"):
            anchors.setdefault(key, index)
        anchors.setdefault(f"marker:{number}", index)
        for link in frag.links:
            extra_links.append((None, Link(url=link.url, text=link.text, kind=link.kind, target_id=link.target_id)))


def _split_disclaimer_paragraphs(heading, frag, kind):
    """Pull a trailing 'Disclaimer: ...' paragraph out of a heading-delimited chunk."""
    if kind == "disclaimer":
        return [(heading, frag, kind)]
    m = re.search(r"(?:^|\n\n)(?=disclaimer\b)", frag.text, re.I)
    if not m:
        return [(heading, frag, kind)]
    cut = m.end()
    before_end = m.start()
    head, tail = _slice(frag, 0, before_end), _slice(frag, cut, len(frag.text))
    out = [(heading, head, kind)] if head.text else []
    return out + [(None, tail, "disclaimer")]


def _slice(frag, lo, hi):
    from .richtext import Fragment
    from linting.core.document import Citation

    def inside(s, e):
        return lo <= s and e <= hi

    out = Fragment(text=frag.text[lo:hi])
    for link in frag.links:
        if link.start < 0 or inside(link.start, link.end):
            shift = lo if link.start >= 0 else 0
            out.links.append(Link(link.url, link.text, link.start - shift, link.end - shift, link.kind, link.target_id))
    for cit, target in zip(frag.citations, frag.targets):
        if inside(cit.start, cit.end):
            out.citations.append(Citation(cit.marker, cit.start - lo, cit.end - lo, cit.source_index))
            out.targets.append(target)
    return out


def parse_html(text: str, path: str, base_url: str | None = None) -> Document:
    """Parse a full HTML page (or a bare fragment) into a Document."""
    soup = BeautifulSoup(text, "html.parser")
    metadata = _metadata(soup)
    title = _title(soup)
    root = soup.find("article") or soup.find("main") or soup.body or soup

    anchors: dict[str, int] = {}
    sources: list[Source] = []
    extra_links: list = []
    for ol in root.find_all("ol", class_="sources"):
        _list_sources(ol, "source", anchors, sources, extra_links)
        ol.decompose()
    for ol in root.find_all("ol", class_="footnotes"):
        _list_sources(ol, "footnote", anchors, sources, extra_links)
        ol.decompose()
    asides = []
    for aside in root.find_all("aside", class_="disclaimer"):
        asides.append((aside.get("data-kind"), aside.get("id"), fragment_to_text(aside)))
        aside.decompose()
    for h1 in root.find_all("h1"):
        h1.decompose()

    pending = []  # (Section, targets)
    blocks = [s for s in root.find_all("section") if s.get("data-kind")]
    if blocks:
        for block in blocks:
            heading_tag = block.find(["h2", "h3"])
            heading = collapse(heading_tag.get_text(" ")) if heading_tag is not None else None
            if heading_tag is not None:
                heading_tag.decompose()
            kind = str(block.get("data-kind"))
            attrs = {} if kind in SECTION_KINDS else {"block_type": kind}
            if block.get("data-sponsored") is not None:
                attrs["sponsored"] = str(block.get("data-sponsored")).lower() in ("", "true", "1", "yes")
            frag = fragment_to_text(block)
            section = Section(
                kind=kind if kind in SECTION_KINDS else "other",
                text=frag.text,
                heading=heading or None,
                block_id=block.get("id") or None,
                links=frag.links,
                citations=frag.citations,
                attrs=attrs,
            )
            pending.append((section, frag.targets))
    else:
        walker = Walker(split_headings=True).feed(root)
        walker.flush()
        for heading, frag in walker.chunks:
            for h, part, k in _split_disclaimer_paragraphs(heading, frag, kind_for_heading(heading)):
                if k == "sources" and not sources:
                    _sources_from_chunk(part, sources, anchors)
                sec = Section(kind=k, text=part.text, heading=h, links=part.links, citations=part.citations)
                pending.append((sec, part.targets))
    for kind, block_id, frag in asides:
        section = Section(
            kind=disclaimer_section_kind(kind),
            text=frag.text,
            block_id=block_id or None,
            links=frag.links,
            citations=frag.citations,
            attrs={"disclaimer_kind": kind or "medical"},
        )
        pending.append((section, frag.targets))
    resolve_citations(pending, anchors)
    return Document(
        path=path,
        title=title,
        sections=[s for s, _ in pending],
        sources=sources,
        metadata=metadata,
        extra_links=extra_links,
        base_url=base_url,
    )


def _sources_from_chunk(frag, sources: list, anchors: dict) -> None:
    """A 'Sources'/'References' section of a plain page: one Source per line."""
    lines, pos = [], 0
    for line in frag.text.split("\n"):
        if line.strip():
            lines.append((line, pos, pos + len(line)))
        pos += len(line) + 1
    for n, (line, lo, hi) in enumerate(lines, start=1):
        m = re.match(r"\s*\[?(\d{1,3})[\].)]\s*", line)
        marker = m.group(1) if m else str(n)
        url = next((lk.url for lk in frag.links if lo <= lk.start < hi), "")
        if not url:
            found = re.search(r"https?://\S+", line)
            url = found.group(0).rstrip(".,)") if found else ""
        anchors.setdefault(f"marker:{marker}", len(sources))
        sources.append(source_from_text(line[m.end():] if m else line, url, marker=marker))
