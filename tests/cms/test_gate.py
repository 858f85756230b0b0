"""The publish gate: every publish path refuses an article with an error finding, and allows it
once the finding is fixed or accepted by a medical reviewer. One test per path."""

import datetime as dt
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.rich_text import RichText
from wagtail.models import APIToken, PageLogEntry, Revision, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_footnotes.models import Footnote

from linting.gate import PublishBlocked, blocking_findings
from linting.overrides import accept_finding
from pages.blocks import RICH_TEXT_FEATURES
from pages.models import ArticlePage
from tests.conftest import footnote_tag

pytestmark = pytest.mark.django_db

CLAIM = "Most patients walk without pain within six weeks of treatment."


def claim_body(cite=""):
    return [
        ("overview", {"heading": "Overview", "text": "<p>This guide explains a knee treatment.</p>"}),
        ("evidence", {"heading": "Results", "text": f"<p>{CLAIM}{cite}</p>"}),
        ("risks", {"heading": "Risks", "text": "<p>Ask your doctor about the risks before you decide.</p>"}),
    ]


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-chief-12345")


@pytest.fixture
def reviewer_user(db):
    user = get_user_model().objects.create_user("medrev", "medrev@example.org", "pw-medrev-12345")
    user.groups.add(Group.objects.get(name="Medical reviewers"))
    return user


@pytest.fixture
def draft(make_article):
    """A draft whose only error finding is the uncited outcome claim."""
    page = make_article(title="Knee injections", publish=False, body=claim_body())
    assert [f.rule for f in blocking_findings(page.get_latest_revision())] == ["claims.unsupported"]
    return page


def fix_with_footnote(page):
    """Cite the claim with a footnote and save a new revision (what an editor does)."""
    page = page.get_latest_revision_as_object()
    fn = uuid.uuid4()
    page.body = claim_body(footnote_tag(fn))
    page.footnotes = [Footnote(uuid=fn, text="<p>Trial report, Journal of Knee Surgery, 2021.</p>")]
    return page.save_revision()


def accept_all(page, user):
    revision = page.get_latest_revision()
    for finding in blocking_findings(revision):
        accept_finding(page, revision, finding, user, "Reviewed the trial data; wording agreed with the author.")


def is_live(page):
    page.refresh_from_db()
    return page.live


# --- code paths -------------------------------------------------------------------------
def test_revision_publish_in_code(draft, reviewer_user):
    with pytest.raises(PublishBlocked) as exc:
        draft.get_latest_revision().publish()
    assert "claims.unsupported" in str(exc.value) and CLAIM[:30] in str(exc.value)
    assert not is_live(draft)
    accept_all(draft, reviewer_user)
    draft.get_latest_revision().publish()
    assert is_live(draft)


def test_save_revision_publish_in_code(draft):
    with pytest.raises(PublishBlocked):
        draft.get_latest_revision_as_object().save_revision().publish()
    assert not is_live(draft)
    fix_with_footnote(draft).publish()
    assert is_live(draft)


def test_wagtails_own_publish_action_cannot_bypass_the_gate(draft):
    """Code (like the admin edit view) that builds Wagtail's action directly hits the model backstop."""
    from wagtail.actions.publish_page_revision import PublishPageRevisionAction

    with pytest.raises(PublishBlocked):
        PublishPageRevisionAction(draft.get_latest_revision()).execute(skip_permission_checks=True)
    assert not is_live(draft)


def test_drafts_always_save(draft):
    revision = draft.get_latest_revision_as_object().save_revision()
    assert revision.lint_report.error_count == 1


