"""The properties every scorer has (align.scorers.SCORERS): range, symmetry, identity, and
the same keyword-only signature."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sco_compare import Settings
from sco_compare.align.scorers import SCORERS, Scorer, dice, match_probability, sequence_ratio

WORDS = "minister summit Beijing trade Russia security talks border the of and not 15 2012".split()
texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
    st.text(max_size=30),
)
by_name = pytest.mark.parametrize("scorer", SCORERS, ids=lambda scorer: scorer.__name__)


@by_name
@given(texts, texts)
def test_scores_are_in_range(scorer: Scorer, first: str, second: str) -> None:
    assert 0.0 <= scorer(first, second) <= 1.0


@by_name
@given(texts, texts)
def test_scores_are_symmetric(scorer: Scorer, first: str, second: str) -> None:
    assert scorer(first, second) == scorer(second, first)


IDENTITY = {
    dice: 1.0,
    sequence_ratio: 1.0,
    match_probability: Settings().covered_cut,  # a text is a match of itself
}
"""What each scorer gives a text with content against itself, at least."""


@by_name
@given(st.lists(st.sampled_from(WORDS[:6]), min_size=1, max_size=12).map(" ".join), texts)
def test_a_text_against_itself_scores_its_identity(scorer: Scorer, text: str, other: str) -> None:
    assert scorer(text, text) >= IDENTITY[scorer]
    assert scorer(text + " " + other, text + " " + other) >= IDENTITY[scorer]


@by_name
def test_settings_are_keyword_only(scorer: Scorer) -> None:
    with pytest.raises(TypeError):
        scorer("Xi met Razov.", "Razov met Xi.", Settings())  # type: ignore[call-arg]
    assert scorer("Xi met Razov.", "Razov met Xi.", settings=Settings()) > 0
