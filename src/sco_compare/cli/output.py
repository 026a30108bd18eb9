"""Where a report goes: a file written atomically, a device or descriptor, or standard output."""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from sco_compare.collation import source_labels
from sco_compare.errors import OutputError, OutputIsSourceError

_OPEN_DESCRIPTOR = re.compile(r"/dev/(?:(stdout)|(stderr)|fd/(\d+))|/proc/self/fd/(\d+)")
"""A path that names one of this process's open files: written through that descriptor."""


def open_descriptor(path: Path) -> int | None:
    """The descriptor `path` names (/dev/stdout, /dev/fd/3, /proc/self/fd/1), if it names one."""
    match = _OPEN_DESCRIPTOR.fullmatch(os.path.abspath(path))
    if match is None:
        return None
    stdout, stderr, fd, proc_fd = match.groups()
    return 1 if stdout else 2 if stderr else int(fd or proc_fd)


def output_path(output: str | None) -> Path | None:
    """The -o path (None for stdout: no -o, or "-"). A name ending in "/", "." or ".." names a
    directory (pathlib would drop or resolve that part)."""
    if output is None or output == "-":
        return None
    if not output:
        raise OutputError("-o '': an empty file name")
    if os.path.basename(output) in ("", ".", ".."):
        raise OutputError(f"{output}: names a directory, cannot write the report there")
    return Path(output)


def cannot_write(where: str, error: OSError) -> OutputError:
    """The failure to write the report to `where`, with the system's reason."""
    return OutputError(f"{where}: cannot write the report ({error.strerror or error})")


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
    except FileNotFoundError:
        existing = None
    except OSError as error:  # a link loop, a file where a folder should be, no permission
        raise cannot_write(str(path), error) from None
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
        raise cannot_write(str(path), error) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        # mkstemp makes the file private (0600); a new report gets 0666 minus the umask.
        mode = stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~current_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise cannot_write(str(path), error) from None
    except BaseException:  # interrupted or stopped (see main): no temporary file left behind
        Path(temporary).unlink(missing_ok=True)
        raise


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
        raise cannot_write("standard output", error) from None


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


def stop_writing_stdout() -> None:
    """The reader of stdout went away (`| head`): point stdout at /dev/null, so nothing more is
    tried there, not even the flush at exit."""
    with contextlib.suppress(OSError, ValueError):  # no real descriptor (tests): nothing to do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def check_output(output: Path | None, sources: Sequence[str]) -> None:
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
    for source, label in zip(sources, source_labels(len(sources)), strict=True):
        try:
            read = os.fstat(sys.stdin.fileno()) if source == "-" else os.stat(source)
        except (OSError, ValueError, AttributeError):  # missing source: reported when loading
            continue
        if (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino):
            raise OutputIsSourceError(f"{output}: is source {label}; the report would overwrite it")


def page(text: str) -> bool:
    """Show a report through the user's pager, as git does: PAGER, else less (with LESS=FRX
    when LESS is not set: quit if it fits, keep colors, leave it on screen); Ctrl-C is the
    pager's while it runs. False when there is no pager to run (PAGER empty or "cat") or it
    failed (not found, exit status not 0): the caller prints the report."""
    command = os.environ.get("PAGER", "less").strip()
    if command in ("", "cat"):
        return False
    environment = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        shown = subprocess.run(
            command,
            shell=True,
            input=text.encode(encoding, "replace"),
            env=environment,
            check=False,
        )
    finally:
        signal.signal(signal.SIGINT, interrupt)
    return shown.returncode == 0


PROGRESS_MIN_BYTES = 200_000
"""Sources this large together take a second or more (benchmarks/speed.py): a progress line is
shown for them, on a terminal."""


@contextlib.contextmanager
def progress(paths: Sequence[str]) -> Iterator[Callable[[str], None]]:
    """A step reporter: on a terminal's stderr, for sources of PROGRESS_MIN_BYTES or more, a
    spinner with the step under way and the time so far, gone when the steps are done; else it
    does nothing."""
    sizes = [os.path.getsize(p) if p != "-" and os.path.isfile(p) else 0 for p in paths]
    if sys.stderr is None or not sys.stderr.isatty() or sum(sizes) < PROGRESS_MIN_BYTES:
        yield lambda step: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("")
        yield lambda step: bar.update(task, description=step)


TEXT_WIDTH = 100
"""The width of a plain-text report file, and of a piped report when COLUMNS is not set."""
MIN_WIDTH, MAX_WIDTH = 20, 1000


def paged(text: str, pager: bool | None, height: int) -> bool:
    """Whether the report went through the pager: --pager, or (unless --no-pager) a report
    longer than the terminal's screen, and a pager that ran."""
    return pager is not False and (bool(pager) or text.count("\n") >= height) and page(text)


def piped_width() -> int:
    """The width of a report piped to another program: COLUMNS if it holds one, else TEXT_WIDTH."""
    try:
        return min(max(int(os.environ.get("COLUMNS", "")), MIN_WIDTH), MAX_WIDTH)
    except ValueError:
        return TEXT_WIDTH
