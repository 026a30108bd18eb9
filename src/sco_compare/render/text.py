"""Helpers every renderer shares: inert text and the word-level diff of an aligned pair."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sco_compare.collation import Collation
from sco_compare.models import ClaimsReport, Comparison, Document
from sco_compare.text.normalize import FORMAT_CONTROLS, fold

if TYPE_CHECKING:
    from sco_compare.claims.many import ClaimsCollation

UNSAFE = f"\u2028\u2029{FORMAT_CONTROLS}\ud800-\udfff"
"""Characters that act on the text around them rather than show: bidi marks, embeddings,
overrides and isolates (which reorder what a reader sees), line and paragraph separators,
invisible tag characters, lone surrogates. No renderer lets one through as it is."""
# Controls (C0, DEL, C1) and the characters above.
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{UNSAFE}]")
_SPACES = frozenset("\n\t\r\x0b\x0c\x85\u2028\u2029")
_WORD = re.compile(r"\S+")

DiffOp = Literal["equal", "only_a", "only_b"]

DIFF_SECTIONS = ("summary", "unique", "aligned", "boilerplate")
CLAIMS_SECTIONS = ("summary", "speakers", "names", "unique", "partial", "conflicts", "boilerplate")
"""The sections of each report, in the order they are shown (--sections picks among them)."""
MANY_DIFF_SECTIONS = ("summary", "common", "unique", "presence", "boilerplate")
MANY_CLAIMS_SECTIONS = (
    "summary",
    "common",
    "speakers",
    "unique",
    "partial",
    "presence",
    "conflicts",
    "boilerplate",
)
"""The sections of each report of three or more sources, in the order they are shown."""


def inert(text: str) -> str:
    """Text with every control character (ANSI escapes, bidi overrides, newlines) neutralised.

    Line breaks and tabs become spaces, so a text stays on its line (or in its table cell);
    every other control character becomes U+FFFD, so it shows without acting.
    """
    return _CONTROL.sub(lambda m: " " if m.group() in _SPACES else "\ufffd", text)


@dataclass(frozen=True)
class DiffPiece:
    """A run of words of one side: common to both sides, or only on this side."""

    op: DiffOp
    text: str


def word_diff(text_a: str, text_b: str) -> tuple[list[DiffPiece], list[DiffPiece]]:
    """difflib over words (compared folded, lower-cased, without edge punctuation).

    Returns the pieces of each side as written: common runs, and runs only that side has.
    """
    words_a = _WORD.findall(inert(text_a))
    words_b = _WORD.findall(inert(text_b))

    def key(word: str) -> str:
        return fold(word).lower().strip(".,;:!?\"'()")

    matcher = difflib.SequenceMatcher(
        None, [key(w) for w in words_a], [key(w) for w in words_b], autojunk=False
    )
    pieces_a: list[DiffPiece] = []
    pieces_b: list[DiffPiece] = []
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        equal = tag == "equal"
        if a_end > a_start:
            pieces_a.append(
                DiffPiece("equal" if equal else "only_a", " ".join(words_a[a_start:a_end]))
            )
        if b_end > b_start:
            pieces_b.append(
                DiffPiece("equal" if equal else "only_b", " ".join(words_b[b_start:b_end]))
            )
    return pieces_a, pieces_b


def stat_lines(report: Comparison | ClaimsReport | Collation | ClaimsCollation) -> str:
    """One line per source, as `git diff --stat` gives: its counts and shares."""
    if isinstance(report, Comparison | Collation):
        documents = report.documents
    else:
        documents = (
            report.comparison.documents
            if isinstance(report, ClaimsReport)
            else report.collation.documents
        )
    names = [f"{d.label} {inert(d.name)}" for d in documents]
    width = max(len(name) for name in names)
    lines = []
    for document, name in zip(documents, names, strict=True):
        if isinstance(report, Comparison | Collation):
            c = report.coverage(document.label)
            lines.append(
                f"{name:<{width}} | {c.content} content sentences: {c.covered} covered, {c.partial}"
                f" partial, {c.unique} unique | {percent(c.covered_ratio)} covered,"
                f" {percent(c.reported_ratio)} reported"
            )
        else:
            n = report.counts(document.label)
            lines.append(
                f"{name:<{width}} | {n['claims']} claims: {n['shared']} shared,"
                f" {n['partial']} partial, {n['unique']} unique"
            )
    return "\n".join(lines) + "\n"


def percent(ratio: float) -> str:
    """A ratio in [0, 1] shown as a whole percentage."""
    return f"{ratio * 100:.0f}%"


def sentence_ids(document: Document, indices: Sequence[int]) -> str:
    """Comma-separated sentence ids: "A3, A4"."""
    return ", ".join(document.sentences[k].id for k in indices)


def group_text(document: Document, indices: Sequence[int]) -> str:
    """The texts of a group's sentences of one side, joined."""
    return " ".join(document.sentences[k].text for k in indices)


def names_of(documents: Sequence[Document]) -> str:
    """The sources' names for a report's title: "a.txt, b.txt and c.txt"."""
    names = [inert(d.name) for d in documents]
    return f"{', '.join(names[:-1])} and {names[-1]}"
