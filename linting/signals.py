"""Lint on save: every saved ArticlePage revision gets its stored report right away.

Whatever saved the revision (admin, API v3 write, importer, code), the report is ready for the
editor panel and the publish gate. Setting ``VETTED_LINT_ON_SAVE = False`` defers linting to the
first read of the report (the gate still lints before publishing). A linter failure is logged and
never stops a draft from saving.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Revision

logger = logging.getLogger("vetted.lint")


@receiver(post_save, sender=Revision, dispatch_uid="vetted_lint_on_save")
def lint_new_revision(sender, instance, created, raw=False, update_fields=None, **kwargs):
    # New revisions, and revisions overwritten in place (Wagtail's autosave); not bookkeeping
    # updates such as approved_go_live_at.
    if raw or not getattr(settings, "VETTED_LINT_ON_SAVE", True):
        return
    if not created and update_fields is not None and "content" not in update_fields:
        return
    from pages.models import ArticlePage

    model = instance.content_type.model_class() if instance.content_type_id else None
    if model is None or not issubclass(model, ArticlePage):
        return
    from linting.services import report_for_revision

    try:
        with transaction.atomic():  # a savepoint, so a failure cannot break the caller's transaction
            report_for_revision(instance)
    except Exception:  # noqa: BLE001 - a linter bug must not lose an editor's draft
        logger.exception("Linting revision %s failed", instance.pk)
