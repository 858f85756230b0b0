"""The "Content quality" report in the admin's Reports menu.

One row per ArticlePage the user can edit: the error / warning / info counts of the stored
report of its latest revision, how many errors still block publishing, the number of accepted
findings, when it was last checked and its live/draft status. Filters by rule, findings and
status; CSV and XLSX export through Wagtail's SpreadsheetExportMixin (``?export=csv|xlsx``), as
Wagtail's own reports do.

Counts come from stored reports (one query, no re-linting while listing); an article saved while
linting was switched off shows as "not checked" until its report is next computed.
"""

import datetime

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from linting.filters import ContentQualityFilterSet, blocking_counts
from linting.models import AcceptedFinding, LintReport
from pages.models import ArticlePage


def _count_or_dash(name):
    def accessor(page):
        value = getattr(page, name, None)
        return "–" if value is None else value

    return accessor


class ArticleReportView(ReportView):
    """What the linting reports share: articles the user may edit, stable ordering, 50 a page."""

    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    model = ArticlePage

    def editable_articles(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        return self.model.objects.filter(pk__in=editable.values("pk"))

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "title", "pk")


class ContentQualityReportView(ArticleReportView):
    page_title = "Content quality"
    header_icon = "warning"
    index_url_name = "vetted_content_quality_report"
    index_results_url_name = "vetted_content_quality_report_results"
    filterset_class = ContentQualityFilterSet
    default_ordering = "-lint_error_count"

    columns = [
        TitleColumn("title", label="Article", sort_key="title",
                    get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk])),
        Column("status_string", label="Status"),
        Column("lint_error_count", label="Errors", accessor=_count_or_dash("lint_error_count"),
               sort_key="lint_error_count"),
        Column("lint_blocking_count", label="Blocking", accessor=_count_or_dash("lint_blocking_count")),
        Column("lint_warning_count", label="Warnings", accessor=_count_or_dash("lint_warning_count"),
               sort_key="lint_warning_count"),
        Column("lint_info_count", label="Info", accessor=_count_or_dash("lint_info_count"),
               sort_key="lint_info_count"),
        Column("lint_accepted_count", label="Accepted", sort_key="lint_accepted_count"),
        DateColumn("lint_linted_at", label="Last checked", sort_key="lint_linted_at"),
    ]

    list_export = [
        "title", "url_path", "status_string", "lint_error_count", "lint_blocking_count", "lint_warning_count",
        "lint_info_count", "lint_accepted_count", "lint_linted_at",
    ]
    export_headings = {
        "title": "Title",
        "url_path": "Path",
        "status_string": "Status",
        "lint_error_count": "Errors",
        "lint_blocking_count": "Blocking errors",
        "lint_warning_count": "Warnings",
        "lint_info_count": "Info",
        "lint_accepted_count": "Accepted findings",
        "lint_linted_at": "Last checked",
    }

    def get_filename(self):
        return f"content-quality-report-{datetime.date.today():%Y-%m-%d}"

    def get_base_queryset(self):
        report = LintReport.objects.filter(revision_id=OuterRef("latest_revision_id"))
        accepted = (
            AcceptedFinding.objects.filter(page_id=OuterRef("pk"))
            .order_by().values("page_id").annotate(n=Count("pk")).values("n")
        )
        return (
            self.editable_articles()
            .annotate(
                lint_error_count=Subquery(report.values("error_count")[:1]),
                lint_warning_count=Subquery(report.values("warning_count")[:1]),
                lint_info_count=Subquery(report.values("info_count")[:1]),
                lint_linted_at=Subquery(report.values("linted_at")[:1]),
                lint_accepted_count=Coalesce(Subquery(accepted, output_field=IntegerField()), Value(0)),
            )
        )

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        counts = blocking_counts(self.model.objects.filter(pk__in=[p.pk for p in pages])) if pages else {}
        for page in pages:
            page.lint_blocking_count = counts.get(page.pk)
        return pages
