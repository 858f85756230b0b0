"""The "Content quality" side panel of the ArticlePage editor.

The panel renders server-side from the stored lint report of the page's latest revision (through
:func:`linting.services.report_for_revision`, so it is recomputed only when stale). Wagtail
re-renders side panels on every autosave and on every page load, so the panel is always the
report of what was last saved.

What the panel shows, per section of the article: each finding with its severity, the sentence
with the cue words marked, the suggestion, the rule's documentation and a deep link to the block.
Accepted error findings show who accepted them, when and why; users with the override permission
get an "Accept" form for the others.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.ui.side_panels import BaseSidePanel

from linting.core.findings import Finding, Severity
from linting.core.registry import registry
from linting.models import MIN_REASON_LENGTH, AcceptedFinding
from linting.overrides import can_override

logger = logging.getLogger("vetted.lint")
PANEL_NAME = "content_quality"
# The quoted part of a cue such as "outcome: 'most patients walk'" is the text that fired.
_QUOTED_CUE = re.compile(r"['\u2018\u201c\"](.+?)['\u2019\u201d\"]\s*$")


def block_deep_link(block_id: str | None) -> str | None:
    """The editor's deep link to a body block (Wagtail resolves it on load, see content_path)."""
    return f"#:w:contentpath=body.{block_id}" if block_id else None


def cue_phrases(cues) -> tuple[list[str], list[str]]:
    """Split a finding's cues into text to mark in the sentence and reasons to list."""
    phrases, reasons = [], []
    for cue in cues or ():
        match = _QUOTED_CUE.search(cue)
        if match:
            phrases.append(match.group(1))
        else:
            reasons.append(cue)
    return phrases, reasons


