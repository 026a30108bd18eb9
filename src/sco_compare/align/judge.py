"""Do two sentences (or a sentence and its aligned group) report the same thing?

A logistic model over overlap features that difflib and the stems give, calibrated on labelled
news paraphrases (benchmarks/calibrate.py fits it; Settings.match_weights holds the result).
Directional features are measured both ways and enter as their smaller and larger value, so the
model is symmetric: it does not matter which side is the first. (difflib's matching is not
symmetric, so its two sequences are always given in sorted order.)
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from sco_compare.align.similarity import pair_score
from sco_compare.models import Sentence, Side, Status
from sco_compare.settings import Settings
from sco_compare.text.figures import NumberMention, find_numbers, material_conflicts
from sco_compare.text.normalize import Profile, TermWeights, merged

DIRECTIONAL_FEATURES = (
    "stem_recall",
    "stem_4gram_recall",
    "content_coverage",
    "unmatched_content",
    "number_missing",
)
"""Measured from one side: the share of its distinct stems and stem 4-grams the other side has,
the weighted share of its content the other reports, log(1 + its content stems the other lacks),
and 1 when it gives a number the other does not."""
SYMMETRIC_FEATURES = ("stem_ratio", "char_ratio", "matching_blocks", "negation_differs")
"""difflib ratio over the stem sequences and over their characters (STEM_PREFIX letters of each
stem), the number of runs the two stem sequences share (few long runs: a reworded copy; many
short ones: shared words in a new order), and 1 when one side is negated and the other not."""
MATCH_FEATURES = (
    *(f"{name}_{end}" for name in DIRECTIONAL_FEATURES for end in ("min", "max")),
    *SYMMETRIC_FEATURES,
)


def _ngrams(stems: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(stems[k : k + n]) for k in range(len(stems) - n + 1)}


def _recall(mine: set[tuple[str, ...]], theirs: set[tuple[str, ...]]) -> float:
    """Share of `mine` that `theirs` holds (1 when there is nothing to find)."""
    return len(mine & theirs) / len(mine) if mine else 1.0


def match_features(first: Profile, second: Profile, weights: TermWeights) -> tuple[float, ...]:
    """The values of MATCH_FEATURES for a pair, in that order."""
    score = pair_score(first, second, weights)
    words = _ngrams(first.stems, 1), _ngrams(second.stems, 1)
    runs_of_four = _ngrams(first.stems, 4), _ngrams(second.stems, 4)
    directional = (
        (_recall(words[0], words[1]), _recall(words[1], words[0])),
        (_recall(runs_of_four[0], runs_of_four[1]), _recall(runs_of_four[1], runs_of_four[0])),
        (score.coverage_a, score.coverage_b),
        (
            math.log1p(len(first.terms - second.terms)),
            math.log1p(len(second.terms - first.terms)),
        ),
        (float(bool(first.numbers - second.numbers)), float(bool(second.numbers - first.numbers))),
    )
    ratio, runs = _sequence_overlap(first.stems, second.stems)
    return (
        *(value for pair in directional for value in sorted(pair)),
        ratio,
        _char_ratio(first, second, ratio),
        runs,
        float(first.negated != second.negated),
    )


def _sequence_overlap(one: Sequence[str], other: Sequence[str]) -> tuple[float, float]:
    """difflib ratio of two stem sequences and the number of runs they share. (difflib's own
    heuristic for long sequences, autojunk, leaves sentences under 200 words alone and keeps
    a very long one from taking minutes.)"""
    first, second = sorted((tuple(one), tuple(other)))
    matcher = difflib.SequenceMatcher(None, first, second)
    runs = sum(1 for block in matcher.get_matching_blocks() if block.size)
    return matcher.ratio(), float(runs)


STEM_PREFIX = 4
"""The character ratio compares each stem's first letters only: shorter strings for difflib, and
on MSRP as good as whole stems (3 to 6 letters, or whole stems, cross-validate within 0.003)."""
CHAR_RATIO_MAX_LENGTH = 1000
"""Longer pairs (in characters, both sides) take the stem ratio for their character ratio:
difflib's time grows with the product of the two lengths, and no calibration pair comes near."""


