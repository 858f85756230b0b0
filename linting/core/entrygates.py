"""What a word-list entry needs for a match: where it can start, and words it must contain.

Read once per entry, never per text: plain phrases directly, ``re:`` entries from the regex as
Python's own parser reads it. Whatever cannot be worked out is "try it everywhere", so the gate
built from these facts (``wordgate``) never loses a match.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from re import _constants as _C
from re import _parser as _parser

from .wordgate import _WORD_RUN, fold

_PUNCT_RUN = re.compile(r"[^\w\s]+")
_ANCHORS = (_C.AT_BOUNDARY, _C.AT_BEGINNING, _C.AT_BEGINNING_STRING)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)
_MAX_GATES = 64


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# re.IGNORECASE finds Greek iota (a word character) equal to U+0345 (a combining mark, not a word
# character): an entry spelling such a letter may match where no word of the text starts, so it
# is always tried. tests/core/test_entry_facts.py checks no other class mixes the two kinds.
_TWO_FACED = fold("\u0345")


def _two_faced(items) -> bool:
    """Whether a parsed regex reads a literal (or a range holding one) of the two-faced class."""
    for item in items:
        if isinstance(item, tuple) and len(item) == 2 and item[0] in (_C.LITERAL, _C.NOT_LITERAL):
            if fold(chr(item[1])) == _TWO_FACED:
                return True
        elif isinstance(item, tuple) and len(item) == 2 and item[0] is _C.RANGE:
            if any(fold(chr(c)) == _TWO_FACED for c in range(item[1][0], item[1][1] + 1)):
                return True
        elif isinstance(item, (tuple, list, _parser.SubPattern)) and _two_faced(item):
            return True
    return False


def entry_gates(entry: str) -> tuple[list, list[str]]:
    """(gates, keys) for one entry. Any one gate must hold; so must one of the keys, if any.

    Gates: ("stem", s) a word starting with s, the match starting there; ("first", s) the same
    for the text's first word; ("sub", s) the substring s; ("digit",) a digit; ("wdigit",) a
    word starting with a digit (``\\b\\d``), the match starting there; ("begin",) anything,
    the match starting at the text's start; None anything, anywhere. Keys are stems of words
    the match needs somewhere (the rarest-looking group the entry spells out).
    """
    return entry_facts(entry)[:2]


def entry_facts(entry: str) -> tuple[list, list[str], str, list[list[str]]]:
    """(gates, keys, need, more): ``entry_gates`` plus punctuation the match must contain ("%"),
    or "", and further key groups the match needs as well (each one word of, all of them).

    The need is a run of literal non-word characters every match spells out ("%", ":"): a cheap
    substring test that closes entries a digit or a common word would otherwise open.
    """
    if entry.startswith("re:"):
        try:
            parsed = _parser.parse(entry[3:], re.IGNORECASE)
            if _two_faced(list(parsed)):
                return [None], [], "", []
            line_starts = bool(parsed.state.flags & re.MULTILINE)
            gates = _starts(list(parsed), _NOWHERE, "", line_starts)
            needs: list[str] = []
            groups = _required(list(parsed), False, needs)
        except Exception:  # noqa: BLE001 - an odd regex is simply always tried
            gates, groups, needs = None, [], []
        gates = [None] if gates is None else gates
        starts = {g[1] for g in gates if g and g[0] in ("stem", "first")}
        keys = _best(groups, starts)
        return gates, keys, max(needs, key=len, default=""), _more(groups, keys, starts)
    # A plain entry's words are literal (less a trailing "*"), each after whitespace: every run
    # of word characters in them starts a word of the text ("pain-free" needs "free" and "-").
    literal = [w[:-1] if w.endswith("*") else w for w in entry.split()]
    stem = literal[0] if literal else ""
    if not stem or _TWO_FACED in fold(entry):
        return [None], [], "", []
    lead = _WORD_RUN.match(stem)
    runs = [m.group() for w in literal for m in _WORD_RUN.finditer(w)]
    later = [[fold(run)] for run in runs[1 if lead else 0 :]]  # the lead is the gate's stem
    gates = [("stem", fold(lead.group()))] if lead else [("sub", fold(stem))]
    starts = {gates[0][1]} if lead else set()
    keys = _best(later, starts)
    need = max((fold(p) for w in literal for p in _PUNCT_RUN.findall(w)), key=len, default="")
    return gates, keys, need, _more(later, keys, starts)


# Stems shorter than this open too many texts to be worth a key. Even two-letter ones ("is", "in")
# close many texts that hold the rest of an entry's words.
_MIN_RARITY = 2
MORE_KEYS = 2  # further key groups used per entry (each costs the gate one more pass per text)


def _more(groups: list[list[str]], keys: list[str], starts: set[str]) -> list[list[str]]:
    """Up to MORE_KEYS further groups (besides ``keys``), rarest-looking first."""
    if not keys:
        return []
    rest = [g for g in groups if g != keys and _rarity(g) >= _MIN_RARITY and not set(g) <= starts]
    rest.sort(key=_rarity, reverse=True)
    out: list[list[str]] = []
    for g in rest:
        if g not in out:
            out.append(g)
    return out[:MORE_KEYS]


def _best(groups: list[list[str]], starts: set[str] = frozenset()) -> list[str]:
    """The rarest-looking group (long words are rare words), if rare enough.

    A group of the words the match starts with only if there is no other: the gate asks for those already.
    """
    best = max(groups, key=lambda g: (not set(g) <= starts, _rarity(g)), default=[])
    return best if best and _rarity(best) >= _MIN_RARITY else []


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
            # After \\b a digit starts a word (it is a word character): read only such words.
            return [("wdigit",) if at == _WORD_START else ("digit",)] + [("sub", fold(c)) for c in chars]
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


def _required(seq: list, after_break: bool, needs: list[str] | None = None) -> list[list[str]]:
    """Groups of stems the regex needs: one word of each group must start a word of the text.

    ``after_break``: the position is at a word boundary or right after a non-word character,
    so a literal word read here starts a word of the text. Runs of literal non-word, non-space
    characters the regex needs are appended to ``needs``.
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
            if needs is not None:
                needs += [fold(p) for p in _PUNCT_RUN.findall(text)]
            after_break = not _is_word(text[-1])
        elif op is _C.IN:
            stems = _class_stems(av) if after_break else None
            if stems:
                groups.append(stems)
            after_break = _non_word_class(av)
        elif op in _REPEATS:
            lo, _, sub = av
            inner = _flat(list(sub))
            if lo >= 1:
                groups += _required(inner, after_break, needs)
            # Zero repeats leave the position as it was; one or more end where the body ends.
            ends = _ends_with_break(inner)
            after_break = ends if lo >= 1 else (after_break and ends)
        elif op is _C.BRANCH:
            group = _branch_group(av[1], after_break)
            if group:
                groups.append(group)
            after_break = _ends_with_break([(op, av)])
        else:
            after_break = False
    return groups


