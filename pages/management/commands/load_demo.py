"""manage.py load_demo: the site structure, an admin login and three demo articles, idempotently.

The demo articles (pages/demo/) are written for Vetted: one with the defects health publishers
ship every day, one reference-quality article, one in between. Existing demo pages are left as
they are, so running it twice gives the same pages.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from pages.importer import article_slug, import_document, parse_file
from pages.models import ArticlePage
from pages.site_setup import ensure_site

DEMO_DIR = Path(__file__).resolve().parent.parent.parent / "demo"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "vetted-demo-admin"  # local development only; production never runs load_demo


class Command(BaseCommand):
    help = "Create the site structure, a local admin user and the demo articles (idempotent)."

    def handle(self, *args, **options):
        home, index = ensure_site()
        User = get_user_model()
        admin = User.objects.filter(username=ADMIN_USERNAME).first()
        if admin is None:
            admin = User.objects.create_superuser(ADMIN_USERNAME, "admin@vetted.example", ADMIN_PASSWORD)
            self.stdout.write(f"Created admin user '{ADMIN_USERNAME}'.")
        pages = []
        for path in sorted(DEMO_DIR.iterdir()):
            if path.suffix not in (".txt", ".md", ".html"):
                continue
            doc = parse_file(str(path))
            existing = ArticlePage.objects.child_of(index).filter(slug=article_slug(doc.title)).first()
            if existing:
                pages.append(existing)
                continue
            result = import_document(doc, index, publish=False, user=admin)
            publish_demo_page(result.page, admin)
            pages.append(result.page)
        self.print_summary(pages)
        self.stdout.write(
            f"\nAdmin: http://127.0.0.1:8000/admin/  user: {ADMIN_USERNAME}  password: {ADMIN_PASSWORD}\n"
            "API:   http://127.0.0.1:8000/api/v2/pages/?type=pages.ArticlePage&fields=*\n"
        )

    def print_summary(self, pages):
        from linting.services import report_for_revision

        self.stdout.write("\nLint summary of the demo articles:")
        for page in pages:
            report = report_for_revision(page.get_latest_revision())
            accepted = report.error_count - len(report.blocking_findings())
            self.stdout.write(
                f"  {page.title[:58]:<58} {report.error_count:>3} errors ({accepted} accepted) "
                f"{report.warning_count:>3} warnings {report.info_count:>3} info"
            )


DEMO_REASON = (
    "Demo content: published unchanged so the admin reports show what the linter finds "
    "in a typical commercial article."
)


def publish_demo_page(page, user):
    """Publish a demo article so the public APIs have content to show.

    An article with error findings is published the way a real publisher would have to: the demo
    admin (who holds the override permission) accepts each error with a written reason, which
    the Content quality report and the audit log then show.
    """
    from linting.gate import blocking_findings
    from linting.overrides import accept_finding

    revision = page.get_latest_revision()
    for finding in blocking_findings(revision):
        accept_finding(page, revision, finding, user, DEMO_REASON)
    revision.publish(user=user)
