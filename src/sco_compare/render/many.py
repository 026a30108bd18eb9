"""The report of three or more sources, as sections of tables and lists that the terminal and
Markdown renderers each lay out: coverage and its matrix, the common core, what only one source
says, and where each sentence or claim is found."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sco_compare.claims.many import ClaimsCollation
from sco_compare.collation import Collation, Row
from sco_compare.models import Claim, Comparison
from sco_compare.render.text import MANY_CLAIMS_SECTIONS, MANY_DIFF_SECTIONS, percent

CLAIM_COUNTS = ("claims", "shared", "partial", "unique")
MARKS = {"covered": "✓", "partial": "~", None: "·"}
"""A presence table's cells: the source says it, says part of it, or does not."""


@dataclass(frozen=True)
class Table:
    """Rows of cells under a header; `numeric` columns are right-aligned."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]


@dataclass(frozen=True)
class Items:
    """A list of (ids, text) items, or a note when it is empty."""

    items: tuple[tuple[str, str], ...]
    empty: str = "(none)"


@dataclass(frozen=True)
class Section:
    name: str
    """What --sections calls it."""
    title: str
    blocks: list[Table | Items | str] = field(default_factory=list)


def _name(collation: Collation | Comparison, label: str) -> str:
    return f"{label} {collation.document(label).name}"


def _titled(collation: Collation, label: str) -> str:
    return f"{label} ({collation.document(label).name})"


def coverage_table(collation: Collation | Comparison) -> Table:
    """Per source: its sentences by status, and the shares others carry in full and in part."""
    rows = []
    for document in collation.documents:
        c = collation.coverage(document.label)
        rows.append(
            (
                _name(collation, document.label),
                *(str(n) for n in (c.sentences, c.covered, c.partial, c.unique, c.boilerplate)),
                percent(c.covered_ratio),
                percent(c.reported_ratio),
            )
        )
    header = ("source", "sent.", "cov.", "part.", "uniq.", "boil.", "covered %", "reported %")
    return Table(header, tuple(rows), (False, *[True] * 7))


def matrix_table(collation: Collation) -> Table:
    """Each row source's content sentences that each column source carries, in full or in part."""
    labels = collation.labels
    rows = []
    for label in labels:
        content = collation.coverage(label).content
        cells = []
        for other in labels:
            covered, partial = collation.carried(label, other) if other != label else (0, 0)
            share = (covered + partial) / content if content else 0.0
            cells.append("—" if other == label else percent(share))
        rows.append((label, *cells))
    return Table(("", *labels), tuple(rows), (False, *[True] * len(labels)))


def presence_table(rows: Sequence[Row], labels: Sequence[str], texts: dict[str, str]) -> Table:
    """One line per row: its ids, a mark per source, and the text of its first sentence or claim."""
    lines = tuple(
        (
            " ".join(node_id for _, node_id in row.members),
            *(MARKS[row.mark(label)] for label in labels),
            texts[row.members[0][1]],
        )
        for row in rows
    )
    return Table(("ids", *labels, "text"), lines, (False, *[False] * len(labels), False))


def _common(rows: Sequence[Row], labels: Sequence[str], texts: dict[str, str]) -> Section:
    """The rows every source carries: those all carry in full, then those some carry only in
    part (a weaker sign: a part may be a few shared words)."""
    common = [row for row in rows if len(row.marks) == len(labels)]
    in_full = [row for row in common if all(mark == "covered" for _, mark in row.marks)]
    in_part = [row for row in common if row not in in_full]
    blocks: list[Table | Items | str] = [
        presence_table(in_full, labels, texts) if in_full else Items((), "(none in full)")
    ]
    if in_part:
        blocks += ["Some of them only in part (~):", presence_table(in_part, labels, texts)]
    return Section(
        "common", "In every source (✓ in full, ~ in part)", blocks if common else [Items(())]
    )


def diff_summary(collation: Collation) -> list[Table | Items | str]:
    """The coverage of each source, and the matrix of what each carries of the others."""
    return [
        coverage_table(collation),
        "How much of each row's content sentences the column carries, in full or in part:",
        matrix_table(collation),
    ]


def _boilerplate(collation: Collation) -> Section:
    items = tuple(
        (s.id, s.text)
        for d in collation.documents
        for s, status in zip(d.sentences, collation.statuses(d.label), strict=True)
        if status == "boilerplate"
    )
    return Section("boilerplate", "Set aside as boilerplate", [Items(items)])


