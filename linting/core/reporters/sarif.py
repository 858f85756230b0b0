"""``--format sarif``: SARIF 2.1.0 for code-scanning tools (validated against the schema in tests).

Rule metadata comes from each rule's own docs; a result's region is a line/column range when
the excerpt can be found in the raw input, else a character range within its section (the
section itself is named by ``logicalLocations``). ``partialFingerprints`` carry the finding's
fingerprint so a code-scanning service tracks a finding across runs.
"""

from __future__ import annotations

import json

from .locate import locate

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(rule_cls) -> dict:
    docs = getattr(rule_cls, "docs", None)
    level = _LEVEL[str(rule_cls.severity)]
    desc = {
        "id": rule_cls.id,
        "name": "".join(p.capitalize() for p in rule_cls.id.replace("-", ".").split(".")),
        "shortDescription": {"text": rule_cls.summary},
        "defaultConfiguration": {"level": level},
        "helpUri": rule_cls().help_uri,
    }
    if docs is not None:
        desc["fullDescription"] = {"text": f"{docs.what} {docs.why}".strip()}
        desc["help"] = {
            "text": f"{docs.what}\n\nWhy: {docs.why}\n\nExample: {docs.example}\n\nUse instead: {docs.use_instead}\n\nFix: {docs.fix}",
            "markdown": (
                f"**What it does**\n\n{docs.what}\n\n**Why is this bad?**\n\n{docs.why}\n\n"
                f"**Example**\n\n> {docs.example}\n\n**Use instead**\n\n> {docs.use_instead}\n\n"
                f"**How to fix**\n\n{docs.fix}"
            ),
        }
    else:
        desc["fullDescription"] = {"text": rule_cls.summary}
    return desc


def _artifact(path: str) -> str:
    return path.split("#", 1)[0] if path != "<stdin>" else "stdin"


def _result(f, doc, rule_index: dict, sources: dict) -> dict:
    location: dict = {"physicalLocation": {"artifactLocation": {"uri": _artifact(doc.path)}}}
    pos = locate(sources.get(doc.path), f.excerpt) if f.excerpt else None
    if pos:
        location["physicalLocation"]["region"] = {
            "startLine": pos[0], "startColumn": pos[1], "endLine": pos[2], "endColumn": pos[3],
            "snippet": {"text": f.excerpt},
        }
    elif f.start is not None and f.end is not None and f.start >= 0 and f.end >= f.start:
        region = {"charOffset": f.start, "charLength": f.end - f.start}
        if f.excerpt:
            region["snippet"] = {"text": f.excerpt}
        location["physicalLocation"]["region"] = region
    if f.section or f.block_id:
        logical = {"kind": "module", "name": f.section or f.block_id}
        if f.block_id:
            logical["fullyQualifiedName"] = f"{doc.path}::{f.block_id}"
        location["logicalLocations"] = [logical]
    message = f.message + (f" {f.suggestion}" if f.suggestion else "")
    result = {
        "ruleId": f.rule,
        "level": _LEVEL[str(f.severity)],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {"vettedFinding/v1": f.fingerprint or ""},
        "properties": {"cues": list(f.cues), "url": f.url, "document": doc.path},
    }
    if f.rule in rule_index:
        result["ruleIndex"] = rule_index[f.rule]
    return result


def to_sarif(report, ctx=None) -> dict:
    rules = list(ctx.rules) if ctx else []
    known = {r.id for r in rules}
    try:  # findings from rules not in ctx.rules still get descriptors when registered
        from ..registry import registry

        for rule_id in sorted({f.rule for f in report.findings} - known):
            if rule_id in registry:
                rules.append(registry.get(rule_id))
    except ImportError:
        pass
    rules.sort(key=lambda r: r.id)
    rule_index = {r.id: i for i, r in enumerate(rules)}
    sources = ctx.sources if ctx else {}
    artifacts = list(dict.fromkeys(_artifact(d.path) for d in report.documents))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vetted",
                "informationUri": "https://vetted.example/",
                "version": ctx.tool_version if ctx else "1.0.0",
                "rules": [_rule_descriptor(r) for r in rules],
            }},
            "artifacts": [{"location": {"uri": a}} for a in artifacts],
            "results": [_result(f, d, rule_index, sources) for d in report.documents for f in d.findings],
            "columnKind": "unicodeCodePoints",
        }],
    }


def render(report, ctx=None) -> str:
    return json.dumps(to_sarif(report, ctx), indent=2, ensure_ascii=False) + "\n"
