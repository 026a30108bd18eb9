"""The gold pairs in ../shared and the project scorer that scores the tool against them."""

from __future__ import annotations

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
