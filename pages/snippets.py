"""Snippets shared by many articles: people (authors, medical reviewers) and disclaimers."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index


class Person(index.Indexed, models.Model):
    """An author or medical reviewer, named with the credentials readers use to judge them."""

    name = models.CharField(max_length=255)
    credentials = models.CharField(
        max_length=255, blank=True, help_text="Qualifications and role, e.g. 'MB ChB, MRCGP, general practitioner'."
    )
    bio = models.TextField(blank=True, help_text="One or two sentences on experience and any conflicts of interest.")

    panels = [FieldPanel("name"), FieldPanel("credentials"), FieldPanel("bio")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class Disclaimer(models.Model):
    """Standard wording shown with articles; one per kind may be the site default."""

    class Kind(models.TextChoices):
        MEDICAL = "medical", "Medical"
        ADVERTISING = "advertising", "Advertising"
        FINANCIAL = "financial", "Financial"

    title = models.CharField(max_length=255, help_text="Internal name, e.g. 'Standard medical disclaimer'.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MEDICAL)
    text = RichTextField(
        features=["bold", "italic", "link"],
        help_text="A medical disclaimer should say the article is not a substitute for professional advice "
        "and tell readers to consult a qualified professional.",
    )
    is_default = models.BooleanField(
        default=False, help_text="Shown on articles that choose no disclaimers (one default per kind)."
    )

    panels = [FieldPanel("title"), FieldPanel("kind"), FieldPanel("text"), FieldPanel("is_default")]

    class Meta:
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(is_default=True), name="one_default_disclaimer_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.get_kind_display()})"

    def deletion_refused(self) -> str | None:
        """Why this disclaimer may not be deleted, or None: live articles that show it would lose
        it without any publish (and so without the lint gate) ever seeing the change."""
        if self.is_default:
            return (f"“{self.title}” is the site's default {self.get_kind_display().lower()} "
                    "disclaimer; make another one the default before deleting it.")
        live_users = self.articlepage_set.filter(live=True)
        if live_users.exists():
            return f"“{self.title}” is shown on {live_users.count()} live article(s); remove it from them first."
        return None

    def delete(self, *args, **kwargs):
        from django.core.exceptions import PermissionDenied

        refused = self.deletion_refused()
        if refused:
            raise PermissionDenied(refused)
        return super().delete(*args, **kwargs)

    def clean(self):
        if self.is_default and Disclaimer.objects.filter(kind=self.kind, is_default=True).exclude(pk=self.pk).exists():
            raise ValidationError({"is_default": f"There is already a default {self.get_kind_display().lower()} disclaimer."})
