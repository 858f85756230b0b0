"""The engine orders findings as the document reads, with severity overrides applied."""

import random

from linting.core.config import Config
from linting.core.document import Document, Section
from linting.core.engine import lint_document
from linting.core.findings import Finding, Severity
from linting.core.registry import Rule


class _Emit(Rule):
    id = "demo.emit"
    severity = Severity.INFO

    def __init__(self, findings):
        self.findings = findings

    def check(self, doc, ctx):
        yield from self.findings


def _plain_order(doc, findings):
    """The ordering written out: unknown or missing sections first, then by offset and rule."""
    order = {s.block_id or s.heading or f"#{i}": i for i, s in enumerate(doc.sections)}

    def key(f):
        pos = order.get(f.block_id or f.section or "", -1) if (f.block_id or f.section) else -1
        return (pos, f.start if f.start is not None else -1, f.rule)

    return sorted(findings, key=key)


def test_findings_sorted_as_the_plain_key():
    rng = random.Random(4)
    sections = [Section(kind="intro", text="x", heading=h, block_id=b)
                for h, b in (("A", None), (None, "b1"), ("", ""), ("#2", None), ("B", "b4"), (None, None))]
    doc = Document(path="-", title="t", sections=sections)
    names = [None, "", "A", "b1", "B", "b4", "#2", "#5", "#9", "zzz"]
    findings = [
        Finding(rng.choice(["r.a", "r.b"]), Severity.INFO, "m", rng.choice(names), rng.choice(names), None,
                rng.choice([None, 0, 3, 7]))
        for _ in range(400)
    ]
    report = lint_document(doc, Config(), rules=[_Emit(findings)])
    assert report.findings == _plain_order(doc, findings)


def test_severity_override_applies_to_every_finding():
    doc = Document(path="-", title="t", sections=[Section(kind="intro", text="x")])
    config = Config()
    config.rules["demo.emit"] = "error"
    findings = [Finding("demo.emit", Severity.INFO, "m", start=i) for i in range(3)]
    report = lint_document(doc, config, rules=[_Emit(findings)])
    assert [f.severity for f in report.findings] == [Severity.ERROR] * 3
