"""Word lists as data: loaded once from ``linting/core/data/*.toml``, extended by config.

Each TOML file holds named lists::

    [peacock]
    source = "Wikipedia MOS:PEACOCK"
    entries = ["renowned", "world-class", "re:\\bleading\\b(?! cause)"]

An entry is a word or phrase matched case-insensitively as whole words (spaces match any run
of whitespace, a trailing ``*`` matches any word ending), or, with the ``re:`` prefix, a regular
expression. ``config.words[<name>]`` adds entries to the built-in list of that name (Vale-style:
users read and extend the data without touching code).

Matching runs on every sentence for every list, so it is built for speed: each list compiles
once into one regular expression, and a cheap per-text gate (which words, digits or characters
the text holds, computed once per text for all lists) skips the regex when the text cannot
match. Results are exactly those of trying the entries one by one, longest first.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import _sre
from re import _constants as _C
from re import _parser as _parser

if TYPE_CHECKING:
    from .config import Config

DATA_DIR = Path(__file__).with_name("data")
_BOUNDED = (r"(?<![\w-])", r"(?![\w-])")


@lru_cache(maxsize=1)
def builtin_lists() -> dict[str, dict]:
    """All built-in lists: name -> {"source": str, "entries": [str, ...]}."""
    lists: dict[str, dict] = {}
    for path in sorted(DATA_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for name, table in data.items():
            if not isinstance(table, dict) or "entries" not in table:
                continue
            if name in lists:
                raise ValueError(f"word list {name!r} defined twice ({path.name})")
            lists[name] = {"source": table.get("source", ""), "entries": list(table["entries"])}
    return lists


def list_names() -> list[str]:
    return sorted(builtin_lists())


def entries(name: str, config: "Config | None" = None) -> tuple[str, ...]:
    """The built-in entries of list ``name`` plus the ones ``config.words[name]`` adds."""
    base = builtin_lists().get(name)
    if base is None:
        raise KeyError(f"unknown word list {name!r}")
    extra = tuple(config.words.get(name, ())) if config is not None and config.words else ()
    return tuple(base["entries"]) + extra


def _phrase(entry: str) -> str:
    """A plain entry's words as a regex, without the whole-word guards."""
    parts = []
    for w in entry.split():
        parts.append(re.escape(w[:-1]) + r"[\w'-]*" if w.endswith("*") else re.escape(w))
    return r"\s+".join(parts)


def _source(items: tuple[str, ...]) -> str:
    """One alternation, longest entry first ("no side effects" wins over "side effects").

    Consecutive plain entries share one pair of whole-word guards: ``G(?:a|b)H`` tries exactly
    what ``GaH|GbH`` tries, in the same order, but checks the guard once per position.
    """
    parts: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            parts.append(_BOUNDED[0] + "(?:" + "|".join(run) + ")" + _BOUNDED[1])
            run.clear()

    for entry in sorted(items, key=len, reverse=True):
        if entry.startswith("re:"):
            flush()
            parts.append(f"(?:{entry[3:]})")
        else:
            run.append(_phrase(entry))
    flush()
    return "|".join(parts)


@lru_cache(maxsize=8192)
def _compile(items: tuple[str, ...]) -> re.Pattern | None:
    return re.compile(_source(items), re.IGNORECASE) if items else None


# The gate. A match of an entry must start with something the text visibly holds: a word that
# begins with a stem (when the entry starts at a word boundary), a substring, or a digit; an
# entry whose start cannot be worked out is always tried. Text and stems are folded the way
# re.IGNORECASE compares characters: simple lower case plus the few extra equivalences it knows.

_WORD_RUN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
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


