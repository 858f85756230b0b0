"""The rule registry: rules are registered by id and looked up through one object.

A rule is a class with an ``id``, a default ``severity``, a one-line ``summary``, its docs (ruff's
four parts: what it does, why, an example that fires, one that doesn't, plus how to fix) and a
``check(doc, ctx)`` generator of findings. Rule modules register themselves with
``@registry.register``; :func:`load_builtin_rules` imports them, so discovery is explicit.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from .findings import Finding, Severity, collapse_ws, make_fingerprint

if TYPE_CHECKING:
    from .config import Config
    from .document import Document, Section, Sentence

BUILTIN_RULE_MODULES = (
    "linting.core.rules.claims",
    "linting.core.rules.balance",
    "linting.core.rules.disclaimer",
    "linting.core.rules.disclosure",
    "linting.core.rules.links",
    "linting.core.rules.readability",
    "linting.core.rules.metadata",
    "linting.core.rules.sources",
    "linting.core.rules.link_status",
)

DOCS_BASE_URL = "https://vetted.example/rules/"


@dataclass(frozen=True)
class RuleDocs:
    what: str
    why: str  # names the standard the rule comes from
    example: str  # text that fires
    use_instead: str  # text that doesn't
    fix: str


@dataclass
class LintContext:
    """What a rule may read besides the document: the active config and cached link results.

    ``link_results`` maps a URL (as checked) to an object with ``ok``, ``reason``, ``status``,
    ``permanent_redirect_to`` attributes; rules that need the network read only this, never fetch.
    """

    config: "Config"
    link_results: dict | None = None


class Rule:
    id: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    docs: ClassVar[RuleDocs]
    # Rules that need network results (links.broken, links.redirect) say so; the engine skips
    # them when no link results are supplied.
    needs_network: ClassVar[bool] = False

    def check(self, doc: "Document", ctx: LintContext) -> Iterable[Finding]:
        raise NotImplementedError

    @property
    def help_uri(self) -> str:
        return DOCS_BASE_URL + self.id

    # Helpers so every rule builds findings the same way.
    def finding(
        self,
        message: str,
        *,
        section: "Section | None" = None,
        sentence: "Sentence | None" = None,
        excerpt: str | None = None,
        start: int | None = None,
        end: int | None = None,
        cues: Iterable[str] = (),
        url: str | None = None,
        suggestion: str = "",
        fingerprint_extra: str = "",
    ) -> Finding:
        cues = tuple(dict.fromkeys(cues))  # the basis below sorts a set: the same with repeats gone
        if sentence is not None:
            excerpt, start, end = sentence.text, sentence.start, sentence.end
        if excerpt is not None:
            excerpt = collapse_ws(excerpt)
        return Finding(
            self.id,
            self.severity,
            message,
            section.heading if section is not None else None,
            section.block_id if section is not None else None,
            excerpt,
            start,
            end,
            cues,
            url,
            suggestion,
            make_fingerprint(self.id, excerpt, url, fingerprint_extra or _whole_document_basis(excerpt, cues)),
        )


def _whole_document_basis(excerpt: str | None, cues: Iterable[str]) -> str:
    """A finding about the whole document has no sentence to fingerprint: its cues stand in, so
    an acceptance lapses when what made it fire changes (a new price, a new call to action)."""
    return "" if excerpt else "|".join(sorted(set(cues)))


class RuleRegistry:
    def __init__(self) -> None:
        self._rules: dict[str, type[Rule]] = {}

    def register(self, rule_cls: type[Rule]) -> type[Rule]:
        if rule_cls.id in self._rules and self._rules[rule_cls.id] is not rule_cls:
            raise ValueError(f"rule id {rule_cls.id!r} registered twice")
        self._rules[rule_cls.id] = rule_cls
        return rule_cls

    def get(self, rule_id: str) -> type[Rule]:
        load_builtin_rules()
        return self._rules[rule_id]

    def __contains__(self, rule_id: str) -> bool:
        load_builtin_rules()
        return rule_id in self._rules

    def __iter__(self) -> Iterator[type[Rule]]:
        load_builtin_rules()
        return iter(sorted(self._rules.values(), key=lambda r: r.id))

    def ids(self) -> list[str]:
        return [r.id for r in self]


registry = RuleRegistry()
_loaded = False


def load_builtin_rules() -> None:
    global _loaded
    if _loaded:
        return
    for name in BUILTIN_RULE_MODULES:
        importlib.import_module(name)
    _loaded = True
