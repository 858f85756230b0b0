"""Admin wiring of the linter: the gated publish action, the audit-log action, the editor panel,
the reports. Everything the linting app adds to Wagtail is registered here."""

from django.urls import reverse
from wagtail import hooks
from wagtail.models import Page

from linting.bulk_actions import GatedPublishBulkAction
from linting.gate import GatedPublishPageRevisionAction


@hooks.register("register_actions")
def register_gated_publish(registry):
    # The v3 API's actions/publish/ endpoint looks the publish action up for Page.
    registry.register(Page, GatedPublishPageRevisionAction)


@hooks.register("register_log_actions")
def register_lint_log_actions(actions):
    def accepted_message(log_entry):
        data = log_entry.data or {}
        return f"Accepted lint finding {data.get('rule', '')}: {data.get('reason', '')}"

    actions.register_action("vetted.accept_finding", "Accept lint finding", accepted_message)

    def withdrawn_message(log_entry):
        data = log_entry.data or {}
        return f"Withdrew the acceptance of lint finding {data.get('rule', '')}"

    actions.register_action("vetted.withdraw_acceptance", "Withdraw lint finding acceptance", withdrawn_message)
    actions.register_action("vetted.publish_blocked", "Publish blocked by lint", "Publishing blocked by lint errors")

    def disclaimer_override_message(log_entry):
        data = log_entry.data or {}
        return f"Saved despite new lint errors on {len(data.get('pages', []))} live article(s): {data.get('reason', '')}"

    actions.register_action(
        "vetted.override_disclaimer_change", "Save disclaimer despite lint errors", disclaimer_override_message
    )


@hooks.register("before_publish_page")
def refuse_blocked_publish(request, page):
    """Admin create/edit views: turn a gate refusal into the edit page with the findings listed.

    The draft is already saved. The gate itself runs in the publish action / model save, so this
    hook only changes how a refusal looks; removing it would not let anything through.
    """
    from django.contrib import messages
    from django.shortcuts import redirect
    from wagtail.log_actions import log

    from linting.gate import PublishBlocked, blocking_findings, is_gated

    if not is_gated(page):
        return None
    revision = page.get_latest_revision()
    findings = blocking_findings(revision)
    if not findings:
        return None
    log(instance=page, action="vetted.publish_blocked", user=request.user, revision=revision,
        data={"findings": [f.fingerprint for f in findings]})
    messages.error(request, PublishBlocked(page, revision, findings).args[0])
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]) + "?lint=blocked")


# Registered after Wagtail's own publish bulk action (order=100), so it replaces it.
hooks.register("register_bulk_action", GatedPublishBulkAction, order=100)


@hooks.register("register_admin_viewset")
def register_article_page_viewset():
    """The ArticlePage create/edit views with the Content quality side panel (linting.views.editor)."""
    from linting.views.editor import article_page_viewset

    return article_page_viewset()


@hooks.register("register_admin_urls")
def register_linting_admin_urls():
    from linting.urls_admin import urlpatterns

    return urlpatterns


def _article_report_menu_item(label, url_name, name, icon, order):
    from wagtail.admin.menu import MenuItem
    from wagtail.permission_policies.pages import PagePermissionPolicy

    class ArticleReportMenuItem(MenuItem):
        def is_shown(self, request):
            return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])

    return ArticleReportMenuItem(label, reverse(url_name), name=name, icon_name=icon, order=order)


@hooks.register("register_reports_menu_item")
def register_content_quality_report_menu_item():
    return _article_report_menu_item(
        "Content quality", "vetted_content_quality_report", "content-quality", "warning", 1150)


@hooks.register("register_reports_menu_item")
def register_broken_links_report_menu_item():
    return _article_report_menu_item(
        "Broken links", "vetted_broken_links_report", "broken-links", "link-external", 1160)
