"""The "Broken links" report in the admin's Reports menu.

One row per article whose latest revision's stored report has ``links.broken`` findings (from
``check_links`` runs, internal page/document checks and same-page anchors), with each broken link
and why. Filters by kind of failure, link host and status; CSV and XLSX export as Wagtail's own
reports do (``?export=csv|xlsx``).
"""

import datetime
from urllib.parse import urlsplit

import django_filters
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from linting.filters import STATUS_CHOICES, ContentQualityFilterSet
from linting.models import LintReport
from linting.views.reports import ArticleReportView
from pages.models import ArticlePage

# kind -> words in a links.broken reason that put it in that kind
FAILURE_KINDS = {
    "http": ("HTTP",),
    "unreachable": ("DNS", "timed out", "connection", "TLS", "redirect loop", "too many redirects"),
    "fragment": ("fragment",),
    "internal": ("deleted page", "unpublished page", "deleted document", "deleted image", "no section #"),
    "refused": ("refused", "unsupported scheme"),
}
KIND_CHOICES = [
    ("http", "HTTP error (4xx/5xx)"),
    ("unreachable", "Unreachable (DNS, timeout, TLS, redirects)"),
    ("fragment", "Missing #fragment"),
    ("internal", "Missing or unpublished page, document, image or section"),
    ("refused", "Refused by the safety rules"),
]


def broken_links(findings) -> list[dict]:
    return [f for f in findings or [] if f.get("rule") == "links.broken"]


def failure_kind(finding: dict) -> str:
    text = " ".join(finding.get("cues") or []) + " " + (finding.get("message") or "")
    for kind, words in FAILURE_KINDS.items():
        if any(w.lower() in text.lower() for w in words):
            return kind
    return "other"


def _broken_by_page(pages) -> dict[int, list[dict]]:
    rows = LintReport.objects.filter(revision__in=pages.values("latest_revision_id")).values_list("page_id", "findings")
    return {page_id: broken_links(findings) for page_id, findings in rows}


class BrokenLinksFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label="Failure", choices=KIND_CHOICES, method="filter_kind",
                                       empty_label="Any failure")
    host = django_filters.CharFilter(label="Link host contains", method="filter_host")
    status = django_filters.ChoiceFilter(label="Status", choices=STATUS_CHOICES, method="filter_status",
                                         empty_label="Any status")
    filter_status = ContentQualityFilterSet.filter_status

    def _keep(self, queryset, predicate):
        by_page = _broken_by_page(queryset)
        return queryset.filter(pk__in=[pid for pid, links in by_page.items() if any(predicate(f) for f in links)])

    def filter_kind(self, queryset, name, value):
        return self._keep(queryset, lambda f: failure_kind(f) == value) if value else queryset

    def filter_host(self, queryset, name, value):
        value = (value or "").strip().lower()
        return self._keep(queryset, lambda f: value in urlsplit(f.get("url") or "").netloc.lower()) if value else queryset

    class Meta:
        model = ArticlePage
        fields = []


class BrokenLinksReportView(ArticleReportView):
    page_title = "Broken links"
    header_icon = "link-external"
    index_url_name = "vetted_broken_links_report"
    index_results_url_name = "vetted_broken_links_report_results"
    filterset_class = BrokenLinksFilterSet

    columns = [
        TitleColumn("title", label="Article", sort_key="title",
                    get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk])),
        Column("status_string", label="Status"),
        Column("broken_count", label="Broken links"),
        Column("broken_links_html", label="Links and why"),
        DateColumn("lint_linted_at", label="Last checked", sort_key="lint_linted_at"),
    ]
    list_export = ["title", "url_path", "status_string", "broken_count", "broken_links_text", "lint_linted_at"]
    export_headings = {
        "title": "Title", "url_path": "Path", "status_string": "Status", "broken_count": "Broken links",
        "broken_links_text": "Links and why", "lint_linted_at": "Last checked",
    }

    def get_filename(self):
        return f"broken-links-report-{datetime.date.today():%Y-%m-%d}"

    def get_base_queryset(self):
        pages = self.editable_articles()
        with_broken = [pid for pid, links in _broken_by_page(pages).items() if links]
        report = LintReport.objects.filter(revision_id=OuterRef("latest_revision_id"))
        return pages.filter(pk__in=with_broken).annotate(lint_linted_at=Subquery(report.values("linted_at")[:1]))

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        by_page = _broken_by_page(self.model.objects.filter(pk__in=[p.pk for p in pages])) if pages else {}
        for page in pages:
            links = by_page.get(page.pk, [])
            page.broken_count = len(links)
            items = [(f.get("url") or f.get("excerpt") or "", ", ".join(f.get("cues") or []) or f.get("message"))
                     for f in links]
            page.broken_links_text = "; ".join(f"{url} — {why}" for url, why in items)
            page.broken_links_html = format_html(
                "<ul>{}</ul>", format_html_join("", "<li><code>{}</code> — {}</li>", items))
        return pages
