"""check_links: django-tasks fan out, a real local HTTP server on 127.0.0.1, results in reports.

Internal links (pages, documents) are checked against the database with no HTTP at all.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.test import override_settings

from linting.models import LinkCheck
from linting.services import report_for_revision

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    hits: list = []

    def do_HEAD(self):
        self.hits.append(("HEAD", self.path))
        self.send_response(200 if self.path.startswith("/ok") else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Handler.hits = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def allow_localhost(tmp_path):
    config = tmp_path / "vetted.toml"
    config.write_text('[links]\nallow_private_hosts = ["127.0.0.1"]\n', encoding="utf-8")
    with override_settings(VETTED_LINT_CONFIG=str(config)):
        yield


def linked_article(make_article, server, **kwargs):
    body = [
        ("overview", {"heading": "Overview", "text": f'<p>Read the <a href="{server}/ok/guide">patient guide</a> '
                                                     f'and the <a href="{server}/gone/leaflet">leaflet</a>.</p>'}),
        ("risks", {"heading": "Risks", "text": "<p>Ask your doctor about the risks before you decide.</p>"}),
    ]
    return make_article(title="Linked article", body=body, with_footnote=False, with_sources=False, **kwargs)


def broken(page):
    report = report_for_revision(page.get_latest_revision())
    return [(f["url"], f["message"]) for f in report.findings if f["rule"] == "links.broken"]


def test_check_links_runs_through_tasks_and_reports_broken_links(make_article, server, allow_localhost, capsys):
    page = linked_article(make_article, server, publish=False)
    assert broken(page) == []  # nothing is known before a check: linting never fetches
    call_command("check_links", "--all")
    out = capsys.readouterr().out
    assert "1 broken link(s)" in out
    assert broken(page) == [(f"{server}/gone/leaflet", 'Broken link "leaflet": HTTP 404.')]
    assert LinkCheck.objects.get(url=f"{server}/ok/guide").ok
    # Within the TTL a second run makes no request.
    hits = len(Handler.hits)
    call_command("check_links", "--page", str(page.pk))
    assert len(Handler.hits) == hits


def test_loopback_is_refused_unless_allowed(make_article, server):
    page = linked_article(make_article, server, publish=False)
    call_command("check_links", "--page", str(page.pk))
    assert Handler.hits == []
    reasons = [m for _, m in broken(page)]
    assert len(reasons) == 2 and all("refused" in m for m in reasons)


def test_internal_links_to_deleted_and_unpublished_pages(make_article):
    target = make_article(title="Target article")
    draft_target = make_article(title="Draft target", publish=False)
    body = [
        ("overview", {"heading": "Overview", "text": (
            f'<p>See <a linktype="page" id="{target.pk}">the target</a>, '
            f'<a linktype="page" id="{draft_target.pk}">the draft</a> and '
            f'<a linktype="page" id="987654">a removed page</a>.</p>')}),
        ("risks", {"heading": "Risks", "text": "<p>Ask your doctor about the risks before you decide.</p>"}),
    ]
    page = make_article(title="Linking article", body=body, with_footnote=False, publish=False)
    messages = [m for _, m in broken(page)]
    assert any("unpublished page “Draft target”" in m for m in messages)
    assert any("deleted page (id 987654)" in m for m in messages)
    assert len(messages) == 2
    # Deleting the target later makes the stored report stale: it is recomputed.
    target.delete()
    assert len(broken(page)) == 3


def test_unknown_page_is_a_usage_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("check_links", "--page", "424242")


def test_broken_links_report_lists_results_and_exports(make_article, server, allow_localhost, admin_client):
    import csv
    import io

    from openpyxl import load_workbook

    page = linked_article(make_article, server, publish=False)
    make_article(title="Clean article", with_sources=False, with_footnote=False, body=[
        ("overview", {"heading": "Overview", "text": "<p>This guide explains what to expect.</p>"}),
        ("risks", {"heading": "Risks", "text": "<p>Ask your doctor about the risks before you decide.</p>"}),
    ])
    call_command("check_links", "--all")
    html = admin_client.get("/admin/reports/broken-links/").content.decode()
    assert "Linked article" in html and "Clean article" not in html
    assert f"{server}/gone/leaflet" in html and "HTTP 404" in html
    assert "Linked article" in admin_client.get("/admin/reports/broken-links/?kind=http").content.decode()
    assert "Linked article" not in admin_client.get("/admin/reports/broken-links/?kind=fragment").content.decode()
    assert "Linked article" not in admin_client.get("/admin/reports/broken-links/?host=example.org").content.decode()

    response = admin_client.get("/admin/reports/broken-links/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Title", "Path", "Status"]
    assert rows[1][0] == "Linked article" and rows[1][3] == "1" and "HTTP 404" in rows[1][4]
    response = admin_client.get("/admin/reports/broken-links/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)).active
    assert sheet.cell(row=2, column=1).value == "Linked article"
    assert page.pk


def test_an_expired_broken_result_still_blocks(make_article, server, allow_localhost):
    """The TTL says when to check again; until a new check, a broken link stays broken."""
    import datetime as dt

    from django.utils import timezone

    page = linked_article(make_article, server, publish=False)
    call_command("check_links", "--page", str(page.pk))
    LinkCheck.objects.update(checked_at=timezone.now() - dt.timedelta(days=30))
    assert [u for u, _ in broken(page)] == [f"{server}/gone/leaflet"]
