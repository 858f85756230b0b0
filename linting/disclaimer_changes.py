"""Editing a shared disclaimer changes live articles without a publish: the gate applies to it too.

A Disclaimer snippet is shown on every live article that chose it, and the site defaults (one
per kind) on every live article that chose no disclaimers at all. So saving a new wording (or
making a disclaimer the default, or no longer the default) is a publish of all those articles
that never passes through the page publish action. :class:`DisclaimerForm` lints each of them as
it is live, once with the disclaimers it shows now and once with the ones it would show after the
save, and refuses the save when an error finding would appear that the article does not have now
and no one has accepted. A user with ``linting.override_finding`` who may edit every one of those
articles may save anyway with a written reason: each new finding is then accepted on its article
with that reason (``linting.overrides.accept_finding``, logged on the page, so the article can
still be published), and the disclaimer's own audit log lists them all.

Only the admin's snippet form runs this check; code that saves a Disclaimer directly is trusted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django import forms
from django.db import transaction
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.log_actions import log

from linting.core.engine import lint_document
from linting.core.findings import Finding, Severity
from linting.models import MIN_REASON_LENGTH, AcceptedFinding
from linting.overrides import accept_finding, can_override

OVERRIDE_ACTION = "vetted.override_disclaimer_change"
logger = logging.getLogger("vetted.lint")


@dataclass
class NewErrors:
    """Error findings a live article would get from the disclaimer change."""

    page: object
    findings: list[Finding]


def _effective_after(page, changed) -> list:
    """The disclaimers ``page`` would show once ``changed`` (an unsaved Disclaimer) is saved."""
    from pages.snippets import Disclaimer

    chosen = list(page.disclaimers.all())
    if chosen:
        after = [changed if d.pk == changed.pk else d for d in chosen]
    else:
        after = [d for d in Disclaimer.objects.filter(is_default=True) if d.pk != changed.pk]
        if changed.is_default:
            after.append(changed)
    return sorted(after, key=_order)


def _order(disclaimer) -> tuple[str, str]:
    return (disclaimer.kind, disclaimer.title)  # Disclaimer.Meta.ordering


def affected_live_articles(changed) -> list:
    """Live articles whose disclaimers the save of ``changed`` would alter."""
    from pages.models import ArticlePage
    from pages.snippets import Disclaimer

    was_default = bool(changed.pk) and Disclaimer.objects.filter(pk=changed.pk, is_default=True).exists()
    live = ArticlePage.objects.live().specific()
    pages = {}
    if changed.pk:
        for page in live.filter(disclaimers=changed.pk):
            pages[page.pk] = page
    if was_default or changed.is_default:
        for page in live.filter(disclaimers__isnull=True):
            pages[page.pk] = page
    return [pages[pk] for pk in sorted(pages)]


def _errors(page, disclaimers, config) -> dict[str, Finding]:
    from linting.services import link_results_for
    from linting.sources.wagtail import document_for_page, page_to_api_dict

    data = page_to_api_dict(page)
    data["disclaimers"] = [{"kind": d.kind, "text": d.text} for d in disclaimers]
    doc = document_for_page(page, data)
    report = lint_document(doc, config, link_results=link_results_for(doc, config))
    return {f.fingerprint: f for f in report.findings if f.severity == Severity.ERROR}


def new_errors(changed) -> list[NewErrors]:
    """For each live article the change affects, the unaccepted error findings it would add."""
    from linting.services import project_config

    config, _ = project_config()
    out = []
    for page in affected_live_articles(changed):
        before = _errors(page, sorted(page.effective_disclaimers(), key=_order), config)
        after = _errors(page, _effective_after(page, changed), config)
        accepted = set(AcceptedFinding.objects.filter(page_id=page.pk).values_list("fingerprint", flat=True))
        added = [f for fp, f in after.items() if fp not in before and fp not in accepted]
        if added:
            out.append(NewErrors(page, added))
    return out


def _reads_differently(changed) -> bool:
    """Whether the linter could see the change: its kind, default status, or the text and links
    of its wording (the rich text editor rewrites markup, such as block keys, on every save)."""
    from pages.snippets import Disclaimer

    from linting.sources.richtext import fragment_to_text

    stored = Disclaimer.objects.filter(pk=changed.pk).first() if changed.pk else None
    if stored is None:
        return True

    def read(disclaimer):
        frag = fragment_to_text(disclaimer.text)
        return disclaimer.kind, disclaimer.is_default, frag.text, [(link.url, link.text) for link in frag.links]

    return read(stored) != read(changed)


def _describe(problems: list[NewErrors], limit: int = 5) -> str:
    parts = []
    for item in problems[:limit]:
        rules = ", ".join(sorted({f.rule for f in item.findings}))
        parts.append(f"“{item.page.title}” ({rules})")
    more = f" and {len(problems) - limit} more" if len(problems) > limit else ""
    return "; ".join(parts) + more


class DisclaimerForm(WagtailAdminModelForm):
    """The Disclaimer snippet form: a change that would give live articles new error findings is
    refused, or saved with a reviewer's written reason kept in the audit log."""

    override_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason for saving despite lint errors",
        help_text="Only needed when this change would give live articles new lint errors. Medical reviewers "
        f"may save such a change with a reason of at least {MIN_REASON_LENGTH} characters; it is kept in the audit log.",
    )

    def _post_clean(self):
        # The instance holds the submitted values only after the model form's own _post_clean.
        super()._post_clean()
        self._problems = []
        if self.errors or not _reads_differently(self.instance):
            return  # invalid, or nothing the linter reads changed (a new title, say)
        try:
            self._problems = new_errors(self.instance)
        except Exception as exc:  # noqa: BLE001 - refuse rather than let an unchecked change through
            logger.exception("Linting the articles a disclaimer change affects failed")
            self.add_error(None, f"The live articles this change affects could not be linted ({exc}); nothing was saved.")
            return
        if not self._problems:
            return
        summary = (
            f"This change would give {len(self._problems)} live article(s) new lint errors: "
            f"{_describe(self._problems)}."
        )
        user = self.for_user
        if not can_override(user):
            self.add_error(None, summary + " Fix the wording, or ask a medical reviewer to save it with a reason.")
            return
        barred = [item.page for item in self._problems if not item.page.permissions_for_user(user).can_edit()]
        if barred:
            titles = ", ".join(f"“{page.title}”" for page in barred[:5]) + (" and more" if len(barred) > 5 else "")
            self.add_error(None, summary + f" You may not edit {titles}, so you cannot accept their findings.")
        elif len((self.cleaned_data.get("override_reason") or "").strip()) < MIN_REASON_LENGTH:
            self.add_error(None, summary)
            self.add_error(
                "override_reason", f"To save it anyway, give a reason of at least {MIN_REASON_LENGTH} characters."
            )

    @transaction.atomic
    def save(self, commit=True):
        instance = super().save(commit=commit)
        if not self._problems:
            return instance
        reason = self.cleaned_data["override_reason"].strip()
        for item in self._problems:
            for finding in item.findings:
                accept_finding(item.page, item.page.live_revision, finding, self.for_user, reason)
        log(
            instance=instance,
            action=OVERRIDE_ACTION,
            user=self.for_user,
            data={
                "reason": reason,
                "pages": [
                    {"id": item.page.pk, "title": item.page.title,
                     "findings": [{"rule": f.rule, "fingerprint": f.fingerprint, "message": f.message}
                                  for f in item.findings]}
                    for item in self._problems
                ],
            },
        )
        return instance
