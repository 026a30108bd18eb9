"""Scores of two texts taken as one sentence each, weighed as compare() weighs a pair; and what
the judge weighs for such a pair (its features, and whether the two conflict).

Every scorer has one signature: two texts, then keyword-only settings; it returns a float in
[0, 1], the same whichever text comes first, and no text scores higher against another than
against itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from sco_compare.align.judge import conflicting, logit, match_features, probability
from sco_compare.align.similarity import comparable, pair_score
from sco_compare.settings import Settings
from sco_compare.text.figures import find_numbers
from sco_compare.text.normalize import Profile, TermWeights, profile

Scorer = Callable[..., float]


def pair_features(text_a: str, text_b: str, settings: Settings | None = None) -> tuple[float, ...]:
    """MATCH_FEATURES of two texts taken as one sentence each, weighed as `compare` weighs them."""
    return match_features(*_pair(text_a, text_b, settings or Settings()))


def pair_conflicting(text_a: str, text_b: str, settings: Settings | None = None) -> bool:
    """`conflicting` for two texts taken as one sentence each."""
    first, second, _ = _pair(text_a, text_b, settings or Settings())
    return conflicting(first, find_numbers(text_a), [second], find_numbers(text_b))


def pair_judgement(
    text_a: str, text_b: str, settings: Settings | None = None
) -> tuple[tuple[float, ...], bool]:
    """The match features of two texts taken as one sentence each, and whether they conflict:
    what compare() weighs for a 1:1 pair."""
    first, second, weights = _pair(text_a, text_b, settings or Settings())
    return (
        match_features(first, second, weights),
        conflicting(first, find_numbers(text_a), [second], find_numbers(text_b)),
    )


def _pair(text_a: str, text_b: str, settings: Settings) -> tuple[Profile, Profile, TermWeights]:
    (first,), (second,), weights = comparable(
        [profile(text_a)],
        [profile(text_b)],
        fuzzy_ratio=settings.fuzzy_ratio,
        name_boost=settings.name_boost,
    )
    assert first is not None and second is not None
    return first, second, weights


def dice(first: str, second: str, *, settings: Settings | None = None) -> float:
    """Weighted Dice of the two texts' content stems: 1 for the same content in any order,
    0 for nothing shared."""
    return pair_score(*_pair(first, second, settings or Settings())).score


def match_probability(first: str, second: str, *, settings: Settings | None = None) -> float:
    """The match model's probability that the two report the same thing (a 1:1 pair is covered
    when it reaches `covered_cut`, and no figure or negation differs)."""
    settings = settings or Settings()
    features = match_features(*_pair(first, second, settings))
    return probability(logit(features, settings.match_weights))


def sequence_ratio(first: str, second: str, *, settings: Settings | None = None) -> float:
    """difflib's ratio over the two texts' stems in reading order (given in sorted order, as
    difflib's matching is not symmetric)."""
    one, other, _ = _pair(first, second, settings or Settings())
    if not one.stems and not other.stems:
        return 1.0
    shorter, longer = sorted((one.stems, other.stems))
    return difflib.SequenceMatcher(None, shorter, longer, autojunk=False).ratio()


SCORERS: tuple[Scorer, ...] = (dice, match_probability, sequence_ratio)
