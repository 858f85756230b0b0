"""Article-level rules: disclaimer, disclosure, balance, metadata, sources."""

import datetime as dt

from linting.core.config import Config
from linting.core.document import Document, Metadata, Section
from linting.core.engine import lint_document
from linting.core.rules.metadata import ReviewDate

from ._articles import CITED, SEED_LIKE, article, findings

COMMERCIAL = article(
    "Our clinic offers laser therapy for tendon pain.\n\n"
    "Side effects include redness and, rarely, a small burn.\n\n"
    "Prices\n\nA course costs £600.\n\n"
    "Get your free quote\n\nCall 0113 496 0777 to book your free consultation."
)


def rules_fired(text, config=None):
    return {f.rule for f in lint_document(__import__("linting.sources.txt", fromlist=["x"]).parse_txt(text), config or Config()).findings}


def test_disclaimer_missing_and_present():
    assert findings(COMMERCIAL, "disclaimer.missing")
    assert not findings(CITED, "disclaimer.missing")
    # disclaimer wording in a note paragraph counts as a disclaimer
    note = article("The gel soothes burns.\n\nNote: this page is general information only and not medical advice.")
    assert not findings(note, "disclaimer.missing")


def test_disclaimer_incomplete_names_the_missing_element():
    partial = article("The gel soothes burns.\n\nDisclaimer: This page is general information only. Always consult your pharmacist.")
    found = findings(partial, "disclaimer.incomplete")
    assert len(found) == 1 and found[0].cues == ("missing: not_a_substitute",)
    no_consult = article("The gel soothes burns.\n\nDisclaimer: This page is not a substitute for medical advice.")
    assert findings(no_consult, "disclaimer.incomplete")[0].cues == ("missing: consult_professional",)
    assert not findings(CITED, "disclaimer.incomplete")
    assert not findings(SEED_LIKE, "disclaimer.incomplete")


def test_commercial_disclosure():
    found = findings(COMMERCIAL, "disclosure.commercial")
    assert len(found) == 1 and found[0].excerpt is None and found[0].cues
    disclosed = COMMERCIAL + "\nHow we are funded\n\nWe receive a referral fee from the clinic when you book.\n"
    assert not findings(disclosed, "disclosure.commercial")
    charity = article("Join our walking group\n\nOur free weekly walks are run by volunteers. Sign up at https://walks.example")
    assert not findings(charity, "disclosure.commercial")
    assert findings(SEED_LIKE, "disclosure.commercial")


def test_sponsored_cta_attr_is_the_disclosure():
    doc = Document(
        path="cms",
        title="Laser clinic",
        sections=[
            Section(kind="intro", text="Our clinic treats tendon pain. A course costs £600."),
            Section(kind="cta", text="Book now.", attrs={"label": "Book", "sponsored": True}),
        ],
    )
    assert not [f for f in lint_document(doc).findings if f.rule == "disclosure.commercial"]


def test_no_risks():
    assert findings(SEED_LIKE, "balance.no-risks")
    assert not findings(COMMERCIAL, "balance.no-risks")
    safe_only = article("Our injection treatment is completely safe, with no risk at all. The therapy uses a small injection.")
    assert findings(safe_only, "balance.no-risks")


def test_no_uncertainty():
    assert findings(COMMERCIAL, "balance.no-uncertainty")
    assert not findings(CITED, "balance.no-uncertainty")


def test_metadata_rules_on_txt_and_structured():
    for rule in ("metadata.author", "metadata.reviewer", "metadata.review-date"):
        assert findings(CITED, rule)
    doc = Document(
        path="cms", title="t", sections=[Section(kind="intro", text="Plain text.")],
        metadata=Metadata(author="A. Writer", reviewer="Dr B. Checker", review_date=dt.date.today(), structured=True),
    )
    fired = {f.rule for f in lint_document(doc).findings}
    assert not fired & {"metadata.author", "metadata.reviewer", "metadata.review-date"}


