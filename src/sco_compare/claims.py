"""Claim units, who said them and what they name; which claims only one source carries."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sco_compare.align import top_partners
from sco_compare.mentions import (
    Acronyms,
    NumberMention,
    Speaker,
    Vocabulary,
    find_acronyms,
    find_entities,
    find_numbers,
    find_speaker,
    mentioned,
    number_conflicts,
    same_speaker,
    vocabulary,
)
from sco_compare.models import (
    Claim,
    ClaimStatus,
    Comparison,
    Counterpart,
    Document,
    Status,
    json_ready,
)
from sco_compare.normalize import Profile, TermWeights, merged, profile
from sco_compare.settings import Settings
from sco_compare.similarity import PairScore, comparable, pair_score

CLAIM_STATUSES: tuple[ClaimStatus, ...] = ("shared", "partial", "unique")
MIN_CLAUSE_WORDS = 4
"""A split that would leave a piece shorter than this is not made."""
MISSING_SHOWN = 8

# Where a new claim starts inside a sentence: the position of each match's end.
_CLAUSE_STARTS = (
    re.compile(r";\s*"),
    re.compile(r",\s+(?=which\s)"),
    re.compile(
        r",\s+(?=(?:and|but|while|whereas)\s+(?:he|she|it|they|we|the|this|that|these|those"
        r"|[A-Z]\w*)\b)"
    ),
    re.compile(r"\s+(?=and\s+\w+ed\s+(?:the|a|an|its|their|his|her|new|\d)\b)"),
    re.compile(r",\s+(?=(?:second|third|fourth|fifth|secondly|thirdly|finally|lastly)\b)"),
    # The place of an event, when it ends the sentence: "... at the Great Hall of the People".
    re.compile(
        r"\s+(?=(?:at|in)\s+the\s+[A-Z]\w+(?:\s+(?:(?:of|the|and)\s+)*[A-Z]\w+)+"
        r"(?:\s+in\s+[A-Z]\w+)?[.!?\"']*$)"
    ),
)
_OPENING_QUOTE = re.compile(r"^\s*[\"“']")


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the claim units of a sentence: clauses, enumerated items, a closing place."""
    cuts = sorted({m.end() for pattern in _CLAUSE_STARTS for m in pattern.finditer(text)})
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        if len(text[start:cut].split()) >= MIN_CLAUSE_WORDS <= len(text[cut:].split()):
            spans.append((start, cut))
            start = cut
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        piece = text[begin:end]
        left = len(piece) - len(piece.lstrip(" ;,"))
        right = len(piece.rstrip(" ;,"))
        trimmed.append((begin + left, begin + right))
    return [(b, e) for b, e in trimmed if e > b]


@dataclass(frozen=True)
class ClaimUnit:
    """A claim before it is compared: where it is, who said it, what it names."""

    claim: Claim
    profile: Profile
    speaker: Speaker | None
    numbers: tuple[NumberMention, ...]


class _Attribution:
    """Resolves "he", "they" and unattributed quotes to the speaker named nearby."""

    def __init__(self) -> None:
        self.person: Speaker | None = None
        self.group: Speaker | None = None
        self.previous: Speaker | None = None

    def resolve(self, speaker: Speaker | None, text: str) -> Speaker | None:
        if speaker is None:
            return self.previous if _OPENING_QUOTE.match(text) else None
        if not speaker.is_pronoun:
            return speaker
        return self.group if speaker.name.lower() == "they" else self.person

    def remember(self, speaker: Speaker | None) -> None:
        self.previous = speaker
        if speaker is None:
            return
        if speaker.name[:1].isupper() and speaker.name.split()[0].lower() != "the":
            self.person = speaker
        else:
            self.group = speaker


