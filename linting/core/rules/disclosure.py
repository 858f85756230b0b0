"""Commercial disclosure: a page that earns from what it describes says so (HONcode 7, 8)."""

from __future__ import annotations

import re

from linting.core import wordlists
from linting.core.findings import Severity
from linting.core.registry import Rule, RuleDocs, registry

# Booking with a public service (your GP surgery, an NHS clinic) earns the publisher nothing.
_PUBLIC_PROVIDER = re.compile(
    r"\b(?:GP|GPs|NHS|surgery|practice\s+nurse|health\s+visitor|pharmacist|local\s+pharmacy|council|school\s+nurse)\b"
)


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = text.find(". ", end)
    return text[left : right if right != -1 else len(text)]


def _public_booking(text: str, m) -> bool:
    word = m.group(0).lower()
    return "book" in word and bool(_PUBLIC_PROVIDER.search(_sentence_around(text, m.start(), m.end())))


def commercial_signals(doc, config=None) -> list[str]:
    """Cue strings showing the publisher sells, brokers or earns from what the page describes."""
    cues: list[str] = []
    for section in doc.sections:
        if section.kind in ("disclaimer", "sources", "disclosure"):
            continue
        for m in wordlists.find_all("sell_signals", section.text, config):
            if not _public_booking(section.text, m):
                cues.append(" ".join(m.group(0).lower().split()))
        if section.kind == "cta" and section.attrs.get("sponsored"):
            cues.append("sponsored call to action")
    for _, link in doc.extra_links:
        if re.search(r"[?&](?:ref|aff|affiliate|tag|utm_medium=affiliate)=", link.url or "", re.I):
            cues.append("affiliate link")
    return list(dict.fromkeys(cues))


def has_disclosure(doc, config=None) -> bool:
    for section in doc.sections:
        if section.kind == "disclosure" and section.text.strip():
            return True
        if section.attrs.get("sponsored"):
            return True
        if section.kind in ("sources",):
            continue
        if wordlists.search("disclosure", section.text, config):
            return True
    return False


@registry.register
class CommercialDisclosure(Rule):
    id = "disclosure.commercial"
    severity = Severity.ERROR
    summary = "The page sells or earns from what it describes and states no financial relationship."
    docs = RuleDocs(
        what=(
            "Fires once when the page carries commercial signals (quotes, bookings, prices, deposits, 'our "
            "clinic', partner clinics, referral or affiliate links) and no disclosure of the financial "
            "relationship (commission, referral fee, affiliate, sponsored). Free public or charity "
            "programmes are not commercial; a CMS call-to-action block marked sponsored is itself the disclosure."
        ),
        why="HONcode principles 7 (financial disclosure) and 8 (advertising policy), and the FTC Endorsement Guides: readers must know when the publisher profits from their choice.",
        example="Get a free quote from our partner clinics today. Treatment starts from £3,000.",
        use_instead="How we make money: we receive a commission from the clinics listed when you book through us.",
        fix="State the financial relationship plainly near the call to action (who pays you, and for what).",
    )

    def check(self, doc, ctx):
        cues = commercial_signals(doc, ctx.config)
        if not cues or has_disclosure(doc, ctx.config):
            return
        yield self.finding(
            "The page earns from what it describes but states no financial relationship.",
            cues=cues[:6],
            suggestion="Add a disclosure such as 'We receive a fee from the clinics listed when you book through us.'",
        )
