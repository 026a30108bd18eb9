"""How well any lexical judge can follow people's STS grades: the Pearson correlation of a
logistic model over the match features and a few more lexical ones with the grade, per STS
file, fitted leave-one-set-out (on the other files and MSRP) and, as a ceiling, on the file
itself.

Usage:
    python -m benchmarks.sts_ceiling [--shared ../shared]
"""

from __future__ import annotations

import argparse
import difflib
import math
import re
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import logistic
from benchmarks.gold import DEFAULT_SHARED, msrp_pairs, sts_sets
from sco_compare import Settings
from sco_compare.align.judge import logit, probability
from sco_compare.align.scorers import pair_judgement

STS_EQUIVALENT = 4.0


def lexical(first: str, second: str, settings: Settings) -> tuple[float, ...]:
    """The match features, then word and character-trigram Jaccard, the difflib ratio of the
    words, and the two lengths' log ratio and the shorter's log length."""
    words = re.findall(r"\w+", first.lower()), re.findall(r"\w+", second.lower())
    grams = [{text.lower()[k : k + 3] for k in range(len(text) - 2)} for text in (first, second)]

    def jaccard(one: set[str], other: set[str]) -> float:
        return len(one & other) / max(1, len(one | other))

    shorter, longer = sorted(words)
    return (
        *pair_judgement(first, second, settings=settings)[0],
        jaccard(set(words[0]), set(words[1])),
        jaccard(grams[0], grams[1]),
        difflib.SequenceMatcher(None, shorter, longer).ratio(),
        abs(math.log((len(words[0]) + 1) / (len(words[1]) + 1))),
        math.log1p(min(len(w) for w in words)),
    )


def pearson(
    weights: Sequence[float], rows: Sequence[Sequence[float]], grades: list[float]
) -> float:
    return statistics.correlation([logit(row, weights) for row in rows], grades)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args(argv)
    settings = Settings()
    sts = sts_sets(args.shared)
    msrp = msrp_pairs(args.shared)
    if not sts:
        print(f"no STS data in {args.shared}", file=sys.stderr)
        return 2
    rows = {name: [lexical(a, b, settings) for _, a, b in pairs] for name, pairs in sts.items()}
    msrp_rows = [lexical(a, b, settings) for _, a, b in msrp]
    print(f"{'file':<18} {'held out':>9} {'in-file ceiling':>16}")
    for name, pairs in sts.items():
        grades = [grade for grade, _, _ in pairs]
        train = [row for other in sts if other != name for row in rows[other]] + msrp_rows
        labels = [g >= STS_EQUIVALENT for other in sts if other != name for g, _, _ in sts[other]]
        held_out = pearson(
            logistic.fit(train, [*labels, *(t for t, _, _ in msrp)]), rows[name], grades
        )
        # The ceiling: one model per grade step, fitted on this file itself, summed.
        ceiling = [0.0] * len(pairs)
        for step in range(1, 6):
            above = [g >= step for g in grades]
            if any(above) and not all(above):
                weights = logistic.fit(rows[name], above, penalty=1.0)
                ceiling = [
                    c + probability(logit(r, weights))
                    for c, r in zip(ceiling, rows[name], strict=True)
                ]
        print(f"{name:<18} {held_out:>9.3f} {statistics.correlation(ceiling, grades):>16.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
