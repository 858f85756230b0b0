import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from pages.models import ArticlePage, ArticleSource
from pages.snippets import Disclaimer

pytestmark = pytest.mark.django_db


def test_site_setup_is_idempotent(site_pages):
    from pages.site_setup import ensure_site
    from wagtail.models import Site

    home, index = ensure_site()
    assert (home.pk, index.pk) == (site_pages[0].pk, site_pages[1].pk)
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert Disclaimer.objects.filter(is_default=True, kind="medical").count() == 1


def test_article_has_typed_sections_sources_and_footnotes(make_article):
    page = make_article()
    assert [b.block_type for b in page.body] == ["overview", "evidence", "risks", "cta"]
    assert all(b.id for b in page.body)
    assert page.sources.count() == 1
    assert page.footnotes.count() == 1
    assert [d.kind for d in page.effective_disclaimers()] == ["medical"]


def test_chosen_disclaimers_replace_default(make_article):
    ad = Disclaimer.objects.create(title="Ads", kind="advertising", text="<p>Paid placement.</p>")
    page = make_article()
    page.disclaimers.set([ad])
    page.save()
    assert [d.title for d in page.effective_disclaimers()] == ["Ads"]


def test_review_date_in_future_is_rejected(make_article):
    page = make_article()
    page.last_reviewed = dt.date.today() + dt.timedelta(days=3)
    with pytest.raises(ValidationError) as exc:
        page.full_clean()
    assert "last_reviewed" in exc.value.message_dict


@pytest.mark.parametrize(
    "fields, error_field",
    [
        ({"doi": "not-a-doi"}, "doi"),
        ({"pmid": "12ab"}, "pmid"),
        ({"url": "", "doi": "", "pmid": "", "publisher": ""}, "url"),
    ],
)
def test_source_validation(make_article, fields, error_field):
    page = make_article()
    source = ArticleSource(page=page, title="A study", **{"url": "https://example.org/s", "year": 2020, **fields})
    with pytest.raises(ValidationError) as exc:
        source.full_clean()
    assert error_field in exc.value.message_dict


def test_doi_url_prefix_is_normalised(make_article):
    page = make_article()
    source = ArticleSource(page=page, title="A study", doi="https://doi.org/10.1000/xyz123")
    source.full_clean()
    assert source.doi == "10.1000/xyz123"


def test_only_one_default_disclaimer_per_kind(db):
    Disclaimer.objects.create(title="A", kind="financial", text="<p>x</p>", is_default=True)
    second = Disclaimer(title="B", kind="financial", text="<p>y</p>", is_default=True)
    with pytest.raises(ValidationError):
        second.full_clean()


def test_server_render_is_semantic(make_article, client):
    page = make_article()
    html = client.get(page.url).content.decode()
    assert "<article>" in html
    for block in page.body:
        assert f'<section id="{block.id}" data-kind="{block.block_type}"' in html
    assert 'href="#footnote-1"' in html and 'id="footnote-1"' in html
    assert '<ol class="sources">' in html
    assert '<aside class="disclaimer"' in html
    assert ArticlePage.objects.live().count() == 1


def test_disclaimers_live_articles_show_cannot_be_deleted(make_article):
    from django.core.exceptions import PermissionDenied

    default = Disclaimer.objects.get(is_default=True)
    with pytest.raises(PermissionDenied):
        default.delete()
    chosen = Disclaimer.objects.create(title="Ads", kind="advertising", text="<p>Paid placement.</p>")
    page = make_article()
    page.disclaimers.set([chosen])
    page.save()
    with pytest.raises(PermissionDenied):
        chosen.delete()
    unused = Disclaimer.objects.create(title="Old", kind="financial", text="<p>Old wording.</p>")
    unused.delete()
    assert Disclaimer.objects.filter(pk=default.pk).exists() and not Disclaimer.objects.filter(title="Old").exists()
