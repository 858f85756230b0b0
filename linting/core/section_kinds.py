"""Heading -> section kind, by keyword.

The table is plain data (kind -> list of keywords or regular expressions, tried in order) so a
caller can replace or extend it: the CMS importer passes a Django setting, tests pass their own.
A keyword matches as a whole word or phrase, case-insensitively; an entry starting with ``re:``
is a regular expression. The first kind with a matching entry wins, so specific kinds come first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .wordgate import folded_words

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
_WORD_RUN = re.compile(r"\w+")


def _compile(entry: str) -> re.Pattern:
    if entry.startswith("re:"):
        return re.compile(entry[3:], re.I)
    words = r"\s+".join(re.escape(w) for w in entry.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I)


def _first_run(entry: str) -> str | None:
    r"""The first run of word characters of a plain ASCII phrase, lower-cased; None when the
    entry's matches cannot be told from its words (a regex, a non-ASCII phrase, no word).

    Every run of word characters of such a phrase matches a whole run of word characters of
    the text: inside the phrase a run is bounded by non-word characters or whitespace, at
    its ends by the ``(?<![\w-])``/``(?![\w-])`` guards. So a heading whose folded runs
    (``wordgate.fold``: as re.IGNORECASE compares) lack that run has no match of the entry.
    """
    if entry.startswith("re:") or not entry.isascii():
        return None
    run = _WORD_RUN.search(entry)
    return run.group().lower() if run else None


class _Table:
    """A table compiled: per kind its patterns, and which kinds a heading's words allow."""

    def __init__(self, items: tuple) -> None:
        self.kinds: list[tuple[str, tuple]] = []
        self.always = 0  # bit i: kind i is searched whatever the heading's words
        self.by_run: dict[str, int] = {}  # a word run -> bits of the kinds an entry of which starts with it
        for i, (kind, entries) in enumerate(items):
            self.kinds.append((kind, _patterns(entries)))
            for entry in entries:
                run = _first_run(entry)
                if run is None:
                    self.always |= 1 << i
                else:
                    self.by_run[run] = self.by_run.get(run, 0) | 1 << i

    def classify(self, text: str) -> str:
        """The first kind with a matching entry: only kinds the heading's words allow are searched."""
        allowed = self.always
        for run in folded_words(text):
            allowed |= self.by_run.get(run, 0)
        while allowed:
            low = allowed & -allowed
            kind, patterns = self.kinds[low.bit_length() - 1]
            if any(p.search(text) for p in patterns):
                return kind
            allowed ^= low
        return "other"


def _patterns(entries: tuple) -> tuple:
    """The kind's patterns; one alternation when the entries combine cleanly."""
    patterns = tuple(_compile(e) for e in entries)
    # "Does any entry match" is "does their alternation match"; the plain phrases share
    # one pair of whole-word guards, checked once per position.
    phrases = [r"\s+".join(re.escape(w) for w in e.split()) for e in entries if not e.startswith("re:")]
    regexes = [f"(?:{e[3:]})" for e in entries if e.startswith("re:")]
    parts = ([rf"(?<![\w-])(?:{'|'.join(phrases)})(?![\w-])"] if phrases else []) + regexes
    try:
        return (re.compile("|".join(parts), re.I),) if parts else ()
    except re.error:
        return patterns


@lru_cache(maxsize=32)
def _compiled(items: tuple) -> _Table:
    return _Table(items)


def _freeze(table: dict) -> tuple:
    return tuple((kind, tuple(entries)) for kind, entries in table.items())


_DEFAULT: dict[tuple, _Table] = {}


def _default_table() -> _Table:
    """The default table compiled once (again only if someone edits it in place)."""
    shape = tuple(map(len, DEFAULT_SECTION_KINDS.values()))
    table = _DEFAULT.get(shape)
    if table is None:
        _DEFAULT.clear()
        table = _DEFAULT[shape] = _compiled(_freeze(DEFAULT_SECTION_KINDS))
    return table


def classify_heading(heading: str | None, table: dict[str, list[str]] | None = None) -> str:
    """Return the section kind for ``heading`` ("other" when no keyword matches)."""
    if not heading or not heading.strip():
        return "other"
    return (_compiled(_freeze(table)) if table is not None else _default_table()).classify(heading.strip())
