"""links.broken and links.redirect: what the link checks found, reported where the link is.

Rules never fetch: external and internal results come from ``ctx.link_results`` (filled by
:func:`linting.core.links.results_for` on the CLI, by the CMS for page/document/image links).
Same-page ``#anchor`` links need no network, so ``links.broken`` always runs and checks them
against the document's own sections; a link with no result (``--no-network``, excluded, or a
relative URL with no base) is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from linting.core.findings import Finding, Severity
from linting.core.links.extract import anchor_exists, anchor_targets, extract_links, result_key
from linting.core.registry import LintContext, Rule, RuleDocs, registry


def _located(occ) -> dict:
    link = occ.link
    text = link.text.strip() or link.url
    if link.start >= 0 and link.end >= link.start:
        return {"excerpt": text, "start": link.start, "end": link.end}
    return {"excerpt": text}


@registry.register
class BrokenLink(Rule):
    id = "links.broken"
    severity = Severity.ERROR
    summary = "A link whose target is missing: HTTP error, DNS failure, timeout, missing page or #fragment."
    needs_network = False  # anchors are checked offline; network results are used when present
    docs = RuleDocs(
        what=(
            "Reports every link whose target could not be reached: an external URL answering "
            "4xx/5xx, failing DNS, timing out, looping through redirects or lacking the #fragment "
            "it names; an internal page, document or image that is missing or unpublished; a "
            "same-page #anchor with no section of that id."
        ),
        why=(
            "A reader who follows a source or a next step and lands on an error page loses the "
            "evidence behind the claim; HONcode 4 (justifiability) and JAMA attribution rely on "
            "references a reader can actually open."
        ),
        example='Read the <a href="https://example.org/trial-results-2019">trial results</a> (404).',
        use_instead='Read the <a href="https://example.org/trials/2019/results">trial results</a>.',
        fix=(
            "Update the link to the page's current address, link an archived copy, or remove the "
            "link and the claim that depends on it."
        ),
    )

    def check(self, doc, ctx: LintContext) -> Iterator[Finding]:
        results = ctx.link_results or {}
        targets = None
        for occ in extract_links(doc):
            if occ.kind == "anchor":
                targets = anchor_targets(doc) if targets is None else targets
                if anchor_exists(doc, occ.url, targets):
                    continue
                name = occ.url.lstrip("#")
                reason = f"no section #{name} on this page"
            else:
                result = results.get(result_key(occ))
                if result is None or result.ok:
                    continue
                reason = result.reason or "not reachable"
            text = occ.link.text.strip() or occ.link.url
            yield self.finding(
                f'Broken link "{text}": {reason}.',
                section=occ.section,
                cues=(reason,),
                url=occ.link.url,
                suggestion="Point the link at a page that exists, or remove it.",
                **_located(occ),
            )


@registry.register
class PermanentRedirect(Rule):
    id = "links.redirect"
    severity = Severity.INFO
    summary = "A link that permanently redirects (301/308): link the new address instead."
    needs_network = True
    docs = RuleDocs(
        what=(
            "Reports links whose server answers with a permanent redirect (301 or 308), naming "
            "the address the link now leads to."
        ),
        why=(
            "A permanent redirect says the old address is retired; redirects get dropped when "
            "sites move again, and each hop slows the reader down. Keeping references current "
            "is part of JAMA's currency criterion."
        ),
        example='See <a href="http://example.org/guidelines">the guidelines</a> (301 to https://example.org/care/guidelines).',
        use_instead='See <a href="https://example.org/care/guidelines">the guidelines</a>.',
        fix="Replace the link with the address it redirects to.",
    )

    def check(self, doc, ctx: LintContext) -> Iterator[Finding]:
        results = ctx.link_results or {}
        for occ in extract_links(doc):
            if occ.kind != "external":
                continue
            result = results.get(occ.url)
            if result is None or not result.ok or not result.permanent_redirect_to:
                continue
            text = occ.link.text.strip() or occ.link.url
            target = result.permanent_redirect_to
            yield self.finding(
                f'Link "{text}" permanently redirects to {target}.',
                section=occ.section,
                cues=("permanent redirect", target),
                url=occ.link.url,
                suggestion=f"Link {target} directly.",
                **_located(occ),
            )
