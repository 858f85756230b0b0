"""Adapters that build a core :class:`~linting.core.document.Document` from outside input.

``files`` (and the per-format modules it dispatches to) need no Django; ``wagtail`` builds a
document from a page revision and is only imported on the CMS side.
"""
