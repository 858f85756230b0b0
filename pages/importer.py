"""Import article files (.txt in the seed's format, .md, .html) as ArticlePages.

The file is parsed by the linter's own adapters (``linting.sources.files``), so the importer and
the linter agree on what a heading, a disclaimer, a call to action and a citation are. The core
Document is then mapped onto the page model: sections become typed blocks (kinds picked by the
heading keyword table, extendable with the ``VETTED_HEADING_KEYWORDS`` setting), ``[n]`` markers
that resolve to a listed source become wagtail-footnotes references, the disclaimer paragraph
becomes (or reuses) a Disclaimer snippet.
"""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page
from wagtail_footnotes.models import Footnote

from linting.core.document import Document, Section
from linting.core.findings import collapse_ws
from linting.sources.files import InputError, load_documents
from linting.sources.txt import LIST_ITEM

from .blocks import SECTION_KINDS
from .models import ArticleIndexPage, ArticlePage, ArticleSource
from .snippets import Disclaimer, Person

BODY_KINDS = set(SECTION_KINDS)
# Section kinds of the linter that have no block of their own.
KIND_FALLBACK = {"intro": "overview", "other": "overview", "disclosure": "overview"}


class ArticleImportError(Exception):
    """A file that cannot be imported; the message is one line naming the file."""


@dataclass
class ImportResult:
    page: ArticlePage
    created: bool
    published: bool
    blocked: str = ""  # why publishing was refused (the draft is kept)


def heading_table() -> dict[str, list[str]] | None:
    """The default keyword table extended with ``settings.VETTED_HEADING_KEYWORDS``.

    The first kind with a matching keyword wins, so the configured kinds are tried first: a
    publisher's own keywords take precedence over the built-in ones.
    """
    extra = getattr(settings, "VETTED_HEADING_KEYWORDS", None) or {}
    if not extra:
        return None
    from linting.core.section_kinds import DEFAULT_SECTION_KINDS

    table = {kind: list(words) + DEFAULT_SECTION_KINDS.get(kind, []) for kind, words in extra.items()}
    for kind, words in DEFAULT_SECTION_KINDS.items():
        table.setdefault(kind, list(words))
    return table


def parse_file(path: str) -> Document:
    try:
        docs = load_documents([path])
    except InputError as exc:
        raise ArticleImportError(str(exc)) from None
    if len(docs) != 1:
        raise ArticleImportError(f"{path}: expected one article, found {len(docs)}")
    doc = docs[0]
    if not doc.title.strip() or not any(s.text.strip() for s in doc.sections):
        raise ArticleImportError(f"{path}: no article found (needs a title line and at least one paragraph)")
    table = heading_table()
    if table:
        from linting.core.section_kinds import classify_heading

        for section in doc.sections:
            if section.heading and section.kind not in ("disclaimer", "cta", "sources"):
                section.kind = classify_heading(section.heading, table)
    return doc


