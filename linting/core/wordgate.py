"""Which word-list entries could match a text, and where their matches could start.

Matching every list against every sentence is most of the linter's work, and most entries
cannot match most sentences. An entry's match must start with something the text visibly
holds: a word beginning with a stem (when the entry starts at a word boundary), a substring, a
digit; and it needs every word it spells out later (a rare one, such as "recent" in "a recent
study", is a "key"). The gate reads that off each entry once (plain phrases directly, ``re:``
entries from the parsed regex) and, per text, tells in one pass over its words which entries
may match and at which offsets. Anything it cannot work out is simply always tried, so the
matches are exactly those of the full regex. Text and stems are folded the way re.IGNORECASE
compares characters: simple lower case plus the few extra equivalences it knows.
"""

from __future__ import annotations

import re
from functools import reduce
from itertools import compress
from operator import or_

import _sre
from re import _constants as _C
from re import _parser as _parser

_WORD_RUN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_START = re.Match.start
_ANCHORS = (_C.AT_BOUNDARY, _C.AT_BEGINNING, _C.AT_BEGINNING_STRING)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)
_MAX_GATES = 64
_CACHE_LIMIT = 100_000  # distinct words remembered
_TEXTS_KEPT = 2_000  # texts remembered: about the sentences and sections of a few articles


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


def fold(text: str) -> str:
    """``text`` folded so that two strings re.IGNORECASE finds equal fold to the same string."""
    low = text.lower()
    if text.isascii():
        return low
    # str.lower() is the simple lower case except where it changes the length (U+0130).
    if len(low) == len(text) and not _UNFOLDED.search(low):
        return low
    return text.translate(_FOLD)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def entry_gates(entry: str) -> tuple[list, list[str]]:
    """(gates, keys) for one entry. Any one gate must hold; so must one of the keys, if any.

    Gates: ("stem", s) a word starting with s, the match starting there; ("first", s) the same
    for the text's first word; ("sub", s) the substring s; ("digit",) a digit; ("begin",)
    anything, the match starting at the text's start; None anything, anywhere. Keys are stems
    of words the match needs somewhere (the rarest-looking group the entry spells out).
    """
    if entry.startswith("re:"):
        try:
            parsed = _parser.parse(entry[3:], re.IGNORECASE)
            line_starts = bool(parsed.state.flags & re.MULTILINE)
            gates = _starts(list(parsed), _NOWHERE, "", line_starts)
            groups = _required(list(parsed), False)
        except Exception:  # noqa: BLE001 - an odd regex is simply always tried
            gates, groups = None, []
        return ([None] if gates is None else gates), _best(groups)
    words = entry.split()
    stem = (words[0][:-1] if words[0].endswith("*") else words[0]) if words else ""
    if not stem:
        return [None], []
    lead = _WORD_RUN.match(stem)
    later = [_WORD_RUN.match(w) for w in words[1:]]
    keys = _best([[fold(m.group())] for m in later if m])
    return ([("stem", fold(lead.group()))] if lead else [("sub", fold(stem))]), keys


def _best(groups: list[list[str]]) -> list[str]:
    """The group whose shortest stem is longest (long words are rare words); none under 3."""
    best = max(groups, key=lambda g: min(map(len, g)), default=[])
    return best if best and min(map(len, best)) >= 3 else []


# Where a match can start, as far as the regex read so far says.
_NOWHERE, _WORD_START, _TEXT_START = 0, 1, 2


def _starts(seq: list, at: int, prefix: str, multiline: bool = False) -> list | None:
    """Gates for a parsed regex sequence; ``prefix`` is the word stem read so far at a word start."""
    i = 0
    while i < len(seq):
        op, av = seq[i]
        rest = seq[i + 1 :]
        if op is _C.SUBPATTERN:
            if av[1] or av[2]:
                return _stop(at, prefix)  # inline flags
            return _starts(list(av[3]) + rest, at, prefix, multiline)
        if op is _C.BRANCH:
            return _union([list(alt) + rest for alt in av[1]], at, prefix, multiline)
        if op is _C.IN:
            chars = _class_chars(av)
            if chars is not None:
                return _union([[(_C.LITERAL, ord(c))] + rest for c in chars], at, prefix, multiline)
            digits, chars = _digit_class(av)
            if prefix or not digits:
                return _stop(at, prefix)
            return [("digit",)] + [("sub", fold(c)) for c in chars]
        if op is _C.LITERAL:
            ch = chr(av)
            if prefix or (at and _is_word(ch)):
                if not _is_word(ch):
                    return _stop(at, prefix)
                prefix += fold(ch)
                i += 1
                continue
            text = ""
            while i < len(seq) and seq[i][0] is _C.LITERAL:
                text += chr(seq[i][1])
                i += 1
            return [("sub", fold(text))]
        if prefix:
            return _stop(at, prefix)
        if op is _C.AT:
            if av is _C.AT_BEGINNING_STRING or (av is _C.AT_BEGINNING and not multiline):
                at = _TEXT_START
            elif av in _ANCHORS:
                at = max(at, _WORD_START)
        elif op in _REPEATS:
            lo, _, sub = av
            first = _starts(list(sub), at, "", multiline)
            if lo >= 1 or first is None:
                return first
            later = _starts(rest, at, "", multiline)
            return None if later is None else first + later
        elif op not in (_C.ASSERT, _C.ASSERT_NOT):
            return _stop(at, "")
        i += 1
    return _stop(at, prefix)


