"""The gold sets in ../shared (aligned pairs, MSRP and STS sentence pairs) and the project scorer
that scores the tool against them."""

from __future__ import annotations

import csv
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def load_scorer(shared: Path) -> ModuleType:
    """The project scorer, imported from shared/eval/score.py."""
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class GoldPair:
    """A gold file and the two texts it describes."""

    name: str
    gold: dict[str, Any]
    text_a: str
    text_b: str


def gold_pair(gold_file: Path, texts: Path) -> GoldPair:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    return GoldPair(
        name=gold_file.parent.name if texts == gold_file.parent else gold_file.stem,
        gold=gold,
        text_a=(texts / gold["a"]["file"]).read_text(encoding="utf-8"),
        text_b=(texts / gold["b"]["file"]).read_text(encoding="utf-8"),
    )


def msrp_pairs(shared: Path) -> list[tuple[bool, str, str]]:
    path = shared / "data" / "msrp" / "msr_paraphrase_train.txt"
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row[0] == "1", row[3], row[4]) for row in rows[1:] if len(row) == 5]


def sts_sets(shared: Path) -> dict[str, list[tuple[float, str, str]]]:
    """The graded STS news pairs of each file (grade 0-5, first sentence, second)."""
    sets = {}
    for path in sorted((shared / "data" / "sts").glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        sets[path.stem] = [(float(r[0]), r[1], r[2]) for r in rows if len(r) == 3 and r[0]]
    return sets
