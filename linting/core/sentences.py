"""Sentence splitting for section text, with offsets.

Runs on every save, so it is one linear scan driven by a few regular expressions. It knows the
things health copy is full of: abbreviations (Dr., e.g., U.S.), decimals (2.5), citation markers
after the full stop (``. [1]`` belongs to the sentence before), list items on their own lines, and
paragraph breaks. A line that ends without closing punctuation (a heading, a button label, a list
item) ends its sentence too, unless the next line plainly continues it (starts in lower case).
"""

from __future__ import annotations

import re

from .document import Sentence

# Words that take a full stop without ending the sentence (compared lower-cased, dots removed).
ABBREVIATIONS = frozenset(
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "vs", "eg", "ie", "al", "approx", "no", "nos",
        "fig", "figs", "dept", "inc", "ltd", "co", "jr", "sr", "mt", "ca", "cf", "vol", "pp",
        "ref", "refs", "est", "min", "max", "mg", "mcg", "ml", "wk", "wks", "yr", "yrs", "hr",
        "hrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "us", "uk", "eu", "phd", "md", "bsc", "msc", "rev", "gen", "sgt", "capt", "col", "lt",
    }
)
# Abbreviations that end a sentence when a capitalised word follows ("... in the U.S. Most").
_WEAK_ABBREVIATIONS = frozenset({"us", "uk", "eu", "inc", "ltd", "co", "jr", "sr", "phd", "md"})

LIST_MARKER = re.compile(r"[ \t]*(?:[•✔✓▪◦‣●■□➤→*\-–]|\d{1,3}[.)]|[a-z][.)])[ \t]+")
# Closing punctuation, closing quotes/brackets, then citation markers glued or spaced after it.
# (It starts with one character class, which lets the regex engine skip ahead to the next
# candidate character instead of trying the whole pattern at every position; the class and
# its optional tail match what ``(?:[.!?]+|…)`` matches.)
_END = re.compile(
    r"""[.!?…](?:(?<=[.!?])[.!?]*)?["'”’»)\]]*"""
    r"""(?:[ \t]*\[\d+(?:\s*[,–\-]\s*\d+)*\])*"""
    r"""(?:(?<=[.!?])\d{1,3}(?=\s|$))?"""
)
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NON_SPACE = re.compile(r"\S")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.\n")
_WINDOW = 12  # characters before a dot read for its token
# A token ending in more letters than the longest abbreviation has is a plain word.
_WORD_LETTERS = max(map(len, ABBREVIATIONS)) + 1
assert _WORD_LETTERS <= _WINDOW, "a token that long could be cut to an abbreviation by the window"
_PLAIN_WORD_END = re.compile("[A-Za-z]{%d}" % _WORD_LETTERS)
_CLOSERS = ".!?…:;\"'”’»)]"


def _is_abbreviation(text: str, dot: int, nxt: str) -> bool:
    """True when the '.' at ``dot`` belongs to an abbreviation or a number, not a sentence end."""
    # Reads the _WINDOW characters before the dot in place (search with pos/endpos sees exactly
    # what a search of that slice would): this runs for almost every sentence.
    if dot and text[dot - 1].isdigit() and text[dot + 1 : dot + 2].isdigit():
        return True  # decimal 2.5
    # Most dots end a plain word or follow a bracket: no token, or one that cannot be an
    # abbreviation, an initial or a dotted form (those end in a letter after a dot).
    if not dot or text[dot - 1] not in _TOKEN_CHARS:
        return False  # _TOKEN_BEFORE needs a letter or a dot at the end (or before a final "\n")
    if dot >= _WORD_LETTERS and _PLAIN_WORD_END.fullmatch(text, dot - _WORD_LETTERS, dot):
        return False
    start = max(0, dot - _WINDOW)
    space = text.rfind(" ", start, dot)
    token = text[space + 1 : dot] if space != -1 else ""
    if not (token.isascii() and token.isalpha()):  # else: a space, then letters up to the dot
        m = _TOKEN_BEFORE.search(text, start, dot)
        if not m:
            return False
        token = m.group(1)
    key = token.replace(".", "").lower()
    if key == "no" or key == "nos":
        return nxt[:1].isdigit()
    if key in ABBREVIATIONS:
        if key in _WEAK_ABBREVIATIONS and nxt[:1].isupper():
            return False
        return True
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    if "." in token and _DOTTED.fullmatch(token):
        return True  # e.g / i.e / U.S written with inner dots
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of lines read as one passage, list markers excluded.

    A run ends at a blank line, before a list item, or after a line without closing
    punctuation unless the next line starts in lower case (a hard-wrapped paragraph). One pass
    over the lines, each looked at once.
    """
    runs: list[tuple[int, int]] = []
    run_start = -1  # -1: no run open
    run_end = 0  # end of the last non-blank line
    last = ""  # its last non-space character
    gap = False  # a blank line since then
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if not line or line.isspace():
            gap = True
        else:
            marker = LIST_MARKER.match(text, pos)
            if run_start >= 0:
                first = line[0] if not line[0].isspace() else line.lstrip()[0]
                # Hard-wrapped prose continues on the next line; anything else ends here.
                if gap or marker or not ((first.islower() and last not in ".!?:") or last in ",;"):
                    runs.append((run_start, run_end))
                    run_start = -1
            if run_start < 0:
                run_start = marker.end() if marker and marker.end() < end else pos
            run_end = end
            last = line[-1] if not line[-1].isspace() else line.rstrip()[-1]
            gap = False
        pos = end + 1
    if run_start >= 0:
        runs.append((run_start, run_end))
    return runs


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``Sentence.text == text[start:end]``, list markers excluded."""
    if not text:
        return []
    out: list[Sentence] = []
    for rstart, rend in _runs(text):
        # ``pos``: where the next sentence starts, always on a non-space (or at ``rend``); the
        # first non-space after a sentence end is found anyway to read the next character.
        pos = rstart
        while pos < rend and text[pos].isspace():
            pos += 1
        for m in _END.finditer(text, rstart, rend):
            cut = after = m.end()
            if cut == rend:
                nxt = ""
            elif not text[cut].isspace():
                # Glued: "e.g.x", "3.5", ".com" -- no space after the punctuation, not an end,
                # unless a citation marker or a footnote number closes the match.
                nxt = text[cut]
                punct = m.group()
                if not punct.rstrip("0123456789").endswith("]") and not punct[-1:].isdigit():
                    continue
            else:
                after = cut + 1
                nxt = text[after] if after < rend else ""
                if nxt.isspace():
                    found = _NON_SPACE.search(text, after, rend)
                    after, nxt = (found.start(), found.group()) if found else (rend, "")
            if nxt.islower():
                continue  # "approx. five", "etc. and"
            dot = m.start()
            if text[dot] == "." and _is_abbreviation(text, dot, nxt):
                continue
            # The match starts at or after ``pos`` on a non-space and ends on one: nothing
            # to trim, never empty.
            out.append(Sentence(text[pos:cut], pos, cut))
            pos = after
        s, e = _trim(text, pos, rend)
        if e > s:
            out.append(Sentence(text[s:e], s, e))
    return out
