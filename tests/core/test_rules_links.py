from linting.core.document import Document, Link, Section
from linting.core.engine import lint_document

from ._articles import SEED_LIKE, article, findings


def excerpts(text, rule="links.dangling"):
    return [f.excerpt for f in findings(text, rule)]


def test_seed_like_dangling_snippets():
    found = excerpts(SEED_LIKE)
    assert any(e.endswith("please visit") for e in found)
    assert any(e.endswith("access the link") for e in found)
    assert any(e.endswith("Health Journeys Weekly (") for e in found)


def test_here_form_below_empty_paren_and_button_label():
    body = (
        "Click here to see our clinic tour.\n\n"
        "Watch the recovery video here.\n\n"
        "Send us your scans using the form below and we will reply.\n\n"
        "Meet our patients (\n\n"
        "Download the leaflet →\n\n"
        "Read the full story here"
    )
    found = excerpts(article(body))
    assert len(found) == 6
    assert "Meet our patients (" in found


def test_present_targets_are_not_dangling():
    body = (
        "To book, please visit https://clinic.example/book.\n\n"
        "Call 0113 496 0123 or email hello@clinic.example to arrange a visit.\n\n"
        "The Example Bone Society (https://bones.example/) has patient leaflets.\n\n"
        "Your first visit includes an assessment.\n\n"
        "The leaflet is available in the clinic reception."
    )
    assert excerpts(article(body)) == []


def test_empty_href_links_and_insecure_links():
    sec = Section(kind="intro", text="See the guide and the old page.", links=[
        Link(url="", text="the guide", start=4, end=13),
        Link(url="#", text="button", start=-1, end=-1),
        Link(url="http://old.example/page", text="the old page", start=18, end=30),
        Link(url="https://ok.example/", text="ok", start=-1, end=-1),
    ])
    doc = Document(path="cms", title="t", sections=[sec], extra_links=[(0, Link(url="#", text="Book now"))])
    report = lint_document(doc)
    dangling = [f for f in report.findings if f.rule == "links.dangling"]
    assert sorted(f.url for f in dangling) == ["", "#", "#"]
    insecure = [f for f in report.findings if f.rule == "links.insecure"]
    assert [f.url for f in insecure] == ["http://old.example/page"]
    assert insecure[0].excerpt == "the old page" and insecure[0].start == 18


def test_insecure_from_txt():
    found = findings(article("Read more at http://guides.example/knee today."), "links.insecure")
    assert len(found) == 1 and found[0].url == "http://guides.example/knee"
    assert findings(article("Read more at https://guides.example/knee today."), "links.insecure") == []


def test_target_test_agrees_with_the_target_regex():
    import random

    from linting.core.rules import links as rules_links

    rng = random.Random(7)
    from linting.core.wordgate import fold

    pieces = ["Call", " ", "0113 496 0000", "(0)", "email", "a.b@clinic.example", "@", "x", "-", "--",
              ".com", ".org", ".COM", "www.", "https://", "http", "site", "here", "visit", "é", "5", ".",
              "HTTPS://", "WWW.", "İ", "ſ", ".uK", "٣", "ß"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        for low in (fold(text), None):
            assert rules_links._has_target(text, low) == bool(rules_links._TARGET.search(text)), text


def test_form_below_dangles_even_beside_a_phone_number():
    body = "Prefer a chat? Fill in the form below for a call back, or ring 0113 496 0555."
    found = excerpts(article(body))
    assert found == ["Fill in the form below for a call back, or ring 0113 496 0555."]
    # a link below is an address: the URL in the sentence is its target
    assert excerpts(article("Use the link below: https://clinic.example/book")) == []


def test_shop_button_label_alone_on_a_line():
    heading = article("Our sun creams\n\nFactor 50 cream blocks UVA and UVB.\n\nShop summer skincare\n\nNeed advice? Ask in store.")
    assert excerpts(heading) == ["Shop summer skincare"]
    last_line = article("Our sun creams\n\nFactor 50 cream blocks UVA and UVB.\n\nBuy now")
    assert excerpts(last_line) == ["Buy now"]
    # with its address, or a heading that is not a shop button, nothing dangles
    linked = article("Shop summer skincare\n\nEverything is at https://shop.example/sun today.")
    assert excerpts(linked) == []
    ordinary = article("Order of treatment\n\nThe nurse cleans the skin first.\n\nBooking\n\nCall 0113 496 0555.")
    assert excerpts(ordinary) == []


def test_button_style_imperative_ending_in_here():
    body = (
        "Our shop is at 3 Mill Lane. Call 0113 496 0123. Buy a massage voucher for a relative here.\n\n"
        "Start your hearing assessment here\n\n"
        "Most people feel at home here."
    )
    found = excerpts(article(body))
    assert len(found) == 2
    assert not any("at home" in e for e in found)


def test_form_below_with_adjectives_dangles_beside_a_phone_number():
    body = "Attach your hearing test using the secure online form below, or call 0113 496 0666."
    assert len(excerpts(article(body))) == 1


def test_dangling_prefilters_change_nothing(monkeypatch):
    """The cheap tests that skip regexes (folded keys, the closed-brackets scan) find what the
    regexes alone find, in ASCII and non-ASCII text."""
    import random

    from linting.core.document import Section
    from linting.core.rules import links as rules_links

    rng = random.Random(5)
    pieces = ["please visit", "Visit the site", "VİSİT", "vısıt", "click here", "HERE", "the form below", "bełow",
              "Shop", "ſhop", "buy", "Add to basket", "→", "»", ">>", "(", ")", "()", "( )", "\n", "\n\n", ". ",
              "! ", "Call 0113 496 0000", "hello@clinic.example", "ŁINK", "link", "button", "é", "www.x.example",
              "hTTps://a.example", " ", "Watch it here.", "More ", "Kinetic", "Download the guide"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    # Non-body sections are split only when some sentence of them may dangle (_may_dangle_within).
    sections = [Section(kind=kind, text=t) for t in texts for kind in ("intro", "sources", "disclaimer")]
    fast = [rules_links.dangling_spans(s) for s in sections]
    monkeypatch.setattr(rules_links, "_may_dangle", lambda low: True)
    monkeypatch.setattr(rules_links, "_may_hold", lambda low, *keys: True)
    monkeypatch.setattr(rules_links, "_has_target", lambda text, low: bool(rules_links._TARGET.search(text)))
    monkeypatch.setattr(rules_links, "_PARENS_CLOSED", rules_links.re.compile(r"(?!)"))
    for section, found in zip(sections, fast):
        assert rules_links.dangling_spans(section) == found, section.text
