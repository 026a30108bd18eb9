"""Each claim shared, partial or unique against its closest counterpart; speakers and names only
one source has: the claims report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from sco_compare.align.candidates import top_partners
from sco_compare.align.similarity import PairScore, comparable, pair_score
from sco_compare.claims.clauses import ClaimUnit, claim_units, whole_sentences
from sco_compare.claims.entities import (
    Vocabulary,
    casing,
    find_acronyms,
    mentioned,
    vocabulary,
)
from sco_compare.claims.speakers import same_speaker
from sco_compare.models import (
    Claim,
    ClaimGroup,
    ClaimsReport,
    ClaimStatus,
    Comparison,
    Conflict,
    Counterpart,
    Side,
)
from sco_compare.settings import Settings
from sco_compare.text.figures import number_conflicts
from sco_compare.text.normalize import TermWeights

MISSING_SHOWN = 8


def _best_counterpart(
    unit: ClaimUnit, others: Sequence[ClaimUnit], candidates: Sequence[int], weights: TermWeights
) -> tuple[ClaimUnit | None, PairScore | None]:
    """The claim that carries most of this one's content; among equals, one that agrees with it
    on speaker and figures, then the nearest in the text (a text compared with itself has one
    counterpart per claim however often it repeats it)."""
    best: tuple[ClaimUnit | None, PairScore | None] = (None, None)
    best_key: tuple[float, ...] = (0.0, 0.0)
    for k in candidates:
        other = others[k]
        score = pair_score(unit.profile, other.profile, weights)
        key: tuple[float, ...] = (round(score.coverage_a, 9), round(score.score, 9))
        if key < best_key[:2]:
            continue
        same_source = (
            unit.speaker is None
            or other.speaker is None
            or same_speaker(unit.speaker, other.speaker)
        )
        same_figures = not number_conflicts(unit.numbers, other.numbers)
        key = (*key, same_source + same_figures, -abs(other.claim.start - unit.claim.start))
        if key > best_key:
            best, best_key = (other, score), key
    return best


def judge_claim(
    unit: ClaimUnit,
    others: Sequence[ClaimUnit],
    candidates: Sequence[int],
    weights: TermWeights,
    settings: Settings,
    other_vocabulary: Vocabulary,
) -> tuple[Claim, list[Conflict]]:
    """A claim's status against its closest counterpart, and the numbers the two give apart."""
    claim = unit.claim
    counterpart, score = _best_counterpart(unit, others, candidates, weights)
    if counterpart is None or score is None or score.coverage_a < settings.claim_cut:
        coverage = score.coverage_a if score else 0.0
        return replace(claim, status="unique", score=coverage), []
    coverage = score.coverage_a
    notes = []
    status: ClaimStatus = "shared" if coverage >= settings.claim_shared_cut else "partial"
    if unit.speaker and counterpart.speaker and not same_speaker(unit.speaker, counterpart.speaker):
        notes.append(
            f"attributed to {unit.speaker.name} here, to {counterpart.speaker.name} in the other"
        )
        status = "partial"
    conflicts = number_conflicts(unit.numbers, counterpart.numbers)
    if conflicts:
        status = "partial"
        notes.extend(
            f"{kind} differs: {', '.join(mine)} vs {', '.join(theirs)}"
            for kind, mine, theirs in conflicts
        )
    missing = sorted(unit.profile.terms - score.shared, key=lambda t: (-weights(t), t))[
        :MISSING_SHOWN
    ]
    found = []
    for kind, mine, theirs in conflicts:
        ours = (claim.id, tuple(mine))
        other = (counterpart.claim.id, tuple(theirs))
        first, second = (ours, other) if claim.source == Side.A.key else (other, ours)
        (a, a_values), (b, b_values) = first, second
        found.append(Conflict(a, b, kind, a_values, b_values))
    judged = replace(
        claim,
        status=status,
        score=coverage,
        counterpart=Counterpart(
            claim_id=counterpart.claim.id,
            sentence=counterpart.claim.sentence,
            text=counterpart.claim.text,
            score=score.score,
            speaker=counterpart.claim.speaker,
        ),
        missing_terms=tuple(unit.profile.surfaces.get(t, t) for t in missing),
        missing_entities=tuple(e for e in claim.entities if not mentioned(e, other_vocabulary)),
        missing_numbers=_missing(claim.numbers, counterpart.claim.numbers),
        notes=tuple(notes),
    )
    return judged, found


