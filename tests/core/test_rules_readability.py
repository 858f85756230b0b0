import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from linting.core.config import Config
from linting.core.rules.readability import reading_grade

from ._articles import article, findings

REPO = Path(__file__).resolve().parents[2]

HARD = (
    "Autologous chondrocyte implantation necessitates arthroscopic harvesting of cartilaginous tissue, "
    "subsequent laboratory proliferation of chondrocytes, and meticulous reimplantation beneath a periosteal "
    "membrane, considerably prolonging postoperative rehabilitation. "
) * 4
EASY = "The nurse checks your knee. She looks at how you walk. Then she tells you what to do next. " * 6


def test_grade_values_are_sensible():
    assert reading_grade(HARD) > 14
    assert reading_grade(EASY) < 6
    assert reading_grade("") is None


def test_grade_rule_fires_on_hard_section_only():
    found = findings(article("Hard part\n\n" + HARD + "\n\nEasy part\n\n" + EASY), "readability.grade")
    sections = {f.section for f in found}
    assert "Hard part" in sections and "Easy part" not in sections
    assert any(f.section is None and "whole article" in f.cues for f in found)


def test_short_sections_and_threshold_config():
    assert findings(article("Tiny\n\nAutologous chondrocyte implantation necessitates arthroscopy."), "readability.grade") == []
    cfg = Config(thresholds={"reading_grade": 40, "min_words_for_readability": 40, "sentence_words": 25, "review_months": 12})
    assert findings(article(HARD), "readability.grade", cfg) == []


def test_long_sentence():
    long = "This sentence " + "keeps going and going " * 8 + "until it ends."
    found = findings(article(long + "\n\nShort one."), "readability.long-sentence")
    assert len(found) == 1 and found[0].excerpt.startswith("This sentence")


OFFLINE_SCRIPT = textwrap.dedent(
    """
    import socket
    from linting.core.engine import lint_document
    from linting.core.registry import registry
    from linting.sources.txt import parse_txt
    text = open(__import__("sys").argv[1]).read()
    doc = parse_txt(text)
    rules = [registry.get("readability.grade")(), registry.get("readability.long-sentence")()]
    report = lint_document(doc, rules=rules)
    print(len(report.findings))
    """
)


def _offline_command(tmp_path: Path):
    guard = tmp_path / "sitecustomize.py"
    if shutil.which("unshare") and os.geteuid() == 0:
        probe = subprocess.run(["unshare", "--net", "true"], capture_output=True)
        if probe.returncode == 0:
            return ["unshare", "--net"], {}
    # Fallback: any socket connection attempt raises.
    guard.write_text(
        "import socket\n"
        "def _blocked(*a, **k):\n    raise OSError('network disabled by test')\n"
        "socket.socket.connect = _blocked\nsocket.create_connection = _blocked\n"
    )
    return [], {"PYTHONPATH": f"{tmp_path}{os.pathsep}{REPO}"}


