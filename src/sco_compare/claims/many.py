"""The claims of three or more sources: each claim judged against every other source, and the
speakers only some sources quote."""

from __future__ import annotations

from dataclasses import replace
from itertools import permutations

from sco_compare.align.similarity import comparable
from sco_compare.claims.clauses import ClaimUnit, claim_units
from sco_compare.claims.coverage import judge_side, title_case
from sco_compare.claims.entities import casing, find_acronyms, vocabulary
from sco_compare.claims.speakers import same_speaker
from sco_compare.collation import ClaimsCollation, Collation, SpeakerPresence
from sco_compare.models import Claim, ClaimStatus, Conflict

_RANK = {"shared": 2, "partial": 1, "unique": 0}


def _units(collation: Collation) -> dict[str, list[ClaimUnit]]:
    """Each source's claim units. Names are told from capitals that only open a sentence by the
    casing of all the sources, as in a pair by the casing of both."""
    statuses = {label: collation.statuses(label) for label in collation.labels}
    texts_casing = casing(
        s.text
        for d in collation.documents
        for s in d.sentences
        if statuses[d.label][s.index] != "boilerplate" or not title_case(s.text)
    )
    acronyms = find_acronyms([d.text for d in collation.documents])
    return {
        d.label: claim_units(d, statuses[d.label], casing=texts_casing, acronyms=acronyms)
        for d in collation.documents
    }


def _speakers(units: dict[str, list[ClaimUnit]]) -> list[SpeakerPresence]:
    """Each speaker (the same person however named) that some sources quote and others not."""
    found: list[tuple[list[ClaimUnit], set[str]]] = []
    for label, mine in units.items():
        for unit in mine:
            if unit.speaker is None:
                continue
            for group, labels in found:
                first = group[0].speaker
                if first is not None and same_speaker(first, unit.speaker):
                    group.append(unit)
                    labels.add(label)
                    break
            else:
                found.append(([unit], {label}))
    return [
        SpeakerPresence(
            max((u.speaker.name for u in group if u.speaker), key=lambda n: (len(n), n)),
            tuple(sorted(labels)),
            tuple(u.claim.id for u in group),
        )
        for group, labels in found
        if len(labels) < len(units)
    ]


def judge_claims_many(collation: Collation) -> ClaimsCollation:
    """Every claim of every source judged against each other source, pair by pair (each pair
    with its own term weights, as two sources are)."""
    settings = collation.settings
    units = {label: [u for u in mine if u.profile] for label, mine in _units(collation).items()}
    vocabularies = {d.label: vocabulary(d.text) for d in collation.documents}
    best: dict[str, tuple[tuple[int, float, str], Claim]] = {}
    found_in: dict[str, dict[str, ClaimStatus]] = {
        u.claim.id: {} for mine in units.values() for u in mine
    }
    links: list[tuple[str, str]] = []
    conflicts: dict[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], Conflict] = {}
    # On a tie, the source that carries a claim best is the same whatever the order given.
    rank = {d.label: d.sha256 for d in collation.documents}
    for label, other in permutations(collation.labels, 2):
        canonical, canonical_other, weights = comparable(
            [u.profile for u in units[label]],
            [u.profile for u in units[other]],
            fuzzy_ratio=settings.fuzzy_ratio,
            name_boost=settings.name_boost,
        )
        mine = [replace(u, profile=p) for u, p in zip(units[label], canonical, strict=True) if p]
        theirs = [
            replace(u, profile=p) for u, p in zip(units[other], canonical_other, strict=True) if p
        ]
        for claim, claim_conflicts in judge_side(
            mine, theirs, weights, settings, vocabularies[other]
        ):
            if claim.status != "unique":
                found_in[claim.id][other] = claim.status
                assert claim.counterpart is not None
                links.append((claim.id, claim.counterpart.claim_id))
            key = (_RANK[claim.status], claim.score, rank[other])
            if claim.id not in best or key > best[claim.id][0]:
                best[claim.id] = key, claim
            conflicts.update(
                ((c.a, c.b, c.kind, tuple(c.a_values), tuple(c.b_values)), c)
                for c in claim_conflicts
            )
    ordered = tuple(best[u.claim.id][1] for mine in units.values() for u in mine)
    return ClaimsCollation(
        collation,
        ordered,
        found_in,
        tuple(links),
        tuple(_speakers(units)),
        tuple(conflicts.values()),
    )
