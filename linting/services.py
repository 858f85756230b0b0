"""The CMS side of the linter: lint a page, store and fetch the report of a revision.

Every caller (lint on save, the editor panel, the publish gate, reports, ``lint_content``) goes
through :func:`report_for_revision`, so there is one stored report per revision and it is only
recomputed when the revision's content or the lint config changed. Linting here never touches
the network: link rules read cached results only.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from linting.core.config import Config
from linting.core.config_file import load_config
from linting.core.engine import lint_document
from linting.core.findings import DocumentReport, Severity

# Bump when rules change in a way that should invalidate stored reports.
LINTER_VERSION = "1"


def config_path() -> Path | None:
    path = getattr(settings, "VETTED_LINT_CONFIG", None)
    if path:
        return Path(path)
    default = Path(settings.BASE_DIR) / "vetted.toml"
    return default if default.exists() else None


@lru_cache(maxsize=4)
def _load(path: str | None, mtime: float | None) -> tuple[Config, str]:
    config = load_config(path) if path else Config()
    raw = Path(path).read_bytes() if path else b""
    digest = hashlib.sha256(LINTER_VERSION.encode() + b"\0" + raw).hexdigest()
    return config, digest


def project_config() -> tuple[Config, str]:
    """The CMS's lint config and a hash that changes when it (or the linter version) changes."""
    path = config_path()
    mtime = path.stat().st_mtime if path and path.exists() else None
    return _load(str(path) if path else None, mtime)


def cached_link_results(doc, config: Config) -> dict:
    """Link results from the database cache only (no network), keyed as the rules expect."""
    from linting.core.links import external_urls
    from linting.models import DatabaseLinkCache

    cache = DatabaseLinkCache(ttl=float(config.links.get("cache_ttl", 86400)))
    results = {}
    for url in external_urls([doc]):
        result = cache.get(url)
        if result is not None:
            results[url] = result
    return results


def link_results_for(doc, config: Config) -> dict:
    """Cached external results and database checks of internal links (never the network)."""
    from linting.internal_links import internal_link_results

    return {**cached_link_results(doc, config), **internal_link_results(doc)}


def _links_digest(results: dict) -> str:
    basis = sorted((key, r.ok, r.reason, r.permanent_redirect_to or "") for key, r in results.items())
    return hashlib.sha256(repr(basis).encode()).hexdigest()


def lint_page(page, *, data: dict | None = None) -> DocumentReport:
    """Lint ``page`` (any ArticlePage object, e.g. ``revision.as_object()``) without storing."""
    from linting.sources.wagtail import document_for_page

    config, _ = project_config()
    doc = document_for_page(page, data)
    return lint_document(doc, config, link_results=link_results_for(doc, config))


def report_for_revision(revision, *, force: bool = False):
    """The stored LintReport of ``revision``, (re)computed if missing or stale.

    Stale means the revision's content, the lint config or what is known about its links
    (cached external results, internal pages/documents/images) changed since it was stored.
    """
    from linting.models import LintReport
    from linting.sources.wagtail import content_hash, document_for_page, page_to_api_dict

    page = revision.as_object()
    data = page_to_api_dict(page)
    config, config_digest = project_config()
    doc = document_for_page(page, data)
    link_results = link_results_for(doc, config)
    digest = hashlib.sha256((content_hash(data) + _links_digest(link_results)).encode()).hexdigest()
    existing = LintReport.objects.filter(revision=revision).first()
    if existing and not force and existing.content_hash == digest and existing.config_hash == config_digest:
        return existing
    result = lint_document(doc, config, link_results=link_results)
    values = dict(
        page_id=int(revision.object_id),
        content_hash=digest,
        config_hash=config_digest,
        findings=[f.to_dict() for f in result.findings],
        error_count=result.count(Severity.ERROR),
        warning_count=result.count(Severity.WARNING),
        info_count=result.count(Severity.INFO),
        linted_at=timezone.now(),
    )
    report, _ = LintReport.objects.update_or_create(revision=revision, defaults=values)
    return report