# --- admin ------------------------------------------------------------------------------
def edit_form(page, body_text, footnotes=()):
    return nested_form_data({
        "title": page.title, "slug": page.slug, "summary": page.summary,
        "author": page.author_id, "reviewer": page.reviewer_id, "last_reviewed": "2026-09-01", "tags": "",
        "body": streamfield([
            ("evidence", {"heading": "Results", "text": rich_text(f"<p>{body_text}</p>", features=RICH_TEXT_FEATURES)}),
            ("risks", {"heading": "Risks", "text": rich_text("<p>Ask your doctor about the risks before you decide.</p>")}),
        ]),
        "sources": inline_formset([]),
        "footnotes": inline_formset([{"uuid": str(u), "text": rich_text(t, features=["bold", "italic", "link"])} for u, t in footnotes]),
        "disclaimers": [],
        "action-publish": "action-publish",
    })


def test_admin_edit_publish_button(draft, client, superuser):
    client.force_login(superuser)
    url = f"/admin/pages/{draft.pk}/edit/"
    response = client.post(url, edit_form(draft, CLAIM))
    assert response.status_code == 302 and response.url.endswith("?lint=blocked")
    assert not is_live(draft)
    page = client.get(response.url).content.decode()
    assert "cannot be published" in page
    fn = uuid.uuid4()
    response = client.post(url, edit_form(draft, CLAIM + footnote_tag(fn),
                                          footnotes=[(fn, "<p>Trial report, 2021.</p>")]))
    assert response.status_code == 302 and "lint=blocked" not in response.url
    assert is_live(draft)


def test_admin_create_and_publish(article_index, client, superuser, author, reviewer):
    client.force_login(superuser)
    data = edit_form(ArticlePage(title="New knee article", slug="new-knee-article", summary="About knees.",
                                 author=author, reviewer=reviewer), CLAIM)
    response = client.post(f"/admin/pages/add/pages/articlepage/{article_index.pk}/", data)
    page = ArticlePage.objects.get(slug="new-knee-article")
    assert response.status_code == 302 and "lint=blocked" in response.url
    assert not page.live and page.revisions.count() == 1  # the draft was kept
    assert client.get(page.url).status_code == 404  # and nothing leaked to the public site
    assert ArticlePage.objects.live().filter(pk=page.pk).count() == 0


def test_admin_bulk_publish(draft, make_article, client, superuser):
    clean = make_article(title="Clean draft", publish=False)
    client.force_login(superuser)
    url = f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}&id={clean.pk}&next=/admin/pages/"
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert response.status_code == 200
    assert not is_live(draft)
    assert is_live(clean)
    assert "cannot be published" in response.content.decode()


def test_workflow_approval(draft, reviewer_user, superuser):
    workflow = Workflow.objects.get(name="Medical review")
    state = workflow.start(draft, superuser)
    task_state = state.current_task_state
    assert task_state.status == task_state.STATUS_IN_PROGRESS  # waits for a medical reviewer
    offered = [name for name, *_ in task_state.task.specific.get_actions(draft, reviewer_user)]
    assert offered == ["reject"]  # approving is not offered while errors block publishing
    with pytest.raises(PublishBlocked):
        task_state.task.specific.on_action(task_state, reviewer_user, "approve")
    assert not is_live(draft)
    accept_all(draft, reviewer_user)
    assert "approve" in [name for name, *_ in task_state.task.specific.get_actions(draft, reviewer_user)]
    state.refresh_from_db()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer_user, "approve")
    assert is_live(draft)


def test_workflow_approves_clean_revision_by_itself(make_article, superuser):
    page = make_article(title="Clean article", publish=False)
    state = Workflow.objects.get(name="Medical review").start(page, superuser)
    state.refresh_from_db()
    assert state.status == state.STATUS_APPROVED
    assert is_live(page)


def test_scheduled_go_live(draft):
    page = draft.get_latest_revision_as_object()
    page.go_live_at = timezone.now() + dt.timedelta(hours=1)
    with pytest.raises(PublishBlocked):  # scheduling is refused too
        page.save_revision().publish()
    # A revision approved to go live before the gate could see it (e.g. the lint config changed since).
    revision = draft.get_latest_revision()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() - dt.timedelta(minutes=1))
    call_command("publish_scheduled")
    assert not is_live(draft)
    assert not Revision.objects.filter(pk=revision.pk, approved_go_live_at__isnull=False).exists()
    assert PageLogEntry.objects.filter(page=draft, action="vetted.publish_blocked").exists()
    # After the fix, scheduled publishing goes through.
    fixed = fix_with_footnote(draft)
    fixed.content["go_live_at"] = None
    fixed.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    fixed.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    assert is_live(draft)


