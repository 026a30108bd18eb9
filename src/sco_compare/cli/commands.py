"""The sco-compare command line: parse options, call the library, pick a renderer.

Exit codes: 0 success, 1 a source's coverage is below --fail-under, 2 bad input or usage, 3 the
report cannot be written, 70 an internal error (a bug: please report it), 130 interrupted, 141
the reader of stdout closed it before the report was written.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import Annotated, NoReturn

import typer

from sco_compare._version import __version__
from sco_compare.cli.emit import Report, emit
from sco_compare.cli.options import (
    ColorOption,
    ExhaustiveOption,
    FailOnOption,
    FailUnderOption,
    FormatOption,
    NoColorOption,
    OnlyOption,
    Options,
    OutputOption,
    PagerOption,
    QuietOption,
    SectionsOption,
    SourcesArgument,
    StatOption,
    VerboseOption,
    check_choices,
    resolve_format,
)
from sco_compare.cli.output import (
    check_output,
    output_path,
    progress,
    reader_gone,
    stop_writing_stdout,
    write_stdout,
)
from sco_compare.collation import MOST_SOURCES, Collation, source_labels
from sco_compare.errors import InputError, OutputError, UsageError
from sco_compare.models import Comparison, Document
from sco_compare.pipeline import (
    compare,
    compare_claims,
    compare_claims_many,
    compare_many,
    load_document,
)
from sco_compare.render.text import inert
from sco_compare.settings import Settings

EXIT_BELOW_BAR = 1
EXIT_BAD_INPUT = 2
EXIT_OUTPUT = 3
EXIT_INTERNAL = 70
"""EX_SOFTWARE of sysexits.h: something failed that should not have, a bug."""
EXIT_INTERRUPTED = 130
EXIT_CLOSED_PIPE = 141
"""As for a command stopped by SIGPIPE (128 + 13): the reader of stdout closed it."""
DEBUG_VARIABLE = "SCO_COMPARE_DEBUG"
"""Set (to anything but empty) to see an internal error's traceback."""

