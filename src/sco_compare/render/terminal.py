"""The colored terminal report (rich). Report text always goes in as rich Text, never as markup."""

from __future__ import annotations

import io
import shutil
from collections.abc import Collection, Sequence
from typing import IO

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from sco_compare.models import Alignment, Comparison, Document
from sco_compare.render.text import (
    DIFF_SECTIONS,
    DiffPiece,
    group_text,
    inert,
    percent,
    sentence_ids,
    word_diff,
)
from sco_compare.settings import Settings

STATUS_STYLES = {
    "covered": "green",
    "partial": "yellow",
    "unique": "bold magenta",
    "boilerplate": "dim",
}
CLAIM_STYLES = {"shared": "green", "partial": "yellow", "unique": "bold magenta"}
ONLY_STYLES = {"only_a": "red", "only_b": "green"}
"""Words only one side has; words both have keep the terminal's own color."""


def marked(pieces: list[DiffPiece]) -> str:
    """dwdiff-style text: [-only in A-] and {+only in B+}, common words plain."""
    out = []
    for piece in pieces:
        if piece.op == "only_a":
            out.append(f"[-{piece.text}-]")
        elif piece.op == "only_b":
            out.append(f"{{+{piece.text}+}}")
        else:
            out.append(piece.text)
    return " ".join(out)


def bar(ratio: float, width: int = 20) -> str:
    """A small bar of block characters for a ratio in [0, 1]."""
    filled = round(max(0.0, min(1.0, ratio)) * width)
    return "█" * filled + "░" * (width - filled)


def diff_text(pieces: list[DiffPiece], *, color: bool) -> Text:
    """One side of a word diff: colored runs, or dwdiff markers without color."""
    if not color:
        return Text(marked(pieces))
    text = Text()
    for k, piece in enumerate(pieces):
        if k:
            text.append(" ")
        text.append(piece.text, style=ONLY_STYLES.get(piece.op, ""))
    return text


WITH_BARS = 84
"""Narrower than this, the summary leaves out its bars ..."""
WITH_BOILERPLATE = 56
"""... and narrower than this, its boilerplate column: the figures that matter always fit."""


