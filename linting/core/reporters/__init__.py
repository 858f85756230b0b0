"""Reporters: render a :class:`~linting.core.findings.Report` as text, JSON, SARIF, JUnit or GitHub commands.

Each reporter is a module with ``render(report, ctx) -> str``, registered here by name and
imported only when asked for, so the CLI starts fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

REPORTERS = {
    "text": "linting.core.reporters.text",
    "json": "linting.core.reporters.json",
    "sarif": "linting.core.reporters.sarif",
    "junit": "linting.core.reporters.junit",
    "github": "linting.core.reporters.github",
}


@dataclass
class ReportContext:
    """What a reporter may use besides the report.

    ``rules``: the rule classes that ran (JUnit passing cases, SARIF rule metadata);
    ``sources``: document path -> raw input text (line/column positions);
    ``color``: emit ANSI colour (text reporter only).
    """

    rules: list = field(default_factory=list)
    sources: dict = field(default_factory=dict)
    color: bool = False
    tool_version: str = "1.0.0"


def names() -> list[str]:
    return list(REPORTERS)


def get_reporter(name: str) -> Callable:
    """The ``render(report, ctx)`` function of reporter ``name``; KeyError for unknown names."""
    try:
        module = REPORTERS[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r} (expected one of: {', '.join(REPORTERS)})") from None
    return importlib.import_module(module).render