def _char_ratio(first: Profile, second: Profile, stem_ratio: float) -> float:
    """difflib ratio of the characters of the two sentences' stem prefixes."""
    one, other = sorted(" ".join(stem[:STEM_PREFIX] for stem in p.stems) for p in (first, second))
    if len(one) + len(other) > CHAR_RATIO_MAX_LENGTH:
        return stem_ratio
    return difflib.SequenceMatcher(None, one, other, autojunk=False).ratio()


def logit(features: Sequence[float], match_weights: Sequence[float]) -> float:
    """The model's log-odds: the intercept plus each weight times its feature."""
    intercept, *slopes = match_weights
    return intercept + sum(w * x for w, x in zip(slopes, features, strict=True))


def probability(log_odds: float) -> float:
    """The logistic function, safe for any value."""
    if log_odds >= 0:
        return 1.0 / (1.0 + math.exp(-log_odds))
    odds = math.exp(log_odds)
    return odds / (1.0 + odds)


def match_chance(
    first: Profile, second: Profile, weights: TermWeights, settings: Settings
) -> float:
    """The model's probability that the two report the same thing."""
    return probability(logit(match_features(first, second, weights), settings.match_weights))


def matches(first: Profile, second: Profile, weights: TermWeights, settings: Settings) -> bool:
    """Whether the model gives the pair at least `covered_cut` probability of reporting the same
    thing."""
    return match_chance(first, second, weights, settings) >= settings.covered_cut


def conflicting(
    center: Profile,
    center_numbers: Sequence[NumberMention],
    reported: Sequence[Profile],
    reported_numbers: Sequence[NumberMention],
) -> bool:
    """Whether the reported sentences give a figure or date differently ("12 people" / "21
    people", see material_conflicts), or say nearly the same words with a negation only one
    side has ("will not cut 500 jobs"): then the center is at most partly reported, however
    alike the two look."""
    if center.negated != any(p.negated for p in reported) and all(
        center.terms <= p.terms or p.terms <= center.terms for p in reported
    ):
        return True
    return bool(material_conflicts(center_numbers, reported_numbers))


def contained(center: Profile, group: Profile, weights: TermWeights, settings: Settings) -> bool:
    """The group reports at least `contained_cut` of the center's content, however much else
    it says."""
    total = weights.total_of(center.terms)
    return (
        bool(total) and weights.total(center.terms & group.terms) >= settings.contained_cut * total
    )


@dataclass
class CoverageJudge:
    """Covered or partial, for a sentence and the sentences it links to.

    The match model is symmetric, so a pair of sentence groups is put to it once, whichever
    side asks (in a 1:1 link, both sides ask the same question).
    """

    sentences: dict[Side, Sequence[Sentence]]
    profiles: dict[Side, Sequence[Profile | None]]
    weights: TermWeights
    settings: Settings
    answers: dict[tuple[tuple[int, ...], tuple[int, ...]], bool] = field(default_factory=dict)
    numbers: dict[tuple[Side, int], tuple[NumberMention, ...]] = field(default_factory=dict)

    def status(self, side: Side, index: int, partners: Sequence[int]) -> Status:
        center = self.profiles[side][index]
        if center is None:
            return "boilerplate"
        if not partners:
            return "unique"
        other = side.other
        # Reported by the group as a whole, or by one of its sentences alone.
        groups = [tuple(partners), *((m,) for m in partners)] if len(partners) > 1 else [partners]
        for group in groups:
            members = [p for m in group if (p := self.profiles[other][m])]
            reported = members[0] if len(members) == 1 else merged(members)
            alike = contained(center, reported, self.weights, self.settings)
            if not alike:
                key = ((index,), tuple(group)) if side is Side.A else (tuple(group), (index,))
                if key not in self.answers:
                    self.answers[key] = matches(center, reported, self.weights, self.settings)
                alike = self.answers[key]
            if alike and not conflicting(
                center,
                self._numbers(side, index),
                members,
                [n for m in group for n in self._numbers(other, m)],
            ):
                return "covered"
        return "partial"

    def _numbers(self, side: Side, index: int) -> tuple[NumberMention, ...]:
        if (side, index) not in self.numbers:
            self.numbers[side, index] = find_numbers(self.sentences[side][index].text)
        return self.numbers[side, index]
