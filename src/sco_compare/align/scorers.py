"""Scores of two texts taken as one sentence each, weighed as compare() weighs a pair; and what
the judge weighs for such a pair.

Every scorer has one signature (Scorer): two texts, then keyword-only settings; it returns a float
in [0, 1], the same whichever text comes first.
"""

from __future__ import annotations

import difflib
from typing import Protocol

from sco_compare.align.judge import conflicting, match_chance, match_features
from sco_compare.align.similarity import comparable, pair_score
from sco_compare.settings import Settings
from sco_compare.text.figures import find_numbers
from sco_compare.text.normalize import Profile, TermWeights, profile


class Scorer(Protocol):
    """The signature every scorer has."""

    __name__: str

    def __call__(self, first: str, second: str, *, settings: Settings | None = None) -> float: ...


def dice(first: str, second: str, *, settings: Settings | None = None) -> float:
    """Weighted Dice of the two texts' content stems: 1 for the same content in any order,
    0 for nothing shared."""
    return pair_score(*_pair(first, second, settings or Settings())).score


def match_probability(first: str, second: str, *, settings: Settings | None = None) -> float:
    """The match model's probability that the two report the same thing (a 1:1 pair is covered
    when it reaches `covered_cut`, and no figure or negation differs)."""
    settings = settings or Settings()
    return match_chance(*_pair(first, second, settings), settings)


def sequence_ratio(first: str, second: str, *, settings: Settings | None = None) -> float:
    """difflib's ratio over the two texts' stems in reading order (given in sorted order, as
    difflib's matching is not symmetric)."""
    one, other, _ = _pair(first, second, settings or Settings())
    if not one.stems and not other.stems:
        return 1.0
    shorter, longer = sorted((one.stems, other.stems))
    return difflib.SequenceMatcher(None, shorter, longer, autojunk=False).ratio()


SCORERS: tuple[Scorer, ...] = (dice, match_probability, sequence_ratio)


def pair_judgement(
    first: str, second: str, *, settings: Settings | None = None
) -> tuple[tuple[float, ...], bool]:
    """The match features of two texts taken as one sentence each, and whether they conflict
    (a figure, a date or a negation differs): what compare() weighs for a 1:1 pair."""
    one, other, weights = _pair(first, second, settings or Settings())
    return (
        match_features(one, other, weights),
        conflicting(one, find_numbers(first), [other], find_numbers(second)),
    )


def _pair(first: str, second: str, settings: Settings) -> tuple[Profile, Profile, TermWeights]:
    (one,), (other,), weights = comparable(
        [profile(first)],
        [profile(second)],
        fuzzy_ratio=settings.fuzzy_ratio,
        name_boost=settings.name_boost,
    )
    assert one is not None and other is not None
    return one, other, weights
