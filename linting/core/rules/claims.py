"""Claims rules: unsupported claims, vague attributions, peacock wording, absolute promises."""

from __future__ import annotations

import re

from linting.core import wordlists
from linting.core.analysis import memo
from linting.core.findings import Severity
from linting.core.registry import Rule, RuleDocs, registry

from .claim_text import iter_claims, not_a_claim, sentence_support

_NEGATED = re.compile(r"\b(?:no|not|never|isn't|aren't|nor|without)\s+(?:\w+\s+){0,2}$", re.I)
# The lists the vague-attribution, promotional and absolute rules read in every body sentence.
_SENTENCE_LISTS = ("vague_attribution", "peacock", "absolute")


def _listed(doc, ctx) -> list[tuple]:
    """(section, sentence, matched words of each of ``_SENTENCE_LISTS``) for the body sentences
    where one of them matches, in document order.

    Worked out once for the three rules: one gated query per sentence instead of three, and each
    rule then walks only the few sentences that concern it. A list's words are empty exactly
    when it has no match (``matched`` lists the matches' strings).
    """

    def compute() -> list[tuple]:
        found = []
        for section in doc.body_sections:
            for sentence in section.sentences:
                words = wordlists.matched_each(_SENTENCE_LISTS, sentence.text, ctx.config)
                if words[0] or words[1] or words[2]:
                    found.append((section, sentence, words))
        return found

    return memo(ctx, doc, "claims.listed", compute)


@registry.register
class UnsupportedClaim(Rule):
    id = "claims.unsupported"
    severity = Severity.ERROR
    summary = "A claim of efficacy, outcome, statistics, safety or superiority with no source."
    docs = RuleDocs(
        what=(
            "Flags sentences that assert a checkable claim (a treatment works, results in patients, a number "
            "or trend, something is safe or risky, a provider is the best) with no support: no citation "
            "marker in or right after it, no URL/DOI/PMID, no specific named source (registry, guideline, "
            "journal, trial, review, named expert), no explicit reference back to the source named in the "
            "sentence before, and no attribution line after its paragraph. A marker that matches no listed "
            "source does not count and is named in the cues."
        ),
        why=(
            "HONcode principle 4 (justifiability) and the JAMA benchmarks (attribution) require claims about "
            "benefits and performance to be backed by references; DISCERN question 4 asks whether the sources "
            "of the information are clear. 'Studies show' and the publisher's own results are not sources."
        ),
        example="Our injections rebuild worn joints in most patients within a month.",
        use_instead="Injections reduced pain at 12 weeks in a 2021 Cochrane review (doi:10.1002/14651858.CD000000).",
        fix="Cite the study, registry or guideline the claim comes from (a marker, link, DOI or PMID), or remove the claim.",
    )

    def check(self, doc, ctx):
        for section, sentence, verdict in iter_claims(doc, ctx.config):
            if verdict.support is not None:
                continue
            yield self.finding(
                "Claim without a source." if not verdict.unresolved else "Claim cites a marker that matches no listed source.",
                section=section,
                sentence=sentence,
                cues=verdict.cues,
                suggestion="Add a citation (marker with a listed source, link, DOI or PMID) or a named source, or remove the claim.",
            )


@registry.register
class VagueAttribution(Rule):
    id = "claims.vague-attribution"
    severity = Severity.WARNING
    summary = "An unnamed authority: 'studies show', 'experts agree', 'numerous success stories'."
    docs = RuleDocs(
        what="Flags attributions to unnamed studies, experts or stories when the sentence carries no citation.",
        why=(
            "Wikipedia's MOS:WEASEL: phrases such as 'research has shown' or 'experts say' lend authority "
            "without saying whose; readers cannot check them (JAMA attribution, DISCERN 4)."
        ),
        example="Studies show that the supplement doubles your energy.",
        use_instead="A 2020 trial of 300 adults found no change in fatigue (PMID: 31234567).",
        fix="Name the study, review or expert and cite it, or drop the attribution.",
    )

    def check(self, doc, ctx):
        for section, sentence, (cues, _, _) in _listed(doc, ctx):
            if not cues or sentence_support(section, sentence)[0] is not None:
                continue
            yield self.finding(
                f"Vague attribution: '{cues[0]}' names no source.",
                section=section,
                sentence=sentence,
                cues=cues,
                suggestion="Say which study, organisation or expert, and cite it.",
            )


@registry.register
class PromotionalWording(Rule):
    id = "claims.promotional"
    severity = Severity.WARNING
    summary = "Peacock and hype words: renowned, leading, cutting-edge, remarkable, transformative."
    docs = RuleDocs(
        what="Flags sentences using words that praise rather than inform.",
        why=(
            "Wikipedia's MOS:PEACOCK: such words promote the subject without conveying verifiable "
            "information; the FTC treats unqualified superlatives in health marketing as claims that need substantiation."
        ),
        example="Our renowned surgeons use cutting-edge techniques.",
        use_instead="Our surgeons have carried out 400 of these operations since 2015.",
        fix="Replace the praise with a specific, checkable fact, or delete it.",
    )

    def check(self, doc, ctx):
        for section, sentence, (_, cues, _) in _listed(doc, ctx):
            if cues:
                yield self.finding(
                    f"Promotional wording: {', '.join(repr(c) for c in cues[:3])}.",
                    section=section,
                    sentence=sentence,
                    cues=cues,
                    suggestion="State a specific fact instead of praise.",
                )


@registry.register
class AbsoluteClaim(Rule):
    id = "claims.absolute"
    severity = Severity.ERROR
    summary = "Absolute promises: cure, guaranteed, miracle, no side effects, 100% safe, risk-free."
    docs = RuleDocs(
        what="Flags health-fraud red-flag wording that promises certainty no treatment can offer.",
        why=(
            "The FTC's Health Products Compliance Guidance and the FDA's health-fraud red flags name 'cure', "
            "'guaranteed', 'miracle', 'no side effects' and '100% safe' as signs of deceptive claims."
        ),
        example="This therapy is 100% safe, with no side effects.",
        use_instead="Most side effects are mild; about 1 in 50 people get a headache (source: NHS).",
        fix="Describe the real benefits and risks with their sizes and a source.",
    )

    def check(self, doc, ctx):
        for section, sentence, (_, _, listed) in _listed(doc, ctx):
            if not listed:
                continue
            cues = []
            for m in wordlists.find_all("absolute", sentence.text, ctx.config):
                word = " ".join(m.group(0).lower().split())
                if not word.startswith(("no ", "never")) and _NEGATED.search(sentence.text[: m.start()]):
                    continue
                cues.append(word)
            if cues and not_a_claim(sentence.text, ctx.config) not in ("question", "evidence_state"):
                cues = list(dict.fromkeys(cues))
                yield self.finding(
                    f"Absolute claim: {', '.join(repr(c) for c in cues[:3])}.",
                    section=section,
                    sentence=sentence,
                    cues=cues,
                    suggestion="No treatment is certain or risk-free: give the real figures and their source.",
                )
