"""The answers on the gold pairs (../shared/gold), scored with the project's scorer: the figures
the README gives must hold. Skipped where the shared gold is not present."""

from __future__ import annotations

import subprocess
import sys
from statistics import mean

import pytest

from benchmarks.calibrate import score_pair
from benchmarks.gold import gold_pair, load_scorer
from sco_compare import Settings, compare
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


@needs_gold
def test_speakers_and_names_of_the_attribution_gold() -> None:
    # The project's attribution scorer, run as a user would; it exits 1 when a bar is missed.
    result = subprocess.run(
        [
            "bash",
            str(SHARED / "eval" / "attribution_dir.sh"),
            str(GOLD / "attribution"),
            str(GOLD),
            f"{sys.executable} -m sco_compare",
            "--min-speaker-f1",
            "0.90",
            "--min-entity-f1",
            "0.95",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


@needs_gold
def test_news_pages_lose_no_content_sentence_to_boilerplate_and_keep_none_of_it() -> None:
    scorer = load_scorer(SHARED)
    for gold_file in sorted((GOLD / "news-dev").glob("*/gold.json")):
        pair = gold_pair(gold_file, gold_file.parent)
        report = compare(pair.text_a, pair.text_b).to_dict()
        for side, source in zip("ab", report["sources"], strict=True):
            mapping, _ = scorer.map_sentences(source["sentences"], pair.gold[side]["sentences"])
            gold_status = {g["id"]: g["status"] for g in pair.gold[side]["sentences"]}
            for sentence in source["sentences"]:
                for gold_id in mapping.get(sentence["index"], ()):
                    assert (gold_status[gold_id] == "boilerplate") == (
                        sentence["status"] == "boilerplate"
                    ), (pair.name, gold_id, sentence["text"])
