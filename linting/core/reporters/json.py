"""``--format json``: exactly ``Report.to_dict()`` (the DESIGN.md contract), one object."""

from __future__ import annotations

import json as _json


def render(report, ctx=None) -> str:
    return _json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
