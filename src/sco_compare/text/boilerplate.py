"""Navigation crumbs, headlines, share prompts, bylines and contact lines: told by their shape."""

from __future__ import annotations

import re
from dataclasses import replace

from sco_compare.models import Sentence
from sco_compare.text.clean import has_word
from sco_compare.text.normalize import UNSPACED, fold

STOPS = ".!?…。！？｡"
"""Characters that end a sentence ..."""
CLOSERS = "\"'”’)\\]」』）"
"""... and what may follow them (closing quotes and brackets), in a regular expression's class."""
ENDS_SENTENCE = re.compile(rf"[{STOPS}][{CLOSERS}]*$|[\"”’」』]$")

# In scripts written without spaces between words, two characters count as a word.
UNSPACED_CHARACTER = re.compile(f"[{UNSPACED}]")

# An address starts a word (no backtracking into long tokens: linear time on any input).
_EMAIL_OR_URL = re.compile(r"(?<![^\s@])[^\s@]+@[^\s@]+\.\w+|https?://|www\.\w")
_BYLINE = re.compile(r"^(by|from|photo|image|source|credit|contact|reporter)\b", re.IGNORECASE)

HEADLINE_MAX_WORDS = 25
BYLINE_MAX_WORDS = 8
CRUMB_MAX_WORDS = 2
"""A line this short is a crumb or a menu entry, even in a source of headlines."""


def is_boilerplate(text: str, *, alone_on_line: bool) -> bool:
    """True for navigation crumbs, headlines, share prompts, bylines and contact lines.

    Decided by the shape of the line, never by a list of known strings: a short sentence that
    stands alone on its line without sentence-final punctuation is a crumb, a heading or a
    prompt; a short line that opens with "By", "Photo", "Source"... is a byline; a short
    sentence with an e-mail address or a web address is a contact or credit line (a long one
    reports something, and names its source); a sentence with no word at all ("...", "* * *")
    is a separator.
    """
    folded = fold(text).strip()
    if not has_word(folded):
        return True
    words = folded.split()
    addresses = sum(1 for word in words if _EMAIL_OR_URL.search(word))
    if addresses and len(words) - addresses <= BYLINE_MAX_WORDS:
        return True
    if not alone_on_line:
        return False
    if is_byline(folded):
        return True  # "By Jane Doe." ends like a sentence but is a byline
    # A headline or prompt is short; a long unpunctuated line is body text that lost its period.
    word_count = len(words) + len(UNSPACED_CHARACTER.findall(folded)) // 2
    return not ENDS_SENTENCE.search(folded) and word_count <= HEADLINE_MAX_WORDS


def is_byline(text: str) -> bool:
    """A short line that opens with "By", "Photo", "Source"..."""
    folded = fold(text).strip()
    return bool(_BYLINE.match(folded)) and len(folded.split()) <= BYLINE_MAX_WORDS


def headlines_as_content(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """A source made mostly of lines shaped like headlines (a list of headlines, text without
    final stops) has no article around them to set them aside from: they are its content.
    Separators, contact lines, bylines and crumbs ("Home", "World news") stay boilerplate."""
    shaped = {
        s.index
        for s in sentences
        if s.boilerplate
        and len(s.text.split()) > CRUMB_MAX_WORDS
        and not is_boilerplate(s.text, alone_on_line=False)
        and not is_byline(s.text)
    }
    content = sum(1 for s in sentences if not s.boilerplate)
    if len(shaped) <= content:
        return sentences
    return tuple(replace(s, boilerplate=False) if s.index in shaped else s for s in sentences)
