"""The fast word-list matcher finds exactly what one plain regex per list finds.

The reference below is the matcher as first written: each entry its own alternative with its
own whole-word guards, longest entry first, run over the whole text. The gate and the per-text
subset regexes must never change a match.
"""

import random
import re
from pathlib import Path

import pytest

from linting.core import wordlists
from linting.core.config import Config
from linting.sources.txt import parse_txt

from ._articles import CITED, SEED_LIKE

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path("/work/shared/corpus/dev/articles")

TRICKY = [
    "", " ", "İnjections are ſafe and rıſk-free", "x-ray heals", "a12% of", "£300 or US$ 400 (USD 450)",
    "ΣΑΣ σας", "pain-free", "no  side\neffects", "cure rates", "not a cure", "Cure!", "CURES", "100% safe",
    "The best, the only clinic", "Our clinic's results: 9 in 10.", "helps to reduce pain", "we've helped 500",
    "Should not be used as a substitute", "Disclaimer: not medical advice", "this guide explains",
    "Whether it works is uncertain.", "It is estimated that", "side-effects", "e-mail us", "book now!",
]


def _reference(items):
    def one(entry):
        if entry.startswith("re:"):
            return f"(?:{entry[3:]})"
        words = [re.escape(w[:-1]) + r"[\w'-]*" if w.endswith("*") else re.escape(w) for w in entry.split()]
        return r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])"

    return re.compile("|".join(one(e) for e in sorted(items, key=len, reverse=True)), re.IGNORECASE)


def _texts():
    sources = [SEED_LIKE, CITED]
    sources += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "tests/fixtures/import").glob("*.txt"))]
    if CORPUS.is_dir():
        sources += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts = set(TRICKY)
    for source in sources:
        texts.add(source)
        for section in parse_txt(source).sections:
            texts.add(section.text)
            texts.update(section.text.split("\n\n"))
            for sentence in section.sentences:
                texts.update((sentence.text, sentence.text.lower(), sentence.text.upper()))
    return sorted(texts)


def _spans(matches):
    return [m.span() for m in matches]


def test_every_list_matches_like_the_reference():
    texts = _texts()
    for name in wordlists.list_names():
        reference = _reference(wordlists.entries(name))
        for text in texts:
            expected = _spans(reference.finditer(text)) if text else []
            assert _spans(wordlists.find_all(name, text)) == expected, (name, text[:80])
            first = wordlists.search(name, text)
            assert (first.span() if first else None) == (expected[0] if expected else None), (name, text[:80])
            assert wordlists.matched(name, text) == list(
                dict.fromkeys(" ".join(text[a:b].lower().split()) for a, b in expected)
            )


@pytest.mark.parametrize("seed", range(3))
def test_config_entries_with_odd_regexes_match_like_the_reference(seed):
    extra = [
        r"re:^(?:our|the)\s+(?:clinic|team)\b", r"re:(?<=\s)costs?\b", r"re:\b\d+\s?(?:mg|ml)\b",
        r"re:[£$]\s?\d+", r"re:(?:fast|quick)(?:er|est)?\s+recovery", r"re:(?i:RAPID)\s+relief",
        r"re:\bsafe(?=\s+for)", "pain*", "free of charge", r"re:x?", r"re:\bno\s+(?!risk)\w+",
        r"re:(?m:^book)\b", r"re:[A-Z]{3,}", r"re:\Bing\b",
    ]
    config = Config(words={"peacock": extra})
    reference = _reference(wordlists.entries("peacock", config))
    rng = random.Random(seed)
    pieces = ["Our", "clinic", " ", "\n", "costs", "£", "$", "12", "mg", "fast", "er", "recovery", "RAPID",
              "relief", "safe", "for", "pain", "ful", "free of charge", "no", "risk", "book", "ing", "-", ".", "ſ"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        expected = _spans(reference.finditer(text)) if text else []
        assert _spans(wordlists.find_all("peacock", text, config)) == expected, text


def test_unknown_list_is_an_error():
    with pytest.raises(KeyError, match="unknown word list"):
        wordlists.find_all("no_such_list", "text")


def _gate_facts(gate, text):
    seen = gate.seen(text)
    # Each word some entry may start at, with those entries' bits: what any query reads.
    words = [(at - seen._base, bits & gate._starts) for at, bits in zip(seen._offsets, seen._bits) if bits & gate._starts]
    return seen.mask, words, seen.word_starts(gate._starts), seen.digits()


@pytest.mark.parametrize("cut_words", [False, True])
def test_priming_a_section_gates_its_sentences_as_reading_them_alone(cut_words):
    """One scan of a section stands in for scanning each sentence: same mask, same starts."""
    from linting.core import textcache

    gate = wordlists._lists(None).gate
    sources = [SEED_LIKE, CITED] + [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:4]]
    sections = [s for source in sources for s in parse_txt(source).sections] + [
        type("S", (), {"text": t, "sentences": []})() for t in TRICKY if t
    ]
    rng = random.Random(3)
    for section in sections:
        text = section.text
        if not text:
            continue
        spans = [(s.start, s.end) for s in section.sentences]
        if cut_words:  # spans that split words must be left alone, not gated wrongly
            spans += sorted((a, a + rng.randint(1, 40)) for a in (rng.randrange(len(text)) for _ in range(5)))
        textcache.clear_text_caches()
        expected = {piece: _gate_facts(gate, piece) for piece in [text] + [text[a:b] for a, b in spans]}
        textcache.clear_text_caches()
        wordlists.prime(text, spans)
        for piece, facts in expected.items():
            assert _gate_facts(gate, piece) == facts, (piece[:60], cut_words)
    textcache.clear_text_caches()


