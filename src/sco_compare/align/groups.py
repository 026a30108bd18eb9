"""Cut the link graph into 1:1, 1:n and n:1 alignment groups."""

from __future__ import annotations

from collections.abc import Sequence

from sco_compare.align.similarity import pair_score
from sco_compare.models import Alignment, Status
from sco_compare.text.normalize import Profile, TermWeights, merged

SHARED_TERMS_SHOWN = 8


def _shown_terms(
    terms: frozenset[str], profiles: Sequence[Profile], weights: TermWeights
) -> tuple[str, ...]:
    surfaces: dict[str, str] = {}
    for p in profiles:
        for term, surface in p.surfaces.items():
            surfaces.setdefault(term, surface)
    ranked = sorted(terms, key=lambda t: (-weights(t), t))[:SHARED_TERMS_SHOWN]
    return tuple(surfaces.get(t, t) for t in ranked)


def groups(
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
                score=score.score,
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
