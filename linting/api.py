"""Read-only lint reports over the v3 API, for authenticated clients only.

``GET /api/v3/lint-reports/pages/{page_id}/?revision=latest|live`` returns the stored report of a
page's latest (default) or live revision in the finding contract, plus the accepted findings.
It needs a Wagtail API token of a user who may edit the page; reports are never public, like
drafts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import BearerTokenAuth

router = Router(tags=["lint reports"])


class AcceptedSchema(Schema):
    fingerprint: str
    rule: str
    reason: str
    user: str | None
    accepted_at: datetime


class LintReportSchema(Schema):
    page_id: int
    revision_id: int
    linted_at: datetime
    summary: dict[str, int]
    findings: list[dict[str, Any]]
    accepted: list[AcceptedSchema]
    blocks_publishing: bool


@router.get(
    "/pages/{page_id}/",
    response=LintReportSchema,
    auth=BearerTokenAuth(),
    url_name="lint_report_detail",
    operation_id="lint_report_detail",
    summary="Stored lint report of a page revision",
)
def lint_report(request, page_id: int, revision: Literal["latest", "live"] = "latest"):
    from wagtail.models import Page

    from linting.models import AcceptedFinding
    from linting.services import report_for_revision

    from pages.models import ArticlePage

    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ArticlePage):
        raise HttpError(404, "Only articles have lint reports.")
    if not page.permissions_for_user(request.user).can_edit():
        raise HttpError(403, "You cannot see the lint report of this page.")
    target = page.live_revision if revision == "live" else page.get_latest_revision()
    if target is None:
        raise HttpError(404, f"This page has no {revision} revision.")
    report = report_for_revision(target)
    accepted = AcceptedFinding.objects.filter(page=page).select_related("user")
    return {
        "page_id": page.pk,
        "revision_id": target.pk,
        "linted_at": report.linted_at,
        "summary": {"error": report.error_count, "warning": report.warning_count, "info": report.info_count},
        "findings": report.findings,
        "accepted": [
            {"fingerprint": a.fingerprint, "rule": a.rule, "reason": a.reason,
             "user": a.user.get_username() if a.user else None, "accepted_at": a.accepted_at}
            for a in accepted
        ],
        "blocks_publishing": bool(report.blocking_findings()),
    }
