"""Bytes to text: a BOM's encoding, UTF-8, an HTML page's declared charset, or cp1252."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from sco_compare.errors import NotTextError, UndecodableError
from sco_compare.readers.detect import BOMS, binary_kind


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, and a warning when the encoding had to be guessed."""

    text: str
    warning: str | None = None


BINARY_CONTROL_SHARE = 0.1
"""Text with more than this share of control characters is taken for a binary file."""

# Labels the HTML standard reads as windows-1252 whatever they say.
_HTML_CP1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}
)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def decode(data: bytes, name: str, *, html: bool = False) -> DecodedText:
    """Text from bytes: a BOM's encoding, else UTF-8, else (with a warning) cp1252.

    HTML may name its encoding in a <meta charset>; a mostly UTF-8 text with a few bad bytes
    keeps UTF-8 and has those bytes replaced, with a warning.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise NotTextError(f"{name}: binary file ({kind}), not text")
    decoded = _decode(data, name, html=html)
    controls = len(_BINARY_CONTROL.findall(decoded.text))
    if "\x00" in decoded.text or controls > BINARY_CONTROL_SHARE * len(decoded.text):
        raise NotTextError(f"{name}: binary file (mostly control characters), not text")
    return decoded


def _decode(data: bytes, name: str, *, html: bool) -> DecodedText:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return DecodedText(_decode_strict(data, encoding, name))
    try:
        return DecodedText(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    # Not UTF-8: an encoding the page declares is more likely right than any guess.
    declared = _declared_charset(data) if html else None
    if declared is not None:
        try:
            return DecodedText(data.decode(declared))
        except (UnicodeError, LookupError):
            pass
    lenient = data.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd") - data.count("\ufffd".encode())
    well_formed = sum(1 for c in lenient if ord(c) > 0x7F) - replaced
    if well_formed > replaced:
        warning = f"{name}: {replaced} invalid UTF-8 sequence(s) replaced with \ufffd"
        return DecodedText(lenient, warning)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UndecodableError(
            f"{name}: not text in UTF-8, UTF-16 or cp1252"
            f" (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    return DecodedText(text, f"{name}: not valid UTF-8; read as cp1252 (Windows-1252)")


def _decode_strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        label = encoding.upper().replace("-SIG", "")
        raise UndecodableError(
            f"{name}: invalid {label} text ({error.reason} at byte {error.start})"
        ) from None


def _declared_charset(data: bytes) -> str | None:
    """The Python codec an HTML page's <meta charset> names, if it is a known 8-bit one."""
    match = _META_CHARSET.search(data[:2048])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _HTML_CP1252_LABELS:
        return "cp1252"
    try:
        codec = codecs.lookup(label).name
        b"a".decode(codec)  # "hex", "rot13", "zlib", "undefined": codecs, but not of text
    except (LookupError, UnicodeError):
        return None
    return None if codec.startswith(("utf-8", "utf-16", "utf-32")) else codec
