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


def test_finding_init_takes_the_fields():
    """``Finding.__init__`` is written out (for speed): it must take exactly the fields, in order,
    with their defaults, and behave like the generated one."""
    import dataclasses
    import inspect

    from linting.core.findings import Finding, Severity

    params = list(inspect.signature(Finding.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Finding)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]
    f = Finding("r", Severity.INFO, "m", excerpt="e", cues=("a",))
    assert f == Finding(rule="r", severity=Severity.INFO, message="m", excerpt="e", cues=("a",)) and hash(f) == hash(dataclasses.replace(f))
    assert dataclasses.replace(f, severity=Severity.ERROR).severity is Severity.ERROR
    assert Finding.from_dict(f.to_dict()) == f
    try:
        f.rule = "x"
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Finding must stay frozen")


def test_document_value_inits_take_the_fields():
    """Sentence, Link and Citation write their own __init__ too: the same contract."""
    import dataclasses
    import inspect

    from linting.core.document import Citation, Link, Sentence

    for cls, args in ((Sentence, ("a", 0, 1)), (Link, ("https://x.example",)), (Citation, ("1", 0, 3))):
        params = list(inspect.signature(cls.__init__).parameters.values())[1:]
        fields = dataclasses.fields(cls)
        assert [p.name for p in params] == [f.name for f in fields], cls
        assert [p.default for p in params] == [
            inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
        ], cls
        value = cls(*args)
        assert value == cls(**dict(zip([f.name for f in fields], args))) and hash(value) == hash(dataclasses.replace(value))
        assert dataclasses.asdict(value) == {f.name: getattr(value, f.name) for f in fields}
        try:
            setattr(value, fields[0].name, "x")
        except dataclasses.FrozenInstanceError:
            pass
        else:
            raise AssertionError(f"{cls.__name__} must stay frozen")