# --- API v3 -----------------------------------------------------------------------------
@pytest.fixture
def api(client, superuser):
    _, token = APIToken.create_token(user=superuser, name="gate tests")
    return lambda method, url, **kw: getattr(client, method)(
        url, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}", **kw)


def test_api_v3_publish_action(draft, api, reviewer_user):
    response = api("post", f"/api/v3/pages/{draft.pk}/actions/publish/")
    assert response.status_code == 403
    assert "claims.unsupported" in response.json()["detail"]
    assert not is_live(draft)
    accept_all(draft, reviewer_user)
    assert api("post", f"/api/v3/pages/{draft.pk}/actions/publish/").status_code == 200
    assert is_live(draft)


def test_api_v3_patch_with_publish(draft, api):
    body = {"meta": {"type": "pages.ArticlePage", "action": "publish"}, "title": "Knee injections (updated)"}
    response = api("patch", f"/api/v3/pages/{draft.pk}/", data=body)
    assert response.status_code == 403, response.content
    assert not is_live(draft)
    fix_with_footnote(draft)
    response = api("patch", f"/api/v3/pages/{draft.pk}/", data=body)
    assert response.status_code == 200, response.content
    assert is_live(draft)


# --- overrides --------------------------------------------------------------------------
def test_override_needs_permission_and_a_reason(draft, reviewer_user, superuser):
    from django.core.exceptions import PermissionDenied, ValidationError

    editor = get_user_model().objects.create_user("writer", "w@example.org", "pw-writer-12345")
    revision = draft.get_latest_revision()
    finding = blocking_findings(revision)[0]
    with pytest.raises(PermissionDenied):
        accept_finding(draft, revision, finding, editor, "I am sure this is fine, really sure.")
    with pytest.raises(ValidationError):
        accept_finding(draft, revision, finding, reviewer_user, "looks ok")
    accepted = accept_finding(draft, revision, finding, reviewer_user, "Checked against the trial report, acceptable.")
    entry = PageLogEntry.objects.get(page=draft, action="vetted.accept_finding")
    assert entry.user == reviewer_user and entry.data["reason"] == accepted.reason
    assert entry.data["rule"] == "claims.unsupported"
    assert blocking_findings(revision) == []


def test_override_lapses_when_the_sentence_changes(draft, reviewer_user):
    accept_all(draft, reviewer_user)
    page = draft.get_latest_revision_as_object()
    page.body = claim_body()
    page.body[1].value["text"] = RichText("<p>Nearly all patients walk without pain within a month.</p>")
    revision = page.save_revision()
    assert [f.rule for f in blocking_findings(revision)] == ["claims.unsupported"]
    with pytest.raises(PublishBlocked):
        revision.publish()


def test_overwritten_revision_is_linted_again(draft):
    """Wagtail's autosave overwrites the latest revision in place; its stored report follows."""
    from linting.models import LintReport

    revision = draft.get_latest_revision()
    assert LintReport.objects.get(revision=revision).error_count == 1
    page = draft.get_latest_revision_as_object()
    page.body = claim_body()
    page.body[1].value["text"] = RichText("<p>This section explains how the injection is given.</p>")
    assert page.save_revision(overwrite_revision=revision).pk == revision.pk
    assert LintReport.objects.get(revision=revision).error_count == 0


def test_api_v3_write_is_linted_on_save(draft, api):
    body = {"meta": {"type": "pages.ArticlePage"}, "title": "Knee injections, revised"}
    response = api("patch", f"/api/v3/pages/{draft.pk}/", data=body)
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    revision = draft.get_latest_revision()
    assert revision.as_object().title == "Knee injections, revised"
    assert revision.lint_report.error_count == 1
    assert not is_live(draft)


