"""Plain-text articles (the seed's format) -> core Document.

Format (DESIGN.md "CLI contract", corpus README "Text format"): the first real line is the title;
paragraphs are separated by blank lines; a heading is a short line without closing punctuation
followed by a paragraph; list items are lines of their own; a paragraph starting "Disclaimer" is
the disclaimer; a "Sources"/"References" list at the end holds the sources that ``[n]`` markers
point to. Scraped pages carry site chrome before the title (a banner, a site name repeated
later); that is dropped. The parser never raises: odd input yields a document with few sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from linting.core import wordlists
from linting.core.document import Citation, Document, Link, Metadata, Section, Source
from linting.core.section_kinds import classify_heading
from linting.core.sentences import split_sentences
from linting.core.wordgate import fold, folded_words, offsets_of

HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120
_CLOSING = ".!:;,"
LIST_ITEM = re.compile(r"^\s*(?:[•✔✓▪◦‣●■□➤*\-–]|\d{1,3}[.)])\s+")
# Lines that are site chrome when they come before the title: trust banners, navigation.
_BANNER = re.compile(
    r"^(?:trusted\s+by|as\s+(?:seen|featured)\s+(?:on|in)|rated\s+\d|voted\b|join\s+(?:over\s+)?[\d,.]+|"
    r"over\s+[\d,.]+\s*(?:million|thousand|k)\b|skip\s+to|menu$|home$|search$|log\s?in$|sign\s+in$|"
    r"subscribe$|share\b|advertisement$|cookie)",
    re.I,
)
URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'\]]+", re.I)
DOI_RE = re.compile(r"\b(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/[^\s\"'<>,;]+)", re.I)
PMID_RE = re.compile(r"\bPMID:?\s*(\d{5,9})\b", re.I)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<!\w)(?:\+?\d[\d ()-]{8,}\d)")
MARKER_RE = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]")
SOURCE_MARKER_RE = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s*")
YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
_DANGLING_END = re.compile(r"(?:\(\s*|\bhere|\bvisit|\bclick|\blink|\bbelow|[→»›>]+)\s*$", re.I)
_ATTRIBUTION = re.compile(r"^(?:source|sources|adapted\s+from|reproduced\s+from|courtesy\s+of|from)\s*:|^[—–-]\s*\S", re.I)
_DISCLAIMER_START = re.compile(r"^\W*disclaimer\b", re.I)
_WORD = re.compile(r"[\w'’-]+")


@dataclass
class _Unit:
    text: str
    blank_before: bool


def _units(lines: list[str]) -> list[_Unit]:
    """Non-empty lines, with hard-wrapped continuations joined back to their line."""
    units: list[_Unit] = []
    blank = True
    for raw in lines:
        line = raw.strip()
        if not line:
            blank = True
            continue
        if (
            units
            and not blank
            and not LIST_ITEM.match(line)
            and line[:1].islower()
            and units[-1].text[-1:] not in ".!?:"
        ):
            units[-1].text += " " + line
        else:
            units.append(_Unit(line, blank))
        blank = False
    return units


def _strip_chrome(units: list[_Unit]) -> tuple[str, list[_Unit]]:
    """Return (title, body units) with site chrome before the title and its repeats removed."""
    texts = [u.text for u in units]
    chrome: set[str] = set()
    title_at = 0
    for i, u in enumerate(units[:6]):
        words = len(u.text.split())
        repeated = words <= 5 and texts.count(u.text) > 1
        if _BANNER.match(u.text) or repeated:
            chrome.add(u.text)
            continue
        title_at = i
        break
    else:
        title_at = 0 if not chrome else min(len(units), 6)
        if title_at >= len(units):
            title_at = 0
            chrome = set()
    title = units[title_at].text if units else ""
    body = [u for u in units[title_at + 1 :] if u.text not in chrome]
    return title, body


def _is_heading_candidate(text: str) -> bool:
    if len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS:
        return False
    if text[-1:] in _CLOSING or LIST_ITEM.match(text):
        return False
    if _ends_dangling(text) or _ATTRIBUTION.match(text):
        return False
    # A URL holds "/" or "www.", a DOI "/", an e-mail address "@".
    if "/" in text or "." in text or "@" in text:
        if URL_RE.search(text) or EMAIL_RE.search(text) or DOI_RE.search(text):
            return False
    if text.count("(") != text.count(")") or text[:1] in "“\"'‘[":
        return False
    return bool(_WORD.search(text))


def _ends_dangling(text: str) -> bool:
    """``_DANGLING_END.search(text)``, read from the last 5 characters when the text ends in
    a non-space: then a match ends there and is at most 5 long ("below"; one arrow will do).
    The search still sees the character before them for ``\\b``."""
    start = len(text) - 5 if len(text) > 5 and not text[-1].isspace() else 0
    return _DANGLING_END.search(text, start) is not None


def _is_sources_heading(text: str) -> bool:
    return text[-1:] not in ".!?" and len(text.split()) <= 4 and classify_heading(text) == "sources"


def _parse_sources(units: list[_Unit]) -> list[Source]:
    sources: list[Source] = []
    for u in units:
        text = LIST_ITEM.sub("", u.text, count=1) if not SOURCE_MARKER_RE.match(u.text) else u.text
        m = SOURCE_MARKER_RE.match(text)
        marker = (m.group(1) or m.group(2)) if m else str(len(sources) + 1)
        body = text[m.end() :] if m else text
        # Each pattern's matches start with one of its keys (as find_links reads them): the
        # first key offset where it matches is where a search finds it.
        at = _KeyOffsets(fold(body))
        url = _first_at(URL_RE, body, at.of("http", "www."))
        doi = _first_at(DOI_RE, body, at.of("doi:", "http", "10."))
        pmid = _first_at(PMID_RE, body, at.of("pmid"))
        year = _first_at(YEAR_RE, body, at.of("19", "20"))
        sources.append(
            Source(
                title=body.strip(),
                url=_clean_url(url.group(0)) if url else "",
                year=int(year.group(1)) if year else None,
                doi=_clean_url(doi.group(1)) if doi else "",
                pmid=pmid.group(1) if pmid else "",
                marker=marker,
            )
        )
    return sources


def _first_at(pat: re.Pattern, text: str, starts: list[int]) -> re.Match | None:
    """``pat.search(text)`` when every match of ``pat`` starts at one of the sorted offsets ``starts``."""
    for at in starts:
        m = pat.match(text, at)
        if m:
            return m
    return None


def _clean_url(url: str) -> str:
    url = url.rstrip(".,;:!?'\"")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:")
    return url


def find_links(text: str) -> list[Link]:
    """URLs, DOIs and PMIDs written in ``text``, with offsets; DOIs/PMIDs get resolver URLs."""
    links: list[Link] = []
    taken: list[tuple[int, int]] = []
    at = _KeyOffsets(fold(text))  # the text folded once for the three patterns
    # "http://" and a DOI hold a "/": without one, only "www." addresses and PMIDs are there.
    slash = "/" in text
    for m in wordlists.matches_at(URL_RE, text, at.of("http", "www.") if slash else at.of("www.")):
        raw = _clean_url(m.group(0))
        url = raw if raw.lower().startswith("http") else "https://" + raw
        links.append(Link(url=url, text=raw, start=m.start(), end=m.start() + len(raw)))
        taken.append((m.start(), m.start() + len(raw)))
    for m in wordlists.matches_at(DOI_RE, text, at.of("doi:", "http", "10.")) if slash else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        doi = _clean_url(m.group(1))
        start = m.start()
        links.append(Link(url="https://doi.org/" + doi, text=text[start : m.start(1) + len(doi)], start=start, end=m.start(1) + len(doi)))
    for m in wordlists.matches_at(PMID_RE, text, at.of("pmid")):
        links.append(Link(url=f"https://pubmed.ncbi.nlm.nih.gov/{m.group(1)}/", text=m.group(0), start=m.start(), end=m.end()))
    links.sort(key=lambda link: link.start)
    return links


class _KeyOffsets(dict):
    """Offsets of lower-case ASCII keys in a folded text (``wordgate.fold``), each found once.

    Folding leaves such keys as they are, so these are the offsets ``wordlists.key_starts``
    finds, without folding the text again for every pattern.
    """

    def __init__(self, folded: str) -> None:
        super().__init__()
        self.folded = folded

    def __missing__(self, key: str) -> list[int]:
        found = self[key] = offsets_of(self.folded, key)
        return found

    def of(self, *keys: str) -> list[int]:
        """Sorted offsets of any of ``keys``."""
        if len(keys) == 1:
            return self[keys[0]]
        return sorted({at for key in keys for at in self[key]})


_COMMA_SPLIT = re.compile(r"\s*,\s*")
_DASH_SPLIT = re.compile(r"\s*[–-]\s*")


def find_citations(text: str, sources: list[Source]) -> list[Citation]:
    by_marker = {s.marker: i for i, s in enumerate(sources) if s.marker}
    cites: list[Citation] = []
    for m in MARKER_RE.finditer(text):
        inner = m.group(1)
        if inner.isdigit():  # "[3]": what the general case below makes of it, quicker
            n = str(int(inner))
            cites.append(Citation(marker=n, start=m.start(), end=m.end(), source_index=by_marker.get(n)))
            continue
        numbers: list[int] = []
        for part in _COMMA_SPLIT.split(inner):
            bounds = _DASH_SPLIT.split(part)
            if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
                lo, hi = int(bounds[0]), int(bounds[1])
                numbers.extend(range(lo, hi + 1) if 0 <= hi - lo <= 50 else (lo, hi))
            elif part.isdigit():
                numbers.append(int(part))
        for n in numbers:
            cites.append(Citation(marker=str(n), start=m.start(), end=m.end(), source_index=by_marker.get(str(n))))
    return cites


class _Builder:
    """Accumulates paragraphs into sections."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.current: Section | None = None
        self.last_body: tuple[str, str | None] = ("intro", None)

    def _open(self, kind: str, heading: str | None, attrs: dict | None = None) -> Section:
        sec = Section(kind=kind, text="", heading=heading, attrs=dict(attrs or {}))
        self.sections.append(sec)
        self.current = sec
        return sec

    def heading(self, text: str) -> None:
        kind = classify_heading(text)
        attrs = {"label": text} if kind == "cta" else {}
        self._open(kind, text, attrs)
        if kind not in ("cta", "disclaimer", "disclosure", "sources"):
            self.last_body = (kind, text)

    def paragraph(self, text: str, special: str | None = None, *, list_item: bool = False) -> None:
        cur = self.current
        if special:
            if cur is not None and not cur.text and (cur.kind == special or special == "cta"):
                cur.kind = special  # the heading just above introduces this block
                if special == "cta":
                    cur.attrs.setdefault("label", cur.heading or _label(text))
            else:
                attrs = {"label": _label(text)} if special == "cta" else {}
                self._open(special, None, attrs)
            self._append(text, list_item)
            return
        if cur is None:
            cur = self._open("intro", None)
        elif cur.kind in ("cta", "disclaimer", "disclosure") and cur.heading is None:
            kind, _ = self.last_body
            cur = self._open(kind, None)
        self._append(text, list_item)

    def _append(self, text: str, list_item: bool) -> None:
        sec = self.current
        assert sec is not None
        if sec.text:
            sec.text += "\n" if list_item and sec.attrs.get("_last_list") else "\n\n"
        sec.text += text
        sec.attrs["_last_list"] = list_item


