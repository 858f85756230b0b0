"""The parser's hot paths as they were written before they were tuned for speed.

Kept as plain, obviously-correct references: tests/core/test_parse_equivalence.py checks that the
tuned code in linting.core.sentences and linting.sources.txt gives the same results on tricky
input. Do not "improve" these; they are the specification.
"""

from __future__ import annotations

import re

from linting.core import wordlists
from linting.core.document import Link, Sentence, Source
from linting.core.sentences import _WEAK_ABBREVIATIONS, ABBREVIATIONS, LIST_MARKER
from linting.sources.txt import (
    _DISCLAIMER_START, DOI_RE, EMAIL_RE, LIST_ITEM, PMID_RE, SOURCE_MARKER_RE, URL_RE, YEAR_RE, _clean_url,
)

# ---- linting.core.sentences ------------------------------------------------------------------

_END = re.compile(
    r"""(?:[.!?]+|…)["'”’»)\]]*"""
    r"""(?:[ \t]*\[\d+(?:\s*[,–\-]\s*\d+)*\])*"""
    r"""(?:(?<=[.!?])\d{1,3}(?=\s|$))?"""
)
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NON_SPACE = re.compile(r"\S")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _is_abbreviation(text: str, dot: int, nxt: str) -> bool:
    before = text[max(0, dot - 12) : dot]
    after = text[dot + 1 : dot + 2]
    if after.isdigit() and before[-1:].isdigit():
        return True
    m = _TOKEN_BEFORE.search(before)
    if not m:
        return False
    token = m.group(1)
    key = token.replace(".", "").lower()
    if key == "no" or key == "nos":
        return nxt[:1].isdigit()
    if key in ABBREVIATIONS:
        if key in _WEAK_ABBREVIATIONS and nxt[:1].isupper():
            return False
        return True
    if len(token) == 1 and token.isupper():
        return True
    if "." in token and _DOTTED.fullmatch(token):
        return True
    return False


def _line_spans(text: str):
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        if text[pos:end].strip():
            yield pos, end
        pos = end + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    if not text:
        return []
    runs: list[tuple[int, int]] = []
    lines = list(_line_spans(text))
    i = 0
    while i < len(lines):
        start, end = lines[i]
        m = LIST_MARKER.match(text, start)
        if m and m.end() < end:
            start = m.end()
        j = i
        while j + 1 < len(lines):
            cur_end = lines[j][1]
            nstart, nend = lines[j + 1]
            if text[cur_end:nstart].count("\n") > 1:
                break
            if LIST_MARKER.match(text, nstart):
                break
            first = text[nstart:nend].lstrip()[:1]
            last = text[lines[j][0] : cur_end].rstrip()[-1:]
            if not ((first.islower() and last not in ".!?:") or last in ",;"):
                break
            j += 1
        runs.append((start, lines[j][1]))
        i = j + 1

    out: list[Sentence] = []
    for rstart, rend in runs:
        pos = rstart
        for m in _END.finditer(text, rstart, rend):
            cut = m.end()
            glued = cut < rend and not text[cut].isspace()
            if glued:
                nxt = text[cut]
            else:
                found = _NON_SPACE.search(text, cut, rend)
                nxt = found.group() if found else ""
            if glued and not m.group().rstrip("0123456789").endswith("]"):
                if m.group()[-1:].isdigit():
                    pass
                else:
                    continue
            punct_at = m.start()
            if text[punct_at] == "." and _is_abbreviation(text, punct_at, nxt):
                continue
            if nxt and nxt.islower():
                continue
            s, e = _trim(text, pos, cut)
            if e > s:
                out.append(Sentence(text[s:e], s, e))
            pos = cut
        s, e = _trim(text, pos, rend)
        if e > s:
            out.append(Sentence(text[s:e], s, e))
    return out


# ---- linting.sources.txt ---------------------------------------------------------------------

HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120
_CLOSING = ".!:;,"
_DANGLING_END = re.compile(r"(?:\(\s*|\bhere|\bvisit|\bclick|\blink|\bbelow|[→»›>]+)\s*$", re.I)
_ATTRIBUTION = re.compile(r"^(?:source|sources|adapted\s+from|reproduced\s+from|courtesy\s+of|from)\s*:|^[—–-]\s*\S", re.I)
_WORD = re.compile(r"[\w'’-]+")