def _stop(at: int, prefix: str) -> list | None:
    """The gate for what has been read when reading can go no further."""
    if prefix:
        return [("first" if at == _TEXT_START else "stem", prefix)]
    return [("begin",)] if at == _TEXT_START else None


def _union(branches: list, at: int, prefix: str, multiline: bool) -> list | None:
    out: list = []
    for seq in branches:
        gates = _starts(seq, at, prefix, multiline)
        if gates is None or len(out) + len(gates) > _MAX_GATES:
            return _stop(at, prefix)
        out += gates
    return out


def _flat(seq: list) -> list:
    """The sequence with flag-free groups opened up."""
    out: list = []
    for op, av in seq:
        if op is _C.SUBPATTERN and not av[1] and not av[2]:
            out += _flat(list(av[3]))
        else:
            out.append((op, av))
    return out


def _required(seq: list, after_break: bool) -> list[list[str]]:
    """Groups of stems the regex needs: one word of each group must start a word of the text.

    ``after_break``: the position is at a word boundary or right after a non-word character,
    so a literal word read here starts a word of the text.
    """
    groups: list[list[str]] = []
    items = _flat(seq)
    i = 0
    while i < len(items):
        op, av = items[i]
        i += 1
        if op is _C.AT:
            after_break = av in _ANCHORS
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            continue
        elif op is _C.LITERAL:
            text = chr(av)
            while i < len(items) and items[i][0] is _C.LITERAL:
                text += chr(items[i][1])
                i += 1
            lead = _WORD_RUN.match(text)
            if after_break and lead:
                groups.append([fold(lead.group())])
            after_break = not _is_word(text[-1])
        elif op is _C.IN:
            after_break = _non_word_class(av)
        elif op in _REPEATS:
            lo, _, sub = av
            inner = _flat(list(sub))
            if lo >= 1:
                groups += _required(inner, after_break)
            after_break = lo >= 1 and len(inner) == 1 and inner[0][0] is _C.IN and _non_word_class(inner[0][1])
        elif op is _C.BRANCH:
            stems = [_leading_word(_flat(list(alt)), after_break) for alt in av[1]]
            if stems and None not in stems:
                groups.append(stems)
            after_break = False
        else:
            after_break = False
    return groups


def _leading_word(items: list, after_break: bool) -> str | None:
    """The stem a branch alternative starts with, when it surely starts a word."""
    for i, (op, av) in enumerate(items):
        if op is _C.AT:
            after_break = av in _ANCHORS
        elif op not in (_C.ASSERT, _C.ASSERT_NOT):
            if not (op is _C.LITERAL and after_break and _is_word(chr(av))):
                return None
            text = ""
            for op2, av2 in items[i:]:
                if op2 is not _C.LITERAL or not _is_word(chr(av2)):
                    break
                text += chr(av2)
            return fold(text)
    return None


def _non_word_class(items) -> bool:
    """The class matches only non-word characters (whitespace, punctuation)."""
    for op, av in items:
        if op is _C.CATEGORY and av in (_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD):
            continue
        if op is _C.LITERAL and not _is_word(chr(av)):
            continue
        return False
    return True


def _class_chars(items) -> list[str] | None:
    """The characters of a small class made of literals and short ranges, else None."""
    chars: list[str] = []
    for op, av in items:
        if op is _C.LITERAL:
            chars.append(chr(av))
        elif op is _C.RANGE and av[1] - av[0] <= 10:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars


def _digit_class(items) -> tuple[bool, list[str]]:
    """(True, literal chars) for a class of digits plus literal characters, like ``[0-9,.]``."""
    digits, chars = False, []
    for op, av in items:
        if op is _C.CATEGORY and av is _C.CATEGORY_DIGIT:
            digits = True
        elif op is _C.LITERAL:
            chars.append(chr(av))
        else:
            return False, []
    return digits, chars


