"""The JSON report: the documented contract, byte-identical for the same input."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from sco_compare.render.text import UNSAFE

# Characters json.dumps leaves raw that a terminal could act on (C1 controls such as CSI, and
# the UNSAFE ones). They only occur inside strings, where an escape reads back as the same text.
_UNSAFE = re.compile(f"[\x7f-\x9f{UNSAFE}]")


def render_json(report: dict[str, Any]) -> str:
    """A report dict as stable, indented JSON; control characters are always escaped."""
    text = json.dumps(report, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: json.dumps(m.group())[1:-1], text) + "\n"


SCHEMAS = ("diff", "claims")
"""The reports that have a JSON Schema (render/schemas/<report>.schema.json)."""


def json_schema(report: str) -> str:
    """The JSON Schema (draft 2020-12) of the `diff` or the `claims` JSON report."""
    schemas = resources.files("sco_compare.render") / "schemas"
    return (schemas / f"{report}.schema.json").read_text(encoding="utf-8")
