"""Names a text gives (people, bodies, places, events), acronyms linked to their expansions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sco_compare.text.figures import MONTHS, WEEKDAYS
from sco_compare.text.normalize import NEGATIONS, STOPWORDS, fold, stem

PERSONAL_TITLES = frozenset(
    """
    president vice minister premier councilor councillor cllr ambassador secretary chancellor
    chairman chairwoman chair senator governor mayor spokesman spokeswoman spokesperson mr mrs ms
    dr prof professor sir rep representative sen sgt sergeant det detective insp supt lt
    lieutenant capt captain col colonel gov cmdr commander adm admiral judge sheriff undersheriff
    deputy officer inspector superintendent commissioner councilman councilwoman congressman
    councilmember alderman alderwoman assemblyman assemblywoman assemblymember
    congresswoman envoy mp mep chief director attorney trooper constable coach gen
    """.split()
)
"""Titles that stand before a person's name and are not part of it ("German Chancellor Angela
Merkel"). (Not "King" or "Pope": a name may hold them, "Martin Luther King Jr.")"""
TITLE_WORDS = PERSONAL_TITLES | {"prime", "state", "general", "party"}
"""... and words that are part of a title only beside one ("Prime Minister", "Secretary of
State", "Party secretary"), but may be part of a body's name ("General Motors")."""

CAPITALIZED = r"(?:[A-Z](?:[\w-]|\.(?=[A-Z]))*)"
_POSSESSED = (
    rf"(?:(?:(?:[A-Z]\.){{1,3}}|(?:St|Jr|Sr|Dr|Mt|Ft|Gov|Gen|Sen|Rep|Lt|Sgt|Det)\.)(?=\s+[A-Z])"
    rf"|{CAPITALIZED}(?:['’]s(?=\s+[A-Z]))?)"
)
"""A capitalized word, with the possessive that binds it to the next ("Sheriff's Department"),
or initials or an abbreviation inside a name ("Robert F. Kennedy", "St. Louis")."""
NAME = rf"{CAPITALIZED}(?:\s+(?:(?:of|to|for|the|and|de|al|van|von)\s+)*{CAPITALIZED}){{0,7}}"

# Tried at the start of a word only: tried inside a run of capitals, it would read the rest of
# the run from every position (quadratic time).
_ACRONYM_DEFINITION = re.compile(
    rf"(?<![\w'’.-])(?P<long>{NAME})\s+\((?P<short>[A-Z][A-Z&.]{{1,9}})\)"
)
_PARTICLES = "of|the|for|de|des|du|da|di|del|al|van|von|bin"
"""Lower-case words inside a name ("Palais des Nations", "Ludwig van Beethoven")."""
_PARTICLES_SET = frozenset(_PARTICLES.split("|"))
_ENTITY = re.compile(rf"(?<![\w'’.-]){_POSSESSED}(?:\s+(?:(?:{_PARTICLES})\s+)*{_POSSESSED})*")
_LOWER_WORD = re.compile(r"(?<![\w/.@-])[a-z][a-z-]*\b(?![/.@]\w)")
"""A word in lower case, not a piece of an address ("news/europe/", "europe.example")."""
_INNER_CAPITAL = re.compile(r"(?<=[\w,;)] )[A-Z][\w'’-]*")
"""A capitalized word after a word or a comma: inside a sentence, where a capital marks a name."""
PLACE_HEADS = frozenset(
    """
    hall house palace museum church cathedral temple mosque square street avenue road bridge
    tower park centre center institute university school college academy bank ministry
    department council committee court office bureau union league association society
    federation republic kingdom city county district province region island lake river sea
    gulf bay port cape mount
    """.split()
)
"""Nouns that head the name of a place or a body, which "of" continues ("Great Hall of the
People", "Bank of England"), where it would follow a person's name ("Charr of Germany")."""
_REPORTED = re.compile(r"\s+(?:said|says|told|announced|reported|added|wrote|denied)\b")
_RELATIVE_WHO = re.compile(r",\s+who\b")
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s[^,;.]{1,60},")
"""An appositive closed by a comma after a name: "Eurofer, the European steel association,"."""
_JOINED = re.compile(r"(.+?)(?:['’]s|-(?:based|born|led|backed|owned|funded|run))")
"""A name joined to the next: "Spain's Interior Ministry" (not "Sheriff's Department"),
"the Brussels-based Centre"."""
_AMOUNT = re.compile(r"[A-Z][a-z]{1,2}\d[\d.,]*\w*")
""""Dh472", "Rs500": a currency and an amount, not a name."""
_PARTY_TAG = re.compile(r"\(\s*[DRI]-[^()]{1,20}\)|(?<=, )[DRI]-[A-Z][\w. ]{0,12}(?=,)")
""""(D-W. Va.)", ", R-Ohio,": a party and a state after a politician's name, not names."""


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

    def shown(self, name: str) -> str:
        """A name with its other form, whichever the text wrote: "Shanghai Cooperation
        Organization (SCO)" for "SCO" and for the name in full."""
        expansion = self.canonical(name)
        if expansion != name:
            dotted = re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", name)  # the name regex leaves the last dot
            return f"{expansion} ({name}.)" if dotted else f"{expansion} ({name})"
        short = next((s for s, long in sorted(self.expansions.items()) if long == name), None)
        return f"{name} ({short})" if short else name