def _label(text: str) -> str:
    words = text.split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def _is_call_to_action(text: str, may_ask: bool | None = None) -> bool:
    """Most of the paragraph asks the reader to act (book, call, get a quote, visit ...).

    ``may_ask`` is False when the paragraph lacks the words every call-to-action entry needs
    (:class:`_NeededWords`), True when it holds some, None when not known.
    """
    if _ends_with_arrow(text):
        return True
    if _cta_free(text, may_ask):
        return False  # no sentence of it can ask either: skip the split
    sentences = split_sentences(text)
    if not sentences or len(sentences) > 4:
        return False
    # More than half of them ask: stop counting as soon as that is settled either way.
    needed, left = len(sentences) // 2 + 1, len(sentences)
    for s in sentences:
        left -= 1
        if _needed_words(("cta",)).lists_in(folded_words(s.text)) and wordlists.search("cta", s.text):
            needed -= 1
            if not needed:
                return True
        elif needed > left:
            return False
    return False


def _cta_free(text: str, may_ask: bool | None = None) -> bool:
    """The paragraph has no call-to-action wording, so none of its sentences has any.

    True only when that follows: a sentence is a substring with the same characters around
    it, so an entry without anchors or lookarounds that matches it matches the paragraph too.
    """
    if not _cta_list_is_plain():
        return False
    if may_ask is not None:
        # The words tell (nearly) as much as a search would; a paragraph that holds them all
        # is about to be read sentence by sentence anyway.
        return not may_ask
    return wordlists.search("cta", text) is None