def fold(text: str) -> str:
    """``text`` folded so that two strings re.IGNORECASE finds equal fold to the same string."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def entry_gates(entry: str) -> list:
    """What a text must hold for ``entry`` to match, as a list of gates (any one may hold).

    ("stem", s): a word starting with s, the match starting there; ("first", s): the same for
    the text's first word; ("sub", s): the substring s; ("digit",): a digit; ("begin",): anything,
    the match starting at the text's start; None: anything, anywhere.
    """
    if entry.startswith("re:"):
        try:
            parsed = _parser.parse(entry[3:], re.IGNORECASE)
            line_starts = bool(parsed.state.flags & re.MULTILINE)
            gates = _starts(list(parsed), _NOWHERE, "", line_starts)
        except Exception:  # noqa: BLE001 - an odd regex is simply always tried
            gates = None
        return [None] if gates is None else gates
    words = entry.split()
    stem = (words[0][:-1] if words[0].endswith("*") else words[0]) if words else ""
    if not stem:
        return [None]
    lead = _WORD_RUN.match(stem)
    return [("stem", fold(lead.group()))] if lead else [("sub", fold(stem))]


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
    """(True, literal chars) for a class of digits plus literal characters, like ``[\d,.]``."""
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

    __slots__ = ("mask", "runs", "text", "results", "_digits", "_folded")

    def __init__(self, text: str) -> None:
        self.text, self.mask, self.runs = text, 0, []
        self.results: dict = {}
        self._digits: list[int] | None = None
        self._folded: str | None = None

    def digits(self) -> list[int]:
        if self._digits is None:
            self._digits = [m.start() for m in _DIGIT.finditer(self.text)]
        return self._digits

    def occurrences(self, sub: str) -> list[int]:
        if self._folded is None:
            self._folded = fold(self.text)  # one character per character: offsets hold
        found, at = [], self._folded.find(sub)
        while at != -1:
            found.append(at)
            at = self._folded.find(sub, at + 1)
        return found


class Gate:
    """Which entries could match a text (a bit mask over every entry of every list), and where."""

    def __init__(self, per_entry: dict[int, list]) -> None:
        self.stems: dict[str, int] = {}
        self.firsts: dict[str, int] = {}
        self.subs: dict[str, int] = {}
        self.digit = self.begin = self.always = 0
        tables = {"stem": self.stems, "first": self.firsts, "sub": self.subs}
        for bit, gates in per_entry.items():
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
        self._longest = max(map(len, [*self.stems, *self.firsts]), default=0)
        self._runs: dict[str, tuple[int, int]] = {}
        self._texts: dict[str, _Seen] = {}

    def _run(self, run: str) -> tuple[int, int]:
        """(entries that may start at this word, entries that may start at it as the first word)."""
        bits = self._runs.get(run)
        if bits is None:
            folded, stems, firsts = fold(run), self.stems, self.firsts
            anywhere = first = 0
            for k in range(1, min(len(folded), self._longest) + 1):
                anywhere |= stems.get(folded[:k], 0)
                first |= firsts.get(folded[:k], 0)
            if len(self._runs) > _CACHE_LIMIT:
                self._runs.clear()
            self._runs[run] = bits = (anywhere, first)
        return bits

    def seen(self, text: str) -> _Seen:
        seen = self._texts.get(text)
        if seen is not None:
            return seen
        seen = _Seen(text)
        mask, runs, run_bits = self.always | self.begin, seen.runs, self._run
        for m in _WORD_RUN.finditer(text):
            anywhere, first = run_bits(m.group())
            at = m.start()
            if first and at == 0:
                anywhere |= first
            if anywhere:
                runs.append((at, anywhere))
                mask |= anywhere
        if self.digit & ~mask and _DIGIT.search(text):
            mask |= self.digit
        for sub, bits in self.subs.items():
            if bits & ~mask and seen.occurrences(sub):
                mask |= bits
        seen.mask = mask
        if len(self._texts) > _TEXTS_KEPT:
            self._texts.clear()
        self._texts[text] = seen
        return seen

    def starts(self, seen: _Seen, mask: int) -> list[int] | None:
        """Sorted offsets where entries in ``mask`` may match; None when any may match anywhere."""
        if mask & self.always:
            return None
        found = [at for at, bits in seen.runs if bits & mask]
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

class _Compiled:
    """Every list compiled for one set of config extras, with one gate over all their entries.

    Each entry has a bit. For a text, the gate says which entries could match; the list's regex
    is then built from those entries alone (cached), in the same order. Dropping entries that
    cannot match anywhere in the text does not change which entry wins at any position.
    """

    def __init__(self, extras: tuple) -> None:
        added = dict(extras)
        self.entries: dict[str, tuple[str, ...]] = {}
        self.masks: dict[str, int] = {}
        self.offsets: dict[str, int] = {}
        per_entry: dict[int, list] = {}
        bit = 0
        for name in sorted(builtin_lists()):
            items = tuple(builtin_lists()[name]["entries"]) + tuple(added.get(name, ()))
            ordered = tuple(sorted(items, key=len, reverse=True))
            self.entries[name], self.offsets[name] = ordered, bit
            for entry in ordered:
                per_entry[1 << bit] = entry_gates(entry)
                bit += 1
            self.masks[name] = ((1 << len(ordered)) - 1) << self.offsets[name]
        self.gate = Gate(per_entry)
        self._subsets: dict[tuple[str, int], re.Pattern | None] = {}

    def matches(self, name: str, text: str, first: bool = False) -> list[re.Match]:
        """Matches of list ``name`` in ``text``: what ``pattern(name).finditer(text)`` yields."""
        mask = self.masks.get(name)
        if mask is None:
            raise KeyError(f"unknown word list {name!r}")
        if not text:
            return []
        seen = self.gate.seen(text)
        mask &= seen.mask
        if not mask:
            return []
        key = (name, first)
        found = seen.results.get(key)
        if found is None:
            seen.results[key] = found = self._matches(name, seen, mask, first)
        return found

    def _matches(self, name: str, seen: _Seen, mask: int, first: bool) -> list[re.Match]:
        text = seen.text
        pat = self._pattern(name, mask)
        starts = self.gate.starts(seen, mask)
        if starts is None:
            return _first(pat, text) if first else list(pat.finditer(text))
        out: list[re.Match] = []
        end = 0
        for at in starts:
            if at < end:
                continue
            m = pat.match(text, at)
            if m is None:
                continue
            if m.end() == at:  # an empty match: leave the fine print of finditer to finditer
                return _first(pat, text) if first else list(pat.finditer(text))
            out.append(m)
            if first:
                break
            end = m.end()
        return out

    def _pattern(self, name: str, mask: int) -> re.Pattern:
        pat = self._subsets.get((name, mask))
        if pat is None:
            offset = self.offsets[name]
            pat = _compile(tuple(e for k, e in enumerate(self.entries[name]) if mask >> (offset + k) & 1))
            if len(self._subsets) > 20_000:
                self._subsets.clear()
            self._subsets[(name, mask)] = pat
        return pat


def _first(pat: re.Pattern, text: str) -> list[re.Match]:
    found = pat.search(text)
    return [found] if found else []


@lru_cache(maxsize=32)
def _compiled(extras: tuple) -> _Compiled:
    return _Compiled(extras)


def _lists(config: "Config | None") -> _Compiled:
    words = config.words if config is not None else None
    if not words:
        return _compiled(())
    return _compiled(tuple(sorted((k, tuple(v)) for k, v in words.items() if v)))


def pattern(name: str, config: "Config | None" = None) -> re.Pattern | None:
    """The whole list as one regex."""
    return _compile(entries(name, config))


def find_all(name: str, text: str, config: "Config | None" = None) -> list[re.Match]:
    """Every non-overlapping match of list ``name`` in ``text``."""
    return _lists(config).matches(name, text)


def search(name: str, text: str, config: "Config | None" = None) -> re.Match | None:
    found = _lists(config).matches(name, text, first=True)
    return found[0] if found else None


def matched(name: str, text: str, config: "Config | None" = None) -> list[str]:
    """The distinct matched strings (lower-cased, whitespace collapsed), in text order."""
    return list(dict.fromkeys(" ".join(m.group(0).lower().split()) for m in find_all(name, text, config)))
