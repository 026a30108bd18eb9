"""Weighted Dice and spelling variants: blind to word order, spelling and hyphens."""

from __future__ import annotations

from sco_compare.align.scorers import dice
from sco_compare.align.similarity import spelling_variants

SENTENCES = [
    "Member states should consolidate strategic mutual trust.",
    "The member countries should strengthen strategic mutual trust.",
    "Cyber-crimes are rising.",
    "Beijing will host the 12th summit in June.",
    "",
]


def test_reordering_does_not_lower_the_score() -> None:
    assert dice("Xi met Razov in Beijing.", "In Beijing, Razov met Xi.") == 1.0


def test_rewording_keeps_the_shared_content() -> None:
    reworded = dice(SENTENCES[0], SENTENCES[1])
    unrelated = dice(SENTENCES[0], SENTENCES[3])
    assert reworded > 0.5 > unrelated


def test_hyphenated_and_spaced_compounds_match() -> None:
    assert dice("Cyber-crimes are rising.", "cyber crimes are rising") == 1.0


def test_spelling_variants_fold() -> None:
    assert dice("Vice-President Xi", "Vice President Xi") == 1.0
    assert dice("The organisation met.", "The organization met.") == 1.0


def test_spelling_variants_do_not_depend_on_which_side_is_a() -> None:
    side_one = ["organizim", "organiziz"]
    side_two = ["organizik"]
    forward = spelling_variants(side_one, side_two, fuzzy_ratio=0.85)
    backward = spelling_variants(side_two, side_one, fuzzy_ratio=0.85)
    assert forward == backward
    assert set(forward) == {"organizim", "organiziz"}
    assert set(forward.values()) == {"organizik"}


def test_only_word_length_terms_match_by_spelling() -> None:
    word = "abcdefghij" * 3
    assert spelling_variants([word + "k"], [word + "m"], fuzzy_ratio=0.85)
    blob = "abcdefghij" * 5  # longer than any word: a pasted token, matched exactly
    assert spelling_variants([blob + "k"], [blob + "m"], fuzzy_ratio=0.85) == {}


def test_bidi_and_tag_characters_inside_a_word_do_not_change_it() -> None:
    assert dice("Sh\U000e0041anghai summit opened.", "Shanghai summit opened.") == 1.0
    assert dice("Sha\u202enghai summit\u061c opened.", "Shanghai summit opened.") == 1.0
