"""Readability rules: reading grade per section and per article, and over-long sentences.

The grade is Flesch-Kincaid, computed from textstat's word and sentence counts with syllables
from pyphen (textstat's own hyphenation backend). textstat 0.7.13's ``syllable_count`` for English
first asks NLTK's cmudict, which downloads the corpus at first use; linting must never touch the
network, so this module never calls it (tests/core/test_rules_readability.py proves it offline).
"""

from __future__ import annotations

import re
from functools import lru_cache

from textstat.backend.utils import get_pyphen

from linting.core import textcache, wordlists
from linting.core.findings import Severity
from linting.core.registry import Rule, RuleDocs, registry

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_MARKERS = re.compile(r"\[\d+(?:[,–-]\d+)*\]|\(?(?:doi:|PMID:?|https?://)\S*\)?", re.I)
# Where a marker can start; a marker needs one of these (lower-cased) at its start.
_MARKER_STARTS = ("[", "(", "doi:", "pmid", "http")
# textstat's sentence pattern (textstat.backend.counts.count_sentences).
_TS_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
# A whitespace-separated token without a word character: textstat deletes all of it.
_PUNCT_TOKEN = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")
# The same tokens after the first character, read with their whitespace: a pattern that starts
# with a character class lets the regex engine skip ahead instead of trying every position.
_SPACED_PUNCT_TOKEN = re.compile(r"\s[^\w\s]+(?!\S)")
# Three whitespace-separated tokens holding a word character (punctuation-only tokens skipped);
# possessive, so a failed match costs one pass.
_WORD_TOKEN = r"(?:[^\w\s]++\s++)*+[^\w\s]*+\w"
_THREE_WORDS = re.compile(rf"\s*+{_WORD_TOKEN}\S*+\s++{_WORD_TOKEN}\S*+\s++{_WORD_TOKEN}")


@lru_cache(maxsize=1)
def _hyphenator():
    return get_pyphen("en_US")


class _WordMemo(dict):
    """A per-word cache: ``memo[word]`` computes a missing entry with ``compute``. Read as a
    plain dict (a hit costs far less than an lru_cache call); emptied when full, and registered
    as a word cache so a fully cold measurement can clear it."""

    def __init__(self, compute, limit: int = 50_000) -> None:
        super().__init__()
        self._compute, self._limit = compute, limit
        textcache.register_word_cache(self.clear)

    def __missing__(self, word: str) -> int:
        if len(self) >= self._limit:
            self.clear()
        found = self[word] = self._compute(word)
        return found


def _count_syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    if not word:
        return 0
    return len(_hyphenator().positions(word)) + 1


_SYLLABLES = _WordMemo(_count_syllables)  # word -> syllables


def syllables(word: str) -> int:
    return _SYLLABLES[word]


# Whitespace-separated token -> its (lexicon, words, syllables) counts packed in one int, the
# token's digits all read as "0": no count depends on which digit it is (markers take any
# ``\d``, words none), and numbers then repeat like words do. Each count of a text is the sum
# over its tokens, since neither a marker nor a word holds whitespace; and none exceeds the
# text's length, so the packed fields never carry into each other.
_FIELD = 48
_FIELD_MASK = (1 << _FIELD) - 1
_ZERO_DIGITS = bytes.maketrans(b"123456789", b"000000000")


def _token_counts(token: str) -> int:
    stripped = strip_markers(token)
    words = _WORD.findall(stripped)
    return lexicon_count(stripped) << 2 * _FIELD | len(words) << _FIELD | sum(map(syllables, words))


_TOKENS = _WordMemo(_token_counts)


def _totals(text: str) -> tuple[int, int, int]:
    """(lexicon_count, number of ``_WORD`` words, syllables) of ``strip_markers(text)``."""
    # UTF-8 keeps every non-ASCII character in bytes >= 0x80: only ASCII digits change.
    zeroed = text.encode("utf-8", "surrogatepass").translate(_ZERO_DIGITS).decode("utf-8", "surrogatepass")
    tokens = zeroed.split()
    total = sum(map(_TOKENS.__getitem__, tokens))  # unknown tokens counted on the way
    return total >> 2 * _FIELD, total >> _FIELD & _FIELD_MASK, total & _FIELD_MASK


def strip_markers(text: str) -> str:
    """``_MARKERS.sub(" ", text)``, reading only where a marker can start (most text has none)."""
    found = wordlists.finditer_at(_MARKERS, text, _MARKER_STARTS)
    if not found:
        return text
    parts, end = [], 0
    for m in found:
        parts += (text[end : m.start()], " ")
        end = m.end()
    parts.append(text[end:])
    return "".join(parts)


def sentence_count(text: str) -> int:
    """``textstat.sentence_count(text)``, without its per-sentence word counting.

    textstat drops sentences of two words or fewer; its word count is the number of
    whitespace-separated tokens holding a word character (punctuation-only tokens vanish).
    """
    return max(1, _raw_sentence_count(text)) if text else 0


def _raw_sentence_count(text: str) -> int:
    sentences = _TS_SENTENCE.findall(text)
    return len(sentences) - list(map(_THREE_WORDS.match, sentences)).count(None)


def lexicon_count(text: str) -> int:
    """``textstat.lexicon_count(text)`` in C-level scans.

    textstat deletes punctuation (everything but word characters, whitespace and apostrophes
    that start a contraction ending, itself a word character) and counts what ``split()``
    leaves: exactly the tokens that hold a word character.
    """
    punct = len(_SPACED_PUNCT_TOKEN.findall(text))
    if _PUNCT_TOKEN.match(text):  # a first token has no whitespace before it
        punct += 1
    return len(text.split()) - punct


