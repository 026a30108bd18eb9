"""The failures sco-compare reports: each is one line for the user, never a traceback."""

from __future__ import annotations


class ScoCompareError(Exception):
    """Base class: a failure the user can act on, with a message that says what and where."""


class InputError(ScoCompareError, ValueError):
    """A source that cannot be compared: missing, unreadable, binary, empty, too large..."""


class OutputError(ScoCompareError, OSError):
    """The report cannot be written where it was asked for."""
