"""Idempotent site structure: a HomePage as the default site's root and an "Articles" index.

Used by the demo loader and the importer (so importing into a fresh database just works) and by
tests. Safe to call any number of times.
"""

from django.db import transaction
from wagtail.models import Page, Site

from .models import ArticleIndexPage, HomePage
from .snippets import Disclaimer

DEFAULT_MEDICAL_DISCLAIMER = (
    "<p>This article is general information, not medical advice, and it is not a substitute for "
    "professional diagnosis or treatment. Consult a doctor or another qualified health professional "
    "about your own situation before making decisions about your care.</p>"
)


@transaction.atomic
def ensure_site() -> tuple[HomePage, ArticleIndexPage]:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        hostname, port = (site.hostname, site.port) if site else ("localhost", 80)
        # Wagtail's initial migration creates a placeholder "Welcome" page as the site root;
        # replace it (its Site row goes with it and is recreated below).
        for placeholder in root.get_children().filter(content_type__model="page", numchild=0):
            placeholder.delete()
        home = root.add_child(instance=HomePage(title="Vetted", slug="home", intro="<p>Health articles, checked.</p>"))
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
        Site.objects.update_or_create(
            hostname=hostname, port=port,
            defaults={"root_page": home, "is_default_site": True, "site_name": "Vetted"},
        )
    index = ArticleIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=ArticleIndexPage(title="Articles", slug="articles"))
    if not Disclaimer.objects.filter(kind=Disclaimer.Kind.MEDICAL, is_default=True).exists():
        Disclaimer.objects.create(
            title="Standard medical disclaimer",
            kind=Disclaimer.Kind.MEDICAL,
            text=DEFAULT_MEDICAL_DISCLAIMER,
            is_default=True,
        )
    return home, index
