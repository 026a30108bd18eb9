"""Read and decode a source, strip markup, and build a Document. The only stage that reads files."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from sco_compare.models import Document
from sco_compare.segment import split_sentences


class InputError(ValueError):
    """A source that cannot be compared: missing, unreadable, binary, empty, ..."""


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, and a warning when the encoding had to be guessed."""

    text: str
    encoding: str
    warning: str | None = None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def decode(data: bytes, name: str) -> DecodedText:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        return DecodedText(_decode_strict(data[3:], "utf-8", name), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return DecodedText(_decode_strict(data, "utf-16", name), "utf-16")
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (it holds NUL bytes), not text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not UTF-8, UTF-16 or cp1252 text ({error.reason})") from None
    return DecodedText(text, "cp1252", f"{name}: not valid UTF-8; read as cp1252 (Windows-1252)")


def _decode_strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: invalid {encoding} ({error.reason})") from None


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, a block per paragraph; scripts, styles, navigation dropped."""

    SKIPPED = frozenset(
        {
            "script",
            "style",
            "nav",
            "header",
            "footer",
            "aside",
            "noscript",
            "template",
            "svg",
            "head",
            "form",
            "button",
        }
    )
    BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "td",
            "th",
            "blockquote",
            "section",
            "article",
            "title",
            "pre",
            "dd",
            "dt",
            "figcaption",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Paragraph text of an HTML document, paragraphs separated by blank lines."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    paragraphs = (line.strip() for line in "".join(extractor.parts).split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


def clean_text(text: str) -> str:
    """Unify line endings and drop control characters; everything else is kept as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def looks_like_html(text: str) -> bool:
    """True for text that starts like an HTML document."""
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def document_from_text(
    text: str,
    *,
    label: str = "A",
    name: str | None = None,
    path: str | None = None,
    html: bool = False,
) -> Document:
    """Build a Document from text already in memory."""
    name = name or f"source {label}"
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    body = clean_text(html_to_text(text) if html else text)
    if not body.strip():
        raise InputError(f"{name}: empty (no text to compare)")
    sentences = split_sentences(body, label)
    if not sentences:
        raise InputError(f"{name}: no sentence found")
    return Document(
        label=label, name=name, text=body, sha256=digest, sentences=sentences, path=path
    )


def read_source(path: str, *, stdin: bytes | None = None) -> tuple[bytes, str]:
    """The bytes of a source file, or of standard input when path is "-"."""
    if path == "-":
        return (stdin or b""), "<stdin>"
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        return file.read_bytes(), path
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def load_document(
    path: str, *, label: str, stdin: bytes | None = None
) -> tuple[Document, str | None]:
    """Read, decode and segment a source file; returns the document and a decoding warning."""
    data, name = read_source(path, stdin=stdin)
    if not data.strip():
        raise InputError(f"{name}: empty file")
    decoded = decode(data, name)
    is_html = path.lower().endswith(HTML_SUFFIXES) or looks_like_html(decoded.text)
    display_name = "stdin" if path == "-" else Path(path).name
    document = document_from_text(
        decoded.text,
        label=label,
        name=display_name,
        path=None if path == "-" else path,
        html=is_html,
    )
    digest = hashlib.sha256(data).hexdigest()
    return Document(
        label=document.label,
        name=document.name,
        text=document.text,
        sha256=digest,
        sentences=document.sentences,
        path=document.path,
    ), decoded.warning
