"""The calibration tools: the logistic fit, and the defaults are what it fits."""

from __future__ import annotations

import random

import pytest

from benchmarks.calibrate import fit_match, msrp_inputs
from benchmarks.gold import msrp_pairs
from benchmarks.logistic import fit, solve
from sco_compare import Settings
from sco_compare.align.judge import probability
from tests.conftest import SHARED


def test_logistic_fit_recovers_a_known_rule() -> None:
    rng = random.Random(3)
    rows = [(rng.uniform(-1, 1), rng.uniform(-1, 1)) for _ in range(2000)]
    truth = [probability(2.0 + 3.0 * x - 4.0 * y) > rng.random() for x, y in rows]
    intercept, slope_x, slope_y = fit(rows, truth, penalty=0.01)
    assert intercept == pytest.approx(2.0, abs=0.5)
    assert slope_x == pytest.approx(3.0, abs=0.6)
    assert slope_y == pytest.approx(-4.0, abs=0.6)


def test_solve_needs_pivoting() -> None:
    assert solve([[0.0, 1.0], [2.0, 0.0]], [3.0, 4.0]) == pytest.approx([2.0, 3.0])


MSRP = msrp_pairs(SHARED)


@pytest.mark.skipif(not MSRP, reason="the MSRP training file is not in ../shared")
def test_the_default_model_is_what_calibration_fits_on_msrp() -> None:
    weights, cut = fit_match(*msrp_inputs(MSRP, Settings()), penalty=3.0)
    defaults = Settings()
    assert cut == defaults.covered_cut
    assert [round(w, 4) for w in weights] == pytest.approx(defaults.match_weights, abs=1e-4)
