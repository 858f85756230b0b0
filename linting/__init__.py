"""Vetted's content linter. ``linting.core`` is pure Python; the rest is the Django app side."""