def highlight(excerpt: str | None, phrases) -> SafeString:
    """``excerpt`` escaped, with each phrase (case-insensitive) wrapped in ``<mark>``."""
    text = excerpt or ""
    spans = []
    for phrase in phrases:
        if not phrase:
            continue
        for match in re.finditer(re.escape(phrase), text, flags=re.IGNORECASE):
            spans.append((match.start(), match.end()))
    # Merge overlapping spans so the markup stays well formed.
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(escape(text[pos:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


@dataclass
class PanelFinding:
    finding: Finding
    sentence: SafeString
    reasons: list[str]
    rule_summary: str = ""
    rule_why: str = ""
    rule_fix: str = ""
    rule_help_uri: str = ""
    accepted: AcceptedFinding | None = None
    deep_link: str | None = None

    @property
    def severity(self) -> str:
        return str(self.finding.severity)

    @property
    def is_error(self) -> bool:
        return self.finding.severity == Severity.ERROR

    @property
    def is_blocking(self) -> bool:
        return self.is_error and self.accepted is None


@dataclass
class PanelSection:
    heading: str
    block_id: str | None
    deep_link: str | None
    findings: list[PanelFinding] = field(default_factory=list)


def _rule_docs(rule_id: str) -> dict:
    try:
        rule = registry.get(rule_id)
    except KeyError:
        return {}
    docs = getattr(rule, "docs", None)
    return {
        "rule_summary": getattr(rule, "summary", ""),
        "rule_why": getattr(docs, "why", ""),
        "rule_fix": getattr(docs, "fix", ""),
        "rule_help_uri": rule().help_uri,  # an instance property on Rule
    }


def panel_findings(page, report) -> list[PanelSection]:
    """The report's findings grouped by section, in the order of the page's body.

    Article-level findings (no block) come first under "Whole article".
    """
    accepted = {a.fingerprint: a for a in AcceptedFinding.objects.filter(page_id=page.pk).select_related("user")}
    order = {}
    for index, block in enumerate(getattr(page, "body", None) or []):
        order[block.id] = index
    sections: dict[tuple, PanelSection] = {}
    for finding in report.finding_objects():
        key = (finding.block_id, finding.section if not finding.block_id else None)
        if key not in sections:
            heading = finding.section or ("Whole article" if not finding.block_id else "Untitled section")
            sections[key] = PanelSection(heading=heading, block_id=finding.block_id,
                                         deep_link=block_deep_link(finding.block_id))
        phrases, reasons = cue_phrases(finding.cues)
        text = (finding.excerpt or "").casefold()
        # A cue that cannot be marked in the sentence is still worth showing as a reason.
        reasons += [f"“{p}”" for p in phrases if p.casefold() not in text]
        sections[key].findings.append(PanelFinding(
            finding=finding,
            sentence=highlight(finding.excerpt, phrases) if finding.excerpt else mark_safe(""),
            reasons=reasons,
            accepted=accepted.get(finding.fingerprint) if finding.severity == Severity.ERROR else None,
            deep_link=block_deep_link(finding.block_id),
            **_rule_docs(finding.rule),
        ))
    for section in sections.values():
        section.findings.sort(key=lambda pf: -int(pf.finding.severity))
    return sorted(
        sections.values(),
        key=lambda s: (s.block_id is not None, order.get(s.block_id, len(order))),
    )


class ContentQualitySidePanel(BaseSidePanel):
    """Side panel listing the latest revision's lint findings (see the module docstring)."""

    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = "Toggle content quality"
        icon_name = "warning"

        def get_context_data(self, parent_context):
            context = super().get_context_data(parent_context)
            context["count"] = self.panel.open_count
            return context

        @property
        def counter_classname(self):
            return "w-bg-critical-200" if self.panel.blocking_count else "w-bg-surface-button-default"

    lint_failed = False
    name = PANEL_NAME
    title = "Content quality"
    template_name = "linting/side_panels/content_quality.html"
    order = 150  # right after Status

    class Media:
        js = [versioned_static("linting/content_quality.js")]
        css = {"all": [versioned_static("linting/content_quality.css")]}

    @cached_property
    def revision(self):
        if not self.object.pk:
            return None
        return self.object.get_latest_revision()

    @cached_property
    def report(self):
        from linting.services import report_for_revision

        if not self.revision:
            return None
        try:
            return report_for_revision(self.revision)
        except Exception:  # noqa: BLE001 - a linter bug must not lock editors out of the page
            logger.exception("Content quality panel: linting revision %s failed", self.revision.pk)
            self.lint_failed = True
            return None

    @cached_property
    def sections(self) -> list[PanelSection]:
        return panel_findings(self.object, self.report) if self.report else []

    @cached_property
    def all_findings(self) -> list[PanelFinding]:
        return [pf for section in self.sections for pf in section.findings]

    @property
    def blocking_count(self) -> int:
        return sum(1 for pf in self.all_findings if pf.is_blocking)

    @property
    def open_count(self) -> int:
        return sum(1 for pf in self.all_findings if pf.accepted is None)

    def blocked_blocks(self) -> list[dict]:
        """Blocking findings as data for the script that marks blocks after a refused publish."""
        return [
            {"block_id": pf.finding.block_id, "rule": pf.finding.rule, "message": pf.finding.message,
             "excerpt": pf.finding.excerpt or ""}
            for pf in self.all_findings if pf.is_blocking and pf.finding.block_id
        ]

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        counts = {s: sum(1 for pf in self.all_findings if pf.severity == s) for s in ("error", "warning", "info")}
        context.update({
            "revision": self.revision,
            "report": self.report,
            "lint_failed": self.lint_failed,
            "sections": self.sections,
            "counts": counts,
            "blocking_count": self.blocking_count,
            "can_override": can_override(user),
            "min_reason_length": MIN_REASON_LENGTH,
            "accept_url": reverse("vetted_accept_finding", args=[self.object.pk]) if self.object.pk else "",
            "withdraw_url": reverse("vetted_withdraw_acceptance", args=[self.object.pk]) if self.object.pk else "",
            "blocked_blocks": self.blocked_blocks(),
        })
        return context