def is_heading_candidate(text: str) -> bool:
    if len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS:
        return False
    if text[-1:] in _CLOSING or LIST_ITEM.match(text):
        return False
    if _DANGLING_END.search(text) or _ATTRIBUTION.match(text):
        return False
    if URL_RE.search(text) or EMAIL_RE.search(text) or DOI_RE.search(text):
        return False
    if text.count("(") != text.count(")") or text[:1] in "“\"'‘[":
        return False
    return bool(_WORD.search(text))


def find_links(text: str) -> list[Link]:
    links: list[Link] = []
    taken: list[tuple[int, int]] = []
    for m in wordlists.finditer_at(URL_RE, text, ("http", "www.")):
        raw = _clean_url(m.group(0))
        url = raw if raw.lower().startswith("http") else "https://" + raw
        links.append(Link(url=url, text=raw, start=m.start(), end=m.start() + len(raw)))
        taken.append((m.start(), m.start() + len(raw)))
    for m in wordlists.finditer_at(DOI_RE, text, ("doi:", "http", "10.")):
        if any(a <= m.start() < b for a, b in taken):
            continue
        doi = _clean_url(m.group(1))
        start = m.start()
        links.append(Link(url="https://doi.org/" + doi, text=text[start : m.start(1) + len(doi)], start=start, end=m.start(1) + len(doi)))
    for m in wordlists.finditer_at(PMID_RE, text, ("pmid",)):
        links.append(Link(url=f"https://pubmed.ncbi.nlm.nih.gov/{m.group(1)}/", text=m.group(0), start=m.start(), end=m.end()))
    links.sort(key=lambda link: link.start)
    return links


def parse_sources(lines: list[str]) -> list[Source]:
    sources: list[Source] = []
    for line in lines:
        text = LIST_ITEM.sub("", line, count=1) if not SOURCE_MARKER_RE.match(line) else line
        m = SOURCE_MARKER_RE.match(text)
        marker = (m.group(1) or m.group(2)) if m else str(len(sources) + 1)
        body = text[m.end() :] if m else text
        url = URL_RE.search(body)
        doi = DOI_RE.search(body)
        pmid = PMID_RE.search(body)
        year = YEAR_RE.search(body)
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


def marker_numbers(inner: str) -> list[int]:
    """The numbers a citation marker's inside (``1, 3-5``) stands for."""
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", inner):
        bounds = re.split(r"\s*[–-]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            lo, hi = int(bounds[0]), int(bounds[1])
            numbers.extend(range(lo, hi + 1) if 0 <= hi - lo <= 50 else (lo, hi))
        elif part.isdigit():
            numbers.append(int(part))
    return numbers


def special_kind(text: str) -> str | None:
    """A paragraph's kind from the start, or by searching both word lists (no prefilters)."""
    if _DISCLAIMER_START.match(text):
        return "disclaimer"
    low = text.lower()
    if re.match(r"^\W*(?:disclosure|advertising disclosure|how we make money|how we are funded)\b", low):
        return "disclosure"
    words = len(text.split())
    if words <= 70 and wordlists.search("disclosure", text) and re.search(r"\b(?:we|us|our|is paid|are paid)\b", low):
        return "disclosure"
    if words <= 70:
        if re.search(r"[→»›]\s*$", text):
            return "cta"
        sentences = split_sentences(text)
        if sentences and len(sentences) <= 4:
            asks = sum(1 for s in sentences if wordlists.search("cta", s.text))
            if asks * 2 > len(sentences):
                return "cta"
    return None


# ---- linting.core.section_kinds --------------------------------------------------------------


def classify_heading(heading: str | None, table: dict[str, list[str]]) -> str:
    """Every entry of every kind searched on its own, kinds in order."""
    if not heading or not heading.strip():
        return "other"
    text = heading.strip()
    for kind, entries in table.items():
        for entry in entries:
            if entry.startswith("re:"):
                pattern = re.compile(entry[3:], re.I)
            else:
                words = r"\s+".join(re.escape(w) for w in entry.split())
                pattern = re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I)
            if pattern.search(text):
                return kind
    return "other"
