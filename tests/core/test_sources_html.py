"""The HTML adapter: CMS server-render markup and plain heading-delimited pages."""

from __future__ import annotations

import datetime as dt

from linting.sources.html import parse_html
from linting.sources.richtext import fragment_to_text

CMS_PAGE = """<!doctype html>
<html><head><title>Shoulder rehab | Vetted</title>
<meta name="author" content="Dr Mina Okafor"><meta name="reviewer" content="Sam Berg, PT">
</head><body>
<nav><a href="/">Home</a> <a href="/about/">About</a></nav>
<article>
<h1>Shoulder rehab after a tear</h1>
<time class="last-reviewed" datetime="2024-05-20">20 May 2024</time>
<section id="blk-1" data-kind="overview"><h2>Overview</h2>
<p>Guided   exercise helped most people regain reach within
 twelve weeks<a href="#footnote-1">[1]</a>. Read the <a href="https://physio.example/guide">full guide</a>.</p>
<ul><li>Start slowly.</li><li>Stop if pain is <em>sharp</em>. More <a href="">here</a>.</li></ul>
</section>
<section id="blk-2" data-kind="risks"><h2>Risks</h2><p>Pushing too hard can re-tear the tendon [2].
Details on <a href="#">this page</a> and <a href="/shoulder/surgery/">surgery</a>.</p></section>
<section id="blk-3" data-kind="cta" data-sponsored="true"><h2>Book a session</h2><p>Call our team today.</p></section>
<aside class="disclaimer"><p>This page does not replace advice from your own clinician.</p></aside>
<ol class="sources"><li id="source-2"><a href="https://doi.org/10.5555/tendon.2019">Tendon re-injury cohort</a>, 2019</li></ol>
<ol class="footnotes"><li id="footnote-1">Ortiz P. Home exercise trial. 2021. PMID: 3456789</li></ol>
</article></body></html>
"""


def span(section, item):
    return section.text[item.start:item.end]


def test_cms_render_sections_and_metadata():
    doc = parse_html(CMS_PAGE, "shoulder.html")
    assert doc.title == "Shoulder rehab after a tear"
    assert doc.metadata.structured
    assert doc.metadata.author == "Dr Mina Okafor"
    assert doc.metadata.reviewer == "Sam Berg, PT"
    assert doc.metadata.review_date == dt.date(2024, 5, 20)
    kinds = [(s.kind, s.heading, s.block_id) for s in doc.sections]
    assert kinds == [
        ("overview", "Overview", "blk-1"),
        ("risks", "Risks", "blk-2"),
        ("cta", "Book a session", "blk-3"),
        ("disclaimer", None, None),
    ]
    assert doc.sections[2].attrs["sponsored"] is True
    assert "Home" not in doc.sections[0].text  # site chrome is not article text


def test_text_layout_and_whitespace():
    overview = parse_html(CMS_PAGE, "x.html").sections[0]
    assert overview.text.startswith("Guided exercise helped most people regain reach within twelve weeks[1].")
    paragraphs = overview.text.split("\n\n")
    assert paragraphs[1] == "Start slowly.\nStop if pain is sharp. More here."


def test_links_keep_href_and_offsets():
    doc = parse_html(CMS_PAGE, "x.html")
    overview, risks = doc.sections[0], doc.sections[1]
    links = {(lk.url, span(overview, lk)) for lk in overview.links}
    assert links == {("https://physio.example/guide", "full guide"), ("", "here")}
    risk_links = [(lk.url, lk.kind, span(risks, lk)) for lk in risks.links]
    assert risk_links == [("#", "external", "this page"), ("/shoulder/surgery/", "external", "surgery")]
    for lk in overview.links + risks.links:
        assert lk.text == span(overview if lk in overview.links else risks, lk)


def test_citations_resolve_to_sources_and_footnotes():
    doc = parse_html(CMS_PAGE, "x.html")
    overview, risks = doc.sections[0], doc.sections[1]
    (fn,) = overview.citations
    assert span(overview, fn) == "[1]"
    assert doc.sources[fn.source_index].pmid == "3456789"
    (plain,) = risks.citations
    assert span(risks, plain) == "[2]"
    src = doc.sources[plain.source_index]
    assert src.url == "https://doi.org/10.5555/tendon.2019"
    assert src.doi == "10.5555/tendon.2019"
    assert src.year == 2019
    # the sources list is not body text; its URL is an extra link
    assert all("cohort" not in s.text for s in doc.sections)
    assert ("https://doi.org/10.5555/tendon.2019") in [lk.url for _, lk in doc.extra_links]


def test_unresolved_footnote_reference():
    doc = parse_html('<p>It worked well<a href="#footnote-9">[9]</a>.</p>', "f.html")
    (cit,) = doc.sections[0].citations
    assert cit.source_index is None
    assert cit.marker == "[9]"


def test_plain_page_split_by_headings():
    page = """<html><head><title>Iron and tiredness</title></head><body>
    <p>Low iron is a common reason for feeling worn out.</p>
    <h2>Side effects of iron tablets</h2><p>Tablets can upset the stomach.</p>
    <h3>Who should check first</h3><p>Ask a pharmacist before you start.</p>
    <p>Disclaimer: general information only, not a substitute for seeing a doctor.</p>
    <h2>References</h2><ol><li>NHS leaflet on iron, 2022. <a href="https://nhs.example/iron">link</a></li>
    <li>Brown T. Iron trial. doi:10.7777/iron.1</li></ol>
    </body></html>"""
    doc = parse_html(page, "iron.html")
    assert doc.title == "Iron and tiredness"
    assert not doc.metadata.structured
    assert doc.metadata.author is None
    kinds = [(s.kind, s.heading) for s in doc.sections]
    assert kinds[0] == ("intro", None)
    assert kinds[1] == ("risks", "Side effects of iron tablets")
    assert ("disclaimer", None) in kinds
    assert kinds[-1][0] == "sources"
    assert [s.url for s in doc.sources] == ["https://nhs.example/iron", ""]
    assert doc.sources[1].doi == "10.7777/iron.1"


def test_fragment_to_text_shared_function():
    frag = fragment_to_text('<p>One <strong>bold</strong> claim<sup><a href="#footnote-3">[3]</a></sup>.</p><p>Next <a href="https://a.example">link</a></p>')
    assert frag.text == "One bold claim[3].\n\nNext link"
    assert frag.targets == ["footnote:3"]
    (link,) = frag.links
    assert frag.text[link.start:link.end] == "link"


def test_wagtail_internal_link_types():
    frag = fragment_to_text('<p>See <a linktype="page" id="42">our page</a> and <a href="#top">top</a>.</p>')
    page_link, anchor = frag.links
    assert (page_link.kind, page_link.target_id, page_link.url) == ("page", 42, "")
    assert (anchor.kind, anchor.url) == ("anchor", "#top")
