"""Numbers, amounts, dates and ranks a sentence gives, normalized; and which of them disagree."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from sco_compare.text.normalize import STOPWORDS, fold

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
        start=2,
    )
}
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {
    **{
        word: number
        for number, word in enumerate(
            "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
            " sixteen seventeen eighteen nineteen".split(),
            start=2,
        )
    },
    **{word: 10 * tens for tens, word in enumerate(_TENS, 2)},
}
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


@dataclass(frozen=True)
class NumberMention:
    """A number or date, normalized: kind (date, year, month, weekday, ordinal, range, number)."""

    kind: str
    value: str
    unit: str = ""
    role: str = ""
    """What a year is in the sentence ("since", "founded", "by"): years in different roles
    ("since 2007", "founded in 2001") do not contradict each other."""

    def __str__(self) -> str:
        return f"{self.value} {self.unit}".strip()

    @property
    def figure(self) -> str:
        """The value with what it counts ("12 people"); an amount or a percentage alone (what
        follows "$9 million" is not what it counts)."""
        return str(self) if self.measure == self.unit else self.value

    @property
    def measure(self) -> str:
        """What a number measures: its currency ("$9,000,000"), "%" for a percentage, else
        the thing it counts ("12 people"), if any. Dates and years: their kind alone."""
        if self.kind == "number" and self.value.endswith("%"):
            return "%"
        if self.kind == "number" and self.value[:1] in CURRENCIES:
            return self.value[0]
        return self.unit


_DATE_MDY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DATE_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{4})\b")
_MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d)")
_COMPOUND_NUMBER = re.compile(
    rf"\b({'|'.join(_TENS)})[- ](one|two|three|four|five|six|seven|eight|nine)\b", re.IGNORECASE
)
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_NUMERIC_DATE = re.compile(
    r"(?<![\d./])\b(\d{1,2})(?:/(\d{1,2})/((?:19|20)?\d\d)|\.(\d{1,2})\.((?:19|20)\d\d))\b(?![./]\d)"
)
"""12/04/2012: day and month in an order the text does not say; compared as written."""
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|to|through)\s*((?:19|20)\d\d)\b")
_YEAR = re.compile(r"(?<![\d,.$])\b((?:19|20)\d\d)\b(?![\d%]|[.,]\d)")
_YEAR_ROLE = re.compile(
    r"\b(?:(since|until|till|through|from|by|before|after|as of)"
    r"|(founded|established|created|formed|launched|born|built|opened|set up|started|began)"
    r"(?: (?:in|on))?)\s+(?:(?:early|late|mid|the end of|the start of)\s+)?$",
    re.IGNORECASE,
)
"""The words before a year that say its role: a bound ("since 2007", "by 2025") or a founding
("founded in 2001")."""
_DECADE = re.compile(r"\b((?:1[0-9]|20)\d0)'?s\b")
_ORDINAL = re.compile(r"\b(\d{1,9})(?:st|nd|rd|th)\b")
CURRENCIES = "$€£¥"
CURRENCY_WORDS = {"dollar": "$", "dollars": "$", "euro": "€", "euros": "€"}
"""Currencies written as a word after the amount, as their sign. ("pounds" may weigh; "yen" and
"yuan" share "¥" and stay words.)"""
_AMOUNT = re.compile(
    rf"(?P<currency>[{CURRENCIES}])?"
    r"\s?(?P<number>\d+(?:[.,]\d+)*)"
    r"(?:(?:\s*|-)(?P<scale>thousand|million|billion|bn|m)\b)?(?P<percent>\s?%|\s+per\s?cent\b)?",
)
_WORD = re.compile(r"[A-Za-z]+")
_NUMBER_LIKE_WORDS = frozenset({*MONTHS, *WEEKDAYS, *ORDINAL_WORDS, *NUMBER_WORDS})
"""Words find_numbers reads as a number or a date."""
_DIGIT = re.compile(r"\d")


def ordinal(number: int) -> str:
    """12 -> "12th", 2 -> "2nd", 23 -> "23rd"."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


UNIT_WINDOW = 40
"""A number's unit is among the next two words, within this many characters."""


def _unit_after(text: str, position: int) -> str:
    """What a number counts: a plural among the next two words ("three evil forces" -> "forces"),
    else the next word that is not a function word ("15 men" -> "men")."""
    window = text[position : position + UNIT_WINDOW]
    following = [m.group().lower() for m in islice(_WORD.finditer(window), 2)]
    content = [w for w in following if w not in STOPWORDS]
    plurals = [w for w in content if w.endswith("s")]
    return (plurals or content or [""])[0]


