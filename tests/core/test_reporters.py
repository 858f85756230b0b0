"""Reporters over a hand-built report: JSON contract, SARIF schema, JUnit XML, text, GitHub."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from linting.core.findings import DocumentReport, Finding, Report, Severity, make_fingerprint
from linting.core.registry import Rule, RuleDocs
from linting.core.reporters import ReportContext, get_reporter, names

SOURCE_TEXT = """Hearing aids and tinnitus

Hearing aids silence ringing ears for good in every wearer.
Most users notice a difference within weeks.

Please visit
"""


class _DemoAbsolute(Rule):
    id = "demo.absolute"
    severity = Severity.ERROR
    summary = "Absolute promise of an outcome."
    docs = RuleDocs(what="Flags promises.", why="FTC guidance.", example="It always works.",
                    use_instead="It helped some people.", fix="Say who it helped and how much.")


class _DemoQuiet(Rule):
    id = "demo.quiet"
    severity = Severity.INFO
    summary = "A rule that found nothing."
    docs = RuleDocs(what="Nothing.", why="None.", example="-", use_instead="-", fix="-")


class _DemoLinks(Rule):
    id = "demo.links"
    severity = Severity.WARNING
    summary = "Dangling link text."
    docs = RuleDocs(what="Link text without target.", why="Readers hit a dead end.", example="Please visit",
                    use_instead="Please visit https://x.example", fix="Add the link.")


def make_report() -> Report:
    sentence = "Hearing aids silence ringing ears for good in every wearer."
    f1 = Finding(
        rule="demo.absolute", severity=Severity.ERROR, message="Absolute claim: 'for good', 'every'",
        section="Hearing aids and tinnitus", block_id="b-1", excerpt=sentence, start=0, end=len(sentence),
        cues=("for good", "every"), suggestion="Say how many wearers improved.",
        fingerprint=make_fingerprint("demo.absolute", sentence),
    )
    f2 = Finding(
        rule="demo.links", severity=Severity.WARNING, message="Link text with no target",
        section=None, excerpt="Please visit", start=5, end=17, url="", cues=("please visit",),
        fingerprint=make_fingerprint("demo.links", "Please visit"),
    )
    f3 = Finding(rule="demo.absolute", severity=Severity.ERROR, message="Second one, in a doc with no source text",
                 section="Intro", excerpt="Cures it, 100% of the time.", start=3, end=30,
                 fingerprint="abc123")
    return Report(documents=[
        DocumentReport(path="articles/hearing.txt", title="Hearing aids and tinnitus", findings=[f1, f2]),
        DocumentReport(path="articles/other.html", title="Other", findings=[f3]),
        DocumentReport(path="articles/clean.md", title="Clean", findings=[]),
    ])


def make_ctx(**kw) -> ReportContext:
    return ReportContext(rules=[_DemoAbsolute, _DemoLinks, _DemoQuiet],
                         sources={"articles/hearing.txt": SOURCE_TEXT}, **kw)


def test_registry_names():
    assert names() == ["text", "json", "sarif", "junit", "github"]
    with pytest.raises(KeyError):
        get_reporter("xml")


def test_json_is_exactly_the_contract():
    out = json.loads(get_reporter("json")(make_report(), make_ctx()))
    assert out == make_report().to_dict()
    assert set(out) == {"version", "documents", "summary"}
    assert out["version"] == 1
    assert out["summary"] == {"documents": 3, "error": 2, "warning": 1, "info": 0}
    doc = out["documents"][0]
    assert set(doc) == {"path", "title", "findings"}
    assert set(doc["findings"][0]) == {
        "rule", "severity", "message", "section", "block_id", "excerpt", "start", "end",
        "cues", "url", "suggestion", "fingerprint",
    }


def _sarif_schema():
    shared = Path(os.environ.get("VETTED_SHARED_DIR", "/work/shared"))
    return json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text())


def test_sarif_validates_against_schema():
    from jsonschema import Draft4Validator

    out = json.loads(get_reporter("sarif")(make_report(), make_ctx()))
    errors = sorted(Draft4Validator(_sarif_schema()).iter_errors(out), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    # and the schema check is not vacuous: a broken log fails it
    broken = json.loads(json.dumps(out))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert list(Draft4Validator(_sarif_schema()).iter_errors(broken))


def test_sarif_content():
    out = json.loads(get_reporter("sarif")(make_report(), make_ctx()))
    run = out["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"demo.absolute", "demo.links", "demo.quiet"}
    absolute = rules["demo.absolute"]
    assert absolute["defaultConfiguration"]["level"] == "error"
    assert absolute["helpUri"].endswith("/demo.absolute")
    assert "**Why is this bad?**" in absolute["help"]["markdown"]
    assert rules["demo.quiet"]["defaultConfiguration"]["level"] == "note"
    first, second, third = run["results"]
    assert first["ruleId"] == "demo.absolute" and first["level"] == "error"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 1)
    assert (region["endLine"], region["endColumn"]) == (3, 60)
    assert first["locations"][0]["logicalLocations"][0]["name"] == "Hearing aids and tinnitus"
    assert first["partialFingerprints"]["vettedFinding/v1"] == make_report().documents[0].findings[0].fingerprint
    assert second["level"] == "warning"
    assert second["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    # no source text for this document: character range within the section instead
    assert third["locations"][0]["physicalLocation"]["region"] == {
        "charOffset": 3, "charLength": 27, "snippet": {"text": "Cures it, 100% of the time."}}


def test_junit_testcases():
    xml = get_reporter("junit")(make_report(), make_ctx())
    root = ET.fromstring(xml.split("\n", 1)[1])
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["articles/hearing.txt", "articles/other.html", "articles/clean.md"]
    cases = {c.get("name"): c for c in suites[0].findall("testcase")}
    assert set(cases) == {"demo.absolute", "demo.links", "demo.quiet"}
    failure = cases["demo.absolute"].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "silence ringing ears" in failure.text
    assert cases["demo.quiet"].find("failure") is None
    assert suites[0].get("tests") == "3" and suites[0].get("failures") == "2"
    assert all(c.find("failure") is None for c in suites[2].findall("testcase"))
    assert root.get("failures") == "3"


def test_text_grouped_without_ansi():
    out = get_reporter("text")(make_report(), make_ctx(color=False))
    assert "\033[" not in out
    lines = out.splitlines()
    assert lines[0].startswith("articles/hearing.txt — Hearing aids and tinnitus")
    assert "§ Hearing aids and tinnitus  [b-1]" in out
    assert "§ (text without a heading)" in out
    assert "3:1 error   demo.absolute  Absolute claim" in out
    assert "> Hearing aids silence ringing ears for good in every wearer." in out
    assert "cues: for good, every" in out
    assert "fix: Say how many wearers improved." in out
    assert "link: (empty)" in out
    assert "articles/clean.md — Clean\n  no findings" in out
    assert lines[-1] == "3 documents checked: 2 errors, 1 warning, 0 info"
    # grouped: the hearing document's findings come before the next document's heading
    assert out.index("demo.links") < out.index("articles/other.html")


def test_text_colour_highlights_cues():
    out = get_reporter("text")(make_report(), make_ctx(color=True))
    assert "\033[1;4;35mfor good\033[0m" in out
    assert "\033[1;31merror" in out


def test_github_commands():
    out = get_reporter("github")(make_report(), make_ctx()).splitlines()
    assert out[0].startswith("::error file=articles/hearing.txt,line=3,col=1,endLine=3,endColumn=60,title=demo.absolute::")
    assert "%0ASay how many wearers improved." in out[0]
    assert out[1].startswith("::warning file=articles/hearing.txt,line=6,")
    assert out[2].startswith("::error file=articles/other.html,title=demo.absolute::")
    assert len(out) == 3


def test_text_document_level_findings():
    finding = Finding(rule="demo.quiet", severity=Severity.INFO, message="No author named")
    report = Report(documents=[DocumentReport(path="p.txt", title="T", findings=[finding])])
    out = get_reporter("text")(report, make_ctx())
    assert "  (whole document)\n    info    demo.quiet  No author named" in out
    assert out.splitlines()[-1] == "1 document checked: 0 errors, 0 warnings, 1 info"


def test_locate_whole_words_and_whitespace():
    from linting.core.reporters.locate import locate

    assert locate("over there\nclick here now", "here") == (2, 7, 2, 11)
    assert locate("It cured\n  every   case.", "It cured every case.") == (1, 1, 2, 16)
    assert locate("nothing to see", "absent sentence") is None
    assert locate(None, "x") is None
