"""Footnote numbering shared by the API, the server render and the linter adapter.

wagtail-footnotes stores a reference as ``<footnote id="UUID">…</footnote>`` in rich text; readers
see ``[n]`` numbered by first reference in the body. Everything that shows or checks numbers uses
:func:`footnote_numbers` so the API, the HTML and lint findings agree.
"""

import re

FOOTNOTE_TAG = re.compile(r'<footnote id="([^"]*)">.*?</footnote>', re.S)


def iter_rich_text_sources(body):
    """Yield the stored HTML of every rich text in a StreamValue, in reading order."""
    for block in body:
        value = block.value
        text = value.get("text") if hasattr(value, "get") else None
        if text is not None:
            yield getattr(text, "source", str(text))


def footnote_numbers(page) -> dict[str, int]:
    """Map footnote UUID -> number: by first reference in the body, unreferenced ones after."""
    numbers: dict[str, int] = {}
    for html in iter_rich_text_sources(page.body):
        for uuid in FOOTNOTE_TAG.findall(html):
            numbers.setdefault(uuid, len(numbers) + 1)
    for footnote in page.footnotes.all():
        numbers.setdefault(str(footnote.uuid), len(numbers) + 1)
    return numbers


def replace_footnote_tags(html: str, numbers: dict[str, int]) -> str:
    """Turn stored footnote tags into ``<a class="footnote-ref" href="#footnote-N">[N]</a>``.

    A reference to a footnote that does not exist is kept visible as ``[?]`` so it cannot
    silently vanish (the linter reports it).
    """

    def sub(match):
        uuid = match.group(1)
        n = numbers.get(uuid)
        if n is None:
            return f'<a class="footnote-ref footnote-missing" data-footnote="{uuid}">[?]</a>'
        return f'<a class="footnote-ref" href="#footnote-{n}" data-footnote="{uuid}">[{n}]</a>'

    return FOOTNOTE_TAG.sub(sub, html)
