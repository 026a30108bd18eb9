"""The HTML report: one self-contained page with the sources side by side. Report text is always
escaped; the page's only script and style are its own, pinned by hash in its security policy."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

from sco_compare.claims.many import ClaimsCollation
from sco_compare.collation import Collation
from sco_compare.models import Alignment, ClaimsReport, Comparison, Document, Status
from sco_compare.render.html_summary import (
    STATUS_NAMES,
    claims_summary,
    claims_summary_many,
    diff_summary,
    diff_summary_many,
    escape,
    link,
    presence_section,
)
from sco_compare.render.text import DiffPiece, group_text, names_of, percent, word_diff

Aligned = Comparison | Collation
"""What the side-by-side view shows: two sources, or more."""
Group = tuple[Document, Document, Alignment]
"""An aligned group, with the two sources it links."""
Partners = dict[str, tuple[list[str], list[str]]]
"""Each aligned sentence's id: its counterparts' ids, and its pairs' element ids."""
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


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
    """The page around `body`; `title` is plain text."""
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
            f"<title>{escape(title)}</title>",
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


def aligned_pairs(subject: Aligned) -> list[Group]:
    """Every aligned group, with the two sources it links (A's and B's, or each pair's)."""
    if isinstance(subject, Comparison):
        first, second = subject.documents
        return [(first, second, alignment) for alignment in subject.alignments]
    return [
        (subject.document(pair.first), subject.document(pair.second), alignment)
        for pair in subject.pairs
        for alignment in pair.alignments
    ]


def _partners(pairs: Sequence[Group]) -> Partners:
    """Every aligned sentence's counterparts and pairs (a sentence may be in several pairs)."""
    found: Partners = {}
    for k, (first, second, alignment) in enumerate(pairs):
        ids_a = [first.sentences[i].id for i in alignment.a]
        ids_b = [second.sentences[j].id for j in alignment.b]
        for mine, theirs in ((ids_a, ids_b), (ids_b, ids_a)):
            for sentence_id in mine:
                others, pair_ids = found.setdefault(sentence_id, ([], []))
                others += [t for t in theirs if t not in others]
                pair_ids.append(f"p{k + 1}")
    return found


def _sentence(
    sid: str, status: Status, text: str, partners: tuple[list[str], list[str]] | None
) -> str:
    """A sentence of a column: its id (a link to its pairs when it has counterparts), its text."""
    if partners is None:
        label = f'<span class="sid" title="{STATUS_NAMES[status]}">{sid}</span>'
        data = ""
    else:
        others, pairs = partners
        label = (
            f'<a class="sid" href="#{pairs[0]}-diff" aria-label="{sid}, {status},'
            f' also in {", ".join(others)}">{sid}</a>'
        )
        data = f' data-with="{" ".join(others)}" data-pairs="{" ".join(pairs)}"'
    return (
        f'<span class="s {status}" id="{sid}" dir="auto" data-status="{status}"{data}>{label}'
        f"{escape(text)}</span>"
    )


def _column(subject: Aligned, document: Document, partners: Partners) -> list[str]:
    """One source's whole text in reading order and in its paragraphs, each sentence tinted
    and labelled."""
    statuses = subject.statuses(document.label)
    paragraphs: list[list[str]] = [[]]
    end = 0
    for sentence in document.sentences:
        if paragraphs[-1] and _PARAGRAPH_BREAK.search(document.text, end, sentence.start):
            paragraphs.append([])
        end = sentence.end
        paragraphs[-1].append(
            _sentence(
                sentence.id, statuses[sentence.index], sentence.text, partners.get(sentence.id)
            )
        )
    label = document.label
    return [
        f'<article class="source" aria-labelledby="h-{label}">',
        f'<h3 id="h-{label}">{label} · <bdi>{escape(document.name)}</bdi></h3>',
        f'<div class="body" tabindex="0" role="region" aria-label="text of {label}">',
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


def _pairs(pairs: Sequence[Group]) -> list[str]:
    lines = [
        '<section id="pairs" aria-labelledby="pairs-title">',
        '<h2 id="pairs-title">Aligned sentences</h2>',
        "<p>Open a pair for its word diff: <del>struck</del> words only the first has,"
        " <ins>underlined</ins> words only the second has.</p>",
    ]
    for k, (first, second, alignment) in enumerate(pairs):
        ids_a = [first.sentences[i].id for i in alignment.a]
        ids_b = [second.sentences[j].id for j in alignment.b]
        pieces_a, pieces_b = word_diff(
            group_text(first, alignment.a), group_text(second, alignment.b)
        )
        lines += [
            f'<details id="p{k + 1}"><summary>{", ".join(ids_a)} ↔ {", ".join(ids_b)}'
            f" · {alignment.kind} · {alignment.score:.2f}</summary>",
            f'<div class="diff" id="p{k + 1}-diff">'
            f'<p dir="auto"><b>{", ".join(map(link, ids_a))}</b> {_diff(pieces_a)}</p>'
            f'<p dir="auto"><b>{", ".join(map(link, ids_b))}</b> {_diff(pieces_b)}</p></div>',
            "</details>",
        ]
    if not pairs:
        lines.append("<p>No sentence of one source reports the content of one of another.</p>")
    return [*lines, "</section>"]


def coverage_chart(subject: Aligned) -> str:
    """An SVG bar per source (its sentences by status, as shares of the whole), and a key."""
    width, bar_x, bar_width, row = 480, 24, 320, 30
    documents = subject.documents
    key_y = 6 + row * len(documents) + 12
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 {width}'
        f' {key_y + 8}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Sentences of each source by status</title>',
    ]
    for k, document in enumerate(documents):
        coverage = subject.coverage(document.label)
        y = 6 + k * row
        parts.append(f'<text x="0" y="{y + 16}">{document.label}</text>')
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
            f'<text x="{bar_x + bar_width + 8}" y="{y + 16}">'
            f"{percent(coverage.reported_ratio)} reported</text>"
        )
    for k, status in enumerate(STATUS_NAMES):
        x = k * 120
        parts.append(
            f'<rect class="{status}" x="{x}" y="{key_y - 11}" width="12" height="12"></rect>'
            f'<text x="{x + 16}" y="{key_y}">{status}</text>'
        )
    return "\n".join([*parts, "</svg>"])


