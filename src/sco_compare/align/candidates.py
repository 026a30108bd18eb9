"""The shared candidate index: which sentence pairs are worth scoring, which share rare words."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from sco_compare.settings import Settings
from sco_compare.text.normalize import Profile, TermWeights


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
    indexed term with them). A sentence that shares no indexed term looks among the first
    holders of its least common term. With `exhaustive`, every pair of content sentences.
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
        if not overlap and left_out:
            # Every term it shares is too common to index (a sentence repeated hundreds of
            # times): its partners are among the first holders of its least common term.
            rarest = min((t for t in p.terms if t in postings), key=lambda t: (len(postings[t]), t))
            for j in postings[rarest][:cap]:
                q = others[j]
                assert q is not None
                overlap[j] = weights.total(p.terms & q.terms)
        total = weights.total_of(p.terms)
        # A partner is kept if its weighted Dice could reach the bar, counting left-out terms
        # as shared: 2 * (overlap + left out) / (both totals).
        # Ties keep the (deterministic) order in which partners were first met. (heapq.nlargest
        # gives the same, but loops in Python; a C sort of a few hundred partners is faster.)
        ranked = sorted(overlap, key=overlap.__getitem__, reverse=True)[: settings.candidates]
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