def test_lint_report_api_needs_a_token(draft, api, client, reviewer_user):
    url = f"/api/v3/lint-reports/pages/{draft.pk}/"
    assert client.get(url).status_code == 401
    data = api("get", url).json()
    assert data["summary"]["error"] == 1 and data["blocks_publishing"] is True
    assert "claims.unsupported" in {f["rule"] for f in data["findings"]}
    accept_all(draft, reviewer_user)
    data = api("get", url).json()
    assert data["blocks_publishing"] is False and data["accepted"][0]["user"] == "medrev"
    assert api("get", url + "?revision=live").status_code == 404
    assert "/api/v3/lint-reports/pages/{page_id}/" in client.get("/api/v3/openapi.json").json()["paths"]


def test_copy_keeping_live_makes_a_draft_copy(make_article, superuser):
    source = make_article(title="Source article")
    page = source.get_latest_revision_as_object()
    page.body = claim_body()
    page.save_revision()  # the source now has a blocked draft on top of clean live content
    copy = source.copy(update_attrs={"title": "Copied article", "slug": "copied-article"}, keep_live=True,
                       user=superuser)
    copy.refresh_from_db()
    assert not copy.live and copy.live_revision_id is None
    assert ArticlePage.objects.live().filter(slug="copied-article").count() == 0
    assert is_live(source)


def test_whole_article_acceptance_lapses_when_its_cues_change(make_article, reviewer_user):
    body = [("overview", {"heading": "Overview", "text": "<p>Our clinic offers knee injections.</p>"}),
            ("risks", {"heading": "Risks", "text": "<p>Ask your doctor about the risks before you decide.</p>"})]
    page = make_article(title="Clinic page", publish=False, body=body, with_footnote=False)
    revision = page.get_latest_revision()
    assert "disclosure.commercial" in [f.rule for f in blocking_findings(revision)]
    accept_all(page, reviewer_user)
    assert blocking_findings(revision) == []
    edited = page.get_latest_revision_as_object()
    edited.body = body + [("cta", {"text": "<p>Book a free consultation today for £95.</p>", "button_label": "Book",
                                    "url": "", "page": None, "sponsored": False})]
    rules = [f.rule for f in blocking_findings(edited.save_revision())]
    assert "disclosure.commercial" in rules


def test_api_v3_writes_article_fields(draft, api):
    body = {"meta": {"type": "pages.ArticlePage"}, "summary": "A revised summary.", "last_reviewed": "2026-10-01",
            "sources": [{"title": "Knee trial", "url": "https://journal.example/knee", "publisher": "Knee Journal",
                         "year": 2024, "doi": "", "pmid": ""}]}
    response = api("patch", f"/api/v3/pages/{draft.pk}/", data=body)
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    saved = draft.get_latest_revision_as_object()
    assert saved.summary == "A revised summary." and saved.last_reviewed.isoformat() == "2026-10-01"
    assert [s.title for s in saved.sources.all()] == ["Knee trial"]


def test_api_v3_create_and_publish(article_index, api):
    body = {"meta": {"type": "pages.ArticlePage", "parent_id": article_index.pk, "action": "publish"},
            "title": "Miracle knees", "slug": "miracle-knees",
            "summary": "Our injection cures knee arthritis in every patient."}
    response = api("post", "/api/v3/pages/", data=body)
    assert response.status_code == 403, response.content
    assert "claims" in response.json()["detail"]
    assert not ArticlePage.objects.filter(slug="miracle-knees").exists()  # atomic: nothing half-written
    body["meta"].pop("action")
    assert api("post", "/api/v3/pages/", data=body).status_code == 201  # the draft saves
    page = ArticlePage.objects.get(slug="miracle-knees")
    assert not page.live and page.get_latest_revision().lint_report.error_count >= 1
