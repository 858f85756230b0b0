"""Link rules that need no network: dangling link text and insecure (http://) links."""

from __future__ import annotations

import re

from linting.core.findings import Severity
from linting.core.registry import Rule, RuleDocs, registry
from linting.core.wordgate import fold

_TARGET = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d ()-]{7,}\d|\b[\w-]+\.(?:com|org|net|uk|example|gov|edu|io)\b", re.I)
# "please visit" / "visit" at the end of a clause with nothing after it, or running into a new sentence.
_VISIT = re.compile(r"\b(?:please\s+visit|visit\s+(?:our|the)\s+(?:website|site|page|link)|access\s+the\s+link|follow\s+(?:the|this)\s+link|(?:at|via|using)\s+the\s+link|click\s+(?:on\s+)?(?:the\s+)?(?:link|button))\b", re.I)
_CLICK_HERE = re.compile(r"\b(?:click|tap)\s+here\b", re.I)
_HERE_END = re.compile(
    r"\b(?:watch|read|see|view|download|find|learn|access|listen|sign\s+up|register|book|order|apply|available|"
    r"get|discover|explore|check)\b[^.!?]*\bhere\s*[.!]?\s*$",
    re.I,
)
# A button-style imperative ending in "here": "Buy a voucher here", "Start your assessment here".
_HERE_IMPERATIVE = re.compile(
    r"^(?:buy|start|begin|shop|claim|try|request|donate|subscribe|join|take|complete|order|pay|reserve|grab|"
    r"compare|contact|meet|browse|fill|send|share|leave|chat|choose|pick|upgrade|renew|redeem|unlock|gift|"
    r"sign|enrol|enroll|make\s+(?:a|an|your)|get)\b[^.!?]*\bhere\s*[.!]?\s*$",
    re.I,
)
_MODIFIERS = r"(?:(?!below\b)[a-z][\w-]*\s+){0,2}?"  # "the secure upload form below"
_BELOW = re.compile(rf"\b(?:the|our|this)\s+{_MODIFIERS}(?:form|link|button|video|map|calendar|widget|booking\s+form)\s+below\b", re.I)
# Page elements (not addresses): a phone number or e-mail in the sentence does not stand in for them.
_ELEMENT_BELOW = re.compile(rf"\b(?:the|our|this)\s+{_MODIFIERS}(?:form|video|map|calendar|widget|booking\s+form)\s+below\b", re.I)
# A line that is only a shop button's label: "Shop winter skincare", "Buy now", "Add to basket".
_BUY_LABEL = re.compile(
    r"^(?:shop|buy|browse|download|subscribe|order(?!\s+of\b)|add\s+to\s+(?:basket|cart|bag|trolley))\b[^.!?:;]*$", re.I
)


def is_buy_label(line: str) -> bool:
    """A short line with no closing punctuation that only a link or button could act on."""
    line = line.strip()
    return 0 < len(line.split()) <= 6 and bool(_BUY_LABEL.match(line)) and not _TARGET.search(line)
_ARROW = re.compile(r"[→»›]\s*$|>>\s*$")
_PARENS = re.compile(r"[()]")
# Text whose every "(" is closed on its line by a ")" with something between and no "(" before
# it: no empty "(" anywhere (a stray ")" closes nothing).
_PARENS_CLOSED = re.compile(r"(?:[^(]*+\([^\S\n]*+[^\s()][^()\n]*+\))*+[^(]*+")
_NEXT_IS_NEW = re.compile(r"^\s*(?:$|[A-Z][a-z]*\b)")
_FUNCTION_WORDS = frozenset(
    "to for the a an and if you we our this that learn get find embark start read call discover book apply "
    "see more click it in on".split()
)


def _snippet_start(text: str, end: int, floor: int) -> int:
    """Where the clause that ends at ``end`` starts (sentence start, at most 14 words back)."""
    start = max(floor, text.rfind("\n", 0, end) + 1)
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > 14:
        start += words[-14].start()
    return start


def _dangling_visit(text: str, m: re.Match) -> bool:
    rest = text[m.end() :]
    line_rest = rest.split("\n", 1)[0]
    if _TARGET.match(line_rest.strip()) or _TARGET.match(line_rest.lstrip(" :")):
        return False
    stripped = line_rest.strip()
    if not stripped or stripped[:1] in ".!":
        return True
    first = stripped.split()[0].strip(",.;:").lower()
    return stripped[:1].isupper() and first in _FUNCTION_WORDS


