"""The sentence rules of ``claims`` read one shared pass over the body sentences: the findings
are those of each rule asking its own word list about every sentence (the first version)."""

import random
import re

from linting.core import textcache, wordlists
from linting.core.config import Config
from linting.core.registry import LintContext
from linting.core.rules import claims
from linting.core.rules.claim_text import not_a_claim, sentence_support
from linting.sources.txt import parse_txt

from ._articles import CITED, SEED_LIKE

_NEGATED = re.compile(r"\b(?:no|not|never|isn't|aren't|nor|without)\s+(?:\w+\s+){0,2}$", re.I)


def _vague(rule, doc, config):
    for section in doc.body_sections:
        for sentence in section.sentences:
            cues = wordlists.matched("vague_attribution", sentence.text, config)
            if not cues or sentence_support(section, sentence)[0] is not None:
                continue
            yield rule.finding(
                f"Vague attribution: '{cues[0]}' names no source.", section=section, sentence=sentence, cues=cues,
                suggestion="Say which study, organisation or expert, and cite it.",
            )


def _promotional(rule, doc, config):
    for section in doc.sections:
        if not section.is_body:
            continue
        for sentence in section.sentences:
            cues = wordlists.matched("peacock", sentence.text, config)
            if cues:
                yield rule.finding(
                    f"Promotional wording: {', '.join(repr(c) for c in cues[:3])}.", section=section,
                    sentence=sentence, cues=cues, suggestion="State a specific fact instead of praise.",
                )


def _absolute(rule, doc, config):
    for section in doc.body_sections:
        for sentence in section.sentences:
            cues = []
            for m in wordlists.find_all("absolute", sentence.text, config):
                word = " ".join(m.group(0).lower().split())
                if not word.startswith(("no ", "never")) and _NEGATED.search(sentence.text[: m.start()]):
                    continue
                cues.append(word)
            if cues and not_a_claim(sentence.text, config) not in ("question", "evidence_state"):
                cues = list(dict.fromkeys(cues))
                yield rule.finding(
                    f"Absolute claim: {', '.join(repr(c) for c in cues[:3])}.", section=section, sentence=sentence,
                    cues=cues, suggestion="No treatment is certain or risk-free: give the real figures and their source.",
                )


REFERENCE = {claims.VagueAttribution: _vague, claims.PromotionalWording: _promotional, claims.AbsoluteClaim: _absolute}

PIECES = [
    "Studies show", "experts agree", "renowned", "world-class", "leading", "cutting-edge", "guaranteed", "cure",
    "no side effects", "not a cure", "never", "100% safe", "risk-free", "miracle", "completely safe", "?", ".",
    " ", "  ", "\n", "\n\n", "\u00a0", "İ", "ſ", "\u212a", "K", "[1]", "doi:10.1000/x", "Dr Smith", "the", "our",
    "clinic", "Disclaimer:", "Sources", "- ", "• ", "Is it", "“", "”", "RENOWNED", "ſtudies ſhow",
]
WORDS = {"peacock": ["ſtellar", "re:\\bbest\\s+ever\\b"], "absolute": ["sure thing"], "vague_attribution": ["they say"]}


def _random_article(rng):
    lines = ["Title of the page", ""]
    for _ in range(rng.randint(1, 8)):
        lines.append("".join(rng.choice(PIECES + ["they say", "sure thing", "best ever", "Stellar"]) for _ in range(rng.randint(1, 14))))
        lines.append(rng.choice(["", "", "\n"]))
    return "\n".join(lines)


def _findings(rule_cls, text, config, reference):
    textcache.clear_text_caches()
    doc = parse_txt(text, "t.txt")
    wordlists.prime_document(doc, config)
    rule = rule_cls()
    if reference:
        return list(REFERENCE[rule_cls](rule, doc, config))
    ctx = LintContext(config=config)
    # The rules share the pass through the context: ask all three on the same one.
    return [f for cls in REFERENCE for f in cls().check(doc, ctx) if cls is rule_cls]


def test_shared_pass_gives_each_rule_its_own_findings():
    rng = random.Random(7)
    texts = [SEED_LIKE, CITED] + [_random_article(rng) for _ in range(150)]
    for config in (Config(), Config(words=WORDS)):
        for text in texts:
            for rule_cls in REFERENCE:
                assert _findings(rule_cls, text, config, False) == _findings(rule_cls, text, config, True), (rule_cls.id, text)
