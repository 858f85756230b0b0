"""Load Documents from files, directories and stdin, choosing the adapter by extension.

Every problem with the input (missing, unreadable, binary, not UTF-8, empty, malformed JSON)
raises :class:`InputError` with one line naming the file, so the CLI can exit 2 without a
traceback. Adapters are imported lazily: linting a folder of .txt files never loads bs4.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

EXTENSIONS = {
    ".txt": "txt",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
STDIN = "-"


class InputError(Exception):
    """An input file cannot be read as an article; the message is one line naming the file."""


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise InputError(f"{name}: empty file")
    return text


def read_text(path: Path) -> str:
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return _decode(data, name)


def sniff_format(text: str) -> str:
    """stdin's format: API JSON if it parses as one, HTML if it starts with a tag, else txt."""
    stripped = text.lstrip()
    if stripped[:1] in "{[":
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            data = None
        from .apijson import looks_like_api

        if looks_like_api(data):
            return "json"
    if stripped.startswith("<"):
        return "html"
    if stripped.startswith("---\n") or stripped.startswith("---\r\n") or stripped.startswith("# "):
        return "markdown"
    return "txt"


def parse_text(text: str, fmt: str, name: str, base_url: str | None = None) -> list:
    """Run the adapter for ``fmt`` over ``text``; always returns a list of Documents."""
    if fmt == "txt":
        from .txt import parse_txt

        doc = parse_txt(text, name)
        if base_url and getattr(doc, "base_url", None) is None:
            doc.base_url = base_url
        return [doc]
    if fmt == "markdown":
        from .markdown import parse_markdown

        return [parse_markdown(text, name, base_url)]
    if fmt == "html":
        from .html import parse_html

        return [parse_html(text, name, base_url)]
    if fmt == "json":
        from .apijson import parse_api_json

        return parse_api_json(text, name, base_url)
    raise InputError(f"{name}: unknown input format {fmt!r}")


def expand_paths(paths) -> list[str]:
    """Files named, plus the supported files under each directory (sorted, hidden ones skipped)."""
    out: list[str] = []
    for raw in paths:
        raw = str(raw)
        if raw == STDIN:
            out.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                        found.append(str(Path(root) / name))
            if not found:
                raise InputError(f"{raw}: directory has no {', '.join(sorted(set(EXTENSIONS)))} files")
            out.extend(found)
        elif not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        else:
            out.append(raw)
    return out


def load_documents(paths, base_url: str | None = None, *, sources: dict | None = None) -> list:
    """Documents for ``paths`` (files, directories, ``-`` for stdin), in the order given.

    When ``sources`` is a dict it receives ``{document path: raw text}`` so reporters can turn
    offsets into line/column positions.
    """
    docs = []
    for name in expand_paths(paths):
        if name == STDIN:
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
            text = _decode(data, "<stdin>")
            fmt = sniff_format(text)
            label = "<stdin>"
        else:
            path = Path(name)
            fmt = EXTENSIONS.get(path.suffix.lower())
            if fmt is None:
                raise InputError(f"{name}: unsupported file type (expected {', '.join(EXTENSIONS)})")
            text = read_text(path)
            label = name
        new = parse_text(text, fmt, label, base_url)
        if sources is not None:
            for doc in new:
                sources[doc.path] = text
        docs.extend(new)
    return docs
