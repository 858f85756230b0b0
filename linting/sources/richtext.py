"""Turn rich-text HTML into section text with link and citation spans (shared by html and apijson).

The text follows the document model's conventions: paragraphs separated by a blank line, list
items on lines of their own, whitespace inside a paragraph collapsed, citation markers kept as
written. Links keep their ``href`` exactly as written (``""`` and ``"#"`` included: those are
dangling links a rule reports); offsets point at the link text in the returned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from linting.core.document import Citation, Link, Source

PARAGRAPH_TAGS = frozenset(
    "p div section article main header footer aside blockquote pre table figure figcaption "
    "h1 h2 h3 h4 h5 h6 ul ol dl hr form fieldset details summary address".split()
)
LINE_TAGS = frozenset("li dt dd tr caption".split())
SKIP_TAGS = frozenset("script style template noscript head nav svg button-icon".split())
HEADING_TAGS = ("h2", "h3")

_WS = re.compile(r"\s+")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_PLAIN_MARKER = re.compile(r"\[(\d{1,3})(?:\s*[,–-]\s*\d{1,3})*\]")
_REF_HREF = re.compile(r"^#(footnote|source|ref|cite|fn)[-_:]?(.+)$", re.I)
DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>,;]+[^\s\"<>,;.)\]])")
PMID_RE = re.compile(r"\bPMID:?\s*(\d{5,9})\b", re.I)
YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def classify_link(url: str, linktype: str | None = None) -> str:
    """``anchor`` for ``#...``, the Wagtail link type when given, else ``external``.

    Relative URLs stay ``external`` with the URL as written; the checker resolves them against
    :attr:`Document.base_url`.
    """
    if linktype in ("page", "document", "image"):
        return linktype
    if url.startswith("#") and len(url) > 1:
        return "anchor"
    return "external"


@dataclass
class Fragment:
    """Text of a rich-text fragment; ``targets[i]`` says what ``citations[i]`` points at.

    A target is ``"footnote:KEY"``/``"source:KEY"`` for a reference link, ``"marker:N"`` for a plain
    ``[N]`` in the text; :func:`resolve_citations` turns targets into source indexes.
    """

    text: str = ""
    links: list[Link] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


class _Builder:
    """Accumulates text without trailing spaces, so offsets recorded while writing stay valid."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending_break = ""
        self.pending_space = False
        self.links: list[Link] = []
        self.citations: list[tuple[Citation, str]] = []
        self.recording = False  # inside a link: remember where its text starts
        self.mark: int | None = None

    def _append(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def write(self, raw: str) -> int | None:
        """Write inline text; returns the offset where its first visible character landed."""
        s = _WS.sub(" ", raw)
        words = s.strip()
        if not words:
            if s and self.length:
                self.pending_space = True
            return None
        if self.length:
            if self.pending_break:
                self._append(self.pending_break)
            elif self.pending_space or s[0] == " ":
                self._append(" ")
        self.pending_break = ""
        start = self.length
        if self.recording and self.mark is None:
            self.mark = start
        self._append(words)
        self.pending_space = s[-1] == " "
        return start

    def hard_break(self, sep: str) -> None:
        if self.length and len(sep) > len(self.pending_break):
            self.pending_break = sep
        self.pending_space = False

    def fragment(self) -> Fragment:
        text = "".join(self.parts)
        frag = Fragment(text=text, links=list(self.links))
        taken = []
        for cit, target in sorted(self.citations, key=lambda ct: ct[0].start):
            frag.citations.append(cit)
            frag.targets.append(target)
            taken.append((cit.start, cit.end))
        for m in _PLAIN_MARKER.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            frag.citations.append(Citation(marker=m.group(0), start=m.start(), end=m.end()))
            frag.targets.append(f"marker:{m.group(1)}")
        order = sorted(range(len(frag.citations)), key=lambda i: frag.citations[i].start)
        frag.citations = [frag.citations[i] for i in order]
        frag.targets = [frag.targets[i] for i in order]
        return frag


class Walker:
    """Walks a tree into a builder; with ``split_headings`` it starts a new chunk at each h2/h3."""

    def __init__(self, *, split_headings: bool = False) -> None:
        self.split_headings = split_headings
        self.chunks: list[tuple[str | None, Fragment]] = []
        self.heading: str | None = None
        self.builder = _Builder()

    def feed(self, node) -> "Walker":
        if isinstance(node, Comment):
            return self
        if isinstance(node, NavigableString):
            self.builder.write(str(node))
            return self
        if not isinstance(node, Tag):
            return self
        name = node.name
        if name in SKIP_TAGS:
            return self
        if self.split_headings and name in HEADING_TAGS:
            self.flush()
            self.heading = collapse(node.get_text(" ")) or None
            return self
        if name == "br":
            self.builder.hard_break("\n")
            return self
        if name == "a":
            return self._link(node)
        if name == "footnote":  # Wagtail's stored footnote reference element
            start = self.builder.write(node.get_text() or "[?]")
            if start is not None:
                cit = Citation(marker=self.builder.parts[-1], start=start, end=self.builder.length)
                self.builder.citations.append((cit, f"footnote:{node.get('id', '')}"))
            return self
        block = "\n\n" if name in PARAGRAPH_TAGS else "\n" if name in LINE_TAGS else ""
        if block:
            self.builder.hard_break(block)
        for child in node.children:
            self.feed(child)
        if block:
            self.builder.hard_break(block)
        return self

    def _link(self, node: Tag) -> "Walker":
        href = node.get("href")
        href = "" if href is None else str(href).strip()
        ref = _REF_HREF.match(href)
        b = self.builder
        b.recording, b.mark = True, None
        for child in node.children:
            self.feed(child)
        b.recording = False
        first, end = b.mark, b.length
        if first is None:
            first = end = -1
            text = collapse(node.get_text(" "))
        else:
            text = "".join(b.parts)[first:end]
        if ref and first >= 0:
            kind = "footnote" if ref.group(1).lower() in ("footnote", "fn") else "source"
            cit = Citation(marker=text, start=first, end=end)
            self.builder.citations.append((cit, f"{kind}:{ref.group(2)}"))
            return self
        linktype = node.get("linktype")
        target_id = node.get("id") if linktype else None
        link = Link(
            url=href,
            text=text,
            start=first,
            end=end,
            kind=classify_link(href, linktype),
            target_id=int(target_id) if target_id and str(target_id).isdigit() else None,
        )
        self.builder.links.append(link)
        return self

    def flush(self) -> None:
        frag = self.builder.fragment()
        if frag.text or self.heading:
            self.chunks.append((self.heading, frag))
        self.builder = _Builder()
        self.heading = None


def collapse(text: str) -> str:
    return _WS.sub(" ", text or "").strip()


def parse_fragment_html(html: str) -> BeautifulSoup:
    return BeautifulSoup(html or "", "html.parser")


def fragment_to_text(fragment) -> Fragment:
    """One rich-text fragment (HTML string or a parsed Tag) -> text, links, citations."""
    node = parse_fragment_html(fragment) if isinstance(fragment, str) else fragment
    walker = Walker()
    if isinstance(node, Tag) and node.name not in ("[document]",):
        for child in node.children:
            walker.feed(child)
    else:
        walker.feed(node)
    return walker.builder.fragment()


def source_from_text(text: str, url: str = "", *, marker: str = "", title: str = "") -> Source:
    """A Source from a free-text reference line: DOI, PMID and year picked out when present."""
    text = collapse(text)
    doi = DOI_RE.search(text) or DOI_RE.search(url or "")
    pmid = PMID_RE.search(text) or re.search(r"pubmed\.ncbi\.nlm\.nih\.gov/(\d{5,9})", url or "")
    year = YEAR_RE.search(text)
    return Source(
        title=title or text,
        url=url,
        year=int(year.group(1)) if year else None,
        doi=doi.group(1) if doi else "",
        pmid=pmid.group(1) if pmid else "",
        marker=marker,
    )


def resolve_citations(sections_targets, anchors: dict[str, int]) -> None:
    """Set ``source_index`` on each section's citations from its targets.

    ``sections_targets`` is ``[(section, targets)]``; ``anchors`` maps ``"footnote:KEY"``,
    ``"source:KEY"`` and ``"marker:N"`` to an index in ``Document.sources``.
    """
    for section, targets in sections_targets:
        resolved = []
        for cit, target in zip(section.citations, targets):
            index = anchors.get(target)
            if index is None and target.startswith(("footnote:", "source:")):
                index = anchors.get("marker:" + target.split(":", 1)[1])
            resolved.append(Citation(cit.marker, cit.start, cit.end, index))
        section.citations = resolved
