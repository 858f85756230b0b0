"""The Markdown adapter: front matter to metadata, body through the HTML adapter."""

from __future__ import annotations

import datetime as dt

from linting.sources.markdown import parse_markdown, split_front_matter

ARTICLE = """---
title: "Magnesium for cramps"
author: Dr Yusuf Hale
reviewer: 'Priya Nand, RD'
last_reviewed: 2024-02-29
tags: [minerals, cramps]
---
# Magnesium and night cramps

Many adults take magnesium for leg cramps at night [1]. See the [trial summary](https://trials.example/mg).

## Possible side effects

- Loose stools at higher doses.
- Rarely, low blood pressure.

## Sources

1. Kaur R. Magnesium and cramps. 2020. doi:10.4444/mg.20
2. [Cramp leaflet](https://leaflets.example/cramp)
"""


def test_front_matter_fills_structured_metadata():
    doc = parse_markdown(ARTICLE, "mg.md")
    meta = doc.metadata
    assert meta.structured
    assert meta.author == "Dr Yusuf Hale"
    assert meta.reviewer == "Priya Nand, RD"
    assert meta.review_date == dt.date(2024, 2, 29)
    assert meta.tags == ["minerals", "cramps"]
    assert doc.title == "Magnesium for cramps"


def test_reviewed_alias_and_missing_fields():
    doc = parse_markdown("---\nreviewed: 2023-01-05\n---\n\nSome text here.\n", "a.md")
    assert doc.metadata.structured
    assert doc.metadata.review_date == dt.date(2023, 1, 5)
    assert not doc.metadata.author


def test_no_front_matter_is_unstructured():
    doc = parse_markdown("# Title here\n\nBody text.\n", "b.md")
    assert not doc.metadata.structured
    assert doc.title == "Title here"
    assert split_front_matter("no front matter")[0] is None


def test_sections_links_and_sources():
    doc = parse_markdown(ARTICLE, "mg.md")
    intro, risks, sources = doc.sections
    assert intro.kind == "intro"
    (link,) = intro.links
    assert (link.url, intro.text[link.start:link.end]) == ("https://trials.example/mg", "trial summary")
    (cit,) = intro.citations
    assert doc.sources[cit.source_index].doi == "10.4444/mg.20"
    assert risks.kind == "risks"
    assert risks.text == "Loose stools at higher doses.\nRarely, low blood pressure."
    assert sources.kind == "sources"
    assert doc.sources[1].url == "https://leaflets.example/cramp"