def _chosen(sections: list[Section], names: Collection[str]) -> list[Section]:
    return [s for s in sections if s.name in names]


def diff_sections(
    collation: Collation, *, only: str | None = None, sections: Collection[str] = MANY_DIFF_SECTIONS
) -> list[Section]:
    """The diff report of three or more sources (with `only`, the summary and each source's
    sentences of that status)."""
    summary = Section("summary", "Coverage", diff_summary(collation))
    status = only or "unique"
    heading = "Only in" if status == "unique" else f"{status.capitalize()} in"
    lists = [
        Section(
            "unique",
            f"{heading} {_titled(collation, d.label)}",
            [
                Items(
                    tuple(
                        (s.id, s.text)
                        for s, found in zip(d.sentences, collation.statuses(d.label), strict=True)
                        if found == status
                    )
                )
            ],
        )
        for d in collation.documents
    ]
    if only:
        return _chosen([summary, *lists], {"unique", *({"summary"} & set(sections))})
    texts = {s.id: s.text for d in collation.documents for s in d.sentences}
    presence = Section(
        "presence",
        "Where each sentence is found (✓ the source says it, ~ part of it, · not)",
        [presence_table(collation.rows, collation.labels, texts)],
    )
    everywhere = _common(collation.rows, collation.labels, texts)
    return _chosen([summary, everywhere, *lists, presence, _boilerplate(collation)], sections)


def _partly(claim: Claim) -> str:
    """A partly carried claim, its closest counterpart, and what that one lacks."""
    assert claim.counterpart is not None
    notes = ["missing: " + ", ".join(claim.missing_terms)] * bool(claim.missing_terms)
    closest = f"closest: {claim.counterpart.claim_id} {claim.counterpart.text}"
    return "; ".join([f"{claim.text} — {closest}", *notes, *claim.notes])


def _claim_text(claim: Claim) -> str:
    return f"{claim.text} ({claim.attributed_to})" if claim.attributed_to else claim.text


def claims_sections(
    report: ClaimsCollation,
    *,
    only: str | None = None,
    sections: Collection[str] = MANY_CLAIMS_SECTIONS,
) -> list[Section]:
    """The claims report of three or more sources (with `only`, the counts and each source's
    claims of that status)."""
    collation = report.collation
    counts = tuple(
        (_name(collation, label), *(str(report.counts(label)[k]) for k in CLAIM_COUNTS))
        for label in collation.labels
    )
    header = ("source", *CLAIM_COUNTS)
    summary = Section(
        "summary",
        "Claims",
        [
            Table(header, counts, (False, *[True] * len(CLAIM_COUNTS))),
            "The sentences of each source, by status:",
            *diff_summary(collation),
        ],
    )
    status = only or "unique"
    lists = [
        Section(
            "unique",
            f"{status.capitalize()} claims of {_titled(collation, label)}",
            [
                Items(
                    tuple(
                        (c.id, _claim_text(c))
                        for c in report.claims_of(label)
                        if c.status == status
                    )
                )
            ],
        )
        for label in collation.labels
    ]
    if only:
        return _chosen([summary, *lists], {"unique", *({"summary"} & set(sections))})
    texts = {c.id: _claim_text(c) for c in report.claims}
    speakers = Section(
        "speakers",
        "Speakers only some sources quote",
        [Items(tuple((", ".join(s.claims), s.summary(collation.labels)) for s in report.speakers))],
    )
    conflicts = Section(
        "conflicts",
        "Conflicting numbers and dates",
        [
            Items(
                tuple(
                    (
                        f"{c.a} ↔ {c.b}",
                        f"{c.kind}: {', '.join(c.a_values)} vs {', '.join(c.b_values)}",
                    )
                    for c in report.conflicts
                )
            )
        ],
    )
    partial = Section(
        "partial",
        "Partly carried claims (the closest claim of the source that carries it best)",
        [Items(tuple((c.id, _partly(c)) for c in report.claims if c.status == "partial"))],
    )
    presence = Section(
        "presence",
        "Where each claim is found (✓ the source makes it, ~ part of it, · not)",
        [presence_table(report.rows, collation.labels, texts)],
    )
    everywhere = _common(report.rows, collation.labels, texts)
    return _chosen(
        [
            summary,
            everywhere,
            speakers,
            *lists,
            partial,
            presence,
            conflicts,
            _boilerplate(collation),
        ],
        sections,
    )
