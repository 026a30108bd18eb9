"""The options both commands take: their typer declarations, and the record run() gets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import typer

SourceA = Annotated[
    str,
    typer.Argument(metavar="A", help="First report: a text, Markdown or HTML file, or - (stdin)."),
]
SourceB = Annotated[str, typer.Argument(metavar="B", help="Second report.")]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="terminal (text), markdown (md) or json [default: from -o, else terminal]",
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE (.md / .json pick the format)."
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