app = typer.Typer(
    rich_markup_mode=None,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(shown: bool) -> None:
    if shown:
        typer.echo(f"sco-compare {__version__}")
        raise typer.Exit()


@app.callback()
def _commands(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_show_version, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Compare reports of the same event (two to twelve): what each covers, shares or alone says."""


def say(message: str) -> None:
    """One line on stderr; a file name in it cannot break the line or drive the terminal."""
    with contextlib.suppress(OSError):  # stderr full or gone: nowhere left to say it
        typer.echo(f"sco-compare: {inert(message)}", err=True)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    """One line on stderr and a non-zero exit."""
    say(f"error: {message}")
    raise typer.Exit(code)


@contextlib.contextmanager
def failures_reported() -> Iterator[None]:
    """The one place where a failure becomes one line on stderr and its exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except BrokenPipeError:
        stop_writing_stdout()
        raise typer.Exit(EXIT_CLOSED_PIPE) from None
    except (InputError, UsageError) as error:
        fail(str(error))
    except OutputError as error:
        fail(str(error), EXIT_OUTPUT)
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)
    except Exception as error:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        fail(
            f"internal error ({type(error).__name__}: {error}); please report it"
            f" ({DEBUG_VARIABLE}=1 shows where it happened)",
            EXIT_INTERNAL,
        )


def check_sources(paths: Sequence[str]) -> None:
    """Two to twelve sources, standard input among them once at most."""
    if not 2 <= len(paths) <= MOST_SOURCES:
        raise UsageError(f"give 2 to {MOST_SOURCES} sources, not {len(paths)}")
    if paths.count("-") > 1:
        raise UsageError("only one source can be read from stdin (-)")


def load_sources(paths: Sequence[str]) -> tuple[list[Document], list[str]]:
    """The sources, labelled A, B, C, … in order, and the warnings of decoding."""
    documents: list[Document] = []
    warnings = []
    for path, label in zip(paths, source_labels(len(paths)), strict=True):
        document, warning = load_document(path, label=label)
        warnings += [warning] if warning else []
        same = next((d for d in documents if d.sha256 == document.sha256), None)
        if same is not None:
            warnings.append(
                f"{label} ({document.name}) is the same text as {same.label} ({same.name}):"
                " each covers the other in full"
            )
        documents.append(document)
    return documents, warnings


def check_bar(comparison: Comparison | Collation, fail_under: float | None, fail_on: str) -> None:
    """Exit 1 when a source's covered (or reported) share is below --fail-under (percent); name
    each one."""
    if fail_under is None:
        return
    below = False
    for document in comparison.documents:
        coverage = comparison.coverage(document.label)
        share = coverage.covered_ratio if fail_on == "covered" else coverage.reported_ratio
        if share * 100 < fail_under:
            below = True
            say(
                f"{document.label} ({document.name}) is {share * 100:.0f}% {fail_on},"
                f" below --fail-under {fail_under:.10g}"
            )
    if below:
        raise typer.Exit(EXIT_BELOW_BAR)


def run(command: str, paths: Sequence[str], options: Options) -> None:
    """What both commands do: check options, load, compare, render, and apply --fail-under."""
    with failures_reported():
        check_sources(paths)
        target = output_path(options.output)
        chosen = resolve_format(options.output_format, target)
        check_choices(options, command, chosen, sources=len(paths))
        check_output(target, paths)
        if target is None and sys.stdout is None and not options.quiet:
            raise OutputError("standard output is closed (write the report with -o FILE)")
        with progress(paths) as step:
            step("reading the sources")
            documents, warnings = load_sources(paths)
            step("aligning their sentences")
            settings = Settings(exhaustive=options.exhaustive)
            comparison: Comparison | Collation
            if len(documents) == 2:
                comparison = compare(*documents, settings=settings)
            else:
                comparison = compare_many(documents, settings=settings)
            step(f"building the {command} report")
            report = None if options.quiet else report_of(comparison, command)
        for warning in warnings:  # (after the progress line is gone)
            say(f"warning: {warning}")
        if report is not None:
            emit(report, options, output_format=chosen, output=target)
            if target is None and reader_gone():
                raise BrokenPipeError
        check_bar(comparison, options.fail_under, options.fail_on)


def report_of(comparison: Comparison | Collation, command: str) -> Report:
    """The comparison itself for `diff`; its claims for `claims`."""
    if command == "diff":
        return comparison
    if isinstance(comparison, Comparison):
        return compare_claims(comparison)
    return compare_claims_many(comparison)


def _command(name: str, summary: str) -> None:
    """Register one of the two commands; they take the same arguments and options."""

    def command(
        sources: SourcesArgument,
        output_format: FormatOption = None,
        output: OutputOption = None,
        color: ColorOption = "auto",
        no_color: NoColorOption = False,
        exhaustive: ExhaustiveOption = False,
        fail_under: FailUnderOption = None,
        fail_on: FailOnOption = "covered",
        quiet: QuietOption = False,
        verbose: VerboseOption = False,
        stat: StatOption = False,
        only: OnlyOption = None,
        sections: SectionsOption = None,
        pager: PagerOption = None,
    ) -> None:
        options = Options(
            output_format=output_format,
            output=output,
            color="never" if no_color else color.lower(),
            exhaustive=exhaustive,
            fail_under=fail_under,
            fail_on=fail_on.lower(),
            quiet=quiet,
            verbose=verbose,
            stat=stat,
            only=only.lower() if only else None,
            sections=tuple(s.strip().lower() for s in sections.split(",")) if sections else None,
            pager=pager,
        )
        run(name, sources, options)

    command.__doc__ = summary
    app.command(name)(command)


_command(
    "diff",
    "Align the sentences of two to twelve reports: what each covers, shares in part or alone says.",
)
_command(
    "claims",
    "Split the reports into claims: who said what, and what only some sources report.",
)


@app.command("schema")
def _schema(
    report: Annotated[str, typer.Argument(metavar="REPORT", help="diff or claims")],
) -> None:
    """Print the JSON Schema of the diff or the claims JSON report."""
    from sco_compare.render.json_report import SCHEMAS, json_schema

    with failures_reported():
        if report.lower() not in SCHEMAS:
            raise UsageError(f"schema {report}: choose {', '.join(SCHEMAS)}")
        if sys.stdout is None:
            raise OutputError("standard output is closed")
        write_stdout(json_schema(report.lower()))
        if reader_gone():
            raise BrokenPipeError


def _stopped(signum: int, frame: FrameType | None) -> None:
    """SIGTERM or SIGHUP: unwind (so no temporary file is left) and exit 128 + the signal."""
    raise SystemExit(128 + signum)


def main() -> None:
    """Console-script entry point."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stopped)
    app()
