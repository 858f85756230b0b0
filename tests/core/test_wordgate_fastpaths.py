"""The gate's one-int-per-word reading never loses a match the entry's own regex finds.

Each word's int carries an entry's start bit (also when the word holds a substring of word
characters the entry starts with), its key and further-key helper bits, and a "holds a digit"
flag; a primed section looks for the other substrings once for all its sentences. The
straightforward check: compile every entry alone and look for it at every offset; wherever it
matches, the gate must let its entry through and offer that offset as a start.
"""

import random
import re
from functools import lru_cache

from linting.core import textcache, wordlists
from linting.core.config import Config

_ODD = [
    "İnjections", "ſafe", "KELVIN \u212a", "rıſk-free", "\u00a0", "\u2009", "\u3000", "\t", "\n\n",
    "٣٠٪", "１２%", "²", "𝟘", "9 in 10", "10 %", "£300", "US$ 400", "usd 450", "€", "$", ":", ",",
    # substrings inside words, and spelt with characters that fold to ASCII letters
    "reſubstitutes", "SHOULDN'T", "unſhould", "xſafe", "WAITİNG", "eur9", "aus$5", "\u0345ng",
]
_WORDS = [
    "the", "a", "recent", "study", "studies", "show", "more", "than", "less", "common", "in",
    "recent years", "per cent", "cheaper", "we", "own", "clinic", "risk", "free", "side", "effects",
    "proven", "guaranteed", "experts", "agree", "substitute", "not", "should", "advice", "book", "now",
]
_EXTRA = {  # config entries that exercise every kind of gate
    "peacock": [r"re:\d", r"re:[£$]\s?\d+", "free of charge", r"re:(?m:^book)\b", r"re:\Bing\b", "per cent*", r"re:\Bıng", r"re:ould\b"],
    "disclosure": [r"re:\d+\s?%", "we own the clinic", r"re:x?", r"re:\Bstitut", r"re:(?<=x)ſafe", r"re:us\$"],
}


def _texts():
    rng = random.Random(7)
    texts = [" ".join([w, o]) for w in _WORDS[:6] for o in _ODD] + _ODD
    for _ in range(100):
        pieces = [rng.choice(_WORDS + _ODD) for _ in range(rng.randint(1, 12))]
        text = "".join(p + rng.choice([" ", "  ", "\n", ". ", ", ", "-", ""]) for p in pieces)
        texts.append(rng.choice([str.lower, str.upper, str.title, str])(text))
    return texts


@lru_cache(maxsize=None)
def _alone(entry):
    return re.compile(wordlists._source((entry,)), re.IGNORECASE)


def _starts_of(entry, text):
    pat, found, at = _alone(entry), [], 0
    while at <= len(text):
        m = pat.search(text, at)
        if m is None:
            break
        found.append(m.start())
        at = m.start() + 1
    return found


def test_the_gate_offers_every_offset_an_entry_matches_at():
    for config in (None, Config(words=_EXTRA)):
        compiled = wordlists._lists(config)
        for text in _texts():
            textcache.clear_text_caches()
            for name, entries in compiled.entries.items():
                gate = compiled.gate_of[name]
                seen = gate.seen(text)
                for entry, bit in zip(entries, compiled.bits[name]):
                    at = _starts_of(entry, text)
                    if not at:
                        continue
                    assert seen.mask & bit, (name, entry, text)
                    starts = gate.starts(seen, bit)
                    assert starts is None or set(at) <= set(starts), (name, entry, text, at, starts)
    textcache.clear_text_caches()


def test_a_text_holds_a_digit_for_the_gate_exactly_when_backslash_d_finds_one():
    compiled = wordlists._lists(None)
    gate = compiled.gate
    for text in _texts():
        words = re.findall(r"\w+", text)
        gate._bits(words)
        flagged = any(gate._word[w] & gate._digit for w in words)
        assert flagged == bool(re.search(r"\d", text)), text


def _facts(gate, text):
    seen = gate.seen(text)
    # Each word some entry may start at, with those entries' bits: what any query reads.
    words = [(at - seen._base, bits & gate._starts) for at, bits in zip(seen._offsets, seen._bits) if bits & gate._starts]
    return seen.mask, words, seen.word_starts(gate._starts), seen.digits()


def test_priming_sections_with_and_without_substrings_gates_as_reading_each_sentence():
    """Substrings are looked for once per primed section: a sentence's mask is still its own."""
    rng = random.Random(11)
    texts = _texts()
    for config in (None, Config(words=_EXTRA)):
        compiled = wordlists._lists(config)
        for _ in range(60):
            sentences = [rng.choice(texts).strip() or "x" for _ in range(rng.randint(1, 6))]
            section = ". ".join(sentences)
            spans, at = [], 0
            for s in sentences:
                spans.append((at, at + len(s)))
                at += len(s) + 2
            gate = compiled.gate  # the one ``prime`` fills
            textcache.clear_text_caches()
            expected = {(a, b): _facts(gate, section[a:b]) for a, b in spans}
            textcache.clear_text_caches()
            wordlists.prime(section, spans, config)
            for (a, b), facts in expected.items():
                assert _facts(gate, section[a:b]) == facts, section[a:b]
    textcache.clear_text_caches()


def test_remembered_folds_equal_fresh_ones_and_are_forgotten_with_the_text_memos():
    """fold() remembers what it made of a non-ASCII text (a section is folded by several rules);
    the remembered form is the one character-by-character folding gives."""
    from linting.core import wordgate

    textcache.clear_text_caches()
    for text in _texts():
        reference = text.translate(wordgate._FOLD)
        assert wordgate.fold(text) == reference, text
        assert wordgate.fold(text) == reference, text  # the second time from the memo
    assert wordgate._FOLDS
    textcache.clear_text_caches()
    assert not wordgate._FOLDS
