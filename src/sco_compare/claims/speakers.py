"""Who speaks, as a text names them: a person's name apart from the titles and role before it
("Russian Ambassador to China Sergei Razov"), a body, or people named by a noun ("police")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sco_compare.claims.entities import TITLE_WORDS, entity_key
from sco_compare.text.normalize import STOPWORDS

RELATIVE = frozenset("who whose whom which where".split())
PRONOUNS = frozenset({"he", "she", "they"})
_NOT_SPEAKERS = frozenset("i we you it this that which there these those one".split())
DETERMINERS = frozenset("the a an".split())
PREPOSITIONS = frozenset("of to for in at from with on by".split())
_CONNECTORS = frozenset("of to for the and de al van von bin da du la le del".split())
_SUFFIXES = frozenset("jr jr. sr sr. st ii iii iv".split())
_VERBS = frozenset("is are was were has have had will would can could".split())
ORG_WORDS = frozenset(
    """
    administration agency alliance army assembly association authority bank board bureau
    chamber club coalition college commission committee company congress corporation council
    court daily department embassy federation force forces foundation fund government group
    guard hospital institute journal league ministry navy network news office organization
    organisation parliament party police post press reuters school senate service house society
    times union university
    """.split()
)
"""Words that make a capitalized name a body rather than a person ("he" never refers to one)."""
QUOTES = "\"'“”‘’"
_PUNCTUATION = QUOTES + "()[],.;:!?"
TOKEN = re.compile(r"\S+")
MAX_SUBJECT_WORDS = 12
"""A subject longer than this is not a subject the patterns understand: no speaker."""


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to: a name as the text writes it, and the role it gives."""

    name: str
    key: frozenset[str]
    role: str = ""
    kind: str = "person"
    """"person", "name" (a name after "the": a body, or a person named in full before),
    "group" (a body, or people named by a noun: "police") or "pronoun"."""

    @property
    def is_pronoun(self) -> bool:
        return self.kind == "pronoun"


def speaker_key(name: str) -> frozenset[str]:
    """The words that identify a speaker: the name without titles, lower-cased."""
    words = entity_key(name).split()
    kept = [w for w in words if w not in TITLE_WORDS and w not in STOPWORDS]
    return frozenset(kept or words)


def same_speaker(first: Speaker, second: Speaker) -> bool:
    """Two attributions name the same person: they share a name word that is not a title."""
    return bool(first.key & second.key)


def bare(token: str) -> str:
    return token.strip(_PUNCTUATION)


def _as_written(token: str) -> str:
    """A word of a name without the punctuation around it, but with the dot of an initial
    ("J.") or of "Jr."."""
    word = bare(token)
    dotted = token.rstrip(_PUNCTUATION.replace(".", "")).endswith(".")
    abbreviated = (len(word) == 1 and word.isupper()) or "." in word or word.lower() in _SUFFIXES
    return f"{word}." if dotted and abbreviated else word


def capitalized(token: str) -> bool:
    word = bare(token)
    return bool(word) and word[0].isupper()


def _in_title(token: str) -> bool:
    """A word of a title: "Minister", "Vice-President", and "Prime" or "State" beside one."""
    return any(part in TITLE_WORDS for part in entity_key(token).split())


def ends_segment(token: str) -> bool:
    """A comma, a colon or a quote mark ends the token (not the possessive of "members'")."""
    if token.endswith("s'") or token.endswith("s’"):
        return False
    return token.rstrip(")]")[-1:] in ",;:" or token[-1] in QUOTES


