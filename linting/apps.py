from django.apps import AppConfig


class LintingConfig(AppConfig):
    name = "linting"
    verbose_name = "Content linting"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (lint on save)