@lru_cache(maxsize=1)
def _cta_list_is_plain() -> bool:
    return not any(e.startswith("re:") and _CONTEXT_SYNTAX.search(e) for e in wordlists.entries("cta"))


_CONTEXT_SYNTAX = re.compile(r"\^|\$|\\[AZ]|\(\?<?[=!]")
_WORD_RUN = re.compile(r"\w+")

# Words a match of these regular-expression entries always holds as a whole word (preceded
# and followed by a space, ``\b`` or the ends of an alternative): any one of them.
_REGEX_ENTRY_WORDS = {
    r"re:\b(?:which|who|that|we)\s+charges?\s+(?:a\s+fee\s+)?for\s+(?:the\s+)?[^.]{0,80}?\b"
    r"(?:described|discussed|mentioned|reviewed|featured|offered)\b": ("charge", "charges"),
    r"re:\b(?:makes?|made|earns?|earned|takes?)\s+(?:a\s+|its\s+|our\s+|some\s+)?"
    r"(?:profit|margin|money|income)\s+(?:on|from)\b": ("profit", "margin", "money", "income"),
    r"re:\b(?:we|it|they)\s+(?:profit|benefit\s+financially)\s+from\b": ("profit", "financially"),
    r"re:\b(?:receives?|gets?|is\s+paid|are\s+paid)\s+(?:a\s+)?(?:fee|fees|payment|payments|money)\s+"
    r"(?:from|for\s+each|for\s+every|when)\b": ("fee", "fees", "payment", "payments", "money"),
    r"re:\bcall\s+(?:\+?\d[\d ]{6,})": ("call",),
    r"re:\bemail\s+[\w.+-]+@": ("email",),
}


