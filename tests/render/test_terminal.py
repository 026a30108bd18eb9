"""The terminal report: colors on a terminal, dwdiff markers without."""

from __future__ import annotations

import io

from sco_compare import compare
from sco_compare.render.terminal import diff_report, make_console


def test_colored_word_diff_has_no_markers_and_plain_has_them() -> None:
    comparison = compare(
        "The ministers met in Geneva on Monday.", "The ministers met in Paris on Monday."
    )
    outputs = {}
    for color in (True, False):
        buffer = io.StringIO()
        console = make_console(color=color, width=100, file=buffer)
        for part in diff_report(comparison, color=color):
            console.print(part)
        outputs[color] = buffer.getvalue()
    assert "\x1b[" in outputs[True] and "[-Geneva-]" not in outputs[True]
    assert "[-Geneva-]" in outputs[False] and "{+Paris+}" in outputs[False]
    assert "\x1b[" not in outputs[False]
