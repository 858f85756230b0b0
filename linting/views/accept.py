"""Accepting an error finding from the Content quality panel, and withdrawing an acceptance (POST only).

The view checks the override permission itself (403 otherwise), finds the finding by fingerprint
in the stored report of the page's latest revision, and hands over to
:func:`linting.overrides.accept_finding`, which validates the reason and writes the audit log.
It always redirects back to the editor with a message, except for a refusal: a plain 403 (raising
PermissionDenied would become Wagtail's redirect to the dashboard).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.models import Page

from linting.core.findings import Severity
from linting.gate import is_gated
from linting.models import AcceptedFinding
from linting.overrides import accept_finding, can_override, revoke_acceptance
from linting.services import report_for_revision


def _reviewed_page(request, page_id, what: str):
    """The article ``page_id`` and None, or (None, a 403) when the user is no medical reviewer
    who may edit it; 404 for a page that is no article."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_gated(page):
        raise Http404("Only articles have lint findings.")
    if not can_override(request.user) or not page.permissions_for_user(request.user).can_edit():
        return None, HttpResponseForbidden(f"Only medical reviewers who may edit this page can {what}.")
    return page, None


def _panel_url(page) -> str:
    """The editor with the Content quality panel open."""
    return reverse("wagtailadmin_pages:edit", args=[page.pk]) + "?lint=review"


@require_POST
def accept_finding_view(request, page_id):
    page, refused = _reviewed_page(request, page_id, "accept lint findings")
    if refused:
        return refused
    edit_url = _panel_url(page)
    revision = page.get_latest_revision()
    fingerprint = request.POST.get("fingerprint", "")
    finding = None
    if revision is not None:
        finding = next(
            (f for f in report_for_revision(revision).finding_objects()
             if f.fingerprint == fingerprint and f.severity == Severity.ERROR),
            None,
        )
    if finding is None:
        messages.error(request, "That finding is not in the latest revision any more; nothing was accepted.")
        return redirect(edit_url)
    try:
        accept_finding(page, revision, finding, request.user, request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, "Not accepted: " + " ".join(exc.messages))
        return redirect(edit_url)
    messages.success(request, f"Accepted {finding.rule}: it no longer blocks publishing this sentence.")
    return redirect(edit_url)


@require_POST
def withdraw_acceptance_view(request, page_id):
    """Withdraw the acceptance of one finding (by fingerprint): it blocks publishing again."""
    page, refused = _reviewed_page(request, page_id, "withdraw an acceptance")
    if refused:
        return refused
    edit_url = _panel_url(page)
    accepted = AcceptedFinding.objects.filter(page_id=page.pk, fingerprint=request.POST.get("fingerprint", "")).first()
    if accepted is None:
        messages.error(request, "That finding is not accepted (any more); nothing was withdrawn.")
        return redirect(edit_url)
    revoke_acceptance(accepted, request.user)
    messages.success(request, f"Withdrew the acceptance of {accepted.rule}: it blocks publishing again until fixed or accepted.")
    return redirect(edit_url)
