"""Source rules: an article that makes claims lists its sources; every marker resolves."""

from __future__ import annotations

import re

from linting.core.findings import Severity
from linting.core.registry import Rule, RuleDocs, registry

from .claim_text import iter_claims

_INLINE = re.compile(r"\b10\.\d{4,9}/\S+|\bPMID:?\s*\d{5,9}\b|\bhttps?://\S+", re.I)


@registry.register
class SourcesMissing(Rule):
    id = "sources.missing"
    severity = Severity.ERROR
    summary = "An article that makes claims but lists no sources."
    docs = RuleDocs(
        what=(
            "Fires once when the article makes at least one claim, has no sources list and cites nothing "
            "inline (no marker, link, DOI or PMID anywhere in its body)."
        ),
        why="The JAMA benchmarks (attribution) require references and sources for all content; HONcode principle 4 asks for claims to be backed by them.",
        example="(an article full of outcome claims with no references at all)",
        use_instead="Sources\n[1] National Institute for Health and Care Excellence. Guideline NG00. 2023.",
        fix="Add a Sources list with the studies, guidelines and registries the article relies on.",
    )

    def check(self, doc, ctx):
        if doc.sources:
            return
        body = "\n".join(s.text for s in doc.body_sections)
        if any(s.citations for s in doc.body_sections) or _INLINE.search(body):
            return
        claims = list(iter_claims(doc, ctx.config))
        if claims:
            yield self.finding(
                f"The article makes {len(claims)} claim(s) but lists no sources.",
                cues=["no sources list", f"{len(claims)} claims"],
                suggestion="Add a Sources section and cite it from the claims.",
            )


@registry.register
class UnresolvedCitation(Rule):
    id = "citations.unresolved"
    severity = Severity.WARNING
    summary = "A citation marker that matches no listed source."
    docs = RuleDocs(
        what=(
            "Flags inline markers ([4], footnote references) that resolve to no entry of the sources list. "
            "A claim whose only support is such a marker is also reported by claims.unsupported."
        ),
        why="JAMA attribution: a reference the reader cannot find is no reference; a broken marker usually means a source was deleted.",
        example="Most patients recover in a week. [4]   (with only three sources listed)",
        use_instead="Most patients recover in a week. [3]   (source 3 listed)",
        fix="Add the missing source to the list, or correct the marker.",
    )

    def check(self, doc, ctx):
        for section in doc.sections:
            if section.kind == "sources":
                continue
            for c in section.citations:
                if c.source_index is None:
                    sentence = next((s for s in section.sentences if s.start <= c.start <= s.end), None)
                    yield self.finding(
                        f"Marker [{c.marker}] matches no listed source.",
                        section=section,
                        sentence=sentence,
                        excerpt=None if sentence else section.text[c.start : c.end],
                        start=None if sentence else c.start,
                        end=None if sentence else c.end,
                        cues=[f"marker [{c.marker}] matches no source"],
                        suggestion="Add the source to the list or fix the marker number.",
                        fingerprint_extra=c.marker,
                    )
