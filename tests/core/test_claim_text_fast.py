"""The claims helpers' shortcuts answer as the tests they stand for, on any text."""

import random
import re

from linting.core.rules import claim_text as ct

PIECES = [
    "trial", "Study", "stud", "registry", "review", "guid", "report", "found", "show", "state", "New", "BMJ",
    "Journal", "Dr", "Prof", "Doctor", "NHS", "according", "ACCORDING", "to", "the", "İ", "ſ", "\u212a",
    " ", "\n", "\u00a0", ".", ",", "[1]", "(", ")", "a", "Lancet", "Cochrane", "warns", "Institute",
]


def _random_texts(seed, n=3000):
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_one_scan_for_any_key_holds_exactly_when_one_of_the_four_does():
    keys = (ct._NOUN_KEYS, ct._REPORTING_KEYS, ct._JOURNAL_KEYS, ct._EXPERT_KEYS)
    for text in _random_texts(0) + ["", "Drug", "registered", "showing", "Newcastle", "profit"]:
        assert ct._holds(text, ct._ANY_KEYS) == any(ct._holds(text, k) for k in keys), text


def test_keys_grouped_by_first_character_are_found_where_one_starts():
    groups = (ct._NOUN_WORDS, ct._REPORTING_WORDS, ct._JOURNAL_WORDS, ct._EXPERT_WORDS, ("a", "ab", "İ", "ſt", ".", "a."))
    texts = _random_texts(3) + ["Drug", "Do", "stat", "ab", "İ", "i", "ſ"]
    for keys in groups:
        pattern = ct._any_of(*keys)
        for text in texts:
            starts = [i for i in range(len(text)) if text.startswith(keys, i)]
            found = pattern.search(text)
            assert (found.start() if found else None) == (starts[0] if starts else None), (keys, text)


def _reference_named_source(text):
    """``named_source`` as first written: each test behind its own keys, in order."""
    nouns = ct._holds(text, ct._NOUN_KEYS)
    for m in ct._NAMED_WITH_NOUN.finditer(text) if nouns else ():
        words = [w for w in m.group(1).split() if w[:1].isupper()]
        if words and not all(w.lower() in ct._STOP_CAPS for w in words):
            return m.group(0).strip()
    m = ct._ACRONYM_NOUN.search(text) if nouns else None
    if m:
        return m.group(0)
    for m in ct._REPORTING.finditer(text) if ct._holds(text, ct._REPORTING_KEYS) else ():
        words = [w for w in m.group(1).split() if w[:1].isupper()]
        meaningful = [w for w in words if w.lower() not in ct._STOP_CAPS]
        at_start = m.start() == 0 or text[: m.start()].strip() in ("", "The", "the")
        if len(meaningful) >= 2 or any(re.fullmatch(r"[A-Z]{2,}\w*", w) for w in meaningful) or (meaningful and not at_start):
            return m.group(0).strip()
    m = ct._ACCORDING.search(text)
    if m:
        target = m.group(1).strip()
        first = target.split()[0] if target.split() else ""
        if first[:1].isupper() and first.lower() not in ct._STOP_CAPS and first.lower() not in ("our", "experts"):
            return "according to " + target
        if ct._JOURNAL.search(target) or re.search(r"\b[A-Z]{2,}\b", target):
            return "according to " + target
    m = ct._JOURNAL.search(text)
    if m:
        return m.group(0)
    m = ct._EXPERT.search(text)
    return m.group(0) if m else None


def test_named_source_finds_what_the_plain_tests_find():
    texts = _random_texts(1) + ["according to NICE, it helps", "Dr Smith warns", "The UK Biobank Study found"]
    for text in texts:
        assert ct.named_source.__wrapped__(text) == _reference_named_source(text), text


def test_attribution_lines_are_read_as_before():
    for text in _random_texts(2) + ["Source: NHS", "NHS Institute", "NHS Institute.", "The NHS Trust is here"]:
        expected = bool(ct._ATTRIBUTION_LINE.match(text)) or (
            len(text.split()) <= 10 and text[-1:] not in ".!?" and bool(ct._ORG_WORD.search(text))
            and not re.search(r"\b(?:is|are|was|were|has|have|can|will)\b", text)
        )
        assert ct.is_attribution_line(text) == expected, text


def test_advice_patterns_match_only_texts_that_may_advise():
    starts = list(ct._IMPERATIVE_STARTS) + list(ct._CONDITIONAL_STARTS)
    rng = random.Random(4)
    odd = ["İf you", "ſtop", "\u212aeep", "K", "ſ", "İ", "DON'T", "don’t", "E-MAIL", "Never  take", "If\u00a0you", " ", "\n", "x"]
    texts = odd + [
        rng.choice([s.replace("\\s+", " ").replace("(?:stop|take)", "stop") for s in starts] + odd).upper()
        if rng.random() < 0.3 else "".join(rng.choice(starts + odd + PIECES) for _ in range(rng.randint(0, 4)))
        for _ in range(5000)
    ]
    matched = 0
    for text in texts:
        if ct._IMPERATIVE.match(text) or ct._CONDITIONAL_ADVICE.match(text):
            matched += 1
            assert ct._may_advise(text), text
    assert matched > 500
