"""Tokens, stems, stopwords and term weights: the text as the aligner sees it."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat

FORMAT_CONTROL_RANGES: tuple[tuple[int, int], ...] = (
    (0x061C, 0x061C),
    (0x200E, 0x200F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0xE0000, 0xE007F),  # tag characters
)
"""Bidi marks, embeddings, overrides and isolates, and tag characters: they change how a text
shows (or hide in it), not what it says."""
FORMAT_CONTROLS = "".join(f"{chr(first)}-{chr(last)}" for first, last in FORMAT_CONTROL_RANGES)
"""The same, as the inside of a regular expression's character class."""
# Characters folded for matching only; the displayed text is never changed.
_FOLD_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_FOLD_TABLE.update(
    (code, None) for first, last in FORMAT_CONTROL_RANGES for code in range(first, last + 1)
)

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can could did do does doing down during each either
    few for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just let me more most much must my myself neither nor not of off
    on once only or other ought our ours ourselves out over own same shall she should so some
    such than that the their theirs them themselves then there these they this those through
    thus to too under until up upon us very was we were what when where which while who whom
    whose why will with within without would yet you your yours yourself yourselves
    s t d ll m re ve
    one also however meanwhile since though although via per among amid
    say says said saying tell tells told add adds added according
    mr mrs ms
    """.split()
)
NEGATIONS = frozenset(
    {"not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "without"}
)

UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0003134f"
)
"""Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Japanese kana,
Chinese): each of their characters is a token, so such texts are compared by characters."""
_TOKEN = re.compile(
    rf"\d+(?:[.,:]\d+)*(?:%|st\b|nd\b|rd\b|th\b)?|[{UNSPACED}]|[^\W\d_{UNSPACED}]+", re.UNICODE
)
# "n't", and the same written without its apostrophe ("dont", "isnt"; not "cant" or "wont",
# which are words too).
_NOT_CONTRACTION = re.compile(
    r"n(?:'|(?<=\b(?:do|is)n)|(?<=\b(?:did|has|had|was|are)n)|(?<=\b(?:does|have|were)n)"
    r"|(?<=\b(?:would|could)n)|(?<=\bshouldn))t\b",
    re.IGNORECASE,
)
_IRREGULAR_NOT = re.compile(r"\b(?:(can)(?:not|'t)|(wo)n't|(sha)n't)\b", re.IGNORECASE)
_IRREGULAR_VERB = {"can": "can", "wo": "will", "sha": "shall"}
# British spellings folded to American ones; both sides alike, so a rare false fold is harmless.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=\w{2})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=\w{2})([tb])re(s|d)?$"), r"\1er\2"),
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),
    (re.compile(r"(?<=\w{2})fence(s)?$"), r"fense\1"),
    (re.compile(r"(?<=\w{3}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
)


def fold(text: str) -> str:
    """NFKC, straight quotes, ASCII hyphens, plain spaces; zero-width and soft hyphens removed."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE)


def american_spelling(word: str) -> str:
    """Fold common British spellings ("organisation", "colour", "centre") to American ones."""
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=1 << 20)
def stem(word: str) -> str:
    """Snowball stem of a lower-case word, with spelling variants folded first."""
    if word[0].isdigit():
        return word.replace(",", "")
    return str(_stemmer().stem(american_spelling(word)))


def clear_caches() -> None:
    """Forget the stems and word flags learnt so far (for timing a first run again)."""
    stem.cache_clear()
    _word.cache_clear()


@lru_cache(maxsize=1 << 20)
def _word(surface: str) -> tuple[str, bool, bool, bool]:
    """Stem, and stopword, number and negation flags, of a word as written (cached per
    distinct word)."""
    lower = surface.lower()
    is_number = surface[0].isdigit()
    return stem(lower), lower in STOPWORDS and not is_number, is_number, lower in NEGATIONS


@dataclass(frozen=True)
class Profile:
    """The content of one sentence: its distinct content stems, and what they look like."""

    terms: frozenset[str]
    surfaces: dict[str, str]
    names: frozenset[str]
    numbers: frozenset[str]
    negated: bool
    stems: tuple[str, ...] = ()
    """Every word's stem in reading order, function words included (for sequence matching)."""


