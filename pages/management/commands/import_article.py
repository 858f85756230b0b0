"""manage.py import_article FILE... [--parent /url/path/] [--publish]"""

import sys

from django.core.exceptions import ValidationError
from django.db import DatabaseError

from django.core.management.base import BaseCommand

from pages.importer import ArticleImportError, import_document, parse_file, resolve_parent


class Command(BaseCommand):
    help = "Import .txt, .md or .html articles as ArticlePages (drafts unless --publish)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--parent", help="URL path of the article index to import into (default /articles/).")
        parser.add_argument("--publish", action="store_true", help="Publish the imported articles.")

    def handle(self, *args, **options):
        files = options["files"]
        failed = blocked = 0
        try:
            parent = resolve_parent(options["parent"])
        except ArticleImportError as exc:
            self.stderr.write(f"import_article: {exc}")
            sys.exit(2)
        for path in files:
            try:
                doc = parse_file(path)
                result = import_document(doc, parent, publish=options["publish"])
            except ArticleImportError as exc:
                failed += 1
                self.stderr.write(f"import_article: {exc}")
                continue
            except (ValidationError, DatabaseError) as exc:  # the file's data breaks a model rule
                failed += 1
                detail = "; ".join(getattr(exc, "messages", None) or [str(exc).splitlines()[0]])
                self.stderr.write(f"import_article: {path}: cannot import: {detail}")
                continue
            page = result.page
            verb = "created" if result.created else "updated (new revision)"
            state = "published" if result.published else "draft"
            kinds = ", ".join(b.block_type for b in page.get_latest_revision_as_object().body)
            self.stdout.write(f"{path}: {verb} '{page.title}' (id {page.pk}, {state}) sections: {kinds}")
            if result.blocked:
                blocked += 1
                self.stderr.write(
                    f"import_article: {path}: kept as a draft, not published: {result.blocked} "
                    f"(see: manage.py lint_content --page {page.pk} --drafts)"
                )
        if failed:
            sys.exit(2)
        if blocked:
            sys.exit(1)
