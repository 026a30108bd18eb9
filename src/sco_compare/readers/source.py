"""Read a source: a file or standard input, its bytes decoded, its format told."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from sco_compare.errors import (
    EmptySourceError,
    NotAFileError,
    SourceNotFoundError,
    SourceTooLargeError,
    UnreadableSourceError,
)
from sco_compare.readers.decode import decode
from sco_compare.readers.detect import (
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    looks_like_html,
)

MAX_BYTES = 32 * 1024 * 1024
"""Larger sources are refused: no news report is that long, and /dev/zero would never end."""


@dataclass(frozen=True)
class SourceText:
    """A source's text as read, before any markup is stripped."""

    text: str
    name: str
    """The file's name (without its folder), or "stdin"."""
    shown: str
    """How messages name it: the path as given, or "<stdin>"."""
    path: str | None
    sha256: str
    html: bool
    markdown: bool
    warning: str | None = None
    """Set when the encoding had to be guessed or bytes were replaced."""


def read_stdin() -> bytes:
    """All of standard input, as bytes (at most MAX_BYTES and one more, to tell it is too big)."""
    if sys.stdin is None:
        raise UnreadableSourceError("<stdin>: standard input is closed")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return sys.stdin.read(MAX_BYTES + 1).encode("utf-8", "surrogateescape")
    data: bytes = stream.read(MAX_BYTES + 1)
    return data


def read_bytes(path: str, *, stdin: bytes | None = None) -> bytes:
    """The bytes of a source file, or of standard input when path is "-" (`stdin`, if given)."""
    if path == "-":
        data = read_stdin() if stdin is None else stdin
        if len(data) > MAX_BYTES:
            raise SourceTooLargeError(f"<stdin>: too large (over {MAX_BYTES // 2**20} MiB)")
        return data
    file = Path(path)
    if not file.exists():
        raise SourceNotFoundError(f"{path}: no such file")
    if file.is_dir():
        raise NotAFileError(f"{path}: is a directory, not a file")
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise UnreadableSourceError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise SourceTooLargeError(f"{path}: too large (over {MAX_BYTES // 2**20} MiB)")
    return data


def read_source(path: str, *, stdin: bytes | None = None) -> SourceText:
    """Read and decode a source file ("-": standard input); tell HTML and Markdown from text."""
    data = read_bytes(path, stdin=stdin)
    shown = "<stdin>" if path == "-" else shown_path(path)
    if not data:
        raise EmptySourceError(f"{shown}: empty file")
    # Whether it is HTML is needed before decoding (for <meta charset>) and checked again after
    # (a UTF-16 page does not look like HTML byte by byte).
    # Markdown may hold HTML blocks; it is still Markdown.
    is_markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
    is_html = path.lower().endswith(HTML_SUFFIXES) or (
        not is_markdown and looks_like_html(data[:4096].decode("latin-1"))
    )
    decoded = decode(data, shown, html=is_html)
    return SourceText(
        text=decoded.text,
        name="stdin" if path == "-" else Path(shown).name,
        shown=shown,
        path=None if path == "-" else shown,
        sha256=hashlib.sha256(data).hexdigest(),
        html=is_html or (not is_markdown and looks_like_html(decoded.text)),
        markdown=is_markdown,
        warning=decoded.warning,
    )


def shown_path(path: str) -> str:
    """A path as text: bytes of a file name that are not UTF-8 shown as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")
