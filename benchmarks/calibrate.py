"""Score sco-compare on every gold set there is, at the chosen settings and around them.

Usage:
    python -m benchmarks.calibrate [--shared ../shared] [--link-cut X] [--covered-cut Y]
                                   [--penalty P] [--no-msrp] [--no-sts] [--sweep] [--json FILE]

Sets (each read from --shared when present, skipped otherwise):
  seed      gold/sco-2012.json, the two seed reports (align, unique and covered F1)
  superpal  gold/superpal-dev/*/gold.json, 12 summary-article pairs (macro align F1)
  news      gold/news-dev/*/gold.json, 4 pairs of articles from different outlets (macro align
            and unique F1)
  msrp      data/msrp/msr_paraphrase_train.txt (paraphrase accuracy / F1, via compare())
  sts       data/sts/*.tsv, graded sentence pairs, per file: F1 of "covered" against a grade of 4
            or more, and the Pearson correlation of the match model's probability with the grade
And one that needs no data: a generated pair (benchmarks/speed.py, 500 sentences a side), whose
B rewords 60% of A's sentences (a tenth merged in pairs) and fills the rest with new ones: a
parallel pair with unique content on both sides, so its align and unique F1 show whether the
looser links of parallel pairs hide what is unique.

Alignment figures are computed with the project scorer (eval/score.py) in-process. The table
shows the settings, each cut (and parallel_share) ±0.05, a sweep of contained_cut, and each
whole-number setting one step either side. Then the match model is cross-validated on MSRP (10
folds: fitted with L2 penalty P/10, P and 10P on nine, the tenth judged through compare()) and
fitted on all of it: those weights and cut are what Settings holds. --sweep prints a grid over
both cuts instead.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks import logistic
from benchmarks.gold import DEFAULT_SHARED, GoldPair, gold_pair, load_scorer, msrp_pairs, sts_sets
from benchmarks.speed import as_text, make_documents
from sco_compare import Settings, compare, document_from_text
from sco_compare.align.judge import logit, probability
from sco_compare.align.scorers import match_probability, pair_judgement

GENERATED_SIZE = 500


def generated_pair(size: int = GENERATED_SIZE, seed: int = 7) -> GoldPair:
    """A generated pair as gold: every sentence is its own anchor; a sentence of B links to the
    sentences of A it rewords, and a sentence with no counterpart is unique."""
    sentences_a, sentences_b, origins = make_documents(size, seed)
    reworded = set().union(*origins)

    def side(prefix: str, texts: list[str], has_counterpart: list[bool]) -> dict[str, Any]:
        return {
            "file": f"{prefix.lower()}.txt",
            "sentences": [
                {"id": f"{prefix}{k}", "anchor": text, "status": "covered" if has else "unique"}
                for k, (text, has) in enumerate(zip(texts, has_counterpart, strict=True))
            ],
        }

    gold = {
        "a": side("A", sentences_a, [k in reworded for k in range(size)]),
        "b": side("B", sentences_b, [bool(origin) for origin in origins]),
        "links": [
            {"a": f"A{k}", "b": f"B{j}", "type": "sure"}
            for j, origin in enumerate(origins)
            for k in sorted(origin)
        ],
    }
    return GoldPair(f"generated-{size}", gold, as_text(sentences_a), as_text(sentences_b))


def score_pair(scorer: ModuleType, pair: GoldPair, settings: Settings) -> dict[str, float]:
    """align / unique figures of one gold pair (claims are scored by score.py itself)."""
    document_a = document_from_text(pair.text_a, label="A")
    document_b = document_from_text(pair.text_b, label="B")
    result = compare(document_a, document_b, settings=settings).to_dict()
    figures: dict[str, float] = scorer.score(pair.gold, result, None)
    return {
        **{k: v for k, v in figures.items() if isinstance(v, float)},
        "covered_f1": covered_f1(scorer, pair.gold, result),
    }


def covered_f1(scorer: ModuleType, gold: dict[str, Any], result: dict[str, Any]) -> float:
    """F1 of status "covered" against the gold statuses, over the sentences that both the gold
    and the tool call covered or partial (score.py leaves covered-versus-partial unscored)."""
    truth: list[bool] = []
    predicted: list[bool] = []
    for side, source in zip("ab", result["sources"], strict=True):
        mapping, _ = scorer.map_sentences(source["sentences"], gold[side]["sentences"])
        gold_status = {g["id"]: g["status"] for g in gold[side]["sentences"]}
        for sentence in source["sentences"]:
            for gold_id in mapping.get(sentence["index"], ()):
                statuses = (gold_status[gold_id], sentence["status"])
                if all(s in ("covered", "partial") for s in statuses):
                    truth.append(statuses[0] == "covered")
                    predicted.append(statuses[1] == "covered")
    return classification(truth, predicted)["f1"]


STS_EQUIVALENT = 4.0
"""STS grades from this up say two sentences are mostly equivalent: the pair should be covered."""


def sts_figures(pairs: list[tuple[float, str, str]], settings: Settings) -> dict[str, float]:
    """F1 of "covered both ways" against a grade of STS_EQUIVALENT or more, and the Pearson
    correlation of the match model's probability with the grade."""
    truth = [grade >= STS_EQUIVALENT for grade, _, _ in pairs]
    predicted = [is_paraphrase(a, b, settings) for _, a, b in pairs]
    chances = [match_probability(a, b, settings=settings) for _, a, b in pairs]
    pearson = statistics.correlation(chances, [grade for grade, _, _ in pairs])
    return {"covered_f1": classification(truth, predicted)["f1"], "pearson": pearson}


