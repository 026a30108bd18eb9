"""The prose of a Markdown source: the text a reader of the rendered page reads, line for line.

Every pattern here is bounded, so no input can make one backtrack for long.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_DROPPED_LINE = re.compile(
    r" {0,3}(?:([-*_=])(?: *\1){2,} *"  # a rule, or a setext heading's underline
    r"|\[[^\]\n]{1,300}\]: *\S.*"  # a link definition
    r"|\|?(?: *:?-{3,}:? *\|)+ *(?::?-{3,}:?)? *)"  # a table's header rule
)
_QUOTE = re.compile(r" {0,3}(?:> ?)+")
_HEADING = re.compile(r" {0,3}#{1,6}(?: +|$)")
_HEADING_END = re.compile(r" +#+ *$")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,3}[.)]) +")
"""A list item's marker. (Four digits and a stop open a wrapped line more often: "2001.")"""
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_PLACEHOLDER = 0xE000
"""Escaped punctuation is moved to the private use area while the patterns run."""
_PLACEHOLDERS = re.compile("[\ue000-\ue07f]")
_LINK = re.compile(
    r"!?\[([^\[\]\n]{0,300})\]"
    r"(?:\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?: +\"[^\"\n]{0,300}\")?\)"  # (address "title")
    r"|\[[^\[\]\n]{0,100}\])"  # [reference]
)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]{1,2000})>")
_EMPHASIS = re.compile(
    r"(\*\*|__|~~)(?=\S)([^\n]{1,300}?)(?<=\S)\1"
    r"|(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])([^_\n]{1,300}?)(?<=\S)_(?![\w_])"
    r"|`([^`\n]{1,300})`"
)


def markdown_to_text(markdown: str) -> str:
    """Headings, quotes and list items as lines of text, links and images as their text,
    emphasis and code spans without their marks, escaped characters as themselves; code blocks,
    rules and link definitions left out (as blank lines, so every line keeps its place)."""
    lines = []
    fence = ""  # the fence that opened the code block we are in
    block_start = True  # after a blank line, a heading or a list item: a list item may start
    for line in markdown.split("\n"):
        fenced = _FENCE.fullmatch(line)
        if fence:
            if fenced and _closes(fenced, fence):
                fence = ""
            lines.append("")
            continue
        if fenced:
            fence = fenced.group(1)
            lines.append("")
            continue
        if not line.strip() or _DROPPED_LINE.fullmatch(line):
            lines.append("")
            block_start = True
            continue
        quote = _QUOTE.match(line)
        line = line[quote.end() :] if quote else line
        heading = _HEADING.match(line)
        item = None if heading or not block_start else _LIST_ITEM.match(line)
        if heading:
            line = _HEADING_END.sub("", line[heading.end() :])
        elif item:
            line = line[item.end() :]
        block_start = bool(heading or item)
        lines.append(_inline(line))
    return "\n".join(lines)


def _closes(fenced: re.Match[str], fence: str) -> bool:
    """A fence of the same character, at least as long, with nothing after it, closes."""
    mark = fenced.group(1)
    return mark[0] == fence[0] and len(mark) >= len(fence) and not fenced.group(2).strip()


def _inline(line: str) -> str:
    """A line without its links' addresses and its emphasis marks."""
    placeholders = not _PLACEHOLDERS.search(line)  # (a line that uses them keeps its escapes)
    if placeholders:
        line = _ESCAPED.sub(lambda m: chr(_PLACEHOLDER + ord(m.group(1))), line)
    line = _AUTOLINK.sub(r"\1", _LINK.sub(r"\1", line))
    line = _EMPHASIS.sub(lambda m: next(g for g in m.groups()[1:] if g), line)
    if placeholders:
        line = _PLACEHOLDERS.sub(lambda m: chr(ord(m.group()) - _PLACEHOLDER), line)
    return line
