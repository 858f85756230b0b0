"""What lint-on-save adds to an admin save of a 2,000-word article.

Saves the same article through the real Wagtail admin edit view (Django's test client, a
throwaway SQLite database) 50 times with lint-on-save on and 50 times with it off, interleaved so
both modes see the same machine state, and prints p50/p95 of each and the difference. No network:
link rules read cached results only.

    .venv/bin/python bench/save_overhead.py [--saves 50] [--words 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def setup_django(workdir: Path):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def percentile(values, q):
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def edit_form(page, revision_note: str):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    from pages.blocks import RICH_TEXT_FEATURES

    blocks = []
    for block in page.body:
        value = block.value
        if block.block_type == "cta":
            blocks.append(("cta", {"text": rich_text(value["text"].source), "button_label": value["button_label"],
                                   "url": value["url"], "page": "", "sponsored": ""}))
        else:
            blocks.append((block.block_type, {"heading": value["heading"],
                                              "text": rich_text(value["text"].source, features=RICH_TEXT_FEATURES)}))
    return nested_form_data({
        "title": page.title, "slug": page.slug, "summary": page.summary + revision_note,
        "author": page.author_id or "", "reviewer": page.reviewer_id or "", "last_reviewed": "", "tags": "",
        "body": streamfield(blocks),
        "sources": inline_formset([
            {"id": s.pk, "title": s.title, "url": s.url, "publisher": s.publisher, "year": s.year or "",
             "doi": s.doi, "pmid": s.pmid} for s in page.sources.all()], initial=page.sources.count()),
        "footnotes": inline_formset([
            {"id": f.pk, "uuid": str(f.uuid), "text": rich_text(f.text, features=["bold", "italic", "link"])}
            for f in page.footnotes.all()], initial=page.footnotes.count()),
        "disclaimers": [],
    })


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--words", type=int, default=2000)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="vetted-bench-") as tmp:
        workdir = Path(tmp)
        setup_django(workdir)
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.test import Client

        from lint_throughput import make_article
        from pages.importer import import_document, parse_file
        from pages.site_setup import ensure_site

        _, index = ensure_site()
        article = workdir / "article.txt"
        article.write_text(make_article(random.Random(7), 0, set(), words=args.words), encoding="utf-8")
        page = import_document(parse_file(str(article)), index).page
        words = sum(len(b.value["text"].source.split()) for b in page.body)
        user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench-password-1")
        client = Client()
        client.force_login(user)
        url = f"/admin/pages/{page.pk}/edit/"

        timings = {True: [], False: []}
        for i in range(args.saves + 3):  # the first 3 rounds warm caches and are dropped
            for mode in (True, False) if i % 2 else (False, True):
                settings.VETTED_LINT_ON_SAVE = mode
                data = edit_form(page, f" ({'on' if mode else 'off'} {i})")
                start = time.perf_counter()
                response = client.post(url, data)
                elapsed = (time.perf_counter() - start) * 1000
                if response.status_code != 302:
                    import re as _re

                    Path("/tmp/save_fail.html").write_bytes(response.content)
                    errors = _re.findall(r'(?s)class="error-message"[^>]*>(.{0,300})', response.content.decode())[:5]
                    print(f"save failed with HTTP {response.status_code}: {errors}", file=sys.stderr)
                    return 1
                if i >= 3:
                    timings[mode].append(elapsed)
        from linting.models import LintReport

        reports = LintReport.objects.filter(page=page).count()

    on, off = timings[True], timings[False]
    print(f"Admin save of a {words:,}-word article, {len(on)} saves per mode (Wagtail edit view, SQLite)")
    print(f"{'mode':<22}{'p50 ms':>10}{'p95 ms':>10}{'mean ms':>10}")
    for name, values in (("lint on save", on), ("lint off", off)):
        print(f"{name:<22}{percentile(values, .5):>10.1f}{percentile(values, .95):>10.1f}{statistics.mean(values):>10.1f}")
    print(f"{'added by linting':<22}{percentile(on, .5) - percentile(off, .5):>10.1f}"
          f"{percentile(on, .95) - percentile(off, .95):>10.1f}{statistics.mean(on) - statistics.mean(off):>10.1f}")
    print(f"(reports stored: {reports}; goal: <= 150 ms added at p95)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