def is_paraphrase(text_a: str, text_b: str, settings: Settings) -> bool:
    """A pair counts as paraphrase when every content sentence on both sides is covered."""
    comparison = compare(text_a, text_b, settings=settings)
    statuses = [s for s in (*comparison.statuses_a, *comparison.statuses_b) if s != "boilerplate"]
    return bool(statuses) and all(s == "covered" for s in statuses)


def classification(truth: list[bool], predicted: list[bool]) -> dict[str, float]:
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(t == p for t, p in zip(truth, predicted, strict=True)) / max(1, len(truth))
    return {"accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1}


def evaluate(
    settings: Settings,
    scorer: ModuleType,
    seed: GoldPair | None,
    superpal: list[GoldPair],
    msrp: list[tuple[bool, str, str]],
    generated: GoldPair | None = None,
    news: Sequence[GoldPair] = (),
    sts: dict[str, list[tuple[float, str, str]]] | None = None,
) -> dict[str, float]:
    """One row of figures for one setting."""
    row: dict[str, float] = {}
    if news:
        scored = [score_pair(scorer, pair, settings) for pair in news]
        for key in ("align_f1", "unique_f1"):
            row[f"news_{key}"] = sum(s[key] for s in scored) / len(scored)
    for name, pairs in (sts or {}).items():
        row.update({f"sts_{name}_{k}": v for k, v in sts_figures(pairs, settings).items()})
    if generated:
        figures = score_pair(scorer, generated, settings)
        row.update(generated_align_f1=figures["align_f1"], generated_unique_f1=figures["unique_f1"])
    if seed:
        figures = score_pair(scorer, seed, settings)
        row.update(
            seed_align_f1=figures["align_f1"],
            seed_unique_f1=figures["unique_f1"],
            seed_covered_f1=figures["covered_f1"],
        )
    if superpal:
        scored = [score_pair(scorer, pair, settings) for pair in superpal]
        for key in ("align_p", "align_r", "align_f1"):
            row[f"superpal_{key}"] = sum(s[key] for s in scored) / len(scored)
    if msrp:
        predicted = [is_paraphrase(a, b, settings) for _, a, b in msrp]
        figures = classification([t for t, _, _ in msrp], predicted)
        row.update({f"msrp_{k}": v for k, v in figures.items()})
    return row


COUNTS = (
    "anchor_terms",
    "mutual_anchor_terms",
    "best_rare_terms",
    "rare_sentences",
    "parallel_anchor_terms",
    "parallel_rare_terms",
)
"""Whole-number settings, shown one step either side of the default."""
CUT_GRID = tuple(round(0.3 + k / 100, 2) for k in range(41))
"""Probabilities tried for the covered cut."""
PLATEAU = 0.005
"""Cuts whose accuracy is this close to the best are equally good: the middle one is chosen."""


def fit_match(
    features: Sequence[Sequence[float]],
    truth: Sequence[bool],
    blocked: Sequence[bool],
    penalty: float,
) -> tuple[tuple[float, ...], float]:
    """Match weights fitted to labelled pairs, and the covered cut for them: the middle of the
    cuts that classify the pairs (nearly) as well as the best one, so that it is not a peak.
    A `blocked` pair (a figure or a negation in conflict) is partial whatever the model says,
    as in compare()."""
    weights = logistic.fit(features, truth, penalty=penalty)
    chances = [probability(logit(f, weights)) for f in features]
    accuracy = {
        cut: sum(
            (chance >= cut and not no) == t
            for chance, no, t in zip(chances, blocked, truth, strict=True)
        )
        for cut in CUT_GRID
    }
    best = max(accuracy.values())
    good = [cut for cut in CUT_GRID if accuracy[cut] >= best - PLATEAU * len(truth)]
    return weights, good[len(good) // 2]


def msrp_inputs(
    msrp: list[tuple[bool, str, str]], settings: Settings
) -> tuple[list[tuple[float, ...]], list[bool], list[bool]]:
    """The match features, the labels and the conflict flags of the MSRP pairs."""
    judged = [pair_judgement(a, b, settings=settings) for _, a, b in msrp]
    return [f for f, _ in judged], [t for t, _, _ in msrp], [c for _, c in judged]


def cross_validate(
    msrp: list[tuple[bool, str, str]], base: Settings, penalty: float, folds: int = 10
) -> dict[str, float]:
    """10-fold CV of the match model and the covered cut: fit both on nine folds, then judge the
    tenth through compare(), exactly as the tool would."""
    features, truth, blocked = msrp_inputs(msrp, base)
    held_out_truth: list[bool] = []
    held_out_predicted: list[bool] = []
    cuts = []
    for fold in range(folds):
        train = [k for k in range(len(msrp)) if k % folds != fold]
        weights, cut = fit_match(
            [features[k] for k in train],
            [truth[k] for k in train],
            [blocked[k] for k in train],
            penalty,
        )
        cuts.append(cut)
        fitted = replace(base, match_weights=weights, covered_cut=cut)
        for k in range(fold, len(msrp), folds):
            held_out_truth.append(truth[k])
            held_out_predicted.append(is_paraphrase(msrp[k][1], msrp[k][2], fitted))
    figures = classification(held_out_truth, held_out_predicted)
    figures["cut_min"], figures["cut_max"] = min(cuts), max(cuts)
    return figures


def print_table(rows: list[tuple[str, dict[str, float]]]) -> None:
    keys = sorted({k for _, row in rows for k in row})
    width = max(len(label) for label, _ in rows)
    print(" " * width, *(f"{k:>18}" for k in keys))
    for label, row in rows:
        print(f"{label:<{width}}", *(f"{row.get(k, float('nan')):>18.3f}" for k in keys))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--link-cut", type=float, default=Settings.link_cut)
    parser.add_argument("--covered-cut", type=float, default=Settings.covered_cut)
    parser.add_argument(
        "--penalty", type=float, default=3.0, help="L2 penalty of the match model's fit"
    )
    parser.add_argument("--no-msrp", action="store_true", help="skip the 4,076 MSRP pairs")
    parser.add_argument("--no-sts", action="store_true", help="skip the 2,199 graded STS pairs")
    parser.add_argument("--sweep", action="store_true", help="grid over both cuts")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    args = parser.parse_args(argv)
    if not (args.shared / "eval" / "score.py").exists():
        print(f"no scorer in {args.shared}; nothing to calibrate on", file=sys.stderr)
        return 2
    scorer = load_scorer(args.shared)
    seed_file = args.shared / "gold" / "sco-2012.json"
    seed = gold_pair(seed_file, args.shared / "seeds") if seed_file.exists() else None
    superpal = [
        gold_pair(path, path.parent)
        for path in sorted((args.shared / "gold" / "superpal-dev").glob("*/gold.json"))
    ]
    msrp = [] if args.no_msrp else msrp_pairs(args.shared)
    news = [
        gold_pair(path, path.parent)
        for path in sorted((args.shared / "gold" / "news-dev").glob("*/gold.json"))
    ]
    sts = {} if args.no_sts else sts_sets(args.shared)
    generated = generated_pair()
    base = Settings(link_cut=args.link_cut, covered_cut=args.covered_cut)
    print(f"settings: {base.signature()}")
    rows: list[tuple[str, dict[str, float]]] = []

    def run(settings: Settings) -> dict[str, float]:
        return evaluate(settings, scorer, seed, superpal, msrp, generated, news, sts)

    if args.sweep:
        for link in (0.26, 0.3, 0.34, 0.38, 0.42, 0.46):
            for covered in (0.42, 0.47, 0.52, 0.57, 0.62):
                rows.append(
                    (
                        f"link {link:.2f} covered {covered:.2f}",
                        run(replace(base, link_cut=link, covered_cut=covered)),
                    )
                )
    else:
        rows.append(("chosen", run(base)))
        for delta in (-0.05, 0.05):
            for name in ("link_cut", "covered_cut", "parallel_share"):
                value = round(getattr(base, name) + delta, 4)
                rows.append((f"{name} {delta:+.2f}", run(replace(base, **{name: value}))))
        for contained in (0.6, 0.7, 0.8, 0.9, 1.0):
            if contained != base.contained_cut:
                rows.append(
                    (f"contained_cut {contained:.2f}", run(replace(base, contained_cut=contained)))
                )
        for name in COUNTS:
            for step in (-1, 1):
                value = getattr(base, name) + step
                if value >= 1:
                    rows.append((f"{name} {value}", run(replace(base, **{name: value}))))
    print_table(rows)
    report: dict[str, Any] = {"signature": base.signature(), "rows": dict(rows)}
    if msrp and not args.sweep:
        report["msrp_cross_validation"] = {}
        for penalty in (args.penalty / 10, args.penalty, args.penalty * 10):
            cv = cross_validate(msrp, base, penalty)
            report["msrp_cross_validation"][f"penalty {penalty:g}"] = cv
            print(
                f"MSRP 10-fold CV of the match model and covered cut (penalty {penalty:g}):",
                " ".join(f"{k}={v:.3f}" for k, v in cv.items()),
            )
        weights, cut = fit_match(*msrp_inputs(msrp, base), args.penalty)
        report["msrp_fit"] = {"covered_cut": cut, "match_weights": [round(w, 4) for w in weights]}
        fitted = ", ".join(f"{w:.4f}" for w in weights)
        print(f"fitted on all of MSRP: covered_cut={cut} match_weights=({fitted})")
        if (round(cut, 2), tuple(round(w, 4) for w in weights)) != (
            base.covered_cut,
            base.match_weights,
        ):
            print("note: these differ from the settings used above", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
