"""The failures sco-compare reports, one class each: each is one line for the user, never a
traceback. The command line exits 2 for an InputError or a UsageError, 3 for an OutputError."""

from __future__ import annotations


class ScoCompareError(Exception):
    """Base class: a failure the user can act on, with a message that says what and where."""


class InputError(ScoCompareError, ValueError):
    """A source that cannot be compared."""


class SourceNotFoundError(InputError):
    """No file at the path given."""


class NotAFileError(InputError):
    """The path names a directory."""


class UnreadableSourceError(InputError):
    """The file (or standard input) exists but cannot be read: permissions, a closed stream."""


class SourceTooLargeError(InputError):
    """Over the size limit (readers.source.MAX_BYTES)."""


class EmptySourceError(InputError):
    """A file of no bytes."""


class NotTextError(InputError):
    """A binary file: an image, an archive, NUL bytes, mostly control characters."""


class UndecodableError(InputError):
    """Bytes that no supported encoding reads."""


class NoTextError(InputError):
    """Text with nothing to compare: only whitespace, markup or symbols."""


class OutputIsSourceError(InputError):
    """The report would be written over one of the sources (exit 2: the command is wrong)."""


class UsageError(ScoCompareError):
    """Options that do not fit together or are out of range (the command line's own)."""


class SettingsError(ScoCompareError, ValueError):
    """A setting out of its range, or of the wrong type."""


class OutputError(ScoCompareError):
    """The report cannot be written where it was asked for."""
