"""Align two sentence lists: candidate pairs, links, 1:n groups, and a status per sentence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sco_compare.models import Alignment, Sentence, Status
from sco_compare.normalize import Profile, TermWeights, profile, term_weights
from sco_compare.settings import Settings
from sco_compare.similarity import PairScore, matched_terms, pair_score

SHARED_TERMS_SHOWN = 8


@dataclass(frozen=True)
class AlignmentResult:
    """What the aligner decided: the groups, and one status per sentence of each side."""

    alignments: tuple[Alignment, ...]
    statuses_a: tuple[Status, ...]
    statuses_b: tuple[Status, ...]


def candidate_pairs(
    profiles_a: Sequence[Profile | None],
    profiles_b: Sequence[Profile | None],
    *,
    exhaustive: bool,
) -> list[tuple[int, int]]:
    """Pairs worth scoring: every content pair, or those sharing a term (inverted index)."""
    if exhaustive:
        return [
            (i, j)
            for i, p in enumerate(profiles_a)
            if p is not None
            for j, q in enumerate(profiles_b)
            if q is not None
        ]
    index: dict[str, list[int]] = defaultdict(list)
    for j, q in enumerate(profiles_b):
        if q is not None:
            for term in q.terms:
                index[term].append(j)
    pairs: list[tuple[int, int]] = []
    for i, p in enumerate(profiles_a):
        if p is None:
            continue
        partners = sorted({j for term in p.terms for j in index.get(term, ())})
        pairs.extend((i, j) for j in partners)
    return pairs


def link_strength(score: PairScore, best_of_first: float, best_of_second: float, rank_weight: float) -> float:
    """Weighted Dice blended with how close the pair comes to being each sentence's best match.

    The rank part is the smaller of score / (best score of the first sentence) and score / (best
    score of the second), so it is 1 only for a mutual best match. A weak pair that is each
    sentence's best partner is worth more than an equally weak one among stronger rivals.
    """
    best = max(best_of_first, best_of_second)
    if not best:
        return 0.0
    relative = min(score.score / best_of_first if best_of_first else 0.0,
                   score.score / best_of_second if best_of_second else 0.0)
    return (1.0 - rank_weight) * score.score + rank_weight * relative


def _is_link(score: PairScore, strength: float, settings: Settings) -> bool:
    return strength >= settings.link_cut and score.shared_weight >= settings.min_shared


def _group_coverage(
    center: Profile, others: Sequence[Profile], weights: TermWeights, settings: Settings
) -> tuple[float, frozenset[str]]:
    union = frozenset().union(*(o.terms for o in others))
    found = matched_terms(center.terms, union, fuzzy_ratio=settings.fuzzy_ratio)
    total = weights.total(center.terms)
    return (weights.total(found) / total if total else 0.0), found


def _conflicting(center: Profile, others: Sequence[Profile]) -> bool:
    """A number the other side gives differently, or a negation only one side makes."""
    other_numbers = frozenset().union(*(o.numbers for o in others))
    differing_numbers = bool(center.numbers - other_numbers) and bool(
        other_numbers - center.numbers
    )
    return differing_numbers or center.negated != any(o.negated for o in others)


def _status(
    center: Profile, others: Sequence[Profile], weights: TermWeights, settings: Settings
) -> tuple[Status, float, frozenset[str]]:
    if not others:
        return "unique", 0.0, frozenset()
    covered, found = _group_coverage(center, others, weights, settings)
    if covered >= settings.covered_cut and not _conflicting(center, others):
        return "covered", covered, found
    return "partial", covered, found


def _shown_terms(
    terms: frozenset[str], profiles: Sequence[Profile], weights: TermWeights
) -> tuple[str, ...]:
    surfaces: dict[str, str] = {}
    for p in profiles:
        for term, surface in p.surfaces.items():
            surfaces.setdefault(term, surface)
    ranked = sorted(terms, key=lambda t: (-weights(t), t))[:SHARED_TERMS_SHOWN]
    return tuple(surfaces.get(t, t) for t in ranked)


def align(
    sentences_a: Sequence[Sentence], sentences_b: Sequence[Sentence], settings: Settings
) -> AlignmentResult:
    """Link the sentences of A and B that report the same content, in any order."""
    profiles_a = [None if s.boilerplate else profile(s.text) for s in sentences_a]
    profiles_b = [None if s.boilerplate else profile(s.text) for s in sentences_b]
    weights = term_weights(
        [p for p in profiles_a if p], [p for p in profiles_b if p], name_boost=settings.name_boost
    )
    links_a: dict[int, list[int]] = defaultdict(list)
    links_b: dict[int, list[int]] = defaultdict(list)
    scored: dict[tuple[int, int], PairScore] = {}
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for i, j in candidate_pairs(profiles_a, profiles_b, exhaustive=settings.exhaustive):
        p, q = profiles_a[i], profiles_b[j]
        assert p is not None and q is not None
        score = scored[i, j] = pair_score(p, q, weights, fuzzy_ratio=settings.fuzzy_ratio)
        best_a[i] = max(best_a[i], score.score)
        best_b[j] = max(best_b[j], score.score)
    for (i, j), score in scored.items():
        strength = link_strength(score, best_a[i], best_b[j], settings.rank_weight)
        if _is_link(score, strength, settings):
            links_a[i].append(j)
            links_b[j].append(i)

    def side_statuses(
        profiles: Sequence[Profile | None],
        links: dict[int, list[int]],
        other: Sequence[Profile | None],
    ) -> list[tuple[Status, float, frozenset[str]]]:
        result: list[tuple[Status, float, frozenset[str]]] = []
        for k, p in enumerate(profiles):
            if p is None:
                result.append(("boilerplate", 0.0, frozenset()))
                continue
            partners = [other[m] for m in links.get(k, ())]
            result.append(_status(p, [q for q in partners if q is not None], weights, settings))
        return result

    judged_a = side_statuses(profiles_a, links_a, profiles_b)
    judged_b = side_statuses(profiles_b, links_b, profiles_a)
    statuses_a = tuple(s for s, _, _ in judged_a)
    statuses_b = tuple(s for s, _, _ in judged_b)
    alignments = _groups(
        links_a, links_b, statuses_a, statuses_b, profiles_a, profiles_b, weights, settings
    )
    return AlignmentResult(tuple(alignments), statuses_a, statuses_b)


def _merged(profiles: Sequence[Profile]) -> Profile:
    surfaces: dict[str, str] = {}
    for p in profiles:
        surfaces = {**p.surfaces, **surfaces}
    return Profile(
        stems=tuple(t for p in profiles for t in p.stems),
        surfaces=surfaces,
        names=frozenset().union(*(p.names for p in profiles)),
        numbers=frozenset().union(*(p.numbers for p in profiles)),
        negated=any(p.negated for p in profiles),
    )


def _groups(
    links_a: dict[int, list[int]],
    links_b: dict[int, list[int]],
    statuses_a: Sequence[Status],
    statuses_b: Sequence[Status],
    profiles_a: Sequence[Profile | None],
    profiles_b: Sequence[Profile | None],
    weights: TermWeights,
    settings: Settings,
) -> list[Alignment]:
    """Cut the link graph into stars: a sentence with the partners that link to it alone.

    Every link lands in exactly one group, and a group never implies a link that was not found.
    """
    done: set[tuple[int, int]] = set()
    groups: list[Alignment] = []

    def add(a: tuple[int, ...], b: tuple[int, ...]) -> None:
        side_a = _merged([p for i in a if (p := profiles_a[i])])
        side_b = _merged([p for j in b if (p := profiles_b[j])])
        score = pair_score(side_a, side_b, weights, fuzzy_ratio=settings.fuzzy_ratio)
        all_covered = all(statuses_a[i] == "covered" for i in a) and all(
            statuses_b[j] == "covered" for j in b
        )
        groups.append(
            Alignment(
                a=a,
                b=b,
                score=round(score.score, 4),
                kind="match" if all_covered else "partial",
                shared_terms=_shown_terms(score.shared, [side_a, side_b], weights),
            )
        )
        done.update((i, j) for i in a for j in b)

    for i in sorted(links_a):
        solo_b = tuple(j for j in links_a[i] if links_b[j] == [i])
        if len(solo_b) >= 2:
            add((i,), solo_b)
    for j in sorted(links_b):
        solo_a = tuple(i for i in links_b[j] if links_a[i] == [j] and (i, j) not in done)
        if len(solo_a) >= 2:
            add(solo_a, (j,))
    for i in sorted(links_a):
        for j in links_a[i]:
            if (i, j) not in done:
                add((i,), (j,))
    groups.sort(key=lambda g: (min(g.a), min(g.b)))
    return groups
