"""Runs every enabled rule over a document and returns its report.

Rules are pure functions of the document, the config and (optionally) cached link results; the
engine applies configured severities, drops rules set to ``off`` and orders findings the way
the document reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .config import Config
from .document import Document
from .findings import DocumentReport, Finding, Report, Severity
from .registry import LintContext, Rule, registry
from .wordlists import prime_document


def active_rules(config: Config, *, network: bool = False) -> list[Rule]:
    rules = []
    for rule_cls in registry:
        if not config.is_enabled(rule_cls.id):
            continue
        if rule_cls.needs_network and not network:
            continue
        rules.append(rule_cls())
    return rules


def lint_document(
    doc: Document,
    config: Config | None = None,
    *,
    link_results: dict | None = None,
    rules: Iterable[Rule] | None = None,
) -> DocumentReport:
    config = config or Config()
    ctx = LintContext(config=config, link_results=link_results)
    if rules is None:
        rules = active_rules(config, network=link_results is not None)
    # Gate each section's words once for every word list (sentences read off by offsets).
    prime_document(doc, config)
    findings: list[Finding] = []
    for rule in rules:
        override = config.rules.get(rule.id)
        if override and override != "off":
            findings.extend(dataclasses.replace(f, severity=Severity.parse(override)) for f in rule.check(doc, ctx))
        else:
            findings.extend(rule.check(doc, ctx))
    order = {s.block_id or s.heading or f"#{i}": i for i, s in enumerate(doc.sections)}

    def key(f: Finding):
        # No key of ``order`` is empty, so a finding without block id or section gets -1.
        return (order.get(f.block_id or f.section, -1), f.start if f.start is not None else -1, f.rule)

    findings.sort(key=key)
    return DocumentReport(path=doc.path, title=doc.title, findings=findings)


def lint_documents(docs: Iterable[Document], config: Config | None = None, **kwargs) -> Report:
    return Report(documents=[lint_document(d, config, **kwargs) for d in docs])
