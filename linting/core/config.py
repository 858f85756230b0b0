"""Linter configuration: what a `vetted.toml` (or `[tool.vetted]`) can set.

The dataclass holds the effective values with their defaults; :mod:`linting.core.config_file`
finds, parses and validates the TOML (unknown keys and bad values are errors naming the key).
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_THRESHOLDS = {
    "reading_grade": 8.0,  # NIH / AMA: patient material at grade 6-8
    "sentence_words": 25,  # CDC Clear Communication Index
    "review_months": 12,  # JAMA currency
    "min_words_for_readability": 40,  # sections shorter than this get no grade
}

# Elements a complete medical disclaimer states (HONcode 2). Each maps to a word-list name.
DEFAULT_DISCLAIMER_ELEMENTS = ("not_a_substitute", "consult_professional")

DEFAULT_LINKS = {
    "allow_private_hosts": [],
    "connect_timeout": 5.0,
    "read_timeout": 10.0,
    "total_timeout": 30.0,
    "max_redirects": 5,
    "max_retries": 2,
    "retry_after_cap": 10.0,
    "concurrency": 32,
    "per_host_concurrency": 8,
    "max_bytes": 1_048_576,
    "cache_ttl": 86_400,
    "accept_status": [],
    "exclude": [],
    "user_agent": "VettedLinkChecker/1.0 (+https://vetted.example/bot)",
}


@dataclass
class Config:
    # rule id -> "error" | "warning" | "info" | "off"
    rules: dict[str, str] = field(default_factory=dict)
    thresholds: dict = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    # list name -> extra entries added to the built-in list of that name
    words: dict[str, list[str]] = field(default_factory=dict)
    disclaimer_elements: tuple[str, ...] = DEFAULT_DISCLAIMER_ELEMENTS
    links: dict = field(default_factory=lambda: dict(DEFAULT_LINKS))
    # where it was read from, for messages
    path: str | None = None

    def threshold(self, name: str):
        return self.thresholds.get(name, DEFAULT_THRESHOLDS.get(name))

    def is_enabled(self, rule_id: str) -> bool:
        return self.rules.get(rule_id) != "off"
