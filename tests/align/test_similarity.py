"""Weighted Dice and spelling variants: blind to word order, spelling and hyphens."""

from __future__ import annotations

import pytest

from sco_compare.align.scorers import dice
from sco_compare.align.similarity import spelling_variants
from sco_compare.text.normalize import american_spelling, profile, stem

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
    assert american_spelling("organisation") == "organization"
    assert american_spelling("colour") == "color"
    assert american_spelling("centre") == "center"
    assert stem("organisations") == stem("organizations")
    assert dice("Vice-President Xi", "Vice President Xi") == 1.0


def test_numbers_and_names_are_kept() -> None:
    assert "2001" in profile("The SCO was founded in 2001.").numbers
    assert stem("xi") in profile("Yesterday Xi spoke.").names


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


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("I dont know.", True),
        ("He isnt here.", True),
        ("They didnt go.", True),
        ("She hadn't left.", True),
        ("I cant say.", False),  # "cant" and "wont" are words too
        ("They can't sign.", True),
        ("They won't sign.", True),
        ("As was his wont, he left.", False),
        ("The president spoke.", False),
    ],
)
def test_negations_with_or_without_their_apostrophe(text: str, negated: bool) -> None:
    assert profile(text).negated is negated


def test_cant_and_cannot_leave_the_same_terms() -> None:
    assert profile("They can't sign the deal.").terms == profile("They cannot sign the deal.").terms


def test_bidi_and_tag_characters_inside_a_word_do_not_change_it() -> None:
    assert dice("Sh\U000e0041anghai summit opened.", "Shanghai summit opened.") == 1.0
    assert dice("Sha\u202enghai summit\u061c opened.", "Shanghai summit opened.") == 1.0