# Cheap stand-ins for "does _TARGET match anywhere in the sentence" (each alternative on its own).
_URL_START = re.compile(r"(?:https?://|www\.)\S", re.I)
_EMAIL_CORE = re.compile(r"[\w.+-]@[\w-]+\.[\w.-]")
_PHONE_CORE = re.compile(r"\d[\d ()-]{7,}\d")
_DOMAIN_END = re.compile(r"\.(?<=[\w-]\.)(?:com|org|net|uk|example|gov|edu|io)\b", re.I)
_NAME_CHARS = re.compile(r"[\w-]*$")


def _has_target(text: str, low: str | None) -> bool:
    """``bool(_TARGET.search(text))``; ``low`` is ``fold(text)`` (or None: not known)."""
    if low is None:
        return bool(_TARGET.search(text))
    if ("http" in low or "www." in low) and _URL_START.search(text):
        return True
    if "@" in text and _EMAIL_CORE.search(text):
        return True
    if _PHONE_CORE.search(text):
        return True
    for m in _DOMAIN_END.finditer(text):
        # _TARGET's name part is a run of [\w-] that starts at a word boundary: one with a \w in it.
        name = _NAME_CHARS.search(text, 0, m.start()).group(0)
        if name.strip("-"):
            return True
    return False


_BUY_STARTS = ("shop", "buy", "browse", "download", "subscribe", "order", "add")


def _may_dangle(low: str) -> bool:
    """Some check of ``dangling_spans`` could fire on this sentence, folded (``wordgate.fold``)."""
    return (
        "visit" in low or "link" in low or "button" in low or "here" in low or "below" in low or ">>" in low
        or low.startswith(_BUY_STARTS) or (not low.isascii() and ("→" in low or "»" in low or "›" in low))
    )


def _may_dangle_within(low: str) -> bool:
    """Some sentence of a text may pass ``_may_dangle``, ``low`` being the folded text: a
    sentence's folded text is a piece of it (``fold`` maps character by character), so
    holds a key or starts with a word only where the whole text holds it."""
    return _may_dangle(low) or any(key in low for key in _BUY_STARTS)


def _may_hold(low: str | None, *keys: str) -> bool:
    return low is None or any(k in low for k in keys)


def dangling_spans(section) -> list[tuple[int, int, str]]:
    """(start, end, cue) of link text left without a target in the section text."""
    text = section.text
    spans: list[tuple[int, int, str]] = []
    # Only this rule splits the sources, disclaimer and disclosure into sentences: most need not be.
    sentences = section.sentences if section.is_body or _may_dangle_within(fold(text)) else ()
    for sentence in sentences:
        s_text = sentence.text
        # Folded text (as re.IGNORECASE compares) lets cheap substring tests skip regexes that cannot match.
        low = fold(s_text)
        if not _may_dangle(low):
            continue  # no wording below can fire: skip the target search
        if _has_target(s_text, low):
            # A form or video is not an address: the phone number beside it does not replace it.
            m = _ELEMENT_BELOW.search(s_text) if _may_hold(low, "below") else None
            if m and not _URL_START.search(s_text):
                spans.append((sentence.start, sentence.end, m.group(0).lower() + " is missing"))
            continue
        base = sentence.start
        floor = base
        if _may_hold(low, "visit", "link", "button"):
            for m in _VISIT.finditer(s_text):
                if _dangling_visit(s_text, m):
                    spans.append((_snippet_start(text, base + m.end(), floor), base + m.end(), m.group(0).lower()))
                    floor = base + m.end()
        if any(a >= base for a, _, _ in spans):
            continue
        if _may_hold(low, "here") and (
            _CLICK_HERE.search(s_text) or _HERE_END.search(s_text) or _HERE_IMPERATIVE.match(s_text.lstrip("•✔-*> "))
        ):
            spans.append((sentence.start, sentence.end, "'here' with nothing to click"))
        elif _may_hold(low, "below") and _BELOW.search(s_text):
            spans.append((sentence.start, sentence.end, _BELOW.search(s_text).group(0).lower() + " is missing"))
        elif _ARROW.search(s_text) and len(s_text.split()) <= 16:
            spans.append((sentence.start, sentence.end, "button label with no target"))
        elif is_buy_label(s_text):
            spans.append((sentence.start, sentence.end, "button label with no target"))
    # Empty "(" : an opening bracket with no closing one on its line, or "()".
    for line in re.finditer(r"[^\n]+", text) if "(" in text and not _PARENS_CLOSED.fullmatch(text) else ():
        stack: list[int] = []
        empties: list[int] = []
        for paren in _PARENS.finditer(line.group(0)):
            i, ch = paren.start(), paren.group(0)
            if ch == "(":
                stack.append(i)
            elif stack:
                open_at = stack.pop()
                if not line.group(0)[open_at + 1 : i].strip():
                    empties.append(open_at)
        for open_at in sorted(stack + empties):
            end = line.start() + open_at + 1
            spans.append((_snippet_start(text, end, _sentence_floor(section, end)), end, "empty '('"))
    spans.sort()
    return spans


