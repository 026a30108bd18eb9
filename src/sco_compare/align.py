"""Align two sentence lists: candidate pairs, links, 1:n groups, and a status per sentence."""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from sco_compare.match import conflicting, matches
from sco_compare.mentions import NumberMention, find_numbers
from sco_compare.models import Alignment, Sentence, Status
from sco_compare.normalize import Profile, TermWeights, merged, profile
from sco_compare.settings import Settings
from sco_compare.similarity import PairScore, comparable, pair_score

SHARED_TERMS_SHOWN = 8


@dataclass(frozen=True)
class AlignmentResult:
    """What the aligner decided: the groups, and one status per sentence of each side."""

    alignments: tuple[Alignment, ...]
    statuses_a: tuple[Status, ...]
    statuses_b: tuple[Status, ...]
    counterparts_a: tuple[int | None, ...]
    """For each sentence of A, its best-scoring linked sentence of B (None when unlinked)."""
    counterparts_b: tuple[int | None, ...]

    def side(self, label: str) -> list[tuple[Status, int | None]]:
        """Status and best counterpart of each sentence of side "a" or "b"."""
        if label.lower() == "a":
            return list(zip(self.statuses_a, self.counterparts_a, strict=True))
        return list(zip(self.statuses_b, self.counterparts_b, strict=True))


def top_partners(
    profiles: Sequence[Profile | None],
    others: Sequence[Profile | None],
    weights: TermWeights,
    settings: Settings,
    *,
    least_dice: float = 0.0,
    unpruned: frozenset[int] = frozenset(),
) -> Iterator[tuple[int, int]]:
    """For each sentence, the others that share the most informative weight (inverted index).

    Terms that more than `index_max_postings` sentences of the other side use are left out of
    the index: they cannot make a pair stand out, and their postings would make the search
    quadratic. Of the best `candidates`, a pair is kept only if its weighted Dice could still
    reach `least_dice`, counting every term left out of the index as shared. For the sentences
    in `unpruned`, also every partner that could be their best match (among those that share an
    indexed term with them). With `exhaustive`, every pair of content sentences.
    """
    if settings.exhaustive:
        yield from (
            (i, j)
            for i, p in enumerate(profiles)
            if p is not None
            for j, q in enumerate(others)
            if q is not None
        )
        return
    postings: dict[str, list[int]] = defaultdict(list)
    for j, q in enumerate(others):
        if q is not None:
            for term in q.terms:
                postings[term].append(j)
    cap = settings.index_max_postings
    most = max(settings.candidates, 0)
    totals = [weights.total_of(q.terms) if q is not None else 0.0 for q in others]
    # What each other sentence could share through terms left out of the index.
    frequent = [
        weights.total(t for t in q.terms if len(postings[t]) > cap) if q is not None else 0.0
        for q in others
    ]
    for i, p in enumerate(profiles):
        if p is None:
            continue
        overlap: dict[int, float] = defaultdict(float)
        left_out = 0.0
        for term in sorted(p.terms):  # a fixed order: float sums must not vary between runs
            partners = postings.get(term)
            if partners and len(partners) <= cap:
                weight = weights(term)
                for j in partners:
                    overlap[j] += weight
            elif partners:
                left_out += weights(term)
        total = weights.total_of(p.terms)
        # A partner is kept if its weighted Dice could reach the bar, counting left-out terms
        # as shared: 2 * (overlap + left out) / (both totals).
        # Ties keep the (deterministic) order in which partners were first met. (heapq.nlargest
        # gives the same, but loops in Python; a C sort of a few hundred partners is faster.)
        ranked = sorted(overlap, key=overlap.__getitem__, reverse=True)[:most]
        kept = {
            j
            for j in ranked
            if 2 * (overlap[j] + min(left_out, frequent[j])) / (total + totals[j]) >= least_dice
        }
        if i in unpruned and overlap:
            # Its best match must be found: every partner that could beat the surest Dice (the
            # partner that gives it reaches it exactly: the same expression, plus 0.0).
            surest = max(2 * shared / (total + totals[j]) for j, shared in overlap.items())
            kept.update(
                j
                for j, shared in overlap.items()
                if 2 * (shared + min(left_out, frequent[j])) / (total + totals[j]) >= surest
            )
        yield from ((i, j) for j in sorted(kept))


