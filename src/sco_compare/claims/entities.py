"""Names a text gives (people, bodies, places, events), acronyms linked to their expansions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sco_compare.text.figures import MONTHS, WEEKDAYS
from sco_compare.text.normalize import NEGATIONS, STOPWORDS, fold, stem

TITLE_WORDS = frozenset(
    """
    president vice minister prime premier state councilor councillor ambassador secretary general
    chairman chairwoman chair party senator governor mayor king queen prince director chief
    spokesman spokeswoman spokesperson deputy mr mrs ms dr prof gen sir
    """.split()
)

CAPITALIZED = r"(?:[A-Z](?:[\w-]|\.(?=[A-Z]))*)"
NAME = rf"{CAPITALIZED}(?:\s+(?:(?:of|to|for|the|and|de|al|van|von)\s+)*{CAPITALIZED}){{0,7}}"

# Tried at the start of a word only: tried inside a run of capitals, it would read the rest of
# the run from every position (quadratic time).
_ACRONYM_DEFINITION = re.compile(
    rf"(?<![\w'’.-])(?P<long>{NAME})\s+\((?P<short>[A-Z][A-Z&.]{{1,9}})\)"
)
_ENTITY = re.compile(
    rf"(?<![\w'’.-]){CAPITALIZED}(?:\s+(?:(?:of|the|for|de|al)\s+)*{CAPITALIZED})*(?:\s+and\s+{CAPITALIZED}\s+{CAPITALIZED})?"
)


def entity_key(name: str) -> str:
    """Folded form under which two spellings of a name compare equal (Vice-President)."""
    return " ".join(re.findall(r"[\w'’]+", fold(name).replace("-", " ").lower()))


@dataclass(frozen=True)
class Acronyms:
    """Acronyms and their expansions, found in the texts themselves."""

    expansions: dict[str, str]

    def canonical(self, name: str) -> str:
        """The expansion of an acronym, "SCO" -> "Shanghai Cooperation Organization"."""
        return self.expansions.get(name.replace(".", ""), name)


def find_acronyms(texts: Iterable[str]) -> Acronyms:
    """Acronyms defined in parentheses, or matching the initials of a capitalized name."""
    expansions: dict[str, str] = {}
    names: set[str] = set()
    shorts: set[str] = set()
    for text in texts:
        folded = fold(text)
        for match in _ACRONYM_DEFINITION.finditer(folded):
            long_words = without_plain_words(match.group("long").split())
            if long_words:
                expansions[match.group("short").replace(".", "")] = " ".join(long_words)
        for match in _ENTITY.finditer(folded):
            entity = " ".join(without_plain_words(match.group().split()))
            if not entity:
                continue
            if entity.isupper() and 2 <= len(entity) <= 6:
                shorts.add(entity)
            names.add(entity)
    by_initials: dict[str, str] = {}  # the first name, in sorted order, with these initials
    for name in sorted(names, reverse=True):
        if len(name.split()) >= 2:
            by_initials["".join(w[0] for w in name.split() if w[0].isupper())] = name
    for short in shorts - expansions.keys():
        if short in by_initials:
            expansions[short] = by_initials[short]
    return Acronyms(expansions)


def find_entities(
    text: str, *, common_words: frozenset[str], acronyms: Acronyms
) -> tuple[str, ...]:
    """People, organizations, places and events a text names: capitalized spans.

    A capitalized word that the texts also use in lower case ("Terrorism" at the start of a
    sentence) is not a name; an acronym is shown with its expansion.
    """
    entities: list[str] = []
    folded = fold(text)
    opening = len(folded) - len(folded.lstrip(" \"'("))
    for match in _ENTITY.finditer(folded):
        words = match.group().split()
        if match.start() <= opening and words[0].split("-")[0].lower() in common_words:
            words = words[1:]  # "Terrorism ..." opening the sentence: a word, not a name
        words = without_plain_words(words, at_the_end=True)
        if not words:
            continue
        name = " ".join(words)
        if len(words) == 1 and (name.lower() in TITLE_WORDS or name.lower() in common_words):
            continue
        expansion = acronyms.canonical(name)
        shown = f"{expansion} ({name})" if expansion != name else name
        if shown not in entities:
            entities.append(shown)
    return tuple(entities)


def without_plain_words(words: list[str], *, at_the_end: bool = False) -> list[str]:
    """The words without the plain words that open them (and, `at_the_end`, close them)."""
    start, end = 0, len(words)
    while start < end and plain_word(words[start]):
        start += 1
    while at_the_end and end > start and plain_word(words[end - 1]):
        end -= 1
    return words[start:end]


def plain_word(word: str) -> bool:
    """Function words, negations, months and weekdays: capitalized, but not names."""
    if word.isupper() and len(word) > 1:
        return False
    lower = word.lower()
    return lower in STOPWORDS or lower in NEGATIONS or lower in MONTHS or lower in WEEKDAYS


@dataclass(frozen=True)
class Vocabulary:
    """The words of a source (stems), and those it writes capitalized, for finding names in it."""

    words: frozenset[str]
    names: frozenset[str]


def vocabulary(text: str) -> Vocabulary:
    """The stemmed words of a text, and its capitalized ones."""
    folded = fold(text).replace("-", " ")
    # Words with their apostrophes ("Xi's"), and their parts ("A0'0": a name "A0").
    words = re.findall(r"[\w'’]+", folded) + re.findall(r"\w+", folded)
    return Vocabulary(
        words=frozenset(stem(w.lower()) for w in words),
        names=frozenset(stem(w.lower()) for w in words if w[0].isupper()),
    )


def _forms(entity: str) -> tuple[list[str], ...]:
    """For each form of an entity (name, acronym), its words, without titles and stopwords."""
    match = re.fullmatch(r"(.*) \(([^()]+)\)", entity)
    names: Sequence[str] = (match.group(1), match.group(2)) if match else (entity,)
    forms = []
    for name in names:
        words = name.replace("-", " ").split()
        core = [w for w in words if w.lower() not in TITLE_WORDS and w.lower() not in STOPWORDS]
        forms.append(core or words)
    return tuple(forms)


def mentioned(entity: str, other: Vocabulary) -> bool:
    """True when a source names the entity: all its words (titles aside), or, for a name that
    ends in two capitalized words ("Mayor Anna Keller"), the surname written as a name."""
    for words in _forms(entity):
        stems = [stem(part) for w in words for part in entity_key(w).split()]  # "U.S." -> u, s
        if not stems:
            continue
        if all(s in other.words for s in stems):
            return True
        personal = len(words) >= 2 and all(w[:1].isupper() for w in words[-2:])
        if personal and stems[-1] in other.names:
            return True
    return False
