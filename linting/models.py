"""What the CMS stores for the linter: reports per revision, accepted findings, link results.

- :class:`LintReport` is the one stored report per page revision; every view and the publish gate
  read it, and it is recomputed only when the revision's content or the lint config changes.
- :class:`AcceptedFinding` records a reviewer accepting one error finding (who, when, why, on which
  revision); it matches findings by fingerprint, so it lapses when the sentence it covers changes.
- :class:`LinkCheck` is the link checker's cache (the ``LinkCache`` protocol of the core).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone as dt_timezone
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.models import GroupApprovalTask, TaskState

from linting.core.findings import Finding, Severity
from linting.core.links.cache import is_fresh
from linting.core.links.results import LinkResult

MIN_REASON_LENGTH = 20


class LintReport(models.Model):
    revision = models.OneToOneField("wagtailcore.Revision", on_delete=models.CASCADE, related_name="lint_report")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="lint_reports")
    content_hash = models.CharField(max_length=64)
    config_hash = models.CharField(max_length=64)
    findings = models.JSONField(default=list)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    info_count = models.PositiveIntegerField(default=0)
    linted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-linted_at"]
        indexes = [models.Index(fields=["page", "-linted_at"])]

    def __str__(self):
        return f"Lint report for revision {self.revision_id}: {self.error_count} errors"

    def finding_objects(self) -> list[Finding]:
        return [Finding.from_dict(f) for f in self.findings]

    def accepted_fingerprints(self) -> set[str]:
        return set(
            AcceptedFinding.objects.filter(page_id=self.page_id).values_list("fingerprint", flat=True)
        )

    def blocking_findings(self) -> list[Finding]:
        """Error findings no one with the override permission has accepted."""
        accepted = self.accepted_fingerprints()
        return [f for f in self.finding_objects() if f.severity == Severity.ERROR and f.fingerprint not in accepted]


class AcceptedFinding(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="accepted_findings")
    revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")
    fingerprint = models.CharField(max_length=64)
    rule = models.CharField(max_length=100)
    excerpt = models.TextField(blank=True)
    message = models.TextField(blank=True)
    reason = models.TextField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-accepted_at"]
        constraints = [models.UniqueConstraint(fields=["page", "fingerprint"], name="one_acceptance_per_finding")]
        permissions = [("override_finding", "Can accept a lint error finding with a written reason")]

    def __str__(self):
        return f"{self.rule} accepted on page {self.page_id}"

    def clean(self):
        if len((self.reason or "").strip()) < MIN_REASON_LENGTH:
            raise ValidationError({"reason": f"Give a reason of at least {MIN_REASON_LENGTH} characters."})


class LinkCheck(models.Model):
    url = models.TextField()
    url_hash = models.CharField(max_length=64, unique=True)
    ok = models.BooleanField()
    status = models.IntegerField(null=True, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    final_url = models.TextField(blank=True)
    permanent_redirect_to = models.TextField(blank=True)
    checked_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "link check"

    def __str__(self):
        return f"{self.url}: {'ok' if self.ok else self.reason}"

    @staticmethod
    def hash_url(url: str) -> str:
        return hashlib.sha256(url.encode("utf-8")).hexdigest()

    def to_result(self) -> LinkResult:
        return LinkResult(
            url=self.url, ok=self.ok, status=self.status, reason=self.reason,
            final_url=self.final_url or None, permanent_redirect_to=self.permanent_redirect_to or None,
            checked_at=self.checked_at.timestamp(), from_cache=True,
        )


class DatabaseLinkCache:
    """The core's ``LinkCache`` protocol on the LinkCheck model (shared by every worker)."""

    def __init__(self, ttl: float):
        self.ttl = ttl

    def get(self, url: str) -> LinkResult | None:
        row = LinkCheck.objects.filter(url_hash=LinkCheck.hash_url(url)).first()
        if row is None:
            return None
        result = row.to_result()
        return result if is_fresh(result, self.ttl, time.time()) else None

    def set(self, result: LinkResult) -> None:
        LinkCheck.objects.update_or_create(
            url_hash=LinkCheck.hash_url(result.url),
            defaults=dict(
                url=result.url, ok=result.ok, status=result.status, reason=(result.reason or "")[:500],
                final_url=result.final_url or "", permanent_redirect_to=result.permanent_redirect_to or "",
                checked_at=datetime.fromtimestamp(result.checked_at or time.time(), tz=dt_timezone.utc),
            ),
        )


class ContentLintTask(GroupApprovalTask):
    """Workflow task: approves a revision with no unaccepted lint errors by itself, otherwise
    waits for a member of its groups (the "Medical reviewers") to accept findings and approve."""

    AUTO_APPROVED_COMMENT = "Approved automatically: the content linter found no errors."

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        from linting.gate import blocking_findings

        if task_state.revision_id and not blocking_findings(task_state.revision):
            task_state.status = TaskState.STATUS_APPROVED
            task_state.finished_at = timezone.now()
            task_state.comment = self.AUTO_APPROVED_COMMENT
            task_state.save(update_fields=["status", "finished_at", "comment"])
        return task_state

    def get_actions(self, obj, user):
        """While the latest revision has unaccepted lint errors, reviewers are not offered
        "approve" (it would only be refused by the publish gate): they accept the findings in the
        Content quality panel, or send the page back."""
        actions = super().get_actions(obj, user)
        from linting.gate import blocking_findings

        revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
        if revision is not None and blocking_findings(revision):
            actions = [a for a in actions if not a[0].startswith("approve")]
        return actions

    @classmethod
    def get_description(cls):
        return "Approves clean revisions automatically; revisions with lint errors wait for a medical reviewer."

    class Meta:
        verbose_name = "content lint task"
        verbose_name_plural = "content lint tasks"
