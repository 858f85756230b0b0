"""Find, parse and strictly validate the linter's TOML config (``vetted.toml`` or ``[tool.vetted]``).

A typo in a config file must not silently switch a check off, so unknown keys and bad values
raise :class:`ConfigError` with a message naming the file, table and key, e.g.
``vetted.toml: [thresholds] reading_grade: expected a number, got "high"``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from .config import DEFAULT_LINKS, DEFAULT_THRESHOLDS, Config

CONFIG_NAME = "vetted.toml"
SEVERITY_VALUES = ("error", "warning", "info", "off")
TOP_LEVEL_KEYS = ("rules", "thresholds", "words", "disclaimer", "links")

# name -> (type, min, max); ranges are what a sensible config could want.
THRESHOLD_SPECS = {
    "reading_grade": (float, 1.0, 20.0),
    "sentence_words": (int, 5, 200),
    "review_months": (int, 1, 240),
    "min_words_for_readability": (int, 0, 10_000),
}

# links key -> (kind, min, max); kinds: "float", "int", "str", "str-list", "int-list".
LINK_SPECS = {
    "allow_private_hosts": ("str-list", None, None),
    "connect_timeout": ("float", 0.1, 300.0),
    "read_timeout": ("float", 0.1, 600.0),
    "total_timeout": ("float", 0.1, 3600.0),
    "max_redirects": ("int", 0, 50),
    "max_retries": ("int", 0, 20),
    "retry_after_cap": ("float", 0.0, 3600.0),
    "concurrency": ("int", 1, 1024),
    "per_host_concurrency": ("int", 1, 256),
    "max_bytes": ("int", 0, 1 << 31),
    "cache_ttl": ("int", 0, 10 * 365 * 86_400),
    "accept_status": ("int-list", 100, 599),
    "exclude": ("str-list", None, None),
    "user_agent": ("str", None, None),
}
assert set(LINK_SPECS) == set(DEFAULT_LINKS), "LINK_SPECS must cover DEFAULT_LINKS"
assert set(THRESHOLD_SPECS) == set(DEFAULT_THRESHOLDS), "THRESHOLD_SPECS must cover thresholds"


class ConfigError(Exception):
    """A config file is missing, unreadable, not TOML, or holds an unknown key or a bad value."""


def _show(value) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return repr(value)


def find_config(start: Path | str | None = None) -> Path | None:
    """The nearest ``vetted.toml``, or ``pyproject.toml`` with ``[tool.vetted]``, upward from ``start``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue  # someone else's broken pyproject is not our config
            if isinstance(data.get("tool"), dict) and "vetted" in data["tool"]:
                return pyproject
    return None


def load_config(path: Path | str | None = None, *, start: Path | str | None = None) -> Config:
    """Read ``path`` (or the discovered file); defaults when there is none. Raises ConfigError."""
    if path is None:
        found = find_config(start)
        if found is None:
            return Config()
        path = found
        explicit = False
    else:
        explicit = True
    path = Path(path)
    label = path.name
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: config path is a directory") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config file is not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{label}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "vetted" not in tool:
            if explicit:
                raise ConfigError(f"{label}: no [tool.vetted] table")
            return Config()
        data, label = tool["vetted"], f"{label} [tool.vetted]"
        if not isinstance(data, dict):
            raise ConfigError(f"{label}: expected a table, got {_show(data)}")
    config = parse_config(data, label=label)
    config.path = str(path)
    return config


def parse_config(data: dict, *, label: str = CONFIG_NAME) -> Config:
    """Validate an already-parsed TOML mapping into a :class:`Config`."""
    config = Config()
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(f"{label}: unknown key {key!r} (expected one of: {', '.join(TOP_LEVEL_KEYS)})")
        if not isinstance(data[key], dict):
            raise ConfigError(f"{label}: [{key}]: expected a table, got {_show(data[key])}")
    config.rules = _parse_rules(data.get("rules", {}), label)
    config.thresholds.update(_parse_thresholds(data.get("thresholds", {}), label))
    config.words = _parse_words(data.get("words", {}), label)
    if "disclaimer" in data:
        config.disclaimer_elements = _parse_disclaimer(data["disclaimer"], label)
    config.links.update(_parse_links(data.get("links", {}), label))
    return config


