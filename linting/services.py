"""The CMS side of the linter: store and fetch the lint report of a page revision.

Every caller (lint on save, the editor panel, the publish gate, reports, ``lint_content``) goes
through :func:`report_for_revision`, so there is one stored report per revision and it is only
recomputed when what it depends on changed (see report_for_revision). Linting here never touches
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
from linting.core.findings import Severity

CORE_DIR = Path(__file__).resolve().parent / "core"


@lru_cache(maxsize=1)
def linter_version() -> str:
    """A digest of the linter's own code and word lists: a deployment that changes a rule makes
    every stored report stale, so the gate never reads a report made by older rules."""
    digest = hashlib.sha256()
    for path in sorted(CORE_DIR.rglob("*")):
        if path.suffix in (".py", ".toml") and path.is_file():
            digest.update(path.relative_to(CORE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


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
    digest = hashlib.sha256(linter_version().encode() + b"\0" + raw).hexdigest()
    return config, digest


def project_config() -> tuple[Config, str]:
    """The CMS's lint config and a hash that changes when it (or the linter version) changes."""
    path = config_path()
    mtime = path.stat().st_mtime if path and path.exists() else None
    return _load(str(path) if path else None, mtime)


def cached_link_results(doc, config: Config) -> dict:
    """The latest known result of each external link (database only, never the network).

    Expired results are still used here: the TTL says when to check a link again, not that a
    link found broken has become fine. Only a new check replaces a result.
    """
    from linting.core.links import external_urls
    from linting.models import LinkCheck

    urls = external_urls([doc])
    rows = LinkCheck.objects.filter(url_hash__in=[LinkCheck.hash_url(u) for u in urls])
    return {row.url: row.to_result() for row in rows}


def link_results_for(doc, config: Config) -> dict:
    """Cached external results and database checks of internal links (never the network)."""
    from linting.internal_links import internal_link_results

    return {**cached_link_results(doc, config), **internal_link_results(doc)}


def _links_digest(results: dict) -> str:
    basis = sorted((key, r.ok, r.reason, r.permanent_redirect_to or "") for key, r in results.items())
    return hashlib.sha256(repr(basis).encode()).hexdigest()


def report_for_revision(revision, *, force: bool = False):
    """The stored LintReport of ``revision``, (re)computed if missing or stale.

    Stale means the revision's content, the lint config, the linter's code, what is known about
    its links (cached external results, internal pages/documents/images) or the date (rules
    such as the review-date check depend on it) changed since it was stored.
    """
    from linting.models import LintReport
    from linting.sources.wagtail import content_hash, document_for_page, page_to_api_dict

    page = revision.as_object()
    data = page_to_api_dict(page)
    config, config_digest = project_config()
    doc = document_for_page(page, data)
    link_results = link_results_for(doc, config)
    today = timezone.localdate().isoformat()
    digest = hashlib.sha256((content_hash(data) + _links_digest(link_results) + today).encode()).hexdigest()
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
