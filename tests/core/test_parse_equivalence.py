"""The tuned parser gives what the straightforward one (tests/core/_parse_reference.py) gives.

Sentence splitting, paragraph kinds, heading candidates, links and citation markers are checked
on the benchmark's generated articles, the test articles and random text built from the
characters and words the shortcuts reason about (whitespace kinds, abbreviations, list markers,
word-list entries, case-folding oddities such as "ſ", "K", "İ", "ı").
"""

import importlib.util
import random
from functools import lru_cache
from pathlib import Path

import pytest

from linting.core import sentences, textcache, wordlists
from linting.core.wordgate import folded_words
from linting.sources import txt

from . import _parse_reference as ref
from ._articles import CITED, SEED_LIKE

REPO = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def _bench_articles() -> tuple[str, ...]:
    spec = importlib.util.spec_from_file_location("lint_throughput", REPO / "bench" / "lint_throughput.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return tuple(bench.make_corpus(6000, seed=7))


def _articles() -> list[str]:
    return [*_bench_articles(), SEED_LIKE, CITED]


_PIECES = [
    *"aAbZxq .!?…\n\t\u00a0\x0b\u2028[]1203,;:-–•*'\"”’»)(ſKİı→»›>@/",
    "e.g.", "i.e.", "Dr.", "dr.", "No.", "no. 4", "nos.", "U.S.", "U.S. Most", "Ph.D.", "J. Smith",
    "approx.", "approximately.", "vs.", "etc. and", "2.5", "3.", "[1]", "[2, 3]", "[4-6]", ".[7]",
    "1. ", "a) ", "- ", "• ", "\n\n", "\n - ", " 12", "  ", "word.12 ", "(doi:10.1234/ab.c).",
]
# Texts the regular-expression entries of the two lists match, every alternative of each.
_REGEX_EXAMPLES = [
    "we charge for the clinic described", "who charges a fee for the featured test", "that charges for x offered",
    "makes a profit from", "made money on", "earns its income from", "takes some margin on", "earned our profit on",
    "we benefit financially from", "they profit from", "it profit from",
    "receives a fee from", "gets payments for each", "is paid money when", "are paid fees for every", "get a payment from",
    "call 0207 123 4567", "Call +44 20 7123 4567", "email info@x.com", "EMAIL a.b+c@d.org",
]
_ENTRY_WORDS = [
    e for name in ("cta", "disclosure") for e in wordlists.entries(name) if not e.startswith("re:")
] + _REGEX_EXAMPLES + ["is paid a", "our", "we"]
_NOISE = [
    "the", "clinic", "ſ", "K", "İ", "ı", "\u0345", "-", "'", "’", " ", "  ", "\t", "book", "booking", "e-mail",
    "E-MAIL", "Call", "CALL", "→", ".", "!", "finder's", "FREE", "Our", "money", "Money", "Dr.", "knee", "pain.",
    "http://x.org/a", "www.x.com", "PMID: 12345", "doı:10.1234/x",
]


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        pool = _PIECES if rng.random() < 0.5 else _ENTRY_WORDS + _NOISE
        text = rng.choice(["", " ", "  "]).join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.15:
            text = text.upper()
        out.append(text)
    return out


def _sections(texts):
    return [s.text for t in texts for s in txt.parse_txt(t).sections]


def test_sentences_split_as_the_reference():
    texts = _articles() + _sections(_articles()) + _random_texts(1, 20000)
    for text in texts:
        assert sentences.split_sentences(text) == ref.split_sentences(text), repr(text)


def test_abbreviations_decided_as_the_reference():
    rng = random.Random(2)
    words = ["Dr", "dr", "e.g", "U.S", "Ph.D", "J", "j", "no", "No", "nos", "approx", "approxi", "pain", "knee",
             "2", "12", "x", "(a", "[1]", "a.b.c", "hospitalisation", "\nDr", "St", "co", "inc"]
    for _ in range(20000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) + "." + rng.choice(["", "5", " "])
        dot = text.rindex(".")
        for nxt in ("", "A", "a", "4"):
            assert sentences._is_abbreviation(text, dot, nxt) == ref._is_abbreviation(text, dot, nxt), (text, nxt)


def test_paragraph_kinds_as_searching_both_lists():
    paragraphs = [u.text for t in _articles() for u in txt._units(t.split("\n"))] + _random_texts(3, 6000)
    for text in paragraphs:
        textcache.clear_text_caches()
        assert txt._special_kind(text) == ref.special_kind(text), repr(text)


@pytest.mark.parametrize("name", ["cta", "disclosure"])
def test_needed_words_never_rule_out_a_match(name):
    needed = txt._needed_words((name,))
    assert needed.by_word is not None  # every regex entry is in _REGEX_ENTRY_WORDS: the prefilter works
    for text in _random_texts(4, 6000) + [u.text for t in _articles() for u in txt._units(t.split("\n"))]:
        if wordlists.search(name, text):
            assert name in needed.lists_in(folded_words(text)), repr(text)


def test_regex_entries_hold_their_listed_words():
    for entry, words in txt._REGEX_ENTRY_WORDS.items():
        pattern = wordlists._compile((entry,))
        hits = [text for text in _REGEX_EXAMPLES if pattern.search(text)]
        assert len(hits) >= 2, entry  # every entry has examples, and each holds a listed word
        for text in hits:
            assert set(words) & set(folded_words(text)), (entry, text)


def test_ascii_words_are_the_regex_word_runs():
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(chr(rng.randrange(128)) for _ in range(rng.randint(0, 30)))
        assert folded_words(text) == txt._WORD_RUN.findall(text.lower()), repr(text)


def test_heading_candidates_links_and_markers_as_the_reference():
    units = [u.text for t in _articles() + _random_texts(6, 4000) for u in txt._units(t.split("\n"))]
    units += [a + b for a in ("Click here", "See below", "Visit (", "Read more", "WHERE", "somewhere", "Links")
              for b in ("", " ", "→", " >", "(", " here")]
    for text in units:
        assert txt._is_heading_candidate(text) == ref.is_heading_candidate(text), repr(text)
        assert txt._ends_dangling(text) == bool(ref._DANGLING_END.search(text)), repr(text)
    texts = _sections(_articles()) + _random_texts(7, 6000) + [
        "Read doı:10.1234/x now; HTTP://X.ORG/a, WWW.x.com and PMİD: 12345, pmıd 1234567.",
        "see http://a.b/c and doi:10.1000/182 and 10.1000/183, PMID 1234567. No slash: www.nosl.ash 10.12345",
    ]
    for text in texts:
        assert txt.find_links(text) == ref.find_links(text), repr(text)
    for inner in ["1", "01", "٣", "1,2", "1–3", "2-60", "1, 3-4", "12 - 14", "999"]:
        cites = txt.find_citations(f"x [{inner}]", [])
        assert [c.marker for c in cites] == [str(n) for n in ref.marker_numbers(inner)], inner


def _heading_words(table: dict) -> list[str]:
    words = [w for entries in table.values() for e in entries if not e.startswith("re:") for w in e.split()]
    return words + ["ſources", "Ris\u212a", "rİsks", "rısks", "side-", "-effects", "works", "how", "don't", "FAQ's",
                    "x", "-", "'", "\u00a0", "\t", "_", "2", "books", "re-book", "é", "Ǆ", "ǅ", "ǆ"]


def _random_headings(seed: int, count: int, words: list[str]) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = rng.choice([" ", "  ", "-", "", "\n"]).join(rng.choice(words) for _ in range(rng.randint(0, 5)))
        out.append(text.upper() if rng.random() < 0.2 else text.title() if rng.random() < 0.2 else text)
    return out


def test_headings_classified_as_the_reference():
    from linting.core import section_kinds

    table = section_kinds.DEFAULT_SECTION_KINDS
    headings = [u.text for t in _articles() for u in txt._units(t.split("\n")) if len(u.text) < 120]
    headings += _random_headings(8, 20000, _heading_words(table)) + [None, "", "  "]
    for heading in headings:
        assert section_kinds.classify_heading(heading) == ref.classify_heading(heading, table), repr(heading)
    # A table with regular expressions, non-ASCII phrases and entries without words.
    custom = {
        "faq": ["re:^any", "q&a"], "risks": ["risiko", "ſide", "-", "re:(?<=x)y"], "costs": ["précis", "kost", "K"],
        "cta": ["book*", "join us", "re:\\bnow$"], "empty": [],
    }
    for heading in _random_headings(9, 20000, _heading_words(custom) + ["any", "xy", "now", "kost", "q&a", "Précis"]):
        assert section_kinds.classify_heading(heading, custom) == ref.classify_heading(heading, custom), repr(heading)


def test_arrow_end_as_the_regex():
    import re
    import sys

    assert all((re.match(r"\s", chr(c)) is not None) == chr(c).isspace() for c in range(sys.maxunicode + 1))
    pattern = re.compile(r"[→»›]\s*$")
    rng = random.Random(10)
    pieces = ["→", "»", "›", ">", " ", "\n", "\t", "\u00a0", "\u2028", "\x1c", "\x85", "a", "book now", "\u200b"]
    texts = ["", "→", "→\n", "→\n\n", "a →", "→ a"] + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(20000)]
    for text in texts:
        assert txt._ends_with_arrow(text) == bool(pattern.search(text)), repr(text)


def test_sources_parsed_as_the_reference():
    lines = [u.text for t in _articles() for u in txt._units(t.split("\n"))]
    pieces = ["[1] ", "2. ", "- ", "Smith J. ", "Title ", "HTTPS://x.org/a ", "www.x.com ", "doi:10.1234/ab.c ", "DOİ: 10.12345/x ",
              "https://dx.doi.org/10.1000/182 ", "PMID: 1234567 ", "pmıd 12345 ", "1999 ", "2024;12:3. ", "19 ", "20", "2019a ",
              "x1999 ", "(2001) ", "10.1/x ", "ſ", "K", "İ", "ı", "é", "£", " ", "\t", ", ", "; "]
    rng = random.Random(11)
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))) for _ in range(20000)]
    units = [txt._Unit(line, False) for line in lines]
    assert txt._parse_sources(units) == ref.parse_sources(lines)

