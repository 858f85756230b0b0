"""Word lists as data: loaded once from ``linting/core/data/*.toml``, extended by config.

Each TOML file holds named lists::

    [peacock]
    source = "Wikipedia MOS:PEACOCK"
    entries = ["renowned", "world-class", "re:\\bleading\\b(?! cause)"]

An entry is a word or phrase matched case-insensitively as whole words (spaces match any run
of whitespace, a trailing ``*`` matches any word ending), or, with the ``re:`` prefix, a regular
expression. ``config.words[<name>]`` adds entries to the built-in list of that name (Vale-style:
users read and extend the data without touching code).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Config

DATA_DIR = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def builtin_lists() -> dict[str, dict]:
    """All built-in lists: name -> {"source": str, "entries": [str, ...]}."""
    lists: dict[str, dict] = {}
    for path in sorted(DATA_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for name, table in data.items():
            if not isinstance(table, dict) or "entries" not in table:
                continue
            if name in lists:
                raise ValueError(f"word list {name!r} defined twice ({path.name})")
            lists[name] = {"source": table.get("source", ""), "entries": list(table["entries"])}
    return lists


def list_names() -> list[str]:
    return sorted(builtin_lists())


def entries(name: str, config: "Config | None" = None) -> tuple[str, ...]:
    """The built-in entries of list ``name`` plus the ones ``config.words[name]`` adds."""
    base = builtin_lists().get(name)
    if base is None:
        raise KeyError(f"unknown word list {name!r}")
    extra = tuple(config.words.get(name, ())) if config is not None and config.words else ()
    return tuple(base["entries"]) + extra


def _entry_pattern(entry: str) -> str:
    if entry.startswith("re:"):
        return f"(?:{entry[3:]})"
    words = entry.split()
    parts = []
    for w in words:
        if w.endswith("*"):
            parts.append(re.escape(w[:-1]) + r"[\w'-]*")
        else:
            parts.append(re.escape(w))
    return r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])"


@lru_cache(maxsize=256)
def _compile(items: tuple[str, ...]) -> re.Pattern | None:
    if not items:
        return None
    # Longer entries first so "no side effects" wins over "side effects".
    ordered = sorted(items, key=len, reverse=True)
    return re.compile("|".join(_entry_pattern(e) for e in ordered), re.IGNORECASE)


def pattern(name: str, config: "Config | None" = None) -> re.Pattern | None:
    return _compile(entries(name, config))


def find_all(name: str, text: str, config: "Config | None" = None) -> list[re.Match]:
    """Every non-overlapping match of list ``name`` in ``text``."""
    pat = pattern(name, config)
    return list(pat.finditer(text)) if pat is not None and text else []


def search(name: str, text: str, config: "Config | None" = None) -> re.Match | None:
    pat = pattern(name, config)
    return pat.search(text) if pat is not None and text else None


def matched(name: str, text: str, config: "Config | None" = None) -> list[str]:
    """The distinct matched strings (lower-cased, whitespace collapsed), in text order."""
    return list(dict.fromkeys(" ".join(m.group(0).lower().split()) for m in find_all(name, text, config)))
