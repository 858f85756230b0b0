"""Project-level guarantees: migrations are complete, production refuses unsafe settings."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from tests.conftest import REPO_DIR


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _import_production(env_extra):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "WAGTAILADMIN_BASE_URL")}
    env.update(env_extra, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=REPO_DIR, env=env, capture_output=True, text=True,
    )


@pytest.mark.parametrize(
    "env, message",
    [
        ({}, "SECRET_KEY"),
        ({"SECRET_KEY": "django-insecure-vetted-dev-only"}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 60, "WAGTAILADMIN_BASE_URL": "https://cms.example.org", "DEBUG": "1"}, "DEBUG"),
        ({"SECRET_KEY": "x" * 40}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 60}, "WAGTAILADMIN_BASE_URL"),
    ],
)
def test_production_refuses_unsafe_settings(env, message):
    result = _import_production(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_production_starts_with_a_real_key():
    result = _import_production({"SECRET_KEY": "k3y-" + "a1b2c3d4" * 7, "ALLOWED_HOSTS": "cms.example.org",
                                 "WAGTAILADMIN_BASE_URL": "https://cms.example.org"})
    assert result.returncode == 0, result.stderr