def find_acronyms(texts: Iterable[str]) -> Acronyms:
    """Acronyms defined in parentheses, or matching the initials of a capitalized name."""
    expansions: dict[str, str] = {}
    names: set[str] = set()
    shorts: set[str] = set()
    for text in texts:
        folded = fold(text)
        for match in _ACRONYM_DEFINITION.finditer(folded):
            long_words = without_plain_words(match.group("long").split())
            # "Kyiv, Ukraine (AP)" defines nothing: an acronym starts as its name does.
            if long_words and long_words[0][0] == match.group("short")[0]:
                expansions[match.group("short").replace(".", "")] = " ".join(long_words)
        for match in _ENTITY.finditer(folded):
            entity = " ".join(without_plain_words(match.group().split()))
            if not entity:
                continue
            if entity.isupper() and 2 <= len(entity.replace(".", "")) <= 6:
                shorts.add(entity.replace(".", ""))  # "U.S." is "US"
            names.add(entity)
    by_initials: dict[str, str] = {}  # the first name, in sorted order, with these initials
    for name in sorted(names, reverse=True):
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        if len(name.split()) >= 2 and initials not in name.split():  # not "AP Photo" for AP
            by_initials[initials] = name
    for short in shorts - expansions.keys():
        if short in by_initials:
            expansions[short] = by_initials[short]
    return Acronyms(expansions)


@dataclass(frozen=True)
class Casing:
    """How the texts write their words: the ones they write in lower case, and the ones they
    capitalize inside a sentence, where a capital marks a name rather than a sentence start."""

    lower: frozenset[str]
    inner: frozenset[str]


def casing(texts: Iterable[str]) -> Casing:
    folded = [fold(t) for t in texts]
    return Casing(
        lower=frozenset(w for t in folded for w in _LOWER_WORD.findall(t)),
        inner=frozenset(m.group().lower() for t in folded for m in _INNER_CAPITAL.finditer(t)),
    )


