"""The sco-compare command line: parse options, call the library, pick a renderer.

Exit codes: 0 success, 1 a source's coverage is below --fail-under, 2 bad input or usage, 3 the
report cannot be written, 70 an internal error (a bug: please report it), 130 interrupted, 141
the reader of stdout closed it before the report was written.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from sco_compare.compare import compare
from sco_compare.errors import InputError, OutputError
from sco_compare.loading import MAX_BYTES, load_document
from sco_compare.models import Comparison, Document
from sco_compare.render.text import inert
from sco_compare.settings import Settings

if TYPE_CHECKING:
    from sco_compare.claims import ClaimsReport

FORMATS = ("terminal", "markdown", "json")
SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json"}
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
    add_completion=False,
    rich_markup_mode=None,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Compare two reports of the same event: what each one covers, shares or alone reports.",
)


@app.callback()
def _commands() -> None:
    """Compare two reports of the same event: what each one covers, shares or alone reports."""


def say(message: str) -> None:
    """One line on stderr; a file name in it cannot break the line or drive the terminal."""
    with contextlib.suppress(OSError):  # stderr full or gone: nowhere left to say it
        typer.echo(f"sco-compare: {inert(message)}", err=True)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    """One line on stderr and a non-zero exit."""
    say(f"error: {message}")
    raise typer.Exit(code)


def resolve_format(requested: str | None, output: Path | None) -> str:
    """The --format given, else the one the output file's suffix names, else terminal."""
    if requested is not None:
        if requested not in FORMATS:
            fail(f"unknown format {requested!r} (choose {', '.join(FORMATS)})")
        return requested
    if output is not None:
        # A name that is only a suffix (".json") has none for pathlib; it names a format too.
        suffix = output.suffix or output.name
        return SUFFIX_FORMATS.get(suffix.lower(), "terminal")
    return "terminal"


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
    except InputError as error:
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


def load_pair(path_a: str, path_b: str) -> tuple[Document, Document]:
    """Both sources, reading stdin once if one of them is "-"."""
    if path_a == "-" and path_b == "-":
        fail("only one source can be read from stdin (-)")
    stdin = read_stdin() if "-" in (path_a, path_b) else None
    documents = []
    for path, label in ((path_a, "A"), (path_b, "B")):
        document, warning = load_document(path, label=label, stdin=stdin)
        if warning:
            say(f"warning: {warning}")
        documents.append(document)
    return documents[0], documents[1]


def read_stdin() -> bytes:
    """All of standard input, as bytes (at most MAX_BYTES and one more, to tell it is too big)."""
    if sys.stdin is None:
        raise InputError("<stdin>: standard input is closed")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return sys.stdin.read(MAX_BYTES + 1).encode("utf-8", "surrogateescape")
    data: bytes = stream.read(MAX_BYTES + 1)
    return data


_OPEN_DESCRIPTOR = re.compile(r"/dev/(?:(stdout)|(stderr)|fd/(\d+))|/proc/self/fd/(\d+)")
"""A path that names one of this process's open files: written through that descriptor."""


def open_descriptor(path: Path) -> int | None:
    """The descriptor `path` names (/dev/stdout, /dev/fd/3, /proc/self/fd/1), if it names one."""
    match = _OPEN_DESCRIPTOR.fullmatch(os.path.abspath(path))
    if match is None:
        return None
    stdout, stderr, fd, proc_fd = match.groups()
    return 1 if stdout else 2 if stderr else int(fd or proc_fd)


