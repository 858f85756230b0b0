"""Which word-list entries could match a text, and where their matches could start.

Matching every list against every sentence is most of the linter's work, and most entries
cannot match most sentences. An entry's match must start with something the text visibly
holds: a word beginning with a stem (when the entry starts at a word boundary), a substring, a
digit; and it needs every word it spells out later (a rare one, such as "recent" in "a recent
study", is a "key"). ``entrygates`` reads that off each entry once; the gate, per text, tells
in one pass over its words which entries may match and at which offsets. A section and its
sentences are gated from one scan (``Gate.prime``). Anything the entry reading cannot work out
is simply always tried, so the matches are exactly those of the full regex. Text and stems are folded the way re.IGNORECASE
compares characters: simple lower case plus the few extra equivalences it knows.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import reduce
from itertools import accumulate
from operator import or_

import _sre

_WORD_RUN = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")  # the same words, with the gaps between them
_DIGIT = re.compile(r"\d")
_TWO_WORD_CHARS = re.compile(r"\w\w")  # a cut between them would split a word
_START = re.Match.start
_CACHE_LIMIT = 100_000  # distinct words remembered
_TEXTS_KEPT = 2_000  # texts remembered: about the sentences and sections of a few articles


# text -> (words, word offsets) of texts scanned by ``scan``: a section scanned to prime its
# sentences for one gate is not split again when another gate is asked about the whole of it.
_SCANS: dict[str, tuple[list[str], list[int]]] = {}


def scan(text: str) -> tuple[list[str], list[int]]:
    """The words of ``text`` and their offsets, from one split (remembered per text)."""
    found = _SCANS.get(text)
    if found is None:
        # split keeps the words (odd items) between the gaps, and the running length of
        # the pieces before a word is its offset.
        parts = _WORD_SPLIT.split(text)
        words = parts[1::2]
        found = (words, list(accumulate(map(len, parts)))[0 : 2 * len(words) : 2])
        if len(_SCANS) > _TEXTS_KEPT:
            _SCANS.clear()
        _SCANS[text] = found
    return found


def forget_scans() -> None:
    """Forget the words and the folded form remembered per text."""
    _SCANS.clear()
    _FOLDS.clear()


def _extra_equivalents() -> dict[int, str]:
    from re import _casefix

    groups: dict[int, set[int]] = {}
    for code, others in _casefix._EXTRA_CASES.items():
        group = {code, *others}
        for c in list(group):
            group |= groups.get(c, set())
        for c in group:
            groups[c] = group
    return {c: chr(min(g)) for c, g in groups.items()}


_EXTRA = _extra_equivalents()


class _FoldTable(dict):
    def __missing__(self, code: int) -> str:
        low = _sre.unicode_tolower(code)
        self[code] = ch = _EXTRA.get(low, chr(low))
        return ch


_FOLD = _FoldTable()


# Characters str.lower() leaves different from the folded form (the extra equivalences).
_UNFOLDED = re.compile("[" + "".join(re.escape(c) for c in map(chr, _EXTRA) if _EXTRA[ord(c)] != c) + "]")


def caseless(text: str) -> bool:
    """No character of ``text`` has a case: re.IGNORECASE matches it only by itself, so it can be
    looked for in the text as written, without folding the text first."""
    return all(
        (ch.isascii() and not ch.isalpha()) or (unicodedata.category(ch)[0] in "PS" and ch.lower() == ch == ch.upper())
        for ch in text
    )


def offsets_of(text: str, sub: str) -> list[int]:
    """Every offset where ``sub`` occurs in ``text``, overlapping occurrences included."""
    found, at = [], text.find(sub)
    while at != -1:
        found.append(at)
        at = text.find(sub, at + 1)
    return found


# text -> fold(text), for texts that are not ASCII: a section is folded by the link finder when
# it is parsed, then by readability and the dangling-link rule; the first pays for all.
_FOLDS: dict[str, str] = {}


def fold(text: str) -> str:
    """``text`` folded so that two strings re.IGNORECASE finds equal fold to the same string."""
    if text.isascii():
        return text.lower()
    found = _FOLDS.get(text)
    if found is None:
        low = text.lower()
        # str.lower() is the simple lower case except where it changes the length (U+0130).
        found = low if len(low) == len(text) and not _UNFOLDED.search(low) else text.translate(_FOLD)
        if len(_FOLDS) > _TEXTS_KEPT:
            _FOLDS.clear()
        _FOLDS[text] = found
    return found


# ASCII bytes: word characters lower-cased (as re.IGNORECASE folds ASCII), every other byte a space.
ASCII_WORD_BYTES = bytes(ord(chr(b).lower()) if chr(b).isalnum() or chr(b) == "_" else 32 for b in range(128)) + b" " * 128


def folded_words(text: str) -> list[str]:
    """The runs of word characters of ``text``, folded as re.IGNORECASE compares them."""
    if text.isascii():
        # One byte table lower-cases the word characters and turns the others into spaces,
        # which split then drops.
        return text.encode("ascii").translate(ASCII_WORD_BYTES).decode("ascii").split()
    return fold(" ".join(_WORD_RUN.findall(text))).split(" ")


class _Seen:
    """What the gate found in one text: entries that may match, and where matches may start."""

    __slots__ = ("mask", "text", "results", "_bits", "_offsets", "_base", "_digits", "_folded")

    def __init__(self, text: str, bits: list[int], offsets: list[int], base: int) -> None:
        # bits: the per-word ints of the text's words; offsets: theirs, counted from ``base``.
        self.text, self.mask, self._bits, self._offsets, self._base = text, 0, bits, offsets, base
        self.results: tuple[dict, dict, dict] = ({}, {}, {})  # list name -> result, per kind
        self._digits: list[int] | None = None
        self._folded: str | None = None

    def word_starts(self, mask: int) -> list[int]:
        """Offsets (in the text) of the words some entry of ``mask`` may start at, in order.

        Read straight off the words' ints for each query: most texts are asked a query or two,
        and a list of candidate words built once per text cost more than it saved."""
        found = [at for at, bits in zip(self._offsets, self._bits) if bits & mask]
        base = self._base
        return [at - base for at in found] if base and found else found

    def digits(self) -> list[int]:
        if self._digits is None:
            self._digits = list(map(_START, _DIGIT.finditer(self.text)))
        return self._digits

    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)  # one character per character: offsets hold
        return self._folded

    def occurrences(self, sub: str, as_written: bool = False) -> list[int]:
        """Offsets of ``sub`` (folded); ``as_written``: it is caseless, so the text need not be folded."""
        return offsets_of(self.text if as_written else self.folded(), sub)


class Gate:
    """Which entries could match a text, and where.

    Each entry gets a bit (``bits``, in the order given); a text's ``mask`` holds the bits of
    the entries that could match it. The bits after an entry's own are its helpers: the next
    one, if the entry has keys, stands for "a word holds a key", the k-th one after that for
    "a word holds one of the k-th further key group". So one int per word, OR-ed over a text's
    words, answers every question at once, and is as short as the entries' facts allow.
    """

    def __init__(self, facts: list[tuple]) -> None:
        self.bits: list[int] = []
        self.stems: dict[str, int] = {}  # stem -> entries that may start at a word beginning so, and their helpers
        self.firsts: dict[str, int] = {}
        self.subs: dict[str, int] = {}
        self.needs: dict[str, int] = {}  # punctuation an entry's match must contain -> entries
        self.digit = self.wdigit = self.begin = self.always = self.keyed = 0
        tables = {"stem": self.stems, "first": self.firsts, "sub": self.subs}
        keyed_in: list[int] = []  # per further key group: the entries with one
        at = 0
        for gates, keys, *rest in facts:
            need, more = (rest + ["", []])[:2]
            bit = 1 << at
            self.bits.append(bit)
            at += 1 + (1 + len(more) if keys else 0)
            if need:
                self.needs[need] = self.needs.get(need, 0) | bit
            for gate in gates:
                if gate is None:
                    self.always |= bit
                elif gate[0] == "digit":
                    self.digit |= bit
                elif gate[0] == "wdigit":
                    self.wdigit |= bit
                elif gate[0] == "begin":
                    self.begin |= bit
                else:
                    table = tables[gate[0]]
                    table[gate[1]] = table.get(gate[1], 0) | bit
            if not keys:
                continue  # further groups count only beside keys (as entrygates gives them)
            self.keyed |= bit
            for slot, group in enumerate([keys, *more], 1):
                if slot > len(keyed_in):
                    keyed_in.append(0)
                keyed_in[slot - 1] |= bit
                for key in group:
                    self.stems[key] = self.stems.get(key, 0) | bit << slot
        # A substring of word characters occurs in a text exactly when one of its words holds it,
        # so such substrings are read off the words, once per word. (Characters re.IGNORECASE
        # finds equal fold alike and are all word characters or none, tests/core/test_entry_facts.py
        # checks; iota, the exception, folds to U+0345, which is none.)
        self._word_subs = {s: b for s, b in self.subs.items() if all(ch.isalnum() or ch == "_" for ch in s)}
        # The substrings still looked for in each text; one that holds another substring with
        # the same entries (or more) adds nothing: "us$" is never found without "$".
        text_subs = [
            sub for sub, bits in self.subs.items()
            if sub not in self._word_subs
            and not any(other != sub and other in sub and bits & ~more == 0 for other, more in self.subs.items())
        ]
        self._text_subs = {sub: self.subs[sub] for sub in text_subs}
        self._starts = reduce(or_, self.bits, 0)
        self._needed = reduce(or_, self.needs.values(), 0)
        self._slots = [(keyed, ~keyed, slot) for slot, keyed in enumerate(keyed_in, 1)]
        self._digit = 1 << at  # past every entry's bits: "a word holds a digit"
        # Entries that may start elsewhere than at a word the text holds.
        self._elsewhere = reduce(or_, self.subs.values(), self.digit | self.begin)
        self._longest = max(map(len, [*self.stems, *self.firsts]), default=0)
        # Does the text hold any of the substrings? (one scan; most texts hold none)
        subs = self._text_subs
        self._any_sub = re.compile("|".join(map(re.escape, sorted(subs, key=len, reverse=True)))) if subs else None
        # Substrings and needs made only of caseless characters ("£", "%", ":") are looked for in
        # the text as written: most texts then never need folding.
        self._subs_as_written = all(map(caseless, subs))
        self._caseless = frozenset(filter(caseless, self.subs))
        self._needs_as_written = all(map(caseless, self.needs))
        self._word: dict[str, int] = {}  # word -> the OR of its stems' bits (and _digit)
        self._firsting: dict[str, int] = {}  # first word of a text -> entries that may start there
        self._texts: dict[str, _Seen] = {}

    def _stem_bits(self, word: str, stems: dict[str, int]) -> int:
        folded, bits = fold(word), 0
        for k in range(1, min(len(folded), self._longest) + 1):
            bits |= stems.get(folded[:k], 0)
        return bits

    def _sub_bits(self, word: str) -> int:
        folded = fold(word)
        return reduce(or_, [bits for sub, bits in self._word_subs.items() if sub in folded], 0)

    def _learn(self, words: list[str]) -> None:
        if len(self._word) > _CACHE_LIMIT:
            self.forget_words()
        for word in set(words):
            bits = self._stem_bits(word, self.stems) | (self.wdigit if word[0].isdecimal() else 0)
            if self._word_subs:
                bits |= self._sub_bits(word)
            # \d matches only inside \w+ runs (decimal digits are word characters): a text
            # holds a digit exactly when one of its words does.
            self._word[word] = bits | self._digit if _DIGIT.search(word) else bits

    def seen(self, text: str) -> _Seen:
        seen = self._texts.get(text)
        if seen is not None:
            return seen
        words, offsets = _SCANS.get(text) or scan(text)
        return self._remember(self._judge(text, words[0] if words else "", self._bits(words), offsets, 0, self._any_sub is not None))

    def prime(self, text: str, spans) -> None:
        """Gate each ``text[start:end]`` of ``spans`` from one scan of the words of ``text``.

        A section's sentences are read off by offsets instead of every sentence being scanned
        when a rule first asks. The section itself is gated only if someone asks (``seen``):
        rules read few lists over whole sections. A span that would cut a word in two is left
        to ``seen``. Results are those ``seen`` gives.
        """
        memo = self._texts
        size = len(text)
        todo = []
        for start, end in spans:
            piece = text[start:end]
            if piece in memo or (start and _TWO_WORD_CHARS.match(text, start - 1)):
                continue
            if end < size and _TWO_WORD_CHARS.match(text, end - 1):
                continue
            todo.append((start, end, piece))
        if not todo:
            return  # unchanged sentences, gated already (lint-on-save)
        words, offsets = _SCANS.get(text) or scan(text)
        if not words:
            return
        bits = self._bits(words)
        # A piece holds a substring only if the whole text does: most texts hold none.
        subs = self._any_sub is not None and (not self._subs_as_written or self._any_sub.search(text) is not None)
        for start, end, piece in todo:
            i = bisect_left(offsets, start)
            j = bisect_left(offsets, end, i)
            self._remember(self._judge(piece, words[i] if i < j else "", bits[i:j], offsets[i:j], start, subs))

    def _bits(self, words: list[str]) -> list[int]:
        bits = list(map(self._word.get, words))
        if None in bits:
            self._learn(words)
            bits = list(map(self._word.get, words))
        return bits

    def _judge(self, text: str, word: str, bits: list[int], offsets: list[int], base: int, subs: bool) -> _Seen:
        """What may match in ``text``, given its first word ("" if none), its words' (fresh,
        editable) ints and offsets (counted from ``base``); ``subs``: whether the text may hold
        one of the substrings."""
        if self.firsts and word and text.startswith(word):
            first = self._firsting.get(word)
            if first is None:
                first = self._firsting[word] = self._stem_bits(word, self.firsts)
            bits[0] |= first
        seen = _Seen(text, bits, offsets, base)
        every = reduce(or_, filter(None, bits), 0)
        mask = every & self._starts | self.always | self.begin
        if self.digit and every & self._digit:
            mask |= self.digit
        if subs:
            hay = text if self._subs_as_written else seen.folded()
            if self._any_sub.search(hay):
                for sub_text, sub_bits in self._text_subs.items():
                    if sub_bits & ~mask and sub_text in hay:
                        mask |= sub_bits
        for keyed, unkeyed, slot in self._slots:
            if mask & keyed:
                mask &= unkeyed | every >> slot
        if mask & self._needed:
            hay = text if self._needs_as_written else seen.folded()
            for need, need_bits in self.needs.items():
                if mask & need_bits and need not in hay:
                    mask &= ~need_bits
        seen.mask = mask
        return seen

    def _remember(self, seen: _Seen) -> _Seen:
        if len(self._texts) > _TEXTS_KEPT:
            self._texts.clear()
        self._texts[seen.text] = seen
        return seen

    def forget_texts(self) -> None:
        """Drop the per-text memo (what each remembered text may match)."""
        self._texts.clear()

    def forget_words(self) -> None:
        """Drop the per-word memo (what the gate makes of each word)."""
        self._word.clear()
        self._firsting.clear()

    def starts(self, seen: _Seen, mask: int) -> list[int] | None:
        """Sorted offsets where entries in ``mask`` may match; None when any may match anywhere."""
        if mask & self.always:
            return None
        found = seen.word_starts(mask)
        if not mask & self._elsewhere:
            return found  # only word starts: already sorted and distinct
        extra = bool(mask & (self.digit | self.begin))
        if mask & self.begin:
            found.append(0)
        if mask & self.digit:
            found += seen.digits()
        for sub, bits in self.subs.items():
            if bits & mask:
                found += seen.occurrences(sub, sub in self._caseless)
                extra = True
        return sorted(set(found)) if extra else found
