"""Editing a shared disclaimer is gated like a publish of the live articles that show it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text

from linting import disclaimer_changes
from linting.disclaimer_changes import affected_live_articles, new_errors
from linting.gate import blocking_findings
from linting.models import AcceptedFinding
from pages.site_setup import DEFAULT_MEDICAL_DISCLAIMER
from pages.snippets import Disclaimer

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_disclaimer(site_pages):
    return Disclaimer.objects.get(kind="medical", is_default=True)


@pytest.fixture
def live_article(make_article):
    return make_article()  # chooses no disclaimer: shows the site default


def _login(client, *, reviewer: bool, edits_pages: bool = True):
    user = get_user_model().objects.create_user("reviewer" if reviewer else "editor", password="pw-12345-abcde")
    group = Group.objects.create(name="Disclaimer editors")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", "change_disclaimer", "delete_disclaimer"]))
    user.groups.add(group)
    if reviewer and edits_pages:
        user.groups.add(Group.objects.get(name="Medical reviewers"))  # may also edit and publish pages
    elif reviewer:
        user.user_permissions.add(Permission.objects.get(codename="override_finding"))
    client.force_login(user)
    return user


def _post(client, disclaimer, *, kind="medical", text=DEFAULT_MEDICAL_DISCLAIMER, is_default=True, reason=""):
    data = {"title": disclaimer.title, "kind": kind, "text": rich_text(text), "override_reason": reason}
    if is_default:
        data["is_default"] = "on"
    return client.post(f"/admin/snippets/pages/disclaimer/edit/{disclaimer.pk}/", nested_form_data(data))


def test_a_change_that_takes_the_medical_disclaimer_off_live_articles_is_refused(client, default_disclaimer, live_article):
    _login(client, reviewer=False)
    response = _post(client, default_disclaimer, kind="advertising", text="<p>We are paid by the clinics we list.</p>")
    assert response.status_code == 200  # the form again, with the reason
    html = response.content.decode()
    assert "new lint errors" in html and live_article.title in html and "disclaimer.missing" in html
    default_disclaimer.refresh_from_db()
    assert default_disclaimer.kind == "medical"


def test_a_change_that_keeps_articles_clean_saves(client, default_disclaimer, live_article):
    _login(client, reviewer=False)
    wording = DEFAULT_MEDICAL_DISCLAIMER.replace("general information", "general health information")
    response = _post(client, default_disclaimer, text=wording)
    assert response.status_code == 302
    default_disclaimer.refresh_from_db()
    assert "general health information" in default_disclaimer.text
    assert not ModelLogEntry.objects.filter(action="vetted.override_disclaimer_change").exists()


def test_a_medical_reviewer_may_save_it_with_a_reason_kept_in_the_audit_log(client, default_disclaimer, live_article):
    user = _login(client, reviewer=True)
    response = _post(client, default_disclaimer, is_default=False, reason="too short")
    assert response.status_code == 200
    assert "give a reason of at least 20 characters" in response.content.decode()
    assert Disclaimer.objects.get(pk=default_disclaimer.pk).is_default

    reason = "Replaced by per-article disclaimers from next week's release."
    response = _post(client, default_disclaimer, is_default=False, reason=reason)
    assert response.status_code == 302
    assert not Disclaimer.objects.get(pk=default_disclaimer.pk).is_default
    entry = ModelLogEntry.objects.get(action="vetted.override_disclaimer_change")
    assert entry.user == user and entry.data["reason"] == reason
    assert [p["id"] for p in entry.data["pages"]] == [live_article.pk]
    assert {f["rule"] for f in entry.data["pages"][0]["findings"]} == {"disclaimer.missing"}
    # The new finding is accepted on the article itself, so its next edit can still be published.
    accepted = AcceptedFinding.objects.get()
    assert (accepted.page_id, accepted.rule, accepted.reason, accepted.user) == (
        live_article.pk, "disclaimer.missing", reason, user)
    assert PageLogEntry.objects.filter(page=live_article, action="vetted.accept_finding").exists()
    assert not blocking_findings(live_article.save_revision())


def test_the_override_needs_edit_rights_on_every_affected_article(client, default_disclaimer, live_article):
    _login(client, reviewer=True, edits_pages=False)
    response = _post(client, default_disclaimer, is_default=False, reason="Replaced by per-article disclaimers soon.")
    assert response.status_code == 200
    assert "You may not edit" in response.content.decode()
    assert Disclaimer.objects.get(pk=default_disclaimer.pk).is_default
    assert not AcceptedFinding.objects.exists()


def test_a_change_the_articles_lint_cannot_see_is_not_linted(client, default_disclaimer, live_article, monkeypatch):
    def fail(_):
        raise AssertionError("linted")

    monkeypatch.setattr(disclaimer_changes, "new_errors", fail)
    _login(client, reviewer=False)
    response = client.post(
        f"/admin/snippets/pages/disclaimer/edit/{default_disclaimer.pk}/",
        nested_form_data({"title": "Medical disclaimer (2026)", "kind": "medical",
                          "text": rich_text(default_disclaimer.text), "is_default": "on", "override_reason": ""}),
    )
    assert response.status_code == 302
    assert Disclaimer.objects.get(pk=default_disclaimer.pk).title == "Medical disclaimer (2026)"


def test_articles_that_cannot_be_linted_refuse_the_change_without_an_error_page(client, default_disclaimer, live_article,
                                                                              monkeypatch):
    def broken(_):
        raise RuntimeError("rule crashed")

    monkeypatch.setattr(disclaimer_changes, "new_errors", broken)
    _login(client, reviewer=True)
    response = _post(client, default_disclaimer, is_default=False, reason="Replaced by per-article disclaimers soon.")
    assert response.status_code == 200
    assert "could not be linted (rule crashed)" in response.content.decode()
    assert Disclaimer.objects.get(pk=default_disclaimer.pk).is_default


@pytest.mark.parametrize("bulk", [False, True])
def test_a_disclaimer_live_articles_show_cannot_be_deleted_one_by_one_or_in_bulk(client, default_disclaimer,
                                                                                live_article, bulk):
    _login(client, reviewer=False)
    if bulk:
        response = client.post(f"/admin/bulk/pages/disclaimer/delete/?id={default_disclaimer.pk}", follow=True)
    else:
        response = client.post(f"/admin/snippets/pages/disclaimer/delete/{default_disclaimer.pk}/", follow=True)
    assert "the site&#x27;s default medical disclaimer" in response.content.decode()
    assert Disclaimer.objects.filter(pk=default_disclaimer.pk).exists()


def test_only_live_articles_that_show_the_disclaimer_are_affected(default_disclaimer, make_article):
    shown = make_article(title="Shows the default")
    make_article(title="A draft", publish=False)
    own = Disclaimer.objects.create(title="Clinic disclaimer", kind="medical", text=DEFAULT_MEDICAL_DISCLAIMER)
    chooser = make_article(title="Chooses its own")
    chooser.disclaimers.set([own])
    chooser.save_revision().publish()

    assert [p.title for p in affected_live_articles(default_disclaimer)] == ["Shows the default"]
    assert [p.title for p in affected_live_articles(own)] == ["Chooses its own"]
    own.kind, own.text = "financial", "<p>Prices change often.</p>"  # unsaved: what the form would save
    assert [(item.page.title, [f.rule for f in item.findings]) for item in new_errors(own)] == [
        ("Chooses its own", ["disclaimer.missing"])
    ]
    assert shown.pk not in [item.page.pk for item in new_errors(own)]