def write_report(path: Path, text: str) -> None:
    """Write the report to `path`.

    A regular file (or a new one) is written through a temporary file and a rename, so a failed
    write leaves no partial file, and an existing file keeps its permissions (a hard link to the
    old file keeps the old report); a symbolic link is followed. An open descriptor
    (/dev/stdout, even when it is redirected to a file), a device or a pipe (/dev/null, a FIFO)
    is written to directly.
    """
    try:
        existing = path.stat()
    except OSError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"{path}: is a directory, cannot write the report there")
    descriptor = open_descriptor(path)
    try:
        if descriptor is not None:
            with open(descriptor, "w", encoding="utf-8", newline="\n", closefd=False) as file:
                file.write(text)
            return
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            with path.open("w", encoding="utf-8", newline="\n") as file:
                file.write(text)
            return
        if existing is not None and not os.access(path, os.W_OK):
            raise PermissionError(13, "Permission denied")  # a read-only report stays as it is
        target = Path(os.path.realpath(path))
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except BrokenPipeError:
        raise  # the reader went away: see failures_reported()
    except OSError as error:
        raise OutputError(f"{path}: cannot write the report ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        # mkstemp makes the file private (0600); a new report gets 0666 minus the umask.
        mode = stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~current_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write the report ({error.strerror or error})") from None
    except BaseException:  # interrupted or stopped (see main): no temporary file left behind
        Path(temporary).unlink(missing_ok=True)
        raise


def check_output(output: Path | None, sources: tuple[str, str]) -> None:
    """Refuse an output file that is one of the sources (a file given by name, or standard input
    redirected from it): the report would overwrite it."""
    if output is None:
        return
    try:
        written = output.stat()
    except OSError:  # not there yet: it cannot be a source
        return
    if not stat.S_ISREG(written.st_mode):
        return  # /dev/null, a pipe: writing there cannot spoil a source
    for source, label in zip(sources, "AB", strict=True):
        try:
            read = os.fstat(sys.stdin.fileno()) if source == "-" else os.stat(source)
        except (OSError, ValueError, AttributeError):  # missing source: reported when loading
            continue
        if (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino):
            fail(f"{output}: is source {label}; the report would overwrite it")


def current_umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_stdout(text: str) -> None:
    """Text to stdout as UTF-8 bytes, whatever the locale says, so reports are byte-identical."""
    try:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            sys.stdout.write(text)
            return
        sys.stdout.flush()
        stream.write(text.encode("utf-8"))
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        stop_writing_stdout()  # what is still buffered could not be written at exit either
        reason = error.strerror or error
        raise OutputError(f"standard output: cannot write the report ({reason})") from None


def reader_gone() -> bool:
    """Whether stdout is a pipe whose reader has closed it (`| head -c1` after one byte): the
    report was cut short, though every write went into the pipe's buffer."""
    try:
        descriptor = sys.stdout.fileno()
        if not stat.S_ISFIFO(os.fstat(descriptor).st_mode):
            return False
        poller = select.poll()
        poller.register(descriptor, select.POLLOUT)
        return any(event & select.POLLERR for _, event in poller.poll(0))
    except (OSError, ValueError, AttributeError):  # no real descriptor (tests), or no poll
        return False


def use_color(no_color: bool) -> bool:
    """Color only on a terminal, and never under NO_COLOR or --no-color."""
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def emit(
    subject: Comparison | ClaimsReport, *, output_format: str, output: Path | None, no_color: bool
) -> None:
    """Render a diff or claims report in the chosen format, to stdout or to the output file."""
    if output_format == "json":
        from sco_compare.render.json_report import render_json

        text = render_json(subject.to_dict())
    elif output_format == "markdown":
        from sco_compare.render.markdown import render_claims, render_diff

        text = render_diff(subject) if isinstance(subject, Comparison) else render_claims(subject)
    else:
        from sco_compare.render.terminal import claims_report, diff_report, make_console, to_text

        color = output is None and use_color(no_color)
        if isinstance(subject, Comparison):
            parts = diff_report(subject, color=color)
        else:
            parts = claims_report(subject)
        if output is None and sys.stdout.isatty():
            # A terminal whose locale cannot show a character gets "?", not a crash.
            reconfigure = getattr(sys.stdout, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="replace")
            console = make_console(color=color)
            for part in parts:
                console.print(part)
            return
        text = to_text(parts)  # a file or a pipe: plain text, the same either way
    if output is None:
        write_stdout(text)
    else:
        write_report(output, text)


def check_bar(comparison: Comparison, fail_under: float | None) -> None:
    """Exit 1 when a source's covered share is below --fail-under (percent); name each one."""
    if fail_under is None:
        return
    below = False
    for document in comparison.documents:
        covered = comparison.coverage(document.label).covered_ratio * 100
        if covered < fail_under:
            below = True
            say(
                f"{document.label} ({document.name}) is {covered:.0f}% covered,"
                f" below --fail-under {fail_under:.10g}"
            )
    if below:
        raise typer.Exit(EXIT_BELOW_BAR)


def check_fail_under(fail_under: float | None) -> None:
    """--fail-under is a percentage: a number from 0 to 100."""
    if fail_under is not None and not 0 <= fail_under <= 100:
        fail(f"--fail-under {fail_under:.10g}: not a percentage from 0 to 100")


SourceA = Annotated[
    str, typer.Argument(metavar="A", help="First report (.txt, .md, .html, or - for stdin).")
]
SourceB = Annotated[str, typer.Argument(metavar="B", help="Second report.")]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", help="terminal, markdown or json [default: from -o, else terminal]"
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE (.md / .json pick the format)."
    ),
]
NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="Plain text with [-…-] {+…+} markers.")
]
ExhaustiveOption = Annotated[
    bool, typer.Option("--exhaustive", help="Score every sentence pair (slow; for checking).")
]
FailUnderOption = Annotated[
    float | None,
    typer.Option("--fail-under", metavar="PERCENT", help="Exit 1 if a source is less covered."),
]