def _legend() -> list[str]:
    items = [
        f'<li><span class="s {s}">{escape(name)}</span></li>' for s, name in STATUS_NAMES.items()
    ]
    return ['<ul class="legend" aria-label="legend">', *items, "</ul>"]


def _report(subject: Aligned, title: str, summary: Sequence[str], after: Sequence[str] = ()) -> str:
    pairs = aligned_pairs(subject)
    partners = _partners(pairs)
    sources = "".join(
        f'<tr><th scope="row">{d.label}</th><td><bdi>{escape(d.name)}</bdi></td>'
        f'<td class="n">{len(d.sentences)}</td><td><code>{d.sha256}</code></td></tr>'
        for d in subject.documents
    )
    body = [
        "<header>",
        f"<h1>{escape(title)}</h1>",
        '<div class="wrap"><table><caption class="vh">Sources</caption>',
        '<tr><th scope="col">source</th><th scope="col">name</th>'
        '<th scope="col" class="n">sentences</th><th scope="col">sha256</th></tr>',
        sources,
        "</table></div>",
        "</header>",
        "<main>",
        '<section id="summary" aria-labelledby="summary-title">',
        '<h2 id="summary-title">Coverage</h2>',
        coverage_chart(subject),
        "<p>Each bar is every sentence of a source by status; the share reported (covered or"
        " partial) is of its content sentences, boilerplate left out.</p>",
        *summary,
        "</section>",
        '<section id="texts" aria-labelledby="texts-title">',
        '<h2 id="texts-title">Side by side</h2>',
        '<p class="js-only" hidden>Click a sentence, or Tab to its id and press Enter, to light'
        " up where the other sources say it.</p>",
        *_legend(),
        '<div class="cols">',
        *(line for d in subject.documents for line in _column(subject, d, partners)),
        "</div>",
        '<aside id="detail" aria-live="polite" aria-label="selected sentence" hidden>',
        '<button type="button" id="detail-close">Close</button><div id="detail-body"></div>',
        "</aside>",
        "</section>",
        *after,
        *_pairs(pairs),
        "</main>",
        f"<footer><p>Settings: <code>{escape(subject.settings.signature())}</code></p></footer>",
    ]
    return _page(title, body)


def _title(kind: str, documents: Sequence[Document]) -> str:
    return f"{kind}: {names_of(documents)}"


def render(report: Comparison | ClaimsReport | Collation | ClaimsCollation) -> str:
    """The diff or claims report, of two sources or more, as one HTML page."""
    if isinstance(report, Comparison):
        return _report(report, _title("Comparison", report.documents), diff_summary(report))
    if isinstance(report, ClaimsReport):
        subject: Aligned = report.comparison
        return _report(subject, _title("Claims", subject.documents), claims_summary(report))
    if isinstance(report, Collation):
        return _report(
            report,
            _title("Comparison", report.documents),
            diff_summary_many(report),
            presence_section(report),
        )
    return _report(
        report.collation,
        _title("Claims", report.collation.documents),
        claims_summary_many(report),
        presence_section(report),
    )
