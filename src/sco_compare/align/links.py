"""Link the sentences of two texts that report the same content, and give each sentence a status."""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sco_compare.align.candidates import candidate_pairs, rare_pairs
from sco_compare.align.groups import groups
from sco_compare.align.judge import CoverageJudge
from sco_compare.align.similarity import PairScore, comparable, pair_score
from sco_compare.models import Alignment, Sentence, Side, Status
from sco_compare.settings import Settings
from sco_compare.text.normalize import Profile, TermWeights, profile


@dataclass(frozen=True)
class AlignmentResult:
    """What the aligner decided: the groups, and one status per sentence of each side."""

    alignments: tuple[Alignment, ...]
    statuses_a: tuple[Status, ...]
    statuses_b: tuple[Status, ...]
    counterparts_a: tuple[int | None, ...]
    """For each sentence of A, its best-scoring linked sentence of B (None when unlinked): how
    the index is checked against --exhaustive (benchmarks/speed.py)."""
    counterparts_b: tuple[int | None, ...]

    def side(self, side: str | Side) -> list[tuple[Status, int | None]]:
        """Status and best counterpart of each sentence of side "a" or "b" (either case)."""
        if Side.of(side) is Side.A:
            return list(zip(self.statuses_a, self.counterparts_a, strict=True))
        return list(zip(self.statuses_b, self.counterparts_b, strict=True))


Profiles = Sequence[Profile | None]
"""The profile of each sentence of a source (None for boilerplate)."""


def sentence_profiles(sentences: Sequence[Sentence]) -> list[Profile | None]:
    """What alignment compares of each sentence: its content stems (none for boilerplate). A
    source compared with several others has them made once."""
    return [None if s.boilerplate else profile(s.text) for s in sentences]


def align(
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    settings: Settings,
    *,
    profiles: tuple[Profiles, Profiles] | None = None,
) -> AlignmentResult:
    """Link the sentences of A and B that report the same content, in any order (`profiles`:
    both sides' sentence_profiles, if already made)."""
    with _without_cycle_collection():
        if profiles is None:
            profiles = sentence_profiles(sentences_a), sentence_profiles(sentences_b)
        return _align(sentences_a, sentences_b, settings, *profiles)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Alignment makes hundreds of thousands of small objects and no reference cycles, so the
    cyclic garbage collector would only walk them over and over (an eighth of the time at 5,000
    sentences a side); reference counting still frees them. Its previous state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _align(
    sentences_a: Sequence[Sentence],
    sentences_b: Sequence[Sentence],
    settings: Settings,
    own_profiles_a: Profiles,
    own_profiles_b: Profiles,
) -> AlignmentResult:
    profiles_a, profiles_b, weights = comparable(
        own_profiles_a,
        own_profiles_b,
        fuzzy_ratio=settings.fuzzy_ratio,
        name_boost=settings.name_boost,
    )
    scored: dict[tuple[int, int], PairScore] = {}
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    anchors = rare_pairs(profiles_a, profiles_b, 1)
    rare = rare_pairs(profiles_a, profiles_b, settings.rare_sentences)
    fewest_anchors = min(
        settings.anchor_terms, settings.mutual_anchor_terms, settings.parallel_anchor_terms
    )
    linkable = [pair for pair, count in anchors.items() if count >= fewest_anchors]
    linkable += [pair for pair, count in rare.items() if count >= settings.best_rare_terms]
    for i, j in candidate_pairs(profiles_a, profiles_b, weights, settings, rare=linkable):
        p, q = profiles_a[i], profiles_b[j]
        assert p is not None and q is not None
        score = pair_score(p, q, weights)
        if _enough_shared(p, q, score, weights, settings):
            scored[i, j] = score
        best_a[i] = max(best_a[i], score.score)
        best_b[j] = max(best_b[j], score.score)
    links: dict[tuple[int, int], float] = {}
    for (i, j), score in scored.items():
        best_of_one = score.score in (best_a[i], best_b[j])
        mutual_best = score.score == best_a[i] == best_b[j]
        if (
            score.score >= settings.link_cut
            or anchors[i, j] >= settings.anchor_terms
            or (mutual_best and anchors[i, j] >= settings.mutual_anchor_terms)
            or (best_of_one and rare[i, j] >= settings.best_rare_terms)
        ):
            links[i, j] = score.score
    if linked_share(links, profiles_a, profiles_b) >= settings.parallel_share:
        # A digest draws every sentence from its source: weaker evidence is enough. (Closest
        # matches are found for the sentences the rules above leave without a link.)
        closest = closest_matches(profiles_a, profiles_b, links, rare, weights, settings)
        links.update(
            (pair, score.score)
            for pair, score in scored.items()
            if anchors[pair] >= settings.parallel_anchor_terms
        )
        links.update(closest)
    links_a: dict[int, list[int]] = defaultdict(list)
    links_b: dict[int, list[int]] = defaultdict(list)
    best_partner_a: dict[int, tuple[float, int]] = {}
    best_partner_b: dict[int, tuple[float, int]] = {}
    for (i, j), dice in sorted(links.items()):
        links_a[i].append(j)
        links_b[j].append(i)
        best_partner_a[i] = max(best_partner_a.get(i, (0.0, -1)), (dice, -j))
        best_partner_b[j] = max(best_partner_b.get(j, (0.0, -1)), (dice, -i))

    judge = CoverageJudge(
        {Side.A: sentences_a, Side.B: sentences_b},
        {Side.A: profiles_a, Side.B: profiles_b},
        weights,
        settings,
    )
    statuses_a = tuple(judge.status(Side.A, i, links_a.get(i, ())) for i in range(len(profiles_a)))
    statuses_b = tuple(judge.status(Side.B, j, links_b.get(j, ())) for j in range(len(profiles_b)))
    alignments = groups(links_a, links_b, statuses_a, statuses_b, profiles_a, profiles_b, weights)
    return AlignmentResult(
        alignments=tuple(alignments),
        statuses_a=statuses_a,
        statuses_b=statuses_b,
        counterparts_a=tuple(
            -best_partner_a[i][1] if i in best_partner_a else None for i in range(len(profiles_a))
        ),
        counterparts_b=tuple(
            -best_partner_b[j][1] if j in best_partner_b else None for j in range(len(profiles_b))
        ),
    )


