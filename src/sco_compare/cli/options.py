"""The options both commands take: their typer declarations, the record run() gets, and the
checks of their values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from sco_compare.errors import UsageError
from sco_compare.render.text import (
    CLAIMS_SECTIONS,
    DIFF_SECTIONS,
    MANY_CLAIMS_SECTIONS,
    MANY_DIFF_SECTIONS,
)

SourcesArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="SOURCE",
        help="Two to twelve reports, labelled A, B, C, … in this order: text, Markdown or HTML"
        " files, or - (stdin) for one of them.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="terminal (text), markdown (md), json or html [default: from -o, else terminal]",
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (.md / .json / .html pick the format).",
    ),
]
ColorOption = Annotated[
    str,
    typer.Option(
        "--color",
        metavar="WHEN",
        help="auto (on a terminal), always (also through a pipe or less -R) or never.",
    ),
]
NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="Same as --color never: [-…-] {+…+} markers.")
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No report: only the exit code (and errors).")
]
ExhaustiveOption = Annotated[
    bool, typer.Option("--exhaustive", help="Score every sentence pair (slow; for checking).")
]
FailUnderOption = Annotated[
    float | None,
    typer.Option("--fail-under", metavar="PERCENT", help="Exit 1 if a source is less covered."),
]
FailOnOption = Annotated[
    str,
    typer.Option(
        "--fail-on",
        metavar="SHARE",
        help="What --fail-under measures: covered (in full) or reported (at least in part).",
    ),
]
StatOption = Annotated[
    bool, typer.Option("--stat", help="Only one line per source: its counts and shares.")
]
OnlyOption = Annotated[
    str | None,
    typer.Option(
        "--only",
        metavar="STATUS",
        help="List only the sentences (diff: covered, partial, unique, boilerplate) or claims"
        " (claims: shared, partial, unique) with this status, after the summary.",
    ),
]
SectionsOption = Annotated[
    str | None,
    typer.Option(
        "--sections",
        metavar="LIST",
        help="Show only these sections, in their order (comma-separated): diff: summary, unique,"
        " aligned, boilerplate; claims: summary, speakers, names, unique, partial, conflicts,"
        " boilerplate. Of three or more sources: summary, common, unique, presence,"
        " boilerplate; claims also speakers, partial, conflicts.",
    ),
]
PagerOption = Annotated[
    bool | None,
    typer.Option(
        "--pager/--no-pager",
        help="On a terminal, show the report through PAGER (else less): always, or never"
        " [default: when it is longer than the screen].",
    ),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also show the settings' signature.")
]


@dataclass(frozen=True)
class Options:
    """The options both commands take."""

    output_format: str | None = None
    output: str | None = None
    color: str = "auto"
    exhaustive: bool = False
    fail_under: float | None = None
    fail_on: str = "covered"
    quiet: bool = False
    verbose: bool = False
    stat: bool = False
    only: str | None = None
    sections: tuple[str, ...] | None = None
    """None: every section."""
    pager: bool | None = None
    """None: page a report longer than the terminal's screen."""


FORMATS = {
    "terminal": "terminal",
    "text": "terminal",
    "markdown": "markdown",
    "md": "markdown",
    "json": "json",
    "html": "html",
}
"""Each name -f takes (in any case), and the format it names."""
COLORS = ("auto", "always", "never")
FAIL_ON = ("covered", "reported")
"""What --fail-under measures: the share carried in full, or at least in part."""
ONLY = {
    "diff": ("covered", "partial", "unique", "boilerplate"),
    "claims": ("shared", "partial", "unique"),
}
"""What --only takes, by command: a sentence's status, or a claim's."""
SECTIONS = {"diff": DIFF_SECTIONS, "claims": CLAIMS_SECTIONS}
MANY_SECTIONS = {"diff": MANY_DIFF_SECTIONS, "claims": MANY_CLAIMS_SECTIONS}
"""The sections of each report, of two sources and of three or more."""
SUFFIX_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
WHOLE_FORMATS = ("json", "html")
"""Formats that always carry the whole report: --only and --sections do not apply."""


def resolve_format(requested: str | None, output: Path | None) -> str:
    """The --format given, else the one the output file's suffix names, else terminal."""
    if requested is not None:
        if requested.lower() not in FORMATS:
            raise UsageError(f"unknown format {requested!r} (choose {', '.join(FORMATS)})")
        return FORMATS[requested.lower()]
    if output is not None:
        # A name that is only a suffix (".json") has none for pathlib; it names a format too.
        suffix = output.suffix or output.name
        return SUFFIX_FORMATS.get(suffix.lower(), "terminal")
    return "terminal"


def check_choices(options: Options, command: str, output_format: str, *, sources: int = 2) -> None:
    """--color, --fail-on, --only and --sections take their words (and shape text reports only);
    --fail-under is a percentage."""
    picked = "--only" if options.only else "--sections" if options.sections else None
    if picked and output_format in WHOLE_FORMATS and not options.stat:
        raise UsageError(
            f"{picked} shapes the terminal and Markdown reports; {output_format} is whole"
        )
    choices = SECTIONS[command] if sources == 2 else MANY_SECTIONS[command]
    for name in options.sections or ():
        if name not in choices:
            raise UsageError(f"--sections {name}: choose from {', '.join(choices)}")
    if options.only is not None and options.only not in ONLY[command]:
        raise UsageError(f"--only {options.only}: choose {', '.join(ONLY[command])}")
    if options.color not in COLORS:
        raise UsageError(f"--color {options.color}: choose {', '.join(COLORS)}")
    if options.fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on {options.fail_on}: choose {', '.join(FAIL_ON)}")
    if options.fail_under is not None and not 0 <= options.fail_under <= 100:
        raise UsageError(f"--fail-under {options.fail_under:.10g}: not a percentage from 0 to 100")
