"""Build a core Document from an ArticlePage (a page object or a revision's ``as_object()``).

The page is first turned into the same dict shape the v2/v3 APIs return, but with rich text in
Wagtail's stored format, so internal page/document links keep their ids (for database checks)
and footnote references keep their UUIDs; then the API-JSON adapter builds the Document. One
mapping, shared with ``python -m linting page.json``.
"""

from __future__ import annotations

import hashlib
import json

from linting.core.document import Document

from .apijson import page_to_document as api_page_to_document


def page_to_api_dict(page) -> dict:
    """The API shape of ``page`` with rich text left in stored (db_html) form."""
    from pages.footnotes import footnote_numbers

    body = []
    for block in page.body:
        value = block.value
        if block.block_type == "cta":
            target = value.get("page")
            body.append({"type": "cta", "id": block.id, "value": {
                "text": value["text"].source, "button_label": value.get("button_label") or "",
                "url": value.get("url") or "", "page": target.pk if target else None,
                "sponsored": bool(value.get("sponsored")),
            }})
        else:
            body.append({"type": block.block_type, "id": block.id,
                         "value": {"heading": value.get("heading") or "", "text": value["text"].source}})
    numbers = footnote_numbers(page)
    footnotes = sorted(
        ({"id": str(f.uuid), "number": numbers[str(f.uuid)], "text": f.text} for f in page.footnotes.all()),
        key=lambda f: f["number"],
    )
    person = lambda p: {"name": p.name, "credentials": p.credentials} if p else None  # noqa: E731
    return {
        "id": page.pk,
        "title": page.title,
        "meta": {"type": page._meta.label, "html_url": None, "tags": sorted(t.name for t in page.tags.all())},
        "summary": page.summary or "",
        "author": person(page.author),
        "reviewer": person(page.reviewer),
        "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else None,
        "body": body,
        "footnotes": footnotes,
        "sources": [
            {"title": s.title, "url": s.url, "publisher": s.publisher, "year": s.year, "doi": s.doi, "pmid": s.pmid}
            for s in page.sources.all()
        ],
        "disclaimers": [{"kind": d.kind, "text": d.text} for d in page.effective_disclaimers()],
    }


def content_hash(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def document_for_page(page, data: dict | None = None) -> Document:
    """The Document the linter reads for ``page`` (pass ``data`` when already built)."""
    data = data if data is not None else page_to_api_dict(page)
    doc = api_page_to_document(data, page.url_path or f"page:{page.pk}")
    doc.base_url = page.full_url if page.pk and page.live else None
    return doc
