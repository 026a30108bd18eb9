"""Settings: a wrong value fails when the settings are made, naming the setting; the signature
names every value that changes an answer."""

from __future__ import annotations

import pytest

from sco_compare import Settings, SettingsError
from sco_compare.align.judge import MATCH_FEATURES
from sco_compare.settings import MATCH_WEIGHT_COUNT


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"link_cut": 1.5}, "setting link_cut=1.5: not a number from 0 to 1"),
        ({"covered_cut": -0.1}, "setting covered_cut=-0.1: not a number from 0 to 1"),
        ({"min_shared": float("nan")}, "setting min_shared=nan: not a number"),
        ({"name_boost": -1.0}, "setting name_boost=-1.0: negative"),
        ({"candidates": 0}, "setting candidates=0: not a whole number of at least 1"),
        ({"anchor_terms": 2.5}, "setting anchor_terms=2.5: not a whole number of at least 1"),
        ({"rare_sentences": True}, "setting rare_sentences=True: not a whole number of at least 1"),
        ({"exhaustive": "yes"}, "setting exhaustive='yes': not true or false"),
        ({"match_weights": (1.0,)}, "setting match_weights=(1.0,): not a tuple of 15 numbers"),
        ({"link_cut": "0.4"}, "setting link_cut='0.4': not a number"),
    ],
)
def test_a_wrong_value_fails_at_construction(values: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings(**values)  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_the_defaults_and_edge_values_are_valid() -> None:
    Settings(link_cut=0, covered_cut=1, parallel_share=1.01, exhaustive=True)


def test_there_is_a_weight_for_every_feature_and_the_intercept() -> None:
    assert MATCH_WEIGHT_COUNT == len(MATCH_FEATURES) + 1 == len(Settings().match_weights)


def test_the_signature_changes_with_any_answer_changing_value() -> None:
    default = Settings().signature()
    assert Settings(link_cut=0.4).signature() != default
    assert "link_cut:0.4|" in Settings(link_cut=0.4).signature()
    weights = (0.0,) * MATCH_WEIGHT_COUNT
    assert Settings(match_weights=weights).signature() != default
    assert Settings(exhaustive=True).signature() == default  # same answers, only slower
