"""Three to twelve sources of one event: each pair aligned once, and for every sentence and claim
the other sources that carry it. Frozen, like the two-source models."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sco_compare.models import (
    SCORE_DIGITS,
    Alignment,
    Coverage,
    Document,
    Status,
    json_ready,
    source_record,
)
from sco_compare.settings import Settings

MOST_SOURCES = 12


def source_labels(count: int) -> tuple[str, ...]:
    """The labels of `count` sources, in the order given: A, B, C, …"""
    return tuple(chr(ord("A") + k) for k in range(count))


@dataclass(frozen=True)
class Pair:
    """Two sources aligned: each one's sentence statuses against the other, and the groups
    (an alignment's `a` are the first source's sentences, its `b` the second's)."""

    first: str
    second: str
    statuses_first: tuple[Status, ...]
    statuses_second: tuple[Status, ...]
    alignments: tuple[Alignment, ...]

    def statuses(self, label: str) -> tuple[Status, ...]:
        return self.statuses_first if label == self.first else self.statuses_second


@dataclass(frozen=True)
class Row:
    """One sentence or claim, with what the other sources say of it: "covered" (in full) or
    "partial", and the ids of their counterparts."""

    members: tuple[tuple[str, str], ...]
    """(source label, sentence or claim id): the row's own first, then its counterparts in the
    sources' order."""
    marks: tuple[tuple[str, str], ...]
    """(source label, "covered" or "partial") for its own source and each that carries it."""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(label for label, _ in self.marks)

    def mark(self, label: str) -> str | None:
        return dict(self.marks).get(label)


@dataclass(frozen=True)
class Node:
    """A sentence or claim as the presence rows see it."""

    label: str
    id: str
    found_in: Mapping[str, str]
    counterparts: tuple[str, ...]
    """The ids of the sentences or claims of other sources aligned with it."""
    text: str
    source_sha256: str

    @property
    def precedence(self) -> tuple[int, int, int, str, str]:
        """Which node a row is made of first: the one most sources carry, in full the most,
        then the longest; never the order the sources were given in."""
        in_full = sum(status in ("covered", "shared") for status in self.found_in.values())
        return (-len(self.found_in), -in_full, -len(self.text), self.text, self.source_sha256)


def presence_rows(nodes: Sequence[Node], labels: Sequence[str]) -> tuple[Row, ...]:
    """A row for each node, but those already listed as the counterpart of one before it (by
    precedence); rows that more sources carry first, then in the sources' order."""
    label_of = {node.id: node.label for node in nodes}
    order = {node.id: k for k, node in enumerate(nodes)}
    placed: set[str] = set()
    rows = []
    for node in sorted(nodes, key=lambda n: (n.precedence, n.id)):
        if node.id in placed:
            continue
        placed.update((node.id, *node.counterparts))
        marks = {node.label: "covered"}
        marks.update(
            (k, "partial" if v == "partial" else "covered") for k, v in node.found_in.items()
        )
        others = sorted(node.counterparts, key=lambda o: (labels.index(label_of[o]), order[o]))
        members = ((node.label, node.id), *((label_of[o], o) for o in others))
        rows.append(Row(members, tuple((k, marks[k]) for k in labels if k in marks)))
    return tuple(sorted(rows, key=lambda r: (-len(r.marks), -_in_full(r), order[r.members[0][1]])))


def _in_full(row: Row) -> int:
    return sum(mark == "covered" for _, mark in row.marks)


def _ratios(covered: int, partial: int, content: int) -> dict[str, Any]:
    return {
        "covered": covered,
        "partial": partial,
        "covered_ratio": round(covered / content if content else 0.0, SCORE_DIGITS),
        "reported_ratio": round((covered + partial) / content if content else 0.0, SCORE_DIGITS),
    }


@dataclass(frozen=True)
class Collation:
    """Sources aligned pair by pair; each sentence's status is the best any other gives it."""

    documents: tuple[Document, ...]
    pairs: tuple[Pair, ...]
    settings: Settings
    version: str

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(d.label for d in self.documents)

    def document(self, label: str) -> Document:
        return self.documents[self.labels.index(label)]

    def pair(self, first: str, second: str) -> Pair:
        return next(p for p in self.pairs if {p.first, p.second} == {first, second})

    @cached_property
    def _found_in(self) -> dict[str, tuple[dict[str, Status], ...]]:
        found: dict[str, tuple[dict[str, Status], ...]] = {}
        for document in self.documents:
            mine: list[dict[str, Status]] = [{} for _ in document.sentences]
            for other in self.labels:
                if other != document.label:
                    statuses = self.pair(document.label, other).statuses(document.label)
                    for index, status in enumerate(statuses):
                        if status in ("covered", "partial"):
                            mine[index][other] = status
            found[document.label] = tuple(mine)
        return found

    def found_in(self, label: str) -> tuple[dict[str, Status], ...]:
        """For each sentence of a source: the other sources that carry it, in full or in part."""
        return self._found_in[label]

    def statuses(self, label: str) -> tuple[Status, ...]:
        """Unique when no other source carries it, covered when one carries it in full, else
        partial; boilerplate as in any pair."""
        return self._statuses[label]

    @cached_property
    def _statuses(self) -> dict[str, tuple[Status, ...]]:
        return {label: self._statuses_of(label) for label in self.labels}

    def _statuses_of(self, label: str) -> tuple[Status, ...]:
        boilerplate = [s.boilerplate for s in self.document(label).sentences]
        return tuple(
            "boilerplate"
            if chrome
            else "covered"
            if "covered" in found.values()
            else "partial"
            if found
            else "unique"
            for chrome, found in zip(boilerplate, self.found_in(label), strict=True)
        )

    def coverage(self, label: str) -> Coverage:
        """Counts of covered, partial, unique and boilerplate sentences of one source."""
        return Coverage.of(self.statuses(label))

    def carried(self, label: str, other: str) -> tuple[int, int]:
        """How many of a source's content sentences another carries in full, and in part."""
        found = [f.get(other) for f in self.found_in(label)]
        return found.count("covered"), found.count("partial")

    @cached_property
    def rows(self) -> tuple[Row, ...]:
        """The content sentences as presence rows (see presence_rows)."""
        counterparts: dict[str, list[str]] = {}
        for pair in self.pairs:
            first, second = self.document(pair.first), self.document(pair.second)
            for alignment in pair.alignments:
                ids_a = [first.sentences[i].id for i in alignment.a]
                ids_b = [second.sentences[j].id for j in alignment.b]
                for mine, theirs in ((ids_a, ids_b), (ids_b, ids_a)):
                    for sentence_id in mine:
                        counterparts.setdefault(sentence_id, []).extend(theirs)
        nodes = [
            Node(
                d.label,
                s.id,
                found,
                tuple(dict.fromkeys(counterparts.get(s.id, ()))),
                s.text,
                d.sha256,
            )
            for d in self.documents
            for s, found, status in zip(
                d.sentences, self.found_in(d.label), self.statuses(d.label), strict=True
            )
            if status != "boilerplate"
        ]
        return presence_rows(nodes, self.labels)

    def to_dict(self) -> dict[str, Any]:
        """Exactly the JSON that `sco-compare diff --format json` prints for three or more."""
        sources = []
        for document in self.documents:
            label, coverage = document.label, self.coverage(document.label)
            record = source_record(document, self.statuses(label))
            for sentence, found in zip(record["sentences"], self.found_in(label), strict=True):
                sentence["found_in"] = found
            record["coverage"]["by_source"] = {
                other: _ratios(*self.carried(label, other), coverage.content)
                for other in self.labels
                if other != label
            }
            sources.append(record)
        alignments = [
            {
                "sources": [pair.first, pair.second],
                "sentences": {pair.first: list(alignment.a), pair.second: list(alignment.b)},
                **json_ready(alignment),
                "score": round(alignment.score, SCORE_DIGITS),
            }
            for pair in self.pairs
            for alignment in pair.alignments
        ]
        return {
            "version": self.version,
            "settings": self.settings.to_dict(),
            "sources": sources,
            "alignments": alignments,
        }
