"""The one tokenizer: stems, spellings, names, numbers and negation of a sentence."""

from __future__ import annotations

import pytest

from sco_compare.text.normalize import american_spelling, fold, profile, stem


def test_numbers_and_names_are_kept() -> None:
    assert "2001" in profile("The SCO was founded in 2001.").numbers
    assert stem("xi") in profile("Yesterday Xi spoke.").names


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


def test_british_spellings_fold() -> None:
    assert american_spelling("organisation") == "organization"
    assert american_spelling("colour") == "color"
    assert american_spelling("centre") == "center"
    assert stem("organisations") == stem("organizations")


def test_folding_drops_what_does_not_show() -> None:
    assert fold("Sh\U000e0041an\u00adghai\u202e \u201cxi\u201d") == 'Shanghai "xi"'
