"""difflib-based scores between sentences, with the terms that explain them.

Scores are floats in [0, 1]; options are keyword-only.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from sco_compare.normalize import Profile, TermWeights

FUZZY_MIN_LENGTH = 5
"""Shorter stems must match exactly: "law" and "low" are not variants of one word."""


def matched_terms(
    terms: Iterable[str], other_terms: frozenset[str], *, fuzzy_ratio: float
) -> frozenset[str]:
    """The terms that `other_terms` holds, exactly or as a near spelling (difflib ratio)."""
    found = set()
    long_others = [t for t in other_terms if len(t) >= FUZZY_MIN_LENGTH]
    for term in terms:
        if (
            term in other_terms
            or len(term) >= FUZZY_MIN_LENGTH
            and difflib.get_close_matches(term, long_others, n=1, cutoff=fuzzy_ratio)
        ):
            found.add(term)
    return frozenset(found)


@dataclass(frozen=True)
class PairScore:
    """How two sentences (or groups of sentences) overlap."""

    score: float
    """Weighted Dice: shared weight over the mean weight of the two sides. Symmetric."""
    coverage_a: float
    """Share of the first side's content that the second reports."""
    coverage_b: float
    """Share of the second side's content that the first reports."""
    shared_weight: float
    shared: frozenset[str]


def pair_score(
    first: Profile, second: Profile, weights: TermWeights, *, fuzzy_ratio: float
) -> PairScore:
    """Overlap of two sentences' weighted content stems, order-free so reorderings do not count."""
    terms_first, terms_second = first.terms, second.terms
    found_first = matched_terms(terms_first, terms_second, fuzzy_ratio=fuzzy_ratio)
    found_second = matched_terms(terms_second, terms_first, fuzzy_ratio=fuzzy_ratio)
    weight_first = weights.total(terms_first)
    weight_second = weights.total(terms_second)
    shared_first = weights.total(found_first)
    shared_second = weights.total(found_second)
    if not weight_first or not weight_second:
        return PairScore(0.0, 0.0, 0.0, 0.0, frozenset())
    score = (shared_first + shared_second) / (weight_first + weight_second)
    return PairScore(
        score=min(1.0, score),
        coverage_a=shared_first / weight_first,
        coverage_b=shared_second / weight_second,
        shared_weight=min(shared_first, shared_second),
        shared=found_first | found_second,
    )


def text_similarity(first: str, second: str, *, fuzzy_ratio: float = 0.85) -> float:
    """Similarity of two texts in [0, 1]: 1 for the same content, 0 for nothing shared."""
    from sco_compare.normalize import profile, term_weights

    profile_first, profile_second = profile(first), profile(second)
    weights = term_weights([profile_first], [profile_second], name_boost=1.0)
    return pair_score(profile_first, profile_second, weights, fuzzy_ratio=fuzzy_ratio).score
