"""Claim units: the clauses of each content sentence, with their speaker, names and figures."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sco_compare.claims.attribution import find_speaker
from sco_compare.claims.entities import Acronyms, Casing, find_entities
from sco_compare.claims.quotes import sentence_speakers
from sco_compare.claims.speakers import Speaker
from sco_compare.models import Claim, Document, Status
from sco_compare.text.figures import NumberMention, find_numbers
from sco_compare.text.normalize import Profile, merged, profile

MIN_CLAUSE_WORDS = 4
"""A split that would leave a piece shorter than this is not made."""

_TOKEN = re.compile(r"\S+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# Where a new claim starts inside a sentence: the position of each match's end. (A pattern that
# opens with whitespace is tried where a run of it starts only: tried at each of its characters,
# it would read the rest of the run again each time.)
_CLAUSE_STARTS = (
    re.compile(r";\s*"),
    re.compile(r",\s+(?=which\s)"),
    re.compile(
        r",\s+(?=(?:and|but|while|whereas)\s+(?:he|she|it|they|we|the|this|that|these|those"
        r"|[A-Z]\w*)\b)"
    ),
    re.compile(r"(?<!\s)\s+(?=and\s+\w+ed\s+(?:the|a|an|its|their|his|her|new|\d)\b)"),
    re.compile(r",\s+(?=(?:second|third|fourth|fifth|secondly|thirdly|finally|lastly)\b)"),
    # The place of an event, when it ends the sentence: "... at the Great Hall of the People".
    re.compile(
        r"(?<!\s)\s+(?=(?:at|in)\s+the\s+[A-Z]\w+(?:\s+(?:(?:of|the|and)\s+)*[A-Z]\w+)+"
        r"(?:\s+in\s+[A-Z]\w+)?[.!?\"']*$)"
    ),
)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the claim units of a sentence: clauses, enumerated items, a closing place."""
    cuts = sorted({m.end() for pattern in _CLAUSE_STARTS for m in pattern.finditer(text)})
    # Words: runs without spaces that hold a letter or a digit ("* * *" holds none).
    word_starts = [m.start() for m in _TOKEN.finditer(text) if _LETTER_OR_DIGIT.search(m.group())]

    def words(begin: int, end: int) -> int:
        return bisect_left(word_starts, end) - bisect_left(word_starts, begin)

    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        if words(start, cut) >= MIN_CLAUSE_WORDS <= words(cut, len(text)):
            spans.append((start, cut))
            start = cut
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        piece = text[begin:end]
        left = len(piece) - len(piece.lstrip(" ;,"))
        right = len(piece.rstrip(" ;,"))
        trimmed.append((begin + left, begin + right))
    return [(b, e) for b, e in trimmed if e > b]


@dataclass(frozen=True)
class ClaimUnit:
    """A claim before it is compared: where it is, who said it, what it names."""

    claim: Claim
    profile: Profile
    speaker: Speaker | None
    numbers: tuple[NumberMention, ...]


def claim_units(
    document: Document,
    statuses: Sequence[Status],
    *,
    casing: Casing,
    acronyms: Acronyms,
) -> list[ClaimUnit]:
    """Split every content sentence of a document into claim units, with speakers resolved."""
    units: list[ClaimUnit] = []
    source = document.label.lower()
    content = [s for s in document.sentences if statuses[s.index] != "boilerplate"]
    starts = [
        k == 0 or "\n" in document.text[content[k - 1].end : sentence.start]
        for k, sentence in enumerate(content)
    ]
    speakers = sentence_speakers([s.text for s in content], starts)
    for sentence, sentence_speaker in zip(content, speakers, strict=True):
        spans = clause_spans(sentence.text)
        for number, (start, end) in enumerate(spans, start=1):
            text = sentence.text[start:end]
            own = find_speaker(text, leading_only=True) if len(spans) > 1 else None
            speaker = own if own and not own.is_pronoun else sentence_speaker
            numbers = find_numbers(text)
            claim = Claim(
                id=sentence.id if len(spans) == 1 else f"{sentence.id}.{number}",
                source=source,
                sentence=sentence.index,
                start=sentence.start + start,
                end=sentence.start + end,
                text=text,
                speaker=speaker.name if speaker else None,
                speaker_role=speaker.role or None if speaker else None,
                entities=find_entities(text, casing=casing, acronyms=acronyms),
                numbers=tuple(str(n) for n in numbers),
            )
            units.append(ClaimUnit(claim, profile(text), speaker, numbers))
    return units


def whole_sentences(units: Sequence[ClaimUnit]) -> list[ClaimUnit]:
    """One unit per sentence that was split into several claims: the claims taken together.

    A claim of the other source may report what one sentence spreads over several clauses.
    """
    by_sentence: dict[int, list[ClaimUnit]] = defaultdict(list)
    for unit in units:
        by_sentence[unit.claim.sentence].append(unit)
    wholes = []
    for parts in by_sentence.values():
        if len(parts) < 2:
            continue
        first, last = parts[0].claim, parts[-1].claim
        text = " ".join(p.claim.text for p in parts)
        claim = replace(first, id=first.id.split(".")[0], end=last.end, text=text)
        numbers = tuple(n for p in parts for n in p.numbers)
        wholes.append(
            ClaimUnit(claim, merged([p.profile for p in parts]), parts[0].speaker, numbers)
        )
    return wholes
