"""Who a clause is attributed to: "X said", "said X", "according to X", a quote's last speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sco_compare.claims.entities import NAME, TITLE_WORDS, entity_key
from sco_compare.text.normalize import STOPWORDS, fold

SPEECH_VERBS = (
    # No present forms that are also plural nouns ("member states", "his claims").
    "said|says|say|told|tells|added|adds|noted|stressed|stresses|pointed out|points out|"
    "urged|urges|warned|warns|announced|announces|stated|argued|argues|claimed|"
    "insisted|insists|explained|explains|expressed|expresses|spoke|speaks|asked|reported|"
    "wrote|writes|emphasized|emphasised|declared|declares|praised|believes|"
    "believed|considered|considers|hoped|described|called for|called on|"
    "acknowledged|admitted|denied|confirmed|estimated|predicted|promised|vowed|welcomed"
)

_ADVERB = r"(?:\s+(?:also|first|then|later|again|further|repeatedly|\w+ly))?"
_WHEN = r"(?:\s+on\s+[A-Z]\w+)?"
_APPOSITIVE = r"(?:,\s+[^,\"]{2,70}?,)?"
_COMMON_NP = r"(?:[Tt]he\s+(?:[\w-]+\s+){0,3}[\w-]+)"
_LEADING = re.compile(
    rf"^(?:[^\"]{{0,80}}?,\s+)??(?P<who>{NAME}|{_COMMON_NP}|[Hh]e|[Ss]he|[Tt]hey)"
    rf"(?P<role>{_APPOSITIVE}){_WHEN}{_ADVERB}\s+(?:{SPEECH_VERBS})\b"
)
_PLAIN_NP = r"(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*"
"""A speaker named in lower case: "police", "local officials"."""
_TRAILING = re.compile(
    rf"[,\"]\s*(?P<who>{NAME}|{_COMMON_NP}|{_PLAIN_NP})\s+(?:{SPEECH_VERBS})"
    # ... and then the end ("police said on Monday."), or the quote going on (', he said, "...').
    rf"(?:(?:\s+(?:on|in|at|last|this|late|early)\b[^,\"]{{0,30}})?\s*(?:(?:[.!?][\"']?|[\"'])\s*)?$"
    rf"|\s*,\s*\")"
)


def _inverted(who: str) -> re.Pattern[str]:
    """A sentence closing on "said WHO" (and maybe a role: "..., said Smith, the mayor.")."""
    return re.compile(
        rf"[,\"]\s*(?:said|says|added|adds|told reporters)\s+(?P<who>{who})"
        rf"(?P<role>,\s+[^,\"]{{2,70}}?)?\s*(?:[,.]\s*)?$"
    )


_INVERTED_NAME = _inverted(NAME)
_INVERTED = _inverted(f"{NAME}|{_COMMON_NP}")
_ACCORDING = re.compile(rf"\baccording to\s+(?P<who>{_COMMON_NP}|{NAME}|{_PLAIN_NP})")
_PRONOUNS = frozenset({"he", "she", "they"})


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to, as the text names them (titles kept)."""

    name: str
    key: frozenset[str]

    @property
    def is_pronoun(self) -> bool:
        return self.name.lower() in _PRONOUNS


def speaker_key(name: str) -> frozenset[str]:
    """The words that identify a speaker: the name without titles, lower-cased."""
    words = entity_key(name).split()
    kept = [w for w in words if w not in TITLE_WORDS and w not in STOPWORDS]
    return frozenset(kept or words)


def same_speaker(first: Speaker, second: Speaker) -> bool:
    """Two attributions name the same person: they share a name word that is not a title."""
    return bool(first.key & second.key)


def find_speaker(text: str, *, leading_only: bool = False) -> Speaker | None:
    """The speaker a clause names: "Xi said", "..., Meng added", "according to the Daily".

    With leading_only, only an attribution that opens the text counts ("Meng said that ...").
    """
    folded = fold(text)
    # ", said Smith" closing a sentence names who speaks for all of it ("Alpha announced profits,
    # said Smith"); "..., the paper said" more often names who reports a speaker it opened with.
    patterns = (
        (_LEADING,)
        if leading_only
        else (_INVERTED_NAME, _LEADING, _TRAILING, _INVERTED, _ACCORDING)
    )
    for pattern in patterns:
        match = pattern.search(folded)
        if not match:
            continue
        who = match.group("who").strip()
        words = who.lower().split()
        if words[-1] not in _PRONOUNS and all(w in STOPWORDS for w in words):
            continue  # "it said", "which said": no speaker
        name = re.sub(r"^[Tt]he\s+", "the ", who)
        role = (match.groupdict().get("role") or "").strip(" ,.")
        if any(c.isalpha() for c in role):  # "Smith, 45, said": an age is not a role
            name = f"{name}, {role}"
        return Speaker(name=name, key=speaker_key(who))
    return None


_OPENING_QUOTE = re.compile(r"^\s*[\"“']")


class Attribution:
    """Resolves "he", "they" and unattributed quotes to the speaker named nearby."""

    def __init__(self) -> None:
        self.person: Speaker | None = None
        self.group: Speaker | None = None
        self.previous: Speaker | None = None

    def resolve(self, speaker: Speaker | None, text: str) -> Speaker | None:
        if speaker is None:
            return self.previous if _OPENING_QUOTE.match(text) else None
        if not speaker.is_pronoun:
            return speaker
        return self.group if speaker.name.lower() == "they" else self.person

    def remember(self, speaker: Speaker | None) -> None:
        self.previous = speaker
        if speaker is None:
            return
        if speaker.name[:1].isupper() and speaker.name.split()[0].lower() != "the":
            self.person = speaker
        else:
            self.group = speaker
