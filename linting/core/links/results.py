"""The outcome of checking one URL, shared by the checker, the cache and the rules."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class LinkResult:
    """One checked URL.

    ``ok`` is the verdict rules rely on; ``reason`` says why in plain words ("HTTP 404",
    "redirect loop", "refused: 10.0.0.5 is a private address"). ``final_url`` is where the
    redirects ended; ``permanent_redirect_to`` is set when the link as written answers with a
    permanent redirect (301/308), so the link can be updated. ``checked_at`` is a Unix time.
    """

    url: str
    ok: bool
    status: int | None = None
    reason: str = ""
    final_url: str | None = None
    permanent_redirect_to: str | None = None
    checked_at: float = 0.0
    from_cache: bool = False

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "LinkResult":
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})


def make_result(url: str, ok: bool, status: int | None = None, reason: str = "", **kw) -> LinkResult:
    return LinkResult(url=url, ok=ok, status=status, reason=reason, checked_at=time.time(), **kw)
