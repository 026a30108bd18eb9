"""The HTML report's summaries: coverage, what only one source says, and for `claims` the
speakers, names and claims only some sources have, each linked to its sentence."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from sco_compare.claims.many import ClaimsCollation
from sco_compare.collation import Collation
from sco_compare.models import Claim, ClaimsReport, Comparison, Status
from sco_compare.render.many import (
    CLAIM_COUNTS,
    MARKS,
    Items,
    Section,
    Table,
    claims_sections,
    coverage_table,
    diff_sections,
)
from sco_compare.render.text import inert

STATUS_NAMES: dict[Status, str] = {
    "covered": "covered: another source carries it",
    "partial": "partial: another source carries part of it",
    "unique": "unique: only this source says it",
    "boilerplate": "boilerplate: site chrome, not compared",
}
_NUMERIC = ' class="n"'
_ID = re.compile(r"\b[A-L]\d+(?:\.\d+)?\b")


def escape(text: str) -> str:
    """Text as inert HTML: controls neutralised, then <, >, &, and both quotes escaped."""
    return html.escape(inert(text), quote=True)


def link(item_id: str) -> str:
    """A sentence id, or a claim id, linked to its sentence in the texts."""
    return f'<a href="#{item_id.split(".")[0]}">{item_id}</a>'


def _linked(ids: str) -> str:
    """Escaped text whose sentence and claim ids ("A3 B5", "A1 ↔ B1") are links."""
    return _ID.sub(lambda m: link(m.group()), escape(ids))


def _list(items: Sequence[str]) -> list[str]:
    return ["<ul>", *items, "</ul>"] if items else ["<p>(none)</p>"]


def _table(table: Table, *, caption: str | None = None) -> list[str]:
    head = "".join(
        f'<th scope="col"{_NUMERIC * numeric}>{escape(title)}</th>'
        for title, numeric in zip(table.header, table.numeric, strict=True)
    )
    rows = []
    for row in table.rows:
        cells = []
        for k, (cell, numeric) in enumerate(zip(row, table.numeric, strict=True)):
            if k == 0:  # (a row's ids are links; a source's name is not, "C2.txt" neither)
                shown = _linked(cell) if table.header[0] == "ids" else escape(cell)
                cells.append(f'<th scope="row">{shown}</th>')
            elif cell in MARKS.values():
                cells.append(f'<td class="mark">{cell}</td>')
            else:
                cells.append(f'<td{_NUMERIC * numeric} dir="auto">{escape(cell)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    title = f'<caption class="vh">{escape(caption)}</caption>' if caption else ""
    return ['<div class="wrap"><table>' + title, f"<tr>{head}</tr>", *rows, "</table></div>"]


def _sections(sections: Sequence[Section]) -> list[str]:
    lines = []
    for part in sections:
        if part.title != "Coverage":  # (the summary's own heading already says so)
            lines.append(f"<h3>{escape(part.title)}</h3>")
        for block in part.blocks:
            if isinstance(block, Table):
                lines += _table(block, caption=part.title)
            elif isinstance(block, Items):
                lines += _list(
                    [f"<li>{_linked(i)} <bdi>{escape(t)}</bdi></li>" for i, t in block.items]
                )
            else:
                lines.append(f"<p>{escape(block)}</p>")
    return lines


def diff_summary(comparison: Comparison) -> list[str]:
    """The counts, and what only A and only B say."""
    lines = _table(coverage_table(comparison), caption="Coverage")
    for document in comparison.documents:
        statuses = comparison.statuses(document.label)
        lines.append(f"<h3>Only in {document.label} (<bdi>{escape(document.name)}</bdi>)</h3>")
        lines += _list(
            [
                f"<li>{link(s.id)} <bdi>{escape(s.text)}</bdi></li>"
                for s in document.sentences
                if statuses[s.index] == "unique"
            ]
        )
    return lines


def _claim(claim: Claim) -> str:
    speaker = f" ({escape(claim.attributed_to)})" if claim.attributed_to else ""
    return f"<li>{link(claim.id)} <bdi>{escape(claim.text)}</bdi>{speaker}</li>"


def claims_summary(report: ClaimsReport) -> list[str]:
    """The counts; the speakers, names and claims only one source has; the partly reported
    claims and what their counterpart lacks; and the conflicting figures."""
    comparison = report.comparison
    lines = _table(coverage_table(comparison), caption="Coverage")
    counts = tuple(
        (f"{d.label} {d.name}", *(str(report.counts(d.label)[k]) for k in CLAIM_COUNTS))
        for d in comparison.documents
    )
    lines += _table(
        Table(("source", *CLAIM_COUNTS), counts, (False, *[True] * 4)), caption="Claims"
    )
    lines.append("<h3>Speakers only one source quotes</h3>")
    speakers = report.groups_of("speaker")
    for group in speakers:
        lines += [f"<h4>{escape(group.summary)}</h4>"]
        lines += _list([_claim(report.claim(i)) for i in group.claims])
    lines += [] if speakers else ["<p>(none)</p>"]
    lines.append("<h3>Names only one source mentions</h3>")
    lines += _list(
        [
            f"<li><b>{escape(g.name)}</b>: only in {g.source.upper()}"
            f" ({', '.join(map(link, g.claims))})</li>"
            for g in report.groups_of("entity")
        ]
    )
    for document in comparison.documents:
        unique = [c for c in report.other_unique() if c.source == document.label.lower()]
        lines.append(f"<h3>Other claims only {document.label} carries</h3>")
        lines += _list([_claim(c) for c in unique])
    lines.append("<h3>Partly reported claims</h3>")
    partial = []
    for claim in report.partial():
        assert claim.counterpart is not None
        missing = f"; missing: {escape(', '.join(claim.missing_terms))}" * bool(claim.missing_terms)
        notes = f"; {escape('; '.join(claim.notes))}" * bool(claim.notes)
        partial.append(
            f"<li>{link(claim.id)} <bdi>{escape(claim.text)}</bdi> — closest:"
            f" {link(claim.counterpart.claim_id)} <bdi>{escape(claim.counterpart.text)}</bdi>"
            f"{missing}{notes}</li>"
        )
    lines += _list(partial)
    return [*lines, *_conflicts(report)]


def _conflicts(report: ClaimsReport | ClaimsCollation) -> list[str]:
    return ["<h3>Conflicting numbers and dates</h3>"] + _list(
        [
            f"<li>{link(c.a)} ↔ {link(c.b)}, {escape(c.kind)}: {escape(', '.join(c.a_values))}"
            f" vs {escape(', '.join(c.b_values))}</li>"
            for c in report.conflicts
        ]
    )


def diff_summary_many(collation: Collation) -> list[str]:
    """Coverage and its matrix, what every source says, and what only each one says."""
    return _sections(diff_sections(collation, sections=("summary", "common", "unique")))


def claims_summary_many(report: ClaimsCollation) -> list[str]:
    """The counts, coverage and its matrix, the claims every source makes, the speakers only
    some quote, each source's unique claims, the partly carried ones, the conflicting figures."""
    chosen = ("summary", "common", "speakers", "unique", "partial", "conflicts")
    return _sections(claims_sections(report, sections=chosen))


def presence_section(report: Collation | ClaimsCollation) -> list[str]:
    """The table of where each sentence (or claim) is found, after the texts."""
    if isinstance(report, Collation):
        chosen = diff_sections(report, sections=("presence",))
    else:
        chosen = claims_sections(report, sections=("presence",))
    (presence,) = chosen
    tables = [line for b in presence.blocks if isinstance(b, Table) for line in _table(b)]
    return [
        '<section id="presence" aria-labelledby="presence-title">',
        f'<h2 id="presence-title">{escape(presence.title)}</h2>',
        *tables,
        "</section>",
    ]
