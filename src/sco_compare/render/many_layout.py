"""The report of three or more sources laid out for the terminal (rich) and as Markdown."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from sco_compare.collation import Collation
from sco_compare.render.many import MARKS, Items, Section, Table
from sco_compare.render.markdown import escape, settings_section, sources_section
from sco_compare.render.terminal import section, signature
from sco_compare.render.text import inert

MARK_STYLES = {MARKS["covered"]: "green", MARKS["partial"]: "yellow", MARKS[None]: "dim"}


def _rich_table(table: Table) -> RichTable:
    shown = RichTable(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for title, numeric in zip(table.header, table.numeric, strict=True):
        is_text = title == "text"
        shown.add_column(
            title,
            justify="right" if numeric else "left",
            no_wrap=not is_text,
            ratio=1 if is_text else None,
            overflow="fold",
        )
    for row in table.rows:
        shown.add_row(*(Text(inert(cell), style=MARK_STYLES.get(cell, "")) for cell in row))
    return shown


def _rich_items(items: Items) -> RenderableType:
    if not items.items:
        return Text(items.empty, style="dim")
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(no_wrap=False, style="bold", max_width=24)
    grid.add_column()
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
                blocks.append(_rich_table(block))
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
    names = " and ".join(escape(d.name) for d in collation.documents)
    lines = [f"# {title}: {names}", "", *sources_section(collation.documents)]
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
