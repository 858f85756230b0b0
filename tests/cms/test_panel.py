"""The Content quality side panel in the ArticlePage editor, and accepting a finding from it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from linting.gate import blocking_findings
from linting.models import AcceptedFinding
from linting.services import report_for_revision

pytestmark = pytest.mark.django_db

CLAIM = "Most patients walk without pain within six weeks of treatment."


def make_user(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-" + username + "-12345")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def editor(db):
    # Wagtail's default groups: Editors may add and edit pages, Moderators may also publish.
    return make_user("editor", "Editors", "Moderators")


@pytest.fixture
def medical_reviewer(db):
    return make_user("reviewer", "Editors", "Moderators", "Medical reviewers")


def body_with_claim():
    return [
        ("overview", {"heading": "Overview", "text": "<p>This guide explains physiotherapy for knee pain.</p>"}),
        ("evidence", {"heading": "What the evidence shows", "text": f"<p>{CLAIM}</p>"}),
        ("risks", {"heading": "Risks", "text": "<p>Your knee may feel stiff the next day. "
                                               "It is not yet known which exercises help most.</p>"}),
    ]


@pytest.fixture
def article(make_article):
    return make_article(title="Physiotherapy for knee pain", publish=False, body=body_with_claim(),
                        with_footnote=False)


def claim_finding(page):
    report = report_for_revision(page.get_latest_revision())
    return next(f for f in report.finding_objects() if f.rule == "claims.unsupported" and f.excerpt == CLAIM)


def edit_form_data(page):
    """The editor's form as a browser would post it for ``page`` (unchanged content)."""
    blocks = [(b.block_type, {"heading": b.value["heading"], "text": rich_text(b.value["text"].source)})
              for b in page.body]
    return nested_form_data({
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "author": page.author_id,
        "reviewer": page.reviewer_id,
        "last_reviewed": page.last_reviewed.isoformat(),
        "tags": "",
        "body": streamfield(blocks),
        "sources": inline_formset([
            {"id": s.pk, "title": s.title, "url": s.url, "publisher": s.publisher, "year": s.year or "",
             "doi": s.doi, "pmid": s.pmid}
            for s in page.sources.all()
        ], initial=page.sources.count()),
        "footnotes": inline_formset([]),
        "disclaimers": [],
    })


