from linting.core.section_kinds import DEFAULT_SECTION_KINDS, classify_heading
from linting.sources.txt import parse_txt

from ._articles import CITED, SEED_LIKE


def test_chrome_before_title_is_skipped_and_title_found():
    doc = parse_txt(SEED_LIKE, "seed.txt")
    assert doc.title == "Hip Arthritis Care: Portugal's Rise in Cell Therapy"
    assert doc.path == "seed.txt"
    assert all("Health Journeys" != s.text.strip() for s in doc.sections)
    assert doc.metadata.author is None and doc.metadata.reviewer is None and doc.metadata.review_date is None
    assert doc.metadata.structured is False


def test_intro_headings_disclaimer_and_cta_sections():
    doc = parse_txt(SEED_LIKE)
    kinds = [(s.kind, s.heading) for s in doc.sections]
    assert kinds[0] == ("intro", None)
    assert ("condition", "What Is Hip Arthritis") in kinds
    assert ("providers", "Clinics and Approaches") in kinds
    cta = doc.sections_of("cta")
    assert len(cta) == 1 and "please visit" in cta[0].text and cta[0].attrs["label"]
    disclaimer = doc.sections_of("disclaimer")
    assert len(disclaimer) == 1 and disclaimer[0].text.startswith("Disclaimer:")


def test_sources_citations_and_links():
    doc = parse_txt(CITED)
    assert [s.marker for s in doc.sources] == ["1", "2"]
    assert doc.sources[0].url == "https://health.example/shingles" and doc.sources[0].year == 2022
    assert doc.sections[-1].kind == "sources"
    intro = doc.sections[0]
    assert [(c.marker, c.source_index) for c in intro.citations] == [("1", 0), ("2", 1)]
    evidence = next(s for s in doc.sections if "doi:" in s.text)
    doi = [link for link in evidence.links if "doi.org" in link.url][0]
    assert doi.url == "https://doi.org/10.1056/NEJMoa0000000"
    assert evidence.text[doi.start : doi.end].startswith("doi:10.1056")


def test_unresolved_marker_and_pmid():
    doc = parse_txt("Title here\n\nIt halves relapses. [3] See PMID: 12345678 and http://old.example/page.\n")
    sec = doc.sections[0]
    assert [(c.marker, c.source_index) for c in sec.citations] == [("3", None)]
    urls = [link.url for link in sec.links]
    assert "https://pubmed.ncbi.nlm.nih.gov/12345678/" in urls and "http://old.example/page" in urls


def test_question_headings_list_items_and_dangling_lines():
    text = (
        "Title\n\nIntro text here.\n\nIs it safe?\n\nMostly, yes.\n\nWhat to bring\n\n• your letter\n\n• your tablets\n\n"
        "Watch the film here\n\nBook now\n\nCall 0113 496 0999 to book.\n"
    )
    doc = parse_txt(text)
    headings = [s.heading for s in doc.sections]
    assert "Is it safe?" in headings and "What to bring" in headings and "Book now" in headings
    assert "Watch the film here" not in headings  # a stripped link, not a heading
    bring = next(s for s in doc.sections if s.heading == "What to bring")
    assert bring.text.startswith("• your letter\n• your tablets\n\nWatch the film here")
    assert next(s for s in doc.sections if s.heading == "Book now").kind == "cta"


def test_never_raises_on_odd_input():
    for odd in ["", "\n\n\n", "only one line", "(((\n[[[\n", "\x00\x01 binary-ish", "Sources\n\n[1]"]:
        doc = parse_txt(odd)
        assert doc.title is not None


def test_classify_heading_table_is_replaceable():
    assert classify_heading("Side effects and complications") == "risks"
    assert classify_heading("Something unrelated") == "other"
    assert classify_heading(None) == "other"
    table = dict(DEFAULT_SECTION_KINDS, costs=["what you pay"])
    assert classify_heading("What you pay", table) == "costs"
    assert classify_heading("Anything", {"faq": ["re:^any"]}) == "faq"


def test_disclaimer_after_the_sources_list_is_the_disclaimer():
    text = (
        "Knee braces: what to know\n\n"
        "A brace can make the knee feel steadier. [1]\n\n"
        "Sources\n\n"
        "1. Example Orthotics Society. Bracing guide. 2023. https://orthotics.example/guide\n\n"
        "Disclaimer: This page is general information and not a substitute for medical advice. "
        "Consult your physiotherapist before buying a brace.\n"
    )
    doc = parse_txt(text)
    assert [s.marker for s in doc.sources] == ["1"]
    assert [s.kind for s in doc.sections] == ["intro", "sources", "disclaimer"]
    assert doc.sections[-1].text.startswith("Disclaimer: This page")
    assert "Disclaimer" not in doc.sections_of("sources")[0].text


def test_import_fixture_disclaimer_is_not_a_source():
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "hair-transplant.txt"
    doc = parse_txt(fixture.read_text(encoding="utf-8"))
    assert len(doc.sources) == 1 and not doc.sources[0].title.startswith("Disclaimer")
    assert doc.sections_of("disclaimer")[0].text.startswith("Disclaimer:")
