"""The one place for every threshold and weight, with a signature that names them."""

from __future__ import annotations

import hashlib
import math
from dataclasses import asdict, dataclass, fields
from typing import Any

from sco_compare._version import __version__
from sco_compare.errors import SettingsError

MATCH_WEIGHT_COUNT = 15
"""An intercept and one weight per feature of the match model (align.judge.MATCH_FEATURES)."""
_SHARES = frozenset(
    {
        "link_cut",
        "covered_cut",
        "contained_cut",
        "claim_cut",
        "claim_shared_cut",
        "fuzzy_ratio",
    }
)
"""Settings that are a share or a probability: from 0 to 1."""


@dataclass(frozen=True)
class Settings:
    """Thresholds of the comparison. Defaults are calibrated (see benchmarks/calibrate.py)."""

    link_cut: float = 0.36
    """Two sentences are linked when the weighted Dice of their content stems reaches this ..."""
    min_shared: float = 2.0
    """... and the shared content weighs at least this much (about two ordinary content words),
    or all of the lighter sentence."""
    anchor_terms: int = 3
    """Two sentences are also linked, whatever their Dice, when they share at least this many
    anchors: content stems that neither source uses in any other sentence (patience diff's
    unique lines, for words). A summary sentence and a sentence it draws one fact from often
    share little else ..."""
    mutual_anchor_terms: int = 1
    """... or this many anchors, when each is the other's best match ..."""
    best_rare_terms: int = 4
    """... or this many rare stems, when one is the other's best match."""
    rare_sentences: int = 3
    """A rare stem is one that each source uses in at most this many sentences (and in at most
    half of its content sentences, or one)."""
    parallel_share: float = 0.42
    """Two texts are parallel when at least this share of their content sentences linked by the
    rules above (a digest and its source, two versions of one story; above 1: never). In a
    parallel pair, ..."""
    parallel_anchor_terms: int = 2
    """... two sentences also link when they share this many anchors, ..."""
    parallel_rare_terms: int = 2
    """... and a sentence that the rules above left without a link links to its closest match
    (weighted Dice) among the sentences it shares this many rare stems with."""
    covered_cut: float = 0.5
    """A linked sentence is covered when the match model (match_weights) gives it and its linked
    sentences, together or one alone, at least this probability of reporting the same thing ..."""
    contained_cut: float = 0.9
    """... or when they report this share of its weighted content, however much else they say;
    in either case only if they give no figure or date differently and no negation only one
    side has (see sco_compare.align.judge.conflicting)."""
    claim_cut: float = 0.4
    """A claim is partial (not unique) when one claim of the other side reports this share of it."""
    claim_shared_cut: float = 0.45
    """... and shared (not partial) when that claim reports this share of it."""
    name_boost: float = 1.5
    """Weight multiplier for names and numbers."""
    fuzzy_ratio: float = 0.85
    """difflib ratio above which two unequal words count as the same (typos, variants)."""
    candidates: int = 15
    """Candidates scored per sentence, the best by shared informative weight (inverted index)."""
    index_max_postings: int = 100
    """Terms that more sentences of the other side use are left out of the candidate search."""
    exhaustive: bool = False
    """Score every sentence pair instead of only the candidates the index proposes."""
    match_weights: tuple[float, ...] = (
        -3.0048,
        5.1228,
        1.0472,
        5.0163,
        -5.3496,
        -3.6291,
        2.5850,
        0.1078,
        -1.5396,
        -0.4018,
        -0.3067,
        -3.1624,
        6.3765,
        0.2477,
        -1.2520,
    )
    """Intercept and one weight per feature of sco_compare.align.judge.MATCH_FEATURES (log-odds)."""

    def __post_init__(self) -> None:
        """Every value of its type and in its range, or SettingsError naming the setting."""
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type == "bool":
                problem = "" if isinstance(value, bool) else "not true or false"
            elif f.type == "int":
                wrong = isinstance(value, bool) or not isinstance(value, int) or value < 1
                problem = "not a whole number of at least 1" if wrong else ""
            elif f.type == "float":
                problem = _number_problem(value, share=f.name in _SHARES)
            else:
                problem = _weights_problem(value)
            if problem:
                raise SettingsError(f"setting {f.name}={value!r}: {problem}")

    def signature(self) -> str:
        """A short string that identifies these settings and the version, sacrebleu-style."""
        parts = [
            f"{f.name}:{getattr(self, f.name)}"
            for f in fields(self)
            if f.name not in ("exhaustive", "match_weights")
        ]
        digest = hashlib.sha256(repr(self.match_weights).encode()).hexdigest()[:8]
        parts.append(f"match_weights:{digest}")
        return "|".join([*parts, f"version:{__version__}"])

    def to_dict(self) -> dict[str, Any]:
        """The settings as JSON-ready values, with their signature."""
        return {
            **asdict(self),
            "match_weights": list(self.match_weights),
            "signature": self.signature(),
        }


def _number_problem(value: object, *, share: bool) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return "not a number"
    if share and not 0 <= value <= 1:
        return "not a number from 0 to 1"
    return "negative" if value < 0 else ""


def _weights_problem(value: object) -> str:
    wrong = f"not a tuple of {MATCH_WEIGHT_COUNT} numbers"
    if not isinstance(value, tuple) or len(value) != MATCH_WEIGHT_COUNT:
        return wrong
    numbers = all(_number_problem(v, share=False) in ("", "negative") for v in value)
    return "" if numbers else wrong
