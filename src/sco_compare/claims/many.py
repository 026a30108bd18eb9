"""The claims of three or more sources: each claim judged against every other source, and the
speakers only some sources quote."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import permutations
from typing import Any

from sco_compare.align.similarity import comparable
from sco_compare.claims.clauses import ClaimUnit, claim_units
from sco_compare.claims.coverage import judge_side, title_case
from sco_compare.claims.entities import casing, find_acronyms, vocabulary
from sco_compare.collation import Collation, Node, Row, presence_rows
from sco_compare.models import CLAIM_STATUSES, Claim, ClaimStatus, Conflict, json_ready


@dataclass(frozen=True)
class SpeakerPresence:
    """A speaker some sources quote and others do not."""

    name: str
    sources: tuple[str, ...]
    claims: tuple[str, ...]

    def summary(self, labels: Sequence[str]) -> str:
        missing = [label for label in labels if label not in self.sources]
        return f"{self.name}: quoted by {', '.join(self.sources)}; not by {', '.join(missing)}"


@dataclass(frozen=True)
class ClaimsCollation:
    """The claims of every source, each judged against every other source."""

    collation: Collation
    claims: tuple[Claim, ...]
    """Each claim as judged against the source that carries it best (its status and counterpart
    from there); `found_in` holds the others."""
    found_in: dict[str, dict[str, ClaimStatus]]
    links: tuple[tuple[str, str], ...]
    """(claim id, the claim or sentence id of its counterpart) for each shared or partial one."""
    speakers: tuple[SpeakerPresence, ...]
    conflicts: tuple[Conflict, ...]

    def claims_of(self, label: str) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.source == label.lower())

    def counts(self, label: str) -> dict[str, int]:
        statuses = [c.status for c in self.claims_of(label)]
        return {"claims": len(statuses), **{s: statuses.count(s) for s in CLAIM_STATUSES}}

    @cached_property
    def rows(self) -> tuple[Row, ...]:
        """The claims as presence rows (see presence_rows)."""
        ids = [c.id for c in self.claims]
        counterparts: dict[str, list[str]] = {}
        for claim_id, target in self.links:
            # A counterpart that is a whole sentence stands for the claims it was split into.
            for other in ids:
                if other == target or other.startswith(f"{target}."):
                    counterparts.setdefault(claim_id, []).append(other)
                    counterparts.setdefault(other, []).append(claim_id)
        sha256 = {d.label.lower(): d.sha256 for d in self.collation.documents}
        nodes = [
            Node(
                c.source.upper(),
                c.id,
                self.found_in[c.id],
                tuple(dict.fromkeys(counterparts.get(c.id, ()))),
                c.text,
                sha256[c.source],
            )
            for c in self.claims
        ]
        return presence_rows(nodes, self.collation.labels)

    def to_dict(self) -> dict[str, Any]:
        """Exactly the JSON that `sco-compare claims --format json` prints for three or more."""
        claims = []
        for claim in self.claims:
            record = claim.to_dict()
            items = list(record.items())
            at = [k for k, _ in items].index("status") + 1
            items.insert(at, ("found_in", self.found_in[claim.id]))
            claims.append(dict(items))
        return {
            **{k: v for k, v in self.collation.to_dict().items() if k != "alignments"},
            "claims": claims,
            "speakers": [
                {**json_ready(s), "summary": s.summary(self.collation.labels)}
                for s in self.speakers
            ],
            "conflicts": [c.to_dict() for c in self.conflicts],
        }


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
    """Each speaker that some sources quote and others do not. The same person is the same
    name, or a part of one name only ("Xi" of "Xi Jinping"; "Wei" of both "Li Wei" and "Wang
    Wei" is neither), whatever the order of the sources."""
    by_key: dict[frozenset[str], list[tuple[str, ClaimUnit]]] = {}
    for label, mine in units.items():
        for unit in mine:
            if unit.speaker is not None and unit.speaker.key:
                by_key.setdefault(unit.speaker.key, []).append((label, unit))
    people: dict[frozenset[str], list[tuple[str, ClaimUnit]]] = {}
    for key in sorted(by_key, key=lambda k: (-len(k), sorted(k))):
        wider = [person for person in people if key < person]
        if len(wider) == 1:
            people[wider[0]] += by_key[key]
        else:
            people[key] = by_key[key]
    found = []
    for quotes in people.values():
        labels = {label for label, _ in quotes}
        if len(labels) < len(units):
            names = {u.speaker.name for _, u in quotes if u.speaker}
            found.append(
                SpeakerPresence(
                    max(names, key=lambda n: (len(n), n)),
                    tuple(sorted(labels)),
                    tuple(u.claim.id for label in units for lab, u in quotes if lab == label),
                )
            )
    return found


def _in_label_order(conflict: Conflict) -> Conflict:
    """A conflict with the claim of the earlier source first (as "a"), so that each pair of
    sources gives it once."""
    if conflict.a <= conflict.b:
        return conflict
    return Conflict(conflict.b, conflict.a, conflict.kind, conflict.b_values, conflict.a_values)


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
            for c in map(_in_label_order, claim_conflicts):
                conflicts[c.a, c.b, c.kind, tuple(c.a_values), tuple(c.b_values)] = c
    ordered = tuple(best[u.claim.id][1] for mine in units.values() for u in mine)
    return ClaimsCollation(
        collation,
        ordered,
        found_in,
        tuple(links),
        tuple(_speakers(units)),
        tuple(conflicts.values()),
    )
