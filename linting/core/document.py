"""The document model every rule reads.

Adapters (``linting.sources``) build a :class:`Document` from a Wagtail revision or a file; rules
never see where it came from. Offsets (``start``/``end``) are character offsets into
:attr:`Section.text`, which is plain text: paragraphs separated by a blank line, list items on
lines of their own, inline citation markers kept as written (``[1]``) so sentences read the way
the reader sees them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

# Section kinds. Adapters map headings / block types to these; rules rely on a few of them
# ("risks", "disclaimer", "cta", "sources") and treat every other kind as body text.
SECTION_KINDS = (
    "intro",
    "overview",
    "condition",
    "treatment",
    "evidence",
    "risks",
    "costs",
    "providers",
    "regulation",
    "case_study",
    "outlook",
    "faq",
    "cta",
    "disclaimer",
    "disclosure",
    "sources",
    "other",
)

# Kinds whose text is not article body (claims rules skip them).
NON_BODY_KINDS = frozenset({"disclaimer", "disclosure", "sources"})


# The parser makes a Sentence per sentence and a Link or Citation per marker. The __init__ a
# frozen dataclass generates calls object.__setattr__ once per field; these write the fields
# into the instance dict instead (tests/core/test_findings.py keeps their signatures equal to
# the fields).


@dataclass(frozen=True, init=False)
class Sentence:
    """One sentence of a section: ``text`` is ``section.text[start:end]``."""

    text: str
    start: int
    end: int

    def __init__(self, text: str, start: int, end: int) -> None:
        fields = self.__dict__
        fields["text"] = text
        fields["start"] = start
        fields["end"] = end


@dataclass(frozen=True, init=False)
class Link:
    """A link as written in the content.

    ``url`` is the target as written ("" for an empty href); ``kind`` says how to check it:
    ``external`` (http/https/other scheme), ``page``/``document``/``image`` (internal objects with
    ``target_id``), ``anchor`` (``#fragment`` on the same page). ``start``/``end`` locate the link
    text in the section text, or are -1 when the link has no inline text (a source URL, a
    call-to-action target).
    """

    url: str
    text: str = ""
    start: int = -1
    end: int = -1
    kind: str = "external"
    target_id: int | None = None

    def __init__(
        self, url: str, text: str = "", start: int = -1, end: int = -1, kind: str = "external", target_id: int | None = None
    ) -> None:
        fields = self.__dict__
        fields["url"] = url
        fields["text"] = text
        fields["start"] = start
        fields["end"] = end
        fields["kind"] = kind
        fields["target_id"] = target_id


@dataclass(frozen=True, init=False)
class Citation:
    """An inline citation marker (``[2]`` or a footnote reference) in a section's text.

    ``source_index`` is the 0-based index in :attr:`Document.sources` the marker resolves to, or
    None when it resolves to no listed source (itself a finding).
    """

    marker: str
    start: int
    end: int
    source_index: int | None = None

    def __init__(self, marker: str, start: int, end: int, source_index: int | None = None) -> None:
        fields = self.__dict__
        fields["marker"] = marker
        fields["start"] = start
        fields["end"] = end
        fields["source_index"] = source_index


@dataclass
class Section:
    """An ordered part of the article: a StreamField block or a heading-delimited passage."""

    kind: str
    text: str
    heading: str | None = None
    block_id: str | None = None
    links: list[Link] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    # Extra per-block facts an adapter knows (e.g. {"sponsored": True} on a call to action).
    attrs: dict = field(default_factory=dict)

    @cached_property
    def sentences(self) -> list[Sentence]:
        from linting.core.sentences import split_sentences

        return split_sentences(self.text)

    @property
    def is_body(self) -> bool:
        return self.kind not in NON_BODY_KINDS


@dataclass(frozen=True)
class Source:
    """An entry of the article's sources list (any field may be empty)."""

    title: str = ""
    url: str = ""
    publisher: str = ""
    year: int | None = None
    doi: str = ""
    pmid: str = ""
    marker: str = ""  # the label inline markers use for it ("1"), when known


@dataclass
class Metadata:
    """Article-level facts. ``None`` means the input format cannot carry the field."""

    author: str | None = None
    reviewer: str | None = None
    review_date: dt.date | None = None
    summary: str = ""
    page_type: str = "article"
    tags: list[str] = field(default_factory=list)
    # True when the adapter read a source that can carry author/reviewer/date (CMS, front matter).
    structured: bool = False


@dataclass
class Document:
    """One article to lint."""

    path: str
    title: str
    sections: list[Section] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    # Links that live outside any section's text (sources list, CTA targets, images, documents),
    # each with the section (or None) it belongs to: (section_index | None, Link).
    extra_links: list[tuple[int | None, Link]] = field(default_factory=list)
    # Base URL that relative links resolve against (CLI --base-url, or the page URL on the CMS).
    base_url: str | None = None

    def sections_of(self, *kinds: str) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    @property
    def body_sections(self) -> list[Section]:
        return [s for s in self.sections if s.is_body]

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sections)
