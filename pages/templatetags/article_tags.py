"""Template helpers for the ArticlePage server render: sections and footnotes, numbered once."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from pages.footnotes import footnote_numbers, replace_footnote_tags

register = template.Library()


def _numbers(context, page):
    key = "_vetted_footnote_numbers"
    if key not in context.render_context:
        context.render_context[key] = footnote_numbers(page)
    return context.render_context[key]


@register.simple_tag(takes_context=True)
def article_sections(context, page):
    """Each body block as a dict: id, kind, heading, html (footnotes resolved), CTA fields."""
    numbers = _numbers(context, page)
    sections = []
    for block in page.body:
        value = block.value
        html = replace_footnote_tags(expand_db_html(value["text"].source), numbers)
        item = {"id": block.id, "kind": block.block_type, "heading": value.get("heading", ""), "html": mark_safe(html)}
        if block.block_type == "cta":
            target = value.get("page")
            item.update(
                heading=value.get("button_label") or "Call to action",
                button_label=value.get("button_label"),
                href=(target.url if target else None) or value.get("url") or "",
                sponsored=bool(value.get("sponsored")),
            )
        sections.append(item)
    return sections


@register.simple_tag(takes_context=True)
def article_footnotes(context, page):
    numbers = _numbers(context, page)
    items = [
        {"number": numbers[str(f.uuid)], "html": mark_safe(expand_db_html(f.text))} for f in page.footnotes.all()
    ]
    return sorted(items, key=lambda item: item["number"])