def find_entities(text: str, *, casing: Casing, acronyms: Acronyms) -> tuple[str, ...]:
    """People, organizations, places and events a text names: capitalized spans.

    A capitalized word that opens the sentence is a name only when the texts also capitalize it
    inside a sentence, and never when they use it in lower case ("Terrorism", "Firefighters");
    titles are left out ("German Chancellor Angela Merkel" names Angela Merkel), and "Grifo of
    the Union of Concerned Scientists" names two; an acronym is shown with its expansion.
    """
    entities: list[str] = []
    folded = _PARTY_TAG.sub(lambda m: " " * len(m.group()), fold(text))
    opening = len(folded) - len(folded.lstrip(" \"'("))
    for start, end in _spans(folded):
        words = folded[start:end].split()
        first = words[0].split("-")[0].lower()
        # A word that only opens the sentence is a word ("Terrorism", "Firefighters"), unless
        # an appositive or a reporting verb follows ("Eurofer, the ...", "Microsoft said").
        reported = _REPORTED.match(folded, end) and not first.endswith("s")  # "Officials said"
        named = _APPOSITIVE.match(folded, end) or reported or _RELATIVE_WHO.match(folded, end)
        alone = len(words) == 1 and first not in casing.inner and not named
        acronym = sum(c.isupper() for c in words[0]) > 1
        if start <= opening and not acronym and (first in casing.lower or alone):
            words = words[1:]
        before = folded[max(0, start - 40) : start].split()[-2:]
        after_title = len(before) == 2 and before[0].lower() in PERSONAL_TITLES
        parts = _parts(words, after_title and before[1] in ("to", "of", "for"))
        title_next = len(words) > 1 and is_title(words[1])
        if start <= opening and len(parts) > 1 and len(parts[0]) == 1 and title_next:
            parts = parts[1:]  # "Former Secretary ...", "Police Chief ..." opening the sentence
        for part in parts:
            part = without_plain_words(part, at_the_end=True)
            name = " ".join(part)
            if not part or _AMOUNT.fullmatch(name):
                continue
            if len(part) == 1 and (name.lower() in TITLE_WORDS or name.lower() in casing.lower):
                continue
            shown = acronyms.shown(name)
            if shown not in entities:
                entities.append(shown)
    return tuple(entities)


def is_title(word: str) -> bool:
    """A title that stands before a name and is no part of it ("Sen.", "Vice-President")."""
    return all(w in PERSONAL_TITLES for w in entity_key(word).split())


def _spans(folded: str) -> list[tuple[int, int]]:
    """The capitalized spans of a text, with "and" joining two inside a name that has "of"
    ("Department of Health and Human Services"; not "West Asia and North Africa")."""
    spans: list[tuple[int, int]] = []
    for match in _ENTITY.finditer(folded):
        last = spans[-1] if spans else (0, 0)
        if " of " in folded[last[0] : last[1]] and folded[last[1] : match.start()] == " and ":
            spans[-1] = (last[0], match.end())
            continue
        spans.append(match.span())
    return spans


def _parts(words: list[str], after_title: bool) -> list[list[str]]:
    """A capitalized span cut into the names it holds: titles and portfolios out ("German
    Chancellor Angela Merkel", "Swiss Foreign Minister Anna Keller"); the place a title names
    apart from the name that follows ("Ambassador to | China | Sergei Razov"); a person's name
    apart from the body or place after "of" ("Manuel Charr of Germany", not "Great Hall of the
    People")."""
    parts: list[list[str]] = [[]]
    for k, word in enumerate(words):
        if k >= 2 and words[k - 1] in _PARTICLES_SET and words[k - 2].lower() in PERSONAL_TITLES:
            parts += [[word], []]  # the title's place or portfolio: "Secretary of | State |"
            continue
        joined = _JOINED.fullmatch(word)
        if joined and entity_key(joined.group(1)) not in TITLE_WORDS:
            parts += [[joined.group(1)], []]  # "Brussels-based Centre", "Spain's Ministry"
        elif all(w in PERSONAL_TITLES for w in entity_key(word).split()):
            if len(parts[-1]) > 1 and parts[-1][-1].lower() not in PLACE_HEADS:
                parts[-1].pop()  # the portfolio: "Swiss (Foreign) Minister"
            parts.append([])
        elif after_title and not parts[-1] and len(words) > 2:
            parts += [[word], []]  # the title's place: "(Ambassador to) China"
            after_title = False
        else:
            parts[-1].append(word)
    split: list[list[str]] = []
    for part in parts:
        of = part.index("of") if "of" in part else 0
        head = part[of - 1].lower() if of else ""
        personal = 2 <= of <= 3 and all(w[:1].isupper() and "." not in w for w in part[:of])
        if personal and head not in PLACE_HEADS and not head.endswith("s"):
            split += [part[:of], part[of + 1 :]]
        else:
            split.append(part)
    return [p for p in split if p]


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
    words += [w.replace(".", "") for w in re.findall(r"\b(?:[A-Z]\.){2,}", folded)]  # U.S.: US
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
