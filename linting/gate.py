"""The publish gate: one check that every way of publishing an ArticlePage goes through.

:func:`check_publishable` reads the stored lint report of the revision being published (re-linting
it if stale) and raises :class:`PublishBlocked` while error findings remain that no one with the
``linting.override_finding`` permission has accepted. It is reached from two places, both at the
action/model level rather than in views:

- :class:`GatedPublishPageRevisionAction` — the page publish action. ``ArticlePage.publish`` (and
  so ``revision.publish()``, the create view, bulk publish, workflow approval, scheduled go-live and
  the v3 API's PATCH-with-publish) uses it, and it replaces Wagtail's publish action in the action
  registry, which the v3 ``actions/publish/`` endpoint looks up.
- ``ArticlePage.save`` — a backstop for code that builds Wagtail's own publish action directly
  (the admin edit view does) or sets ``live_revision`` by hand: a page cannot be saved live on a
  revision the gate has not passed.

Drafts always save: nothing here runs for a save that does not make a revision live.
"""

from __future__ import annotations

import logging

from wagtail.actions.publish_page_revision import PublishPagePermissionError, PublishPageRevisionAction

from linting.core.findings import Finding

# Set on a page instance once the action has checked a revision, so the save backstop does not
# lint the same revision twice within one publish.
_CHECKED_ATTR = "_vetted_gate_passed_revision"


class PublishBlocked(PublishPagePermissionError):
    """Raised instead of publishing; ``findings`` are the unaccepted error findings."""

    def __init__(self, page, revision, findings: list[Finding]):
        self.page, self.revision, self.findings = page, revision, findings
        lines = [f"{f.rule}: {f.message}" + (f" — “{_short(f.excerpt)}”" if f.excerpt else "") for f in findings]
        shown = "; ".join(lines[:8]) + (f"; and {len(lines) - 8} more" if len(lines) > 8 else "")
        super().__init__(
            f"“{page.title}” cannot be published: {len(findings)} error finding(s) must be fixed "
            f"or accepted by a medical reviewer: {shown}"
        )


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_gated(page) -> bool:
    from pages.models import ArticlePage

    return isinstance(page, ArticlePage)


def blocking_findings(revision) -> list[Finding]:
    from linting.services import report_for_revision

    return report_for_revision(revision).blocking_findings()


def check_publishable(page, revision) -> None:
    """Raise PublishBlocked if ``revision`` of ``page`` has unaccepted error findings."""
    if not is_gated(page) or getattr(page, _CHECKED_ATTR, None) == revision.pk:
        return
    findings = blocking_findings(revision)
    if findings:
        raise PublishBlocked(page, revision, findings)
    setattr(page, _CHECKED_ATTR, revision.pk)


class GatedPublishPageRevisionAction(PublishPageRevisionAction):
    """Wagtail's page publish action, refusing revisions the lint gate blocks.

    The gate is not a permission check, so ``skip_permission_checks`` does not skip it.
    """

    def execute(self, skip_permission_checks=False):
        self.check(skip_permission_checks=skip_permission_checks)
        check_publishable(self.object, self.revision)
        return super().execute(skip_permission_checks=True)


SCHEDULED_LOG_ACTION = "wagtail.publish.scheduled"
logger = logging.getLogger("vetted.gate")


def publish_page(page, revision, *, user=None, changed=True, log_action=True, previous_revision=None,
                 skip_permission_checks=False):
    """``ArticlePage.publish``: publish through the gate.

    Scheduled go-live (``publish_scheduled`` passes its own log action) must not crash the whole
    run for one blocked page: the refusal is logged on the page, the revision's approval to go
    live is withdrawn, and the other scheduled pages still publish.
    """
    action = GatedPublishPageRevisionAction(
        revision, user=user, changed=changed, log_action=log_action, previous_revision=previous_revision,
    )
    if log_action != SCHEDULED_LOG_ACTION:
        return action.execute(skip_permission_checks=skip_permission_checks)
    from django.db import transaction
    from wagtail.log_actions import log

    try:
        with transaction.atomic():
            return action.execute(skip_permission_checks=skip_permission_checks)
    except PublishBlocked as blocked:
        type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        log(instance=page, action="vetted.publish_blocked", user=user, revision=revision,
            data={"scheduled": True, "findings": [f.fingerprint for f in blocked.findings]})
    except Exception:  # noqa: BLE001 - fail closed for this page, keep publishing the others
        logger.exception("Scheduled publishing of page %s revision %s failed", page.pk, revision.pk)
    return None
