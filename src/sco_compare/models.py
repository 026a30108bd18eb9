"""Frozen dataclasses passed between the stages of the comparison pipeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

from sco_compare.settings import Settings

Status = Literal["covered", "partial", "unique", "boilerplate"]
AlignmentKind = Literal["match", "partial"]
ClaimStatus = Literal["shared", "partial", "unique"]


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

    @property
    def covered_ratio(self) -> float:
        """Share of content sentences that are covered (0 when there is no content)."""
        return self.covered / self.content if self.content else 0.0

    @property
    def reported_ratio(self) -> float:
        """Share of content sentences that are covered or partial."""
        return (self.covered + self.partial) / self.content if self.content else 0.0


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

    def to_dict(self) -> dict[str, Any]:
        """The claim as it appears in the `claims` JSON."""
        counterpart = None
        if self.counterpart is not None:
            counterpart = {
                "id": self.counterpart.claim_id,
                "sentence": self.counterpart.sentence,
                "text": self.counterpart.text,
                "score": self.counterpart.score,
                "speaker": self.counterpart.speaker,
            }
        return {
            "id": self.id,
            "source": self.source,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "entities": list(self.entities),
            "numbers": list(self.numbers),
            "status": self.status,
            "score": self.score,
            "counterpart": counterpart,
            "missing_terms": list(self.missing_terms),
            "missing_entities": list(self.missing_entities),
            "missing_numbers": list(self.missing_numbers),
            "notes": list(self.notes),
        }


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

    def statuses(self, label: str) -> tuple[Status, ...]:
        """Statuses of the sentences of source "A" or "B" (either case)."""
        side = label.upper()
        if side not in ("A", "B"):
            raise ValueError(f"no source {label!r}: the sources are A and B")
        return self.statuses_a if side == "A" else self.statuses_b

    def coverage(self, label: str) -> Coverage:
        """Counts of covered, partial, unique and boilerplate sentences of one source."""
        statuses = self.statuses(label)
        boilerplate = statuses.count("boilerplate")
        return Coverage(
            sentences=len(statuses),
            content=len(statuses) - boilerplate,
            covered=statuses.count("covered"),
            partial=statuses.count("partial"),
            unique=statuses.count("unique"),
            boilerplate=boilerplate,
        )

    def sources_dict(self) -> list[dict[str, Any]]:
        """The `sources` block of the JSON contract."""
        sources = []
        for document in self.documents:
            statuses = self.statuses(document.label)
            coverage = self.coverage(document.label)
            sources.append(
                {
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
                        "covered_ratio": round(coverage.covered_ratio, 4),
                        "reported_ratio": round(coverage.reported_ratio, 4),
                    },
                }
            )
        return sources

    def to_dict(self) -> dict[str, Any]:
        """Exactly the JSON that `sco-compare diff --format json` prints."""
        return {
            "version": self.version,
            "settings": self.settings.to_dict(),
            "sources": self.sources_dict(),
            "alignments": [json_ready(alignment) for alignment in self.alignments],
        }
