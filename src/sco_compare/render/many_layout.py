"""The report of three or more sources laid out for the terminal (rich) and as Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table as RichTable
from rich.text import Text

from sco_compare.collation import Collation
from sco_compare.render.many import MARKS, Items, Section, Table
from sco_compare.render.markdown import escape, settings_section, sources_section
from sco_compare.render.terminal import section, signature
from sco_compare.render.text import inert, names_of

MARK_STYLES = {MARKS["covered"]: "green", MARKS["partial"]: "yellow", MARKS[None]: "dim"}


FIRST_WIDTH, TEXT_WIDTH, GAP = 8, 16, 2
"""The least a table's first column and its text get, and the space between columns."""


class FittedTable:
    """A table laid out for the width it is printed at: where its whole headings do not fit,
    those of its figures are shortened ("covered %" to "cov%"), so that no figure is cut."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        if _width_needed(table) > options.max_width:
            table = replace(table, header=(table.header[0], *map(_short, table.header[1:])))
        # Still too wide (a matrix of twelve on a narrow screen): its columns in several parts.
        columns = list(range(1, len(table.header)))
        while columns:
            part = [0, columns.pop(0)]
            while columns and _width_needed(_columns(table, [*part, columns[0]])) <= (
                options.max_width
            ):
                part.append(columns.pop(0))
            yield _rich_table(_columns(table, part))


def _columns(table: Table, kept: Sequence[int]) -> Table:
    return Table(
        tuple(table.header[k] for k in kept),
        tuple(tuple(row[k] for k in kept) for row in table.rows),
        tuple(table.numeric[k] for k in kept),
    )


def _short(title: str) -> str:
    if title == "text" or len(title) <= 2:
        return title
    return title.rstrip(". %")[:3] + "%" * title.endswith("%")


def _width_needed(table: Table) -> int:
    widths = [FIRST_WIDTH]
    for k, title in enumerate(table.header[1:], 1):
        widest = max((len(row[k]) for row in table.rows), default=1)
        widths.append(TEXT_WIDTH if title == "text" else max(len(title), widest))
    return sum(widths) + GAP * (len(widths) - 1)


def _rich_table(table: Table) -> RichTable:
    """The table: the first column (a source's name, or a row's ids) and the text wrap, the
    figures and marks never do."""
    shown = RichTable(
        box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1), collapse_padding=True
    )
    for k, (title, numeric) in enumerate(zip(table.header, table.numeric, strict=True)):
        if k == 0:  # (a source's label comes first, so a wrapped name still says which)
            wrapped = 16 if title == "ids" else 20
            shown.add_column(title, min_width=FIRST_WIDTH, max_width=wrapped, overflow="fold")
        elif title == "text":
            shown.add_column(title, ratio=1, min_width=TEXT_WIDTH, overflow="fold")
        else:
            shown.add_column(title, justify="right" if numeric else "center", no_wrap=True)
    for row in table.rows:
        shown.add_row(*(Text(inert(cell), style=MARK_STYLES.get(cell, "")) for cell in row))
    return shown


def _rich_items(items: Items) -> RenderableType:
    if not items.items:
        return Text(items.empty, style="dim")
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(no_wrap=False, style="bold", max_width=24)
    grid.add_column(overflow="fold")  # (a long figure wraps, never cut short)
    for ids, text in items.items:
        grid.add_row(Text(inert(ids)), Text(inert(text)))
    return grid


def terminal_parts(
    collation: Collation, sections: list[Section], *, verbose: bool = False
) -> list[RenderableType]:
    """Each section as a title and its tables and lists (the settings last, when verbose)."""
    parts: list[RenderableType] = []
    for part in sections:
        blocks: list[RenderableType] = [section(inert(part.title))]
        for block in part.blocks:
            if isinstance(block, Table):
                blocks.append(FittedTable(block))
            elif isinstance(block, Items):
                blocks.append(_rich_items(block))
            else:
                blocks.append(Text(inert(block), style="dim"))
        parts.append(Group(*blocks))
    return [*parts, signature(collation.settings)] if verbose else parts


def _markdown_table(table: Table) -> list[str]:
    aligns = ["---:" if numeric else "---" for numeric in table.numeric]
    lines = [f"| {' | '.join(escape(h) for h in table.header)} |", f"|{'|'.join(aligns)}|"]
    lines += [f"| {' | '.join(escape(cell) for cell in row)} |" for row in table.rows]
    return lines


def markdown_many(collation: Collation, title: str, sections: list[Section]) -> str:
    """The report as Markdown: the title and sources, each section, and the settings."""
    lines = [f"# {title}: {escape(names_of(collation.documents))}", ""]
    lines += sources_section(collation.documents)
    for part in sections:
        lines += [f"## {escape(part.title)}", ""]
        for block in part.blocks:
            if isinstance(block, Table):
                lines += _markdown_table(block)
            elif isinstance(block, Items):
                lines += [f"- **{escape(i)}** {escape(t)}" for i, t in block.items] or [block.empty]
            else:
                lines.append(escape(block))
            lines.append("")
    return "\n".join([*lines, *settings_section(collation.settings)])
