"""Facts about a document that several rules need, worked out once per lint run.

Rules are pure functions of (document, config), so whatever one rule derives (is this a
treatment article? which paragraphs are the disclaimer? the claim verdicts) can be handed to
the next. The memo lives on the :class:`LintContext` of the run: a new run (new context, or a
changed config) starts empty, so an edited document is never judged on stale facts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def memo(ctx, doc, key: str, compute: Callable[[], T]) -> T:
    """``compute()`` the first time ``key`` is asked for ``doc`` in this run, the stored value after."""
    runs = ctx.__dict__.setdefault("_analysis", {})
    entry = runs.get(id(doc))
    if entry is None or entry[0] is not doc:
        entry = runs[id(doc)] = (doc, {})
    facts = entry[1]
    if key not in facts:
        facts[key] = compute()
    return facts[key]
