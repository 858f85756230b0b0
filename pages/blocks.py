"""Typed article sections for ArticlePage.body.

Each section kind is its own block type (so the API, the linter and the templates know what a
section is for) with a heading and rich text that supports links and inline footnotes. The block
type name is the section kind the linter uses.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail_footnotes.blocks import RichTextBlockWithFootnotes

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4", "footnotes"]

# kind -> (label, help text telling editors what the section is for, default icon)
SECTION_KINDS = {
    "overview": ("Overview", "What the article covers and who it is for, in plain words.", "doc-full"),
    "condition": ("Condition", "What the condition is, its symptoms and how it is diagnosed.", "help"),
    "treatment": (
        "Treatment",
        "How the treatment works and what it involves. Cite a source for any claim that it works.",
        "plus-inverse",
    ),
    "evidence": (
        "Evidence",
        "What studies, trials and guidelines found. Every result needs a footnote or a named source; "
        "say what is still uncertain.",
        "list-ul",
    ),
    "risks": (
        "Risks and side effects",
        "Side effects, complications and who should not have the treatment. Required for treatment articles.",
        "warning",
    ),
    "costs": ("Costs", "Typical prices and what they include. Say who sets them and when they were checked.", "tag"),
    "providers": (
        "Providers",
        "Clinics or services offering the treatment. Avoid unsupported praise ('renowned', 'leading').",
        "group",
    ),
    "regulation": ("Regulation", "Approval status and the regulators or guidelines that apply.", "doc-empty"),
    "case_study": (
        "Case study",
        "One patient's experience. Say that individual results vary; it is not evidence that a treatment works.",
        "user",
    ),
    "outlook": ("Outlook", "What to expect next: prognosis, research under way, open questions.", "view"),
    "faq": ("FAQ", "Common questions and short answers. Answers that make claims need sources too.", "help"),
}


class SectionBlock(blocks.StructBlock):
    """A heading and rich text; the block type name is the section kind."""

    heading = blocks.CharBlock(max_length=255, help_text="The section heading readers see.")
    text = RichTextBlockWithFootnotes(
        features=RICH_TEXT_FEATURES,
        help_text="Use the footnote button to cite a source for each claim.",
    )

    class Meta:
        template = "pages/blocks/section.html"
        form_classname = "struct-block vetted-section"


class CallToActionBlock(blocks.StructBlock):
    """An invitation to act (book, get a quote, join a programme) and where it leads."""

    text = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        help_text="What the reader is invited to do. Commercial offers need a disclosure of any payment.",
    )
    button_label = blocks.CharBlock(max_length=80, required=False)
    url = blocks.URLBlock(required=False, help_text="External target of the button.")
    page = blocks.PageChooserBlock(required=False, help_text="Or a page of this site as the target.")
    sponsored = blocks.BooleanBlock(
        required=False,
        help_text="Tick when the publisher is paid for this offer (sponsored, referral or commission).",
    )

    class Meta:
        icon = "link-external"
        label = "Call to action"
        template = "pages/blocks/cta.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and value.get("page"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError("Choose either a URL or a page, not both.")])}
            )
        return value


def section_blocks():
    """The (name, block) list for ArticlePage.body: one block type per section kind, then the CTA."""
    items = [
        (kind, SectionBlock(label=label, help_text=help_text, icon=icon))
        for kind, (label, help_text, icon) in SECTION_KINDS.items()
    ]
    items.append(("cta", CallToActionBlock()))
    return items
