"""Link extraction: every link with its section, resolved the way the checker will see it."""

from __future__ import annotations

from linting.core.document import Document, Link, Section, Source
from linting.core.links.extract import (
    anchor_exists,
    doi_url,
    external_urls,
    extract_links,
    pmid_url,
    resolve,
    result_key,
)


def make_doc(**kw) -> Document:
    body = Section(
        kind="treatment",
        heading="How the splint is fitted",
        block_id="blk-fit",
        text="A physiotherapist fits the splint. See the fitting notes and the leaflet.",
        links=[
            Link(url="notes/fitting.html", text="fitting notes", start=42, end=55),
            Link(url="https://example.org/leaflet", text="leaflet", start=64, end=71),
            Link(url="mailto:clinic@example.org", text="email us"),
            Link(url="tel:+441234", text="call"),
            Link(url="#aftercare", text="aftercare", kind="anchor"),
            Link(url="#nowhere", text="elsewhere"),
            Link(url="", text="dangling"),
        ],
    )
    aftercare = Section(kind="other", heading="Aftercare", block_id="aftercare", text="Rest the wrist.")
    sources = Section(kind="sources", heading="Sources", text="1. Splint trial.")
    defaults = dict(
        path="splint.md",
        title="Wrist splints",
        sections=[body, aftercare, sources],
        sources=[
            Source(title="Splint trial", url="https://example.org/trial", doi="10.1000/splint.2020.7", pmid="PMID: 3141592"),
            Source(title="Duplicate", url="https://example.org/leaflet"),
        ],
        extra_links=[
            (None, Link(url="/book", text="Book a fitting")),
            (1, Link(url="/docs/12/care.pdf", kind="document", target_id=12, text="Care sheet")),
        ],
        base_url="https://clinic.example.org/articles/splints/",
    )
    defaults.update(kw)
    return Document(**defaults)


def test_every_link_with_its_section_and_resolved_target():
    occ = extract_links(make_doc())
    by_url = {o.url: o for o in occ}
    fitting = by_url["https://clinic.example.org/articles/splints/notes/fitting.html"]
    assert fitting.section.block_id == "blk-fit" and fitting.section_index == 0
    assert fitting.link.url == "notes/fitting.html" and fitting.origin == "text"
    assert by_url["https://clinic.example.org/book"].section is None
    assert by_url["/docs/12/care.pdf"].kind == "document" and by_url["/docs/12/care.pdf"].section.heading == "Aftercare"
    assert by_url["#aftercare"].kind == "anchor" and by_url["#nowhere"].kind == "anchor"
    # mailto:, tel: and empty targets are not checked
    assert not any(o.url.startswith(("mailto:", "tel:")) for o in occ)
    assert all(o.link.text != "dangling" for o in occ)


def test_sources_give_url_doi_and_pmid_once():
    occ = [o for o in extract_links(make_doc()) if o.origin == "source"]
    assert [o.url for o in occ] == [
        "https://example.org/trial",
        "https://doi.org/10.1000/splint.2020.7",
        "https://pubmed.ncbi.nlm.nih.gov/3141592/",
    ]
    assert all(o.section.kind == "sources" and o.link.text == "Splint trial" for o in occ)


def test_doi_and_pmid_forms():
    assert doi_url("doi:10.1000/abc(1)") == "https://doi.org/10.1000/abc(1)"
    assert doi_url("https://dx.doi.org/10.1000/x y") == "https://doi.org/10.1000/x%20y"
    assert pmid_url("31415") == "https://pubmed.ncbi.nlm.nih.gov/31415/"


def test_relative_links_without_base_are_not_checkable():
    doc = make_doc(base_url=None)
    urls = external_urls([doc])
    assert "https://example.org/leaflet" in urls
    assert not any("fitting" in u for u in urls)
    assert resolve("//cdn.example.org/a.js", None) == "https://cdn.example.org/a.js"
    assert resolve("../x", "https://h.example/a/b/") == "https://h.example/a/x"


def test_external_urls_are_distinct_across_documents():
    urls = external_urls([make_doc(), make_doc(path="copy.md")])
    assert len(urls) == len(set(urls))
    assert urls.count("https://example.org/leaflet") == 1


def test_anchor_targets():
    doc = make_doc()
    assert anchor_exists(doc, "#aftercare")  # block id
    assert anchor_exists(doc, "#how-the-splint-is-fitted")  # heading slug
    assert anchor_exists(doc, "#top") and anchor_exists(doc, "#:~:text=splint")
    assert not anchor_exists(doc, "#nowhere")


def test_result_keys():
    keys = {result_key(o) for o in extract_links(make_doc())}
    assert "document:12" in keys and "https://example.org/leaflet" in keys
