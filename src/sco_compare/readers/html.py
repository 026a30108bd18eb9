"""The visible prose of an HTML page, a paragraph per block, and which paragraphs are site chrome
(navigation, headers and footers, asides, captions, and elements whose class or id names them:
related, newsletter, promo, share, byline, caption, credit ...)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

CHROME_MARK = "\ue000"
"""Marks text of a chrome element while the page is read (removed from the page's own text)."""
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
"""Elements without an end tag."""
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
        sidebar breadcrumb breadcrumbs footer header nav navigation menu comments tags bio author
        disclaimer paywall recirculation recommended trending popup modal toolbar
        """.split()
    )
    """Words of a class or id that mark an element as chrome ("related-links", "share_bar")."""
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
        self.chrome: list[list[str | int]] = []  # open chrome elements: [tag, depth of its name]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
            return
        if self.chrome and tag == self.chrome[-1][0]:
            self.chrome[-1][1] = int(self.chrome[-1][1]) + 1
        elif tag not in VOID and self._is_chrome(tag, attrs):
            self.chrome.append([tag, 1])
            self.parts.append("\n\n")  # chrome is a paragraph of its own, even inline
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.chrome and tag == self.chrome[-1][0]:
            self.chrome[-1][1] = int(self.chrome[-1][1]) - 1
            if not self.chrome[-1][1]:
                self.chrome.pop()
                self.parts.append("\n\n")
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            text = _HTML_WHITESPACE.sub(" ", data.replace(CHROME_MARK, ""))
            self.parts.append(CHROME_MARK + text if self.chrome and text.strip() else text)

    def _is_chrome(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role")).lower()
        return tag in self.CHROME or bool(self.CHROME_NAMES & set(re.split(r"[^a-z]+", names)))


_UNCLOSED_TAG = re.compile(r"<(?!!)(?=[^<>]*(?:<|$))")
"""A "<" that no ">" closes before the next "<": text, not a tag. (Left as it is, a run of them
takes the standard library's parser quadratic time, as do unclosed comments.)"""


def html_page(html: str) -> tuple[str, frozenset[str]]:
    """Paragraph text of an HTML document, paragraphs separated by blank lines, and the
    paragraphs that are site chrome."""
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
    paragraphs = [line.strip() for line in "".join(extractor.parts).split("\n")]
    kept = [p.replace(CHROME_MARK, "") for p in paragraphs if p.replace(CHROME_MARK, "").strip()]
    chrome = frozenset(p.replace(CHROME_MARK, "") for p in paragraphs if CHROME_MARK in p)
    return "\n\n".join(kept), chrome - {""}


def html_to_text(html: str) -> str:
    """Paragraph text of an HTML document without its chrome (for HTML inside Markdown)."""
    text, chrome = html_page(html)
    return "\n\n".join(p for p in text.split("\n\n") if p not in chrome)


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
