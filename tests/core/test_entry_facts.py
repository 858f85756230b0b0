"""Every fact ``entrygates`` reads off an entry holds for every match of the entry.

A gate built from one entry's facts alone must let through every text the entry matches, and
say every offset a match starts at: keys read inside branches ("a\\s+lifetime" needs
"lifetime"), digit keys (``\\d`` after a break starts a word) and the inner words and
punctuation of plain entries ("pain-free" needs "free" and "-") included, for digits of any
script and text with case-folding oddities.
"""

import random
import re

import pytest

from linting.core import wordlists
from linting.core.entrygates import entry_facts
from linting.core.wordgate import Gate

from .test_rules_wordlists import _reference, _texts

ODD_ENTRIES = [
    r"re:\b(?:can|may)\s+(?:\w+\s+)?(?:harm|be\s+fatal)\b",
    r"re:\blast(?:s)?\s+(?:a\s+lifetime|for\s+(?:years|life))",
    r"re:\b(?:over|up\s+to)\s+\d[\d,.]*\s*(?:million)?\s*(?:people|men)\b",
    r"re:\b(?:\d[\d,.]*|one|two)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d[\d,]*|two|a\s+hundred)\b",
    r"re:\bcode\s+[0-9]+\b", r"re:\bgrade\s+[a-cK]\b", r"re:\b(?:x|[0-9]y)\s+z\b", r"re:(?:a|)\s+b",
    r"re:\bsize\s+(?:[\d]|big)\b", r"re:\bno\s+(?:one|a\s+single)\s+of\b",
    "pain-free", "state-of-the-art", "£300 off", "don't know", "e-mail* us", "a*b c", "ſafe-ish",
]
# Texts each matching one of ODD_ENTRIES (checked): facts read wrongly would close their gate.
MATCHING = [
    "It can\u00a0really be  fatal.", "Results LAST A\nLIFETIME", "lasts for life", "over ٣ people", "Up to 𝟙𝟘men",
    "over 3,000million people", "٣ in ١٠", "two out of every a hundred", "1 in 2", "code 42", "grade \u212a",
    "9y z", "x\tz", " b", "size ٣", "NO ONE OF", "no a single of",
    "PAIN-FREE", "State-of-the-Art", "£300\noff", "DON'T  KNOW", "E-MAILS us", "A*B c", "SAFE-ISH",
]
PIECES = [
    "can", "may", "really", "harm", "be", "fatal", "lasts", "a", "lifetime", "for", "years", "life", "over",
    "up", "to", "12", "3,000", "٣", "١٠", "𝟙", "million", "people", "men", "one", "two", "in", "out", "of",
    "every", "hundred", "code", "grade", "K", "\u212a", "x", "9y", "z", "b", "size", "big", "no", "single",
    " ", " ", "  ", "\n", "\t", "\u00a0", "-", ",", ".", "İ", "ſ", "'",
]


def _entries():
    return sorted({e for name in wordlists.list_names() for e in wordlists.entries(name)}) + ODD_ENTRIES


def _texts_for_entries(seed):
    rng = random.Random(seed)
    texts = list(_texts())
    for _ in range(3000):
        texts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 16))))
    return texts


def _assert_gate_admits(entry, texts):
    gate = Gate([entry_facts(entry)])
    (bit,) = gate.bits
    pattern = _reference([entry])
    for text in texts:
        found = [m.start() for m in pattern.finditer(text) if m.end() > m.start()] if text else []
        if not found:
            continue
        seen = gate.seen(text)
        assert seen.mask & bit, (entry, text[:80])
        starts = gate.starts(seen, bit)
        assert starts is None or set(found) <= set(starts), (entry, text[:80])


def test_every_entry_fact_holds_for_its_matches():
    texts = _texts_for_entries(0)
    for entry in _entries():
        _assert_gate_admits(entry, texts)


def test_every_odd_entry_fact_holds_for_text_made_to_match():
    for entry in ODD_ENTRIES:
        _assert_gate_admits(entry, MATCHING)
    for text in MATCHING:
        assert any(_reference([entry]).search(text) for entry in ODD_ENTRIES), text


def test_digit_keys_cover_every_digit_the_regex_reads():
    _, keys, _, more = entry_facts(r"re:\bover\s+\d+\s+people")
    digits = next(group for group in [keys, *more] if "0" in group)
    assert {"٣", "𝟙", "０"} <= set(digits)
    assert all(re.fullmatch(r"\d", ch) for ch in digits)


def test_iota_is_the_one_letter_ignorecase_finds_equal_to_a_non_word_character():
    """Entries holding it are always tried: for every other character, one that re.IGNORECASE
    finds equal to a word character is a word character itself, so a stem read from an entry
    covers a run of word characters of the text."""
    import sys

    from linting.core.entrygates import _TWO_FACED
    from linting.core.wordgate import fold

    folds: dict[str, set[bool]] = {}
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        folds.setdefault(fold(ch), set()).add(ch.isalnum() or ch == "_")
    assert [f for f, kinds in folds.items() if len(kinds) > 1] == [_TWO_FACED]


@pytest.mark.parametrize("entry", ["\u03b9\u03b4\u03ad\u03b1", r"re:[\u03b1-\u03c9]\u03b4\u03ad\u03b1", r"re:\u0399\u03b4\u03ad\u03b1"])
def test_an_entry_spelling_iota_matches_the_combining_mark_it_folds_with(entry):
    """U+0345 is no word character, so no word of the text starts there: the entry is always tried."""
    from linting.core.config import Config

    config = Config(words={"peacock": [entry]})
    text = "x \u0345\u03b4\u03ad\u03b1 y \u03b9\u03b4\u03ad\u03b1"
    expected = [m.span() for m in wordlists.pattern("peacock", config).finditer(text)]
    assert (2, 6) in expected
    assert [m.span() for m in wordlists.find_all("peacock", text, config)] == expected
    assert entry_facts(entry)[0] == [None]
