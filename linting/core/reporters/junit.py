"""``--format junit``: JUnit XML, one testcase per document and rule.

A testcase fails when that rule has findings in that document (the findings are the failure
body); enabled rules without findings are passing testcases, so CI dashboards show what was
checked, not only what failed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def _describe(f) -> str:
    parts = [f"[{f.severity}] {f.message}"]
    if f.section:
        parts.append(f"  section: {f.section}")
    if f.excerpt:
        parts.append(f"  sentence: {f.excerpt}")
    if f.url is not None:
        parts.append(f"  link: {f.url}")
    if f.suggestion:
        parts.append(f"  fix: {f.suggestion}")
    return "\n".join(parts)


def _clean(text: str) -> str:
    # XML 1.0 cannot carry most control characters, even escaped.
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def render(report, ctx=None) -> str:
    rule_ids = [r.id for r in (ctx.rules if ctx else [])]
    suites = ET.Element("testsuites", name="vetted")
    total_tests = total_failures = 0
    for doc in report.documents:
        by_rule: dict[str, list] = {}
        for f in doc.findings:
            by_rule.setdefault(f.rule, []).append(f)
        ids = list(dict.fromkeys([*rule_ids, *sorted(by_rule)]))
        suite = ET.SubElement(suites, "testsuite", name=_clean(doc.path))
        failures = 0
        for rule_id in ids:
            case = ET.SubElement(suite, "testcase", classname=_clean(doc.path), name=rule_id)
            found = by_rule.get(rule_id)
            if found:
                failures += 1
                worst = max(f.severity for f in found)
                failure = ET.SubElement(
                    case, "failure",
                    message=_clean(f"{len(found)} finding{'s' if len(found) != 1 else ''}: {found[0].message}"),
                    type=str(worst),
                )
                failure.text = _clean("\n\n".join(_describe(f) for f in found))
        suite.set("tests", str(len(ids)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(ids)
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("errors", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
