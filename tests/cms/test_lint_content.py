"""manage.py lint_content: the CLI contract on CMS content (formats, --fail-on, exit codes)."""

import json

import pytest
from django.core.management import call_command

from linting.gate import blocking_findings
from linting.overrides import accept_finding

pytestmark = pytest.mark.django_db

CLAIM_BODY = [
    ("evidence", {"heading": "Results", "text": "<p>Most patients walk without pain within six weeks of treatment.</p>"}),
    ("risks", {"heading": "Risks", "text": "<p>Ask your doctor about the risks before you decide.</p>"}),
]


def run(*args):
    import io

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("lint_content", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_clean_live_article_exits_0(make_article):
    page = make_article()
    code, out, err = run("--page", str(page.pk), "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["summary"]["documents"] == 1 and data["summary"]["error"] == 0
    assert data["documents"][0]["title"] == page.title


def test_drafts_flag_lints_the_latest_revision(make_article):
    page = make_article(title="Draft with claim", publish=False, body=CLAIM_BODY)
    code, out, err = run("--all")
    assert code == 0 and "no live version" in err  # a never-published page has nothing live
    code, out, err = run("--all", "--drafts", "--format", "json")
    assert code == 1
    finding = json.loads(out)["documents"][0]["findings"][0]
    assert finding["rule"] == "claims.unsupported"
    assert finding["block_id"] == page.get_latest_revision_as_object().body[0].id
    assert finding["excerpt"].startswith("Most patients walk")


def test_fail_on_and_formats(make_article):
    make_article(title="Draft with claim", publish=False, body=CLAIM_BODY)
    assert run("--all", "--drafts", "--fail-on", "never")[0] == 0
    code, out, _ = run("--all", "--drafts", "--format", "sarif")
    assert code == 1 and json.loads(out)["version"] == "2.1.0"
    code, out, _ = run("--all", "--drafts", "--format", "junit")
    assert code == 1 and out.lstrip().startswith("<?xml")
    code, out, _ = run("--path", "/articles/draft-with-claim/", "--drafts")
    assert code == 1 and "claims.unsupported" in out


def test_accepted_findings_do_not_fail_the_build(make_article, django_user_model):
    page = make_article(title="Draft with claim", publish=False, body=CLAIM_BODY)
    reviewer = django_user_model.objects.create_superuser("rev", "rev@example.org", "pw-rev-123456")
    revision = page.get_latest_revision()
    for finding in blocking_findings(revision):
        accept_finding(page, revision, finding, reviewer, "Checked with the author against the trial data.")
    code, out, err = run("--page", str(page.pk), "--drafts")
    assert code == 0 and "1 accepted finding(s) not shown" in err


@pytest.mark.parametrize("args, message", [
    (["--page", "999999"], "no article with that id"),
    (["--path", "/nowhere/"], "no article at that path"),
])
def test_usage_errors_exit_2(site_pages, args, message):
    code, out, err = run(*args)
    assert code == 2 and message in err
