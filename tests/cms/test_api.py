"""The headless APIs: typed sections with block ids, resolved footnotes and sources; drafts hidden."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import APIToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(db):
    user = get_user_model().objects.create_superuser("api-editor", "api@example.org", "pw-api-editor-1")
    _, plaintext = APIToken.create_token(user=user, name="ci")
    return plaintext


def test_v2_lists_articles_with_every_field(make_article, client):
    page = make_article()
    data = client.get("/api/v2/pages/?type=pages.ArticlePage&fields=*").json()
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["author"]["name"] == "Dr Amara Okafor"
    assert item["reviewer"]["credentials"].startswith("MD")
    assert item["last_reviewed"] == page.last_reviewed.isoformat()
    assert [b["type"] for b in item["body"]] == ["overview", "evidence", "risks", "cta"]
    assert [b["id"] for b in item["body"]] == [b.id for b in page.body]
    evidence = item["body"][1]["value"]
    assert evidence["heading"] == "What the evidence shows"
    assert 'href="#footnote-1"' in evidence["text"] and "<footnote" not in evidence["text"]
    assert item["footnotes"][0]["number"] == 1
    assert item["sources"][0]["doi"] == "10.1002/14651858.CD004376.pub3"
    assert item["disclaimers"][0]["kind"] == "medical"
    cta = item["body"][3]["value"]
    assert cta["url"] == "https://www.nhs.uk/service-search/" and cta["sponsored"] is False


def test_v2_hides_drafts(make_article, client):
    make_article(title="Published article")
    draft = make_article(title="Draft article", publish=False)
    titles = [i["title"] for i in client.get("/api/v2/pages/?type=pages.ArticlePage").json()["items"]]
    assert titles == ["Published article"]
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_v2_shows_live_content_not_a_newer_draft(make_article, client):
    page = make_article(title="Live title")
    page.title = "Unpublished edit"
    page.save_revision()
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == "Live title"


def test_v3_detail_and_openapi(make_article, client):
    page = make_article()
    data = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert data["meta"]["type"] == "pages.ArticlePage"
    assert [b["id"] for b in data["body"]] == [b.id for b in page.body]
    assert data["footnotes"][0]["number"] == 1
    schema = client.get("/api/v3/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v3/pages/{page_id}/" in schema["paths"]


def test_v3_drafts_need_a_token(make_article, client, token):
    draft = make_article(title="Draft only", publish=False)
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404
    listing = client.get("/api/v3/pages/?type=pages.ArticlePage").json()
    assert all(item["id"] != draft.pk for item in listing["items"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    response = client.get(f"/api/v3/pages/{draft.pk}/", **auth)
    assert response.status_code == 200
    assert response.json()["title"] == "Draft only"
    bad = client.get(f"/api/v3/pages/{draft.pk}/", HTTP_AUTHORIZATION="Bearer wagtail_nottherightone")
    assert bad.status_code in (401, 404)