def test_readability_runs_offline_with_clean_nltk_data(tmp_path):
    nltk_dir = tmp_path / "nltk_data"
    nltk_dir.mkdir()
    sample = tmp_path / "a.txt"
    sample.write_text(article("Hard part\n\n" + HARD))
    script = tmp_path / "run.py"
    script.write_text(OFFLINE_SCRIPT)
    prefix, extra_env = _offline_command(tmp_path)
    env = dict(os.environ, NLTK_DATA=str(nltk_dir), HOME=str(tmp_path), PYTHONPATH=str(REPO))
    env.update(extra_env)
    proc = subprocess.run(prefix + [sys.executable, str(script), str(sample)], capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 1
    assert list(nltk_dir.iterdir()) == []  # nothing was downloaded
    assert not (tmp_path / "nltk_data" / "corpora").exists()


def test_fast_counts_equal_textstat_and_the_plain_regexes():
    import re

    import textstat

    from linting.core.rules import readability as r
    from linting.sources.txt import parse_txt

    from ._articles import CITED, SEED_LIKE

    samples = [HARD, EASY, "", "  ", "Yes. No! Maybe? - - ok", "It's done . . . 'quoted' words; (see doi:10.1/x) [2]"]
    for source in (SEED_LIKE, CITED, HARD + "\n\n" + EASY):
        for section in parse_txt(source).sections:
            samples += [section.text] + [s.text for s in section.sentences]
    for text in samples:
        assert r.sentence_count(text) == textstat.sentence_count(text), text
        assert r.strip_markers(text) == r._MARKERS.sub(" ", text), text
    # Joined sections count like the sum of their parts (what the whole-article grade relies on).
    parts = [s.text for s in parse_txt(CITED).sections]
    joined = r.strip_markers("\n\n".join(parts))
    assert textstat.lexicon_count(joined) == sum(textstat.lexicon_count(r.strip_markers(p)) for p in parts)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", joined)
    expected = round(
        0.39 * (textstat.lexicon_count(joined) / max(1, textstat.sentence_count(joined)))
        + 11.8 * (sum(r.syllables(w) for w in words) / len(words)) - 15.59, 1,
    )
    assert r.reading_grade("\n\n".join(parts)) == expected


def test_lexicon_count_is_textstats():
    import random

    import textstat

    from linting.core.rules.readability import lexicon_count

    rng = random.Random(7)
    alphabet = "ab' ’-.,!?\"()[]\t\n'sdtvelr1_é—…\u00a0\x1c"
    texts = ["", "'", "it's", "' tis", "— a — b", "rock 'n' roll", "don't  ''  ’s"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for text in texts:
        assert lexicon_count(text) == textstat.lexicon_count(text), repr(text)


def _random_texts(seed: int, n: int, alphabet: str, longest: int = 40) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def test_three_word_pattern_is_the_token_test():
    """``_THREE_WORDS`` matches exactly the sentences textstat keeps (more than two word tokens)."""
    import re

    from linting.core.rules import readability as r

    def at_most_two_words(sentence: str) -> bool:  # the plain reading of textstat's rule
        return sum(1 for token in sentence.split() if re.search(r"\w", token)) <= 2

    texts = ["", "a", "a b", "a b c", "- a - b -", "- a - b - c", "(a) [b] {c}", "a\x1cb\x1fc", "a\u00a0b c", "é ü ñ", "_ _ _"]
    texts += _random_texts(11, 20000, "ab1_ -.,'’()\t\n\u00a0\x1c—é")
    for text in texts:
        assert (r._THREE_WORDS.match(text) is None) == at_most_two_words(text), repr(text)


def test_most_words_bounds_the_word_count():
    """long-sentence counts exactly only past ``_most_words``: it must never be below the count."""
    from linting.core.rules import readability as r
    from linting.core.sentences import split_sentences
    from linting.sources.txt import parse_txt

    from ._articles import CITED, SEED_LIKE

    texts = ["", "a", "don’t stop", "x[1]y z", "See doi:10.1/abc def and PMID: 12 (https://a.example/b) c.", "é-à ç", "-- ' a"]
    texts += [s.text for source in (SEED_LIKE, CITED, HARD) for section in parse_txt(source).sections for s in section.sentences]
    texts += _random_texts(13, 20000, "aZ '’-.é[1]2(doi:)PMID http://\n—")
    for text in texts:
        assert r._most_words(text) >= r.word_count(text), repr(text)
    plain = [s.text for s in split_sentences(EASY + HARD)]
    assert all(r._most_words(t) == r.word_count(t) for t in plain)  # tight on plain prose


def test_syllable_memo_answers_like_counting():
    from linting.core import textcache
    from linting.core.rules import readability as r

    words = ["knee", "Knee", "cartilage", "it's", "'", "-", "re-examine", "injections"]
    textcache.clear_word_caches()
    assert [r.syllables(w) for w in words] == [r._count_syllables(w) for w in words]
    assert [r.syllables(w) for w in words] == [r._count_syllables(w) for w in words]  # now from the memo


def _plain_counts(text: str) -> tuple[int, int, int]:
    """What ``_Counts`` used to compute: the counts of the whole text, markers removed."""
    import re

    from linting.core.rules import readability as r

    stripped = r._MARKERS.sub(" ", text)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", stripped)
    return r.lexicon_count(stripped), len(words), sum(r._count_syllables(w) for w in words)


def test_token_counts_sum_to_the_text_counts():
    """``_totals`` adds up remembered per-token counts (digits read as "0"): the same figures."""
    from linting.core import textcache
    from linting.core.rules import readability as r
    from linting.sources.txt import parse_txt

    from ._articles import CITED, SEED_LIKE

    texts = ["", " ", "12", "1 2", "[12]", "x[1]y", "[1,2–3]", "(doi:10.1/ab)", "(PMID: 123)", "PMID:99 x", "https://a.b/c",
             "٣ [٣] [3] ３", "a\ud800b 9", "doc:1 pmid doi:", "İ K ſ ı", "it's 'n' 90's", "x\u2028y\u00a0z\x1c1"]
    texts += [section.text for source in (SEED_LIKE, CITED, HARD + "\n\n" + EASY) for section in parse_txt(source).sections]
    texts += _random_texts(17, 20000, "aZk '’-.é[1]2,–(doi:)PMID http://\n\t—\u00a0\x1c٣İſ\ud800")
    for cold in (True, False):
        if cold:
            textcache.clear_word_caches()
        for text in texts:
            assert r._totals(text) == _plain_counts(text), repr(text)
            counts = r._Counts(text)
            assert (counts.lexicon, counts.words, counts.syllables) == _plain_counts(text), repr(text)
