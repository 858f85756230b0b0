"""Settings for pytest: fast hashing, tasks run immediately, an isolated media dir."""

import tempfile

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "vetted-test-key-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "links": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="vetted-test-media-")
