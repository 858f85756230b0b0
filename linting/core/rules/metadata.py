"""Metadata rules: named author, named medical reviewer, a recent review date (JAMA, HONcode 1)."""

from __future__ import annotations

import datetime as dt

from linting.core.findings import Severity
from linting.core.registry import Rule, RuleDocs, registry


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@registry.register
class AuthorMissing(Rule):
    id = "metadata.author"
    severity = Severity.ERROR
    summary = "No named author."
    docs = RuleDocs(
        what="Fires once when the article names no author.",
        why="The JAMA benchmarks (authorship) and HONcode principle 1 (authoritativeness) ask that readers can see who wrote the content and their credentials.",
        example="(an article with an empty author field)",
        use_instead="Author: Jane Doe, physiotherapist",
        fix="Set the author (a person, with their qualification).",
    )

    def check(self, doc, ctx):
        if _blank(doc.metadata.author):
            yield self.finding("The article names no author.", cues=["author missing"], suggestion="Add the author's name and qualification.")


@registry.register
class ReviewerMissing(Rule):
    id = "metadata.reviewer"
    severity = Severity.WARNING
    summary = "No named medical reviewer."
    docs = RuleDocs(
        what="Fires once when the article names no medical reviewer.",
        why="HONcode principle 1: medical content should be written or reviewed by a qualified professional, and say so.",
        example="(an article with an empty reviewer field)",
        use_instead="Medically reviewed by Dr A. Example, consultant rheumatologist",
        fix="Have a qualified professional review the article and name them.",
    )

    def check(self, doc, ctx):
        if _blank(doc.metadata.reviewer):
            yield self.finding("The article names no medical reviewer.", cues=["reviewer missing"], suggestion="Add a named, qualified medical reviewer.")


def months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    return months - (1 if later.day < earlier.day else 0)


@registry.register
class ReviewDate(Rule):
    id = "metadata.review-date"
    severity = Severity.WARNING
    summary = "No last-reviewed date, or one older than the limit (default 12 months)."
    docs = RuleDocs(
        what="Fires once when the article has no last-reviewed date, or the date is older than `thresholds.review_months`.",
        why="The JAMA benchmarks (currency) and HONcode principle 4 ask that health content shows when it was last checked; medical advice dates quickly.",
        example="Last reviewed: 3 March 2019",
        use_instead="Last reviewed: (within the last 12 months)",
        fix="Review the article against current guidance and update the review date.",
    )

    today = staticmethod(dt.date.today)

    def check(self, doc, ctx):
        date = doc.metadata.review_date
        if date is None:
            yield self.finding("The article has no last-reviewed date.", cues=["review date missing"], suggestion="Add the date the article was last medically reviewed.")
            return
        if isinstance(date, dt.datetime):
            date = date.date()
        limit = int(ctx.config.threshold("review_months"))
        age = months_between(date, self.today())
        if age > limit:
            yield self.finding(
                f"Last reviewed {age} months ago (limit {limit}).",
                cues=[f"reviewed {date.isoformat()}"],
                suggestion="Review the article against current guidance and update the review date.",
                fingerprint_extra=date.isoformat(),
            )
