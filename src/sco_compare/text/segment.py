"""Split a text into sentences with character offsets: line blocks, then Punkt, then repairs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from sco_compare.models import Sentence
from sco_compare.text.boilerplate import (
    CLOSERS,
    ENDS_SENTENCE,
    STOPS,
    glued_chrome,
    is_boilerplate,
)
from sco_compare.text.normalize import UNSPACED

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer


# Lower-case, without the final period, as Punkt stores them.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft messrs mme mlle
    gen lt col maj capt cmdr adm sgt cpl brig supt insp
    gov sen rep pres hon rev amb sec atty pfc pvt spc sens reps govs lieut
    u.s u.n u.k e.u u.s.a u.a.e d.c p.m a.m e.g i.e etc vs cf al approx
    jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vol fig dept est inc corp co ltd bros assn univ intl det ofc asst
    ave blvd rd
    """.split()
)

# Words that, capitalized after an abbreviation, start a new sentence ("in the U.S. He left").
SENTENCE_STARTERS = frozenset(
    """
    he she it they we i you the a an this that these those there his her their its our
    but and however meanwhile in on at after before when while if as so yet also
    """.split()
)

# Full-width stops, and half-width ones between two characters of a script without spaces.
_FULL_STOP = re.compile(rf"[。！？｡]+[{CLOSERS}]*|(?<=[{UNSPACED}])[.!?]+(?=[{UNSPACED}])")
PUNKT_MAX_CHARS = 5_000
"""Punkt reads a longer block in pieces. (NLTK runs its patterns under a time limit, and a long
run of dots or initials can reach it.)"""
_PIECE_END = re.compile(rf"[{STOPS}][{CLOSERS}]*\s+")
_LOWER_START = re.compile(r"^[\"'“‘(]*[a-z0-9]")
_LINE_BREAK = re.compile(r"\n")

# A person's initials ("J.D.", "W.") ending a piece Punkt cut.
_INITIALS_END = re.compile(r"(?:^|(?<=[\s(\"'“‘/-]))(?:[A-Z]\.){1,2}$")

