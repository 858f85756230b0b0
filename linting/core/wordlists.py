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
once into one regular expression, and a per-text gate (``wordgate``: which words, digits or
characters the text holds, worked out once per text for all lists) skips the entries that
cannot match and says where the others can start. Results are exactly those of the plain
alternation of all entries, longest first (tests/core/test_rules_wordlists.py checks it).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache, reduce
from itertools import islice
from operator import or_
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakSet

from . import textcache
from .entrygates import entry_facts
from .wordgate import Gate, fold, forget_scans, offsets_of

if TYPE_CHECKING:
    from .config import Config
    from .wordgate import _Seen

DATA_DIR = Path(__file__).with_name("data")
ALL, FIRST, WORDS = 0, 1, 2  # what _Compiled.matches returns
_BOUNDED = (r"(?<![\w-])", r"(?![\w-])")
# Lists read over whole sections and paragraphs, not sentence by sentence: they get a gate of
# their own, so gating a section does not weigh every sentence list's entries (and sentences
# are not gated for these). Any list works with either gate; this only sets the speed.
SECTION_LISTS = frozenset(
    {"disclosure", "cta", "sell_signals", "uncertainty", "disclaimer_limits", "not_a_substitute", "consult_professional"}
)


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


class _Compiled:
    """Every list compiled for one set of config extras, with one gate over all their entries.

    Each entry has a bit (its gate's). For a text, the gate says which entries could match; the list's regex
    is then built from those entries alone (cached), in the same order. Dropping entries that
    cannot match anywhere in the text does not change which entry wins at any position.
    """

    def __init__(self, extras: tuple) -> None:
        added = dict(extras)
        self.entries: dict[str, tuple[str, ...]] = {}
        self.masks: dict[str, int] = {}
        self.bits: dict[str, list[int]] = {}  # list name -> the bit of each entry, in order
        self.gate_of: dict[str, Gate] = {}
        groups: dict[bool, list[str]] = {False: [], True: []}
        for name in sorted(builtin_lists()):
            groups[name in SECTION_LISTS].append(name)
        self.gates: list[Gate] = []
        for names in groups.values():
            for name in names:
                items = tuple(builtin_lists()[name]["entries"]) + tuple(added.get(name, ()))
                self.entries[name] = tuple(sorted(items, key=len, reverse=True))
            gate = Gate([entry_facts(entry) for name in names for entry in self.entries[name]])
            self.gates.append(gate)
            bits = iter(gate.bits)
            for name in names:
                self.gate_of[name] = gate
                self.bits[name] = [next(bits) for _ in self.entries[name]]
                self.masks[name] = reduce(or_, self.bits[name], 0)
        self.gate = self.gates[0]  # the sentence lists' gate (the one ``prime`` fills)
        self._subsets: dict[tuple[str, int], re.Pattern | None] = {}
        self._gate_of_names: dict[tuple[str, ...], tuple[Gate | None, int, list]] = {}
        _LIVE.add(self)

    def matches(self, name: str, text: str, kind: int = ALL) -> list:
        """For list ``name`` in ``text``: every match (ALL), the first (FIRST), or the distinct
        matched strings (WORDS); the matches are what ``pattern(name).finditer(text)`` yields."""
        try:
            mask = self.masks[name]
        except KeyError:
            raise KeyError(f"unknown word list {name!r}") from None
        if not text:
            return []
        gate = self.gate_of[name]
        seen = gate._texts.get(text) or gate.seen(text)
        mask &= seen.mask
        if not mask:
            return []
        results = seen.results[kind]
        found = results.get(name)
        if found is None:
            if kind == WORDS:
                found = list(dict.fromkeys(" ".join(m.group(0).lower().split()) for m in self.matches(name, text)))
            else:
                found = self._matches(name, seen, mask, kind == FIRST)
            results[name] = found
        return found

    def words_each(self, names: tuple[str, ...], text: str) -> list[list[str]]:
        """``matches(name, text, WORDS)`` for each of ``names``: the text gated once, closed
        lists answered by one AND (a sentence is asked about several lists in a row)."""
        if not text:
            return [_NONE] * len(names)
        gate, union, nothing = self._shared_gate(names)
        if gate is None:
            return [self.matches(name, text, WORDS) for name in names]
        seen = gate._texts.get(text) or gate.seen(text)
        smask = seen.mask
        if not smask & union:
            return nothing  # no list can match: most sentences, for most groups of lists
        words, masks, out = seen.results[WORDS], self.masks, []
        for name in names:
            mask = masks[name] & smask
            if not mask:
                out.append(_NONE)
                continue
            found = words.get(name)
            if found is None:
                found = words[name] = self._words(name, seen, mask)
            out.append(found)
        return out

    def first_hit(self, names: tuple[str, ...], text: str) -> int:
        """The index of the first of ``names`` with a match in ``text`` (``matches(.., FIRST)``), or -1."""
        if not text:
            return -1
        gate, union, _ = self._shared_gate(names)
        if gate is None:
            return next((i for i, name in enumerate(names) if self.matches(name, text, FIRST)), -1)
        seen = gate._texts.get(text) or gate.seen(text)
        smask = seen.mask
        if not smask & union:
            return -1
        firsts, masks = seen.results[FIRST], self.masks
        for i, name in enumerate(names):
            mask = masks[name] & smask
            if not mask:
                continue
            found = firsts.get(name)
            if found is None:
                found = firsts[name] = self._matches(name, seen, mask, True)
            if found:
                return i
        return -1

    def _shared_gate(self, names: tuple[str, ...]) -> tuple[Gate | None, int, list]:
        """The gate of all ``names`` (None when they are split over gates, or unknown), the
        union of their masks, and the answer of ``words_each`` when none of them can match."""
        try:
            return self._gate_of_names[names]
        except KeyError:
            gates = {id(self.gate_of.get(name)): self.gate_of.get(name) for name in names}
            gate = next(iter(gates.values())) if len(gates) == 1 else None
            union = reduce(or_, [self.masks.get(name, 0) for name in names], 0)
            found = self._gate_of_names[names] = (gate, union, [_NONE] * len(names))
            return found

    def _words(self, name: str, seen: _Seen, mask: int) -> list[str]:
        every = seen.results[ALL].get(name)
        if every is None:
            every = seen.results[ALL][name] = self._matches(name, seen, mask, False)
        if not every:
            return []  # most lists the gate lets through still match nothing
        return list(dict.fromkeys(" ".join(m.group(0).lower().split()) for m in every))

    def _matches(self, name: str, seen: _Seen, mask: int, first: bool) -> list[re.Match]:
        starts = self.gate_of[name].starts(seen, mask)
        if not starts and starts is not None:
            return []
        text = seen.text
        pat = self._pattern(name, mask)
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
            pat = _compile(tuple(e for e, bit in zip(self.entries[name], self.bits[name]) if mask & bit))
            if len(self._subsets) > 20_000:
                self._subsets.clear()
            self._subsets[(name, mask)] = pat
        return pat


