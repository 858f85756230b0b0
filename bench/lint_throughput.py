"""Lint throughput: Vetted's non-network rules against proselint 0.16 on the same generated corpus.

Generates >= 50,000 words of health-article text (claims with and without citations, peacock
and weasel words, lists, a sources list and a disclaimer), lints it end to end (parse + every
non-network rule) and prints words/second and milliseconds per 2,000-word article for Vetted
and proselint, and the ratio (goal: Vetted >= 4x proselint's words/second).

Run: ``.venv/bin/python bench/lint_throughput.py [--words 50000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ARTICLE_WORDS = 2000

CONDITIONS = [
    ("knee osteoarthritis", "hyaluronic acid therapy", "knee"),
    ("migraine", "nerve block treatment", "head"),
    ("type 2 diabetes", "a low-carbohydrate diet", "blood sugar"),
    ("chronic back pain", "spinal decompression", "back"),
    ("hair loss", "platelet-rich plasma therapy", "scalp"),
    ("sleep apnoea", "a mandibular advancement device", "airway"),
    ("tinnitus", "sound therapy", "ear"),
    ("acid reflux", "keyhole fundoplication", "stomach"),
]
PEACOCK = ["world-class", "renowned", "cutting-edge", "leading", "remarkable", "state-of-the-art", "pioneering"]
WEASEL = ["Studies show", "Experts agree", "Many doctors believe", "Research suggests", "It is widely accepted"]
ABSOLUTE = ["a guaranteed result", "a permanent cure", "no side effects", "a completely safe option", "a risk-free choice"]
OUTCOMES = ["remarkable", "outstanding", "truly transformative", "beyond expectations", "excellent"]
PUBLISHERS = ["The Lancet", "BMJ", "JAMA", "NICE", "Cochrane Library", "NEJM"]

TEMPLATES_CLAIM = [
    "In a trial of {n} adults, {t} reduced symptoms of {c} by {p}% after {w} weeks [{ref}].",
    "{weasel} that {t} improves quality of life for people with {c}.",
    "Our {peacock} clinic offers {t}, {absolute} for {c}.",
    "Patients treated with {t} were {p}% less likely to need surgery within {w} months (doi:10.{d}/vh.{n}).",
    "A review by {pub} found that {t} helped some people with {c}, although the effect was small.",
    "{t} has a success rate of {p}% according to our own figures.",
    "Results from {n} patients at our {peacock} centre were {outcome}.",
    "Nearly every patient we treat feels better, which shows how well {t} works.",
    "{weasel} that {t} is safer than surgery for {c}.",
    "According to {pub} guidance, {t} should be offered only after simpler measures have been tried.",
    "Compared with standard care, {t} cut hospital stays by {w} days on average (PMID: {pmid}).",
]
TEMPLATES_PLAIN = [
    "{c} affects the {part} and can make everyday tasks harder.",
    "Your doctor will ask about your symptoms, how long you have had them and what makes them worse.",
    "Some people find that gentle activity helps, while others need more support from a specialist.",
    "It is worth writing down your questions before an appointment so that nothing is forgotten.",
    "Recovery times vary, and many people return to light work within a few weeks of starting {t}.",
    "If your symptoms change suddenly, contact your GP or the out-of-hours service.",
    "The procedure usually takes under an hour and is done under local anaesthetic.",
    "Costs depend on the clinic, the number of sessions and whether follow-up visits are included.",
    "Bring a friend or relative to your consultation if you would like support.",
    "Most clinics ask for recent scans or test results before they confirm a booking.",
    "Nobody yet knows how long the benefits of {t} last, and larger trials are still under way.",
    "You may feel some soreness around the {part} for a day or two afterwards.",
]
HEADINGS = ["Understanding {C}", "How {t} works", "What the research says", "Risks and side effects",
            "Costs and what to expect", "Choosing a clinic", "Living with {c}", "Frequently asked questions"]
LIST_ITEMS = ["Ask how many procedures the team performs each year.", "Check what aftercare is included.",
              "Bring a list of your current medicines.", "Plan for someone to drive you home.",
              "Ask what happens if the treatment does not help.", "Keep a symptom diary for two weeks."]


def _sentence(rng: random.Random, cond, refs: int, used: set) -> str:
    c, t, part = cond
    templates = TEMPLATES_CLAIM if rng.random() < 0.45 else TEMPLATES_PLAIN
    template = rng.choice([x for x in templates if x not in used] or templates)
    used.add(template)
    text = template.format(
        c=c, C=c.capitalize(), t=t, part=part, n=rng.randint(40, 900), p=rng.randint(12, 85), w=rng.randint(2, 24),
        ref=rng.randint(1, refs), weasel=rng.choice(WEASEL), peacock=rng.choice(PEACOCK), outcome=rng.choice(OUTCOMES),
        absolute=rng.choice(ABSOLUTE), pub=rng.choice(PUBLISHERS), d=rng.randint(1000, 9999), pmid=rng.randint(10**6, 10**7),
    )
    return text[0].upper() + text[1:]


def make_article(rng: random.Random, index: int, words: int = ARTICLE_WORDS) -> str:
    cond = CONDITIONS[index % len(CONDITIONS)]
    c, t, _ = cond
    refs = rng.randint(3, 6)
    parts = [f"{t.capitalize()} for {c}: what to know", ""]
    count = 0
    headings = list(HEADINGS)
    while count < words - 120:
        heading = headings.pop(0) if headings else f"More about {c}"
        heading = heading.format(c=c, C=c.capitalize(), t=t)
        parts += [heading, ""]
        for _ in range(rng.randint(2, 4)):
            used: set = set()
            para = " ".join(_sentence(rng, cond, refs, used) for _ in range(rng.randint(3, 6)))
            parts += [para, ""]
            count += len(para.split())
        if rng.random() < 0.4:
            items = rng.sample(LIST_ITEMS, 3)
            parts += ["Before you book:", *[f"• {item}" for item in items], ""]
            count += sum(len(i.split()) for i in items) + 3
    parts += ["Sources", ""]
    for r in range(1, refs + 1):
        parts.append(f"[{r}] Author {chr(64 + r)}. Trial of {t} in {c}. {rng.choice(PUBLISHERS)}. {rng.randint(2005, 2024)}. "
                     f"https://journals.example/{index}/{r}")
    parts += ["", "Disclaimer: This article is for general information and is not a substitute for professional "
              "medical advice. Consult a qualified clinician about your own situation."]
    return "\n".join(parts) + "\n"


def make_corpus(total_words: int, seed: int = 20240611) -> list[str]:
    rng = random.Random(seed)
    texts, count = [], 0
    while count < total_words:
        text = make_article(rng, len(texts))
        texts.append(text)
        count += len(text.split())
    return texts


def _time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def run_vetted(texts: list[str]):
    from linting.core.config import Config
    from linting.core.engine import active_rules, lint_document
    from linting.sources.txt import parse_txt

    config = Config()
    rules = active_rules(config, network=False)
    findings = [0]

    def go():
        n = 0
        for i, text in enumerate(texts):
            doc = parse_txt(text, f"bench/{i}.txt")
            n += len(lint_document(doc, config, rules=rules).findings)
        findings[0] = n

    return go, findings, [r.id for r in rules]


def rule_breakdown(texts: list[str]) -> list[tuple[str, float]]:
    """Seconds per rule over the corpus (sentences pre-split, so splitting is not charged to a rule)."""
    from linting.core.config import Config
    from linting.core.engine import active_rules
    from linting.core.registry import LintContext
    from linting.sources.txt import parse_txt

    config = Config()
    docs = [parse_txt(text, f"bench/{i}.txt") for i, text in enumerate(texts)]
    for doc in docs:
        for section in doc.sections:
            section.sentences  # noqa: B018 - warm the cached split
    ctx = LintContext(config=config)
    out = []
    for rule in active_rules(config, network=False):
        start = time.perf_counter()
        for doc in docs:
            for _ in rule.check(doc, ctx):
                pass
        out.append((rule.id, time.perf_counter() - start))
    return sorted(out, key=lambda item: item[1], reverse=True)


def run_parse_only(texts: list[str]):
    from linting.sources.txt import parse_txt

    def go():
        for i, text in enumerate(texts):
            for section in parse_txt(text, f"bench/{i}.txt").sections:
                section.sentences  # noqa: B018 - splitting is part of parsing

    return go


def run_proselint(texts: list[str]):
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    registry = CheckRegistry()
    if not registry.checks:  # what proselint's own CLI does before linting
        registry.register_many(__register__)
    config = dict(DEFAULT, max_errors=10**9)
    findings = [0]

    def go():
        findings[0] = sum(len(LintFile(f"bench/{i}.txt", text).lint(config)) for i, text in enumerate(texts))

    return go, findings


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs per tool; the fastest counts")
    ap.add_argument("--no-breakdown", dest="breakdown", action="store_false", help="skip the per-rule timings")
    args = ap.parse_args(argv)

    texts = make_corpus(args.words)
    words = sum(len(t.split()) for t in texts)
    per_article = statistics.mean(len(t.split()) for t in texts)

    vetted, v_findings, rule_ids = run_vetted(texts)
    vetted_once = run_vetted(texts[:1])[0]
    vetted_once()  # warm-up: word-list regexes compile once per process
    v_secs = _time(vetted, args.repeat)

    parse_secs = _time(run_parse_only(texts), args.repeat)

    prose, p_findings = run_proselint(texts)
    run_proselint(texts[:1])[0]()  # warm-up
    p_secs = _time(prose, args.repeat)

    def ms_per_2000(secs):
        return secs / words * ARTICLE_WORDS * 1000

    v_wps, p_wps = words / v_secs, words / p_secs
    print(f"Corpus: {len(texts)} articles, {words:,} words (mean {per_article:,.0f} words/article); best of {args.repeat}")
    print(f"Vetted rules ({len(rule_ids)}, network rules off): {', '.join(rule_ids)}")
    print()
    print(f"{'tool':<22}{'seconds':>10}{'words/s':>14}{'ms/2,000-word article':>24}{'findings':>10}")
    print("-" * 80)
    print(f"{'vetted (parse+lint)':<22}{v_secs:>10.3f}{v_wps:>14,.0f}{ms_per_2000(v_secs):>24.1f}{v_findings[0]:>10,}")
    print(f"{'  of which parsing':<22}{parse_secs:>10.3f}{words / parse_secs:>14,.0f}{ms_per_2000(parse_secs):>24.1f}{'':>10}")
    print(f"{'proselint 0.16':<22}{p_secs:>10.3f}{p_wps:>14,.0f}{ms_per_2000(p_secs):>24.1f}{p_findings[0]:>10,}")
    print("-" * 80)
    ratio = v_wps / p_wps
    verdict = "meets" if ratio >= 4 else "misses"
    print(f"Vetted / proselint words/s: {ratio:.1f}x ({verdict} the >= 4x goal)")
    if args.breakdown:
        print()
        print(f"{'slowest rules':<32}{'seconds':>10}{'ms/2,000-word article':>24}")
        for rule_id, secs in rule_breakdown(texts)[:8]:
            print(f"{rule_id:<32}{secs:>10.3f}{ms_per_2000(secs):>24.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
