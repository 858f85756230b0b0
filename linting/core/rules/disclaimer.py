"""Disclaimer rules: a medical article carries a complete medical disclaimer (HONcode 2)."""

from __future__ import annotations

from linting.core import wordlists
from linting.core.analysis import memo
from linting.core.findings import Severity
from linting.core.registry import Rule, RuleDocs, registry

ELEMENT_LABELS = {
    "not_a_substitute": "that the page is not a substitute for professional advice",
    "consult_professional": "an instruction to consult a qualified professional",
}


def disclaimer_texts(doc, config=None) -> list[tuple[object, str]]:
    """(section, text) of the disclaimer: disclaimer sections, else paragraphs with disclaimer wording."""
    found = [(s, s.text) for s in doc.sections if s.kind == "disclaimer" and s.text.strip()]
    if found:
        return found
    for section in doc.sections:
        if section.kind == "sources":
            continue
        for para in section.text.split("\n\n"):
            if wordlists.search("disclaimer_limits", para, config):
                found.append((section, para))
    return found


def _disclaimer_texts(doc, ctx) -> list[tuple[object, str]]:
    return memo(ctx, doc, "disclaimer_texts", lambda: disclaimer_texts(doc, ctx.config))


def missing_elements(text: str, config) -> list[str]:
    elements = getattr(config, "disclaimer_elements", tuple(ELEMENT_LABELS))
    return [e for e in elements if not wordlists.search(e, text, config)]


@registry.register
class DisclaimerMissing(Rule):
    id = "disclaimer.missing"
    severity = Severity.ERROR
    summary = "A medical article without a medical disclaimer."
    docs = RuleDocs(
        what=(
            "Fires once when nothing on the page states the limits of the content (not medical advice, "
            "general information only, not a substitute for professional care). 'Talk to your GP' alone is topic advice, not a disclaimer."
        ),
        why="HONcode principle 2 (complementarity): health information must say it supports, and does not replace, the relationship with a health professional.",
        example="(an article on knee injections that ends with a booking form and no disclaimer)",
        use_instead="Disclaimer: This article is general information and not a substitute for medical advice. Speak to your doctor before starting treatment.",
        fix="Add a disclaimer paragraph that starts with 'Disclaimer' and states both required elements.",
    )

    def check(self, doc, ctx):
        if not doc.sections:
            return
        if not _disclaimer_texts(doc, ctx):
            yield self.finding(
                "The article has no medical disclaimer.",
                cues=["no disclaimer wording"],
                suggestion="Add: 'This article is not a substitute for professional medical advice. Consult a qualified professional about your own situation.'",
            )


@registry.register
class DisclaimerIncomplete(Rule):
    id = "disclaimer.incomplete"
    severity = Severity.WARNING
    summary = "The disclaimer lacks 'not a substitute for professional advice' or 'consult a qualified professional'."
    docs = RuleDocs(
        what=(
            "Checks the disclaimer for each required element (config `disclaimer_elements`, default: "
            "not_a_substitute and consult_professional, word lists of those names). Consult instructions "
            "elsewhere on the page do not complete it."
        ),
        why="HONcode principle 2: a disclaimer should say the content does not replace professional advice and tell readers to consult a qualified professional.",
        example="Disclaimer: The information on this page is general information only.",
        use_instead="Disclaimer: This page is not a substitute for medical advice. Always consult your doctor before starting treatment.",
        fix="Add the missing element(s) to the disclaimer.",
    )

    def check(self, doc, ctx):
        texts = _disclaimer_texts(doc, ctx)
        if not texts:
            return
        combined = "\n".join(t for _, t in texts)
        missing = missing_elements(combined, ctx.config)
        if missing:
            section, text = texts[0]
            labels = [ELEMENT_LABELS.get(m, m.replace("_", " ")) for m in missing]
            yield self.finding(
                "The disclaimer does not state " + " or ".join(labels) + ".",
                section=section,
                excerpt=text if section.kind == "disclaimer" else None,
                start=section.text.find(text) if section.kind == "disclaimer" else None,
                end=(section.text.find(text) + len(text)) if section.kind == "disclaimer" else None,
                cues=[f"missing: {m}" for m in missing],
                suggestion="Add: " + " ".join(
                    {"not_a_substitute": "'This is not a substitute for professional medical advice.'",
                     "consult_professional": "'Consult a qualified health professional about your own situation.'"}.get(m, m)
                    for m in missing
                ),
            )