def _amount(match: re.Match[str], text: str) -> NumberMention:
    written = match.group("number")
    try:
        number = float(written.replace(",", ""))
    except ValueError:  # "2.6.0", "1.234.567": kept as written
        return NumberMention("number", written, _unit_after(text, match.end()))
    scale = match.group("scale")
    if scale:
        number *= MULTIPLIERS[scale]
    value = f"{number:,.0f}" if number.is_integer() else f"{number:,g}"
    if match.group("percent"):
        return NumberMention("number", value + "%")
    unit = _unit_after(text, match.end())
    if match.group("currency"):
        return NumberMention("number", match.group("currency") + value, unit)
    if unit in CURRENCY_WORDS:  # "9 million dollars" is "$9 million"
        return NumberMention("number", CURRENCY_WORDS[unit] + value)
    return NumberMention("number", value, unit)


def find_numbers(text: str) -> tuple[NumberMention, ...]:
    """Numbers and dates of a text, normalized ("June 15, 2001" -> 2001-06-15, "12th" -> 12th)."""
    folded = fold(text)
    if not _DIGIT.search(folded) and _NUMBER_LIKE_WORDS.isdisjoint(
        word.lower() for word in _WORD.findall(folded)
    ):
        return ()  # one pass rules most sentences out
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    occupied = bytearray(len(folded))  # 1 where a mention already found lies

    def add(mention: NumberMention, span: tuple[int, int]) -> None:
        start, end = span
        if occupied.find(1, start, end) == -1:
            occupied[start:end] = b"\x01" * (end - start)
            taken.append(span)
            found.append(mention)

    for match in _DATE_MDY.finditer(folded):
        month = MONTHS.get(match.group(1).lower())
        if month:
            day, year = int(match.group(2)), match.group(3)
            add(NumberMention("date", f"{year}-{month:02d}-{day:02d}"), match.span())
    for match in _DATE_DMY.finditer(folded):
        month = MONTHS.get(match.group(2).lower())
        if month:
            day, year = int(match.group(1)), match.group(3)
            add(NumberMention("date", f"{year}-{month:02d}-{day:02d}"), match.span())
    for match in _ISO_DATE.finditer(folded):
        add(NumberMention("date", match.group()), match.span())
    for match in _NUMERIC_DATE.finditer(folded):
        first, slash_second, slash_year, dot_second, dot_year = match.groups()
        second, year = slash_second or dot_second, slash_year or dot_year
        add(NumberMention("date", f"{int(first)}/{int(second)}/{year}"), match.span())
    for match in _RANGE.finditer(folded):
        add(NumberMention("range", f"{match.group(1)}-{match.group(2)}"), match.span())
    for match in _MONTH_YEAR.finditer(folded):
        month = MONTHS.get(match.group(1).lower())
        if month:
            add(NumberMention("month", f"{match.group(2)}-{month:02d}"), match.span())
    for match in _MONTH_DAY.finditer(folded):
        month = MONTHS.get(match.group(1).lower())
        if month and match.group(1).lower() != "may":
            add(NumberMention("date", f"{month:02d}-{int(match.group(2)):02d}"), match.span())
    for match in _DECADE.finditer(folded):
        add(NumberMention("decade", f"{match.group(1)}s"), match.span())
    for match in _YEAR.finditer(folded):
        role = _YEAR_ROLE.search(folded, max(0, match.start() - 40), match.start())
        add(NumberMention("year", match.group(1), role=_role(role)), match.span())
    for match in _ORDINAL.finditer(folded):
        add(NumberMention("ordinal", ordinal(int(match.group(1)))), match.span())
    for match in _AMOUNT.finditer(folded):
        add(_amount(match, folded), match.span("number"))
    for match in _COMPOUND_NUMBER.finditer(folded):
        tens, unit = (word.lower() for word in match.groups())
        value = NUMBER_WORDS[tens] + NUMBER_WORDS.get(unit, 1)
        add(NumberMention("number", str(value), _unit_after(folded, match.end())), match.span())
    for match in _WORD.finditer(folded):
        word = match.group().lower()
        if word in WEEKDAYS:
            add(NumberMention("weekday", word), match.span())
        elif word in ORDINAL_WORDS:
            add(NumberMention("ordinal", ordinal(ORDINAL_WORDS[word])), match.span())
        elif word in MONTHS and len(word) > 3 and match.group()[0].isupper() and word != "may":
            add(NumberMention("month", word), match.span())
        elif word in NUMBER_WORDS:
            unit = _unit_after(folded, match.end())
            add(NumberMention("number", str(NUMBER_WORDS[word]), unit), match.span())
    order = {span: k for k, span in enumerate(sorted(taken))}
    ranked = sorted(zip(taken, found, strict=True), key=lambda pair: order[pair[0]])
    return tuple(mention for _, mention in ranked)


