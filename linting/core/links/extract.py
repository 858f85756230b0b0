"""Every link of a document, with the section it sits in and the target it resolves to.

Pure (no network): the checker gets the external URLs from here, the ``links.broken`` rule
maps results back to occurrences, and same-page ``#anchor`` links are checked right here
against the document's own sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote, urldefrag, urljoin

from linting.core.document import Document, Link, Section

SKIPPED_SCHEMES = frozenset({"mailto", "tel"})
INTERNAL_KINDS = frozenset({"page", "document", "image"})


@dataclass(frozen=True, eq=False)
class LinkOccurrence:
    """One place a link occurs.

    ``url`` is the target to check: the absolute URL for external links (relative ones
    resolved against ``Document.base_url``), ``#fragment`` for same-page anchors, the link's
    own URL for internal objects (``kind`` page/document/image, checked by the CMS), or ""
    when a relative URL has no base to resolve against (nothing can be checked).
    """

    link: Link
    url: str
    kind: str
    section_index: int | None
    section: Section | None
    origin: str  # "text" (in a section's text), "extra" (Document.extra_links), "source"

    @property
    def checkable(self) -> bool:
        """True for an absolute URL the network checker should look at."""
        return self.kind == "external" and bool(scheme_of(self.url))


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def scheme_of(url: str) -> str:
    """The URL's scheme, lower-cased ("" for a relative URL); cheaper than urlsplit."""
    m = _SCHEME.match(url)
    return m.group(1).lower() if m else ""


def doi_url(doi: str) -> str:
    doi = doi.strip()
    doi = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", doi, flags=re.I)
    return "https://doi.org/" + quote(doi, safe="/()._-;:<>[]")


def pmid_url(pmid: str) -> str:
    digits = re.sub(r"^\s*pmid:?\s*", "", pmid.strip(), flags=re.I)
    return f"https://pubmed.ncbi.nlm.nih.gov/{digits}/"


@lru_cache(maxsize=65_536)  # the same targets recur across a site's pages
def resolve(url: str, base: str | None) -> str:
    """Absolute form of ``url`` (like lychee's ``--base``); "" when it cannot be made absolute."""
    url = url.strip()
    if scheme_of(url):
        return url
    if url.startswith("//") and not base:
        return "https:" + url
    if base:
        return urljoin(base, url)
    return ""


def _classify(link: Link, base: str | None) -> tuple[str, str] | None:
    """(kind, url to check) for a link, or None when there is nothing to check."""
    written = (link.url or "").strip()
    if link.kind in INTERNAL_KINDS:
        return link.kind, written
    if not written or written == "#":
        return None  # no target at all: links.dangling's concern
    if written.startswith("#"):
        return "anchor", written
    scheme = scheme_of(written)
    if scheme in SKIPPED_SCHEMES:
        return None
    if link.kind == "anchor":
        return "anchor", "#" + urldefrag(written)[1]
    return "external", resolve(written, base)


def extract_links(doc: Document) -> list[LinkOccurrence]:
    """All link occurrences of ``doc`` in reading order: section text, extra links, sources."""
    out: list[LinkOccurrence] = []
    base = doc.base_url

    def add(link: Link, index: int | None, origin: str) -> None:
        classified = _classify(link, base)
        if classified is None:
            return
        kind, url = classified
        section = doc.sections[index] if index is not None and 0 <= index < len(doc.sections) else None
        out.append(LinkOccurrence(link, url, kind, index, section, origin))

    for index, section in enumerate(doc.sections):
        for link in section.links:
            add(link, index, "text")
    for index, link in doc.extra_links:
        add(link, index, "extra")

    sources_index = next((i for i, s in enumerate(doc.sections) if s.kind == "sources"), None)
    seen = {o.url for o in out} | {o.link.url for o in out}
    for source in doc.sources:
        text = source.title or source.publisher
        for target in (
            source.url.strip(),
            doi_url(source.doi) if source.doi.strip() else "",
            pmid_url(source.pmid) if source.pmid.strip() else "",
        ):
            if target and target not in seen:
                seen.add(target)
                add(Link(url=target, text=text), sources_index, "source")
    return out


def _slug(text: str) -> str:
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[\s_-]+", "-", text).strip("-")


def anchor_targets(doc: Document) -> set[str]:
    """Fragment names a same-page link may point at: block ids, explicit ids, heading slugs."""
    targets = {"top"}  # HTML: "#top" always scrolls to the top of the page
    for section in doc.sections:
        for value in (section.block_id, section.attrs.get("id"), section.attrs.get("anchor")):
            if value:
                targets.add(str(value))
        for extra in section.attrs.get("ids", ()) or ():
            targets.add(str(extra))
        if section.heading:
            targets.add(_slug(section.heading))
    return targets


def anchor_exists(doc: Document, fragment: str, targets: set[str] | None = None) -> bool:
    name = unquote(fragment.lstrip("#"))
    if not name or name.startswith(":~:"):
        return True  # empty or a text fragment: nothing to look up
    targets = anchor_targets(doc) if targets is None else targets
    return name in targets or name.lower() in {t.lower() for t in targets}


def external_urls(docs) -> list[str]:
    """The distinct absolute URLs of ``docs`` that the network checker should check."""
    urls: dict[str, None] = {}
    for doc in docs:
        for occ in extract_links(doc):
            if occ.checkable:
                urls.setdefault(occ.url, None)
    return list(urls)


def result_key(occ: LinkOccurrence) -> str:
    """The key under which a link's result sits in ``LintContext.link_results``.

    External links: the resolved URL. Internal objects: ``"<kind>:<target_id>"`` (e.g.
    ``"page:42"``), the key the CMS side uses when it checks them against the database.
    """
    if occ.kind in INTERNAL_KINDS and occ.link.target_id is not None:
        return f"{occ.kind}:{occ.link.target_id}"
    return occ.url
