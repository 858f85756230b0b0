"""One switch for every memo keyed by a text (a sentence, a section, a paragraph).

Lint-on-save re-reads mostly unchanged text, so remembering results per text pays; but a
benchmark must not count those hits as speed, and a test must be able to start cold. Modules
that keep such a memo register its ``clear``; :func:`clear_text_caches` empties them all.
Caches keyed by a single word are kept apart (:func:`clear_word_caches`): a running server
keeps them warm, and a natural vocabulary repeats words. Compiled patterns are never cleared.
"""

from __future__ import annotations

from collections.abc import Callable

_CLEARERS: list[Callable[[], None]] = []
_WORD_CLEARERS: list[Callable[[], None]] = []


def register(clear: Callable[[], None]) -> Callable[[], None]:
    """Register a text memo's ``clear`` (returns it, so it can decorate)."""
    _CLEARERS.append(clear)
    return clear


def register_word_cache(clear: Callable[[], None]) -> Callable[[], None]:
    """Register the ``clear`` of a cache keyed by a single word."""
    _WORD_CLEARERS.append(clear)
    return clear


def clear_text_caches() -> None:
    """Forget every remembered per-text result (the next lint of any text starts cold)."""
    for clear in _CLEARERS:
        clear()


def clear_word_caches() -> None:
    """Forget every per-word cache (for a fully cold measurement)."""
    for clear in _WORD_CLEARERS:
        clear()
