"""The HTML report: one self-contained page with the sources side by side. Report text is always
escaped; the page's only script and style are its own, pinned by hash in its security policy."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

from sco_compare.models import Claim, ClaimsReport, Comparison, Document, Status
from sco_compare.render.text import DiffPiece, group_text, inert, percent, sentence_ids, word_diff

STATUS_NAMES: dict[Status, str] = {
    "covered": "covered: the other source carries it",
    "partial": "partial: the other source carries part of it",
    "unique": "unique: only this source says it",
    "boilerplate": "boilerplate: site chrome, not compared",
}
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def escape(text: str) -> str:
    """Text as inert HTML: controls neutralised, then <, >, &, and both quotes escaped."""
    return html.escape(inert(text), quote=True)


@cache
def _asset(name: str) -> str:
    return (resources.files("sco_compare.render") / "assets" / name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(style: str, script: str) -> str:
    """Nothing may load or run but this style and this script (by their sha256)."""
    return (
        f"default-src 'none'; style-src 'sha256-{_digest(style)}';"
        f" script-src 'sha256-{_digest(script)}'; img-src 'none'; base-uri 'none';"
        " form-action 'none'"
    )


def _page(title: str, body: Iterable[str]) -> str:
    style, script = _asset("report.css"), _asset("report.js")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta http-equiv="Content-Security-Policy"'
            f' content="{content_security_policy(style, script)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            *body,
            f"<script>{script}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _link(sentence_id: str) -> str:
    return f'<a href="#{sentence_id}">{sentence_id}</a>'


def _sources_table(comparison: Comparison) -> list[str]:
    rows = [
        f'<tr><th scope="row">{d.label}</th><td>{escape(d.name)}</td>'
        f'<td class="n">{len(d.sentences)}</td><td><code>{d.sha256}</code></td></tr>'
        for d in comparison.documents
    ]
    return [
        '<div class="wrap"><table><caption class="vh">Sources</caption>',
        '<tr><th>source</th><th>name</th><th class="n">sentences</th><th>sha256</th></tr>',
        *rows,
        "</table></div>",
    ]


def coverage_chart(comparison: Comparison) -> str:
    """An SVG bar per source (its sentences by status, as shares of the whole), and a key."""
    width, bar_x, bar_width, row = 760, 40, 540, 34
    documents = comparison.documents
    key_y = 6 + row * len(documents) + 12
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 {width}'
        f' {key_y + 10}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Sentences of each source by status</title>',
    ]
    for k, document in enumerate(documents):
        coverage = comparison.coverage(document.label)
        y = 6 + k * row
        parts.append(f'<text x="0" y="{y + 17}">{document.label}</text>')
        x = float(bar_x)
        for status in STATUS_NAMES:
            count = getattr(coverage, status)
            share = count / coverage.sentences if coverage.sentences else 0.0
            if count:
                parts.append(
                    f'<rect class="{status}" x="{x:.1f}" y="{y}" width="{share * bar_width:.1f}"'
                    f' height="22"><title>{document.label}: {count} {status}</title></rect>'
                )
            x += share * bar_width
        parts.append(
            f'<text x="{bar_x + bar_width + 10}" y="{y + 17}">'
            f"{percent(coverage.reported_ratio)} reported</text>"
        )
    for k, status in enumerate(STATUS_NAMES):
        x = bar_x + k * 150
        parts.append(
            f'<rect class="{status}" x="{x}" y="{key_y - 10}" width="12" height="12"></rect>'
            f'<text x="{x + 18}" y="{key_y}">{status}</text>'
        )
    return "\n".join([*parts, "</svg>"])


def _coverage_table(comparison: Comparison) -> list[str]:
    head = "".join(f'<th class="n">{h}</th>' for h in ("sentences", *STATUS_NAMES))
    rows = []
    for document in comparison.documents:
        c = comparison.coverage(document.label)
        cells = [c.sentences, c.covered, c.partial, c.unique, c.boilerplate]
        rows.append(
            f'<tr><th scope="row">{document.label}</th>'
            + "".join(f'<td class="n">{n}</td>' for n in cells)
            + f'<td class="n">{percent(c.covered_ratio)}</td>'
            f'<td class="n">{percent(c.reported_ratio)}</td></tr>'
        )
    return [
        '<div class="wrap"><table>',
        f'<tr><th>source</th>{head}<th class="n">covered %</th><th class="n">reported %</th></tr>',
        *rows,
        "</table></div>",
    ]


def _only_lists(comparison: Comparison) -> list[str]:
    lines = []
    for document in comparison.documents:
        statuses = comparison.statuses(document.label)
        unique = [s for s in document.sentences if statuses[s.index] == "unique"]
        lines.append(f"<h3>Only in {document.label} ({escape(document.name)})</h3>")
        items = [f"<li>{_link(s.id)} {escape(s.text)}</li>" for s in unique]
        lines += ["<ul>", *items, "</ul>"] if items else ["<p>(none)</p>"]
    return lines


def _partners(comparison: Comparison) -> dict[str, tuple[list[str], list[str]]]:
    """Each aligned sentence's id: the ids of its counterparts, and its pairs' element ids (a
    sentence may be in more than one pair)."""
    document_a, document_b = comparison.documents
    found: dict[str, tuple[list[str], list[str]]] = {}
    for k, alignment in enumerate(comparison.alignments):
        ids_a = [document_a.sentences[i].id for i in alignment.a]
        ids_b = [document_b.sentences[i].id for i in alignment.b]
        for mine, theirs in ((ids_a, ids_b), (ids_b, ids_a)):
            for sentence_id in mine:
                others, pairs = found.setdefault(sentence_id, ([], []))
                others += [t for t in theirs if t not in others]
                pairs.append(f"p{k + 1}")
    return found


def _column(comparison: Comparison, document: Document) -> list[str]:
    """One source's whole text in reading order, each sentence tinted and labelled."""
    statuses = comparison.statuses(document.label)
    partners = _partners(comparison)
    paragraphs: list[list[str]] = [[]]
    end = 0
    for sentence in document.sentences:
        if paragraphs[-1] and _PARAGRAPH_BREAK.search(document.text, end, sentence.start):
            paragraphs.append([])
        end = sentence.end
        status = statuses[sentence.index]
        sid = sentence.id
        if sid in partners:
            others, pairs = partners[sid]
            label = (
                f'<a class="sid" href="#{pairs[0]}" aria-label="{sid}, {status},'
                f' also in {", ".join(others)}">{sid}</a>'
            )
            data = f' data-with="{" ".join(others)}" data-pairs="{" ".join(pairs)}"'
        else:
            label = f'<span class="sid" title="{STATUS_NAMES[status]}">{sid}</span>'
            data = ""
        paragraphs[-1].append(
            f'<span class="s {status}" id="{sid}" data-status="{status}"{data}>{label}'
            f"{escape(sentence.text)}</span>"
        )
    return [
        f'<article class="source" aria-labelledby="h-{document.label}">',
        f'<h3 id="h-{document.label}">{document.label} · {escape(document.name)}</h3>',
        f'<div class="body" tabindex="0" role="region" aria-label="text of {document.label}">',
        *(f"<p>{' '.join(p)}</p>" for p in paragraphs if p),
        "</div>",
        "</article>",
    ]


