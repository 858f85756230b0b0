"""Heading -> section kind, by keyword.

The table is plain data (kind -> list of keywords or regular expressions, tried in order) so a
caller can replace or extend it: the CMS importer passes a Django setting, tests pass their own.
A keyword matches as a whole word or phrase, case-insensitively; an entry starting with ``re:``
is a regular expression. The first kind with a matching entry wins, so specific kinds come first.
"""

from __future__ import annotations

import re
from functools import lru_cache

DEFAULT_SECTION_KINDS: dict[str, list[str]] = {
    "disclaimer": ["disclaimer", "medical disclaimer", "important notice", "legal notice"],
    "disclosure": [
        "how we make money", "how we are funded", "how we're funded", "disclosure",
        "advertising", "affiliate", "sponsorship", "our funding", "conflicts of interest",
        "financial relationship", "who pays for",
    ],
    "sources": ["sources", "references", "bibliography", "further reading", "citations", "notes and references"],
    "risks": [
        "risk", "risks", "side effect", "side effects", "side-effects", "complication", "complications",
        "what can go wrong", "dangers", "harms", "adverse", "safety", "too much", "warnings",
        "possible problems",
    ],
    "cta": [
        "book", "book now", "book a", "apply", "apply now", "apply for", "request", "get a quote",
        "free quote", "free quotes", "get free", "contact us", "get in touch", "enquire", "enquiry",
        "inquire", "call us", "sign up", "join", "register", "order", "buy", "shop", "subscribe",
        "donate", "make an appointment", "start your", "claim your", "get started",
    ],
    "faq": ["faq", "faqs", "frequently asked", "questions patients ask", "common questions", "questions to ask", "your questions"],
    "costs": ["cost", "costs", "price", "prices", "pricing", "fees", "how much", "payment", "funding your", "insurance"],
    "regulation": ["regulation", "regulations", "regulatory", "legal", "law", "laws", "licensing", "licence", "license", "approval", "approved"],
    "case_study": ["case study", "case studies", "success stories", "patient stories", "testimonials", "stories"],
    "evidence": [
        "evidence", "research", "studies", "study", "clinical trials", "trial", "trials", "what the research says",
        "science", "results", "success rates", "outcomes", "effectiveness", "does it work",
    ],
    "providers": [
        "clinics", "clinic", "hospitals", "providers", "choosing a", "choose", "our team", "meet the team",
        "doctors", "specialists", "where to get", "vet", "why choose",
    ],
    "outlook": ["future", "outlook", "prognosis", "uncertain", "uncertainty", "unknowns", "open questions",
                "still unknown", "what we don't know", "what next", "looking ahead", "long-term", "after you go home", "living with"],
    "treatment": [
        "treatment", "treatments", "therapy", "therapies", "surgery", "operation", "operations", "procedure",
        "procedures", "how it works", r"re:\bhow\b.*\bworks?\b", "our approach", "injections", "medicines", "medication",
        "recovery", "recovering", "aftercare", "your visit", "course of care", "supplements", "dose",
    ],
    "condition": [
        "symptoms", "diagnosis", "causes", "what is", "what are", "understanding", "condition", "disease",
        "why does", "types of", "signs",
    ],
    "overview": ["overview", "introduction", "summary", "key facts", "at a glance", "about", "in brief"],
}


def _compile(entry: str) -> re.Pattern:
    if entry.startswith("re:"):
        return re.compile(entry[3:], re.I)
    words = r"\s+".join(re.escape(w) for w in entry.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I)


@lru_cache(maxsize=32)
def _compiled(items: tuple) -> tuple:
    """(kind, patterns) per kind; one alternation per kind when the entries combine cleanly."""
    out = []
    for kind, entries in items:
        patterns = tuple(_compile(e) for e in entries)
        # "Does any entry match" is "does their alternation match"; the plain phrases share
        # one pair of whole-word guards, checked once per position.
        phrases = [r"\s+".join(re.escape(w) for w in e.split()) for e in entries if not e.startswith("re:")]
        regexes = [f"(?:{e[3:]})" for e in entries if e.startswith("re:")]
        parts = ([rf"(?<![\w-])(?:{'|'.join(phrases)})(?![\w-])"] if phrases else []) + regexes
        try:
            patterns = (re.compile("|".join(parts), re.I),) if parts else ()
        except re.error:
            pass
        out.append((kind, patterns))
    return tuple(out)


def _freeze(table: dict) -> tuple:
    return tuple((kind, tuple(entries)) for kind, entries in table.items())


_DEFAULT_FROZEN: dict[tuple, tuple] = {}


def _default_frozen() -> tuple:
    """The default table frozen once (again only if someone edits it in place)."""
    shape = tuple(map(len, DEFAULT_SECTION_KINDS.values()))
    frozen = _DEFAULT_FROZEN.get(shape)
    if frozen is None:
        _DEFAULT_FROZEN.clear()
        frozen = _DEFAULT_FROZEN[shape] = _freeze(DEFAULT_SECTION_KINDS)
    return frozen


def classify_heading(heading: str | None, table: dict[str, list[str]] | None = None) -> str:
    """Return the section kind for ``heading`` ("other" when no keyword matches)."""
    if not heading or not heading.strip():
        return "other"
    text = heading.strip()
    for kind, patterns in _compiled(_freeze(table) if table is not None else _default_frozen()):
        if any(p.search(text) for p in patterns):
            return kind
    return "other"
