"""Admin URLs of the linting app, mounted under /admin/ by the register_admin_urls hook (so
Wagtail's admin-access check applies to all of them)."""

from django.urls import path

from linting.views.accept import accept_finding_view, withdraw_acceptance_view
from linting.views.broken_links import BrokenLinksReportView
from linting.views.reports import ContentQualityReportView

urlpatterns = [
    path("vetted/pages/<int:page_id>/accept-finding/", accept_finding_view, name="vetted_accept_finding"),
    path("vetted/pages/<int:page_id>/withdraw-acceptance/", withdraw_acceptance_view, name="vetted_withdraw_acceptance"),
    path("reports/content-quality/", ContentQualityReportView.as_view(), name="vetted_content_quality_report"),
    path(
        "reports/content-quality/results/",
        ContentQualityReportView.as_view(results_only=True),
        name="vetted_content_quality_report_results",
    ),
    path("reports/broken-links/", BrokenLinksReportView.as_view(), name="vetted_broken_links_report"),
    path(
        "reports/broken-links/results/",
        BrokenLinksReportView.as_view(results_only=True),
        name="vetted_broken_links_report_results",
    ),
]
