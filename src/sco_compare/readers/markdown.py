"""The prose of a Markdown source, read from markdown-it-py's tokens: what a reader of the
rendered page reads.

Each paragraph, heading, list item or table row becomes one block, and blocks are separated by a
blank line, as the sentence splitter expects; code, rules, link definitions, front matter,
comments, scripts and styles are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sco_compare.readers.html import html_to_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER_END = frozenset({"---", "..."})
_SPACES = re.compile(r"[ \t]{2,}")
"""Where a comment or a tag was taken out of a line."""
_HIDDEN_ELEMENT = re.compile(r"<(script|style)\b", re.IGNORECASE)
"""Inline HTML whose content is not shown, up to its closing tag."""
_BREAKS = frozenset({"softbreak", "hardbreak"})
MAX_NESTING = 50
"""Blocks nested deeper than this (quotes in quotes, lists in lists) are past what markdown-it
reads (it stops there, and deeper nesting would exhaust Python's stack): such a source is read
as plain text instead. No real document comes near it."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])


def markdown_to_text(markdown: str) -> str:
    """Headings, paragraphs, quotes, list items and table rows as blocks of text (a paragraph's
    wrapped lines joined), links and images as their text, emphasis and code spans without their
    marks, escaped characters and entities as themselves, HTML blocks as their visible text.
    (Nested past MAX_NESTING, the text as it is.)"""
    markdown = _without_front_matter(markdown)
    tokens = _parser().parse(markdown)
    if any(token.level >= MAX_NESTING - 1 for token in tokens):
        return markdown
    blocks: list[str] = []
    row: list[str] | None = None  # the cells of the table row being read
    for token in tokens:
        if token.type == "inline":
            text = _inline(token.children or [])
            if row is None:
                blocks.append(text)
            else:
                row.append(text)
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(f"| {' | '.join(row)} |")
            row = None
        elif token.type == "html_block":
            blocks.extend(html_to_text(token.content).split("\n\n"))
    cleaned = (_SPACES.sub(" ", block).strip() for block in blocks)
    return "\n\n".join(block for block in cleaned if block)


def _without_front_matter(markdown: str) -> str:
    """The text after a YAML front matter block ("---" ... "---" opening the document)."""
    lines = markdown.split("\n")
    if lines and lines[0].strip() == "---":
        for k, line in enumerate(lines[1:], start=1):
            if line.strip() in _FRONT_MATTER_END:
                return "\n".join(lines[k + 1 :])
    return markdown


def _inline(children: list[Token]) -> str:
    """The text of an inline run: text, code spans and image descriptions; line breaks as
    spaces; tags, comments, and what a script or style holds, left out."""
    parts: list[str] = []
    hidden_until = ""  # the closing tag of the script or style being skipped
    for child in children:
        if child.type == "html_inline":
            if hidden_until:
                if child.content.lower().startswith(hidden_until):
                    hidden_until = ""
            elif opening := _HIDDEN_ELEMENT.match(child.content):
                hidden_until = f"</{opening.group(1).lower()}"
        elif hidden_until:
            continue
        elif child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
        elif child.type in _BREAKS:
            parts.append(" ")
    return "".join(parts)
