"""Site-wide link checks as django-tasks, so several ``db_worker`` processes share the work.

Each task checks the external links of one article (its live revision and its latest draft),
stores the results in the LinkCheck cache, and refreshes the stored lint reports, which then show
the broken links to editors, the gate and the Broken links report. The checker is async inside a
task; the ORM is only touched before and after it runs.
"""

from __future__ import annotations

from django_tasks import task

LINKS_BACKEND = "links"


def check_page_links_now(page_id: int) -> dict:
    """Check one article's links and refresh its reports; returns a small summary."""
    from linting.core.links import check_urls, external_urls
    from linting.models import DatabaseLinkCache
    from linting.services import project_config, report_for_revision
    from linting.sources.wagtail import document_for_page
    from pages.models import ArticlePage

    page = ArticlePage.objects.filter(pk=page_id).first()
    if page is None:
        return {"page_id": page_id, "checked": 0, "broken": 0, "missing": True}
    config, _ = project_config()
    revisions = [r for r in {page.live_revision, page.get_latest_revision()} if r is not None]
    urls: list[str] = []
    for revision in revisions:
        urls += external_urls([document_for_page(revision.as_object())])
    urls = list(dict.fromkeys(urls))
    cache = DatabaseLinkCache(ttl=float(config.links.get("cache_ttl", 86400)))
    fresh = {u for u in urls if cache.get(u) is not None}
    run = check_urls([u for u in urls if u not in fresh], config, cache=None, network=True)
    for result in run.results.values():
        cache.set(result)
    broken = 0
    for revision in revisions:
        report = report_for_revision(revision)
        broken = max(broken, sum(1 for f in report.findings if f["rule"] == "links.broken"))
    return {"page_id": page_id, "checked": len(urls), "fetched": len(run.results), "broken": broken}


@task(backend=LINKS_BACKEND)
def check_page_links(page_id: int) -> dict:
    return check_page_links_now(page_id)
