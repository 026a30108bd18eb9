"""compare(): the whole pipeline from two texts (or documents) to a Comparison."""

from __future__ import annotations

from dataclasses import replace

from sco_compare._version import __version__
from sco_compare.align import align
from sco_compare.loading import document_from_text
from sco_compare.models import Comparison, Document
from sco_compare.settings import Settings


def as_document(source: str | Document, label: str) -> Document:
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
    document_a, document_b = as_document(a, "A"), as_document(b, "B")
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
