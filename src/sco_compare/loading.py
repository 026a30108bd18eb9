"""Read and decode a source, strip markup, and build a Document. The only stage that reads files."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

from sco_compare.errors import InputError
from sco_compare.markdown_text import markdown_to_text, without_spans
from sco_compare.models import Document
from sco_compare.segment import headlines_as_content, split_sentences


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, and a warning when the encoding had to be guessed."""

    text: str
    encoding: str
    warning: str | None = None


MAX_BYTES = 32 * 1024 * 1024
"""Larger sources are refused: no news report is that long, and /dev/zero would never end."""
BINARY_CONTROL_SHARE = 0.1
"""Text with more than this share of control characters is taken for a binary file."""
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIX_HINT = ".txt, .md, .html or .htm, or - for standard input"

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
# Labels the HTML standard reads as windows-1252 whatever they say.
_HTML_CP1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}
)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_HTML_OPENING = re.compile(r"<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|table|tr|td|article|section|blockquote)\b[^<>]*>",
    re.IGNORECASE,
)

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
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# HTML collapses these, and only these: a no-break space stays as written.
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
# Characters that show nothing: a text made only of these (and whitespace) has no text.
_INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+")


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


def decode(data: bytes, name: str, *, html: bool = False) -> DecodedText:
    """Text from bytes: a BOM's encoding, else UTF-8, else (with a warning) cp1252.

    HTML may name its encoding in a <meta charset>; a mostly UTF-8 text with a few bad bytes
    keeps UTF-8 and has those bytes replaced, with a warning.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(f"{name}: binary file ({kind}), not text")
    decoded = _decode(data, name, html=html)
    controls = len(_BINARY_CONTROL.findall(decoded.text))
    if "\x00" in decoded.text or controls > BINARY_CONTROL_SHARE * len(decoded.text):
        raise InputError(f"{name}: binary file (mostly control characters), not text")
    return decoded


def _decode(data: bytes, name: str, *, html: bool) -> DecodedText:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return DecodedText(_decode_strict(data, encoding, name), encoding)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: an encoding the page declares is more likely right than any guess.
    declared = _declared_charset(data) if html else None
    if declared is not None:
        try:
            return DecodedText(data.decode(declared), declared)
        except (UnicodeError, LookupError):
            pass
    lenient = data.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd") - data.count("\ufffd".encode())
    well_formed = sum(1 for c in lenient if ord(c) > 0x7F) - replaced
    if well_formed > replaced:
        warning = f"{name}: {replaced} invalid UTF-8 sequence(s) replaced with \ufffd"
        return DecodedText(lenient, "utf-8", warning)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not text in UTF-8, UTF-16 or cp1252"
            f" (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    return DecodedText(text, "cp1252", f"{name}: not valid UTF-8; read as cp1252 (Windows-1252)")


def _decode_strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        label = encoding.upper().replace("-SIG", "")
        raise InputError(
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


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, a block per paragraph; scripts, styles, navigation dropped.

    <form> is kept: ASP.NET pages wrap the whole page in one.
    """

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
            "button",
            "select",
            "iframe",
            "menu",
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
            self.parts.append(_HTML_WHITESPACE.sub(" ", data))


_UNCLOSED_TAG = re.compile(r"<(?!!)(?=[^<>]*(?:<|$))")
"""A "<" that no ">" closes before the next "<": text, not a tag. (Left as it is, a run of them
takes the standard library's parser quadratic time, as do unclosed comments.)"""


