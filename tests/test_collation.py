"""Three or more sources: where else each sentence and claim is found, each pair aligned as two
sources are, and a report that the order of the sources only relabels."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from sco_compare import compare, load_document
from sco_compare.claims.many import ClaimsCollation
from sco_compare.collation import Collation, Row
from sco_compare.models import Document
from sco_compare.pipeline import compare_claims_many, compare_many
from tests.conftest import CHINA_DAILY, READOUT, ROOT

WIRE = ROOT / "tests" / "fixtures" / "sco-2012-wire.txt"
"""A third report of the seed pair's meeting, written for these tests: some of it in both, some
in one of them, some in neither."""


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [load_document(str(path), label="A")[0] for path in (READOUT, CHINA_DAILY, WIRE)]


@pytest.fixture(scope="module")
def collation(documents: list[Document]) -> Collation:
    return compare_many(documents)


@pytest.fixture(scope="module")
def claims(collation: Collation) -> ClaimsCollation:
    return compare_claims_many(collation)


def test_a_sentence_is_unique_exactly_when_no_other_source_carries_it(
    collation: Collation,
) -> None:
    for label in collation.labels:
        for status, found in zip(collation.statuses(label), collation.found_in(label), strict=True):
            assert label not in found
            if status != "boilerplate":
                assert (status == "unique") == (not found)
                assert (status == "covered") == ("covered" in found.values())


def test_each_pair_is_aligned_as_two_sources_alone_would_be(
    collation: Collation, documents: list[Document]
) -> None:
    for first, second in ((0, 1), (0, 2), (1, 2)):
        alone = compare(documents[first], documents[second])
        pair = collation.pair(collation.labels[first], collation.labels[second])
        assert pair.alignments == alone.alignments
        assert (pair.statuses_first, pair.statuses_second) == (alone.statuses_a, alone.statuses_b)


def test_the_json_gives_each_source_what_every_other_carries_of_it(
    collation: Collation,
) -> None:
    report = collation.to_dict()
    for source in report["sources"]:
        label = source["label"]
        by_source = source["coverage"]["by_source"]
        assert set(by_source) == set(collation.labels) - {label}
        for other, carried in by_source.items():
            found = [s["found_in"].get(other) for s in source["sentences"]]
            assert (carried["covered"], carried["partial"]) == (
                found.count("covered"),
                found.count("partial"),
            )
    for alignment in report["alignments"]:
        first, second = alignment["sources"]
        assert alignment["sentences"] == {first: alignment["a"], second: alignment["b"]}


def test_a_row_is_in_every_source_only_when_its_sentence_is(collation: Collation) -> None:
    everywhere = [row for row in collation.rows if len(row.marks) == 3]
    assert everywhere
    for row in collation.rows:
        label, sentence_id = row.members[0]
        index = int(sentence_id[1:]) - 1
        found = collation.found_in(label)[index]
        assert set(row.sources) == {label, *found}
    counts = [len(row.marks) for row in collation.rows]
    assert counts == sorted(counts, reverse=True)


def test_every_content_sentence_is_in_some_row(collation: Collation) -> None:
    listed = {node_id for row in collation.rows for _, node_id in row.members}
    for label in collation.labels:
        document = collation.document(label)
        for sentence, status in zip(document.sentences, collation.statuses(label), strict=True):
            assert (sentence.id in listed) == (status != "boilerplate")


def test_a_speaker_only_some_sources_quote_is_named_with_them(claims: ClaimsCollation) -> None:
    for speaker in claims.speakers:
        quoting = {claim_id[0] for claim_id in speaker.claims}
        assert set(speaker.sources) == quoting != {"A", "B", "C"}
        assert speaker.summary(("A", "B", "C")).startswith(f"{speaker.name}: quoted by")


def test_a_claim_is_unique_exactly_when_no_other_source_carries_it(
    claims: ClaimsCollation,
) -> None:
    assert claims.claims
    for claim in claims.claims:
        found = claims.found_in[claim.id]
        assert claim.source.upper() not in found
        assert (claim.status == "unique") == (not found)
        assert (claim.status == "shared") == ("shared" in found.values())


def named(collation: Collation, ids: Sequence[str]) -> frozenset[tuple[str, str]]:
    """Sentence or claim ids ("B3", "A7.2") as (source name, number): the same whatever the
    sources' labels."""
    return frozenset((collation.document(i[0]).name, i[1:]) for i in ids)


def rows_by_name(collation: Collation, rows: Sequence[Row]) -> set[tuple[object, ...]]:
    return {
        (
            named(collation, [row.members[0][1]]),
            named(collation, [i for _, i in row.members]),
            frozenset((collation.document(k).name, m) for k, m in row.marks),
        )
        for row in rows
    }


@pytest.mark.parametrize("order", [(2, 0, 1), (1, 2, 0), (2, 1, 0)])
def test_permuting_the_sources_permutes_the_report_and_nothing_else(
    documents: list[Document],
    collation: Collation,
    claims: ClaimsCollation,
    order: tuple[int, int, int],
) -> None:
    permuted = compare_many([documents[k] for k in order])
    assert rows_by_name(permuted, permuted.rows) == rows_by_name(collation, collation.rows)
    for k, document in enumerate(permuted.documents):
        label = collation.labels[order[k]]
        assert collation.document(label).name == document.name
        assert permuted.statuses(document.label) == collation.statuses(label)
        assert [
            {permuted.document(o).name: s for o, s in found.items()}
            for found in permuted.found_in(document.label)
        ] == [
            {collation.document(o).name: s for o, s in found.items()}
            for found in collation.found_in(label)
        ]
    permuted_claims = compare_claims_many(permuted)
    assert rows_by_name(permuted, permuted_claims.rows) == rows_by_name(collation, claims.rows)
    statuses = {named(permuted, [c.id]): c.status for c in permuted_claims.claims}
    assert statuses == {named(collation, [c.id]): c.status for c in claims.claims}
