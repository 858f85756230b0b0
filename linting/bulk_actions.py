"""Bulk publish through the gate: pages the gate blocks are skipped and listed, the rest publish.

Wagtail's own bulk publish would stop at the first refused page (the gate raises); this keeps the
same confirmation screen and publishes page by page, so one blocked article does not hold up the
others, and tells the editor which ones were refused and why.
"""

from django.contrib import messages
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction

from linting.gate import PublishBlocked


class GatedPublishBulkAction(PublishBulkAction):
    def get_execution_context(self):
        self.blocked: list[PublishBlocked] = []
        return {**super().get_execution_context(), "blocked": self.blocked}

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, blocked=None, **kwargs):
        published = children = 0
        blocked = blocked if blocked is not None else []

        def publish(page):
            revision = page.get_latest_revision() or page.specific.save_revision(user=user)
            try:
                revision.publish(user=user)
            except PublishBlocked as exc:
                blocked.append(exc)
                return False
            return True

        for page in objects:
            published += publish(page)
            if include_descendants:
                for child in page.get_descendants().not_live().defer_streamfields().specific().iterator():
                    if user is None or child.permissions_for_user(user).can_publish():
                        children += publish(child)
        return published, children

    def get_success_message(self, num_parent_objects, num_child_objects):
        for exc in getattr(self, "blocked", []):
            messages.error(self.request, exc.args[0])
        if not num_parent_objects and not num_child_objects:
            return None
        return super().get_success_message(num_parent_objects, num_child_objects)
