"""Creating and editing an article through the real Wagtail admin views (Wagtail's test utilities)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pages.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-editor-12345")
    client.force_login(user)
    return client


def article_form(author, reviewer, title="Hip replacement recovery", **extra):
    data = {
        "title": title,
        "slug": "hip-replacement-recovery",
        "summary": "What recovery after a hip replacement involves.",
        "author": author.pk,
        "reviewer": reviewer.pk,
        "last_reviewed": "2026-09-01",
        "tags": "hip, surgery",
        "body": streamfield(
            [
                ("overview", {"heading": "Overview", "text": rich_text("<p>Most people go home within days.</p>")}),
                ("risks", {"heading": "Risks", "text": rich_text("<p>Blood clots are a known risk.</p>")}),
            ]
        ),
        "sources": inline_formset(
            [{"title": "Hip replacement", "url": "https://www.nhs.uk/conditions/hip-replacement/",
              "publisher": "NHS", "year": "2024", "doi": "", "pmid": ""}]
        ),
        "footnotes": inline_formset([]),
        "disclaimers": [],
    }
    data.update(extra)
    return nested_form_data(data)


def test_create_and_edit_article_in_admin(admin_client, article_index, author, reviewer):
    add_url = f"/admin/pages/add/pages/articlepage/{article_index.pk}/"
    assert admin_client.get(add_url).status_code == 200
    response = admin_client.post(add_url, article_form(author, reviewer))
    assert response.status_code == 302, response.content[:2000]
    page = ArticlePage.objects.get(slug="hip-replacement-recovery")
    assert not page.live
    assert [b.block_type for b in page.body] == ["overview", "risks"]
    assert page.sources.get().publisher == "NHS"
    assert sorted(t.name for t in page.tags.all()) == ["hip", "surgery"]

    edit_url = f"/admin/pages/{page.pk}/edit/"
    html = admin_client.get(edit_url).content.decode()
    assert "Authorship and review" in html
    response = admin_client.post(edit_url, article_form(author, reviewer, title="Hip replacement: recovery"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Hip replacement: recovery"
    assert page.revisions.count() == 2


def test_invalid_source_is_reported_in_the_editor(admin_client, article_index, author, reviewer):
    data = article_form(author, reviewer)
    data["sources-0-doi"] = "doi-without-prefix"
    response = admin_client.post(f"/admin/pages/add/pages/articlepage/{article_index.pk}/", data)
    assert response.status_code == 200
    assert "A DOI starts with" in response.content.decode()
    assert not ArticlePage.objects.exists()