class _Counts:
    """Counts of one passage, markers removed; passages joined by blank lines add up."""

    __slots__ = ("text", "lexicon", "words", "syllables", "_sentences")

    def __init__(self, text: str) -> None:
        self.text = strip_markers(text or "")
        self.lexicon, self.words, self.syllables = _totals(text or "")
        self._sentences: int | None = None

    def sentences(self) -> int:
        """textstat's sentence count of the passage, before its floor of one."""
        if self._sentences is None:
            self._sentences = _raw_sentence_count(self.text) if self.text else 0
        return self._sentences


def _article_sentences(counts: list[_Counts]) -> int:
    """``sentence_count`` of the passages joined by blank lines: the passages' sum when each
    but the last ends with closing punctuation (no textstat sentence then runs across a join)."""
    if all(c.text.rstrip()[-1:] in (".", "!", "?") for c in counts[:-1]):
        return sum(c.sentences() for c in counts)
    return sentence_count("\n\n".join(c.text for c in counts))


def _grade(counts: list[_Counts]) -> float | None:
    lexicon = sum(c.lexicon for c in counts)
    words = sum(c.words for c in counts)
    n_words = lexicon or words
    if not words or not n_words:
        return None
    n_sentences = max(1, _article_sentences(counts))
    n_syllables = sum(c.syllables for c in counts)
    return round(0.39 * (n_words / n_sentences) + 11.8 * (n_syllables / words) - 15.59, 1)


def reading_grade(text: str) -> float | None:
    """Flesch-Kincaid grade of ``text`` (None when it has no words); offline."""
    return _grade([_Counts(text)])


def word_count(text: str) -> int:
    return len(_WORD.findall(strip_markers(text or "")))


# Bytes of UTF-8 text: the characters a word is made of ([A-Za-z'-]) as "a", all else a space.
_WORD_RUNS = bytes(ord("a") if chr(b).isascii() and (chr(b).isalpha() or chr(b) in "'-") else ord(" ") for b in range(256))


def _most_words(text: str) -> int:
    """An upper bound of ``word_count(text)``, from a few C-level calls.

    Every word of ``_WORD`` starts a run of word characters, and removing markers never adds a
    word; a non-ASCII character reads as a space, which can only split runs (add words).
    """
    runs = text.encode("utf-8").translate(_WORD_RUNS)
    return runs.count(b" a") + runs.startswith(b"a")


@registry.register
class ReadingGrade(Rule):
    id = "readability.grade"
    severity = Severity.WARNING
    summary = "Reading grade of a section (or the article) above the target (default 8)."
    docs = RuleDocs(
        what=(
            "Computes the Flesch-Kincaid grade of every body section with at least "
            "`thresholds.min_words_for_readability` words, and of the whole article, and flags those above "
            "`thresholds.reading_grade`."
        ),
        why="The NIH and the AMA recommend patient material at a 6th-8th grade reading level; harder text is misread by many adults.",
        example="Autologous chondrocyte implantation necessitates arthroscopic harvesting of cartilaginous tissue.",
        use_instead="In this operation, the surgeon takes a small piece of cartilage from your knee through a tiny cut.",
        fix="Use shorter sentences and everyday words; explain medical terms the first time.",
    )

    def check(self, doc, ctx):
        target = float(ctx.config.threshold("reading_grade"))
        min_words = int(ctx.config.threshold("min_words_for_readability"))
        body: list[_Counts] = []
        for section in doc.body_sections:
            if section.kind == "cta" or not section.text.strip():
                continue
            counts = _Counts(section.text)
            body.append(counts)
            if counts.words < min_words:
                continue
            grade = _grade([counts])
            if grade is not None and grade > target:
                yield self.finding(
                    f"Reading grade {grade:g} is above the target of {target:g}.",
                    section=section,
                    cues=[f"grade {grade:g}", f"target {target:g}"],
                    suggestion="Shorten sentences and replace long words with everyday ones.",
                    fingerprint_extra=section.heading or section.block_id or "",
                )
        # Markers never span a blank line, so the article's counts are the sections' sums.
        if sum(c.words for c in body) >= min_words:
            grade = _grade(body)
            if grade is not None and grade > target:
                yield self.finding(
                    f"The article reads at grade {grade:g}, above the target of {target:g}.",
                    cues=[f"grade {grade:g}", f"target {target:g}", "whole article"],
                    suggestion="Aim for grade 6-8: shorter sentences, everyday words.",
                    fingerprint_extra="article",
                )


@registry.register
class LongSentence(Rule):
    id = "readability.long-sentence"
    severity = Severity.INFO
    summary = "A sentence longer than the limit (default 25 words)."
    docs = RuleDocs(
        what="Flags body sentences with more words than `thresholds.sentence_words`.",
        why="The CDC Clear Communication Index recommends short sentences (most under 20-25 words) so readers can follow health information.",
        example="A sentence that strings together the procedure, the recovery, the risks, the costs and the follow-up appointments in one long breath without stopping once for the reader.",
        use_instead="Split it: one idea per sentence.",
        fix="Split the sentence into two or three shorter ones.",
    )

    def check(self, doc, ctx):
        limit = int(ctx.config.threshold("sentence_words"))
        for section in doc.body_sections:
            for sentence in section.sentences:
                if _most_words(sentence.text) <= limit:
                    continue  # most sentences: no need to count exactly
                n = word_count(sentence.text)
                if n > limit:
                    yield self.finding(
                        f"Sentence of {n} words (limit {limit}).",
                        section=section,
                        sentence=sentence,
                        cues=[f"{n} words"],
                        suggestion="Split it into shorter sentences, one idea each.",
                    )
