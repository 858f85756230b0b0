"""Per-text memos must be keyed by everything that changes their result, not by the text alone.

The same text is linted under two configs, one after the other in both orders, without clearing
anything in between: a memo keyed by the text alone would hand the second run the first run's
answer. And a cold lint (every memo cleared) must equal a warm one.
"""

from __future__ import annotations

import pytest

from linting.core import textcache
from linting.core.config import DEFAULT_THRESHOLDS, Config
from linting.core.engine import lint_document
from linting.sources.txt import parse_txt

ARTICLE = """Cold water swimming for joint stiffness: a short guide

Getting started

Our splendiferous coaches meet swimmers at the lake every Saturday morning from April to October. \
The water is cold, so most people stay in for only a few minutes at first, then a little longer each week, \
and they always bring a warm hat, a towel and a flask of something hot for afterwards.

Sources

[1] Lake Swimming Society. Safety notes for open water. 2023. https://swim.example/safety

Disclaimer: This page is general information and not a substitute for medical advice. \
Consult your doctor before you start cold water swimming.
"""

EXTRA_PEACOCK = Config(words={"peacock": ["splendiferous"]})
SHORT_SENTENCES = Config(thresholds={**DEFAULT_THRESHOLDS, "sentence_words": 12})


def _lint(config: Config) -> list[tuple]:
    report = lint_document(parse_txt(ARTICLE, "cache-keys.txt"), config)
    return [(f.rule, f.excerpt, f.start, f.end, f.cues, f.fingerprint) for f in report.findings]


def _rules(findings: list[tuple]) -> list[str]:
    return [f[0] for f in findings]


@pytest.mark.parametrize("first_extra", [True, False])
def test_word_list_extras_are_part_of_the_key(first_extra):
    textcache.clear_text_caches()
    order = [EXTRA_PEACOCK, Config()] if first_extra else [Config(), EXTRA_PEACOCK]
    results = {id(config): _lint(config) for config in order}
    extra, plain = results[id(EXTRA_PEACOCK)], results[id(order[1] if first_extra else order[0])]

    promo = [f for f in extra if f[0] == "claims.promotional"]
    assert len(promo) == 1 and "splendiferous" in promo[0][4][0]
    assert "claims.promotional" not in _rules(plain)
    assert [f for f in extra if f[0] != "claims.promotional"] == plain


@pytest.mark.parametrize("first_short", [True, False])
def test_thresholds_are_part_of_the_key(first_short):
    textcache.clear_text_caches()
    default = Config()
    order = [SHORT_SENTENCES, default] if first_short else [default, SHORT_SENTENCES]
    results = {id(config): _lint(config) for config in order}
    short, plain = results[id(SHORT_SENTENCES)], results[id(default)]

    assert _rules(short).count("readability.long-sentence") > _rules(plain).count("readability.long-sentence")


def test_cold_and_warm_lints_agree():
    textcache.clear_text_caches()
    cold = _lint(EXTRA_PEACOCK)
    warm = _lint(EXTRA_PEACOCK)
    textcache.clear_text_caches()
    textcache.clear_word_caches()
    assert cold == warm == _lint(EXTRA_PEACOCK)
