"""The Markdown report: a document a person would send. Report text is escaped, never raw."""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Sequence

from sco_compare.models import Claim, ClaimsReport, Comparison, Document
from sco_compare.render.text import (
    CLAIMS_SECTIONS,
    DIFF_SECTIONS,
    DiffPiece,
    group_text,
    inert,
    percent,
    sentence_ids,
    word_diff,
)
from sco_compare.settings import Settings

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#!])")
# What renderers turn into links without any markup (GitHub's autolinks: "https://...", "www.",
# an e-mail address): a scheme's colon and the "w" that opens "www." are written as entities,
# and an address's "@" follows an empty HTML comment (GitHub reads entities before it looks for
# addresses, but no address spans a comment).
_AUTOLINKED = re.compile(
    r"(?<=\w):(?=//)|(?<![A-Za-z0-9])w(?=ww\.)|(?<=[\w.+-])@(?=[\w-])", re.IGNORECASE
)


def _unlinked(match: re.Match[str]) -> str:
    character = match.group()
    return "<!-- -->@" if character == "@" else f"&#{ord(character)};"


def escape(text: str) -> str:
    """Text that renders as itself, never as markup or a link: HTML escaped, Markdown specials
    and pipes backslashed, addresses kept from being linked."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(inert(text), quote=False))
    return _AUTOLINKED.sub(_unlinked, text)


def code(text: str) -> str:
    """An inline code span: shown verbatim, so nothing inside is escaped but the fence fits."""
    text = inert(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _diff_cell(pieces: list[DiffPiece]) -> str:
    """Common words plain; words only on this side struck through (A) or bold (B)."""
    out = []
    for piece in pieces:
        text = escape(piece.text)
        out.append({"only_a": f"~~{text}~~", "only_b": f"**{text}**"}.get(piece.op, text))
    return " ".join(out)


def sources_section(documents: Sequence[Document]) -> list[str]:
    """The Sources table: label, name and sha256 of each input."""
    lines = ["## Sources", "", "| | source | sha256 |", "|---|---|---|"]
    for document in documents:
        lines.append(f"| {document.label} | {escape(document.name)} | `{document.sha256}` |")
    return [*lines, ""]


def boilerplate_section(comparison: Comparison) -> list[str]:
    """The sentences set aside as site chrome, last, so that nothing is left out unseen."""
    lines = ["## Set aside as boilerplate", ""]
    items = [
        f"- **{s.id}** {escape(s.text)}"
        for document in comparison.documents
        for s in document.sentences
        if comparison.statuses(document.label)[s.index] == "boilerplate"
    ]
    return [*lines, *(items or ["(none)"]), ""]


def settings_section(settings: Settings) -> list[str]:
    """The settings signature, so a reader can reproduce the report."""
    return ["## Settings", "", code(settings.signature()), ""]


def render_diff(
    comparison: Comparison, *, only: str | None = None, sections: Collection[str] = DIFF_SECTIONS
) -> str:
    """The diff report as Markdown: the summary, what only one source says, the aligned pairs
    (with `only`, the summary and the sentences of each source with that status)."""
    document_a, document_b = comparison.documents
    lines = [
        f"# Comparison: {escape(document_a.name)} and {escape(document_b.name)}",
        "",
        *sources_section(comparison.documents),
        "## Coverage",
        "",
        "| source | sentences | covered | partial | unique | boilerplate | covered %"
        " | reported % |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for document in comparison.documents:
        c = comparison.coverage(document.label)
        lines.append(
            f"| {document.label} {escape(document.name)} | {c.sentences} | {c.covered}"
            f" | {c.partial} | {c.unique} | {c.boilerplate} | {percent(c.covered_ratio)}"
            f" | {percent(c.reported_ratio)} |"
        )
    status = only or "unique"
    heading = "Only in" if status == "unique" else f"{status.capitalize()} in"
    for document in comparison.documents:
        statuses = comparison.statuses(document.label)
        lines += ["", f"## {heading} {document.label} ({escape(document.name)})", ""]
        chosen = [s for s in document.sentences if statuses[s.index] == status]
        lines += [f"- **{s.id}** {escape(s.text)}" for s in chosen] or ["(none)"]
    if only:  # (--sections picks the summary only: --only says what follows it)
        kept = {"unique", *({"summary"} & set(sections))}
        return _chosen("\n".join([*lines, "", *settings_section(comparison.settings)]), kept)
    lines += ["", "## Aligned sentences", ""]
    if comparison.alignments:
        lines += [
            "Words only in A are ~~struck through~~; words only in B are **bold**.",
            "",
            "| A | B | kind | score | A text | B text |",
            "|---|---|---|---:|---|---|",
        ]
        for alignment in comparison.alignments:
            pieces_a, pieces_b = word_diff(
                group_text(document_a, alignment.a), group_text(document_b, alignment.b)
            )
            lines.append(
                f"| {sentence_ids(document_a, alignment.a)}"
                f" | {sentence_ids(document_b, alignment.b)}"
                f" | {alignment.kind} | {alignment.score:.2f}"
                f" | {_diff_cell(pieces_a)} | {_diff_cell(pieces_b)} |"
            )
    else:
        lines.append("No sentence of one source reports the content of a sentence of the other.")
    lines.append("")
    lines += boilerplate_section(comparison)
    return _chosen("\n".join([*lines, *settings_section(comparison.settings)]), sections)


def _by_source(report: ClaimsReport, claims: Sequence[Claim]) -> list[tuple[Document, list[Claim]]]:
    """Each source that has some of the claims, with them: A's, then B's."""
    groups = [
        (d, [c for c in claims if c.source == d.label.lower()]) for d in report.comparison.documents
    ]
    return [(document, mine) for document, mine in groups if mine]


def _claim_item(claim: Claim) -> str:
    speaker = f" ({escape(claim.attributed_to)})" if claim.attributed_to else ""
    return f"- **{claim.id}** {escape(claim.text)}{speaker}"


def render_claims(
    report: ClaimsReport, *, only: str | None = None, sections: Collection[str] = CLAIMS_SECTIONS
) -> str:
    """The claims report as Markdown (with `only`, the counts and the claims of each source
    with that status)."""
    document_a, document_b = report.comparison.documents
    lines = [
        f"# Claims: {escape(document_a.name)} and {escape(document_b.name)}",
        "",
        *sources_section(report.comparison.documents),
        "## Claims",
        "",
        "| source | claims | shared | partial | unique |",
        "|---|---:|---:|---:|---:|",
    ]
    for document in (document_a, document_b):
        count = report.counts(document.label)
        lines.append(
            f"| {document.label} {escape(document.name)} | {count['claims']}"
            f" | {count['shared']} | {count['partial']} | {count['unique']} |"
        )
    if only:
        for document in (document_a, document_b):
            chosen = [c for c in report.claims_of(document.label) if c.status == only]
            lines += ["", f"## {only.capitalize()} claims of {document.label}", ""]
            lines += [_claim_item(c) for c in chosen] or ["(none)"]
        kept = {"summary"} & set(sections)
        return _chosen("\n".join([*lines, "", *settings_section(report.comparison.settings)]), kept)
    lines += ["", "## Speakers only one source quotes", ""]
    for group in report.groups_of("speaker"):
        lines += [f"### {escape(group.summary)}", ""]
        lines += [_claim_item(report.claim(i)) for i in group.claims]
        lines.append("")
    if not report.groups_of("speaker"):
        lines += ["(none)", ""]
    lines += ["## Names only one source mentions", ""]
    lines += [
        f"- **{escape(g.name)}**: only in {g.source.upper()} ({', '.join(g.claims)})"
        for g in report.groups_of("entity")
    ] or ["(none)"]
    lines += ["", "## Other claims only one source carries", ""]
    unique = _by_source(report, report.other_unique())
    for document, claims in unique:
        lines += [f"### {document.label} ({escape(document.name)})", ""]
        lines += [*(_claim_item(c) for c in claims), ""]
    if not unique:
        lines += ["(none)", ""]
    lines += ["## Partly reported claims", ""]
    partial = _by_source(report, report.partial())
    for document, claims in partial:
        lines += [f"### {document.label} ({escape(document.name)})", ""]
        lines += ["| claim | text | closest | missing | notes |", "|---|---|---|---|---|"]
        for claim in claims:
            assert claim.counterpart is not None
            lines.append(
                f"| {claim.id} | {escape(claim.text)}"
                f" | **{claim.counterpart.claim_id}** {escape(claim.counterpart.text)}"
                f" | {escape(', '.join(claim.missing_terms))} | {escape('; '.join(claim.notes))} |"
            )
        lines.append("")
    if not partial:
        lines += ["(none)", ""]
    lines.pop()  # (the blank line that closes the section is added below)
    lines += ["", "## Conflicting numbers and dates", ""]
    lines += [
        f"- {c.a} ↔ {c.b}, {c.kind}: {escape(', '.join(c.a_values))}"
        f" vs {escape(', '.join(c.b_values))}"
        for c in report.conflicts
    ] or ["(none)"]
    lines.append("")
    lines += boilerplate_section(report.comparison)
    return _chosen("\n".join([*lines, *settings_section(report.comparison.settings)]), sections)


_SECTIONS = {
    "## Coverage": "summary",
    "## Claims": "summary",
    "## Only in": "unique",
    "## Aligned sentences": "aligned",
    "## Speakers only": "speakers",
    "## Names only": "names",
    "## Other claims": "unique",
    "## Partly reported": "partial",
    "## Conflicting": "conflicts",
    "## Set aside": "boilerplate",
}
"""Each report section's heading, and the name --sections gives it. (Report text cannot open a
heading: escape() writes a "#" as "\\#".)"""


def _chosen(report: str, sections: Collection[str]) -> str:
    """The report with only the chosen sections (the title, sources and settings always)."""
    parts = re.split(r"(?m)^(?=## )", report)
    return "".join(
        part
        for part in parts
        if next((name for h, name in _SECTIONS.items() if part.startswith(h)), None)
        in (None, *sections)
    )
