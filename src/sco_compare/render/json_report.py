"""The JSON report: the documented contract, byte-identical for the same input."""

from __future__ import annotations

import json
import re
from typing import Any

# Characters json.dumps leaves raw that a terminal could act on (C1 controls such as CSI, bidi
# overrides, line separators) or that UTF-8 cannot encode (lone surrogates). They only occur
# inside strings, where a \uXXXX escape reads back as the same text.
_UNSAFE = re.compile(r"[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def render_json(report: dict[str, Any]) -> str:
    """A report dict as stable, indented JSON; control characters are always escaped."""
    text = json.dumps(report, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