def _enough_shared(
    first: Profile, second: Profile, score: PairScore, weights: TermWeights, settings: Settings
) -> bool:
    """The two share at least `min_shared` of weight, or all of the lighter one ("Talks."
    twice)."""
    least = min(settings.min_shared, weights.total_of(first.terms), weights.total_of(second.terms))
    return score.shared_weight >= least


def linked_share(
    links: dict[tuple[int, int], float],
    profiles_a: Sequence[Profile | None],
    profiles_b: Sequence[Profile | None],
) -> float:
    """The share of the two sides' content sentences that have a link."""
    content = sum(p is not None for p in (*profiles_a, *profiles_b))
    linked = len({i for i, _ in links}) + len({j for _, j in links})
    return linked / content if content else 0.0


def closest_matches(
    profiles_a: Sequence[Profile | None],
    profiles_b: Sequence[Profile | None],
    links: dict[tuple[int, int], float],
    rare: Counter[tuple[int, int]],
    weights: TermWeights,
    settings: Settings,
) -> dict[tuple[int, int], float]:
    """Each sentence that `links` leaves without one, with its closest match (weighted Dice; all
    of them, on a tie) among the sentences it shares at least `parallel_rare_terms` rare stems
    and enough weight with."""
    lone_a = {i for i, p in enumerate(profiles_a) if p is not None} - {i for i, _ in links}
    lone_b = {j for j, q in enumerate(profiles_b) if q is not None} - {j for _, j in links}
    dice: dict[tuple[int, int], float] = {}
    for (i, j), count in rare.items():
        if count >= settings.parallel_rare_terms and (i in lone_a or j in lone_b):
            p, q = profiles_a[i], profiles_b[j]
            assert p is not None and q is not None
            score = pair_score(p, q, weights)
            if _enough_shared(p, q, score, weights, settings):
                dice[i, j] = score.score
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for (i, j), value in dice.items():
        best_a[i] = max(best_a[i], value)
        best_b[j] = max(best_b[j], value)
    return {
        (i, j): value
        for (i, j), value in dice.items()
        if (i in lone_a and value == best_a[i]) or (j in lone_b and value == best_b[j])
    }
