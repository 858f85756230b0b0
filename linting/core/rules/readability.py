"""Readability rules: reading grade per section and per article, and over-long sentences.

The grade is Flesch-Kincaid, computed from textstat's word and sentence counts with syllables
from pyphen (textstat's own hyphenation backend). textstat 0.7.13's ``syllable_count`` for English
first asks NLTK's cmudict, which downloads the corpus at first use; linting must never touch the
network, so this module never calls it (tests/core/test_rules_readability.py proves it offline).
"""

from __future__ import annotations

import re
from functools import lru_cache

import textstat
from textstat.backend.utils import get_pyphen

from linting.core.findings import Severity
from linting.core.registry import Rule, RuleDocs, registry

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_MARKERS = re.compile(r"\[\d+(?:[,–-]\d+)*\]|\(?(?:doi:|PMID:?|https?://)\S*\)?", re.I)


@lru_cache(maxsize=1)
def _hyphenator():
    return get_pyphen("en_US")


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    if not word:
        return 0
    return len(_hyphenator().positions(word)) + 1


def reading_grade(text: str) -> float | None:
    """Flesch-Kincaid grade of ``text`` (None when it has no words); offline."""
    text = _MARKERS.sub(" ", text or "")
    words = _WORD.findall(text)
    n_words = textstat.lexicon_count(text) or len(words)
    if not words or not n_words:
        return None
    n_sentences = max(1, textstat.sentence_count(text))
    n_syllables = sum(syllables(w) for w in words)
    return round(0.39 * (n_words / n_sentences) + 11.8 * (n_syllables / len(words)) - 15.59, 1)


def word_count(text: str) -> int:
    return len(_WORD.findall(_MARKERS.sub(" ", text or "")))


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
        body = []
        for section in doc.body_sections:
            if section.kind == "cta" or not section.text.strip():
                continue
            body.append(section.text)
            if word_count(section.text) < min_words:
                continue
            grade = reading_grade(section.text)
            if grade is not None and grade > target:
                yield self.finding(
                    f"Reading grade {grade:g} is above the target of {target:g}.",
                    section=section,
                    cues=[f"grade {grade:g}", f"target {target:g}"],
                    suggestion="Shorten sentences and replace long words with everyday ones.",
                    fingerprint_extra=section.heading or section.block_id or "",
                )
        text = "\n\n".join(body)
        if word_count(text) >= min_words:
            grade = reading_grade(text)
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
                n = word_count(sentence.text)
                if n > limit:
                    yield self.finding(
                        f"Sentence of {n} words (limit {limit}).",
                        section=section,
                        sentence=sentence,
                        cues=[f"{n} words"],
                        suggestion="Split it into shorter sentences, one idea each.",
                    )
