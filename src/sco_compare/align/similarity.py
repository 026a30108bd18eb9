"""Weighted Dice of two sentences' content stems, with the terms that explain it.

Words that differ only in spelling ("Jinping" / "Jingping") are found once per comparison with
difflib, over the vocabulary of the two sources, and then count as one term; after that,
scoring a pair is a set operation.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from sco_compare.text.normalize import Profile, TermWeights, term_weights

FUZZY_MIN_LENGTH = 5
"""Shorter stems must match exactly: "law" and "low" are not variants of one word."""
FUZZY_MAX_LENGTH = 40
"""Longer "words" (a pasted token, an encoded blob) are not misspelt words: matched exactly."""


def spelling_variants(
    terms_a: Iterable[str], terms_b: Iterable[str], *, fuzzy_ratio: float
) -> dict[str, str]:
    """Map each term that has a near spelling (difflib ratio) on the other side to one
    representative of its group: the alphabetically first.

    Only terms that one side lacks need a variant, and only words one edit apart are compared
    (they share a form with one letter deleted), so the search grows with the vocabulary, not
    with its square. Every pair is compared in alphabetical order and all matches are kept, so
    the map does not depend on which source is A.
    """
    vocabulary_a, vocabulary_b = set(terms_a), set(terms_b)
    only_a = sorted(t for t in vocabulary_a - vocabulary_b if _spellable(t))
    by_deletion: dict[str, list[str]] = defaultdict(list)
    for term in sorted(t for t in vocabulary_b - vocabulary_a if _spellable(t)):
        for form in _deletions(term):
            by_deletion[form].append(term)
    group: dict[str, str] = {}  # union-find: each term's parent, roots map to themselves

    def root(term: str) -> str:
        while group.get(term, term) != term:
            term = group[term]
        return term

    for term in only_a:
        candidates = sorted({o for form in _deletions(term) for o in by_deletion.get(form, ())})
        for other in candidates:
            first, second = sorted((term, other))
            if not _lengths_allow(first, second, fuzzy_ratio):
                continue
            matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
            if matcher.quick_ratio() >= fuzzy_ratio and matcher.ratio() >= fuzzy_ratio:
                low, high = sorted((root(first), root(second)))
                group[high] = low
    return {term: root(term) for term in group if root(term) != term}


def _spellable(term: str) -> bool:
    return FUZZY_MIN_LENGTH <= len(term) <= FUZZY_MAX_LENGTH and term.isalpha()


def _deletions(term: str) -> set[str]:
    """The term and every form of it with one letter deleted."""
    return {term, *(term[:k] + term[k + 1 :] for k in range(len(term)))}


def _lengths_allow(first: str, second: str, ratio: float) -> bool:
    """difflib's real_quick_ratio bound, inline: lengths alone can rule a pair out."""
    return 2 * min(len(first), len(second)) >= ratio * (len(first) + len(second))


def with_variants(
    profiles: Sequence[Profile | None], variants: dict[str, str]
) -> list[Profile | None]:
    """Profiles whose terms are replaced by their spelling representative."""
    if not variants:
        return list(profiles)
    result: list[Profile | None] = []
    for p in profiles:
        if p is None or not variants.keys() & p.terms:
            result.append(p)
            continue
        surfaces: dict[str, str] = {}
        for term, surface in p.surfaces.items():
            surfaces.setdefault(variants.get(term, term), surface)
        result.append(
            replace(
                p,
                terms=frozenset(variants.get(t, t) for t in p.terms),
                surfaces=surfaces,
                names=frozenset(variants.get(t, t) for t in p.names),
                stems=tuple(variants.get(t, t) for t in p.stems),
            )
        )
    return result


class PairScore(NamedTuple):
    """How two sentences (or groups of sentences) overlap (a tuple: millions are made)."""

    score: float
    """Weighted Dice: twice the shared weight over the two sides' weights. Symmetric."""
    coverage_a: float
    """Share of the first side's content that the second reports."""
    coverage_b: float
    """Share of the second side's content that the first reports."""
    shared_weight: float
    shared: frozenset[str]


NO_OVERLAP = PairScore(0.0, 0.0, 0.0, 0.0, frozenset())


def pair_score(first: Profile, second: Profile, weights: TermWeights) -> PairScore:
    """Overlap of two sentences' weighted content stems, order-free so reorderings do not count."""
    shared = first.terms & second.terms
    if not shared:
        return NO_OVERLAP
    weight_first = weights.total_of(first.terms)
    weight_second = weights.total_of(second.terms)
    if not weight_first or not weight_second:
        return NO_OVERLAP
    shared_weight = weights.total(shared)
    return PairScore(
        score=min(1.0, 2 * shared_weight / (weight_first + weight_second)),
        coverage_a=shared_weight / weight_first,
        coverage_b=shared_weight / weight_second,
        shared_weight=shared_weight,
        shared=shared,
    )


def comparable(
    profiles_a: Sequence[Profile | None],
    profiles_b: Sequence[Profile | None],
    *,
    fuzzy_ratio: float,
    name_boost: float,
) -> tuple[list[Profile | None], list[Profile | None], TermWeights]:
    """The two sides' profiles with spelling variants made one term, and the term weights."""
    variants = spelling_variants(
        (t for p in profiles_a if p for t in p.terms),
        (t for p in profiles_b if p for t in p.terms),
        fuzzy_ratio=fuzzy_ratio,
    )
    canonical_a = with_variants(profiles_a, variants)
    canonical_b = with_variants(profiles_b, variants)
    weights = term_weights(
        [p for p in canonical_a if p], [p for p in canonical_b if p], name_boost=name_boost
    )
    return canonical_a, canonical_b, weights