def panel_html(client, page, query=""):
    response = client.get(f"/admin/pages/{page.pk}/edit/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(r'<section class="vetted-cq".*?</section>', html, flags=re.S)
    assert match, "Content quality panel missing from the editor"
    return html, match.group(0)


def test_panel_lists_finding_with_cue_and_deep_link(client, editor, article):
    client.force_login(editor)
    finding = claim_finding(article)
    html, panel = panel_html(client, article)
    assert 'data-side-panel-toggle="content_quality"' in html
    assert 'data-side-panel="content_quality"' in html
    assert "What the evidence shows" in panel
    assert "claims.unsupported" in panel
    assert "<mark>Most patients walk</mark>" in panel
    assert "<mark>within six weeks of treatment</mark>" in panel
    assert finding.block_id
    assert f'href="#:w:contentpath=body.{finding.block_id}"' in panel
    # The rule's own docs: why it matters and how to fix.
    assert "Why it matters" in panel and "How to fix" in panel
    assert finding.suggestion.split("(")[0] in panel
    # Editors see the gate, not the override.
    assert "Publishing is blocked" in panel
    assert "data-vetted-accept-form" not in panel
    assert 'name="reason"' not in panel


def test_panel_is_on_the_create_view(client, editor, article_index):
    client.force_login(editor)
    html = client.get(f"/admin/pages/add/pages/articlepage/{article_index.pk}/").content.decode()
    assert 'data-side-panel="content_quality"' in html
    assert "Save a draft to check this article" in html


def test_blocked_publish_marks_blocks(client, editor, article):
    client.force_login(editor)
    finding = claim_finding(article)
    html, panel = panel_html(client, article, "?lint=blocked")
    data = re.search(r'<script id="vetted-blocked-blocks" type="application/json">(.*?)</script>', html).group(1)
    assert finding.block_id in data and "claims.unsupported" in data
    assert "linting/content_quality.js" in html


def test_accept_form_only_for_override_permission(client, medical_reviewer, article):
    client.force_login(medical_reviewer)
    finding = claim_finding(article)
    _, panel = panel_html(client, article)
    assert "data-vetted-accept-form" in panel
    assert f'value="{finding.fingerprint}"' in panel
    assert f'action="/admin/vetted/pages/{article.pk}/accept-finding/"' in panel


def test_short_reason_is_refused(client, medical_reviewer, article):
    client.force_login(medical_reviewer)
    finding = claim_finding(article)
    response = client.post(f"/admin/vetted/pages/{article.pk}/accept-finding/",
                           {"fingerprint": finding.fingerprint, "reason": "fine by me"}, follow=True)
    assert response.status_code == 200
    assert "at least 20 characters" in response.content.decode()
    assert not AcceptedFinding.objects.exists()
    assert not PageLogEntry.objects.filter(action="vetted.accept_finding").exists()


def test_accept_then_publish(client, medical_reviewer, article):
    client.force_login(medical_reviewer)
    edit_url = f"/admin/pages/{article.pk}/edit/"
    # Publishing is refused first: the hook sends the editor back with ?lint=blocked.
    response = client.post(edit_url, {**edit_form_data(article), "action-publish": "action-publish"})
    assert response.status_code == 302 and response["Location"].endswith("?lint=blocked")
    article.refresh_from_db()
    assert not article.live

    finding = claim_finding(article)
    reason = "Stated in the NICE guideline NG226 cited in the sources list."
    response = client.post(f"/admin/vetted/pages/{article.pk}/accept-finding/",
                           {"fingerprint": finding.fingerprint, "reason": reason})
    assert response.status_code == 302
    assert response["Location"] == edit_url + "?lint=review"
    accepted = AcceptedFinding.objects.get()
    assert (accepted.page_id, accepted.fingerprint, accepted.user, accepted.reason) == (
        article.pk, finding.fingerprint, medical_reviewer, reason)
    entry = PageLogEntry.objects.get(action="vetted.accept_finding")
    assert entry.page_id == article.pk and entry.user == medical_reviewer and entry.data["reason"] == reason

    # The panel now shows who accepted it, when and why.
    _, panel = panel_html(client, article, "?lint=review")
    assert "Accepted by" in panel and reason in panel and "reviewer" in panel

    response = client.post(edit_url, {**edit_form_data(article), "action-publish": "action-publish"})
    assert response.status_code == 302, response.content[:1000]
    article.refresh_from_db()
    assert not blocking_findings(article.get_latest_revision()), response["Location"]
    assert article.live


def test_non_reviewer_post_is_forbidden(client, editor, article):
    client.force_login(editor)
    finding = claim_finding(article)
    response = client.post(f"/admin/vetted/pages/{article.pk}/accept-finding/",
                           {"fingerprint": finding.fingerprint, "reason": "A long enough reason for the log."})
    assert response.status_code == 403
    assert not AcceptedFinding.objects.exists()


def test_accept_view_is_post_only_and_csrf_protected(medical_reviewer, article):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(medical_reviewer)
    url = f"/admin/vetted/pages/{article.pk}/accept-finding/"
    assert client.get(url).status_code == 405
    finding = claim_finding(article)
    response = client.post(url, {"fingerprint": finding.fingerprint, "reason": "A long enough reason for the log."})
    assert response.status_code == 403
    assert not AcceptedFinding.objects.exists()


def test_linter_failure_does_not_lock_the_editor(client, editor, article, monkeypatch):
    import linting.services

    def broken(revision, **kwargs):
        raise RuntimeError("linter bug")

    monkeypatch.setattr(linting.services, "report_for_revision", broken)
    client.force_login(editor)
    _, panel = panel_html(client, article)
    assert "could not run" in panel


def test_highlight_escapes_and_marks_case_insensitively():
    from linting.panels import cue_phrases, highlight

    phrases, reasons = cue_phrases(["outcome: 'most patients'", "claim: 'cures <b>'", "no citation"])
    assert reasons == ["no citation"]
    html = highlight("Most patients say it cures <b>everything</b>.", phrases)
    assert html == "<mark>Most patients</mark> say it <mark>cures &lt;b&gt;</mark>everything&lt;/b&gt;."


def test_a_reviewer_can_withdraw_an_acceptance_and_the_finding_blocks_again(client, medical_reviewer, article):
    client.force_login(medical_reviewer)
    finding = claim_finding(article)
    reason = "Stated in the NICE guideline NG226 cited in the sources list."
    client.post(f"/admin/vetted/pages/{article.pk}/accept-finding/", {"fingerprint": finding.fingerprint, "reason": reason})
    assert not blocking_findings(article.get_latest_revision())
    _, panel = panel_html(client, article, "?lint=review")
    assert "data-vetted-withdraw-form" in panel
    assert f'action="/admin/vetted/pages/{article.pk}/withdraw-acceptance/"' in panel

    response = client.post(f"/admin/vetted/pages/{article.pk}/withdraw-acceptance/", {"fingerprint": finding.fingerprint})
    assert response.status_code == 302 and response["Location"].endswith("?lint=review")
    assert not AcceptedFinding.objects.exists()
    assert [f.fingerprint for f in blocking_findings(article.get_latest_revision())] == [finding.fingerprint]
    entry = PageLogEntry.objects.get(action="vetted.withdraw_acceptance")
    assert entry.user == medical_reviewer and entry.data["fingerprint"] == finding.fingerprint
    assert entry.data["reason"] == reason  # what was withdrawn stays readable in the log

    # Withdrawing again changes nothing and says so.
    response = client.post(f"/admin/vetted/pages/{article.pk}/withdraw-acceptance/",
                           {"fingerprint": finding.fingerprint}, follow=True)
    assert "nothing was withdrawn" in response.content.decode()


def test_only_reviewers_may_withdraw_an_acceptance(client, editor, medical_reviewer, article):
    client.force_login(medical_reviewer)
    finding = claim_finding(article)
    client.post(f"/admin/vetted/pages/{article.pk}/accept-finding/",
                {"fingerprint": finding.fingerprint, "reason": "A long enough reason for the audit log."})
    client.force_login(editor)
    _, panel = panel_html(client, article, "?lint=review")
    assert "Accepted by" in panel and "data-vetted-withdraw-form" not in panel
    assert client.get(f"/admin/vetted/pages/{article.pk}/withdraw-acceptance/").status_code == 405
    response = client.post(f"/admin/vetted/pages/{article.pk}/withdraw-acceptance/", {"fingerprint": finding.fingerprint})
    assert response.status_code == 403
    assert AcceptedFinding.objects.count() == 1
