"""manage.py lint_content [--all | --page ID | --path /url/] [--drafts]: lint CMS articles like CI lints files.

Same formats, ``--fail-on`` and exit codes as ``python -m linting`` (0 clean, 1 findings at or
above --fail-on, 2 usage errors). Reads the stored report of each revision (recomputing it only if
stale); findings a medical reviewer accepted are left out and counted in a note.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from linting.cli import EXIT_USAGE, exit_code_for, use_color, write_atomic
from linting.core.engine import active_rules
from linting.core.findings import DocumentReport, Report
from linting.core.reporters import ReportContext, get_reporter, names


class Command(BaseCommand):
    help = "Lint ArticlePages (live content, or the latest drafts with --drafts)."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="Every article.")
        which.add_argument("--page", type=int, metavar="ID", help="One page by id.")
        which.add_argument("--path", metavar="/url/path/", help="One page by URL path.")
        parser.add_argument("--drafts", action="store_true", help="Lint the latest revision, not the live one.")
        parser.add_argument("--format", default="text", choices=names())
        parser.add_argument("--fail-on", default="error", choices=["error", "warning", "info", "never"])
        parser.add_argument("--output", metavar="FILE")

    def handle(self, *args, **options):
        try:
            code = self.run(options)
        except CommandError as exc:
            self.stderr.write(f"lint_content: error: {exc}")
            code = EXIT_USAGE
        sys.exit(code) if code else None

    def pages(self, options):
        from pages.models import ArticlePage

        qs = ArticlePage.objects.all().order_by("path")
        if options["page"] is not None:
            qs = qs.filter(pk=options["page"])
            if not qs.exists():
                raise CommandError(f"--page {options['page']}: no article with that id")
        elif options["path"]:
            wanted = "/" + options["path"].strip("/") + "/"
            qs = [p for p in qs if p.url_path.endswith(wanted) or p.url == wanted]
            if not qs:
                raise CommandError(f"--path {options['path']}: no article at that path")
        return list(qs)

    def run(self, options) -> int:
        from linting.services import project_config, report_for_revision

        pages = self.pages(options)
        config, _ = project_config()
        documents, accepted_count, skipped = [], 0, 0
        progress = self.progress(len(pages)) if options["all"] and use_color(sys.stderr) else None
        for page in pages:
            revision = page.get_latest_revision() if options["drafts"] else page.live_revision
            if revision is None:
                skipped += 1
                continue
            stored = report_for_revision(revision)
            accepted = stored.accepted_fingerprints()
            findings = [f for f in stored.finding_objects() if f.fingerprint not in accepted]
            accepted_count += len(stored.findings) - len(findings)
            documents.append(DocumentReport(path=page.url_path, title=revision.object_str, findings=findings))
            if progress:
                progress[0].advance(progress[1])
        if progress:
            progress[0].stop()
        report = Report(documents=documents)
        ctx = ReportContext(
            rules=[type(r) for r in active_rules(config, network=True)],
            color=options["format"] == "text" and not options["output"] and use_color(sys.stdout),
        )
        text = get_reporter(options["format"])(report, ctx)
        if options["output"]:
            write_atomic(options["output"], text)
        else:
            self.stdout.write(text, ending="")
        if accepted_count:
            self.stderr.write(f"note: {accepted_count} accepted finding(s) not shown")
        if skipped:
            self.stderr.write(f"note: {skipped} page(s) have no {'revision' if options['drafts'] else 'live version'}"
                              f"{'' if options['drafts'] else ' (use --drafts)'}")
        return exit_code_for(report, options["fail_on"])

    def progress(self, total):
        from rich.console import Console
        from rich.progress import Progress

        bar = Progress(transient=True, console=Console(stderr=True))  # stdout carries the report
        bar.start()
        return bar, bar.add_task("Linting articles", total=total)
