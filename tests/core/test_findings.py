"""Fast paths of finding creation answer exactly like the plain definitions."""

import random
import re
import unicodedata

from linting.core.findings import collapse_ws, normalise_for_fingerprint


def _plain_normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"\[\d+\]", " ", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _texts() -> list[str]:
    rng = random.Random(3)
    alphabet = "aZ9_ .,;-'[]1\t\n\x0b\x1c\x7f\u00a0\u2009é\u0301İſK—"
    texts = ["", " ", "A  b", " lead", "trail ", "Knee [1] pain.", "[12]x", "x[1]2]", "Café CAFÉ", "e\u0301", "a\u2028b"]
    return texts + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25))) for _ in range(20000)]


def test_collapse_ws_is_the_regex():
    for text in _texts():
        assert collapse_ws(text) == re.sub(r"\s+", " ", text).strip(), repr(text)


def test_normalise_for_fingerprint_is_the_plain_definition():
    for text in _texts():
        assert normalise_for_fingerprint(text) == _plain_normalise(text), repr(text)
