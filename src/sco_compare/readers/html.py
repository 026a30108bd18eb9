"""The visible prose of an HTML page, a paragraph per block, and which paragraphs are site chrome
(navigation, headers and footers, asides, captions, and elements whose class or id names them:
related, newsletter, promo, share, byline, caption, credit ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
"""Elements without an end tag."""
UNCLOSED = frozenset("p li dt dd option tr td th".split())
"""Elements whose end tag may be left out: the next block, or their parent's end, closes them."""
CLASS_CHROME_SHARE = 0.25
"""An element whose class or id names chrome holds at most this share of the page's text; more,
and the name is a wrapper's ("article-body share-enabled", "has-sidebar"), not chrome's."""


@dataclass
class _Open:
    """A chrome element being read: its tag, how deep in elements of that tag, where its text
    starts in the parts, and whether only its class or id made it chrome."""

    tag: str
    depth: int
    start: int
    by_name: bool


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
            "noscript",
            "template",
            "svg",
            "head",
            "button",
            "select",
            "iframe",
        }
    )
    CHROME = frozenset({"nav", "header", "footer", "aside", "menu", "figcaption"})
    CHROME_NAMES = frozenset(
        """
        related newsletter newsletters promo promotion share sharing social byline caption credit
        credits subscribe subscription advert advertisement ad ads cookie cookies consent banner
        sidebar breadcrumb breadcrumbs footer nav navigation menu comments tags bio
        disclaimer paywall recirculation recommended trending popup modal toolbar
        """.split()
    )
    """Words of a class or id that mark an element as chrome ("related-links", "share_bar")."""
    WRAPPERS = frozenset({"html", "body", "main", "article", "form"})
    """Elements that hold a page or its story: never chrome by their class."""
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
        self.open: list[_Open] = []  # chrome elements being read, innermost last
        self.chrome: list[tuple[int, int, bool]] = []  # read: parts start, end, by name only
        self.in_story = 0  # how deep in <article> and <main>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
            return
        self.in_story += tag in self.WRAPPERS - {"html", "body", "form"}
        innermost = self.open[-1] if self.open else None
        if innermost and innermost.tag in UNCLOSED and innermost.depth == 1 and tag in self.BLOCKS:
            self._close()  # "<li class=share>Share<li>Next": the next block closes it
        if self.open and tag == self.open[-1].tag:
            self.open[-1].depth += 1
        elif tag not in VOID and (by_name := self._chrome_kind(tag, attrs)) is not None:
            self.parts.append("\n\n")  # chrome is a paragraph of its own, even inline
            self.open.append(_Open(tag, 1, len(self.parts), by_name))
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in self.WRAPPERS - {"html", "body", "form"}:
            self.in_story = max(0, self.in_story - 1)
        while self.open and self.open[-1].tag in UNCLOSED and tag != self.open[-1].tag:
            self._close()  # its parent ends: "<ul><li class=share>Share</ul>"
        if self.open and tag == self.open[-1].tag:
            self.open[-1].depth -= 1
            if not self.open[-1].depth:
                self._close()
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_HTML_WHITESPACE.sub(" ", data))

    def _close(self) -> None:
        element = self.open.pop()
        self.chrome.append((element.start, len(self.parts), element.by_name))
        self.parts.append("\n\n")

    def _chrome_kind(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool | None:
        """None for an element that is not chrome; else whether only its class or id says so.
        (A story's own <header> holds its headline, summary and byline: read line by line.)"""
        if tag in self.CHROME and not (tag == "header" and self.in_story):
            return False
        if tag in self.WRAPPERS:
            return None
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role")).lower()
        return True if self.CHROME_NAMES & set(re.split(r"[^a-z]+", names)) else None

    def paragraphs(self) -> list[tuple[str, bool]]:
        """The page's paragraphs, each with whether it is chrome."""
        while self.open:
            self._close()  # left open at the end of the page
        text_length = sum(len(p) for p in self.parts if p != "\n\n")
        chrome = [False] * len(self.parts)
        for start, end, by_name in self.chrome:
            inside = sum(len(p) for p in self.parts[start:end] if p != "\n\n")
            if not by_name or inside <= CLASS_CHROME_SHARE * text_length:
                chrome[start:end] = [True] * (end - start)
        paragraphs: list[tuple[str, bool]] = []
        words: list[str] = []
        flags: list[bool] = []
        for part, is_chrome in zip([*self.parts, "\n\n"], [*chrome, False], strict=True):
            if part != "\n\n":
                words.append(part)
                flags.append(is_chrome)
                continue
            for line in "".join(words).split("\n"):
                if line.strip():
                    paragraphs.append((line.strip(), bool(flags) and all(flags)))
            words, flags = [], []
        return paragraphs


_UNCLOSED_TAG = re.compile(r"<(?!!)(?=[^<>]*(?:<|$))")
"""A "<" that no ">" closes before the next "<": text, not a tag. (Left as it is, a run of them
takes the standard library's parser quadratic time, as do unclosed comments.)"""


def html_page(html: str) -> list[tuple[str, bool]]:
    """The paragraphs of an HTML document's text, each with whether it is site chrome."""
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
    return extractor.paragraphs()


def html_to_text(html: str) -> str:
    """Paragraph text of an HTML document, paragraphs separated by blank lines."""
    return "\n\n".join(paragraph for paragraph, _ in html_page(html))


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
