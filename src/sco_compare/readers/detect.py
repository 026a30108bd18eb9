"""What a source is: a binary file, HTML, Markdown or plain text."""

from __future__ import annotations

import codecs
import re

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# File signatures of formats people mistake for text: reported by name, never decoded.
BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"PK\x03\x04", "a ZIP archive, or a .docx / .odt document"),
    (b"%PDF-", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\xfd7zXZ\x00", "xz-compressed"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
)
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_OPENING = re.compile(r"<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|table|tr|td|article|section|blockquote)\b[^<>]*>",
    re.IGNORECASE,
)


def binary_kind(data: bytes) -> str | None:
    """What a binary file is ("a PNG image", "NUL bytes"), or None for what may be text."""
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in data:
        return "it holds NUL bytes"
    return None


def _opens_html(head: str) -> bool:
    """True when, after whitespace, XML declarations and comments, the text opens <html> or its
    doctype. (A scan, not one pattern: a pattern that skips comments can split a run of them in
    exponentially many ways.)"""
    position = len(head) - len(head.lstrip())
    while True:
        if head[position : position + 5].lower() == "<?xml":
            end = head.find(">", position)
            position = end + 1
        elif head.startswith("<!--", position):
            end = head.find("-->", position + 4)
            position = end + 3
        else:
            return _HTML_OPENING.match(head, position) is not None
        if end == -1:
            return False
        position = len(head) - len(head[position:].lstrip())  # (head: 4,096 characters)


def looks_like_html(text: str) -> bool:
    """True for text that starts like an HTML document (after an XML declaration or comments),
    or a fragment of one: it opens with a block tag (<p>, <div>, <li>...), or several of its lines
    do, and some tag is closed."""
    head = text[:4096]
    if _opens_html(head) or ("<body" in head.lower() and "</" in text):
        return True
    opened = sum(1 for line in head.splitlines() if _BLOCK_TAG.match(line.lstrip()))
    return "</" in head and (opened >= 2 or _BLOCK_TAG.match(head.lstrip()) is not None)
