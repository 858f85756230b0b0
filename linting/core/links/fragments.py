"""Finding ``#fragment`` targets in a streamed HTML body without keeping the whole body."""

from __future__ import annotations

import re
from urllib.parse import unquote

import html

# id="x", id='x', id=x and the older <a name="x">; the attribute must follow whitespace so
# "data-id" or "grid" do not count.
_ID_RE = re.compile(rb"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_OVERLAP = 512  # bytes kept between chunks so an attribute split across them is still seen


def wanted_name(fragment: str) -> str | None:
    """The id a fragment asks for, or None when it needs no check (empty, top, text fragment)."""
    name = unquote(fragment)
    if not name or name.startswith(":~:") or name.lower() == "top":
        return None
    return name


def is_html(content_type: str | None) -> bool:
    ct = (content_type or "").split(";", 1)[0].strip().lower()
    return ct in ("", "text/html", "application/xhtml+xml")


class IdScanner:
    """Feed body chunks; :attr:`missing` shrinks as wanted ids are seen."""

    def __init__(self, wanted: set[str]):
        self.missing = set(wanted)
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        data = self._tail + chunk
        # Ignore a match that may be cut by the chunk end; the overlap re-reads it next time.
        cut = max(0, len(data) - _OVERLAP)
        for m in _ID_RE.finditer(data):
            raw = m.group(1) or m.group(2) or m.group(3) or b""
            if m.end() >= len(data) and chunk:
                break
            name = html.unescape(raw.decode("utf-8", "replace"))
            self.missing.discard(name)
        self._tail = data[cut:]

    @property
    def done(self) -> bool:
        return not self.missing
