"""The Wagtail v2 API JSON adapter: page detail and listing."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from linting.sources.apijson import parse_api_json
from linting.sources.files import InputError

PAGE = {
    "id": 31,
    "meta": {"type": "pages.ArticlePage", "html_url": "https://site.example/articles/sleep/"},
    "title": "Sleep and melatonin",
    "summary": "What melatonin does and does not do.",
    "author": {"name": "Dr Ines Moll", "credentials": "MD"},
    "reviewer": None,
    "last_reviewed": "2024-06-01",
    "body": [
        {"type": "evidence", "id": "e1", "value": {"heading": "What trials show",
         "text": '<p>Melatonin shortened time to fall asleep a little<a href="#footnote-1">[1]</a>. '
                 'Read <a href="/sleep/tips/">our tips</a>.</p>'}},
        {"type": "risks", "id": "r1", "value": {"heading": "Side effects", "text": "<p>Headache and next-day grogginess [2].</p>"}},
        {"type": "cta", "id": "c1", "value": {"text": "<p>Order a sleep kit.</p>", "button_label": "Order now",
                                              "url": "https://shop.example/kit", "page": None, "sponsored": True}},
        {"type": "mystery", "id": "m1", "value": {"heading": "Odd", "text": "<p>Kept as other.</p>"}},
    ],
    "footnotes": [{"id": "8c1f", "number": 1, "text": '<p>Ward L. Melatonin review. 2020. <a href="https://doi.org/10.3333/mel">doi</a></p>'}],
    "sources": [
        {"title": "Old sleep survey", "url": "https://survey.example", "publisher": "Sleep Org", "year": 2015, "doi": "", "pmid": ""},
        {"title": "Grogginess trial", "url": "", "publisher": "", "year": "2018", "doi": "10.2222/g", "pmid": "998877"},
    ],
    "disclaimers": [
        {"kind": "medical", "text": "<p>Talk to your doctor before taking supplements.</p>"},
        {"kind": "advertising", "text": "<p>This page contains paid placements.</p>"},
    ],
}


def test_page_detail():
    (doc,) = parse_api_json(json.dumps(PAGE), "sleep.json")
    assert doc.title == "Sleep and melatonin"
    assert doc.base_url == "https://site.example/articles/sleep/"
    meta = doc.metadata
    assert (meta.author, meta.reviewer, meta.review_date, meta.structured) == ("Dr Ines Moll", "", dt.date(2024, 6, 1), True)
    kinds = [(s.kind, s.heading, s.block_id) for s in doc.sections]
    assert kinds == [
        ("intro", None, None),
        ("evidence", "What trials show", "e1"),
        ("risks", "Side effects", "r1"),
        ("cta", None, "c1"),
        ("other", "Odd", "m1"),
        ("disclaimer", None, None),
        ("disclosure", None, None),
    ]
    assert doc.sections[4].attrs == {"block_type": "mystery"}
    assert doc.sections[6].attrs == {"disclaimer_kind": "advertising"}


def test_citations_sources_and_links():
    (doc,) = parse_api_json(json.dumps(PAGE), "sleep.json")
    evidence, risks = doc.sections[1], doc.sections[2]
    (fn,) = evidence.citations
    assert doc.sources[fn.source_index].url == "https://doi.org/10.3333/mel"
    assert doc.sources[fn.source_index].doi == "10.3333/mel"
    (plain,) = risks.citations
    assert doc.sources[plain.source_index].title == "Grogginess trial"
    assert doc.sources[plain.source_index].year == 2018
    (link,) = evidence.links
    assert (link.url, evidence.text[link.start:link.end]) == ("/sleep/tips/", "our tips")
    cta_links = [(i, lk.url, lk.text) for i, lk in doc.extra_links if i is not None]
    assert cta_links == [(3, "https://shop.example/kit", "Order now")]
    assert doc.sections[3].attrs["sponsored"] is True


def test_cta_to_internal_page():
    page = dict(PAGE, body=[{"type": "cta", "id": "c9", "value": {"text": "<p>Book.</p>", "button_label": "Book",
                                                                   "url": "", "page": 77, "sponsored": False}}])
    (doc,) = parse_api_json(json.dumps(page), "p.json")
    ((index, link),) = [(i, lk) for i, lk in doc.extra_links if i is not None]
    assert (link.kind, link.target_id) == ("page", 77)


def test_listing_gives_several_documents():
    listing = {"meta": {"total_count": 2}, "items": [PAGE, dict(PAGE, id=32, title="Second")]}
    docs = parse_api_json(json.dumps(listing), "list.json")
    assert [d.title for d in docs] == ["Sleep and melatonin", "Second"]
    assert [d.path for d in docs] == ["list.json#31", "list.json#32"]


def test_null_people_and_date():
    (doc,) = parse_api_json(json.dumps(dict(PAGE, author=None, last_reviewed=None)), "p.json")
    assert doc.metadata.author == "" and doc.metadata.review_date is None


@pytest.mark.parametrize("text, fragment", [("{not json", "malformed JSON"), ('{"foo": 1}', "not a Wagtail API page")])
def test_bad_json(text, fragment):
    with pytest.raises(InputError) as err:
        parse_api_json(text, "bad.json")
    assert str(err.value).startswith("bad.json: ") and fragment in str(err.value)
