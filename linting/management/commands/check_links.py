"""manage.py check_links [--all | --page ID]: check article links through django-tasks.

One task per article on the "links" task backend (a database queue outside tests: run
``manage.py db_worker --backend links`` on one or more machines). The command waits for the
results with a progress bar on a terminal (``--no-wait`` only enqueues) and prints what was
found; the Broken links report in the admin shows the same results.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Check the links of articles (external links over HTTP, internal ones in the database)."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="Every article.")
        which.add_argument("--page", type=int, metavar="ID", help="One article by page id.")
        parser.add_argument("--no-wait", action="store_true", help="Enqueue the checks and return.")
        parser.add_argument("--timeout", type=float, default=600, help="Seconds to wait for results (default 600).")

    def handle(self, *args, **options):
        from django_tasks.base import TaskResultStatus

        from linting.tasks import check_page_links
        from pages.models import ArticlePage

        ids = list(ArticlePage.objects.order_by("path").values_list("pk", flat=True))
        if options["page"] is not None:
            if options["page"] not in ids:
                raise CommandError(f"--page {options['page']}: no article with that id")
            ids = [options["page"]]
        results = [check_page_links.enqueue(page_id) for page_id in ids]
        if options["no_wait"]:
            self.stdout.write(f"Enqueued {len(results)} link check(s); run `manage.py db_worker --backend links`.")
            return
        progress = self._progress(len(results)) if sys.stderr.isatty() else None
        deadline = time.monotonic() + options["timeout"]
        pending = list(results)
        warned = False
        while pending:
            for result in list(pending):
                if not result.is_finished:
                    result.refresh()
                if result.is_finished:
                    pending.remove(result)
                    if progress:
                        progress[0].advance(progress[1])
            if not pending:
                break
            if time.monotonic() > deadline:
                self._stop(progress)
                raise CommandError(f"{len(pending)} check(s) still queued after {options['timeout']:.0f} s; "
                                   "is `manage.py db_worker --backend links` running?")
            if not warned and time.monotonic() > deadline - options["timeout"] + 10 and \
                    all(r.status == TaskResultStatus.READY for r in pending):
                self.stderr.write("Waiting for a worker: run `manage.py db_worker --backend links`.")
                warned = True
            time.sleep(0.5)
        self._stop(progress)
        failed = [r for r in results if r.status != TaskResultStatus.SUCCESSFUL]
        total_broken = 0
        for result in results:
            if result.status == TaskResultStatus.SUCCESSFUL:
                summary = result.return_value
                total_broken += summary["broken"]
                title = ArticlePage.objects.filter(pk=summary["page_id"]).values_list("title", flat=True).first()
                self.stdout.write(f"{summary['broken']:>4} broken link(s), {summary['checked']:>4} URL(s) checked  {title}")
        self.stdout.write(f"{len(results) - len(failed)} article(s) checked, {total_broken} broken link(s); "
                          "see Reports › Broken links in the admin.")
        if failed:
            raise CommandError(f"{len(failed)} check(s) failed: " + "; ".join(
                f"{r.args[0]}: {r.errors[-1].exception_class_path if r.errors else r.status}" for r in failed))

    def _progress(self, total):
        from rich.console import Console
        from rich.progress import Progress

        bar = Progress(transient=True, console=Console(stderr=True))  # stdout carries the report
        bar.start()
        return bar, bar.add_task("Checking links", total=total)

    def _stop(self, progress):
        if progress:
            progress[0].stop()