def _diff(pieces: Sequence[DiffPiece]) -> str:
    tags = {"only_a": "del", "only_b": "ins"}
    return " ".join(
        f"<{tags[p.op]}>{escape(p.text)}</{tags[p.op]}>" if p.op in tags else escape(p.text)
        for p in pieces
    )


def _pairs(comparison: Comparison) -> list[str]:
    document_a, document_b = comparison.documents
    lines = [
        '<section id="pairs" aria-labelledby="pairs-title">',
        '<h2 id="pairs-title">Aligned sentences</h2>',
        "<p>Open a pair for its word diff: <del>struck</del> words only A has,"
        " <ins>underlined</ins> words only B has.</p>",
    ]
    for k, alignment in enumerate(comparison.alignments):
        pieces_a, pieces_b = word_diff(
            group_text(document_a, alignment.a), group_text(document_b, alignment.b)
        )
        lines += [
            f'<details id="p{k + 1}"><summary>{sentence_ids(document_a, alignment.a)} ↔'
            f" {sentence_ids(document_b, alignment.b)} · {alignment.kind}"
            f" · {alignment.score:.2f}</summary>",
            f'<div class="diff"><p><b>A</b> {_diff(pieces_a)}</p>'
            f"<p><b>B</b> {_diff(pieces_b)}</p></div>",
            "</details>",
        ]
    if not comparison.alignments:
        lines.append("<p>No sentence of one source reports the content of one of the other.</p>")
    return [*lines, "</section>"]


