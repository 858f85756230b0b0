"""Accepting an error finding: the one way past the gate, kept in the audit log.

Only users with ``linting.override_finding`` (the "Medical reviewers" group) may accept, with a
written reason of at least 20 characters. The acceptance is tied to the finding's fingerprint
(rule + normalised sentence), so it lapses as soon as the sentence it covers changes. The same
users may withdraw an acceptance; that is logged too.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from linting.core.findings import Finding
from linting.models import MIN_REASON_LENGTH, AcceptedFinding

OVERRIDE_PERMISSION = "linting.override_finding"


def can_override(user) -> bool:
    return bool(user and user.is_active and user.has_perm(OVERRIDE_PERMISSION))


@transaction.atomic
def accept_finding(page, revision, finding: Finding, user, reason: str) -> AcceptedFinding:
    if not can_override(user):
        raise PermissionDenied("Only medical reviewers can accept lint findings.")
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(f"Give a reason of at least {MIN_REASON_LENGTH} characters.")
    accepted, _ = AcceptedFinding.objects.update_or_create(
        page_id=page.pk,
        fingerprint=finding.fingerprint,
        defaults=dict(
            revision=revision, rule=finding.rule, excerpt=finding.excerpt or "", message=finding.message,
            reason=reason, user=user,
        ),
    )
    log(
        instance=page,
        action="vetted.accept_finding",
        user=user,
        revision=revision,
        data={"rule": finding.rule, "fingerprint": finding.fingerprint, "excerpt": finding.excerpt,
              "message": finding.message, "reason": reason},
    )
    return accepted


@transaction.atomic
def revoke_acceptance(accepted: AcceptedFinding, user) -> None:
    """Withdraw an acceptance: the finding blocks publishing again (live content is not touched)."""
    if not can_override(user):
        raise PermissionDenied("Only medical reviewers can withdraw an acceptance.")
    page = accepted.page.specific
    log(
        instance=page,
        action="vetted.withdraw_acceptance",
        user=user,
        data={"rule": accepted.rule, "fingerprint": accepted.fingerprint, "excerpt": accepted.excerpt,
              "reason": accepted.reason, "accepted_by": accepted.user.get_username() if accepted.user else None},
    )
    accepted.delete()