def output_path(output: str | None) -> Path | None:
    """The -o path; a name ending in "/" names a directory (pathlib would drop the slash)."""
    if output is None:
        return None
    if output.endswith(("/", os.sep)):
        raise OutputError(f"{output}: names a directory, cannot write the report there")
    return Path(output)


def run(
    command: str,
    a: str,
    b: str,
    *,
    output_format: str | None,
    output: str | None,
    no_color: bool,
    exhaustive: bool,
    fail_under: float | None,
) -> None:
    """What both commands do: check options, load, compare, render, and apply --fail-under."""
    with failures_reported():
        target = output_path(output)
        chosen = resolve_format(output_format, target)
        check_fail_under(fail_under)
        check_output(target, (a, b))
        if target is None and sys.stdout is None:
            raise OutputError("standard output is closed (write the report with -o FILE)")
        document_a, document_b = load_pair(a, b)
        settings = Settings(exhaustive=exhaustive)
        comparison = compare(document_a, document_b, settings=settings)
        subject: Comparison | ClaimsReport = comparison
        if command == "claims":
            from sco_compare.claims import compare_claims

            subject = compare_claims(comparison)
        emit(subject, output_format=chosen, output=target, no_color=no_color)
        if target is None and reader_gone():
            raise BrokenPipeError
        check_bar(comparison, fail_under)


def stop_writing_stdout() -> None:
    """The reader of stdout went away (`| head`): point stdout at /dev/null, so nothing more is
    tried there, not even the flush at exit."""
    with contextlib.suppress(OSError, ValueError):  # no real descriptor (tests): nothing to do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _command(name: str, summary: str) -> None:
    """Register one of the two commands; they take the same arguments and options."""

    def command(
        a: SourceA,
        b: SourceB,
        output_format: FormatOption = None,
        output: OutputOption = None,
        no_color: NoColorOption = False,
        exhaustive: ExhaustiveOption = False,
        fail_under: FailUnderOption = None,
    ) -> None:
        run(
            name,
            a,
            b,
            output_format=output_format,
            output=output,
            no_color=no_color,
            exhaustive=exhaustive,
            fail_under=fail_under,
        )

    command.__doc__ = summary
    app.command(name)(command)


_command("diff", "Align the sentences of two reports and show what is covered, partial or unique.")
_command(
    "claims", "Split both reports into claims: who said what, and what only one source reports."
)


def _stopped(signum: int, frame: FrameType | None) -> None:
    """SIGTERM or SIGHUP: unwind (so no temporary file is left) and exit 128 + the signal."""
    raise SystemExit(128 + signum)


def main() -> None:
    """Console-script entry point."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stopped)
    app()