def claim_units(
    document: Document,
    statuses: Sequence[Status],
    *,
    common_words: frozenset[str],
    acronyms: Acronyms,
) -> list[ClaimUnit]:
    """Split every content sentence of a document into claim units, with speakers resolved."""
    units: list[ClaimUnit] = []
    attribution = _Attribution()
    source = document.label.lower()
    for sentence in document.sentences:
        if statuses[sentence.index] == "boilerplate":
            continue
        sentence_speaker = attribution.resolve(find_speaker(sentence.text), sentence.text)
        spans = clause_spans(sentence.text)
        for number, (start, end) in enumerate(spans, start=1):
            text = sentence.text[start:end]
            own = find_speaker(text, leading_only=True) if len(spans) > 1 else None
            speaker = attribution.resolve(own, text) if own else sentence_speaker
            mentions = find_numbers(text)
            claim = Claim(
                id=sentence.id if len(spans) == 1 else f"{sentence.id}.{number}",
                source=source,
                sentence=sentence.index,
                start=sentence.start + start,
                end=sentence.start + end,
                text=text,
                speaker=speaker.name if speaker else None,
                entities=find_entities(text, common_words=common_words, acronyms=acronyms),
                numbers=tuple(str(m) for m in mentions),
            )
            units.append(ClaimUnit(claim, profile(text), speaker, mentions))
        attribution.remember(sentence_speaker)
    return units


def whole_sentences(units: Sequence[ClaimUnit]) -> list[ClaimUnit]:
    """One unit per sentence that was split into several claims: the claims taken together.

    A claim of the other source may report what one sentence spreads over several clauses.
    """
    by_sentence: dict[int, list[ClaimUnit]] = defaultdict(list)
    for unit in units:
        by_sentence[unit.claim.sentence].append(unit)
    wholes = []
    for parts in by_sentence.values():
        if len(parts) < 2:
            continue
        first, last = parts[0].claim, parts[-1].claim
        text = " ".join(p.claim.text for p in parts)
        claim = replace(first, id=first.id.split(".")[0], end=last.end, text=text)
        numbers = tuple(n for p in parts for n in p.numbers)
        wholes.append(
            ClaimUnit(claim, merged([p.profile for p in parts]), parts[0].speaker, numbers)
        )
    return wholes


@dataclass(frozen=True)
class ClaimGroup:
    """Claims gathered by speaker or by entity that only one source carries."""

    kind: str
    name: str
    source: str
    claims: tuple[str, ...]
    unique: int

    @property
    def summary(self) -> str:
        other = "A" if self.source == "b" else "B"
        if self.kind == "speaker":
            count = len(self.claims)
            return (
                f"{self.name}: {count} claim{'s' * (count != 1)}, only in {self.source.upper()}"
                f" ({other} attributes nothing to this speaker)"
            )
        return f"{self.name}: only in {self.source.upper()}"

    def to_dict(self) -> dict[str, Any]:
        return {**json_ready(self), "summary": self.summary}


@dataclass(frozen=True)
class Conflict:
    """A number or date that two aligned claims give differently."""

    a: str
    b: str
    kind: str
    a_values: tuple[str, ...]
    b_values: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return json_ready(self)


@dataclass(frozen=True)
class ClaimsReport:
    """Claims of both sources with their coverage, speaker and entity groups, and conflicts."""

    comparison: Comparison
    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    conflicts: tuple[Conflict, ...]

    def claims_of(self, source: str) -> tuple[Claim, ...]:
        """Claims of source "a" or "b"."""
        return tuple(c for c in self.claims if c.source == source)

    def counts(self, source: str) -> dict[str, int]:
        """How many claims a source has, in all and by status."""
        statuses = [c.status for c in self.claims_of(source)]
        return {"claims": len(statuses), **{s: statuses.count(s) for s in CLAIM_STATUSES}}

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        return next(c for c in self.claims if c.id == claim_id)

    def groups_of(self, kind: str) -> tuple[ClaimGroup, ...]:
        """The "speaker" or the "entity" groups."""
        return tuple(g for g in self.groups if g.kind == kind)

    def other_unique(self) -> tuple[Claim, ...]:
        """Unique claims not already shown under a speaker only one source quotes."""
        quoted = {i for g in self.groups_of("speaker") for i in g.claims}
        return tuple(c for c in self.claims if c.status == "unique" and c.id not in quoted)

    def partial(self) -> tuple[Claim, ...]:
        """Claims the other source reports in part."""
        return tuple(c for c in self.claims if c.status == "partial")

    def to_dict(self) -> dict[str, Any]:
        """Exactly the JSON that `sco-compare claims --format json` prints."""
        return {
            "version": self.comparison.version,
            "settings": self.comparison.settings.to_dict(),
            "sources": self.comparison.sources_dict(),
            "claims": [c.to_dict() for c in self.claims],
            "groups": [g.to_dict() for g in self.groups],
            "conflicts": [c.to_dict() for c in self.conflicts],
        }


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