_NONE: list = []  # shared empty answer of words_each (callers only read it)


def _first(pat: re.Pattern, text: str) -> list[re.Match]:
    found = pat.search(text)
    return [found] if found else []


_LIVE: WeakSet = WeakSet()  # every _Compiled, so their per-text memos can be cleared


@textcache.register
def _forget_texts() -> None:
    forget_scans()
    for compiled in list(_LIVE):
        for gate in compiled.gates:
            gate.forget_texts()


@textcache.register_word_cache
def _forget_words() -> None:
    for compiled in list(_LIVE):
        for gate in compiled.gates:
            gate.forget_words()


@lru_cache(maxsize=32)
def _compiled(extras: tuple) -> _Compiled:
    return _Compiled(extras)


def _lists(config: "Config | None") -> _Compiled:
    if config is None or not config.words:
        return _DEFAULT[0] if _DEFAULT else _default()
    return _compiled(tuple(sorted((k, tuple(v)) for k, v in config.words.items() if v)))


_DEFAULT: list[_Compiled] = []  # the lists without config extras, compiled on first use


def _default() -> _Compiled:
    _DEFAULT.append(_compiled(()))
    return _DEFAULT[0]


def pattern(name: str, config: "Config | None" = None) -> re.Pattern | None:
    """The whole list as one regex."""
    return _compile(entries(name, config))


