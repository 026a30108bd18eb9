"""The one place for every threshold and weight, with a signature that names them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from sco_compare._version import __version__


@dataclass(frozen=True)
class Settings:
    """Thresholds of the comparison. Defaults are calibrated (see benchmarks/calibrate.py)."""

    link_cut: float = 0.39
    """Two sentences are linked when their link strength (see rank_weight) reaches this."""
    rank_weight: float = 0.2
    """Share of the link strength given to rank, the rest being the pair's weighted Dice. Rank is
    the pair's Dice over the best Dice of each of its two sentences (the smaller of the two
    ratios): 1 for a mutual best match, so a weak pair with no stronger rival counts more."""
    min_shared: float = 2.0
    """... and the shared content weighs at least this much (about two ordinary content words),
    or all of the lighter sentence."""
    covered_cut: float = 0.45
    """A sentence is covered when its aligned group reports this share of its content."""
    claim_cut: float = 0.4
    """A claim is partial (not unique) when one claim of the other side reports this share of it."""
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

    @property
    def least_link_dice(self) -> float:
        """The smallest weighted Dice a link can have: the rank part is at most 1."""
        if self.rank_weight >= 1:
            return 0.0
        return max(0.0, (self.link_cut - self.rank_weight) / (1 - self.rank_weight))

    def signature(self) -> str:
        """A short string that identifies these settings and the version, sacrebleu-style."""
        parts = [
            f"{f.name}:{getattr(self, f.name)}" for f in fields(self) if f.name != "exhaustive"
        ]
        return "|".join([*parts, f"version:{__version__}"])

    def to_dict(self) -> dict[str, Any]:
        """The settings as JSON-ready values, with their signature."""
        return {**asdict(self), "signature": self.signature()}
