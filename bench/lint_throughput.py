"""Lint throughput: Vetted's non-network rules against proselint 0.16 on the same generated corpus.

Generates >= 50,000 words of health-article text (claims with and without citations, peacock
and weasel words, lists, a sources list and a disclaimer), lints it end to end (parse + every
non-network rule) and prints words/second and milliseconds per 2,000-word article for Vetted
and proselint, and the ratio (goal: Vetted >= 4x proselint's words/second).

The headline figure is cold. The linter remembers results per text (sentence, section) because
lint-on-save mostly re-reads unchanged text; a corpus that repeats sentences would turn those
memos into speed it does not have. So every sentence the generator writes is distinct across the
whole corpus (checked, and the share of unique sentences printed), and every per-text memo is
cleared before each article (``linting.core.textcache``). Per-word caches (syllables, word-list
stems) stay warm, as in a running server; ``--cold-words`` clears those too. A second, labelled
figure re-lints each article with its memos warm: what lint-on-save sees for an unchanged article.

Run: ``.venv/bin/python bench/lint_throughput.py [--words 50000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ARTICLE_WORDS = 2000

CONDITIONS = [
    ("knee osteoarthritis", "hyaluronic acid therapy", "knee"),
    ("migraine", "nerve block treatment", "head"),
    ("type 2 diabetes", "a low-carbohydrate diet", "blood sugar"),
    ("chronic back pain", "spinal decompression", "lower back"),
    ("hair loss", "platelet-rich plasma therapy", "scalp"),
    ("sleep apnoea", "a mandibular advancement device", "airway"),
    ("tinnitus", "sound therapy", "ear"),
    ("acid reflux", "keyhole fundoplication", "stomach"),
    ("plantar fasciitis", "shockwave therapy", "heel"),
    ("varicose veins", "endovenous laser ablation", "leg"),
    ("cataracts", "lens replacement surgery", "eye"),
    ("rotator cuff tears", "arthroscopic repair", "shoulder"),
    ("psoriasis", "biologic injections", "skin"),
    ("overactive bladder", "bladder wall injections", "bladder"),
    ("carpal tunnel syndrome", "carpal tunnel release", "wrist"),
    ("gum disease", "deep root cleaning", "gums"),
]
PEACOCK = ["world-class", "renowned", "cutting-edge", "leading", "remarkable", "state-of-the-art", "pioneering"]
WEASEL = ["Studies show", "Experts agree", "Many doctors believe", "Research suggests", "It is widely accepted"]
ABSOLUTE = ["a guaranteed result", "a permanent cure", "no side effects", "a completely safe option", "a risk-free choice"]
OUTCOMES = ["remarkable", "outstanding", "truly transformative", "beyond expectations", "excellent", "very encouraging"]
PUBLISHERS = ["The Lancet", "BMJ", "JAMA", "NICE", "Cochrane Library", "NEJM"]
WHO = ["adults", "older adults", "women over 50", "men", "people aged 40 to 65", "office workers", "runners",
       "patients", "retired people", "young adults", "people with obesity", "smokers", "manual workers", "carers"]
DOCTOR = ["GP", "physiotherapist", "specialist nurse", "consultant", "pharmacist", "surgeon", "practice nurse", "specialist"]
CITY = ["Leeds", "Bristol", "Glasgow", "Cardiff", "Norwich", "York", "Belfast", "Exeter", "Derby", "Bath",
        "Dundee", "Hull", "Preston", "Oxford", "Brighton", "Carlisle"]
TASK = ["everyday tasks", "climbing stairs", "sleeping", "working at a desk", "driving", "carrying shopping",
        "playing sport", "concentrating at work", "looking after children", "housework", "gardening"]
WORSE = ["worse", "better or worse", "flare up", "ease off", "harder to ignore", "keep you awake"]
ACTIVITY = ["gentle walking", "swimming", "stretching", "cycling", "yoga", "light gardening", "tai chi", "pilates",
            "strength exercises", "a daily routine"]
SERVICE = ["the out-of-hours service", "NHS 111", "the clinic's helpline", "your local urgent care centre",
           "the ward that treated you", "the duty doctor"]
ANAESTHETIC = ["local anaesthetic", "light sedation", "general anaesthetic", "a nerve block", "numbing cream"]
SCAN = ["recent scans", "test results", "a referral letter", "a list of your medicines", "blood test results", "X-rays"]
FRIEND = ["friend", "relative", "partner", "neighbour", "carer", "family member"]
QOL = ["quality of life", "sleep", "mobility", "mood", "energy levels", "day-to-day comfort", "confidence", "work attendance"]
ALTERNATIVE = ["surgery", "steroid injections", "long-term painkillers", "physiotherapy alone", "watchful waiting"]
SMALL = ["small", "modest", "short-lived", "hard to measure", "smaller than hoped", "uneven"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
ORDINAL = ["first", "second", "third", "follow-up", "review", "next"]
WORK = ["light work", "desk work", "driving", "normal duties", "part-time work", "their usual routine"]

TEMPLATES_CLAIM = [
    "In a trial of {n} {who}, {t} reduced symptoms of {c} by {p}% after {w} weeks [{ref}].",
    "{weasel} that {t} improves {qol} for people with {c}.",
    "Our {peacock} clinic in {city} offers {t}, {absolute} for {c}.",
    "Patients treated with {t} were {p}% less likely to need surgery within {w} months (doi:10.{d}/vh.{n}).",
    "A review by {pub} found that {t} helped some {who} with {c}, although the effect was {small}.",
    "{t} has a success rate of {p}% according to our own figures from {year}.",
    "Results from {n} patients at our {peacock} centre in {city} were {outcome}.",
    "Nearly every patient we treat in {city} feels better within {w} weeks, which shows how well {t} works.",
    "{weasel} that {t} is safer than {alt} for {c}.",
    "According to {pub} guidance, {t} should be offered to {who} only after {w} weeks of simpler measures.",
    "Compared with standard care, {t} cut hospital stays by {w} days on average (PMID: {pmid}).",
]
TEMPLATES_PLAIN = [
    "{c} affects the {part} and can make {task} harder for {who}.",
    "Your {doctor} will ask about your symptoms, how long you have had them and what makes them {worse}.",
    "Some {who} find that {activity} helps, while others need more support from a {doctor}.",
    "It is worth writing down your questions before the {ordinal} appointment in {city} so that nothing is forgotten.",
    "Recovery times vary, and many {who} return to {work} within {w} weeks of starting {t}.",
    "If your symptoms change suddenly, contact your {doctor} or {service}.",
    "The procedure usually takes under {mins} minutes and is done under {anaesthetic}.",
    "Costs depend on the clinic in {city}, the number of sessions and whether {k} follow-up visits are included.",
    "Bring a {friend} to your {ordinal} consultation if you would like support.",
    "Most clinics ask for {scan} from the last {w} months before they confirm a booking.",
    "Nobody yet knows how long the benefits of {t} last for {who}, and larger trials are still under way.",
    "You may feel some soreness around the {part} for {k} days afterwards, and {activity} can wait.",
    "Sessions in {city} run on {weekday}s between {h1} am and {h2} pm.",
    "Parking at the {city} site costs £{price} a day, and the nearest station is a {mins}-minute walk.",
]
HEADINGS = ["Understanding {C}", "How {t} works", "What the research says", "Risks and side effects",
            "Costs and what to expect", "Choosing a clinic", "Living with {c}", "Frequently asked questions"]
LIST_ITEMS = ["Ask how many procedures the team in {city} performs each year.", "Check what aftercare is included for {who}.",
              "Bring a list of your current medicines to the {ordinal} visit.", "Plan for a {friend} to drive you home.",
              "Ask what happens if {t} does not help after {w} weeks.", "Keep a symptom diary for {k} weeks.",
              "Ask your {doctor} whether {activity} is safe for you."]
LIST_LEADS = ["Before you book in {city}:", "Before your {ordinal} visit:", "Questions for your {doctor}:",
              "Things to check before {t} in {city}:", "Before your {ordinal} appointment in {city}:",
              "What to ask a {city} clinic about {t}:"]
SURNAMES = ["Patel", "Okafor", "Lindqvist", "Moreau", "Nakamura", "Kowalski", "Haddad", "Brennan", "Silva", "Osei",
            "Fischer", "Ahmed", "Rossi", "Jensen", "Murphy", "Chen"]
STUDY_KINDS = ["Randomised trial", "Cohort study", "Systematic review", "Pilot study", "Audit", "Case series"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight"]


def _slots(rng: random.Random, cond, refs: int) -> dict:
    c, t, part = cond
    return dict(
        c=c, C=c.capitalize(), t=t, part=part, n=rng.randint(40, 900), p=rng.randint(12, 85), w=rng.randint(2, 24),
        ref=rng.randint(1, refs), weasel=rng.choice(WEASEL), peacock=rng.choice(PEACOCK), outcome=rng.choice(OUTCOMES),
        absolute=rng.choice(ABSOLUTE), pub=rng.choice(PUBLISHERS), d=rng.randint(1000, 9999),
        pmid=rng.randint(10**6, 10**7), who=rng.choice(WHO), doctor=rng.choice(DOCTOR), city=rng.choice(CITY),
        task=rng.choice(TASK), worse=rng.choice(WORSE), activity=rng.choice(ACTIVITY), service=rng.choice(SERVICE),
        anaesthetic=rng.choice(ANAESTHETIC), scan=rng.choice(SCAN), friend=rng.choice(FRIEND), qol=rng.choice(QOL),
        alt=rng.choice(ALTERNATIVE), small=rng.choice(SMALL), weekday=rng.choice(WEEKDAYS), ordinal=rng.choice(ORDINAL),
        work=rng.choice(WORK), year=rng.randint(2012, 2024), mins=rng.randint(15, 95), k=rng.choice(NUMBER_WORDS),
        h1=rng.randint(7, 10), h2=rng.randint(4, 8), price=rng.randint(3, 19),
    )


def _unique(rng: random.Random, make, used: set) -> str:
    """A text from ``make(rng)`` that the corpus does not hold yet (sentences never repeat)."""
    for _ in range(200):
        text = make(rng)
        if text not in used:
            break
    used.add(text)
    return text


def _sentence(rng: random.Random, cond, refs: int, used: set, in_para: set) -> str:
    def make(rng):
        templates = TEMPLATES_CLAIM if rng.random() < 0.45 else TEMPLATES_PLAIN
        template = rng.choice([x for x in templates if x not in in_para] or templates)
        text = template.format(**_slots(rng, cond, refs))
        return text[0].upper() + text[1:]

    return _unique(rng, make, used)


def make_article(rng: random.Random, index: int, used: set, words: int = ARTICLE_WORDS) -> str:
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
            in_para: set = set()
            para = " ".join(_sentence(rng, cond, refs, used, in_para) for _ in range(rng.randint(3, 6)))
            parts += [para, ""]
            count += len(para.split())
        if rng.random() < 0.4:
            items = [_unique(rng, lambda r: r.choice(LIST_ITEMS).format(**_slots(r, cond, refs)), used) for _ in range(3)]
            lead = _unique(rng, lambda r: r.choice(LIST_LEADS).format(**_slots(r, cond, refs)), used)
            parts += [lead, *[f"• {item}" for item in items], ""]
            count += sum(len(i.split()) for i in items) + 3
    parts += ["Sources", ""]
    for r in range(1, refs + 1):
        parts.append(_unique(rng, lambda g: f"[{r}] {g.choice(SURNAMES)} {chr(65 + g.randrange(26))}, {g.choice(SURNAMES)} "
                             f"{chr(65 + g.randrange(26))}. {g.choice(STUDY_KINDS)} of {t} in {g.choice(WHO)} with {c}. "
                             f"{g.choice(PUBLISHERS)} {g.randint(2005, 2024)};{g.randint(1, 400)}:{g.randint(1, 2000)}. "
                             f"https://journals.example/{index}/{r}", used))
    first = _unique(rng, lambda r: f"This guide to {c} for {r.choice(WHO)} is general information and is not a substitute "
                    f"for professional medical advice.", used)
    second = _unique(rng, lambda r: f"Consult a qualified {r.choice(DOCTOR)} about {t} and your own situation "
                     f"before you book in {r.choice(CITY)}.", used)
    parts += ["", f"Disclaimer: {first} {second}"]
    return "\n".join(parts) + "\n"


def make_corpus(total_words: int, seed: int = 20240611) -> list[str]:
    rng = random.Random(seed)
    texts, count, used = [], 0, set()
    while count < total_words:
        text = make_article(rng, len(texts), used)
        texts.append(text)
        count += len(text.split())
    return texts


def sentence_uniqueness(texts: list[str]) -> tuple[int, int]:
    """(distinct, total) sentence texts over the corpus, as the linter splits them."""
    from linting.sources.txt import parse_txt

    counts = Counter(
        s.text for i, text in enumerate(texts) for section in parse_txt(text, f"bench/{i}.txt").sections for s in section.sentences
    )
    return len(counts), sum(counts.values())


def _time(fn, repeat: int) -> float:
    return _time_each([fn], repeat)[0]


def _time_each(fns, repeat: int) -> list[float]:
    """The fastest of ``repeat`` runs of each of ``fns``, taken in turns (a, b, a, b, ...).

    Taking turns puts both tools through the same spells of a busy or throttled machine, so a
    slow minute does not land on one tool's runs only and skew the ratio.
    """
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def _clear(words: bool = False):
    from linting.core import textcache

    if words:
        textcache.clear_word_caches()
    textcache.clear_text_caches()


def run_vetted(texts: list[str], *, cold_words: bool = False):
    """Parse + lint every article, every per-text memo cleared before each (the cold figure)."""
    from linting.core.config import Config
    from linting.core.engine import active_rules, lint_document
    from linting.sources.txt import parse_txt

    config = Config()
    rules = active_rules(config, network=False)
    findings = [0]

    def go():
        n = 0
        for i, text in enumerate(texts):
            _clear(cold_words)
            doc = parse_txt(text, f"bench/{i}.txt")
            n += len(lint_document(doc, config, rules=rules).findings)
        findings[0] = n

    return go, findings, [r.id for r in rules]


def relint_seconds(texts: list[str], repeat: int) -> float:
    """Seconds to lint each article a second time, right after a first lint (memos warm)."""
    from linting.core.config import Config
    from linting.core.engine import active_rules, lint_document
    from linting.sources.txt import parse_txt

    config = Config()
    rules = active_rules(config, network=False)
    best = float("inf")
    for _ in range(repeat):
        total = 0.0
        for i, text in enumerate(texts):
            _clear()
            lint_document(parse_txt(text, f"bench/{i}.txt"), config, rules=rules)
            start = time.perf_counter()
            lint_document(parse_txt(text, f"bench/{i}.txt"), config, rules=rules)
            total += time.perf_counter() - start
        best = min(best, total)
    return best


def rule_breakdown(texts: list[str]) -> list[tuple[str, float]]:
    """Seconds per rule over the corpus, each rule alone on cold memos (sentences pre-split).

    Rules share memos (word-list results per sentence), so a rule run alone pays for work
    another rule would have paid for in a full run: the sum exceeds the full run.
    """
    from linting.core.config import Config
    from linting.core.engine import active_rules
    from linting.core.registry import LintContext
    from linting.sources.txt import parse_txt

    config = Config()
    docs = [parse_txt(text, f"bench/{i}.txt") for i, text in enumerate(texts)]
    for doc in docs:
        for section in doc.sections:
            section.sentences  # noqa: B018 - warm the cached split
    out = []
    for rule in active_rules(config, network=False):
        secs = 0.0
        for doc in docs:
            _clear()
            ctx = LintContext(config=config)
            start = time.perf_counter()
            for _ in rule.check(doc, ctx):
                pass
            secs += time.perf_counter() - start
        out.append((rule.id, secs))
    return sorted(out, key=lambda item: item[1], reverse=True)


def run_parse_only(texts: list[str]):
    from linting.sources.txt import parse_txt

    def go():
        for i, text in enumerate(texts):
            _clear()
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
    ap.add_argument("--cold-words", action="store_true", help="also clear per-word caches before each article")
    ap.add_argument("--no-breakdown", dest="breakdown", action="store_false", help="skip the per-rule timings")
    args = ap.parse_args(argv)

    texts = make_corpus(args.words)
    words = sum(len(t.split()) for t in texts)
    per_article = statistics.mean(len(t.split()) for t in texts)
    distinct, total = sentence_uniqueness(texts)

    vetted, v_findings, rule_ids = run_vetted(texts, cold_words=args.cold_words)
    run_vetted(texts[:1])[0]()  # warm-up: word-list regexes compile once per process
    prose, p_findings = run_proselint(texts)
    run_proselint(texts[:1])[0]()  # warm-up
    v_secs, p_secs = _time_each([vetted, prose], args.repeat)
    warm_secs = relint_seconds(texts, args.repeat)
    parse_secs = _time(run_parse_only(texts), args.repeat)

    def ms_per_2000(secs):
        return secs / words * ARTICLE_WORDS * 1000

    v_wps, p_wps = words / v_secs, words / p_secs
    print(f"Corpus: {len(texts)} articles, {words:,} words (mean {per_article:,.0f} words/article); best of {args.repeat}, the two tools taking turns")
    print(f"Sentences: {total:,}, of which {distinct:,} distinct ({distinct / total:.1%} unique across the corpus)")
    print(f"Vetted rules ({len(rule_ids)}, network rules off): {', '.join(rule_ids)}")
    caches = "per-text and per-word caches" if args.cold_words else "per-text memos (per-word caches kept, as in a server)"
    print(f"Cold: {caches} cleared before each article")
    print()
    print(f"{'tool':<26}{'seconds':>10}{'words/s':>14}{'ms/2,000-word article':>24}{'findings':>10}")
    print("-" * 84)
    print(f"{'vetted, cold (parse+lint)':<26}{v_secs:>10.3f}{v_wps:>14,.0f}{ms_per_2000(v_secs):>24.1f}{v_findings[0]:>10,}")
    print(f"{'  of which parsing':<26}{parse_secs:>10.3f}{words / parse_secs:>14,.0f}{ms_per_2000(parse_secs):>24.1f}{'':>10}")
    print(f"{'proselint 0.16':<26}{p_secs:>10.3f}{p_wps:>14,.0f}{ms_per_2000(p_secs):>24.1f}{p_findings[0]:>10,}")
    print("-" * 84)
    ratio = v_wps / p_wps
    verdict = "meets" if ratio >= 4 else "misses"
    print(f"Vetted (cold) / proselint words/s: {ratio:.1f}x ({verdict} the >= 4x goal)")
    print()
    print(f"Not the headline: re-linting an unchanged article with warm memos (lint-on-save): "
          f"{ms_per_2000(warm_secs):.1f} ms/2,000 words, {words / warm_secs:,.0f} words/s "
          f"({words / warm_secs / p_wps:.1f}x proselint)")
    if args.breakdown:
        print()
        print(f"{'slowest rules (each alone, cold)':<36}{'seconds':>10}{'ms/2,000-word article':>24}")
        for rule_id, secs in rule_breakdown(texts)[:8]:
            print(f"{rule_id:<36}{secs:>10.3f}{ms_per_2000(secs):>24.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