def test_primed_documents_lint_the_same():
    from linting.core import textcache
    from linting.core.engine import lint_document
    from linting.core.registry import LintContext

    config = Config()
    for source in [SEED_LIKE, CITED] + [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]:
        textcache.clear_text_caches()
        primed = [f.to_dict() for f in lint_document(parse_txt(source), config).findings]
        textcache.clear_text_caches()
        doc = parse_txt(source)
        ctx = LintContext(config=config)
        from linting.core.engine import active_rules

        plain = [f.to_dict() for r in active_rules(config) for f in r.check(doc, ctx)]
        key = lambda d: (d["rule"], d.get("start") or -1, d["fingerprint"])  # noqa: E731
        assert sorted(primed, key=key) == sorted(plain, key=key)
    textcache.clear_text_caches()


def test_reading_at_keys_finds_what_a_full_scan_finds_also_in_non_ascii_text():
    """``finditer_at`` folds non-ASCII text like re.IGNORECASE instead of scanning it whole."""
    from linting.core.rules.readability import _MARKER_STARTS, _MARKERS
    from linting.sources.txt import DOI_RE, PMID_RE, URL_RE

    cases = [(URL_RE, ("http", "www.")), (DOI_RE, ("doi:", "http", "10.")), (PMID_RE, ("pmid",)), (_MARKERS, _MARKER_STARTS)]
    texts = _texts() + [
        "See WWW.example.org • or HTTPS://x.example/a (£5)", "ᴘᴍɪᴅ 1234567 • PMİD: 1234567 and pmıd 7654321",
        "Dİ: DOİ:10.1000/xyz • doı:10.1000/abc", "[1] £ [2–4] (doi:10.1/x) — HTTP://ſite.example",
    ]
    for pat, keys in cases:
        for text in texts:
            assert _spans(wordlists.finditer_at(pat, text, keys)) == _spans(pat.finditer(text)), (pat.pattern[:30], text[:60])


def test_asking_several_lists_at_once_answers_as_asking_each():
    from linting.core.rules.claim_text import _CLAIM_NAMES, _NOT_CLAIM_NAMES

    for text in _texts():
        assert wordlists.matched_each(_CLAIM_NAMES, text) == [wordlists.matched(n, text) for n in _CLAIM_NAMES], text[:60]
        hits = [i for i, n in enumerate(_NOT_CLAIM_NAMES) if wordlists.search(n, text)]
        assert wordlists.first_hit(_NOT_CLAIM_NAMES, text) == (hits[0] if hits else -1), text[:60]


def test_caseless_characters_are_only_those_ignorecase_matches_by_themselves():
    from linting.core.wordgate import caseless

    for text in ("£", "€", "$", "%", ":", ",", "@", "-", "£$%"):
        assert caseless(text)
        others = [chr(c) for c in range(0x2FFFF) if chr(c) not in text and re.fullmatch(re.escape(text[0]), chr(c), re.I)]
        assert others == [], text
    for text in ("a", "us$", "K", "ſ", "Ⓐ", "ß", "İ"):
        assert not caseless(text), text