class Summary:
    """The coverage summary, laid out for the width it is printed at."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        yield summary_table(
            self.comparison, bars=width >= WITH_BARS, boilerplate=width >= WITH_BOILERPLATE
        )


def summary_table(comparison: Comparison, *, bars: bool = True, boilerplate: bool = True) -> Table:
    """Per source: sentences, covered / partial / unique (and boilerplate) counts, the share the
    other source carries in full (covered %) and at least in part (reported %: covered or
    partial, with a bar)."""
    table = Table(
        title="Coverage",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1) if bars else (0, 0),
        pad_edge=False,
        show_edge=False,
    )
    table.add_column("source", no_wrap=True, max_width=24, overflow="ellipsis")
    columns = ("sent.", "cov.", "part.", "uniq.", "boil.")[: 5 if boilerplate else 4]
    for column in columns:
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("covered %", justify="right", no_wrap=True)
    table.add_column("reported %", no_wrap=True)
    for document in comparison.documents:
        coverage = comparison.coverage(document.label)
        ratio = coverage.reported_ratio
        counts = [
            Text(str(coverage.covered), style=STATUS_STYLES["covered"]),
            Text(str(coverage.partial), style=STATUS_STYLES["partial"]),
            Text(str(coverage.unique), style=STATUS_STYLES["unique"]),
            Text(str(coverage.boilerplate), style=STATUS_STYLES["boilerplate"]),
        ][: len(columns) - 1]
        table.add_row(
            Text(f"{document.label} {inert(document.name)}"),
            str(coverage.sentences),
            *counts,
            Text(percent(coverage.covered_ratio)),
            Text(f"{percent(ratio):>4} {bar(ratio, 6)}" if bars else percent(ratio)),
        )
    return table


def alignment_table(
    comparison: Comparison, alignments: Sequence[Alignment], *, color: bool
) -> Table:
    """The aligned groups side by side, with a word-level diff inside each pair."""
    document_a, document_b = comparison.documents
    table = Table(box=box.SIMPLE, show_lines=True, expand=True)
    table.add_column("A", ratio=1)
    table.add_column("B", ratio=1)
    for alignment in alignments:
        pieces_a, pieces_b = word_diff(
            group_text(document_a, alignment.a), group_text(document_b, alignment.b)
        )
        header = (
            f"{sentence_ids(document_a, alignment.a)} ↔ {sentence_ids(document_b, alignment.b)}"
            f"  {alignment.kind}  {alignment.score:.2f}"
        )
        terms = inert(", ".join(alignment.shared_terms))
        left = Text(header + "\n", style="dim")
        left.append_text(diff_text(pieces_a, color=color))
        right = Text(f"shared: {terms}\n", style="dim")
        right.append_text(diff_text(pieces_b, color=color))
        table.add_row(left, right)
    return table


def unique_list(
    comparison: Comparison, document: Document, status: str = "unique"
) -> RenderableType:
    """The sentences of one source with a status (by default, those it alone carries), with
    their ids."""
    statuses = comparison.statuses(document.label)
    heading = "Only in" if status == "unique" else f"{status.capitalize()} in"
    title = Text(f"{heading} {document.label} ({inert(document.name)})", style="bold underline")
    chosen = [s for s in document.sentences if statuses[s.index] == status]
    if not chosen:
        return Group(title, Text("(none)", style="dim"))
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style=STATUS_STYLES[status], no_wrap=True)
    table.add_column()
    for sentence in chosen:
        table.add_row(sentence.id, Text(inert(sentence.text)))
    return Group(title, table)


def boilerplate_list(comparison: Comparison) -> RenderableType:
    """The sentences set aside as site chrome, last, so that nothing is left out unseen."""
    title = section("Set aside as boilerplate (headlines, bylines, captions, prompts, links)")
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True, style="dim")
    table.add_column(style="dim")
    for document in comparison.documents:
        statuses = comparison.statuses(document.label)
        for sentence in document.sentences:
            if statuses[sentence.index] == "boilerplate":
                table.add_row(sentence.id, Text(inert(sentence.text)))
    return Group(title, table if table.row_count else Text("(none)", style="dim"))


def signature(settings: Settings) -> Text:
    """The settings' signature, wrapped between its items rather than inside one (the JSON and
    Markdown reports carry it as one string)."""
    return Text("settings: " + " | ".join(settings.signature().split("|")), style="dim")


def legend(*, color: bool) -> Text:
    """How the word diff marks what only one side says."""
    if not color:
        return Text("[-only in A-]  {+only in B+}  words in both as they are", style="dim")
    return Text.assemble(
        ("only in A", ONLY_STYLES["only_a"]),
        "  ",
        ("only in B", ONLY_STYLES["only_b"]),
        ("  words in both as they are", "dim"),
    )


def diff_report(
    comparison: Comparison,
    *,
    color: bool,
    verbose: bool = False,
    only: str | None = None,
    sections: Collection[str] = DIFF_SECTIONS,
) -> list[RenderableType]:
    """Everything `sco-compare diff` shows, in reading order (of `sections`): the summary, what
    only one side says, the aligned pairs, what was set aside as boilerplate (and the settings,
    when verbose); with `only`, the summary and each source's sentences of that status."""
    document_a, document_b = comparison.documents
    parts: list[RenderableType] = [Summary(comparison)] if "summary" in sections else []
    if only:  # --only STATUS: the sentences of each source with that status
        parts += [unique_list(comparison, document, only) for document in comparison.documents]
        return [*parts, signature(comparison.settings)] if verbose else parts
    if "unique" in sections:
        parts.append(unique_list(comparison, document_a))
        parts.append(unique_list(comparison, document_b))
    if comparison.alignments and "aligned" in sections:
        parts.append(Text("Aligned sentences", style="bold underline"))
        parts.append(legend(color=color))
        parts.append(alignment_table(comparison, comparison.alignments, color=color))
    if "boilerplate" in sections:
        parts.append(boilerplate_list(comparison))
    if verbose:
        parts.append(signature(comparison.settings))
    return parts


def make_console(*, color: bool, width: int | None = None, file: IO[str] | None = None) -> Console:
    """A console that never interprets markup or emoji codes in what it prints, the terminal's
    size unless a width is given. (The size is always given: rich reads COLUMNS and LINES
    itself otherwise, and fails on a value such as "²".)"""
    size = shutil.get_terminal_size()
    return Console(
        file=file,
        width=width or size.columns,
        height=size.lines,
        no_color=not color,
        color_system="auto" if color else None,
        markup=False,
        emoji=False,
        highlight=False,
        force_terminal=color or None,
        soft_wrap=False,
    )


def to_text(parts: Sequence[RenderableType], *, width: int = 100, color: bool = False) -> str:
    """The report as text, for a file or a pipe: plain, or with the terminal's color codes."""
    buffer = io.StringIO()
    console = make_console(color=color, width=width, file=buffer)
    for part in parts:
        console.print(part)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def section(title: str) -> Text:
    return Text(title, style="bold underline")
