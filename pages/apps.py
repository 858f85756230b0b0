from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Health articles"
    default_auto_field = "django.db.models.BigAutoField"
