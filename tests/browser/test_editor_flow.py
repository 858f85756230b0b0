"""An editor's whole way through the gate, in a real browser (Playwright + Debian's chromium).

Log in, create an article with an uncited outcome claim, save a draft, see the finding in the
Content quality panel, be refused on publish (the block is marked), cite a source with the
wagtail-footnotes button (the Draftail "+" menu's "Footnotes" entry, then "Create new footnote",
then the footnote's text), publish, and find the article in the Content quality report.
Screenshots of each step go to tests/artifacts/ (git-ignored).

Autosave (on by default in Wagtail 8) is switched off here so that every revision comes from an
explicit button; the flow also passes with it on, when Wagtail re-renders the panel on each autosave.
"""

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM = os.environ.get("VETTED_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
CLAIM = "Most patients walk without pain within six weeks of treatment."
FOOTNOTE = "Cochrane review of exercise therapy for knee osteoarthritis, 2015."
TIMEOUT_MS = 15_000


@pytest.fixture
def browser_page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not Path(CHROMIUM).exists():
        message = f"chromium not found at {CHROMIUM} (install Debian's chromium or set VETTED_CHROMIUM)"
        if os.environ.get("VETTED_REQUIRE_BROWSER"):  # CI installs it: a missing browser is a failure there
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()


@pytest.fixture
def editor_account(db, site_pages):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from pages.snippets import Person

    Person.objects.create(name="Dr Amara Okafor", credentials="MB BS, MRCP, rheumatologist")
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw-editor-12345",
                                                first_name="Edith", last_name="Editor")
    # Wagtail's default groups: may create, edit and publish pages; not a medical reviewer.
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return "editor", "pw-editor-12345"


def settle(page):
    """Wait until no short CSS animation or transition is running (explicit wait, no sleep).

    Long or endless ones (the Help menu's 25 s "ping" badge) are ignored.
    """
    page.wait_for_function(
        """() => document.getAnimations().every((a) =>
            a.playState !== 'running' || a.effect.getComputedTiming().endTime > 5000)"""
    )


def shot(page, name):
    settle(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)


def wait_for_input(page, selector, text):
    """Draftail writes its hidden input after a short debounce: wait for it before saving."""
    page.wait_for_function(
        "([sel, text]) => { const el = document.querySelector(sel); return el && el.value.includes(text); }",
        arg=[selector, text],
    )


def open_quality_panel(page):
    toggle = page.locator('[data-side-panel-toggle="content_quality"]')
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    panel = page.locator('[data-side-panel="content_quality"]')
    panel.wait_for(state="visible")
    page.wait_for_function("() => document.querySelector('[data-form-side]').classList.contains('form-side--open')")
    settle(page)
    return panel


def click_publish(page):
    publish = page.locator('button[name="action-publish"]')
    if not publish.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    publish.click()


def test_editor_is_refused_then_cites_and_publishes(live_server, settings, browser_page, editor_account,
                                                     article_index):
    from pages.models import ArticlePage

    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    page = browser_page
    username, password = editor_account

    # 1. Log in.
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    shot(page, "01-login.png")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    # 2. Create an article with an evidence section holding an uncited outcome claim.
    page.goto(f"{live_server.url}/admin/pages/add/pages/articlepage/{article_index.pk}/")
    page.fill("#id_title", "Knee pain: physiotherapy")
    page.fill("#id_summary", "What physiotherapy for knee pain involves and what is known about it.")
    page.locator("#id_author-chooser .unchosen [data-chooser-action-choose]").click()
    page.locator(".modal").get_by_role("link", name="Dr Amara Okafor").click()
    page.locator("#id_author-title").get_by_text("Dr Amara Okafor").wait_for()

    body = page.locator('[data-contentpath="body"]')
    body.locator("button[title='Insert a block'], .c-sf-add-button").first.click()
    page.get_by_role("option", name="Evidence").click()
    page.fill('input[name="body-0-value-heading"]', "What the evidence shows")
    editor = body.locator(".public-DraftEditor-content").first
    editor.click()
    page.keyboard.type(CLAIM)
    wait_for_input(page, 'input[name="body-0-value-text"]', "six weeks")
    shot(page, "02-draft-filled.png")

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    article = ArticlePage.objects.get(title="Knee pain: physiotherapy")
    assert not article.live

    # 3. The Content quality panel shows the finding, its cue words marked.
    panel = open_quality_panel(page)
    finding = panel.locator('[data-rule="claims.unsupported"]').first
    finding.wait_for()
    assert "Most patients walk" in finding.locator("mark").first.inner_text()
    block_id = article.get_latest_revision_as_object().body[0].id
    assert finding.locator("a.vetted-cq__jump").get_attribute("href") == f"#:w:contentpath=body.{block_id}"
    finding.scroll_into_view_if_needed()
    shot(page, "03-panel-finding.png")

    # The jump link brings the block into view in the form.
    finding.locator("a.vetted-cq__jump").click()
    page.wait_for_function("() => window.location.hash.startsWith('#:w:contentpath=body.')")
    page.locator(".vetted-block-flash").wait_for()

    # 4. Publishing is refused; the block with the claim is marked in the form.
    click_publish(page)
    page.wait_for_url("**/edit/?lint=blocked")
    page.locator(".vetted-block-error").first.wait_for()
    assert "claims.unsupported" in page.locator(".vetted-block-error").first.inner_text()
    assert "cannot be published" in page.locator(".messages").inner_text()
    open_quality_panel(page)
    page.locator(".vetted-block-error").first.scroll_into_view_if_needed()
    shot(page, "04-publish-refused.png")
    article.refresh_from_db()
    assert not article.live

    # 5. Cite a source: cursor after the claim, Draftail's "+" menu > "Footnotes" (wagtail-footnotes'
    #    chooser) > "Create new footnote", which inserts the reference and adds a footnote row; type its text.
    editor = page.locator('[data-contentpath="body"] .public-DraftEditor-content').first
    editor.click()
    page.keyboard.press("End")
    editor.focus()
    page.locator('[data-contentpath="body"] .Draftail-BlockToolbar__trigger').first.click()
    page.get_by_role("option", name="Footnotes").click()
    page.locator("#footnotes-create-new").click()
    footnote_editor = page.locator("#id_footnotes-FORMS .public-DraftEditor-content").last
    footnote_editor.wait_for()
    footnote_editor.click()
    page.keyboard.type(FOOTNOTE)
    wait_for_input(page, 'input[name="footnotes-0-text"]', "Cochrane")
    wait_for_input(page, 'input[name="body-0-value-text"]', "FOOTNOTES")
    shot(page, "05-footnote-added.png")

    # 6. Publish succeeds.
    click_publish(page)
    page.wait_for_url(lambda url: "/edit/" not in url)
    page.locator(".messages").get_by_text("published").wait_for()
    shot(page, "06-published.png")
    article.refresh_from_db()
    assert article.live
    assert article.footnotes.count() == 1

    # 7. The Content quality report lists the article as live, with no errors left.
    page.goto(live_server.url + "/admin/reports/content-quality/")
    row = page.locator("table tbody tr").filter(has_text="Knee pain: physiotherapy")
    row.wait_for()
    assert "live" in row.inner_text()
    shot(page, "07-quality-report.png")