def judge_side(
    units: Sequence[ClaimUnit],
    other_units: Sequence[ClaimUnit],
    weights: TermWeights,
    settings: Settings,
    other_vocabulary: Vocabulary,
) -> list[tuple[Claim, list[Conflict]]]:
    """Each claim of one source judged against the other source's claims and whole sentences,
    with the figures the two give apart."""
    others = [*other_units, *whole_sentences(other_units)]
    partners: dict[int, list[int]] = defaultdict(list)
    for i, k in top_partners(
        [u.profile for u in units], [u.profile for u in others], weights, settings
    ):
        partners[i].append(k)
    return [
        judge_claim(unit, others, sorted(partners[i]), weights, settings, other_vocabulary)
        for i, unit in enumerate(units)
    ]


def _missing(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    """The values of `mine` that `theirs` lacks, in order."""
    present = set(theirs)
    return tuple(value for value in mine if value not in present)


def speaker_groups(
    units_by_side: dict[Side, list[ClaimUnit]], judged: dict[str, Claim]
) -> list[ClaimGroup]:
    """For each source, the speakers it quotes that the other does not, with their claims."""
    groups = []
    for source in Side:
        other_speakers = [u.speaker for u in units_by_side[source.other] if u.speaker]
        by_speaker: list[list[ClaimUnit]] = []
        for unit in units_by_side[source]:
            if unit.speaker is None:
                continue
            for units in by_speaker:
                first = units[0].speaker
                if first is not None and same_speaker(first, unit.speaker):
                    units.append(unit)
                    break
            else:
                by_speaker.append([unit])
        for units in by_speaker:
            speaker = units[0].speaker
            assert speaker is not None
            if any(same_speaker(speaker, o) for o in other_speakers):
                continue
            name = max((u.speaker.name for u in units if u.speaker), key=len)
            ids = tuple(u.claim.id for u in units)
            unique = sum(judged[i].status == "unique" for i in ids)
            groups.append(ClaimGroup("speaker", name, source.key, ids, unique))
    return groups


def entity_groups(
    units_by_side: dict[Side, list[ClaimUnit]],
    judged: dict[str, Claim],
    vocabularies: dict[Side, Vocabulary],
) -> list[ClaimGroup]:
    """For each source, the names it gives that the other never mentions, with their claims."""
    groups = []
    for source in Side:
        other = source.other
        by_entity: dict[str, list[str]] = defaultdict(list)
        for unit in units_by_side[source]:
            for entity in unit.claim.entities:
                if not mentioned(entity, vocabularies[other]):
                    by_entity[entity].append(unit.claim.id)
        for entity, ids in by_entity.items():
            unique = sum(judged[i].status == "unique" for i in ids)
            groups.append(ClaimGroup("entity", entity, source.key, tuple(ids), unique))
    return groups


def title_case(text: str) -> bool:
    """Most words capitalized, as in a headline written in title case."""
    words = text.split()
    return sum(w[:1].isupper() for w in words) > len(words) / 2


def judge_claims(comparison: Comparison) -> ClaimsReport:
    """Claims of both sources of a comparison, each shared, partial or unique against the other
    (with the comparison's settings)."""
    settings = comparison.settings
    texts = [d.text for d in comparison.documents]
    # Capitals in a title-case headline ("Ministers Meet in Geneva") mark no names.
    texts_casing = casing(
        s.text
        for side in Side
        for s in comparison.document(side).sentences
        if comparison.statuses(side)[s.index] != "boilerplate" or not title_case(s.text)
    )
    acronyms = find_acronyms(texts)
    units = {
        side: claim_units(
            comparison.document(side),
            comparison.statuses(side),
            casing=texts_casing,
            acronyms=acronyms,
        )
        for side in Side
    }
    canonical_a, canonical_b, weights = comparable(
        [u.profile for u in units[Side.A]],
        [u.profile for u in units[Side.B]],
        fuzzy_ratio=settings.fuzzy_ratio,
        name_boost=settings.name_boost,
    )
    for side, canonical in ((Side.A, canonical_a), (Side.B, canonical_b)):
        units[side] = [
            replace(u, profile=p) for u, p in zip(units[side], canonical, strict=True) if p
        ]
    vocabularies = {side: vocabulary(comparison.document(side).text) for side in Side}
    judged: dict[str, Claim] = {}
    # One per pair of claims and values (both sides find it; years in two roles are two).
    conflicts: dict[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], Conflict] = {}
    for side in Side:
        found = judge_side(
            units[side], units[side.other], weights, settings, vocabularies[side.other]
        )
        for claim, claim_conflicts in found:
            judged[claim.id] = claim
            conflicts.update(
                ((c.a, c.b, c.kind, tuple(c.a_values), tuple(c.b_values)), c)
                for c in claim_conflicts
            )
    groups = speaker_groups(units, judged) + entity_groups(units, judged, vocabularies)
    ordered = tuple(judged[u.claim.id] for side in Side for u in units[side])
    return ClaimsReport(comparison, ordered, tuple(groups), tuple(conflicts.values()))
