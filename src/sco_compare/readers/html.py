"""The visible prose of an HTML page, a paragraph per block."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# HTML collapses these, and only these: a no-break space stays as written.
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


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


def without_spans(text: str, start: str, end: str) -> str:
    """The text without each closed span from `start` to `end` (an unclosed one stays text)."""
    kept, position = [], 0
    while (opening := text.find(start, position)) != -1:
        closing = text.find(end, opening + len(start))
        if closing == -1:
            break
        kept.append(text[position:opening])
        position = closing + len(end)
    return "".join(kept) + text[position:]
