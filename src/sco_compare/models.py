"""Frozen dataclasses passed between the stages of the comparison pipeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from enum import Enum
from typing import Any, Literal

from sco_compare.settings import Settings

Status = Literal["covered", "partial", "unique", "boilerplate"]
AlignmentKind = Literal["match", "partial"]
ClaimStatus = Literal["shared", "partial", "unique"]

SCORE_DIGITS = 4
"""Scores and ratios are kept at full precision and rounded to this many digits in the JSON."""


class Side(Enum):
    """One of the two sources of a comparison."""

    A = "A"
    B = "B"

    @property
    def label(self) -> str:
        """How reports name it: "A" or "B" (and its sentences: A1, B3)."""
        return self.value

    @property
    def key(self) -> str:
        """How a claim names its source in the JSON: "a" or "b"."""
        return self.value.lower()

    @property
    def other(self) -> Side:
        return Side.B if self is Side.A else Side.A

    @classmethod
    def of(cls, label: str | Side) -> Side:
        """The side a label names, "A" or "b" (either case), or the side itself."""
        if isinstance(label, Side):
            return label
        try:
            return cls(label.upper())
        except ValueError:
            raise ValueError(f"no source {label!r}: the sources are A and B") from None


def json_ready(record: Any) -> dict[str, Any]:
    """A flat dataclass as a JSON object: its fields in order, tuples as lists."""
    return {
        f.name: list(value) if isinstance(value, tuple) else value
        for f in fields(record)
        for value in [getattr(record, f.name)]
    }


@dataclass(frozen=True)
class Sentence:
    """One sentence of a source, with character offsets into the original text."""

    index: int
    label: str
    text: str
    start: int
    end: int
    boilerplate: bool = False

    @property
    def id(self) -> str:
        """Stable id shown in every format: A1, A2, ... B1, ..."""
        return f"{self.label}{self.index + 1}"


@dataclass(frozen=True)
class Document:
    """A loaded source: its original text and its sentences."""

    label: str
    name: str
    text: str
    sha256: str
    sentences: tuple[Sentence, ...]
    path: str | None = None


@dataclass(frozen=True)
class Alignment:
    """A group of sentences of A and of B that report the same content (1:1, 1:n or n:1)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    kind: AlignmentKind
    shared_terms: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    """How much of one source the other reports, counted over content sentences."""

    sentences: int
    content: int
    covered: int
    partial: int
    unique: int
    boilerplate: int

    @classmethod
    def of(cls, statuses: Sequence[Status]) -> Coverage:
        """The counts of a source's sentence statuses."""
        n = Counter(statuses)
        total, chrome = len(statuses), n["boilerplate"]
        return cls(total, total - chrome, n["covered"], n["partial"], n["unique"], chrome)

    @property
    def covered_ratio(self) -> float:
        """Share of content sentences that are covered (0 when there is no content)."""
        return self.covered / self.content if self.content else 0.0

    @property
    def reported_ratio(self) -> float:
        """Share of content sentences that are covered or partial."""
        return (self.covered + self.partial) / self.content if self.content else 0.0


def source_record(document: Document, statuses: Sequence[Status]) -> dict[str, Any]:
    """A source in the JSON contract: who it is, its sentences' statuses, its coverage."""
    coverage = Coverage.of(statuses)
    return {
        "label": document.label,
        "name": document.name,
        "path": document.path,
        "sha256": document.sha256,
        "sentences": [
            {
                "index": s.index,
                "id": s.id,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "status": statuses[s.index],
            }
            for s in document.sentences
        ],
        "coverage": {
            **asdict(coverage),
            "covered_ratio": round(coverage.covered_ratio, SCORE_DIGITS),
            "reported_ratio": round(coverage.reported_ratio, SCORE_DIGITS),
        },
    }


@dataclass(frozen=True)
class Counterpart:
    """The closest claim of the other source to a claim."""

    claim_id: str
    sentence: int
    text: str
    score: float
    speaker: str | None


@dataclass(frozen=True)
class Claim:
    """A claim unit: a clause of a sentence, with who said it and what it names."""

    id: str
    source: str
    sentence: int
    start: int
    end: int
    text: str
    speaker: str | None
    entities: tuple[str, ...]
    numbers: tuple[str, ...]
    status: ClaimStatus = "unique"
    score: float = 0.0
    counterpart: Counterpart | None = None
    missing_terms: tuple[str, ...] = ()
    missing_entities: tuple[str, ...] = ()
    missing_numbers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    speaker_role: str | None = None
    """The title and affiliation the text gives with the speaker ("Russian Ambassador to China")."""

    @property
    def attributed_to(self) -> str | None:
        """The speaker, with the role the text gives them: "Sergei Razov, Russian Ambassador"."""
        role = f", {self.speaker_role}" if self.speaker_role else ""
        return self.speaker and self.speaker + role

    def to_dict(self) -> dict[str, Any]:
        """The claim as it appears in the `claims` JSON."""
        counterpart = None
        if self.counterpart is not None:
            other = self.counterpart
            counterpart = {
                "id": other.claim_id,
                "sentence": other.sentence,
                "text": other.text,
                "score": round(other.score, SCORE_DIGITS),
                "speaker": other.speaker,
            }
        items = list(json_ready(self).items())  # speaker_role last: shown beside the speaker
        items.insert([key for key, _ in items].index("speaker") + 1, items.pop())
        return {**dict(items), "score": round(self.score, SCORE_DIGITS), "counterpart": counterpart}


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing two sources: statuses, alignments and coverage."""

    document_a: Document
    document_b: Document
    statuses_a: tuple[Status, ...]
    statuses_b: tuple[Status, ...]
    alignments: tuple[Alignment, ...]
    settings: Settings
    version: str

    @property
    def documents(self) -> tuple[Document, Document]:
        return self.document_a, self.document_b

    def document(self, side: str | Side) -> Document:
        """The document of source "A" or "B" (either case)."""
        return self.document_a if Side.of(side) is Side.A else self.document_b

    def statuses(self, side: str | Side) -> tuple[Status, ...]:
        """Statuses of the sentences of source "A" or "B" (either case)."""
        return self.statuses_a if Side.of(side) is Side.A else self.statuses_b

    def coverage(self, label: str | Side) -> Coverage:
        """Counts of covered, partial, unique and boilerplate sentences of one source."""
        return Coverage.of(self.statuses(label))

    def sources_dict(self) -> list[dict[str, Any]]:
        """The `sources` block of the JSON contract."""
        return [source_record(d, self.statuses(d.label)) for d in self.documents]

    def to_dict(self) -> dict[str, Any]:
        """Exactly the JSON that `sco-compare diff --format json` prints."""
        return {
            "version": self.version,
            "settings": self.settings.to_dict(),
            "sources": self.sources_dict(),
            "alignments": [
                {**json_ready(alignment), "score": round(alignment.score, SCORE_DIGITS)}
                for alignment in self.alignments
            ],
        }


CLAIM_STATUSES: tuple[ClaimStatus, ...] = ("shared", "partial", "unique")


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
        other = Side.of(self.source).other.label
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

    def claims_of(self, source: str | Side) -> tuple[Claim, ...]:
        """Claims of source "a" or "b" (either case)."""
        key = Side.of(source).key
        return tuple(c for c in self.claims if c.source == key)

    def counts(self, source: str | Side) -> dict[str, int]:
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