def profile(text: str) -> Profile:
    """Content stems, names, numbers and negation of a sentence.

    Words are folded, split at hyphens and apostrophes, and stemmed; stopwords are dropped; a
    capitalized word that does not open the sentence, or an acronym, is a name.
    """
    folded = _IRREGULAR_NOT.sub(
        lambda m: f"{_IRREGULAR_VERB[next(g for g in m.groups() if g).lower()]} not", fold(text)
    )
    folded = _NOT_CONTRACTION.sub(" not", folded)
    surfaces: dict[str, str] = {}
    function_words: dict[str, str] = {}
    names: set[str] = set()
    numbers: set[str] = set()
    negated = False
    stems: list[str] = []
    for position, surface in enumerate(_TOKEN.findall(folded)):
        word_stem, is_stopword, is_number, is_negation = _word(surface)
        stems.append(word_stem)
        negated = negated or is_negation
        if is_stopword:
            function_words.setdefault(word_stem, surface)
            continue
        surfaces.setdefault(word_stem, surface)
        if is_number:
            numbers.add(word_stem)
        elif surface[0].isupper() and (position > 0 or surface.isupper() and len(surface) > 1):
            names.add(word_stem)
    # A sentence of function words only ("He did.") is matched on those.
    surfaces = surfaces or function_words
    return Profile(
        terms=frozenset(surfaces),
        surfaces=surfaces,
        names=frozenset(names),
        numbers=frozenset(numbers),
        negated=negated,
        stems=tuple(stems),
    )


def merged(profiles: Sequence[Profile]) -> Profile:
    """One profile for several sentences (or clauses) taken together."""
    surfaces: dict[str, str] = {}
    for p in profiles:
        surfaces = {**p.surfaces, **surfaces}
    return Profile(
        terms=frozenset().union(*(p.terms for p in profiles)),
        surfaces=surfaces,
        names=frozenset().union(*(p.names for p in profiles)),
        numbers=frozenset().union(*(p.numbers for p in profiles)),
        negated=any(p.negated for p in profiles),
        stems=tuple(stem for p in profiles for stem in p.stems),
    )


WEIGHT_SCALE = 1 << 20


@dataclass(frozen=True)
class TermWeights:
    """Weight of each content stem: inverse sentence frequency, with names and numbers boosted.

    Weights are kept as integers in units of 1/WEIGHT_SCALE, so a sum is exact whatever order a
    set yields its terms in (which varies from run to run), and fast.
    """

    units: dict[str, int]
    default_units: int
    _totals: dict[frozenset[str], float] = field(default_factory=dict, compare=False, repr=False)

    def __call__(self, term: str) -> float:
        return self.units.get(term, self.default_units) / WEIGHT_SCALE

    def total(self, terms: Iterable[str]) -> float:
        """Sum of the weights of `terms`."""
        return sum(map(self.units.get, terms, repeat(self.default_units))) / WEIGHT_SCALE

    def total_of(self, terms: frozenset[str]) -> float:
        """Sum of the weights of a sentence's terms, computed once per distinct set."""
        total = self._totals.get(terms)
        if total is None:
            total = self._totals[terms] = self.total(terms)
        return total


def term_weights(
    profiles_a: Sequence[Profile], profiles_b: Sequence[Profile], *, name_boost: float
) -> TermWeights:
    """IDF over the sentences of the two sources.

    Document frequency is taken per source and the larger one kept, so a term that both sources
    use (the very thing we look for) is not weighed down for being shared.
    """
    size = max(len(profiles_a), len(profiles_b), 1)
    frequency_a = Counter(term for p in profiles_a for term in p.terms)
    frequency_b = Counter(term for p in profiles_b for term in p.terms)
    boosted = {term for p in (*profiles_a, *profiles_b) for term in p.names | p.numbers}
    units = {}
    for term in frequency_a.keys() | frequency_b.keys():
        frequency = max(frequency_a[term], frequency_b[term])
        weight = 1.0 + math.log(size / frequency)
        units[term] = round((weight * name_boost if term in boosted else weight) * WEIGHT_SCALE)
    return TermWeights(units=units, default_units=round((1.0 + math.log(size)) * WEIGHT_SCALE))