def candidate_pairs(
    profiles_a: Sequence[Profile | None],
    profiles_b: Sequence[Profile | None],
    weights: TermWeights,
    settings: Settings,
    rare: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Pairs worth scoring: each sentence's top candidates from either side, so the set is the
    same whichever source is A, and the `rare` pairs, which may link on the words they share if
    one is the other's best match, so their sentences' best matches are searched for widely
    (every content pair with `exhaustive`)."""
    least = settings.link_cut
    pairs = set(rare)
    anchored_a = frozenset(i for i, _ in pairs)
    anchored_b = frozenset(j for _, j in pairs)
    pairs.update(
        top_partners(
            profiles_a, profiles_b, weights, settings, least_dice=least, unpruned=anchored_a
        )
    )
    pairs.update(
        (i, j)
        for j, i in top_partners(
            profiles_b, profiles_a, weights, settings, least_dice=least, unpruned=anchored_b
        )
    )
    return sorted(pairs)


def rare_pairs(
    profiles_a: Sequence[Profile | None], profiles_b: Sequence[Profile | None], most: int
) -> Counter[tuple[int, int]]:
    """For each pair of sentences, how many content stems they share that each source uses in
    at most `most` sentences, and in at most half of its content sentences, or one (with `most`
    1: the pair's anchors)."""
    holders_a = _rare_holders(profiles_a, most)
    holders_b = _rare_holders(profiles_b, most)
    return Counter(
        (i, j)
        for t in holders_a.keys() & holders_b.keys()
        for i in holders_a[t]
        for j in holders_b[t]
    )


def _rare_holders(profiles: Sequence[Profile | None], most: int) -> dict[str, list[int]]:
    """Each term that at most `most` sentences hold, and at most half of them (one, in a text
    of one to three sentences), with their indices."""
    holders: dict[str, list[int]] = defaultdict(list)
    for k, p in enumerate(profiles):
        for term in p.terms if p is not None else ():
            holders[term].append(k)
    # A stem that half the sentences use is the text's topic, however short the text.
    most = min(most, max(1, sum(p is not None for p in profiles) // 2))
    return {t: ks for t, ks in holders.items() if len(ks) <= most}


def _contained(center: Profile, group: Profile, weights: TermWeights, settings: Settings) -> bool:
    """The group reports at least `contained_cut` of the center's content, however much else
    it says."""
    total = weights.total_of(center.terms)
    return (
        bool(total) and weights.total(center.terms & group.terms) >= settings.contained_cut * total
    )


@dataclass
class _CoverageJudge:
    """Covered or partial, for a sentence and the sentences it links to.

    The match model is symmetric, so a pair of sentence groups is put to it once, whichever
    side asks (in a 1:1 link, both sides ask the same question).
    """

    sentences: dict[str, Sequence[Sentence]]
    profiles: dict[str, Sequence[Profile | None]]
    weights: TermWeights
    settings: Settings
    answers: dict[tuple[tuple[int, ...], tuple[int, ...]], bool] = field(default_factory=dict)
    numbers: dict[tuple[str, int], tuple[NumberMention, ...]] = field(default_factory=dict)

    def status(self, side: str, index: int, partners: Sequence[int]) -> Status:
        center = self.profiles[side][index]
        if center is None:
            return "boilerplate"
        if not partners:
            return "unique"
        other = "b" if side == "a" else "a"
        # Reported by the group as a whole, or by one of its sentences alone.
        groups = [tuple(partners), *((m,) for m in partners)] if len(partners) > 1 else [partners]
        for group in groups:
            members = [p for m in group if (p := self.profiles[other][m])]
            reported = members[0] if len(members) == 1 else merged(members)
            alike = _contained(center, reported, self.weights, self.settings)
            if not alike:
                key = ((index,), tuple(group)) if side == "a" else (tuple(group), (index,))
                if key not in self.answers:
                    self.answers[key] = matches(center, reported, self.weights, self.settings)
                alike = self.answers[key]
            if alike and not conflicting(
                center,
                self._numbers(side, index),
                members,
                [n for m in group for n in self._numbers(other, m)],
            ):
                return "covered"
        return "partial"

    def _numbers(self, side: str, index: int) -> tuple[NumberMention, ...]:
        if (side, index) not in self.numbers:
            self.numbers[side, index] = find_numbers(self.sentences[side][index].text)
        return self.numbers[side, index]


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
    with _without_cycle_collection():
        return _align(sentences_a, sentences_b, settings)


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
    sentences_a: Sequence[Sentence], sentences_b: Sequence[Sentence], settings: Settings
) -> AlignmentResult:
    profiles_a = [None if s.boilerplate else profile(s.text) for s in sentences_a]
    profiles_b = [None if s.boilerplate else profile(s.text) for s in sentences_b]
    profiles_a, profiles_b, weights = comparable(
        profiles_a, profiles_b, fuzzy_ratio=settings.fuzzy_ratio, name_boost=settings.name_boost
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

    judge = _CoverageJudge(
        {"a": sentences_a, "b": sentences_b}, {"a": profiles_a, "b": profiles_b}, weights, settings
    )
    statuses_a = tuple(judge.status("a", i, links_a.get(i, ())) for i in range(len(profiles_a)))
    statuses_b = tuple(judge.status("b", j, links_b.get(j, ())) for j in range(len(profiles_b)))
    alignments = _groups(links_a, links_b, statuses_a, statuses_b, profiles_a, profiles_b, weights)
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


def _groups(
    links_a: dict[int, list[int]],
    links_b: dict[int, list[int]],
    statuses_a: Sequence[Status],
    statuses_b: Sequence[Status],
    profiles_a: Sequence[Profile | None],
    profiles_b: Sequence[Profile | None],
    weights: TermWeights,
) -> list[Alignment]:
    """Cut the link graph into stars: a sentence with the partners that link to it alone.

    Every link lands in exactly one group, and a group never implies a link that was not found.
    """
    done: set[tuple[int, int]] = set()
    groups: list[Alignment] = []

    def add(a: tuple[int, ...], b: tuple[int, ...]) -> None:
        side_a = merged([p for i in a if (p := profiles_a[i])])
        side_b = merged([p for j in b if (p := profiles_b[j])])
        score = pair_score(side_a, side_b, weights)
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
