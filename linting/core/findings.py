"""Findings and reports: the finding contract of DESIGN.md, as data.

``Finding.to_dict()`` is exactly the JSON shape CI scripts rely on; keep it stable.
"""

from __future__ import annotations

import enum
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from .wordgate import ASCII_WORD_BYTES


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= threshold`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


_WS = re.compile(r"\s+")
_MARKER = re.compile(r"\[\d+\]")
_WORD_RUN = re.compile(r"\w+")


def collapse_ws(text: str) -> str:
    text = text or ""
    # Printable text holds no whitespace but the plain space: most excerpts are already collapsed.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return _WS.sub(" ", text).strip()


def normalise_for_fingerprint(text: str) -> str:
    """Lower-case, accents, punctuation and citation markers removed, whitespace collapsed.

    Small edits elsewhere in the article never change it; an edit to the sentence itself does.
    """
    text = text or ""
    if text.isascii():
        # NFKD leaves ASCII alone and casefold is lower there; punctuation turned to spaces and
        # whitespace collapsed leaves the runs of word characters: one byte table does both.
        if "[" in text:
            text = _MARKER.sub(" ", text)
        return b" ".join(text.encode("ascii").translate(ASCII_WORD_BYTES).split()).decode("ascii")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    if "[" in text:
        text = _MARKER.sub(" ", text)
    return " ".join(_WORD_RUN.findall(text))


def make_fingerprint(rule: str, excerpt: str | None, url: str | None = None, extra: str = "") -> str:
    basis = "\x1f".join((rule, normalise_for_fingerprint(excerpt or ""), url or "", extra))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, init=False)
class Finding:
    rule: str
    severity: Severity
    message: str
    section: str | None = None
    block_id: str | None = None
    excerpt: str | None = None
    start: int | None = None
    end: int | None = None
    cues: tuple[str, ...] = ()
    url: str | None = None
    suggestion: str = ""
    fingerprint: str = ""

    def __init__(
        self,
        rule: str,
        severity: Severity,
        message: str,
        section: str | None = None,
        block_id: str | None = None,
        excerpt: str | None = None,
        start: int | None = None,
        end: int | None = None,
        cues: tuple[str, ...] = (),
        url: str | None = None,
        suggestion: str = "",
        fingerprint: str = "",
    ) -> None:
        # The generated __init__ of a frozen dataclass makes one object.__setattr__ call per
        # field; a lint makes thousands of findings, so the fields go straight into the
        # instance dict. (tests/core/test_findings.py keeps this signature equal to the fields.)
        fields = self.__dict__
        fields["rule"] = rule
        fields["severity"] = severity
        fields["message"] = message
        fields["section"] = section
        fields["block_id"] = block_id
        fields["excerpt"] = excerpt
        fields["start"] = start
        fields["end"] = end
        fields["cues"] = cues
        fields["url"] = url
        fields["suggestion"] = suggestion
        fields["fingerprint"] = fingerprint

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "section": self.section,
            "block_id": self.block_id,
            "excerpt": self.excerpt,
            "start": self.start,
            "end": self.end,
            "cues": list(self.cues),
            "url": self.url,
            "suggestion": self.suggestion,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return cls(
            rule=data["rule"],
            severity=Severity.parse(data["severity"]),
            message=data["message"],
            section=data.get("section"),
            block_id=data.get("block_id"),
            excerpt=data.get("excerpt"),
            start=data.get("start"),
            end=data.get("end"),
            cues=tuple(data.get("cues") or ()),
            url=data.get("url"),
            suggestion=data.get("suggestion", ""),
            fingerprint=data.get("fingerprint", ""),
        )


@dataclass
class DocumentReport:
    """The findings for one document, in document order."""

    path: str
    title: str
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def to_dict(self) -> dict:
        return {"path": self.path, "title": self.title, "findings": [f.to_dict() for f in self.findings]}


@dataclass
class Report:
    """A run over one or more documents (the ``--format json`` object)."""

    documents: list[DocumentReport] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(d.count(severity) for d in self.documents)

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    def max_severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def to_dict(self) -> dict:
        return {
            "version": 1,
            "documents": [d.to_dict() for d in self.documents],
            "summary": {
                "documents": len(self.documents),
                "error": self.count(Severity.ERROR),
                "warning": self.count(Severity.WARNING),
                "info": self.count(Severity.INFO),
            },
        }
