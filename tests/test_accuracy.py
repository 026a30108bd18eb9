"""The answers on the gold pairs (../shared/gold), scored with the project's scorer: the figures
the README gives must hold. Skipped where the shared gold is not present."""

from __future__ import annotations

from statistics import mean

import pytest

from benchmarks.calibrate import score_pair
from benchmarks.gold import gold_pair, load_scorer
from sco_compare import Settings
from tests.conftest import SHARED

GOLD = SHARED / "gold"
needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="no ../shared/gold here")


@needs_gold
def test_the_seed_pair_is_aligned_and_its_unique_sentences_found() -> None:
    figures = score_pair(
        load_scorer(SHARED), gold_pair(GOLD / "sco-2012.json", SHARED / "seeds"), Settings()
    )
    assert figures["align_f1"] >= 0.90
    assert figures["unique_f1"] >= 0.90


@needs_gold
def test_superpal_summaries_are_aligned_with_their_articles() -> None:
    scorer = load_scorer(SHARED)
    folders = sorted(p for p in (GOLD / "superpal-dev").iterdir() if p.is_dir())
    assert len(folders) == 12
    figures = [score_pair(scorer, gold_pair(f / "gold.json", f), Settings()) for f in folders]
    assert mean(f["align_f1"] for f in figures) >= 0.75
