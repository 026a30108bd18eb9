"""Text as data: line endings unified, escapes and control characters out, blank text told apart."""

from __future__ import annotations

import re

# Terminal escape sequences (CSI, OSC, two-character ESC codes) are instructions, not text.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colors, cursor moves, clearing the screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|\x1b[@-Z\\-_]"  # two-character codes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI as one C1 character
)
_LINE_SEPARATORS = str.maketrans(
    {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Characters that show nothing: a text made only of these (and whitespace) has no text.
_INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+")


def clean_text(text: str) -> str:
    """Text as data: line endings unified, terminal escapes and control characters dropped.

    CRLF, CR, form feeds and Unicode line separators become newlines; escape sequences and
    other control characters are removed; lone surrogates become U+FFFD. Everything else
    (no-break spaces, soft hyphens, zero-width characters) is kept as written and folded only
    for matching.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_SEPARATORS)
    text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))
    return _SURROGATE.sub("\ufffd", text)


def is_blank(text: str) -> bool:
    """True for text that shows nothing: whitespace, zero-width characters, soft hyphens."""
    return not _INVISIBLE.sub("", text)


def has_word(text: str) -> bool:
    """True when the text holds a letter or a digit, in any script."""
    return any(character.isalnum() for character in text)
