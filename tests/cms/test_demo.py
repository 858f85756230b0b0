"""load_demo (what `make run` runs): three demo articles, live, idempotent, with their lint summary."""

import io

import pytest
from django.core.management import call_command

from linting.services import report_for_revision
from pages.models import ArticlePage

pytestmark = pytest.mark.django_db


def load():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_content_is_loaded_once_and_served(client):
    first = load()
    assert "Lint summary" in first and "password" in first
    pages = {p.slug: p for p in ArticlePage.objects.live()}
    assert len(pages) == 3
    revisions = {slug: p.revisions.count() for slug, p in pages.items()}
    load()
    assert ArticlePage.objects.count() == 3
    assert {p.slug: p.revisions.count() for p in ArticlePage.objects.all()} == revisions

    items = client.get("/api/v2/pages/?type=pages.ArticlePage&fields=*").json()["items"]
    assert len(items) == 3
    assert all(item["body"] and all(b["id"] for b in item["body"]) for item in items)


def test_demo_articles_span_the_quality_range():
    load()
    errors = {}
    for page in ArticlePage.objects.all():
        report = report_for_revision(page.live_revision)
        errors[page.slug] = {f["rule"] for f in report.findings if f["severity"] == "error"}
    defective = next(v for k, v in errors.items() if k.startswith("parkinson"))
    reference = next(v for k, v in errors.items() if k.startswith("statins"))
    middle = next(v for k, v in errors.items() if k.startswith("dental"))
    assert {"claims.unsupported", "disclosure.commercial", "links.dangling", "metadata.author",
            "sources.missing", "balance.no-risks"} <= defective
    assert reference == set()
    assert 0 < len(middle) < len(defective)
