"""Page models: HomePage, ArticleIndexPage and the structured ArticlePage.

An ArticlePage is what the linter reads: typed sections in ``body``, an ordered list of sources,
footnotes (wagtail-footnotes), author, medical reviewer, review date and disclaimers.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .api_fields import BodyField, DisclaimersField, FootnotesField, PersonField
from .blocks import section_blocks
from .snippets import Disclaimer, Person

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")


class HomePage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["pages.ArticleIndexPage"]
    max_count = 1
    api_fields = [APIField("intro")]


class ArticleIndexPage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ArticlePage"]
    api_fields = [APIField("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = ArticlePage.objects.child_of(self).live().order_by("-first_published_at")
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("pages.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(Page):
    summary = models.TextField(help_text="One or two sentences for listings and search results.")
    author = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="authored_articles",
        help_text="Who wrote the article (JAMA benchmark: authorship).",
    )
    reviewer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviewed_articles",
        verbose_name="medical reviewer",
        help_text="The qualified professional who checked the medical content.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When the medical content was last checked (JAMA benchmark: currency)."
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, help_text="Topics and conditions.")
    body = StreamField(section_blocks(), blank=True, help_text="The article, one block per section.")
    disclaimers = ParentalManyToManyField(
        Disclaimer, blank=True, help_text="Leave empty to use the site's default disclaimers."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("reviewer"), FieldPanel("last_reviewed")],
            heading="Authorship and review",
        ),
        FieldPanel("tags"),
        FieldPanel("body"),
        InlinePanel("sources", label="Sources", heading="Sources",
                    help_text="Everything the article relies on, in citation order."),
        InlinePanel("footnotes", label="Footnotes", heading="Footnotes"),
        FieldPanel("disclaimers", widget=forms.CheckboxSelectMultiple),
    ]
    parent_page_types = ["pages.ArticleIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    api_fields = [
        APIField("summary", writable=True),
        APIField("author", serializer=PersonField(), writable=True),
        APIField("reviewer", serializer=PersonField(), writable=True),
        APIField("last_reviewed", writable=True),
        APIField("tags", writable=True),
        APIField("body", serializer=BodyField(source="*"), writable=True),
        APIField("footnotes", serializer=FootnotesField(source="*")),
        APIField("sources", writable=True),
        APIField("disclaimers", serializer=DisclaimersField(source="*")),
    ]

    def publish(self, revision, user=None, changed=True, log_action=True, previous_revision=None,
                skip_permission_checks=False):
        """Publish through the lint gate (see linting.gate)."""
        from linting.gate import publish_page

        return publish_page(
            self, revision, user=user, changed=changed, log_action=log_action,
            previous_revision=previous_revision, skip_permission_checks=skip_permission_checks,
        )

    def save(self, *args, **kwargs):
        # Backstop of the publish gate. A new article is created as a draft whatever the caller
        # set (Wagtail's create-and-publish view adds the page live, then publishes its first
        # revision): it only goes live through publishing, which the gate checks.
        # The same holds for copies ("publish copy" keeps the source's live flag): a copy has to
        # pass the gate on its own revision, so it starts as a draft too.
        if self.pk is None and self.live:
            self.live, self.has_unpublished_changes, self.live_revision = False, True, None
            self._vetted_created_as_draft = True
        if getattr(self, "_vetted_created_as_draft", False) and not self.live:
            self.live_revision = None  # Wagtail's copy sets it afterwards; a draft has none
        # A page is never saved live on a revision the gate blocks.
        if self.pk and self.live and self.live_revision_id:
            previous = type(self).objects.filter(pk=self.pk).values_list("live", "live_revision_id").first()
            if previous != (True, self.live_revision_id):
                from linting.gate import check_publishable

                check_publishable(self, self.live_revision)
        return super().save(*args, **kwargs)

    def effective_disclaimers(self):
        """The chosen disclaimers, or the site defaults when none are chosen."""
        chosen = list(self.disclaimers.all())
        return chosen or list(Disclaimer.objects.filter(is_default=True))

    def clean(self):
        super().clean()
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": "The review date cannot be in the future."})


class ArticleSource(Orderable):
    """One entry of an article's ordered sources list."""

    page = ParentalKey(ArticlePage, related_name="sources", on_delete=models.CASCADE)
    title = models.CharField(max_length=500)
    url = models.URLField(max_length=1000, blank=True)
    publisher = models.CharField(max_length=255, blank=True, help_text="Journal, organisation or publisher.")
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    doi = models.CharField("DOI", max_length=255, blank=True, help_text="e.g. 10.1056/NEJMoa2032183")
    pmid = models.CharField("PMID", max_length=20, blank=True, help_text="PubMed ID, digits only.")

    panels = [
        FieldPanel("title"), FieldPanel("url"), FieldPanel("publisher"),
        FieldPanel("year"), FieldPanel("doi"), FieldPanel("pmid"),
    ]
    api_fields = [
        APIField("title", writable=True), APIField("url", writable=True), APIField("publisher", writable=True),
        APIField("year", writable=True), APIField("doi", writable=True), APIField("pmid", writable=True),
    ]

    def clean(self):
        errors = {}
        if self.doi:
            self.doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", self.doi.strip(), flags=re.I)
            if not DOI_RE.match(self.doi):
                errors["doi"] = "A DOI starts with '10.' followed by a registrant code and a suffix."
        if self.pmid and not self.pmid.strip().isdigit():
            errors["pmid"] = "A PMID is digits only."
        if not (self.url or self.doi or self.pmid or self.publisher):
            errors["url"] = "Give at least a URL, DOI, PMID or publisher so readers can find the source."
        if errors:
            raise ValidationError(errors)

    def __str__(self):
        return self.title
