"""Internal links (pages, documents, images) checked against the database: no HTTP.

Results use the keys the core's ``links.broken`` rule looks up (``"page:42"``), so internal and
external links are reported the same way.
"""

from __future__ import annotations

import time

from linting.core.links.extract import extract_links, result_key
from linting.core.links.results import LinkResult


def _result(key: str, ok: bool, reason: str = "") -> LinkResult:
    return LinkResult(url=key, ok=ok, reason=reason, checked_at=time.time())


def internal_link_results(doc) -> dict[str, LinkResult]:
    """A result for every page/document/image link of ``doc``.

    A link to a deleted page, document or image is broken; so is a link to a page that is not
    live, because the article's gate treats every revision as one about to be published.
    """
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    wanted: dict[str, set[int]] = {"page": set(), "document": set(), "image": set()}
    keys = {}
    for occ in extract_links(doc):
        if occ.kind in wanted and occ.link.target_id is not None:
            wanted[occ.kind].add(occ.link.target_id)
            keys[result_key(occ)] = (occ.kind, occ.link.target_id)
    if not keys:
        return {}
    pages = {p.pk: p for p in Page.objects.filter(pk__in=wanted["page"]).only("id", "live", "title")}
    documents = set(get_document_model().objects.filter(pk__in=wanted["document"]).values_list("pk", flat=True))
    images = set(get_image_model().objects.filter(pk__in=wanted["image"]).values_list("pk", flat=True))
    results = {}
    for key, (kind, target_id) in keys.items():
        if kind == "page":
            page = pages.get(target_id)
            if page is None:
                results[key] = _result(key, False, f"links to a deleted page (id {target_id})")
            elif not page.live:
                results[key] = _result(key, False, f"links to the unpublished page “{page.title}”")
            else:
                results[key] = _result(key, True)
        elif kind == "document":
            results[key] = _result(key, target_id in documents,
                                   "" if target_id in documents else f"links to a deleted document (id {target_id})")
        else:
            results[key] = _result(key, target_id in images,
                                   "" if target_id in images else f"shows a deleted image (id {target_id})")
    return results
