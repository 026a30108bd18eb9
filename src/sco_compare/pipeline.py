"""The stages called in order: read, segment, align, claims. The library's entry points."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations
from typing import TYPE_CHECKING

from sco_compare._version import __version__
from sco_compare.align import align
from sco_compare.align.links import sentence_profiles
from sco_compare.collation import MOST_SOURCES, Collation, Pair, source_labels
from sco_compare.errors import NoTextError, UsageError
from sco_compare.models import ClaimsReport, Comparison, Document, Side
from sco_compare.readers.html import html_page
from sco_compare.readers.markdown import markdown_to_text
from sco_compare.readers.source import read_source
from sco_compare.settings import Settings
from sco_compare.text.boilerplate import headlines_as_content, page_chrome
from sco_compare.text.clean import clean_text, has_word, is_blank
from sco_compare.text.segment import split_sentences

if TYPE_CHECKING:
    from sco_compare.claims.many import ClaimsCollation


def document_from_text(
    text: str,
    *,
    label: str = "A",
    name: str | None = None,
    path: str | None = None,
    html: bool = False,
    markdown: bool = False,
    sha256: str | None = None,
) -> Document:
    """Build a Document from text already in memory (sha256: of the source's bytes, if known);
    `html` or `markdown` text is reduced to its prose first.

    Raises NoTextError when there is nothing to compare: no text, or no sentence with a word.
    """
    name = name or f"source {label}"
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    chrome: list[tuple[int, int]] = []  # where an HTML page's chrome paragraphs are in body
    if html:
        paragraphs = [(clean_text(p), is_chrome) for p, is_chrome in html_page(text)]
        body = "\n\n".join(p for p, _ in paragraphs)
        start = 0
        for paragraph, is_chrome in paragraphs:
            if is_chrome:
                chrome.append((start, start + len(paragraph)))
            start += len(paragraph) + 2
    else:
        body = clean_text(text)
    body = clean_text(markdown_to_text(body)) if markdown else body  # (entities: "&#13;")
    if is_blank(body):
        where = (
            "outside markup, scripts and navigation"
            if html
            else "outside code blocks and markup"
            if markdown
            else "(only whitespace)"
        )
        raise NoTextError(f"{name}: no text {where}")
    sentences = split_sentences(body, label)
    if not any(has_word(sentence.text) for sentence in sentences):
        raise NoTextError(f"{name}: no sentence found (no words, only punctuation or symbols)")
    in_chrome = {s.index for s in sentences if any(a <= s.start < b for a, b in chrome)}
    if len(in_chrome) == len(sentences):
        raise NoTextError(f"{name}: no text outside markup, scripts and navigation")
    sentences = tuple(
        replace(s, boilerplate=True) if s.index in in_chrome else s
        for s in headlines_as_content(sentences)
    )
    sentences = page_chrome(sentences)
    return Document(
        label=label, name=name, text=body, sha256=digest, sentences=sentences, path=path
    )


def load_document(
    path: str, *, label: str, stdin: bytes | None = None
) -> tuple[Document, str | None]:
    """Read, decode and segment a source file ("-": standard input, or the `stdin` bytes given);
    returns the document and a decoding warning.

    Raises an InputError, with a message that names the source, for anything that is not a
    readable text with at least one sentence.
    """
    source = read_source(path, stdin=stdin)
    document = document_from_text(
        source.text,
        label=label,
        name=source.shown,
        path=source.path,
        html=source.html,
        markdown=source.markdown,
        sha256=source.sha256,
    )
    return replace(document, name=source.name), source.warning


def _as_document(source: str | Document, label: str) -> Document:
    """A Document labelled `label`: texts are segmented, documents relabelled if needed."""
    if isinstance(source, str):
        return document_from_text(source, label=label)
    if source.label == label:
        return source
    sentences = tuple(replace(s, label=label) for s in source.sentences)
    return replace(source, label=label, sentences=sentences)


def compare(
    a: str | Document, b: str | Document, *, settings: Settings | None = None
) -> Comparison:
    """Compare two reports: which sentences each covers, shares in part, or alone reports."""
    settings = settings or Settings()
    document_a, document_b = _as_document(a, Side.A.label), _as_document(b, Side.B.label)
    result = align(document_a.sentences, document_b.sentences, settings)
    return Comparison(
        document_a=document_a,
        document_b=document_b,
        statuses_a=result.statuses_a,
        statuses_b=result.statuses_b,
        alignments=result.alignments,
        settings=settings,
        version=__version__,
    )


def compare_many(
    sources: Sequence[str | Document], *, settings: Settings | None = None
) -> Collation:
    """Compare two to twelve reports, labelled A, B, C, … in the order given: every pair aligned
    as `compare` aligns two, each source's sentences made comparable once for all its pairs."""
    if not 2 <= len(sources) <= MOST_SOURCES:
        raise UsageError(f"give 2 to {MOST_SOURCES} sources, not {len(sources)}")
    settings = settings or Settings()
    documents = [
        _as_document(source, label)
        for source, label in zip(sources, source_labels(len(sources)), strict=True)
    ]
    profiles = [sentence_profiles(d.sentences) for d in documents]
    pairs = []
    for k, m in combinations(range(len(documents)), 2):
        first, second = documents[k], documents[m]
        result = align(
            first.sentences, second.sentences, settings, profiles=(profiles[k], profiles[m])
        )
        pairs.append(
            Pair(first.label, second.label, result.statuses_a, result.statuses_b, result.alignments)
        )
    return Collation(tuple(documents), tuple(pairs), settings, __version__)


def compare_claims(comparison: Comparison) -> ClaimsReport:
    """Claims of both sources of a comparison, each shared, partial or unique against the other
    (with the comparison's settings)."""
    from sco_compare.claims.coverage import judge_claims  # (loaded when claims are asked for)

    return judge_claims(comparison)


def compare_claims_many(collation: Collation) -> ClaimsCollation:
    """Claims of every source of a collation, each judged against every other source."""
    from sco_compare.claims.many import judge_claims_many

    return judge_claims_many(collation)
