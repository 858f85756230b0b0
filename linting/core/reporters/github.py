"""``--format github``: GitHub Actions workflow commands (``::error file=...,line=...::message``).

Errors become ``::error``, warnings ``::warning``, info ``::notice``; values are escaped the
way the Actions runner expects (``%``, CR, LF; plus ``:`` and ``,`` inside properties).
"""

from __future__ import annotations

from .locate import locate

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _file(path: str) -> str:
    return path.split("#", 1)[0]


def render(report, ctx=None) -> str:
    sources = ctx.sources if ctx else {}
    lines = []
    for doc in report.documents:
        for f in doc.findings:
            props = [f"file={_escape_prop(_file(doc.path))}"]
            pos = locate(sources.get(doc.path), f.excerpt) if f.excerpt else None
            if pos:
                props += [f"line={pos[0]}", f"col={pos[1]}", f"endLine={pos[2]}", f"endColumn={pos[3]}"]
            props.append(f"title={_escape_prop(f.rule)}")
            message = f.message
            if f.section:
                message += f" (section: {f.section})"
            if f.suggestion:
                message += f"\n{f.suggestion}"
            lines.append(f"::{_LEVEL[str(f.severity)]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
