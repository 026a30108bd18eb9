"""The sco-compare command line: parse options, call the library, pick a renderer.

Exit codes: 0 success, 1 a source's coverage is below --fail-under, 2 bad input or usage, 3 the
report cannot be written, 70 an internal error (a bug: please report it), 130 interrupted, 141
the reader of stdout closed it before the report was written.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Annotated, NoReturn

import typer

from sco_compare._version import __version__
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
    SourceA,
    SourceB,
    StatOption,
    VerboseOption,
    check_choices,
    resolve_format,
)
from sco_compare.cli.output import (
    TEXT_WIDTH,
    check_output,
    output_path,
    paged,
    piped_width,
    progress,
    reader_gone,
    stop_writing_stdout,
    write_report,
    write_stdout,
)
from sco_compare.errors import InputError, OutputError, UsageError
from sco_compare.models import ClaimsReport, Comparison, Document, Side
from sco_compare.pipeline import compare, compare_claims, load_document
from sco_compare.render.text import inert, stat_lines
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
    """Compare two reports of the same event: what each one covers, shares or alone reports."""


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


def load_pair(path_a: str, path_b: str) -> tuple[Document, Document, list[str]]:
    """Both sources, reading stdin once if one of them is "-", and the warnings of decoding."""
    if path_a == "-" and path_b == "-":
        raise UsageError("only one source can be read from stdin (-)")
    documents, warnings = [], []
    for path, side in zip((path_a, path_b), Side, strict=True):
        document, warning = load_document(path, label=side.label)
        warnings += [warning] if warning else []
        documents.append(document)
    return documents[0], documents[1], warnings


def use_color(when: str) -> bool:
    """Color on stdout: always, never, or (auto) on a terminal unless NO_COLOR is set."""
    if when != "auto":
        return when == "always"
    return "NO_COLOR" not in os.environ and sys.stdout is not None and sys.stdout.isatty()


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

        if isinstance(subject, Comparison):
            text = html.render_diff(subject)
        else:
            text = html.render_claims(subject)
    elif output_format == "markdown":
        from sco_compare.render.markdown import render_claims, render_diff

        if isinstance(subject, Comparison):
            text = render_diff(subject, only=options.only, **sections)
        else:
            text = render_claims(subject, only=options.only, **sections)
    else:
        from sco_compare.render.terminal import diff_report, make_console, to_text
        from sco_compare.render.terminal_claims import claims_report

        colored = output is None and use_color(options.color)
        if isinstance(subject, Comparison):
            parts = diff_report(
                subject, color=colored, verbose=options.verbose, only=options.only, **sections
            )
        else:
            parts = claims_report(subject, verbose=options.verbose, only=options.only, **sections)
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


def check_bar(comparison: Comparison, fail_under: float | None, fail_on: str) -> None:
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


Report = Comparison | ClaimsReport
"""What a command reports: a comparison (diff) or its claims."""


def run(
    report_of: Callable[[Comparison], Report], a: str, b: str, options: Options, command: str
) -> None:
    """What both commands do: check options, load, compare, render, and apply --fail-under."""
    with failures_reported():
        target = output_path(options.output)
        chosen = resolve_format(options.output_format, target)
        check_choices(options, command, chosen)
        check_output(target, (a, b))
        if target is None and sys.stdout is None and not options.quiet:
            raise OutputError("standard output is closed (write the report with -o FILE)")
        with progress((a, b)) as step:
            step("reading the sources")
            document_a, document_b, warnings = load_pair(a, b)
            step("aligning their sentences")
            settings = Settings(exhaustive=options.exhaustive)
            comparison = compare(document_a, document_b, settings=settings)
            step(f"building the {command} report")
            report = None if options.quiet else report_of(comparison)
        for warning in warnings:  # (after the progress line is gone)
            say(f"warning: {warning}")
        if report is not None:
            emit(report, options, output_format=chosen, output=target)
            if target is None and reader_gone():
                raise BrokenPipeError
        check_bar(comparison, options.fail_under, options.fail_on)


def _command(name: str, summary: str, report_of: Callable[[Comparison], Report]) -> None:
    """Register one of the two commands; they take the same arguments and options."""

    def command(
        a: SourceA,
        b: SourceB,
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
        run(report_of, a, b, options, name)

    command.__doc__ = summary
    app.command(name)(command)


def _comparison(comparison: Comparison) -> Comparison:
    return comparison


_command(
    "diff",
    "Align the sentences of two reports and show what is covered, partial or unique.",
    _comparison,
)
_command(
    "claims",
    "Split both reports into claims: who said what, and what only one source reports.",
    compare_claims,
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
