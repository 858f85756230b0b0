"""The Content quality report (Reports menu): counts per article, filters, CSV and XLSX export."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from linting.models import AcceptedFinding
from linting.overrides import accept_finding
from linting.services import report_for_revision

pytestmark = pytest.mark.django_db

URL = "/admin/reports/content-quality/"
CLAIM = "Most patients walk without pain within six weeks of treatment."


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-admin-12345")


@pytest.fixture
def articles(make_article):
    clean = make_article(title="Knee osteoarthritis: what helps", slug="knee-oa")
    flawed = make_article(
        title="Physiotherapy for knee pain", slug="knee-physio", publish=False, with_footnote=False,
        body=[
            ("overview", {"heading": "Overview", "text": "<p>This guide explains physiotherapy for knee pain.</p>"}),
            ("evidence", {"heading": "What the evidence shows", "text": f"<p>{CLAIM}</p>"}),
            ("risks", {"heading": "Risks", "text": "<p>Your knee may feel stiff the next day. "
                                                   "It is not yet known which exercises help most.</p>"}),
        ],
    )
    return clean, flawed


def rows_by_title(content: str) -> dict:
    rows = list(csv.DictReader(io.StringIO(content)))
    return {row["Title"]: row for row in rows}


def test_report_lists_articles_with_counts(client, admin_user, articles):
    clean, flawed = articles
    client.force_login(admin_user)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Content quality" in html
    assert clean.title in html and flawed.title in html
    assert f'href="/admin/pages/{flawed.pk}/edit/"' in html
    # Listed in the Reports menu.
    assert "/admin/reports/content-quality/" in client.get("/admin/").content.decode()


def test_csv_export_has_counts_and_status(client, admin_user, articles):
    clean, flawed = articles
    report = report_for_revision(flawed.get_latest_revision())
    finding = next(f for f in report.finding_objects() if f.excerpt == CLAIM)
    accept_finding(flawed, flawed.get_latest_revision(), finding, admin_user, "Covered by the NICE guideline in sources.")
    client.force_login(admin_user)
    response = client.get(URL + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = rows_by_title(b"".join(response.streaming_content).decode())
    assert set(rows) == {clean.title, flawed.title}
    row = rows[flawed.title]
    assert int(row["Errors"]) == report.error_count >= 1
    assert int(row["Blocking errors"]) == report.error_count - 1
    assert int(row["Warnings"]) == report.warning_count
    assert int(row["Info"]) == report.info_count
    assert row["Accepted findings"] == "1"
    assert row["Status"] == "draft"
    assert row["Last checked"]
    assert rows[clean.title]["Errors"] == "0" and rows[clean.title]["Status"] == "live"
    assert rows[clean.title]["Accepted findings"] == "0"


def test_xlsx_export(client, admin_user, articles):
    clean, flawed = articles
    client.force_login(admin_user)
    response = client.get(URL + "?export=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:3] == ["Title", "Path", "Status"] and "Errors" in header and "Last checked" in header
    by_title = {row[0]: dict(zip(header, row)) for row in rows[1:]}
    assert set(by_title) == {clean.title, flawed.title}
    expected = report_for_revision(flawed.get_latest_revision())
    assert by_title[flawed.title]["Errors"] == expected.error_count
    assert by_title[clean.title]["Errors"] == 0
    assert by_title[flawed.title]["Last checked"] is not None


@pytest.mark.parametrize(
    "query, expected",
    [
        ("severity=error", {"flawed"}),
        ("severity=blocking", {"flawed"}),
        ("severity=warning", {"clean"}),  # the clean article says nothing about uncertainty
        ("severity=clean", set()),
        ("rule=claims.unsupported", {"flawed"}),
        ("rule=links.dangling", set()),
        ("status=live", {"clean"}),
        ("status=draft", {"flawed"}),
        ("rule=claims.unsupported&status=live", set()),
    ],
)
def test_filters(client, admin_user, articles, query, expected):
    clean, flawed = articles
    names = {clean.title: "clean", flawed.title: "flawed"}
    client.force_login(admin_user)
    response = client.get(f"{URL}?{query}&export=csv")
    assert response.status_code == 200
    rows = rows_by_title(b"".join(response.streaming_content).decode())
    assert {names[t] for t in rows} == expected
    # The HTML listing applies the same filters.
    html = client.get(f"{URL}?{query}").content.decode()
    for title, name in names.items():
        assert (f'href="/admin/pages/{(clean if name == "clean" else flawed).pk}/edit/"' in html) == (name in expected)


def test_accepted_errors_stop_counting_as_blocking(client, admin_user, articles):
    _, flawed = articles
    report = report_for_revision(flawed.get_latest_revision())
    for finding in report.blocking_findings():
        accept_finding(flawed, flawed.get_latest_revision(), finding, admin_user, "Reviewed against the cited guideline.")
    assert AcceptedFinding.objects.count() == report.error_count
    client.force_login(admin_user)
    response = client.get(URL + "?severity=blocking&export=csv")
    assert rows_by_title(b"".join(response.streaming_content).decode()) == {}


def test_report_needs_page_permissions(client, db, articles):
    user = get_user_model().objects.create_user("nobody", "nobody@example.org", "pw-nobody-12345")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 302  # Wagtail's permission-denied redirect to the dashboard
    assert "/admin/reports/content-quality/" not in client.get("/admin/").content.decode()