def _role(match: re.Match[str] | None) -> str:
    if match is None:
        return ""
    return match.group(1).lower() if match.group(1) else "founded"


def number_conflicts(
    first: Sequence[NumberMention], second: Sequence[NumberMention]
) -> list[tuple[str, list[str], list[str]]]:
    """Numbers and dates both claims give for the same measure (see NumberMention.measure) but
    differently: the values each gives that the other does not ("5% to 9%" / "5% to 7%": 9% and
    7%). A date or month written with its year and without it ("2003-09-30" / "09-30") is one
    value; years in different roles ("since 2007", "in 2012") are different measures."""
    conflicts = []
    groups = {(m.kind, m.measure, m.role) for m in first} & {
        (m.kind, m.measure, m.role) for m in second
    }
    for kind, measure, role in sorted(groups):
        given_first = {
            m.figure for m in first if (m.kind, m.measure, m.role) == (kind, measure, role)
        }
        given_second = {
            m.figure for m in second if (m.kind, m.measure, m.role) == (kind, measure, role)
        }
        # What one side gives and the other does not; a side that only gives more disagrees
        # with nothing.
        only_first, only_second = given_first - given_second, given_second - given_first
        if not only_first or not only_second:
            continue
        if kind in ("date", "month") and _same_day(only_first, only_second):
            continue
        conflicts.append((kind, sorted(only_first), sorted(only_second)))
    return conflicts


FIGURE_TOLERANCE = 0.2
"""Counts of the same thing, or amounts in one currency, within this share of each other are
taken as one figure, rounded or updated."""
PERCENT_TOLERANCE = 1.0
"""Percentages within this many points of each other are taken as one figure."""


def material_conflicts(
    first: Sequence[NumberMention], second: Sequence[NumberMention]
) -> list[tuple[str, list[str], list[str]]]:
    """The conflicts (see number_conflicts) that change what a sentence reports: a different
    date, month, year or rank ("12th"), or a different figure for the same measure ("12 people"
    / "21 people", "$9 million" / "$90 million", "3%" / "30%") beyond FIGURE_TOLERANCE or
    PERCENT_TOLERANCE."""
    return [
        (kind, mine, theirs)
        for kind, mine, theirs in number_conflicts(first, second)
        if kind in ("year", "date", "month", "ordinal")
        or kind == "number"
        and not _close(mine, theirs)
    ]


def _same_day(values_first: Iterable[str], values_second: Iterable[str]) -> bool:
    """Whether a date or month of one side is one of the other's with its year left out
    ("2003-09-30" / "09-30", "2002-10" / "october")."""

    def numeric(value: str) -> str:
        return f"{MONTHS[value]:02d}" if value in MONTHS else value

    return any(
        longer.endswith(shorter)
        for x in values_first
        for y in values_second
        for shorter, longer in [sorted((numeric(x), numeric(y)), key=len)]
    )


def _close(values_first: Sequence[str], values_second: Sequence[str]) -> bool:
    """Whether each figure of either side is within tolerance of one of the other's (all of one
    measure). Bare numbers ("15") are too loose to tell, and count as close."""
    first = [a for v in values_first if (a := _amount_of(v)) is not None]
    second = [a for v in values_second if (a := _amount_of(v)) is not None]
    if len(first) < len(values_first) or len(second) < len(values_second):
        return True
    percent = values_first[0].split(" ", 1)[0].endswith("%")

    def near(x: float, y: float) -> bool:
        if percent:
            return abs(x - y) <= PERCENT_TOLERANCE
        return abs(x - y) <= FIGURE_TOLERANCE * max(abs(x), abs(y))

    return all(any(near(x, y) for y in second) for x in first) and all(
        any(near(x, y) for x in first) for y in second
    )


def _amount_of(value: str) -> float | None:
    """The amount of a figure that measures something: "12 people", "$9,000,000", "3%" (not a
    bare "15", nor a version number)."""
    number, _, unit = value.partition(" ")
    measured = bool(unit) or number.endswith("%") or number[:1] in CURRENCIES
    try:
        return float(number.strip(CURRENCIES + "%").replace(",", "")) if measured else None
    except ValueError:  # "2.6.0"
        return None
