"""Local development (`make run`): DEBUG on, an insecure key that production refuses."""

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "django-insecure-vetted-dev-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
