"""Speakers over a whole text: quotes that run over several sentences, "he" and "they" resolved
to the speaker named before, a quote with no attribution of its own carried on from the last."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sco_compare.claims.attribution import find_speaker
from sco_compare.claims.speakers import Speaker, same_speaker, speaker_from_words

_OPENING_QUOTE = re.compile(r"^\s*(?:[\"“]|['‘](?=[A-Za-z]))")
_QUOTE_MARK = re.compile(r"[\"“”]|(?<![\w'’])['‘](?=[A-Za-z])|(?<=[.,!?])['’](?!\w)")
"""Double quote marks, and single ones that open before a word or close after punctuation (not
apostrophes: "I'm", "members' rights")."""
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|us|our|Our|my|My|me)\b")


def sentence_speakers(
    texts: Sequence[str], paragraph_starts: Sequence[bool]
) -> list[Speaker | None]:
    """The speaker of each sentence of a text, in order: its own attribution with "he" and "they"
    resolved to the speaker named before; else, when a quote runs over several sentences, the
    speaker its attribution names wherever it comes ('"A. B. C," she said.'); else, for a quote
    that opens a sentence, the previous sentence's speaker.

    A quote left open at a paragraph's end goes on when the next paragraph opens with a quote
    mark (the news convention), closes it, or speaks in the first person; otherwise the mark
    was unbalanced, and the quote ends.
    """
    attribution = Attribution(full_names(texts))
    own: list[Speaker | None] = []
    resolved: list[Speaker | None] = []
    runs: list[list[int]] = []
    inside = False
    for k, (text, paragraph) in enumerate(zip(texts, paragraph_starts, strict=True)):
        opens_with_quote = _OPENING_QUOTE.match(text) is not None
        marks = len(_QUOTE_MARK.findall(text))
        if paragraph and inside and not opens_with_quote:
            inside = marks % 2 == 1 or bool(_FIRST_PERSON.search(text))
        if inside and runs:
            runs[-1].append(k)
        else:
            runs.append([k])
        if paragraph and inside and opens_with_quote:
            marks -= 1  # the mark reopens the quote
        inside ^= marks % 2 == 1
        found = find_speaker(text)
        speaker = attribution.resolve(found, text)
        own.append(speaker if found else None)
        resolved.append(speaker)
        attribution.remember(speaker)
        if found is None:
            attribution.notice(_subject_person(text))
    for run in runs:
        speaker = next((own[k] for k in run if own[k]), resolved[run[0]])
        for k in run:
            if speaker and not own[k]:
                resolved[k] = speaker
    return resolved


_FULL_NAME = re.compile(r"(?<=[\w,] )[A-Z][^\W\d_]+(?: [A-Z]\.)? (?=([A-Z][\w'-]+)\b)")
"""A first name and a surname inside a sentence ("..., said Tim Cook"): the surname is a
person's, so "he" may refer to "Cook" alone later."""


def full_names(texts: Sequence[str]) -> frozenset[str]:
    """The surnames a text gives after a first name."""
    return frozenset(m.group(1) for text in texts for m in _FULL_NAME.finditer(text))


_SUBJECT_NAME = re.compile(r"(?:^|, )((?:[A-Z][\w.'-]*\s+){1,5}[A-Z][\w'-]+)\s+[a-z]")
"""A run of capitalized words opening a sentence or a clause, before its verb."""


def _subject_person(text: str) -> Speaker | None:
    """The person a sentence opens with, named in full ("Prime Minister Lucía Ortega flew")."""
    match = _SUBJECT_NAME.search(text)
    if match is None:
        return None
    person = speaker_from_words(match.group(1).split())
    full = person is not None and person.kind == "person" and len(person.name.split()) > 1
    return person if full else None


RECENT_PEOPLE = 12
"""How many people named last "he" or "she" may refer to."""
_CLOSING_MARK = re.compile(r"[\"”]|['’](?!\w)")


def opens_with_speech(text: str) -> bool:
    """Whether a sentence opens with a quote of speech: one that runs to its end or closes after
    a stop or a comma ('"We won," he said'), not a title ('"Oppenheimer" won seven Oscars')."""
    opening = _OPENING_QUOTE.match(text)
    if opening is None:
        return False
    closing = _CLOSING_MARK.search(text, opening.end())
    return closing is None or text[: closing.start()].rstrip()[-1:] in ".,!?…"


_GENDER_OF_TITLE = {
    **dict.fromkeys("mr sir lord king prince father brother".split(), "he"),
    **dict.fromkeys("mrs ms miss dame lady queen princess mother sister".split(), "she"),
}


class Attribution:
    """Resolves "he", "she", "they" and unattributed quotes to the speaker named nearby: "he" to
    the last person named who is not known as "she" (by a title, "Ms", or by an earlier "she"),
    and the other way round; "they" to the last group."""

    def __init__(self, surnames: frozenset[str] = frozenset()) -> None:
        self.surnames = surnames
        self.people: list[tuple[Speaker, str | None]] = []  # most recent last, with "he"/"she"
        self.group: Speaker | None = None
        self.previous: Speaker | None = None

    def resolve(self, speaker: Speaker | None, text: str) -> Speaker | None:
        if speaker is None:
            return self.previous if opens_with_speech(text) else None
        if not speaker.is_pronoun:
            return speaker
        pronoun = speaker.name.lower()
        if pronoun == "they":
            return self.group
        for k in range(len(self.people) - 1, -1, -1):
            person, known = self.people[k]
            if known in (None, pronoun):
                self.people[k] = (person, pronoun)
                return person
        return None

    def notice(self, person: Speaker | None) -> None:
        """A person a sentence is about, though not quoted ("Prime Minister Lucía Ortega flew to
        the region"): "she said" may come next."""
        if person is not None:
            previous = self.previous
            self.remember(person)
            self.previous = previous

    def remember(self, speaker: Speaker | None) -> None:
        self.previous = speaker
        if speaker is None:
            return
        if speaker.kind == "group":
            self.group = speaker
            return
        named_before = any(same_speaker(p, speaker) for p, _ in self.people)
        one_word = len(speaker.name.split()) == 1 and not speaker.role
        if (speaker.kind == "name" or one_word and speaker.name not in self.surnames) and not (
            named_before
        ):
            return  # "the Pentagon", "Microsoft": a name never given with a first name
        known = next(
            (g for p, g in self.people if g and same_speaker(p, speaker)),
            next(
                (
                    _GENDER_OF_TITLE[w]
                    for w in speaker.role.lower().split()
                    if w in _GENDER_OF_TITLE
                ),
                None,
            ),
        )
        self.people = [(p, g) for p, g in self.people if not same_speaker(p, speaker)]
        self.people = [*self.people[-RECENT_PEOPLE:], (speaker, known)]
