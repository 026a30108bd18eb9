"""Alignment: statuses for identical, disjoint, merged and boilerplate sentences."""

from __future__ import annotations

import pytest

from sco_compare import compare
from tests.conftest import CHINA_DAILY, READOUT

REPORT = (
    "The foreign ministers met in Geneva on Monday. "
    "They agreed to a ceasefire along the northern border. "
    "Aid convoys will reach the besieged city of Aleppo next week."
)


def test_identical_documents_are_all_covered() -> None:
    comparison = compare(REPORT, REPORT)
    assert set(comparison.statuses_a) == {"covered"}
    assert set(comparison.statuses_b) == {"covered"}
    assert [(al.a, al.b) for al in comparison.alignments] == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
    ]


def test_disjoint_documents_are_all_unique() -> None:
    other = "Heavy snow closed schools in Oslo. Farmers expect a poor harvest of apples."
    comparison = compare(REPORT, other)
    assert set(comparison.statuses_a) == {"unique"}
    assert set(comparison.statuses_b) == {"unique"}
    assert comparison.alignments == ()


def test_a_merged_sentence_gives_a_one_to_two_group() -> None:
    split = "The ministers met in Geneva on Monday. They agreed to a ceasefire along the border."
    merged = "The ministers met in Geneva on Monday and agreed to a ceasefire along the border."
    comparison = compare(merged, split)
    assert [(al.a, al.b) for al in comparison.alignments] == [((0,), (0, 1))]
    assert comparison.statuses_a == ("covered",)
    assert comparison.statuses_b == ("covered", "covered")


def test_reordered_sentences_still_align() -> None:
    reordered = ". ".join(reversed(REPORT.rstrip(".").split(". "))) + "."
    comparison = compare(REPORT, reordered)
    assert set(comparison.statuses_a) == {"covered"}
    assert sorted((al.a, al.b) for al in comparison.alignments) == [
        ((0,), (2,)),
        ((1,), (1,)),
        ((2,), (0,)),
    ]


def test_boilerplate_is_never_aligned_or_unique() -> None:
    with_crumbs = "Home > World\n" + REPORT + "\nContact the writer at a@example.com"
    comparison = compare(with_crumbs, REPORT)
    assert comparison.statuses_a[0] == comparison.statuses_a[-1] == "boilerplate"
    assert all(0 not in al.a and 4 not in al.a for al in comparison.alignments)


def test_corpus_pair_finds_the_reported_differences() -> None:
    comparison = compare(
        READOUT.read_text(encoding="utf-8"), CHINA_DAILY.read_text(encoding="utf-8")
    )
    unique_a = " ".join(
        s.text
        for s in comparison.document_a.sentences
        if comparison.statuses_a[s.index] == "unique"
    )
    unique_b = " ".join(
        s.text
        for s in comparison.document_b.sentences
        if comparison.statuses_b[s.index] == "unique"
    )
    for phrase in ("group photo", "West Asia and North Africa"):
        assert phrase in unique_a
    for phrase in ("Xinjiang", "Sergei Razov", "June 15, 2001"):
        assert phrase in unique_b


def test_to_dict_is_the_json_contract() -> None:
    result = compare(REPORT, REPORT).to_dict()
    assert set(result) == {"version", "settings", "sources", "alignments"}
    source = result["sources"][0]
    assert set(source) == {"label", "name", "path", "sha256", "sentences", "coverage"}
    assert set(source["sentences"][0]) == {"index", "id", "text", "start", "end", "status"}
    assert set(result["alignments"][0]) == {"a", "b", "score", "kind", "shared_terms"}


def test_sources_are_named_a_or_b_in_either_case() -> None:
    comparison = compare(REPORT, "Heavy snow closed schools in Oslo.")
    assert comparison.coverage("a") == comparison.coverage("A")
    assert comparison.coverage("b").unique == 1
    with pytest.raises(ValueError, match="no source 'C'"):
        comparison.statuses("C")