def _sentence_floor(section, pos: int) -> int:
    for s in section.sentences:
        if s.start <= pos <= s.end:
            return s.start
    return 0


@registry.register
class DanglingLink(Rule):
    id = "links.dangling"
    severity = Severity.ERROR
    summary = "Link text left without a target: 'please visit' then nothing, an empty '(', href='' or '#'."
    docs = RuleDocs(
        what=(
            "Flags link wording whose target is missing: a clause ending in 'please visit' or 'access the "
            "link' with nothing after it, 'click here' or '... here' with nothing to click, 'the form below' "
            "with no form, a button label ending in an arrow, an opening '(' that is never closed, and links "
            "whose href is empty or '#'. A present URL, e-mail address or phone number is not dangling."
        ),
        why="A call to action or reference that goes nowhere breaks the reader's path and usually means a link was lost in an edit or import.",
        example="To book your consultation, please visit",
        use_instead="To book your consultation, visit https://clinic.example/book or call 0113 496 0000.",
        fix="Restore the missing link, address or form, or reword the sentence so it does not promise one.",
    )

    def check(self, doc, ctx):
        for section in doc.sections:
            # (the first paragraph is cut out only for a heading that reads as a button label)
            if section.heading and is_buy_label(section.heading) and not _URL_START.search(section.text.split("\n\n", 1)[0]):
                yield self.finding(
                    "Button label with no target.",
                    section=section,
                    excerpt=section.heading,
                    cues=["button label with no target"],
                    suggestion="Add the missing link, or remove the button label.",
                )
            for start, end, cue in dangling_spans(section):
                yield self.finding(
                    "Link text with no target.",
                    section=section,
                    excerpt=section.text[start:end],
                    start=start,
                    end=end,
                    cues=[cue],
                    suggestion="Add the missing link, address or form, or remove the pointer to it.",
                )
            for link in section.links:
                if (link.url or "").strip() in ("", "#"):
                    yield self.finding(
                        f"Link '{link.text or link.url}' has an empty target.",
                        section=section,
                        excerpt=link.text or None,
                        start=link.start if link.start >= 0 else None,
                        end=link.end if link.end >= 0 else None,
                        cues=[f"href={link.url!r}"],
                        url=link.url,
                        suggestion="Point the link at its page, or remove it.",
                    )
        for index, link in doc.extra_links:
            if (link.url or "").strip() in ("", "#"):
                section = doc.sections[index] if index is not None and 0 <= index < len(doc.sections) else None
                yield self.finding(
                    f"Link '{link.text or 'button'}' has an empty target.",
                    section=section,
                    excerpt=link.text or None,
                    cues=[f"href={link.url!r}"],
                    url=link.url,
                    suggestion="Point the link at its page, or remove it.",
                )


@registry.register
class InsecureLink(Rule):
    id = "links.insecure"
    severity = Severity.WARNING
    summary = "A link over plain http://."
    docs = RuleDocs(
        what="Flags links whose target starts with http:// rather than https://.",
        why="Plain-HTTP pages can be altered in transit and browsers mark them 'not secure', which undermines trust in cited sources.",
        example="See the guidance at http://guidance.example/knee.",
        use_instead="See the guidance at https://guidance.example/knee.",
        fix="Use the https:// address (most sites serve one).",
    )

    def check(self, doc, ctx):
        seen = set()
        pairs = [(s, link) for s in doc.sections for link in s.links]
        pairs += [(doc.sections[i] if i is not None and 0 <= i < len(doc.sections) else None, link) for i, link in doc.extra_links]
        for section, link in pairs:
            url = link.url or ""
            if not url.lower().startswith("http://") or (id(section), url) in seen:
                continue
            seen.add((id(section), url))
            yield self.finding(
                "Link uses insecure http://.",
                section=section,
                excerpt=link.text or url,
                start=link.start if link.start >= 0 else None,
                end=link.end if link.end >= 0 else None,
                cues=["http://"],
                url=url,
                suggestion="Use " + "https://" + url[7:],
            )
