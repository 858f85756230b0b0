"""Map a finding back to a line and column of the raw input file.

Section offsets index the section text, not the file; so the excerpt is searched for in the
raw text (whitespace-insensitive). Inputs that mark up the sentence (HTML tags mid-sentence) may
not match; callers then fall back to offsets within the section.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache


@lru_cache(maxsize=64)
def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in re.finditer(r"\n", text)))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``."""
    starts = _line_starts(text)
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def find_excerpt(text: str, excerpt: str | None) -> tuple[int, int] | None:
    """(start, end) offsets of ``excerpt`` in ``text``, whitespace-insensitive; None if absent."""
    if not text or not excerpt or not excerpt.strip():
        return None
    words = excerpt.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    # whole words only, so "here" does not land inside "there"
    if re.match(r"\w", excerpt.strip()):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", excerpt.strip()):
        pattern += r"(?!\w)"
    m = re.search(pattern, text)
    if m is None:
        return None
    return m.start(), m.end()


def locate(text: str | None, excerpt: str | None):
    """(start_line, start_col, end_line, end_col) of ``excerpt`` in ``text``, or None.

    End column is exclusive, as SARIF's ``endColumn`` is.
    """
    if text is None:
        return None
    span = find_excerpt(text, excerpt)
    if span is None:
        return None
    sl, sc = line_col(text, span[0])
    el, ec = line_col(text, span[1])
    return sl, sc, el, ec
