"""The match model: symmetric, what compare() uses, and calibrated as the README says."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sco_compare import Settings, compare
from sco_compare.align.judge import MATCH_FEATURES
from sco_compare.align.scorers import match_probability, pair_judgement

SENTENCES = [
    "The transfers would reduce the company's work force to slightly less than 100,000.",
    "The transfers would cut the company's worldwide work force to just under 100,000.",
    "The transfers would reduce the company's work force to slightly less than 90,000.",
    "The transfers would not reduce the company's work force.",
    "Shares of the company rose 3 percent in early trading on Monday.",
    "Talks.",
]


def pair_features(first: str, second: str) -> tuple[float, ...]:
    return pair_judgement(first, second)[0]


def pair_conflicting(first: str, second: str) -> bool:
    return pair_judgement(first, second)[1]


@pytest.mark.parametrize("first", SENTENCES)
@pytest.mark.parametrize("second", SENTENCES)
def test_the_model_does_not_care_which_side_is_first(first: str, second: str) -> None:
    assert pair_features(first, second) == pair_features(second, first)


def test_one_feature_value_per_named_feature() -> None:
    assert len(pair_features(SENTENCES[0], SENTENCES[1])) == len(MATCH_FEATURES)


def test_a_sentence_matches_itself_and_a_close_rewording() -> None:
    cut = Settings().covered_cut
    assert match_probability(SENTENCES[0], SENTENCES[0]) > 0.9
    assert match_probability(SENTENCES[0], SENTENCES[1]) >= cut


def test_another_topic_is_no_match() -> None:
    assert match_probability(SENTENCES[0], SENTENCES[4]) < 0.1


@pytest.mark.parametrize("offset", [-0.01, 0.01])
def test_compare_covers_a_pair_as_the_model_says(offset: float) -> None:
    first, second = SENTENCES[0], SENTENCES[1]
    cut = match_probability(first, second) + offset  # just below, then just above the pair's
    comparison = compare(first, second, settings=replace(Settings(), covered_cut=cut))
    expected = "covered" if offset < 0 else "partial"
    assert comparison.statuses_a == comparison.statuses_b == (expected,)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The blast killed 12 people in the market.", "The blast killed 21 people in the market."),
        ("The firm will cut 500 jobs this year.", "The firm will not cut 500 jobs this year."),
        ("The talks opened on June 5, 2003.", "The talks opened on June 6, 2003."),
        ("The firm paid $9 million for the site.", "The firm paid $90 million for the site."),
        ("Prices rose 3% last year in the city.", "Prices rose 30% last year in the city."),
        ("Turnout was 50% in the city on Sunday.", "Turnout was 41% in the city on Sunday."),
        ("They paid $9 million for 12 flats.", "They paid $90 million for 12 flats."),
        ("Prices rose from 5% to 9% in the city.", "Prices rose from 5% to 7% in the city."),
        ("Turnout was 50 per cent in the city.", "Turnout was 40 per cent in the city."),
        ("Twelve people died in the crash.", "Twenty people died in the crash."),
        (
            "It was founded on 15 June 2001 in Shanghai.",
            "It was founded on 2001-06-16 in Shanghai.",
        ),
        ("The 12th summit opened in Beijing.", "The 13th summit opened in Beijing."),
        ("They can sign the deal in Beijing.", "They cannot sign the deal in Beijing."),
        ("10 people came and 50 people left today.", "11 people came and 90 people left today."),
        ("It met on 12/04/2012 in Beijing.", "It met on 13/04/2012 in Beijing."),
        ("I dont know who won the vote.", "I know who won the vote."),
        ("The firm paid $9 million for the site.", "The firm paid 90 million dollars for it."),
        ("Tickets cost 5 euros at the gate.", "Tickets cost €50 at the gate."),
    ],
)
def test_a_different_figure_date_or_negation_is_partial_however_alike(
    first: str, second: str
) -> None:
    assert match_probability(first, second) >= Settings().covered_cut  # the words alone would match
    assert pair_conflicting(first, second)
    comparison = compare(first, second)
    assert comparison.statuses_a == comparison.statuses_b == ("partial",)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The toll reached 296 people on Monday.", "The toll reached 300 people on Monday."),
        ("The talks opened on Sept. 30, 2003.", "The talks opened on Sept. 30."),
        ("Assets were valued at 38-million euros.", "Assets were valued at 38 million euros."),
        ("Sales fell in October.", "Sales fell in October 2002."),
        ("The firm paid $9 million for the site.", "The firm paid $9.5 million for the site."),
        ("Turnout was 50.2% in the city.", "Turnout was 50% in the city."),
        ("Twelve people died and 3 people were hurt.", "Twelve people died."),
        ("Twenty-five people died in the crash.", "25 people died in the crash."),
        ("It met on 12/4/2012 in Beijing.", "It met on 12/04/2012 in Beijing."),
        ("They paid $9 million to Smith for the site.", "They paid $9 million for the site."),
        ("The firm paid $9 million for the site.", "The firm paid €90 million for the site."),
        ("The firm paid $9 million for the site.", "The firm paid 9 million dollars for it."),
    ],
)
def test_a_rounded_figure_or_a_date_without_its_year_is_no_conflict(
    first: str, second: str
) -> None:
    assert not pair_conflicting(first, second)


def test_a_paraphrase_pair_is_covered_on_both_sides() -> None:
    comparison = compare(SENTENCES[0], SENTENCES[1])
    assert comparison.statuses_a == comparison.statuses_b == ("covered",)


def test_a_sentence_inside_a_longer_one_is_covered_and_the_longer_one_partial() -> None:
    short = "The transfers would reduce the company's work force to slightly less than 100,000."
    longer = (
        "The transfers, announced on Monday after a long review of the plants in Ohio and "
        "Texas, would reduce the company's work force to slightly less than 100,000."
    )
    comparison = compare(short, longer)
    assert comparison.statuses_a == ("covered",)
    assert comparison.statuses_b == ("partial",)


def test_very_long_sentences_take_the_stem_ratio_for_the_character_ratio() -> None:
    words = [f"word{k % 97}x{k % 13}" for k in range(400)]
    first, second = " ".join(words) + ".", " ".join(reversed(words)) + "."
    features = dict(zip(MATCH_FEATURES, pair_features(first, second), strict=True))
    assert features["char_ratio"] == features["stem_ratio"]
    short = dict(zip(MATCH_FEATURES, pair_features(SENTENCES[0], SENTENCES[1]), strict=True))
    assert short["char_ratio"] != short["stem_ratio"]