def _judge(
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
        return replace(claim, status="unique", score=round(coverage, 4)), []
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
        (a, a_values), (b, b_values) = (ours, other) if claim.source == "a" else (other, ours)
        found.append(Conflict(a, b, kind, a_values, b_values))
    judged = replace(
        claim,
        status=status,
        score=round(coverage, 4),
        counterpart=Counterpart(
            claim_id=counterpart.claim.id,
            sentence=counterpart.claim.sentence,
            text=counterpart.claim.text,
            score=round(score.score, 4),
            speaker=counterpart.claim.speaker,
        ),
        missing_terms=tuple(unit.profile.surfaces.get(t, t) for t in missing),
        missing_entities=tuple(e for e in claim.entities if not mentioned(e, other_vocabulary)),
        missing_numbers=_missing(claim.numbers, counterpart.claim.numbers),
        notes=tuple(notes),
    )
    return judged, found


def _missing(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    """The values of `mine` that `theirs` lacks, in order."""
    present = set(theirs)
    return tuple(value for value in mine if value not in present)


def _speaker_groups(
    claims_by_source: dict[str, list[ClaimUnit]], judged: dict[str, Claim]
) -> list[ClaimGroup]:
    groups = []
    for source, other in (("a", "b"), ("b", "a")):
        other_speakers = [u.speaker for u in claims_by_source[other] if u.speaker]
        by_speaker: list[list[ClaimUnit]] = []
        for unit in claims_by_source[source]:
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
            groups.append(ClaimGroup("speaker", name, source, ids, unique))
    return groups


def _entity_groups(
    claims_by_source: dict[str, list[ClaimUnit]],
    judged: dict[str, Claim],
    vocabularies: dict[str, Vocabulary],
) -> list[ClaimGroup]:
    groups = []
    for source, other in (("a", "b"), ("b", "a")):
        by_entity: dict[str, list[str]] = defaultdict(list)
        for unit in claims_by_source[source]:
            for entity in unit.claim.entities:
                if not mentioned(entity, vocabularies[other]):
                    by_entity[entity].append(unit.claim.id)
        for entity, ids in by_entity.items():
            unique = sum(judged[i].status == "unique" for i in ids)
            groups.append(ClaimGroup("entity", entity, source, tuple(ids), unique))
    return groups


def compare_claims(comparison: Comparison) -> ClaimsReport:
    """Claims of both sources of a comparison, each shared, partial or unique against the other
    (with the comparison's settings)."""
    settings = comparison.settings
    documents = comparison.documents
    texts = [d.text for d in documents]
    common_words = frozenset(w.lower() for t in texts for w in re.findall(r"\b[a-z][a-z-]*\b", t))
    acronyms = find_acronyms(texts)
    units = {
        d.label.lower(): claim_units(
            d, comparison.statuses(d.label), common_words=common_words, acronyms=acronyms
        )
        for d in documents
    }
    canonical_a, canonical_b, weights = comparable(
        [u.profile for u in units["a"]],
        [u.profile for u in units["b"]],
        fuzzy_ratio=settings.fuzzy_ratio,
        name_boost=settings.name_boost,
    )
    for label, canonical in (("a", canonical_a), ("b", canonical_b)):
        units[label] = [
            replace(u, profile=p) for u, p in zip(units[label], canonical, strict=True) if p
        ]
    vocabularies = {d.label.lower(): vocabulary(d.text) for d in documents}
    judged: dict[str, Claim] = {}
    conflicts: dict[tuple[str, str, str], Conflict] = {}  # one per pair of claims and kind
    for source, other in (("a", "b"), ("b", "a")):
        others = units[other] + whole_sentences(units[other])
        partners: dict[int, list[int]] = defaultdict(list)
        for i, k in top_partners(
            [u.profile for u in units[source]], [u.profile for u in others], weights, settings
        ):
            partners[i].append(k)
        for i, unit in enumerate(units[source]):
            claim, found = _judge(
                unit, others, sorted(partners[i]), weights, settings, vocabularies[other]
            )
            judged[claim.id] = claim
            conflicts.update(((c.a, c.b, c.kind), c) for c in found)
    groups = _speaker_groups(units, judged) + _entity_groups(units, judged, vocabularies)
    ordered = tuple(judged[u.claim.id] for side in ("a", "b") for u in units[side])
    return ClaimsReport(comparison, ordered, tuple(groups), tuple(conflicts.values()))
