"""``--format text``: findings grouped by document, then section, for people at a terminal.

Colour (ANSI) only when the caller says the stream is a TTY and NO_COLOR is unset; the cue
words that made a rule fire are highlighted in the sentence (in plain text they are listed).
"""

from __future__ import annotations

import re
import textwrap

from .locate import locate

_STYLE = {
    "error": "\033[1;31m",
    "warning": "\033[1;33m",
    "info": "\033[1;36m",
    "dim": "\033[2m",
    "bold": "\033[1m",
    "cue": "\033[1;4;35m",
    "reset": "\033[0m",
}


class _Paint:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str, text: str) -> str:
        return f"{_STYLE[style]}{text}{_STYLE['reset']}" if self.color and text else text


def highlight(sentence: str, cues, paint: _Paint) -> str:
    """The sentence with each cue (case-insensitive, whole-word where possible) painted."""
    words = sorted({c for c in cues if c and c.strip()}, key=len, reverse=True)
    if not paint.color or not words:
        return sentence
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in words), re.I)
    if not pattern.search(sentence):
        pattern = re.compile("|".join(re.escape(w) for w in words), re.I)
    return pattern.sub(lambda m: paint("cue", m.group(0)), sentence)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"


def _section_label(f) -> str:
    if f.section and f.block_id:
        return f"§ {f.section}  [{f.block_id}]"
    if f.section:
        return f"§ {f.section}"
    if f.block_id:
        return f"§ [{f.block_id}]"
    if f.excerpt is not None or f.start is not None:
        return "§ (text without a heading)"
    return "(whole document)"


def _group(findings):
    groups: dict[str, list] = {}
    for f in findings:
        groups.setdefault(_section_label(f), []).append(f)
    return groups


def render(report, ctx=None) -> str:
    paint = _Paint(bool(ctx and ctx.color))
    sources = ctx.sources if ctx else {}
    out: list[str] = []
    for doc in report.documents:
        counts = {s: sum(1 for f in doc.findings if str(f.severity) == s) for s in ("error", "warning", "info")}
        title = f" — {doc.title}" if doc.title else ""
        head = paint("bold", f"{doc.path}{title}")
        if not doc.findings:
            out.append(f"{head}\n  no findings\n")
            continue
        summary = ", ".join(_plural(n, s) for s, n in counts.items() if n)
        out.append(f"{head}  ({summary})")
        for label, findings in _group(doc.findings).items():
            out.append("  " + paint("bold", label))
            for f in findings:
                sev = str(f.severity)
                where = ""
                pos = locate(sources.get(doc.path), f.excerpt) if f.excerpt else None
                if pos:
                    where = f"{pos[0]}:{pos[1]} "
                out.append(f"    {paint('dim', where)}{paint(sev, sev.ljust(7))} {f.rule}  {f.message}")
                if f.excerpt:
                    wrapped = textwrap.fill(f.excerpt, width=96, initial_indent="      > ", subsequent_indent="        ")
                    out.append(highlight(wrapped, f.cues, paint))
                if f.url is not None:
                    out.append(f"      link: {f.url or '(empty)'}")
                if f.cues:
                    out.append("      cues: " + ", ".join(paint("cue", c) for c in f.cues))
                if f.suggestion:
                    out.append(textwrap.fill(f.suggestion, width=96, initial_indent="      fix: ", subsequent_indent="           "))
        out.append("")
    total = report.to_dict()["summary"]
    line = (
        f"{_plural(total['documents'], 'document')} checked: "
        f"{_plural(total['error'], 'error')}, {_plural(total['warning'], 'warning')}, {total['info']} info"
    )
    style = "error" if total["error"] else "warning" if total["warning"] else "bold"
    out.append(paint(style, line))
    return "\n".join(out) + "\n"
