"""The JSON report: the documented contract, byte-identical for the same input."""

from __future__ import annotations

import json
from typing import Any


def render_json(report: dict[str, Any]) -> str:
    """A report dict as stable, indented JSON (control characters always escaped)."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
