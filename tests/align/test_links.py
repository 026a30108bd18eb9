"""Alignment: statuses for identical, disjoint, merged and boilerplate sentences."""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest

import sco_compare.align.links as align_module
from benchmarks.speed import make_documents
from sco_compare import Comparison, Settings, compare, document_from_text
from sco_compare.align import align
from sco_compare.align.candidates import rare_pairs
from sco_compare.align.links import linked_share
from sco_compare.models import Sentence
from sco_compare.text.normalize import profile
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


SUMMARY = (
    "The census counted 16 million poor children, up sharply since the recession. "
    "Lawmakers argued about the farm bill again."
)
ARTICLE = (
    "Officials released figures on Wednesday showing that 16 million children lived in poverty, "
    "according to the census, while economists blamed weak wages, rising rents and cuts to "
    "benefits across many states and cities. "
    "Congress debated the farm bill."
)


def links(comparison: Comparison) -> set[tuple[int, int]]:
    return {(i, j) for al in comparison.alignments for i in al.a for j in al.b}


STRICT = replace(
    Settings(),
    anchor_terms=99,
    mutual_anchor_terms=99,
    best_rare_terms=99,
    parallel_anchor_terms=99,
    parallel_rare_terms=99,
)


def test_sentences_sharing_enough_anchors_link_despite_a_low_score() -> None:
    assert (0, 0) not in links(compare(SUMMARY, ARTICLE, settings=STRICT))
    assert (0, 0) in links(compare(SUMMARY, ARTICLE, settings=replace(STRICT, anchor_terms=3)))


def test_mutual_best_matches_sharing_an_anchor_link() -> None:
    linked = links(compare(SUMMARY, ARTICLE, settings=replace(STRICT, mutual_anchor_terms=1)))
    assert (0, 0) in linked


def test_a_best_match_sharing_enough_rare_words_links() -> None:
    assert (0, 0) in links(compare(SUMMARY, ARTICLE, settings=replace(STRICT, best_rare_terms=3)))


def test_in_a_parallel_pair_a_sentence_without_a_link_links_to_its_closest_rare_match() -> None:
    # "farm bill" links the second sentences: half of the content sentences have a link.
    parallel = replace(STRICT, parallel_share=0.5, parallel_rare_terms=2)
    assert links(compare(SUMMARY, ARTICLE, settings=parallel)) == {(0, 0), (1, 1)}


def test_in_a_pair_that_is_not_parallel_a_sentence_without_a_link_stays_unique() -> None:
    not_parallel = replace(STRICT, parallel_share=0.51, parallel_rare_terms=2)
    comparison = compare(SUMMARY, ARTICLE, settings=not_parallel)
    assert links(comparison) == {(1, 1)}
    assert comparison.statuses_a[0] == "unique"


COPIES = (
    "The council approved the annual budget on Tuesday. "
    "Protesters gathered outside the parliament building. "
)
FLOODS = "Farmers near the river reported heavy flooding and damaged harvests after the storm. "


def test_a_sentence_without_a_link_links_to_its_closest_rare_match_only() -> None:
    a = COPIES + FLOODS + "The mayor opened a new library downtown."
    b = (
        COPIES + "The mayor opened a new library downtown, near the farmers' harvest fair. "
        "The storm flooded river farms."
    )
    # Only copies link by the strict rules; A2 shares rare words with B2 and, more of its
    # content, with B3.
    parallel = replace(STRICT, link_cut=0.6, parallel_share=0.5, parallel_rare_terms=2)
    assert links(compare(a, b, settings=parallel)) == {(0, 0), (1, 1), (2, 3), (3, 2)}
    # The other way round, B3's closest match is A2, which B2 already links to.
    b_to_a = COPIES + FLOODS + "The storm flooded river farms and harvests."
    assert links(compare(a, b_to_a, settings=parallel)) == {(0, 0), (1, 1), (2, 2), (2, 3)}


def test_the_linked_share_counts_the_sentences_of_both_sides() -> None:
    sentence = profile("Talks resumed.")
    # Both of A's sentences have a link, two of B's eight: four of ten.
    assert linked_share({(0, 0): 1.0, (1, 1): 1.0}, [sentence] * 2, [sentence] * 8) == 0.4
    # A0 links to B0 and B1: three of five.
    assert linked_share({(0, 0): 1.0, (0, 1): 1.0}, [sentence] * 2, [sentence] * 3) == 0.6
    # Boilerplate (no profile) does not count.
    assert linked_share({(0, 0): 1.0}, [sentence, None], [sentence, sentence]) == 2 / 3


