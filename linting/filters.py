"""Filters of the Content quality report (django-filter, as Wagtail's own reports use).

The report's queryset is annotated with the counts of each article's latest stored report
(see :mod:`linting.views.reports`); the rule filter reads the stored findings.
"""

import django_filters
from django.db.models import Q

from wagtail.admin.filters import WagtailFilterSet

from linting.core.registry import registry
from linting.models import AcceptedFinding, LintReport
from pages.models import ArticlePage

SEVERITY_CHOICES = [
    ("error", "Has errors"),
    ("blocking", "Has errors not accepted (blocks publishing)"),
    ("warning", "Has warnings"),
    ("info", "Has info findings"),
    ("clean", "No findings"),
    ("unchecked", "Not checked yet"),
]
STATUS_CHOICES = [
    ("live", "Live"),
    ("live_draft", "Live with unpublished changes"),
    ("draft", "Draft (never published or unpublished)"),
]


def rule_choices():
    return [(rule_id, rule_id) for rule_id in registry.ids()]


def _latest_reports(pages):
    return LintReport.objects.filter(revision__in=pages.values("latest_revision_id")).values_list("page_id", "findings")


def pages_with_rule(pages, rule_id: str) -> set[int]:
    """Ids of pages whose latest revision's stored report has a finding of ``rule_id``.

    Done in Python over the stored JSON so it works the same on SQLite and PostgreSQL.
    """
    return {
        page_id for page_id, findings in _latest_reports(pages)
        if any(f.get("rule") == rule_id for f in findings or [])
    }


def blocking_counts(pages) -> dict[int, int]:
    """Page id -> number of error findings in its latest stored report that no one has accepted."""
    accepted: dict[int, set[str]] = {}
    for page_id, fingerprint in AcceptedFinding.objects.filter(page__in=pages.values("pk")).values_list(
        "page_id", "fingerprint"
    ):
        accepted.setdefault(page_id, set()).add(fingerprint)
    return {
        page_id: sum(
            1 for f in findings or []
            if f.get("severity") == "error" and f.get("fingerprint") not in accepted.get(page_id, ())
        )
        for page_id, findings in _latest_reports(pages)
    }


class ContentQualityFilterSet(WagtailFilterSet):
    rule = django_filters.ChoiceFilter(label="Rule", choices=rule_choices, method="filter_rule",
                                       empty_label="Any rule")
    severity = django_filters.ChoiceFilter(label="Findings", choices=SEVERITY_CHOICES, method="filter_severity",
                                           empty_label="Any")
    status = django_filters.ChoiceFilter(label="Status", choices=STATUS_CHOICES, method="filter_status",
                                         empty_label="Any status")

    def filter_rule(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=pages_with_rule(queryset, value))

    def filter_severity(self, queryset, name, value):
        if value in ("error", "warning", "info"):
            return queryset.filter(**{f"lint_{value}_count__gt": 0})
        if value == "blocking":
            counts = blocking_counts(queryset)
            return queryset.filter(pk__in=[page_id for page_id, n in counts.items() if n])
        if value == "clean":
            return queryset.filter(lint_error_count=0, lint_warning_count=0, lint_info_count=0)
        if value == "unchecked":
            return queryset.filter(lint_linted_at__isnull=True)
        return queryset

    def filter_status(self, queryset, name, value):
        if value == "live":
            return queryset.filter(live=True, has_unpublished_changes=False)
        if value == "live_draft":
            return queryset.filter(live=True, has_unpublished_changes=True)
        if value == "draft":
            return queryset.filter(Q(live=False))
        return queryset

    class Meta:
        model = ArticlePage
        fields = []  # every filter is declared above