def find_all(name: str, text: str, config: "Config | None" = None) -> list[re.Match]:
    """Every non-overlapping match of list ``name`` in ``text``."""
    return list(_lists(config).matches(name, text))


def search(name: str, text: str, config: "Config | None" = None) -> re.Match | None:
    found = _lists(config).matches(name, text, FIRST)
    return found[0] if found else None


def matched_each(names: tuple[str, ...], text: str, config: "Config | None" = None) -> list[list[str]]:
    """``matched(name, text)`` for each of ``names``. Read only: the inner lists, and the outer
    one when nothing matched, are shared between calls; do not change them."""
    return _lists(config).words_each(names, text)


def first_hit(names: tuple[str, ...], text: str, config: "Config | None" = None) -> int:
    """The index of the first of ``names`` that ``search`` finds in ``text``, or -1."""
    return _lists(config).first_hit(names, text)


def count(name: str, text: str, config: "Config | None" = None, limit: int | None = None) -> int:
    """How many matches ``find_all`` would return, counting no further than ``limit``."""
    pat = pattern(name, config)
    if pat is None or not text:
        return 0
    return sum(1 for _ in islice(pat.finditer(text), limit))


def matched(name: str, text: str, config: "Config | None" = None) -> list[str]:
    """The distinct matched strings (lower-cased, whitespace collapsed), in text order."""
    return list(_lists(config).matches(name, text, WORDS))


# The same idea for other modules' regexes: the same matches, read only where they can start.


def key_starts(text: str, keys: tuple[str, ...]) -> list[int]:
    """Sorted offsets of the lower-case ``keys`` in ``text``, compared case-insensitively.

    Non-ASCII text is folded the way re.IGNORECASE compares characters (``wordgate.fold``:
    one character per character, so offsets hold), not lower-cased: a page with a "£" or a
    bullet is read at the keys too instead of by a full scan.
    """
    if text.isascii():
        low = text.lower()
    else:
        low, keys = fold(text), tuple(map(fold, keys))
    return sorted({at for key in keys for at in offsets_of(low, key)})


def finditer_at(pat: re.Pattern, text: str, keys: tuple[str, ...]) -> list[re.Match]:
    """``list(pat.finditer(text))`` when every match of ``pat`` starts with one of ``keys``
    (lower case, compared case-insensitively) and none is empty."""
    return matches_at(pat, text, key_starts(text, keys))


def matches_at(pat: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """``list(pat.finditer(text))`` when every match of ``pat`` starts at one of the sorted
    offsets ``starts`` and none is empty."""
    out, end = [], 0
    for at in starts:
        if at >= end:
            m = pat.match(text, at)
            if m:
                out.append(m)
                end = m.end()
    return out


def prime(text: str, spans, config: "Config | None" = None) -> None:
    """Gate ``text`` and its pieces ``text[start:end]`` (sentences) in one pass over its words.

    Only speed changes: later queries on these texts find their gate ready.
    """
    if text:
        _lists(config).gate.prime(text, spans)


def prime_document(doc, config: "Config | None" = None) -> None:
    """Prime every section that rules read as a whole, with the sentences of the body sections."""
    for section in doc.sections:
        if section.kind == "sources":
            continue
        spans = [(s.start, s.end) for s in section.sentences] if section.is_body and section.kind != "cta" else ()
        prime(section.text, spans, config)
