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
_END = re.compile(
    r"""(?:[.!?]+|…)["'”’»)\]]*"""
    r"""(?:[ \t]*\[\d+(?:\s*[,–\-]\s*\d+)*\])*"""
    r"""(?:(?<=[.!?])\d{1,3}(?=\s|$))?"""
)
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NON_SPACE = re.compile(r"\S")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_CLOSERS = ".!?…:;\"'”’»)]"


def _is_abbreviation(text: str, dot: int, nxt: str) -> bool:
    """True when the '.' at ``dot`` belongs to an abbreviation or a number, not a sentence end."""
    before = text[max(0, dot - 12) : dot]
    after = text[dot + 1 : dot + 2]
    if after.isdigit() and before[-1:].isdigit():
        return True  # decimal 2.5
    m = _TOKEN_BEFORE.search(before)
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


def _line_spans(text: str):
    """Yield (start, end, blank_after) for each non-empty line."""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        if text[pos:end].strip():
            yield pos, end
        pos = end + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``Sentence.text == text[start:end]``, list markers excluded."""
    if not text:
        return []
    # Join lines into runs: a run ends at a blank line, at a list item, or after a line without
    # closing punctuation unless the next line starts in lower case (a hard-wrapped paragraph).
    runs: list[tuple[int, int]] = []
    lines = list(_line_spans(text))
    i = 0
    while i < len(lines):
        start, end = lines[i]
        m = LIST_MARKER.match(text, start)
        if m and m.end() < end:
            start = m.end()
        j = i
        while j + 1 < len(lines):
            cur_end = lines[j][1]
            nstart, nend = lines[j + 1]
            if text[cur_end:nstart].count("\n") > 1:
                break  # blank line between
            if LIST_MARKER.match(text, nstart):
                break
            first = text[nstart:nend].lstrip()[:1]
            last = text[lines[j][0] : cur_end].rstrip()[-1:]
            # Hard-wrapped prose continues on the next line; anything else ends here.
            if not ((first.islower() and last not in ".!?:") or last in ",;"):
                break
            j += 1
        runs.append((start, lines[j][1]))
        i = j + 1

    out: list[Sentence] = []
    for rstart, rend in runs:
        pos = rstart
        for m in _END.finditer(text, rstart, rend):
            cut = m.end()
            glued = cut < rend and not text[cut].isspace()
            if glued:
                nxt = text[cut]
            else:
                found = _NON_SPACE.search(text, cut, rend)
                nxt = found.group() if found else ""
            if glued and not m.group().rstrip("0123456789").endswith("]"):
                if m.group()[-1:].isdigit():
                    pass  # glued footnote number followed by space-less text: not an end
                else:
                    continue  # "e.g.x", "3.5", ".com" -- no space after the punctuation
            punct_at = m.start()
            if text[punct_at] == "." and _is_abbreviation(text, punct_at, nxt):
                continue
            if nxt and nxt.islower():
                continue  # "approx. five", "etc. and"
            s, e = _trim(text, pos, cut)
            if e > s:
                out.append(Sentence(text[s:e], s, e))
            pos = cut
        s, e = _trim(text, pos, rend)
        if e > s:
            out.append(Sentence(text[s:e], s, e))
    return out