def _ends_with_break(items: list) -> bool:
    """Whatever the items match ends with a non-word character (so a word may start after it)."""
    if not items:
        return False
    op, av = items[-1]
    if op is _C.IN:
        return _non_word_class(av)
    if op is _C.LITERAL:
        return not _is_word(chr(av))
    if op in _REPEATS and av[0] >= 1:
        return _ends_with_break(_flat(list(av[2])))
    if op is _C.BRANCH:
        return all(_ends_with_break(_flat(list(alt))) for alt in av[1])
    return False


def _branch_group(alternatives: list, after_break: bool) -> list[str]:
    """Stems one of which a match through the branch needs: the rarest-looking group each
    alternative needs, pooled ("a\\s+lifetime|for\\s+life" needs "lifetime" or "life"); none
    when some alternative needs no word."""
    pooled: list[str] = []
    for alt in alternatives:
        best = max(_required(list(alt), after_break), key=_rarity, default=None)
        if best is None:
            return []
        pooled += [stem for stem in best if stem not in pooled]
    return pooled


def _rarity(group: list[str]) -> int:
    """How rare words starting with one of the stems look: the shortest stem's length, a digit
    counting as three letters (most sentences hold no number)."""
    return min(3 if stem.isdecimal() else len(stem) for stem in group)


@lru_cache(maxsize=1)
def _digits() -> list[str]:
    """Every character ``\\d`` matches (str patterns read Unicode decimal digits)."""
    return [ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isdecimal()]


def _class_stems(items) -> list[str] | None:
    """The one-character stems of a class of word characters (``\\d``, ``[0-9]``), else None."""
    if len(items) == 1 and items[0] == (_C.CATEGORY, _C.CATEGORY_DIGIT):
        return _digits()
    chars = _class_chars(items)
    if not chars or not all(map(_is_word, chars)):
        return None
    return list(dict.fromkeys(map(fold, chars)))


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