def _known_rule_ids() -> list[str] | None:
    from .registry import registry

    try:
        return registry.ids()
    except ImportError:  # rule modules not importable: cannot check ids here
        return None


def _parse_rules(table: dict, label: str) -> dict[str, str]:
    known = _known_rule_ids() if table else None
    out = {}
    for rule_id, value in table.items():
        where = f"{label}: [rules] {rule_id}"
        if known is not None and rule_id not in known:
            raise ConfigError(f"{where}: unknown rule id (see --list-rules)")
        if not isinstance(value, str) or value.strip().lower() not in SEVERITY_VALUES:
            raise ConfigError(f"{where}: expected one of {', '.join(SEVERITY_VALUES)}, got {_show(value)}")
        out[rule_id] = value.strip().lower()
    return out


def _number(value, kind, lo, hi, where):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        expected = "an integer" if kind is int else "a number"
        raise ConfigError(f"{where}: expected {expected}, got {_show(value)}")
    if kind is int and not isinstance(value, int):
        if not float(value).is_integer():
            raise ConfigError(f"{where}: expected an integer, got {_show(value)}")
        value = int(value)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ConfigError(f"{where}: {_show(value)} is out of range ({lo} to {hi})")
    return kind(value)


def _parse_thresholds(table: dict, label: str) -> dict:
    out = {}
    for name, value in table.items():
        where = f"{label}: [thresholds] {name}"
        if name not in THRESHOLD_SPECS:
            raise ConfigError(f"{where}: unknown key (expected one of: {', '.join(THRESHOLD_SPECS)})")
        kind, lo, hi = THRESHOLD_SPECS[name]
        out[name] = _number(value, kind, lo, hi, where)
    return out


def _string_list(value, where) -> list[str]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected an array of strings, got {_show(value)}")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ConfigError(f"{where}: expected non-empty strings, got {_show(item)}")
    return [item.strip() for item in value]


def _known_list_names() -> tuple[str, ...] | None:
    try:
        from . import wordlists
    except ImportError:  # word lists not written yet: accept any name
        return None
    names = getattr(wordlists, "LIST_NAMES", None)
    if names is None and hasattr(wordlists, "list_names"):
        names = wordlists.list_names()
    return tuple(names) if names is not None else None


def _parse_words(table: dict, label: str) -> dict[str, list[str]]:
    known = _known_list_names() if table else None
    out = {}
    for name, value in table.items():
        where = f"{label}: [words] {name}"
        if known is not None and name not in known:
            raise ConfigError(f"{where}: unknown word list (expected one of: {', '.join(sorted(known))})")
        out[name] = _string_list(value, where)
    return out


def _parse_disclaimer(table: dict, label: str) -> tuple[str, ...]:
    for key in table:
        if key != "required":
            raise ConfigError(f"{label}: [disclaimer] {key}: unknown key (expected: required)")
    if "required" not in table:
        return Config().disclaimer_elements
    where = f"{label}: [disclaimer] required"
    elements = _string_list(table["required"], where)
    known = _known_list_names()
    for element in elements:
        if known is not None and element not in known:
            raise ConfigError(f"{where}: {_show(element)} is not a word list (expected one of: {', '.join(sorted(known))})")
    return tuple(elements)


def _parse_links(table: dict, label: str) -> dict:
    out = {}
    for key, value in table.items():
        where = f"{label}: [links] {key}"
        if key not in LINK_SPECS:
            raise ConfigError(f"{where}: unknown key (expected one of: {', '.join(LINK_SPECS)})")
        kind, lo, hi = LINK_SPECS[key]
        if kind == "float":
            out[key] = _number(value, float, lo, hi, where)
        elif kind == "int":
            out[key] = _number(value, int, lo, hi, where)
        elif kind == "str":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: expected a non-empty string, got {_show(value)}")
            out[key] = value
        elif kind == "str-list":
            out[key] = _string_list(value, where)
        else:  # int-list
            if not isinstance(value, list):
                raise ConfigError(f"{where}: expected an array of integers, got {_show(value)}")
            out[key] = [_number(v, int, lo, hi, where) for v in value]
    return out