def speaker_from_words(tokens: Sequence[str]) -> Speaker | None:
    """A subject's words as a speaker: a name (the last capitalized run; what comes before it is
    its role), a pronoun, or people named by a noun ("local officials")."""
    tokens = _without_dateline(_without_parentheses(tokens))
    tokens = _after_time(tokens[: _before_time_and_dashes(tokens)])
    words = [_as_written(t) for t in tokens]
    determined = False  # "the Pentagon": a body, not a person
    while words and words[0].lower() in DETERMINERS | {"other", "but", "and", "so", "yet"}:
        determined = determined or words[0].lower() in DETERMINERS
        tokens, words = tokens[1:], words[1:]
    if not words or not all(words):
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Speaker(words[0], frozenset(), kind="pronoun")
    if words[-1].lower() in _NOT_SPEAKERS | RELATIVE or words[0].lower() in PREPOSITIONS:
        return None
    of = next((k for k, w in enumerate(words) if w in ("of", "at", "from")), 0)
    core = [w for w in words[:of] if not _in_title(w)]
    person = all(capitalized(w) for w in words[:of]) and 2 <= len(core) <= 3
    if person and not {w.lower() for w in core} & ORG_WORDS:
        # "Larry Waldie of the sheriff's department", "Det Insp Sarah Hughes of Avon Police"
        name = " ".join(core)
        role = " ".join([*(w for w in words[:of] if _in_title(w)), *words[of:]])
        return Speaker(name, speaker_key(name), role)
    run = len(words)
    while run > 0 and (
        capitalized(words[run - 1])
        or (words[run - 1] in _CONNECTORS and run > 1 and capitalized(words[run - 2]))
    ):
        run -= 1
    if run == len(words) or (run > 0 and words[run - 1].lower() in PREPOSITIONS):
        cut = next(
            (k for k, w in enumerate(words[1:], 1) if w.lower() in RELATIVE or w.endswith("ing")),
            len(words),
        )
        name = " ".join(words[:cut])
        if words[cut - 1].lower() in STOPWORDS or {w.lower() for w in words[:cut]} & _VERBS:
            return None  # "it would be a stretch to", "the plan is dead": not a noun
        return Speaker(name, speaker_key(name), kind="group")
    while run < len(words) and words[run] in _CONNECTORS:
        run += 1
    name_words = words[run:]
    role_words = words[:run]
    titles = [k for k, w in enumerate(name_words) if _in_title(w)]
    after = name_words[titles[-1] + 1 :] if titles else name_words
    body = {w.lower() for w in after} & ORG_WORDS  # "the State Department": no title
    if body:
        titles = []
    if titles and titles[-1] < len(name_words) - 1:
        role_words += name_words[: titles[-1] + 1]
        name_words = name_words[titles[-1] + 1 :]
    many = len(name_words) > 3 and not set(map(str.lower, name_words)) & _CONNECTORS
    if titles or (many and not body):
        name_words = _personal_name(name_words)
        role_words = words[: len(words) - len(name_words)]
    name = " ".join(name_words)
    # "the Pentagon": a body, unless its title makes it a person ("the Rev. Smith").
    kind = "group" if body else "name" if determined and not titles else "person"
    role = " ".join(w for w in role_words if not re.fullmatch(r"\d+-year-old", w))
    return Speaker(name, speaker_key(name), role if any(c.isalpha() for c in role) else "", kind)


def _personal_name(words: Sequence[str]) -> list[str]:
    """The person's name at the end of a run: the surname (and a suffix), the initials before
    it and one given name ("Ambassador to China Sergei Razov" -> "Sergei Razov")."""
    end = len(words)
    k = end - 1
    while k > 0 and words[k].lower() in _SUFFIXES:
        k -= 1
    k -= 1
    while k >= 0 and re.fullmatch(r"[A-Z]\.?", words[k]):
        k -= 1
    if k >= 0 and words[k] not in _CONNECTORS and not _in_title(words[k]):
        k -= 1
    return list(words[k + 1 : end])


def _without_parentheses(tokens: Sequence[str]) -> list[str]:
    kept: list[str] = []
    depth = 0
    for token in tokens:
        if token.startswith("("):
            depth += 1
        if not depth:
            kept.append(token)
        if token.rstrip(",;:").endswith(")"):
            depth = max(0, depth - 1)
    return kept


_PLACE = re.compile(r"[A-Z][A-Z.'’]{2,}")
_MONTH = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?", re.IGNORECASE
)
_DASH = re.compile(r"--|[—–]|^-$")
DATELINE_WORDS = 8


def _without_dateline(tokens: Sequence[str]) -> list[str]:
    """A subject that opens the story after its dateline, "WASHINGTON--The Supreme Court",
    "BEIJING, April 12 - The ministry": the place in capitals, the date and the dash go (the
    date alone, when a comma after the place cut the subject there)."""
    dated = len(tokens) > 1 and _MONTH.fullmatch(tokens[0]) and tokens[1][:1].isdigit()
    if not tokens or not (_PLACE.match(tokens[0]) or dated):
        return list(tokens)
    for k, token in enumerate(tokens[:DATELINE_WORDS]):
        dash = _DASH.search(token)
        if dash:
            rest = token[dash.end() :].lstrip("-—– ")
            return [rest, *tokens[k + 1 :]] if rest else list(tokens[k + 1 :])
    return list(tokens)


_TIME_WORDS = frozenset(
    "yesterday today tonight earlier later recently previously again also".split()
)
_TIME_UNITS = frozenset("week weekend month year morning afternoon evening night".split())
_DEICTIC = frozenset({"last", "this", "next"})
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _before_time_and_dashes(tokens: Sequence[str]) -> int:
    """Where a subject ends before the time or the dash that follows it: "The Obama
    administration last month (urged)", "the scientists — (including …)"."""
    end = len(tokens)
    while end:
        word = tokens[end - 1].strip(",;:").lower()
        if _DASH.search(word) or word in _TIME_WORDS | _WEEKDAYS:
            end -= 1
        elif (
            word in _TIME_UNITS and end > 1 and tokens[end - 2].lower() in ("last", "this", "next")
        ):
            end -= 2
        else:
            break
    return end


def _after_time(tokens: Sequence[str]) -> Sequence[str]:
    """A subject without the time that opens the sentence: "Last night the city council"."""
    words = [t.strip(",").lower() for t in tokens[:2]]
    if len(words) == 2 and words[0] in _DEICTIC and words[1] in _TIME_UNITS | _WEEKDAYS:
        return tokens[2:]
    if words and words[0] in _TIME_WORDS | _WEEKDAYS and len(tokens) > 1:
        return tokens[1:]
    return tokens
