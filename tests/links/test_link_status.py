"""links.broken / links.redirect findings, end to end through the checker and the engine."""

from __future__ import annotations

from linting.core import registry as registry_module
from linting.core.document import Document, Link, Section
from linting.core.engine import lint_document
from linting.core.links import LinkResult, results_for
from linting.core.registry import registry
from linting.core.rules.link_status import BrokenLink, PermanentRedirect

from .conftest import links_config

TEXT = "Compression socks can ease swelling on long flights. The airline guide and the older advice page differ."


def make_doc(origin: str) -> Document:
    start = TEXT.index("The airline guide")
    section = Section(
        kind="overview",
        heading="Travel",
        block_id="blk-travel",
        text=TEXT,
        links=[
            Link(url="/perm/301", text="airline guide", start=start + 4, end=start + 17),
            Link(url="/404", text="older advice page", start=TEXT.index("older"), end=TEXT.index("older") + 17),
            Link(url="/frag#present", text="dosage"),
            Link(url="#packing", text="packing list", kind="anchor"),
        ],
    )
    return Document(path="travel.md", title="Travel", sections=[section], base_url=origin + "/guides/")


def test_rules_are_registered_with_docs():
    assert "linting.core.rules.link_status" in registry_module.BUILTIN_RULE_MODULES
    assert registry._rules["links.broken"] is BrokenLink
    assert registry._rules["links.redirect"] is PermanentRedirect
    assert PermanentRedirect.needs_network and not BrokenLink.needs_network
    for rule in (BrokenLink, PermanentRedirect):
        assert rule.docs.what and rule.docs.why and rule.docs.example and rule.docs.use_instead and rule.docs.fix


def test_broken_and_redirect_findings_from_real_checks(server, tmp_path):
    doc = make_doc(server.origin)
    run = results_for([doc], links_config(), cache_path=tmp_path / "c.sqlite3")
    report = lint_document(doc, links_config(), link_results=run.results, rules=[BrokenLink(), PermanentRedirect()])
    found = {(f.rule, f.url): f for f in report.findings}
    broken = found[("links.broken", "/404")]
    assert str(broken.severity) == "error"
    assert broken.section == "Travel" and broken.block_id == "blk-travel"
    assert broken.excerpt == "older advice page"
    assert TEXT[broken.start : broken.end] == "older advice page"
    assert broken.cues == ("HTTP 404",) and "HTTP 404" in broken.message
    anchor = found[("links.broken", "#packing")]
    assert "no section #packing" in anchor.message
    redirect = found[("links.redirect", "/perm/301")]
    assert str(redirect.severity) == "info" and redirect.excerpt == "airline guide"
    assert server.origin + "/ok" in redirect.message
    assert len(report.findings) == 3  # the /frag#present link is fine


def test_anchor_check_runs_without_network(server):
    doc = make_doc(server.origin)
    report = lint_document(doc, links_config(), link_results=None, rules=[BrokenLink()])
    assert [(f.rule, f.url) for f in report.findings] == [("links.broken", "#packing")]
    assert server.count() == 0


def test_one_finding_per_occurrence_and_internal_results():
    section = Section(
        kind="overview",
        text="Twice: one and two.",
        links=[Link(url="https://example.org/x", text="one"), Link(url="https://example.org/x", text="two")],
    )
    doc = Document(
        path="p", title="t", sections=[section],
        extra_links=[(0, Link(url="/documents/7/", kind="document", target_id=7, text="leaflet"))],
    )
    results = {
        "https://example.org/x": LinkResult("https://example.org/x", False, None, "DNS lookup failed"),
        "document:7": LinkResult("document:7", False, None, "document 7 does not exist"),
    }
    findings = list(BrokenLink().check(doc, _ctx(results)))
    assert [f.excerpt for f in findings] == ["one", "two", "leaflet"]
    assert findings[2].message == 'Broken link "leaflet": document 7 does not exist.'


def _ctx(results):
    from linting.core.registry import LintContext

    return LintContext(config=links_config(), link_results=results)
