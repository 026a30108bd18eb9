"""Render a report in the chosen format and write it: to the terminal (through the pager when
it is longer than the screen), a pipe, or the output file."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Union

from sco_compare.cli.options import Options
from sco_compare.cli.output import (
    TEXT_WIDTH,
    paged,
    piped_width,
    write_report,
    write_stdout,
)
from sco_compare.collation import Collation
from sco_compare.models import ClaimsReport, Comparison
from sco_compare.render.text import stat_lines

if TYPE_CHECKING:
    from rich.console import RenderableType

    from sco_compare.claims.many import ClaimsCollation  # (loaded when claims are asked for)

Report = Union[Comparison, ClaimsReport, Collation, "ClaimsCollation"]
"""What a command reports: a comparison (diff) or its claims, of two sources or more."""


def use_color(when: str) -> bool:
    """Color on stdout: always, never, or (auto) on a terminal unless NO_COLOR is set."""
    if when != "auto":
        return when == "always"
    return "NO_COLOR" not in os.environ and sys.stdout is not None and sys.stdout.isatty()


def _markdown(subject: Report, options: Options, sections: dict[str, tuple[str, ...]]) -> str:
    from sco_compare.render import markdown

    if isinstance(subject, Comparison):
        return markdown.render_diff(subject, only=options.only, **sections)
    if isinstance(subject, ClaimsReport):
        return markdown.render_claims(subject, only=options.only, **sections)
    from sco_compare.render.many import claims_sections, diff_sections
    from sco_compare.render.many_layout import markdown_many

    if isinstance(subject, Collation):
        return markdown_many(
            subject, "Comparison", diff_sections(subject, only=options.only, **sections)
        )
    return markdown_many(
        subject.collation, "Claims", claims_sections(subject, only=options.only, **sections)
    )


def _terminal(
    subject: Report, options: Options, sections: dict[str, tuple[str, ...]], *, colored: bool
) -> list[RenderableType]:
    verbose, only = options.verbose, options.only
    if isinstance(subject, Comparison):
        from sco_compare.render.terminal import diff_report

        return diff_report(subject, color=colored, verbose=verbose, only=only, **sections)
    if isinstance(subject, ClaimsReport):
        from sco_compare.render.terminal_claims import claims_report

        return claims_report(subject, verbose=verbose, only=only, **sections)
    from sco_compare.render.many import claims_sections, diff_sections
    from sco_compare.render.many_layout import terminal_parts

    if isinstance(subject, Collation):
        chosen = diff_sections(subject, only=only, **sections)
        return terminal_parts(subject, chosen, verbose=verbose)
    chosen = claims_sections(subject, only=only, **sections)
    return terminal_parts(subject.collation, chosen, verbose=verbose)


def emit(subject: Report, options: Options, *, output_format: str, output: Path | None) -> None:
    """Render a diff or claims report in the chosen format, to stdout or to the output file."""
    sections = {} if options.sections is None else {"sections": options.sections}
    if options.stat:
        text = stat_lines(subject)
    elif output_format == "json":
        from sco_compare.render.json_report import render_json

        text = render_json(subject.to_dict())
    elif output_format == "html":
        from sco_compare.render import html

        text = html.render(subject)
    elif output_format == "markdown":
        text = _markdown(subject, options, sections)
    else:
        from sco_compare.render.terminal import make_console, to_text

        colored = output is None and use_color(options.color)
        parts = _terminal(subject, options, sections, colored=colored)
        if output is None and sys.stdout.isatty():
            # A terminal whose locale cannot show a character gets "?", not a crash.
            reconfigure = getattr(sys.stdout, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="replace")
            console = make_console(color=colored)
            if options.pager is not False:  # (what the pager would get: the same, as text)
                shown = to_text(parts, color=colored, width=console.width)
                if paged(shown, options.pager, console.height):
                    return
            for part in parts:
                console.print(part)
            return
        # A file or a pipe: plain unless --color always; a pipe as wide as COLUMNS says.
        text = to_text(parts, color=colored, width=TEXT_WIDTH if output else piped_width())
    if output is not None:
        write_report(output, text)
    elif not (sys.stdout.isatty() and paged(text, options.pager, shutil.get_terminal_size().lines)):
        write_stdout(text)
