"""import_article: seed-format text, Markdown and HTML in; typed drafts out; bad input refused whole."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from pages.models import ArticlePage
from pages.snippets import Disclaimer, Person
from tests.conftest import FIXTURES, SHARED_DIR

pytestmark = pytest.mark.django_db
IMPORT = FIXTURES / "import"


def run(*args):
    """Run the command the way a shell does; returns (exit code, stdout, stderr)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_article", *map(str, args), stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_txt_article_becomes_typed_sections(site_pages):
    code, out, err = run(IMPORT / "hair-transplant.txt")
    assert code == 0, err
    page = ArticlePage.objects.get()
    assert page.title == "Hair Transplants in Istanbul: A Complete Guide for International Patients"
    assert not page.live and page.has_unpublished_changes
    blocks = [(b.block_type, b.value.get("heading")) for b in page.body]
    kinds = [k for k, _ in blocks]
    assert ("condition", "Understanding Hair Loss") in blocks
    assert ("risks", "Risks and Side Effects") in blocks
    assert ("evidence", "Evidence and Results") in blocks
    assert ("providers", "Leading Clinics in Istanbul") in blocks
    assert kinds.count("cta") == 1
    cta = next(b.value for b in page.body if b.block_type == "cta")
    assert "free quote" in cta["text"].source and not cta["url"]
    # The [1] marker became a footnote reference to the listed source.
    evidence = next(b.value for b in page.body if b.block_type == "evidence")
    footnote = page.footnotes.get()
    assert f'<footnote id="{footnote.uuid}">' in evidence["text"].source
    assert page.sources.get().url == "https://ishrs.org/census"
    disclaimer = page.disclaimers.get()
    assert "not a substitute" in disclaimer.text
    assert "Disclaimer" not in " ".join(b.value["text"].source for b in page.body if b.block_type != "cta")


def test_reimport_makes_a_revision_not_a_duplicate(site_pages):
    assert run(IMPORT / "hair-transplant.txt")[0] == 0
    page = ArticlePage.objects.get()
    code, out, _ = run(IMPORT / "hair-transplant.txt")
    assert code == 0 and "new revision" in out
    assert ArticlePage.objects.count() == 1
    assert page.revisions.count() == 2
    assert Disclaimer.objects.filter(title__startswith="Imported").count() == 1


def test_publish_flag_and_metadata_from_markdown(site_pages):
    code, _, err = run(IMPORT / "short-guide.md", "--publish")
    assert code == 0, err
    page = ArticlePage.objects.get()
    assert page.live
    assert page.author.name == "Dr Nia Roberts" and page.reviewer.name == "Dr Tom Ellery"
    assert page.last_reviewed.isoformat() == "2026-06-01"
    assert [b.block_type for b in page.body] == ["overview", "risks"]


def test_publish_refused_by_the_gate_keeps_the_draft(site_pages):
    code, out, err = run(IMPORT / "hair-transplant.txt", "--publish")
    assert code == 1
    page = ArticlePage.objects.get()
    assert not page.live and page.revisions.count() == 1
    assert "kept as a draft" in err and f"--page {page.pk}" in err


def test_html_article(site_pages):
    code, _, err = run(IMPORT / "anaemia.html")
    assert code == 0, err
    page = ArticlePage.objects.get()
    assert page.title == "Iron deficiency anaemia"
    assert page.author.name == "Dr Priya Nair"
    symptoms = page.body[0].value["text"].source
    assert '<a href="https://www.nhs.uk/conditions/iron-deficiency-anaemia/">NHS page</a>' in symptoms


def test_custom_heading_keywords(site_pages):
    with override_settings(VETTED_HEADING_KEYWORDS={"outlook": ["leading clinics"]}):
        assert run(IMPORT / "hair-transplant.txt")[0] == 0
    headings = {b.value.get("heading"): b.block_type for b in ArticlePage.objects.get().body}
    assert headings["Leading Clinics in Istanbul"] == "outlook"  # outlook comes after providers by default


@pytest.mark.parametrize(
    "name, message",
    [
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("malformed.json", "malformed.json"),
        ("does-not-exist.txt", "no such file"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(site_pages, name, message):
    pages_before = Page.objects.count()
    code, out, err = run(IMPORT / name)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and message.lower() in lines[0].lower()
    assert "Traceback" not in err
    assert Page.objects.count() == pages_before
    assert not Person.objects.exists()


def test_one_bad_file_does_not_stop_or_spoil_the_good_one(site_pages):
    code, out, err = run(IMPORT / "binary.txt", IMPORT / "short-guide.md")
    assert code == 2
    assert ArticlePage.objects.count() == 1
    assert "binary.txt" in err


def test_unknown_parent_is_an_error(site_pages):
    code, _, err = run(IMPORT / "short-guide.md", "--parent", "/nowhere/")
    assert code == 2 and "/nowhere/" in err


@pytest.mark.skipif(not (SHARED_DIR / "seeds").exists(), reason="shared seed not on this machine")
def test_seed_article_imports_with_its_headings(site_pages):
    seed = next((SHARED_DIR / "seeds").glob("*.txt"))
    code, _, err = run(seed)
    assert code == 0, err
    page = ArticlePage.objects.get()
    sections = [b for b in page.body if b.block_type != "cta"]
    assert len(sections) >= 8
    assert any(b.block_type == "regulation" for b in page.body)
    cta_text = " ".join(b.value["text"].source for b in page.body if b.block_type == "cta")
    assert "free quote" in cta_text
    assert page.disclaimers.count() == 1
    assert run(seed)[0] == 0 and ArticlePage.objects.count() == 1


def test_invalid_data_is_one_line_and_does_not_stop_the_others(site_pages):
    code, out, err = run(IMPORT / "future-review.md", IMPORT / "short-guide.md")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "future-review.md" in lines[0] and "future" in lines[0]
    assert "Traceback" not in err
    assert list(ArticlePage.objects.values_list("slug", flat=True)) == ["flu-vaccines-who-should-have-one"]


def test_non_latin_titles_do_not_collide(site_pages):
    assert run(IMPORT / "ukrainian-a.md")[0] == 0
    assert run(IMPORT / "ukrainian-b.md")[0] == 0
    assert sorted(p.title for p in ArticlePage.objects.all()) == ["Гіпертонія", "Діабет другого типу"]


def test_people_with_the_same_name_are_reused_not_a_crash(site_pages):
    Person.objects.create(name="Dr Nia Roberts")
    Person.objects.create(name="Dr Nia Roberts")
    code, _, err = run(IMPORT / "short-guide.md")
    assert code == 0, err