def html_to_text(html: str) -> str:
    """Paragraph text of an HTML document, paragraphs separated by blank lines."""
    # Closed comments go first, whatever they hold; an unclosed one is text.
    html = _UNCLOSED_TAG.sub("&lt;", without_spans(html, "<!--", "-->").replace("<!--", "&lt;!--"))
    extractor = _TextExtractor()
    try:
        extractor.feed(html)
        extractor.close()
    except AssertionError:
        # The standard library's parser gives up on a marked section it does not know ("<![0",
        # "<![foo["): then every "<!" is text.
        extractor = _TextExtractor()
        extractor.feed(html.replace("<!", "&lt;!"))
        extractor.close()
    paragraphs = (line.strip() for line in "".join(extractor.parts).split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


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


def _opens_html(head: str) -> bool:
    """True when, after whitespace, XML declarations and comments, the text opens <html> or its
    doctype. (A scan, not one pattern: a pattern that skips comments can split a run of them in
    exponentially many ways.)"""
    position = _after_space(head, 0)
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
        position = _after_space(head, position)


def _after_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def looks_like_html(text: str) -> bool:
    """True for text that starts like an HTML document (after an XML declaration or comments),
    or a fragment of one: it opens with a block tag (<p>, <div>, <li>...), or several of its lines
    do, and some tag is closed."""
    head = text[:4096]
    if _opens_html(head) or ("<body" in head.lower() and "</" in text):
        return True
    opened = sum(1 for line in head.splitlines() if _BLOCK_TAG.match(line.lstrip()))
    return "</" in head and (opened >= 2 or _BLOCK_TAG.match(head.lstrip()) is not None)


def document_from_text(
    text: str,
    *,
    label: str = "A",
    name: str | None = None,
    path: str | None = None,
    html: bool = False,
    markdown: bool = False,
    sha256: str | None = None,
) -> Document:
    """Build a Document from text already in memory (sha256: of the source's bytes, if known);
    `html` or `markdown` text is reduced to its prose first.

    Raises InputError when there is nothing to compare: no text, or no sentence with a word.
    """
    name = name or f"source {label}"
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    body = clean_text(html_to_text(text) if html else text)
    body = clean_text(markdown_to_text(body)) if markdown else body  # (entities: "&#13;")
    if is_blank(body):
        where = (
            "outside markup, scripts and navigation"
            if html
            else "outside code blocks and markup"
            if markdown
            else "(only whitespace)"
        )
        raise InputError(f"{name}: no text {where}")
    sentences = split_sentences(body, label)
    if not any(has_word(sentence.text) for sentence in sentences):
        raise InputError(f"{name}: no sentence found (no words, only punctuation or symbols)")
    sentences = headlines_as_content(sentences)
    return Document(
        label=label, name=name, text=body, sha256=digest, sentences=sentences, path=path
    )


def read_source(path: str, *, stdin: bytes | None = None) -> bytes:
    """The bytes of a source file, or of standard input when path is "-"."""
    if path == "-":
        data = stdin or b""
        if len(data) > MAX_BYTES:
            raise InputError(f"<stdin>: too large (over {MAX_BYTES // 2**20} MiB)")
        return data
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    suffix = file.suffix.lower()
    if suffix and suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputError(f"{path}: unsupported format {suffix!r} (use {SUFFIX_HINT})")
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: too large (over {MAX_BYTES // 2**20} MiB)")
    return data


def load_document(
    path: str, *, label: str, stdin: bytes | None = None
) -> tuple[Document, str | None]:
    """Read, decode and segment a source file; returns the document and a decoding warning.

    Raises InputError, with a message that names the source, for anything that is not a
    readable text with at least one sentence.
    """
    data = read_source(path, stdin=stdin)
    where = "<stdin>" if path == "-" else shown_path(path)
    if not data:
        raise InputError(f"{where}: empty file")
    # Whether it is HTML is needed before decoding (for <meta charset>) and checked again after
    # (a UTF-16 page does not look like HTML byte by byte).
    # Markdown may hold HTML blocks; it is still Markdown.
    is_markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
    is_html = path.lower().endswith(HTML_SUFFIXES) or (
        not is_markdown and looks_like_html(data[:4096].decode("latin-1"))
    )
    decoded = decode(data, where, html=is_html)
    is_html = is_html or (not is_markdown and looks_like_html(decoded.text))
    document = document_from_text(
        decoded.text,
        label=label,
        name=where,
        path=None if path == "-" else where,
        html=is_html,
        markdown=is_markdown,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    name = "stdin" if path == "-" else Path(where).name
    return replace(document, name=name), decoded.warning


def shown_path(path: str) -> str:
    """A path as text: bytes of a file name that are not UTF-8 shown as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")
