"""What a sentence claims and what supports it: the labelling guideline as code.

Shared by the claims rules and ``sources.missing``. Cue words live in ``data/claims.toml``; the
structure here follows the guideline in the corpus README: a claim asserts efficacy, outcomes,
statistics, safety or superiority; definitions, indications, procedures, recommendations by a
body, regulatory status, the state of the evidence, other people's claims, questions, advice and
statements about the page are not claims; support is a marker, link, DOI/PMID or a specific named
source in or right after the sentence, an explicit reference back to the source named just
before, a passage headed by one named source, or an attribution line after the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from linting.core import textcache, wordlists
from linting.core.document import Document, Section, Sentence
from linting.core.sentences import LIST_MARKER

CLAIM_KINDS = ("superiority", "safety", "efficacy", "outcome", "statistic", "reported")
NOT_CLAIM_LISTS = (
    ("evidence_state", "nonclaim_evidence_state"),
    ("about the page", "nonclaim_self"),
    ("recommendation or indication", "nonclaim_recommendation"),
    ("regulatory status", "nonclaim_regulatory"),
    ("procedure or schedule", "nonclaim_procedure"),
    ("definition or mechanism", "nonclaim_definition"),
)
_NOT_CLAIM_NAMES = tuple(name for _, name in NOT_CLAIM_LISTS)
_CLAIM_NAMES = tuple(f"claim_{kind}" for kind in CLAIM_KINDS)
# Sections whose sentences the claims rules do not judge.
SKIP_KINDS = frozenset({"disclaimer", "disclosure", "sources", "cta"})

_IMPERATIVE_STARTS = (
    "ask", "check", "remember", "plan", "bring", "eat", "do", "don't", r"never\s+(?:stop|take)", "set", "use", "wear",
    "take", "consider", "call", "email", "e-mail", "please", "tell", r"make\s+sure", "talk", "speak", "avoid", "keep",
    "try", "see", "read", "watch", "follow", "get", "fill", "contact", "visit", "book", "apply", r"find\s+out", "learn",
    "discuss", "drink", "stop", "start", "budget", "compare", "choose", "look", "go", "join", "sign", "register",
    "request", "consult", "seek", "note", "write", "send", "let", "store", r"treat\s+it", "give", "put", "wash", "sit",
    "stand", "walk", "rest",
)
_CONDITIONAL_STARTS = ("if", "before", "when", "once", "while")
_IMPERATIVE = re.compile(r"^(?:" + "|".join(_IMPERATIVE_STARTS) + r")\b", re.I)
_CONDITIONAL_ADVICE = re.compile(r"^(?:" + "|".join(_CONDITIONAL_STARTS) + r")\s+you\b", re.I)
# The letters each start above begins with: a text whose first _ADVICE_SPAN characters are
# ASCII and, lower-cased, begin with none of them matches neither pattern (in ASCII,
# re.IGNORECASE compares letters lower-cased).
_ADVICE_LETTERS = tuple(re.match(r"[a-z'-]*", start).group() for start in _IMPERATIVE_STARTS + _CONDITIONAL_STARTS)
_ADVICE_SPAN = max(map(len, _ADVICE_LETTERS))
# "Your pharmacist can check whether ...": pointing the reader to a professional is advice.
_ADVISER = re.compile(
    r"^(?:your|a|the)\s+(?:[\w-]+\s+)?(?:pharmacist|doctor|gp|nurse|midwife|dentist|optician|specialist|consultant|team|care\s+team|"
    r"health\s+visitor|physiotherapist)\s+(?:can|could|may|will|should)\s+(?:also\s+)?(?:check|tell\s+you|advise|explain|"
    r"talk|discuss|arrange|refer|answer|suggest|go\s+through|look\s+at|review|help\s+you\s+(?:decide|choose|work\s+out))\b",
    re.I,
)
_NON_SPACE = re.compile(r"\S")
_NOT_NEWLINE = re.compile(r"[^\n]")
_LEAD = re.compile(r"^[\s\"'“‘”’(\[•✔✓*–-]+")
_DOI_PMID_URL = re.compile(r"\b10\.\d{4,9}/\S+|\bPMID:?\s*\d{5,9}\b|\bhttps?://\S+|\bwww\.\S+", re.I)
_SOURCE_NOUN = (
    r"(?:trials?|study|studies|registry|registries|register|reviews?|guidelines?|guidance|surveys?|reports?|programme|"
    r"program|audits?|cohort|meta-analysis|database|statistics|series|census|analysis)"
)
_CAP = r"(?:[A-Z][\w&'’-]*|of|and|for|on|in|the)"
_NAMED_WITH_NOUN = re.compile(rf"\b((?:[A-Z][\w&'’-]*\s+)(?:{_CAP}\s+){{0,7}}){_SOURCE_NOUN}\b")
_ACRONYM_NOUN = re.compile(rf"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*\s+{_SOURCE_NOUN}\b")
_REPORTING = re.compile(
    r"\b((?:[A-Z][\w&'’-]*\s+(?:(?:of|and|for|on|the)\s+)*){1,8})(?:\([^)]*\)\s*)?(?:has\s+|have\s+|had\s+)?"
    r"(?:reports?|reported|found|finds|showed|shows|warns|warned|estimates|estimated|states|stated|"
    r"concluded|concludes|publishes|published|recorded|records)\b"
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+|a\s+|an\s+)?(?:\d{4}\s+)?([\w&'’ -]{2,80})", re.I)
_JOURNAL = re.compile(
    r"\b(?:The\s+Lancet|Lancet|BMJ|JAMA|NEJM|New\s+England\s+Journal|Cochrane|PLOS|Nature|Annals\s+of|"
    r"Journal\s+of\s+[A-Z]\w+|[A-Z]\w+\s+Journal)\b"
)
_EXPERT = re.compile(r"\b(?:Dr|Doctor|Professor|Prof)\.?\s+[A-Z][\w'-]+")
_REFER_BACK = re.compile(
    r"\b(?:that|this|the\s+same|these|those|the\s+above|its|their)\s+(?:\w+\s+)?"
    r"(?:trial|trials|study|studies|review|meta-analysis|analysis|report|survey|research|paper|registry|"
    r"data|findings|results|researchers|authors|investigators|guideline|guidance)\b",
    re.I,
)
_ATTRIBUTION_LINE = re.compile(
    r"^(?:source|sources|adapted\s+from|reproduced\s+from|courtesy\s+of|information\s+from|from)\s*:?\s+\S", re.I
)
_ORG_WORD = re.compile(
    r"\b(?:Organi[sz]ation|Institute|Society|Association|Foundation|Agency|Service|NHS|Council|College|"
    r"Cent(?:re|er)|Authority|University|Department|Ministry|Trust|Board)\b"
)
_STOP_CAPS = frozenset(
    w.lower()
    for w in (
        "A An The In For With Our This That These Those It Its Their Many Most Some Several One Recent New "
        "Large Clinical Scientific Medical National Independent Research Studies Experts Doctors Scientists "
        "But And However Also Yes No After Before During Since While If When At By Unlike Every All"
    ).split()
)


@dataclass
class Verdict:
    """A claim sentence: its cue strings, and the support found (None when unsupported)."""

    cues: list[str]
    support: str | None
    unresolved: list[str]


_LEAD_CHARS = frozenset("\"'“‘”’([•✔✓*–-")


def core_text(text: str) -> str:
    if text and (text[0] in _LEAD_CHARS or text[0].isspace()):
        return _LEAD.sub("", text).strip()
    return text.strip()  # nothing for _LEAD to remove


def _may_advise(text: str) -> bool:
    """False when neither _IMPERATIVE nor _CONDITIONAL_ADVICE can match ``text``."""
    head = text[:_ADVICE_SPAN]
    return not head.isascii() or head.lower().startswith(_ADVICE_LETTERS)


def not_a_claim(text: str, config=None) -> str | None:
    """The reason ``text`` is not a claim (question, advice, definition, ...), or None."""
    t = core_text(text)
    if not t:
        return "empty"
    if t.rstrip("\"'”’) ").endswith("?"):
        return "question"
    if _may_advise(t) and (_IMPERATIVE.match(t) or _CONDITIONAL_ADVICE.match(t)) or _ADVISER.match(t):
        return "advice or instruction"
    hit = wordlists.first_hit(_NOT_CLAIM_NAMES, t, config)
    return NOT_CLAIM_LISTS[hit][0] if hit >= 0 else None


def claim_cues(text: str, config=None) -> list[str]:
    """Cue strings ("safety: 'completely safe'") when ``text`` asserts a checkable claim."""
    found = wordlists.matched_each(_CLAIM_NAMES, core_text(text), config)
    if not any(found):
        return []  # most sentences: no cue list matched
    return [f"{kind}: '{_short(word)}'" for kind, words in zip(CLAIM_KINDS, found) for word in words[:2]]


def _short(word: str) -> str:
    return word if len(word) <= 40 else word[:37] + "..."


def is_testimonial(section: Section, sentence: Sentence) -> bool:
    """The sentence sits in a quoted paragraph (a patient's words)."""
    para_start = section.text.rfind("\n", 0, sentence.start) + 1
    first = _NON_SPACE.search(section.text, para_start, sentence.end + 2)  # the paragraph's first character
    return (first.group() if first else "") in "“\"‘" and not sentence.text.lstrip("”\"’ ").startswith(("–", "-", "—"))


def _is_list_item(section: Section, sentence: Sentence) -> bool:
    line_start = section.text.rfind("\n", 0, sentence.start) + 1
    return line_start < sentence.start and bool(LIST_MARKER.fullmatch(section.text, line_start, sentence.start))


def listed_remedy(section: Section, index: int, config=None) -> bool:
    """A list item that says what a remedy does, under a lead-in offering remedies to try.

    The lead-in ("Things that may help:") is not itself a claim, so each item is one of its own
    (guideline 5 says only items under a *claim's* lead-in share its label): a declarative
    sentence there asserts that the remedy works.
    """
    sentence = section.sentences[index]
    if not _is_list_item(section, sentence):
        return False
    text = core_text(sentence.text)
    if not text.endswith(".") or len(text.split()) < 5:
        return False
    for prev in reversed(section.sentences[:index]):
        if not _is_list_item(section, prev):
            lead = prev.text.rstrip()
            return lead.endswith(":") and not claim_cues(lead, config) and bool(wordlists.search("remedy_leadin", lead, config))
    return False


def _holds(text: str, keys: re.Pattern) -> bool:
    return keys.search(text) is not None


def _any_of(*keys: str) -> re.Pattern:
    """A pattern finding any of the literal ``keys`` (case as given): one scan instead of one per key.

    The keys are grouped by their first character (``r(?:ial|eview)|t(?:ud)``): at each position
    the engine tries one alternative per first character instead of one per key, and finds a
    key at exactly the positions where one starts.
    """
    groups: dict[str, list[str]] = {}
    for key in dict.fromkeys(keys):
        groups.setdefault(key[0], []).append(re.escape(key[1:]))
    return re.compile("|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items()))


# Words each pattern below cannot match without (case as in the pattern): cheap tests first.
_NOUN_WORDS = (
    "rial", "tud", "regist", "review", "guid", "survey", "report", "program", "audit", "cohort",
    "analysis", "database", "statistics", "series", "census",
)
_REPORTING_WORDS = ("report", "found", "finds", "show", "warn", "estimate", "state", "conclude", "publish", "record")
_JOURNAL_WORDS = ("Lancet", "BMJ", "JAMA", "NEJM", "New", "Cochrane", "PLOS", "Nature", "Annals", "Journal")
_EXPERT_WORDS = ("Dr", "Doctor", "Prof")
_NOUN_KEYS = _any_of(*_NOUN_WORDS)
_REPORTING_KEYS = _any_of(*_REPORTING_WORDS)
_JOURNAL_KEYS = _any_of(*_JOURNAL_WORDS)
_EXPERT_KEYS = _any_of(*_EXPERT_WORDS)
# Any key of the four: most sentences hold none, and one scan then answers all four tests.
_ANY_KEYS = _any_of(*_NOUN_WORDS, *_REPORTING_WORDS, *_JOURNAL_WORDS, *_EXPERT_WORDS)

_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")
_ACRONYM = re.compile(r"[A-Z]{2,}\w*")


def _according_source(text: str) -> str | None:
    """A source named after "according to": the one test of ``named_source`` that needs no key."""
    m = _ACCORDING.search(text) if "ccording" in text or not text.isascii() or "ACCORDING" in text.upper() else None
    if m:
        target = m.group(1).strip()
        first = target.split()[0] if target.split() else ""
        if first[:1].isupper() and first.lower() not in _STOP_CAPS and first.lower() not in ("our", "experts"):
            return "according to " + target
        if _JOURNAL.search(target) or _CAPS_WORD.search(target):
            return "according to " + target
    return None


@lru_cache(maxsize=4096)
def named_source(text: str) -> str | None:
    """A specific named source in the sentence (registry, guideline, journal, trial, expert)."""
    if not _holds(text, _ANY_KEYS):
        return _according_source(text)
    nouns = _holds(text, _NOUN_KEYS)
    for m in _NAMED_WITH_NOUN.finditer(text) if nouns else ():
        words = [w for w in m.group(1).split() if w[:1].isupper()]
        if words and not all(w.lower() in _STOP_CAPS for w in words):
            return m.group(0).strip()
    m = _ACRONYM_NOUN.search(text) if nouns else None
    if m:
        return m.group(0)
    for m in _REPORTING.finditer(text) if _holds(text, _REPORTING_KEYS) else ():
        words = [w for w in m.group(1).split() if w[:1].isupper()]
        meaningful = [w for w in words if w.lower() not in _STOP_CAPS]
        at_start = m.start() == 0 or text[: m.start()].strip() in ("", "The", "the")
        if len(meaningful) >= 2 or any(map(_ACRONYM.fullmatch, meaningful)) or (meaningful and not at_start):
            return m.group(0).strip()
    found = _according_source(text)
    if found:
        return found
    m = _JOURNAL.search(text) if _holds(text, _JOURNAL_KEYS) else None
    if m:
        return m.group(0)
    m = _EXPERT.search(text) if _holds(text, _EXPERT_KEYS) else None
    if m:
        return m.group(0)
    return None


textcache.register(named_source.cache_clear)

_TEXT_MARKER = re.compile(r"\[(\d{1,3})\]")


def _markers_for(section: Section, sentence: Sentence) -> tuple[list[str], list[str]]:
    resolved, unresolved = [], []
    if section.citations:
        start, end = sentence.start, sentence.end + 2
        for c in section.citations:
            if start <= c.start <= end:
                (resolved if c.source_index is not None else unresolved).append(c.marker)
    elif "[" in sentence.text:
        # Adapters that keep no citation spans: read markers from the text itself.
        resolved.extend(_TEXT_MARKER.findall(sentence.text))
    return resolved, unresolved


def _has_link(section: Section, sentence: Sentence) -> bool:
    start, end = sentence.start, sentence.end
    for link in section.links:
        if start <= link.start < end and link.start >= 0:
            return True
    return _doi_pmid_url(sentence.text)


def _doi_pmid_url(text: str) -> bool:
    """``_DOI_PMID_URL.search(text)`` found something; ASCII text without any of the pattern's
    leading strings is not scanned."""
    if text.isascii():
        low = text.lower()
        if "10." not in low and "pmid" not in low and "http" not in low and "www." not in low:
            return False
    return _DOI_PMID_URL.search(text) is not None


def sentence_support(section: Section, sentence: Sentence) -> tuple[str | None, list[str]]:
    """Support found in or right after the sentence itself: (reason or None, unresolved markers)."""
    resolved, unresolved = _markers_for(section, sentence)
    if resolved:
        return f"marker [{resolved[0]}]", unresolved
    if _has_link(section, sentence):
        return "link, DOI or PMID", unresolved
    name = named_source(sentence.text)
    if name:
        return f"named source: {name}", unresolved
    return None, unresolved


def _paragraph_after(section: Section, sentence: Sentence) -> str:
    text = section.text
    nxt = text.find("\n\n", sentence.end)
    if nxt == -1:
        return ""
    start = _NOT_NEWLINE.search(text, nxt)  # the next paragraph's first line, read in place
    if start is None:
        return ""
    end = text.find("\n", start.start())
    return text[start.start() : end if end != -1 else len(text)].strip()


_VERB = re.compile(r"\b(?:is|are|was|were|has|have|can|will)\b")


def is_attribution_line(text: str) -> bool:
    if _ATTRIBUTION_LINE.match(text):
        return True
    # The cheap test first: most paragraphs end a sentence.
    return text[-1:] not in ".!?" and len(text.split()) <= 10 and bool(_ORG_WORD.search(text)) and not _VERB.search(text)


class _SectionFacts:
    """What judging reads about a section as a whole, worked out once instead of per sentence."""

    __slots__ = ("heading", "_heading_source", "quoted", "after")

    def __init__(self, section: Section) -> None:
        self.heading = section.heading
        self._heading_source: str | None | bool = False  # not looked for yet
        # Without a quotation mark no paragraph opens with one: no testimonials.
        text = section.text
        self.quoted = "“" in text or '"' in text or "‘" in text
        self.after: dict[int, str | None] = {}  # paragraph break -> attribution support after it

    @property
    def heading_source(self) -> str | None:
        """The named source in the section's heading, if any: a passage headed by it is supported."""
        if self._heading_source is False:
            self._heading_source = named_source(self.heading) if self.heading else None
        return self._heading_source

    def testimonial(self, section: Section, sentence: Sentence) -> bool:
        if self.quoted or not sentence.text or sentence.text.isspace():
            return is_testimonial(section, sentence)
        return False  # the paragraph's first non-space character is no quotation mark

    def attribution_after(self, section: Section, sentence: Sentence) -> str | None:
        """The attribution line after the sentence's paragraph, as a support reason (or None).

        Every sentence of a paragraph has the same next paragraph, found from the same break.
        """
        brk = section.text.find("\n\n", sentence.end)
        try:
            return self.after[brk]
        except KeyError:
            after = _paragraph_after(section, sentence)
            found = self.after[brk] = f"attribution line: {after[:60]}" if after and is_attribution_line(after) else None
            return found


# Nouns and determiners _REFER_BACK cannot match without (lower case).
_REFER_NOUNS = (
    "stud", "trial", "review", "analysis", "report", "survey", "research", "paper", "registry", "data",
    "findings", "results", "authors", "investigators", "guid",
)
_REFER_DETERMINERS = ("that", "this", "these", "those", "its", "their", "same", "above")  # "the same", "the above"


def _refers_back(text: str) -> bool:
    """``_REFER_BACK.search(text)`` found something; ASCII text without one of its nouns and one
    of its determiners is not scanned (a lower-cased search for each is cheaper than the regex)."""
    if text.isascii():
        low = text.lower()
        if not any(noun in low for noun in _REFER_NOUNS) or not any(d in low for d in _REFER_DETERMINERS):
            return False
    return _REFER_BACK.search(text) is not None


def judge(doc: Document, section: Section, index: int, config=None, *, previous: Sentence | None = None) -> Verdict | None:
    """Judge sentence ``index`` of ``section``: None when it is not a claim."""
    return _judge(section, index, config, previous, _SectionFacts(section))


def _judge(section: Section, index: int, config, previous: Sentence | None, facts: _SectionFacts) -> Verdict | None:
    sentence = section.sentences[index]
    testimonial = facts.testimonial(section, sentence)
    cues = claim_cues(sentence.text, config)  # cheaper than not_a_claim, so asked first
    if not cues and not testimonial and listed_remedy(section, index, config):
        cues = ["efficacy: remedy in a list of things to try"]
    if not testimonial and (not cues or not_a_claim(sentence.text, config)):
        return None
    if testimonial:
        cues.insert(0, "outcome: testimonial")
    support, unresolved = sentence_support(section, sentence)
    if support is None and facts.heading_source:
        support = f"passage headed by {facts.heading_source}"
    if support is None and _refers_back(sentence.text):
        prev = section.sentences[index - 1] if index > 0 else previous
        prev_section = section if index > 0 else None
        if prev is not None:
            prev_support = sentence_support(prev_section, prev)[0] if prev_section is not None else (
                "link" if _doi_pmid_url(prev.text) or named_source(prev.text) else None
            )
            if prev_support:
                support = "refers back to the source named just before"
    if support is None:
        support = facts.attribution_after(section, sentence)
    if support is None:
        cues.append("no citation" if not unresolved else f"marker [{unresolved[0]}] matches no source")
    return Verdict(cues=cues, support=support, unresolved=unresolved)


def iter_claims(doc: Document, config=None):
    """Yield (section, sentence, verdict) for every claim in the body of ``doc``."""
    previous: Sentence | None = None
    for section in doc.sections:
        if section.kind in SKIP_KINDS:
            previous = None
            continue
        sentences = section.sentences
        if sentences:
            facts = _SectionFacts(section)
            for i, sentence in enumerate(sentences):
                verdict = _judge(section, i, config, previous, facts)
                if verdict is not None:
                    yield section, sentence, verdict
            previous = sentences[-1]
