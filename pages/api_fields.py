"""Serializer fields for ArticlePage's API representation (used by both the v2 and v3 APIs).

Sections come out as typed blocks ``{"type", "id", "value": {"heading", "text"}}`` with rich
text as HTML (``WAGTAILAPI_RICH_TEXT_FORMAT``) and footnote references resolved to
``<a class="footnote-ref" href="#footnote-N">[N]</a>``; ``footnotes`` lists the same numbers.
"""

from rest_framework import serializers
from wagtail.api.rich_text import APIRichText

from .footnotes import footnote_numbers, replace_footnote_tags


def _rich_text_html(source: str) -> str:
    return APIRichText.serialize(source or "", format=APIRichText.get_default_format())


class PersonField(serializers.Field):
    def to_representation(self, person) -> dict:
        return {"id": person.pk, "name": person.name, "credentials": person.credentials, "bio": person.bio}


class BodyField(serializers.Field):
    def to_representation(self, page) -> list:
        numbers = footnote_numbers(page)
        blocks = page.body.stream_block.get_api_representation(page.body, self.context or {})
        for block in blocks:
            value = block.get("value")
            if isinstance(value, dict) and isinstance(value.get("text"), str):
                value["text"] = replace_footnote_tags(value["text"], numbers)
        return blocks


class FootnotesField(serializers.Field):
    def to_representation(self, page) -> list:
        numbers = footnote_numbers(page)
        items = [
            {"id": str(f.uuid), "number": numbers[str(f.uuid)], "text": _rich_text_html(f.text)}
            for f in page.footnotes.all()
        ]
        return sorted(items, key=lambda item: item["number"])


class DisclaimersField(serializers.Field):
    def to_representation(self, page) -> list:
        return [
            {"id": d.pk, "kind": d.kind, "title": d.title, "text": _rich_text_html(d.text)}
            for d in page.effective_disclaimers()
        ]