# --------------------------------------------------------------------------- text -> rich text
def _inline_html(text: str, start: int, spans: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` (which starts at offset ``start`` of the section) and wrap the spans."""
    out, pos = [], start
    end = start + len(text)
    for s, e, open_tag, close_tag in spans:
        if s < pos or e > end or s >= e:
            continue
        out.append(html.escape(text[pos - start : s - start], quote=False))
        if close_tag is None:  # replace the span entirely
            out.append(open_tag)
        else:
            out.append(open_tag + html.escape(text[s - start : e - start], quote=False) + close_tag)
        pos = e
    out.append(html.escape(text[pos - start :], quote=False))
    return collapse_ws("".join(out))


def section_to_html(section: Section, footnote_uuids: dict[int, str]) -> str:
    spans: list[tuple[int, int, str, str | None]] = []
    for link in section.links:
        if link.start >= 0 and link.url.startswith(("http://", "https://")):
            spans.append((link.start, link.end, f'<a href="{html.escape(link.url)}">', "</a>"))
    for cite in section.citations:
        fn = footnote_uuids.get(cite.source_index) if cite.source_index is not None else None
        if fn:
            spans.append((cite.start, cite.end, f'<footnote id="{fn}">[{html.escape(cite.marker)}]</footnote>', None))
    spans.sort(key=lambda s: (s[0], -s[1]))
    parts: list[str] = []
    for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", section.text):
        block, offset = m.group(0), m.start()
        lines, line_start = [], offset
        for line in block.split("\n"):
            lines.append((line, line_start))
            line_start += len(line) + 1
        items = [(l, s) for l, s in lines if LIST_ITEM.match(l)]
        prose = [(l, s) for l, s in lines if not LIST_ITEM.match(l) and l.strip()]
        for line, s in prose:
            parts.append(f"<p>{_inline_html(line, s, spans)}</p>")
        if items:
            lis = []
            for line, s in items:
                marker = LIST_ITEM.match(line).end()
                lis.append(f"<li>{_inline_html(line[marker:], s + marker, spans)}</li>")
            parts.append("<ul>" + "".join(lis) + "</ul>")
    return "".join(parts)


def _source_note(source) -> str:
    bits = [html.escape(source.title or source.url or "Source")]
    if source.publisher:
        bits.append(html.escape(source.publisher))
    if source.year:
        bits.append(str(source.year))
    text = ". ".join(bits)
    if source.url:
        text += f'. <a href="{html.escape(source.url)}">{html.escape(source.url)}</a>'
    return f"<p>{text}</p>"


# --------------------------------------------------------------------------- document -> page
def _person(name: str | None) -> Person | None:
    if not name:
        return None
    name = name.strip()[:255]
    return Person.objects.filter(name=name).order_by("pk").first() or Person.objects.create(name=name)


def _disclaimer_for(section: Section, title: str) -> Disclaimer:
    text_html = section_to_html(section, {})
    for existing in Disclaimer.objects.filter(kind=Disclaimer.Kind.MEDICAL):
        if collapse_ws(re.sub(r"<[^>]+>", " ", existing.text)) == collapse_ws(re.sub(r"<[^>]+>", " ", text_html)):
            return existing
    return Disclaimer.objects.create(
        title=f"Imported disclaimer ({title[:200]})", kind=Disclaimer.Kind.MEDICAL, text=text_html
    )


def _summary(doc: Document) -> str:
    if doc.metadata.summary:
        return doc.metadata.summary
    for section in doc.sections:
        if section.kind not in ("disclaimer", "cta", "sources") and section.sentences:
            return " ".join(s.text for s in section.sentences[:2])[:500]
    return doc.title


def build_body(doc: Document, footnote_uuids: dict[int, str]) -> tuple[list, list[Section]]:
    """StreamField data for the document's sections, and the disclaimer sections found."""
    body, disclaimers = [], []
    for section in doc.sections:
        if section.kind == "disclaimer":
            disclaimers.append(section)
            continue
        if section.kind == "sources" or not section.text.strip():
            continue
        text_html = section_to_html(section, footnote_uuids)
        if section.kind == "cta":
            url = next((l.url for l in section.links if l.url.startswith(("http://", "https://"))), "")
            body.append(("cta", {
                "text": text_html, "button_label": (section.attrs.get("label") or "")[:80],
                "url": url, "page": None, "sponsored": bool(section.attrs.get("sponsored")),
            }))
            continue
        kind = section.kind if section.kind in BODY_KINDS else KIND_FALLBACK.get(section.kind, "overview")
        heading = section.heading or ("Introduction" if section.kind == "intro" else kind.replace("_", " ").title())
        body.append((kind, {"heading": heading[:255], "text": text_html}))
    return body, disclaimers


def article_slug(title: str) -> str:
    """The slug an imported article gets; non-Latin titles keep their letters (no collisions on
    a fallback slug)."""
    return slugify(title, allow_unicode=True)[:80].strip("-") or "article"


@transaction.atomic
def import_document(doc: Document, parent: Page, *, publish: bool = False, user=None) -> ImportResult:
    slug = article_slug(doc.title)
    page = ArticlePage.objects.child_of(parent).filter(slug=slug).first()
    created = page is None
    if created:
        page = ArticlePage(title=doc.title[:255], slug=slug, live=False)
    else:
        page = page.get_latest_revision_as_object()
        page.title = doc.title[:255]

    footnote_uuids = {i: str(uuid.uuid4()) for i in range(len(doc.sources))}
    body, disclaimer_sections = build_body(doc, footnote_uuids)
    page.summary = _summary(doc)
    page.body = body
    page.author = _person(doc.metadata.author)
    page.reviewer = _person(doc.metadata.reviewer)
    page.last_reviewed = doc.metadata.review_date
    page.sources = [
        ArticleSource(title=(s.title or s.url or "Source")[:500], url=s.url[:1000] if s.url.startswith("http") else "",
                      publisher=s.publisher[:255], year=s.year, doi=s.doi[:255], pmid=s.pmid[:20])
        for s in doc.sources
    ]
    page.footnotes = [Footnote(uuid=footnote_uuids[i], text=_source_note(s)) for i, s in enumerate(doc.sources)]
    page.disclaimers = [_disclaimer_for(s, doc.title) for s in disclaimer_sections]
    if doc.metadata.tags:
        page.tags.set([t[:100] for t in doc.metadata.tags if t.strip()])

    if created:
        parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    result = ImportResult(page=page, created=created, published=False)
    if publish:
        from linting.gate import PublishBlocked

        try:
            with transaction.atomic():
                revision.publish(user=user)
            result.published = True
        except PublishBlocked as exc:
            result.blocked = f"{len(exc.findings)} error finding(s) block publishing"
    return result


def resolve_parent(url_path: str | None) -> Page:
    from .site_setup import ensure_site

    home, index = ensure_site()
    if not url_path:
        return index
    wanted = "/" + url_path.strip("/") + "/"
    candidates = [p for p in Page.objects.filter(depth__gte=2) if p.url_path.endswith(wanted) or
                  p.url_path[len(home.url_path) - 1:] == wanted]
    if not candidates:
        raise ArticleImportError(f"--parent {url_path}: no page at that path")
    parent = candidates[0].specific
    if not isinstance(parent, ArticleIndexPage):
        raise ArticleImportError(f"--parent {url_path}: articles can only be added under an article index page")
    return parent
