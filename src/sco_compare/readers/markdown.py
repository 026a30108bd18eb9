"""The prose of a Markdown source: the text a reader of the rendered page reads.

Each paragraph, heading, list item or table row becomes one line, and blocks are separated by a
blank line, as the sentence splitter expects; code, rules, link definitions, front matter and
HTML comments are left out. Every pattern here is bounded, so no input can make one backtrack
for long.
"""

from __future__ import annotations

import html
import re

_FENCE = re.compile(r" {0,3}(`{3,}(?=[^`]*$)|~{3,})(.*)")
_DROPPED_LINE = re.compile(
    r" {0,3}(?:([-*_=])(?: *\1){2,} *"  # a rule, or a setext heading's underline
    r"|\[[^\]\n]{1,300}\]: *<?[^\s<>]{1,2000}>?"  # a link definition: [label]: address
    r"(?: +(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'|\([^()\n]{0,300}\)))? *"  # "title"
    r"|\|?(?: *:?-{3,}:? *\|)+ *(?::?-{3,}:?)? *)"  # a table's header rule
)
_QUOTE = re.compile(r" {0,3}(?:> ?)+")
_HEADING = re.compile(r" {0,3}#{1,6}(?: +|$)")
_HEADING_END = re.compile(r"(?<! ) +#+ *$")
"""Closing hashes. (Tried only where a run of spaces starts: tried at each space of a long run,
the pattern would read the rest of the run from every one, in quadratic time.)"""
_BULLET = re.compile(r" {0,3}[-*+] +")
_NUMBERED = re.compile(r" {0,3}(\d{1,3})[.)] +")
"""A numbered item's marker. (Four digits and a stop open a wrapped line more often: "2001.")"""
_INDENTED = re.compile(r"(?: {4}|\t)")
_TABLE_ROW = re.compile(r" {0,3}\|")
_FRONT_MATTER_END = frozenset({"---", "..."})
_RAW_BLOCK = re.compile(r" {0,3}(<!--|<script\b|<style\b)", re.IGNORECASE)
"""A comment, script or style opening a line: left out up to its end, over as many lines."""
_RAW_END = {"<!--": "-->", "<script": "</script>", "<style": "</style>"}
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_PLACEHOLDER = 0xE000
"""Escaped punctuation is moved to the private use area while the patterns run."""
_PLACEHOLDERS = re.compile("[\ue000-\ue07f]")
_LINK = re.compile(
    r"!?\[((?:[^\[\]\n]|\[[^\[\]\n]{0,200}\]){0,300})\]"  # [text], maybe with [brackets] in it
    r"(?:\( *(?:<[^<>\n]{0,2000}>|(?:[^()\s]|\([^()\s]{0,200}\)){0,2000})"  # (address
    r"(?: +(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'|\([^()\n]{0,300}\)))? *\)"  # "title")
    r"|\[[^\[\]\n]{0,100}\])"  # or [reference]
)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]{1,2000})>")
_TAG = re.compile(r"</?[A-Za-z][\w:-]{0,30}(?:\s[^<>]{0,1000})?/?>")
_EMPHASIS = re.compile(
    r"(\*\*|__|~~)(?=\S)([^\n]{1,300}?)(?<=\S)\1"
    r"|(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])([^_\n]{1,300}?)(?<=\S)_(?![\w_])"
    r"|(`+)(?=[^`])([^\n]{1,300}?)\5"
)
_SPACES = re.compile(r"[ \t]{2,}")
"""Where a comment or a tag was taken out of a line."""
_NESTING = 3
"""Links and emphasis are undone this many times over (a linked image, ***bold italic***)."""


def markdown_to_text(markdown: str) -> str:
    """Headings, paragraphs, quotes, list items and table rows as lines of text (a paragraph's
    wrapped lines joined), links and images as their text, emphasis and code spans without their
    marks, escaped characters and entities as themselves."""
    blocks: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(_inline(" ".join(paragraph)))
            paragraph.clear()

    fence = ""  # the fence that opened the code block we are in
    raw_end = ""  # the end of the comment, script or style we are in
    in_list = False
    after_blank = True
    for line in _without_front_matter(markdown.split("\n")):
        quote = _QUOTE.match(line)
        line = line[quote.end() :] if quote else line
        fenced = _FENCE.fullmatch(line)
        if fence:
            if fenced and _closes(fenced, fence):
                fence = ""
            continue
        if fenced:
            flush()
            fence, in_list = fenced.group(1), False
            continue
        if not raw_end and (raw := _RAW_BLOCK.match(line)):
            flush()
            raw_end = _RAW_END[raw.group(1).lower()]
        if raw_end:
            end = line.lower().find(raw_end)
            if end == -1:
                continue
            line, raw_end = line[end + len(raw_end) :], ""
        if not line.strip():
            flush()
            after_blank = True
            continue
        if after_blank and _INDENTED.match(line):
            if not in_list:
                continue  # an indented code block (in a list: the item goes on)
        elif after_blank and not _BULLET.match(line) and not _NUMBERED.match(line):
            in_list = False
        after_blank = False
        if _DROPPED_LINE.fullmatch(line):
            flush()
            in_list = False
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            blocks.append(_inline(_HEADING_END.sub("", line[heading.end() :])))
            in_list = False
            continue
        if _TABLE_ROW.match(line):
            flush()
            blocks.append(_inline(line))
            continue
        item = _BULLET.match(line) or _numbered(line, not paragraph or in_list)
        if item:
            flush()
            line, in_list = line[item.end() :], True
        paragraph.append(line.strip().removesuffix("\\"))
    flush()
    return "\n\n".join(block for block in blocks if block.strip())


def _without_front_matter(lines: list[str]) -> list[str]:
    """The lines after a YAML front matter block ("---" ... "---" opening the document)."""
    if lines and lines[0].strip() == "---":
        for k, line in enumerate(lines[1:], start=1):
            if line.strip() in _FRONT_MATTER_END:
                return lines[k + 1 :]
    return lines


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


def _numbered(line: str, may_start: bool) -> re.Match[str] | None:
    """A numbered item's marker: at a block's start or in a list, or "1." anywhere."""
    match = _NUMBERED.match(line)
    return match if match and (may_start or match.group(1) == "1") else None


def _closes(fenced: re.Match[str], fence: str) -> bool:
    """A fence of the same character, at least as long, with nothing after it, closes."""
    mark = fenced.group(1)
    return mark[0] == fence[0] and len(mark) >= len(fence) and not fenced.group(2).strip()


def _inline(text: str) -> str:
    """A block's text without its links' addresses, tags and emphasis marks."""
    placeholders = not _PLACEHOLDERS.search(text)  # (a text that uses them keeps its escapes)
    if placeholders:
        text = _ESCAPED.sub(lambda m: chr(_PLACEHOLDER + ord(m.group(1))), text)
    for _ in range(_NESTING):
        text = _LINK.sub(r"\1", text)
    text = without_spans(without_spans(text, "<!--", "-->"), "<script", "</script>")
    text = _TAG.sub("", _AUTOLINK.sub(r"\1", text))
    for _ in range(_NESTING):
        text = _EMPHASIS.sub(_emphasized, text)
    if placeholders:
        text = _PLACEHOLDERS.sub(lambda m: chr(ord(m.group()) - _PLACEHOLDER), text)
    return _SPACES.sub(" ", html.unescape(text))


def _emphasized(match: re.Match[str]) -> str:
    """The text inside emphasis or a code span."""
    groups = match.groups()
    return groups[1] or groups[2] or groups[3] or groups[5].strip()
