"""Balance rules: a treatment article names its risks and what is still uncertain (DISCERN 9, 11)."""

from __future__ import annotations

import re

from linting.core import wordlists
from linting.core.analysis import memo
from linting.core.findings import Severity
from linting.core.registry import Rule, RuleDocs, registry

MIN_TREATMENT_CUES = 3
# A sentence that names side effects or complications outright is a risks passage on its own.
_STRONG_RISK = re.compile(
    r"\bside[- ]effects?\b|\bcomplications?\b|\brisks?\s+(?:of|include|are)\b|\badverse\b|\b(?:can|may|could)\s+cause\b",
    re.I,
)


def is_treatment_article(doc, config=None) -> bool:
    """The article talks about a treatment, product or procedure (not only a condition)."""
    text = "\n".join([doc.title] + [s.text for s in doc.body_sections])
    return wordlists.count("treatment_cues", text, config, limit=MIN_TREATMENT_CUES) >= MIN_TREATMENT_CUES


def _treatment_article(doc, ctx) -> bool:
    return memo(ctx, doc, "treatment_article", lambda: is_treatment_article(doc, ctx.config))


def risk_sentences(section, config=None) -> list:
    """Sentences that state a risk, side effect or complication (not 'no risk', '100% safe')."""
    found = []
    for sentence in section.sentences:
        text = sentence.text
        if not wordlists.search("risk_cues", text, config) or text.rstrip().endswith("?"):
            continue
        # "never seen a serious side effect", "lowers the risk": not a statement of a risk.
        if not wordlists.search("risk_negations", text, config):
            found.append(sentence)
    return found


def has_risks_passage(doc, config=None) -> bool:
    """A risks section with real risk statements, or a passage stating two or more risks."""
    for section in doc.body_sections:
        if section.kind in ("cta",):
            continue
        stated = risk_sentences(section, config)
        if stated and (section.kind == "risks" or any(_STRONG_RISK.search(s.text) for s in stated)):
            return True
        if len(stated) < 2:
            continue  # no paragraph can hold two
        paragraphs = section.text.split("\n\n")
        offset = 0
        for para in paragraphs:
            start, end = offset, offset + len(para)
            offset = end + 2
            if sum(1 for s in stated if start <= s.start < end) >= 2:
                return True
    return False


@registry.register
class NoRisks(Rule):
    id = "balance.no-risks"
    severity = Severity.ERROR
    summary = "A treatment article with no risks, side effects or complications."
    docs = RuleDocs(
        what=(
            "Fires once per article that discusses a treatment but has no risks/side-effects section with "
            "real risk statements, nor a passage describing at least two risks. 'Completely safe' and "
            "'no risk' do not count."
        ),
        why="DISCERN question 11 asks whether the risks of each treatment are described; leaving them out misleads readers about the balance of benefit and harm.",
        example="Our injections rebuild cartilage. There is no risk and no downtime.",
        use_instead="Side effects: the injection site can be sore for two days; infection happens in about 1 in 1,000 injections.",
        fix="Add a section on risks, side effects and complications, with their frequency and a source.",
    )

    def check(self, doc, ctx):
        if not doc.sections or not _treatment_article(doc, ctx):
            return
        if not has_risks_passage(doc, ctx.config):
            yield self.finding(
                "The article describes a treatment but not its risks or side effects.",
                cues=["no risks or side-effects passage"],
                suggestion="Add a section on risks, side effects and complications, with how often they happen.",
            )


@registry.register
class NoUncertainty(Rule):
    id = "balance.no-uncertainty"
    severity = Severity.WARNING
    summary = "No statement of what is unknown or still under study."
    docs = RuleDocs(
        what="Fires once per treatment article that never says what is uncertain, unproven or still being studied.",
        why="DISCERN question 9 asks whether the article refers to areas of uncertainty; presenting a treatment as settled overstates the evidence.",
        example="PRP heals damaged tendons and restores full function.",
        use_instead="Trials of PRP for tendon injuries have had mixed results, and more research is needed.",
        fix="Say what the evidence does not yet show, and where research is still going on.",
    )

    def check(self, doc, ctx):
        if not doc.sections or not _treatment_article(doc, ctx):
            return
        for section in doc.body_sections:
            if wordlists.search("uncertainty", section.text, ctx.config):
                return
        yield self.finding(
            "The article never says what is uncertain or still being studied.",
            cues=["no uncertainty statement"],
            suggestion="Add a sentence on the limits of the evidence (what is unknown, unproven or under study).",
        )