def _ends_with_arrow(text: str) -> bool:
    """``re.search(r"[→»›]\\s*$", text)``: ``\\s`` is ``str.isspace``, so the arrow is what is
    left last once trailing whitespace is stripped."""
    return text.rstrip()[-1:] in ("→", "»", "›")


def _entry_words(entry: str) -> list[frozenset[str]] | None:
    """Sets of words one of which a match of ``entry`` holds in full; None when unknown.

    A plain entry is matched as whole words, so each run of word characters in it that is not
    the stem of a ``*`` ending is a whole word of the match, equal to it once both are folded
    (ASCII only: every character re.IGNORECASE takes for an ASCII letter is a word character).
    """
    if entry.startswith("re:"):
        alternatives = _REGEX_ENTRY_WORDS.get(entry)
        return [frozenset([w]) for w in alternatives] if alternatives else None
    if not entry.isascii():
        return None
    needed = set()
    for word in entry.split():
        starred = word.endswith("*")  # "word*": the stem's last run may go on in the text
        stem = word[:-1] if starred else word
        for run in _WORD_RUN.finditer(stem):
            if not starred or run.end() < len(stem):
                needed.add(run.group().lower())
    return [frozenset(needed)] if needed else None


class _NeededWords:
    """Which words a text must hold for a word list to have a match in it.

    A prefilter for ``wordlists.search(name, text)``: a list that :meth:`lists_in` leaves out
    finds nothing in the text, so a paragraph that holds none of the words is not gated.
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = frozenset(names)
        self.by_word: dict[str, list[tuple[str, frozenset[str]]]] | None = {}
        for name in names:
            for entry in wordlists.entries(name):
                alternatives = _entry_words(entry)
                if alternatives is None:
                    self.by_word = None  # some entry may match anything: always search
                    return
                for needed in alternatives:
                    self.by_word.setdefault(_rarest(needed), []).append((name, needed))

    def lists_in(self, words: list[str]) -> frozenset[str]:
        """The lists that may have a match in a text with these folded words."""
        if self.by_word is None:
            return self.names
        hits = self.by_word.keys() & words  # most texts: none, and no set of all the words
        if not hits:
            return frozenset()
        present = set(words)
        return frozenset(name for word in hits for name, needed in self.by_word[word] if needed <= present)


@lru_cache(maxsize=None)
def _needed_words(names: tuple[str, ...]) -> _NeededWords:
    """For the built-in lists ``names`` (the parser's searches take no config either)."""
    return _NeededWords(names)


# Words too common in health copy to tell a paragraph apart (only speed depends on this).
_COMMON_WORDS = frozenset(
    "a an and are as at be by clinic clinics for from how in is it its of on or our that the "
    "this to today us we who you your now".split()
)


def _rarest(needed: frozenset[str]) -> str:
    """The word of ``needed`` least likely to be in a paragraph: a long, uncommon one."""
    return max(sorted(needed), key=lambda w: (w not in _COMMON_WORDS, len(w)))


_DISCLOSURE_START = re.compile(r"^\W*(?:disclosure|advertising disclosure|how we make money|how we are funded)\b")
_WE_ARE_PAID = re.compile(r"\b(?:we|us|our|is paid|are paid)\b")
_SPECIAL_LISTS = ("disclosure", "cta")


def _special_kind(text: str) -> str | None:
    if _DISCLAIMER_START.match(text):
        return "disclaimer"
    low = text.lower()
    if _DISCLOSURE_START.match(low):
        return "disclosure"
    if len(text.split()) > 70:
        return None
    # Both lists are asked about the paragraph's words first: most paragraphs hold none of
    # the words their entries need, and are not gated.
    may = _needed_words(_SPECIAL_LISTS).lists_in(folded_words(text))
    if "disclosure" in may and wordlists.search("disclosure", text) and _WE_ARE_PAID.search(low):
        return "disclosure"
    if _is_call_to_action(text, "cta" in may):
        return "cta"
    return None


def _build(b: _Builder, units: list[_Unit]) -> None:
    for i, u in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else None
        if nxt is not None and _is_heading_candidate(u.text):
            b.heading(u.text)
            continue
        is_item = bool(LIST_ITEM.match(u.text))
        b.paragraph(u.text, None if is_item else _special_kind(u.text), list_item=is_item)


def parse_txt(text: str, path: str = "-") -> Document:
    """Build a Document from plain article text; never raises on odd input."""
    try:
        return _parse(text, path)
    except Exception:  # a malformed page still gets linted as one block of text
        text = text or ""
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        sec = Section(kind="intro", text=text.strip())
        return Document(path=path, title=first, sections=[sec] if sec.text else [], metadata=Metadata())


def _parse(text: str, path: str) -> Document:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    units = _units(text.split("\n"))
    if not units:
        return Document(path=path, title="", metadata=Metadata())
    title, body = _strip_chrome(units)

    # A "Sources"/"References" heading near the end starts the sources list.
    src_at = None
    for i in range(len(body) - 1, -1, -1):
        if _is_sources_heading(body[i].text):
            src_at = i
            break
    source_units = body[src_at + 1 :] if src_at is not None else []
    src_heading = body[src_at].text if src_at is not None else None
    # A paragraph starting "Disclaimer" is the disclaimer wherever it is, also after the
    # sources: it and what follows it are not sources.
    tail_at = next((i for i, u in enumerate(source_units) if _DISCLAIMER_START.match(u.text)), len(source_units))
    tail = source_units[tail_at:]
    source_units = source_units[:tail_at]
    if src_at is not None:
        body = body[:src_at]
    sources = _parse_sources(source_units)

    b = _Builder()
    _build(b, body)
    if src_at is not None:
        sec = Section(kind="sources", text="\n".join(u.text for u in source_units), heading=src_heading)
        b.sections.append(sec)
        _build(b, tail)

    sections = [s for s in b.sections if s.text or s.heading]
    for sec in sections:
        sec.attrs.pop("_last_list", None)
        sec.links = find_links(sec.text)
        if sec.kind != "sources":
            sec.citations = find_citations(sec.text, sources)
    return Document(
        path=path,
        title=title,
        sections=sections,
        sources=sources,
        metadata=Metadata(author=None, reviewer=None, review_date=None, structured=False),
    )