def test_review_date_too_old(monkeypatch):
    doc = Document(path="cms", title="t", metadata=Metadata(author="a", reviewer="b", review_date=dt.date(2020, 1, 15)))
    from linting.core.registry import LintContext

    old = list(ReviewDate().check(doc, LintContext(config=Config())))
    assert len(old) == 1 and "months" in old[0].message
    cfg = Config(thresholds={"review_months": 12000})
    assert not list(ReviewDate().check(doc, LintContext(config=cfg)))


def test_sources_missing():
    assert findings(SEED_LIKE, "sources.missing")
    assert not findings(CITED, "sources.missing")
    inline = article("The pill halves migraines (doi:10.1000/example.1).")
    assert not findings(inline, "sources.missing")


def test_product_label_wording_is_not_a_medical_disclaimer():
    # Limits of a product ("not a substitute for a balanced diet") are not limits of the page.
    label = article(
        "Our collagen drink smooths wrinkles.\n\n"
        "Food supplements are not a substitute for a healthy diet. Speak to your doctor before use."
    )
    assert findings(label, "disclaimer.missing")
    label_used_as = article("The tablets strengthen nails.\n\nThis product should not be used as a replacement for regular meals.")
    assert findings(label_used_as, "disclaimer.missing")
    # The same construction about professional advice is a disclaimer.
    page = article("The tablets strengthen nails.\n\nThis page should not be used as a substitute for advice from your pharmacist.")
    assert not findings(page, "disclaimer.missing")
    considered = article("The tablets strengthen nails.\n\nNothing here should be taken as medical advice; it is not intended to replace your GP.")
    assert not findings(considered, "disclaimer.missing")


def test_safety_assurances_and_pointers_are_not_a_risks_passage():
    body = (
        "Our hydrotherapy treatment eases arthritis. A course of therapy has six sessions.\n\n"
        "Is the treatment safe?\n\n"
        "Side effects are very rare, and the therapy is gentle on the joints.\n\n"
        "Your therapist will go through the possible complications at your first visit."
    )
    assert findings(article(body), "balance.no-risks")
    named = body.replace("very rare,", "very rare but include dizziness,")
    assert not findings(article(named), "balance.no-risks")


def test_product_not_intended_to_diagnose_is_not_a_page_disclaimer():
    product = article("Our sprays lift your energy.\n\nOur sprays are food supplements and are not intended to diagnose or cure any illness.")
    assert findings(product, "disclaimer.missing")
    page = article("Our sprays lift your energy.\n\nThe information on this site is not intended to diagnose any condition.")
    assert not findings(page, "disclaimer.missing")


def test_plain_profit_statement_is_a_disclosure():
    profit = COMMERCIAL + "\nAbout us\n\nThe clinic charges for each visit and makes a profit on the creams it sells.\n"
    assert not findings(profit, "disclosure.commercial")
    price_only = COMMERCIAL + "\nAbout us\n\nWe charge £40 for each visit.\n"
    assert findings(price_only, "disclosure.commercial")


def test_product_page_is_a_treatment_page_and_condition_risks_are_not_treatment_risks():
    page = article(
        "Left untreated, eczema raises your risk of skin infections. Stress is a risk factor for flare-ups.\n\n"
        "SkinEase Capsules\n\nTake two capsules a day. Each capsule holds evening primrose oil.\n\n"
        "Is SkinEase safe?\n\nSkinEase capsules are gentle and suitable for the whole family.\n\n"
        "Prices\n\nA pack of 60 tablets costs £18."
    )
    assert findings(page, "balance.no-risks")


def test_booking_with_a_gp_is_not_commercial_and_a_declaration_of_interest_discloses():
    public = article(
        "The flu vaccine is offered every autumn. Contact your GP surgery to book a flu jab.\n\n"
        "Side effects include a sore arm and, rarely, a mild fever."
    )
    assert not findings(public, "disclosure.commercial")
    clinic = article(
        "A consultation at our clinic costs £150.\n\n"
        "Declaration of interest: the author runs Northgate Skin Clinic, which charges for the treatments described here."
    )
    assert not findings(clinic, "disclosure.commercial")
    assert findings(article("A consultation at our clinic costs £150."), "disclosure.commercial")