def _legend() -> list[str]:
    items = [
        f'<li><span class="{s}">{escape(name)}</span></li>' for s, name in STATUS_NAMES.items()
    ]
    return ['<ul class="legend" aria-label="legend">', *items, "</ul>"]


def _report(comparison: Comparison, title: str, summary: Sequence[str]) -> str:
    body = [
        "<header>",
        f"<h1>{title}</h1>",
        *_sources_table(comparison),
        "</header>",
        "<main>",
        '<section id="summary" aria-labelledby="summary-title">',
        '<h2 id="summary-title">Coverage</h2>',
        coverage_chart(comparison),
        *_coverage_table(comparison),
        *summary,
        "</section>",
        '<section id="texts" aria-labelledby="texts-title">',
        '<h2 id="texts-title">Side by side</h2>',
        "<p>Click a sentence, or Tab to its id and press Enter, to light up where the other"
        " source says it.</p>",
        *_legend(),
        '<div class="cols">',
        *(line for d in comparison.documents for line in _column(comparison, d)),
        "</div>",
        '<aside id="detail" aria-live="polite" aria-label="selected sentence" hidden>',
        '<button type="button" id="detail-close">Close</button><div id="detail-body"></div>',
        "</aside>",
        "</section>",
        *_pairs(comparison),
        "</main>",
        f"<footer><p>Settings: <code>{escape(comparison.settings.signature())}</code></p></footer>",
    ]
    return _page(title, body)


def render_diff(comparison: Comparison) -> str:
    """The diff report as one HTML page."""
    a, b = (escape(d.name) for d in comparison.documents)
    return _report(comparison, f"Comparison: {a} and {b}", _only_lists(comparison))


def _sentence_of(claim: Claim) -> str:
    """A link to the sentence that holds the claim."""
    return _link(f"{claim.source.upper()}{claim.sentence + 1}")


def _claim_item(claim: Claim) -> str:
    speaker = f" ({escape(claim.attributed_to)})" if claim.attributed_to else ""
    return f"<li>{_sentence_of(claim)} <b>{claim.id}</b> {escape(claim.text)}{speaker}</li>"


def render_claims(report: ClaimsReport) -> str:
    """The claims report as one HTML page: the speakers, names and claims only one source has,
    each linked to its sentence in the texts below."""
    lines = ["<h3>Speakers only one source quotes</h3>"]
    for group in report.groups_of("speaker"):
        lines += [f"<h4>{escape(group.summary)}</h4>", "<ul>"]
        lines += [_claim_item(report.claim(i)) for i in group.claims]
        lines.append("</ul>")
    lines += [] if report.groups_of("speaker") else ["<p>(none)</p>"]
    lines.append("<h3>Names only one source mentions</h3>")
    names = [
        f"<li><b>{escape(g.name)}</b>: only in {g.source.upper()}"
        f" ({', '.join(_sentence_of(report.claim(i)) for i in g.claims)})</li>"
        for g in report.groups_of("entity")
    ]
    lines += ["<ul>", *names, "</ul>"] if names else ["<p>(none)</p>"]
    lines.append("<h3>Other claims only one source carries</h3>")
    unique = [_claim_item(c) for c in report.other_unique()]
    lines += ["<ul>", *unique, "</ul>"] if unique else ["<p>(none)</p>"]
    lines.append("<h3>Conflicting numbers and dates</h3>")
    conflicts = [
        f"<li>{escape(c.a)} ↔ {escape(c.b)}, {escape(c.kind)}: {escape(', '.join(c.a_values))}"
        f" vs {escape(', '.join(c.b_values))}</li>"
        for c in report.conflicts
    ]
    lines += ["<ul>", *conflicts, "</ul>"] if conflicts else ["<p>(none)</p>"]
    a, b = (escape(d.name) for d in report.comparison.documents)
    return _report(report.comparison, f"Claims: {a} and {b}", lines)


def render(report: Comparison | ClaimsReport) -> str:
    """The diff or the claims report as one HTML page."""
    return render_diff(report) if isinstance(report, Comparison) else render_claims(report)
