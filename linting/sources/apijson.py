"""Build Documents from Wagtail v2 API JSON: a page detail object, or a listing ``{"items": [...]}``.

Field shapes are those the Vetted API exposes for ArticlePage: ``body`` StreamField blocks
(section kinds, and ``cta`` with button label/url/page/sponsored), ``footnotes``, ``sources``,
``disclaimers`` (medical disclaimers become ``disclaimer`` sections, advertising/financial ones
``disclosure`` sections), ``author``/``reviewer`` objects and ``last_reviewed``.
"""

from __future__ import annotations

import json

from linting.core.document import SECTION_KINDS, Document, Link, Metadata, Section, Source

from .html import disclaimer_section_kind, parse_date
from .richtext import classify_link, collapse, fragment_to_text, resolve_citations, source_from_text


def looks_like_api(data) -> bool:
    """True for a page detail object or a listing of them."""
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        return all(isinstance(i, dict) for i in data["items"])
    return isinstance(data, dict) and "title" in data and ("meta" in data or "body" in data)


def parse_api_json(text: str, path: str, base_url: str | None = None) -> list[Document]:
    """Raises InputError for malformed JSON or JSON that is not a Wagtail API page."""
    from .files import InputError

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not looks_like_api(data):
        raise InputError(f"{path}: JSON is not a Wagtail API page (expected title/meta/body or items)")
    if "items" in data and isinstance(data["items"], list):
        docs = []
        for i, item in enumerate(data["items"]):
            page_id = item.get("id", i)
            docs.append(page_to_document(item, f"{path}#{page_id}", base_url))
        return docs
    return [page_to_document(data, path, base_url)]


def _name(person) -> str:
    if isinstance(person, dict):
        return collapse(str(person.get("name") or ""))
    if isinstance(person, str):
        return collapse(person)
    return ""


def _page_type(meta: dict) -> str:
    model = str(meta.get("type") or "").rsplit(".", 1)[-1]
    if not model or model == "ArticlePage":
        return "article"
    return model.removesuffix("Page").lower() or model.lower()


def _int_or_none(value):
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def page_to_document(page: dict, path: str, base_url: str | None = None) -> Document:
    meta = page.get("meta") or {}
    metadata = Metadata(
        author=_name(page.get("author")),
        reviewer=_name(page.get("reviewer")),
        review_date=parse_date(page.get("last_reviewed")),
        summary=collapse(str(page.get("summary") or "")),
        page_type=_page_type(meta),
        tags=[str(t) for t in (meta.get("tags") or [])],
        structured=True,
    )
    anchors: dict[str, int] = {}
    sources: list[Source] = []
    extra_links: list = []
    for n, src in enumerate(page.get("sources") or [], start=1):
        if not isinstance(src, dict):
            continue
        url = str(src.get("url") or "")
        marker = str(n)
        anchors.setdefault(f"source:{n}", len(sources))
        anchors.setdefault(f"marker:{n}", len(sources))
        sources.append(Source(
            title=collapse(str(src.get("title") or "")),
            url=url,
            publisher=collapse(str(src.get("publisher") or "")),
            year=_int_or_none(src.get("year")),
            doi=str(src.get("doi") or ""),
            pmid=str(src.get("pmid") or ""),
            marker=marker,
        ))
        if url:
            extra_links.append((None, Link(url=url, text=sources[-1].title, kind=classify_link(url))))
    for n, note in enumerate(page.get("footnotes") or [], start=1):
        if not isinstance(note, dict):
            continue
        frag = fragment_to_text(str(note.get("text") or ""))
        number = str(note.get("number") or n)
        url = frag.links[0].url if frag.links else ""
        index = len(sources)
        for key in (f"footnote:{number}", f"footnote:{note.get('id', '')}"):
            anchors.setdefault(key, index)
        anchors.setdefault(f"marker:{number}", index)
        sources.append(source_from_text(frag.text, url, marker=number))
        for link in frag.links:
            extra_links.append((None, Link(url=link.url, text=link.text, kind=link.kind, target_id=link.target_id)))

    pending = []
    summary = metadata.summary
    if summary:
        frag = fragment_to_text(summary)
        pending.append((Section(kind="intro", text=frag.text, links=frag.links, citations=frag.citations), frag.targets))
    for block in page.get("body") or []:
        if not isinstance(block, dict):
            continue
        kind = str(block.get("type") or "other")
        value = block.get("value")
        value = value if isinstance(value, dict) else {"text": value if isinstance(value, str) else ""}
        frag = fragment_to_text(str(value.get("text") or ""))
        attrs = {} if kind in SECTION_KINDS else {"block_type": kind}
        if kind == "cta":
            for key in ("button_label", "url", "page", "sponsored"):
                attrs[key] = value.get(key)
            attrs["sponsored"] = bool(value.get("sponsored"))
        section = Section(
            kind=kind if kind in SECTION_KINDS else "other",
            text=frag.text,
            heading=collapse(str(value.get("heading") or "")) or None,
            block_id=str(block["id"]) if block.get("id") else None,
            links=frag.links,
            citations=frag.citations,
            attrs=attrs,
        )
        if kind == "cta" and (value.get("url") or value.get("page")):
            page_id = _int_or_none(value.get("page"))
            url = str(value.get("url") or "")
            link = Link(url=url, text=str(value.get("button_label") or ""),
                        kind="page" if page_id is not None and not url else classify_link(url), target_id=page_id)
            extra_links.append((len(pending), link))
        pending.append((section, frag.targets))
    for item in page.get("disclaimers") or []:
        if not isinstance(item, dict):
            continue
        frag = fragment_to_text(str(item.get("text") or ""))
        kind = str(item.get("kind") or "medical")
        section = Section(kind=disclaimer_section_kind(kind), text=frag.text, links=frag.links,
                          citations=frag.citations, attrs={"disclaimer_kind": kind})
        pending.append((section, frag.targets))
    resolve_citations(pending, anchors)
    return Document(
        path=path,
        title=collapse(str(page.get("title") or "")),
        sections=[s for s, _ in pending],
        sources=sources,
        metadata=metadata,
        extra_links=extra_links,
        base_url=base_url or meta.get("html_url") or None,
    )
