"""The indexed candidate search gives the answers of --exhaustive, and runs are reproducible."""

from __future__ import annotations

import pytest

from benchmarks.speed import agreement, make_pair
from sco_compare import Settings, compare, compare_claims, document_from_text
from sco_compare.align import align
from tests.conftest import CHINA_DAILY, READOUT


def agreement_of(text_a: str, text_b: str) -> tuple[float, float]:
    """Shares of sentences with the same status, and the same best counterpart, on both paths."""
    document_a = document_from_text(text_a, label="A")
    document_b = document_from_text(text_b, label="B")
    indexed = align(document_a.sentences, document_b.sentences, Settings())
    exhaustive = align(document_a.sentences, document_b.sentences, Settings(exhaustive=True))
    return agreement(indexed, exhaustive)


def test_corpus_pair_is_the_same_with_and_without_the_index() -> None:
    text_a = READOUT.read_text(encoding="utf-8")
    text_b = CHINA_DAILY.read_text(encoding="utf-8")
    indexed = compare(text_a, text_b).to_dict()
    exhaustive = compare(text_a, text_b, settings=Settings(exhaustive=True)).to_dict()
    assert indexed["sources"] == exhaustive["sources"]
    assert indexed["alignments"] == exhaustive["alignments"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_pairs_agree_with_exhaustive(seed: int) -> None:
    assert min(agreement_of(*make_pair(300, seed))) >= 0.99


def test_corpus_claims_are_the_same_with_and_without_the_index() -> None:
    text_a = READOUT.read_text(encoding="utf-8")
    text_b = CHINA_DAILY.read_text(encoding="utf-8")
    reports = []
    for settings in (Settings(), Settings(exhaustive=True)):
        report = compare_claims(compare(text_a, text_b, settings=settings))
        reports.append([claim.to_dict() for claim in report.claims])
    assert reports[0] == reports[1]


@pytest.mark.parametrize(("size", "seed"), [(600, 4), (1000, 5)])
def test_links_on_rare_words_are_the_same_with_and_without_the_index(size: int, seed: int) -> None:
    # A rare-word link needs the best match of both sentences: the index must find it exactly.
    text_a, text_b = make_pair(size, seed)
    indexed = compare(text_a, text_b).to_dict()
    exhaustive = compare(text_a, text_b, settings=Settings(exhaustive=True)).to_dict()
    assert indexed["alignments"] == exhaustive["alignments"]
    assert indexed["sources"] == exhaustive["sources"]