# Before these, initials are more often a place or a body ("in L.A.", "the U.N.", "Newark, N.J.").
_NOT_A_NAME_BEFORE = re.compile(r"(?:,|\b(?:the|in|at|near))\s*$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"^[\"'“‘”’(\[]*(\w[\w'’-]*)")
_DOTS = re.compile(r"^[\s.…]+$")  # a piece of a spaced ellipsis
_LOST_CHARACTER = re.compile(r"\b(?:a|an|the|of|to|for|by|at|about|nearly|over|than|from)\?\s*$")
"""No sentence ends on "an" or "of": a "?" there is a character lost in decoding ("an? 110
billion", a currency sign)."""
_BROKEN_FIGURE_END = re.compile(r"(?:\d\.|[a-z]\?)\s*$")
_FIGURE_PIECE = re.compile(r"\d+(?:\.|(?:bn|m|k|%)(?!\w))")
"""'22.' or 'lend?' before '4bn' or '22.' ends no sentence: a decimal broken by a space
("22. 4bn"), or a currency sign lost in decoding ("to lend? 22. 4bn"); before "300 of them",
it does."""
_CLOSING_START = re.compile(r"^[\"'“‘”’]*[,;:)\]}]")

# In a hard-wrapped text, a line of this length without final punctuation runs on.
WRAP_MIN, WRAP_MAX = 55, 90


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


def _hard_wrapped(lengths: list[int]) -> bool:
    """A text wrapped at a fixed width: most longer lines are of wrap length, none far longer.

    Only then may a line without final punctuation run on into the next one; in a text of one
    line per paragraph, such a line is a headline or a heading.
    """
    long_lines = [n for n in lengths if n > WRAP_MIN // 2]
    at_width = sum(WRAP_MIN <= n <= WRAP_MAX for n in long_lines)
    return at_width >= 3 and at_width >= 0.5 * len(long_lines) and max(long_lines) <= WRAP_MAX


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of paragraph blocks: lines, re-joined where a line was hard-wrapped mid-sentence."""
    lines: list[tuple[int, int]] = []
    position = 0
    for match in _LINE_BREAK.finditer(text + "\n"):
        lines.append((position, match.start()))
        position = match.end()
    hard_wrapped = _hard_wrapped([end - start for start, end in lines])
    block_start: int | None = None
    block_end = last_start = 0  # (last_start: where the block's last line starts)
    for start, end in lines:
        line = text[start:end].strip()
        if not line:
            if block_start is not None:
                yield block_start, block_end
                block_start = None
            continue
        if block_start is not None:
            last_line = text[last_start:block_end].rstrip()
            wrapped = not ENDS_SENTENCE.search(last_line) and (
                _LOWER_START.match(line) is not None
                or hard_wrapped
                and WRAP_MIN <= len(last_line) <= WRAP_MAX
            )
            if wrapped:
                block_end, last_start = end, start
                continue
            yield block_start, block_end
        block_start, block_end, last_start = start, end, start
    if block_start is not None:
        yield block_start, block_end


def _continues(previous: str, following: str, *, previous_is_dots: bool) -> bool:
    """Whether Punkt cut inside a sentence: before a lower-case word ("Fast!" she said, but also,
    wrongly, "de Blasio said"), a broken figure or a closing bracket or comma, at a spaced
    ellipsis (". . ."), or
    after a person's initials ("J.D. Edwards"), which end a sentence only before a usual
    sentence starter. `previous` is the end of the sentence so far, `previous_is_dots` whether
    all of it is dots."""
    if previous_is_dots or _DOTS.match(following):
        return True
    if _CLOSING_START.match(following):
        return True
    word = _FIRST_WORD.match(following)
    if word is None:
        return False
    first = word.group(1)
    if first.islower():
        return True
    if _LOST_CHARACTER.search(previous) and following[:1].isdigit():
        return True
    if _BROKEN_FIGURE_END.search(previous) and _FIGURE_PIECE.match(following):
        return True
    initials = _INITIALS_END.search(previous.rstrip())
    return (
        initials is not None
        and not _NOT_A_NAME_BEFORE.search(previous[: initials.start()])
        and first.lower() not in SENTENCE_STARTERS
    )


_TAIL = 100
"""How much of the sentence so far _continues reads: its patterns look at the last few words
only, and reading all of it for each cut would take quadratic time in a run of cuts."""


def _spans(block: str) -> list[tuple[int, int]]:
    """Sentence spans of a block: Punkt's, with the cuts it made inside a sentence (and the
    cuts made to read a long block in pieces) undone, and cut at full-width stops. (Punkt's work
    is done first, so that its time limit covers its own patterns only.)"""
    found, forced = _punkt_spans(block)
    spans: list[tuple[int, int]] = []
    all_dots = False
    next_forced = 0  # the first forced cut not behind the sentence so far
    for start, end in found:
        piece = block[start:end]
        dots = _DOTS.match(piece) is not None
        if spans:
            while next_forced < len(forced) and forced[next_forced] < spans[-1][1]:
                next_forced += 1
            across_a_cut = next_forced < len(forced) and forced[next_forced] <= start
            tail = block[max(spans[-1][0], spans[-1][1] - _TAIL) : spans[-1][1]]
            if across_a_cut or _continues(tail, piece, previous_is_dots=all_dots):
                spans[-1] = (spans[-1][0], end)
                all_dots = all_dots and dots
                continue
        spans.append((start, end))
        all_dots = dots
    return [cut for start, end in spans for cut in _at_full_stops(block, start, end)]


def _punkt_spans(block: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Punkt's spans of a block without their edge spaces, read in pieces of at most
    PUNKT_MAX_CHARS (a piece that still reaches NLTK's time limit is cut after each stop
    instead); and where a piece was cut other than after a stop."""
    pieces, forced = _pieces(block)
    spans: list[tuple[int, int]] = []
    for start, end in pieces:
        piece = block[start:end]
        try:
            found = list(_tokenizer().span_tokenize(piece))
        except TimeoutError:
            found = _stop_spans(piece)
        for first, last in found:
            text = piece[first:last]
            if stripped := text.strip():
                first += start + len(text) - len(text.lstrip())
                spans.append((first, first + len(stripped)))
    return spans, forced


def _pieces(block: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The block cut into pieces of at most PUNKT_MAX_CHARS: after the last sentence-final stop
    in the second half of each, else at its last space, else where the length runs out; and the
    cuts of the last two kinds, which a sentence goes on across."""
    pieces: list[tuple[int, int]] = []
    forced: list[int] = []
    start = 0
    while len(block) - start > PUNKT_MAX_CHARS:
        limit = start + PUNKT_MAX_CHARS
        cut = None
        for match in _PIECE_END.finditer(block, start + PUNKT_MAX_CHARS // 2, limit):
            cut = match.end()
        if cut is None:
            space = block.rfind(" ", start + 1, limit)
            cut = space + 1 if space != -1 else limit
            forced.append(cut)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(block)))
    return pieces, forced


def _stop_spans(text: str) -> list[tuple[int, int]]:
    """Sentences cut after each sentence-final stop followed by a space: a plain splitter."""
    ends = [match.end() for match in _PIECE_END.finditer(text)]
    return list(zip([0, *ends], [*ends, len(text)], strict=True))


def _at_full_stops(block: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut after each full-width stop (。！？) that does not end it."""
    cuts = []
    for match in _FULL_STOP.finditer(block, start, end):
        following = _after_space(block, match.end())
        if following < end:
            cuts.append((start, match.end()))
            start = following
    cuts.append((start, end))
    return cuts


def _after_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def split_sentences(text: str, label: str) -> tuple[Sentence, ...]:
    """Sentences of `text` with offsets into it; each line block is split with Punkt."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        spans = _spans(block)
        alone = len(spans) == 1
        for span_start, span_end in spans:
            pieces = glued_chrome(block[span_start:span_end])
            for start, end, chrome in pieces:
                sentence_text = block[span_start + start : span_start + end]
                alone_here = alone and len(pieces) == 1
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        label=label,
                        text=sentence_text,
                        start=block_start + span_start + start,
                        end=block_start + span_start + end,
                        boilerplate=chrome
                        or is_boilerplate(sentence_text, alone_on_line=alone_here),
                    )
                )
    return tuple(sentences)
