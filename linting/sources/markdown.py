"""Build a Document from Markdown: front matter for metadata, markdown-it-py to HTML, then the HTML adapter.

Front matter is the YAML-ish block between ``---`` lines at the top; only flat ``key: value``
lines are read (``title``, ``author``, ``reviewer``, ``reviewed``/``last_reviewed``, ``summary``,
``tags``), so no YAML library is needed. A file with front matter can carry author, reviewer and
review date, so its metadata is ``structured`` and missing fields there are findings.
"""

from __future__ import annotations

import re

from .html import parse_date, parse_html

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def split_front_matter(text: str) -> tuple[dict[str, str] | None, str]:
    """``(fields, body)``; ``fields`` is None when the text has no front matter block."""
    m = _FRONT.match(text)
    if not m:
        return None, text
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        km = _KEY.match(line.strip())
        if km:
            fields[km.group(1).lower().replace("-", "_")] = _unquote(km.group(2).strip())
    return fields, text[m.end():]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def render_markdown(body: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(body)


def parse_markdown(text: str, path: str, base_url: str | None = None):
    """Parse a Markdown article into a Document."""
    fields, body = split_front_matter(text)
    doc = parse_html(render_markdown(body), path, base_url)
    if fields is not None:
        meta = doc.metadata
        meta.structured = True
        meta.author = fields.get("author", "")
        meta.reviewer = fields.get("reviewer", fields.get("medical_reviewer", ""))
        meta.review_date = parse_date(fields.get("last_reviewed") or fields.get("reviewed"))
        meta.summary = fields.get("summary", fields.get("description", meta.summary))
        tags = fields.get("tags", "").strip("[]")
        meta.tags = [_unquote(t.strip()) for t in tags.split(",") if t.strip()]
        if fields.get("title"):
            doc.title = fields["title"]
    return doc
