"""The claims report in the terminal: counts, what one source alone quotes or names, partly
reported claims, conflicting figures; each claim's status in words as well as in color."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from sco_compare.models import Claim, ClaimsReport
from sco_compare.render.terminal import (
    CLAIM_STYLES,
    boilerplate_list,
    section,
    signature,
)
from sco_compare.render.text import CLAIMS_SECTIONS, inert


def _claims_table(claims: Sequence[Claim], *, with_speaker: bool = True) -> Table:
    """Claims with their ids in a hanging-indent grid, their status in words and in color."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True)
    table.add_column()
    for claim in claims:
        text = Text(inert(claim.text))
        if with_speaker and claim.attributed_to:
            text.append(f"  ({inert(claim.attributed_to)})", style="dim")
        text.append(f"  [{claim.status}]", style=CLAIM_STYLES[claim.status])  # (also without color)
        table.add_row(Text(claim.id, style=CLAIM_STYLES[claim.status]), text)
    return table


def claims_report(
    report: ClaimsReport,
    *,
    verbose: bool = False,
    only: str | None = None,
    sections: Collection[str] = CLAIMS_SECTIONS,
) -> list[RenderableType]:
    """Everything `sco-compare claims` shows (of `sections`): the counts, one-source groups,
    unique, partial, conflicts, boilerplate; with `only`, each source's claims of that status."""
    parts: list[RenderableType] = []
    document_a, document_b = report.comparison.documents
    counts = Table(title="Claims", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("source", "claims", "shared", "partial", "unique"):
        counts.add_column(column, justify="left" if column == "source" else "right")
    for document in (document_a, document_b):
        count = report.counts(document.label)
        counts.add_row(
            Text(f"{document.label} {inert(document.name)}"),
            str(count["claims"]),
            *(Text(str(count[s]), style=CLAIM_STYLES[s]) for s in ("shared", "partial", "unique")),
        )
    if "summary" in sections:
        parts.append(counts)
    if only:  # --only STATUS: the claims of each source with that status
        for document in (document_a, document_b):
            chosen = [c for c in report.claims_of(document.label) if c.status == only]
            parts.append(section(f"{only.capitalize()} claims of {document.label}"))
            parts.append(_claims_table(chosen) if chosen else Text("(none)", style="dim"))
        return [*parts, signature(report.comparison.settings)] if verbose else parts
    if "speakers" in sections:
        parts.append(section("Speakers only one source quotes"))
        for group in report.groups_of("speaker"):
            parts.append(Text(inert(group.summary), style="bold"))
            claims = [report.claim(i) for i in group.claims]
            parts.append(_claims_table(claims, with_speaker=False))
        if not report.groups_of("speaker"):
            parts.append(Text("(none)", style="dim"))
    if "names" in sections:
        parts.append(section("Names only one source mentions"))
        for group in report.groups_of("entity"):
            line = Text(f"  {inert(group.name)}", style="bold")
            line.append(f": only in {group.source.upper()} ({', '.join(group.claims)})")
            parts.append(line)
        if not report.groups_of("entity"):
            parts.append(Text("(none)", style="dim"))
    if "unique" in sections:
        parts.append(section("Other claims only one source carries"))
        parts += _by_source(report, report.other_unique(), _claims_table)
    if "partial" in sections:
        parts.append(_partial_claims(report))
    if "conflicts" in sections:
        parts.append(_conflicts(report))
    if "boilerplate" in sections:
        parts.append(boilerplate_list(report.comparison))
    if verbose:
        parts.append(signature(report.comparison.settings))
    return parts


def _by_source(
    report: ClaimsReport,
    claims: Sequence[Claim],
    shown: Callable[[Sequence[Claim]], RenderableType],
) -> list[RenderableType]:
    """The claims of A, then those of B, each source under its name ("(none)" for none)."""
    if not claims:
        return [Text("(none)", style="dim")]
    parts: list[RenderableType] = []
    for document in report.comparison.documents:
        mine = [c for c in claims if c.source == document.label.lower()]
        if mine:
            parts += [Text(f"{document.label} ({inert(document.name)})", style="bold"), shown(mine)]
    return parts


def _partial_claims(report: ClaimsReport) -> RenderableType:
    """Each partly reported claim, with its closest counterpart and what that one lacks."""
    return Group(
        section("Partly reported claims"), *_by_source(report, report.partial(), _partial_table)
    )


def _partial_table(partial: Sequence[Claim]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True, style="yellow")
    table.add_column()
    for claim in partial:
        assert claim.counterpart is not None
        text = Text(inert(claim.text) + "\n")
        text.append(f"closest: {claim.counterpart.claim_id} ", style="dim")
        text.append(f"“{inert(claim.counterpart.text)}”", style="italic")
        if claim.missing_terms:
            text.append(f"; missing: {inert(', '.join(claim.missing_terms))}", style="dim")
        for note in claim.notes:
            text.append(f"; {inert(note)}", style="yellow")
        table.add_row(claim.id, text)
    return table


def _conflicts(report: ClaimsReport) -> RenderableType:
    """The numbers and dates two aligned claims give differently."""
    lines = [
        Text(
            f"  {conflict.a} ↔ {conflict.b}  {conflict.kind}: "
            f"{inert(', '.join(conflict.a_values))} vs {inert(', '.join(conflict.b_values))}",
            style="bold red",
        )
        for conflict in report.conflicts
    ]
    return Group(
        section("Conflicting numbers and dates"), *(lines or [Text("(none)", style="dim")])
    )