class _Seen:
    """What the gate found in one text: entries that may match, and where matches may start."""

    __slots__ = ("mask", "text", "results", "_bits", "_runs", "_digits", "_folded")

    def __init__(self, text: str, bits: list[int]) -> None:
        self.text, self.mask, self._bits = text, 0, bits
        self.results: tuple[dict, dict, dict] = ({}, {}, {})  # list name -> result, per kind
        self._runs: list[tuple[int, int]] | None = None
        self._digits: list[int] | None = None
        self._folded: str | None = None

    def runs(self) -> list[tuple[int, int]]:
        """(offset, entry bits) of each word some entry may start at."""
        if self._runs is None:
            offsets = map(_START, _WORD_RUN.finditer(self.text))
            self._runs = list(compress(zip(offsets, self._bits), self._bits))
        return self._runs

    def digits(self) -> list[int]:
        if self._digits is None:
            self._digits = list(map(_START, _DIGIT.finditer(self.text)))
        return self._digits

    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)  # one character per character: offsets hold
        return self._folded

    def occurrences(self, sub: str) -> list[int]:
        folded = self.folded()
        found, at = [], folded.find(sub)
        while at != -1:
            found.append(at)
            at = folded.find(sub, at + 1)
        return found


class Gate:
    """Which entries could match a text (a bit mask over every entry of every list), and where."""

    def __init__(self, per_entry: dict[int, tuple[list, list[str]]]) -> None:
        self.stems: dict[str, int] = {}
        self.firsts: dict[str, int] = {}
        self.subs: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.digit = self.begin = self.always = self.keyed = 0
        tables = {"stem": self.stems, "first": self.firsts, "sub": self.subs}
        for bit, (gates, keys) in per_entry.items():
            for gate in gates:
                if gate is None:
                    self.always |= bit
                elif gate[0] == "digit":
                    self.digit |= bit
                elif gate[0] == "begin":
                    self.begin |= bit
                else:
                    table = tables[gate[0]]
                    table[gate[1]] = table.get(gate[1], 0) | bit
            for key in keys:
                self.keys[key] = self.keys.get(key, 0) | bit
            if keys:
                self.keyed |= bit
        self._longest = max(map(len, [*self.stems, *self.firsts, *self.keys]), default=0)
        # Does the text hold any of the substrings? (one scan; most texts hold none)
        self._any_sub = re.compile("|".join(map(re.escape, sorted(self.subs, key=len, reverse=True)))) if self.subs else None
        self._starting: dict[str, int] = {}  # word -> entries that may start at it
        self._keying: dict[str, int] = {}  # word -> entries whose key it is
        self._firsting: dict[str, int] = {}  # first word of a text -> entries that may start there
        self._texts: dict[str, _Seen] = {}

    def _stem_bits(self, word: str, stems: dict[str, int]) -> int:
        folded, bits = fold(word), 0
        for k in range(1, min(len(folded), self._longest) + 1):
            bits |= stems.get(folded[:k], 0)
        return bits

    def _learn(self, words: list[str]) -> None:
        if len(self._starting) > _CACHE_LIMIT:
            self.forget_words()
        for word in set(words):
            self._starting[word] = self._stem_bits(word, self.stems)
            self._keying[word] = self._stem_bits(word, self.keys)

    def seen(self, text: str) -> _Seen:
        seen = self._texts.get(text)
        if seen is not None:
            return seen
        words = _WORD_RUN.findall(text)
        bits = list(map(self._starting.get, words))
        if None in bits:
            self._learn(words)
            bits = list(map(self._starting.get, words))
        if self.firsts and words and text.startswith(words[0]):
            first = self._firsting.get(words[0])
            if first is None:
                first = self._firsting[words[0]] = self._stem_bits(words[0], self.firsts)
            bits[0] |= first
        seen = _Seen(text, bits)
        mask = reduce(or_, filter(None, bits), self.always | self.begin)
        if self.digit & ~mask and _DIGIT.search(text):
            mask |= self.digit
        if self._any_sub is not None and self._any_sub.search(seen.folded()):
            for sub, sub_bits in self.subs.items():
                if sub_bits & ~mask and sub in seen.folded():
                    mask |= sub_bits
        if mask & self.keyed:
            mask &= ~self.keyed | reduce(or_, filter(None, map(self._keying.get, words)), 0)
        seen.mask = mask
        if len(self._texts) > _TEXTS_KEPT:
            self._texts.clear()
        self._texts[text] = seen
        return seen

    def forget_texts(self) -> None:
        """Drop the per-text memo (what each remembered text may match)."""
        self._texts.clear()

    def forget_words(self) -> None:
        """Drop the per-word memo (which entries may start at, or be keyed by, each word)."""
        self._starting.clear()
        self._keying.clear()
        self._firsting.clear()

    def starts(self, seen: _Seen, mask: int) -> list[int] | None:
        """Sorted offsets where entries in ``mask`` may match; None when any may match anywhere."""
        if mask & self.always:
            return None
        found = [at for at, bits in seen.runs() if bits & mask]
        extra = bool(mask & (self.digit | self.begin))
        if mask & self.begin:
            found.append(0)
        if mask & self.digit:
            found += seen.digits()
        for sub, bits in self.subs.items():
            if bits & mask:
                found += seen.occurrences(sub)
                extra = True
        return sorted(set(found)) if extra else found