def test_in_a_parallel_pair_sentences_sharing_enough_anchors_link() -> None:
    parallel = replace(STRICT, parallel_share=0.5, parallel_anchor_terms=3)
    assert (0, 0) in links(compare(SUMMARY, ARTICLE, settings=parallel))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_in_a_parallel_pair_sentences_only_one_side_has_stay_unique(seed: int) -> None:
    # B rewords 60% of A's sentences and fills the rest with new ones: parallel, with sentences
    # only B has.
    texts_a, texts_b, origins = make_documents(300, seed)
    sentences_a = [Sentence(k, "A", text, 0, 0) for k, text in enumerate(texts_a)]
    sentences_b = [Sentence(k, "B", text, 0, 0) for k, text in enumerate(texts_b)]
    result = align(sentences_a, sentences_b, Settings())
    never_parallel = align(sentences_a, sentences_b, replace(Settings(), parallel_share=1.01))
    assert result.alignments != never_parallel.alignments
    new = [k for k, origin in enumerate(origins) if not origin]
    unique = sum(result.statuses_b[k] == "unique" for k in new)
    unique_without_the_rule = sum(never_parallel.statuses_b[k] == "unique" for k in new)
    # The looser links of a parallel pair hide at most 6% of them ...
    assert unique >= unique_without_the_rule - 0.06 * len(new)
    # ... and the sentences B rewords are found.
    reworded = [k for k, origin in enumerate(origins) if origin]
    assert sum(result.statuses_b[k] == "unique" for k in reworded) <= 0.05 * len(reworded)


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("fails", [False, True])
def test_alignment_leaves_the_garbage_collector_as_it_found_it(
    enabled: bool, fails: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fails:

        def broken(*args: object) -> None:
            raise RuntimeError("alignment failed")

        monkeypatch.setattr(align_module, "_align", broken)
    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        if fails:
            with pytest.raises(RuntimeError):
                compare(REPORT, REPORT)
        else:
            compare(REPORT, REPORT)
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_the_seed_pair_is_not_parallel_and_links_on_strong_evidence_only() -> None:
    readout = document_from_text(READOUT.read_text(encoding="utf-8"), label="A")
    story = document_from_text(CHINA_DAILY.read_text(encoding="utf-8"), label="B")
    never_parallel = replace(Settings(), parallel_share=1.01)
    assert (
        compare(readout, story).alignments
        == compare(readout, story, settings=never_parallel).alignments
    )


def test_anchors_are_terms_one_sentence_of_each_side_holds() -> None:
    a = [profile("Census figures came out."), profile("Census takers counted children.")]
    b = [profile("The census counted children."), profile("Figures came late.")]
    # "census" is in both sentences of A: no anchor; "children" and "counted" pair A1 with B0.
    assert rare_pairs(a, b, 1) == {(1, 0): 2, (0, 1): 2}


def test_a_stem_half_the_sentences_of_a_text_use_is_not_rare() -> None:
    a = [profile("Census figures came out."), profile("Census takers counted children.")]
    b = [profile("The census counted children."), profile("Figures came late.")]
    more_a = [profile("Rain fell on Oslo."), profile("Schools closed early.")]
    more_b = [profile("Wind rose at noon."), profile("Roads froze overnight.")]
    # In four sentences a side, "census" (two of A's) is rare at most two a side: it pairs A0
    # and A1 with B0 as well as the anchors do ...
    assert rare_pairs(a + more_a, b + more_b, 2) == {(1, 0): 3, (0, 1): 2, (0, 0): 1}
    # ... but in two or three, it is in every sentence of A, or most: the text's topic.
    assert rare_pairs(a, b, 2) == rare_pairs(a, b, 1)
    assert rare_pairs(a + more_a[:1], b + more_b[:1], 2) == rare_pairs(a, b, 1)
    # A text of one sentence still has anchors.
    assert rare_pairs(a[1:], b[:1], 3) == {(0, 0): 3}


def test_rare_words_do_not_link_a_pair_that_is_neither_sentences_best_match() -> None:
    a = (
        "Officials released figures showing that 16 million children lived in poverty. "
        "Economists blamed weak wages for poverty among children. "
        "Rain fell on Oslo. Schools closed early."
    )
    b = (
        "Officials released figures showing that 16 million children lived in poverty, and "
        "economists blamed weak wages. "
        "Economists blamed weak wages for the poverty among children, the report said. "
        "Wind rose at noon. Roads froze overnight."
    )
    # A2 and B1 share six words each report uses twice (in half of its sentences), but each has
    # a better match (and their Dice, near 0.5, is kept below the link cut here).
    loose = replace(STRICT, link_cut=0.6, mutual_anchor_terms=1, best_rare_terms=1)
    profiles_a = [profile(s.text) for s in document_from_text(a, label="A").sentences]
    profiles_b = [profile(s.text) for s in document_from_text(b, label="B").sentences]
    assert rare_pairs(profiles_a, profiles_b, 3)[1, 0] >= 6
    assert (1, 0) not in links(compare(a, b, settings=loose))
    assert {(0, 0), (1, 1)} <= links(compare(a, b, settings=loose))
