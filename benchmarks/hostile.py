"""Time both commands on hostile inputs at n, 2n and 4n: the time must grow linearly.

Usage:
    python -m benchmarks.hostile [--only NAME,...]     (benchmarks/speed.py runs them all too)

Each family is a text built from a repeated unit (a run of comments, of capitals, of spaced
dots...), the kind of input that makes a backtracking pattern or a scan repeated per match take
quadratic or exponential time. For each family and size, a child process loads the text from a
file, compares it with the seed readout, builds the claims report and renders both as JSON; the
time of that work (after a warm-up on a small input) is the fastest of REPEATS runs. A family
fails when a doubling of its input more than GROWTH_LIMIT-folds its time, or when a run takes
over TIME_LIMIT_S seconds (the child is stopped at TIMEOUT_S). Exit status 1 when any fails.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OTHER = ROOT / "corpus" / "sco-2012" / "mfa-readout.txt"
GROWTH_LIMIT = 2.5
TIME_LIMIT_S = 5.0
TIMEOUT_S = 60.0
REPEATS = 3
SCALES = (1, 2, 4)


def _acronym_like(count: int) -> str:
    """Distinct acronyms and distinct two-word names, none the other's initials, as sentences."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    sentences = []
    for i in range(count):
        a, b, c = letters[i % 26], letters[i // 26 % 26], letters[i // 676 % 26]
        sentences.append(f"The {a}{b}{c}Q met {a}ab {c}cd.")
    return " ".join(sentences)


# name -> (suffix, text of a size 1 input, scaled by repeating its unit k times)
FAMILIES: dict[str, tuple[str, Callable[[int], str]]] = {
    "html_comments": (".txt", lambda k: "<!---->" * (2_000 * k) + "x The minister met."),
    "open_comments": (".txt", lambda k: "<!--" * (2_000 * k) + " The minister met."),
    "spaced_dots": (".txt", lambda k: ". " * (4_000 * k) + "The minister met."),
    "dots": (".txt", lambda k: "a." * (4_000 * k)),
    "heading_spaces": (".md", lambda k: "# a" + " " * (10_000 * k) + "b"),
    "capitals": (".txt", lambda k: "The minister met. " + "A" * (10_000 * k) + " went."),
    "one_token": (".txt", lambda k: "x" * (40_000 * k)),
    "acronym_words": (".txt", lambda k: _acronym_like(1_500 * k)),
    "acronyms": (".txt", lambda k: "ABC " * (5_000 * k)),
    "initials": (".txt", lambda k: "A. " * (3_000 * k)),
    "names": (".txt", lambda k: "Xi Jinping " * (3_000 * k)),
    "speakers": (".txt", lambda k: '"Yes," Xi said. ' * (1_000 * k)),
    "at_signs": (".txt", lambda k: "a@" * (5_000 * k)),
    "digits": (".txt", lambda k: "1," * (5_000 * k)),
    "dollars": (".txt", lambda k: "$1 million " * (2_000 * k)),
    "counted": (
        ".txt",
        lambda k: "They counted " + ", ".join(str(10_000 + i) for i in range(2_000 * k)) + ".",
    ),
    "quotes": (".txt", lambda k: '"a" ' * (5_000 * k)),
    "brackets": (".txt", lambda k: "(a " * (5_000 * k)),
    "hyphens": (".txt", lambda k: "a-" * (10_000 * k)),
    "apostrophes": (".txt", lambda k: "a'" * (10_000 * k)),
    "no_punctuation": (".txt", lambda k: "word " * (8_000 * k)),
    "spaces_in_a_sentence": (
        ".txt",
        lambda k: "We won, said Xi" + " " * (10_000 * k) + "it ended.",
    ),
    "capital_stopwords": (".txt", lambda k: "A " * (10_000 * k) + "went."),
    "run_on_lines": (".txt", lambda k: "and so on\n" * (5_000 * k)),
    "repeated_sentence": (".txt", lambda k: "The minister met the press. " * (200 * k)),
    "cjk": (".txt", lambda k: "部长会见了记者。" * (2_000 * k)),
    "thai": (".txt", lambda k: "รัฐมนตรีพบนักข่าว " * (2_000 * k)),
    "open_tags": (".html", lambda k: "<a" * (20_000 * k)),
    "html_comment_runs": (".html", lambda k: "a <!--" * (8_000 * k)),
    "emphasis": (".md", lambda k: "*a " * (10_000 * k)),
    "links": (".md", lambda k: "[a](b" * (5_000 * k)),
    "md_comments": (".md", lambda k: "a <!--" * (8_000 * k)),
    "md_scripts": (".md", lambda k: "a <script>" * (5_000 * k)),
    "md_open_brackets": (".md", lambda k: "[a " * (10_000 * k)),
    "md_backticks": (".md", lambda k: "`a " * (10_000 * k)),
    "md_deep_quotes": (".md", lambda k: "> " * (2_000 * k) + "The minister met."),
    "md_deep_lists": (
        ".md",
        lambda k: ("".join("  " * i + "- a\n" for i in range(60)) + "\nText.\n\n") * (5 * k),
    ),
    "md_stars": (".md", lambda k: "a" + "*" * (20_000 * k) + "b"),
}


def run_once(path: str) -> float:
    """Both commands' work on one input, in this process: seconds."""
    from sco_compare import compare, compare_claims, load_document
    from sco_compare.render.json_report import render_json

    started = time.perf_counter()
    document, _ = load_document(path, label="A")
    other, _ = load_document(str(OTHER), label="B")
    comparison = compare(document, other)
    render_json(comparison.to_dict())
    render_json(compare_claims(comparison).to_dict())
    return time.perf_counter() - started


def worker(path: str, warm_up: str) -> float:
    """The fastest of REPEATS runs, after a run on a small input compiles what is compiled once."""
    run_once(warm_up)
    return min(run_once(path) for _ in range(REPEATS))


def measure(name: str, folder: Path) -> dict[str, Any]:
    """A family's times at each scale, the growth ratios and whether it passes."""
    suffix, make = FAMILIES[name]
    warm_up = folder / f"{name}-warm{suffix}"
    warm_up.write_text(make(1)[:200] + " The minister met.", encoding="utf-8")
    times: list[float | None] = []
    for scale in SCALES:
        path = folder / f"{name}-{scale}{suffix}"
        path.write_text(make(scale), encoding="utf-8")
        command = [sys.executable, "-m", "benchmarks.hostile", "--worker", str(path), str(warm_up)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_S, cwd=ROOT, check=True
            )
            times.append(float(done.stdout))
        except subprocess.TimeoutExpired:
            times.append(None)
        except subprocess.CalledProcessError as error:
            raise SystemExit(f"{name} x{scale} failed: {error.stderr.strip()[-400:]}") from None
    sizes = [len(make(scale).encode()) for scale in SCALES]
    ratios = [
        later / earlier if earlier and later else None
        for earlier, later in zip(times, times[1:], strict=False)
    ]
    passed = all(t is not None and t <= TIME_LIMIT_S for t in times) and all(
        r is not None and r <= GROWTH_LIMIT for r in ratios
    )
    return {"family": name, "bytes": sizes, "seconds": times, "ratios": ratios, "passed": passed}


def _cell(value: float | None) -> str:
    return "timeout" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", help="comma-separated family names")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(worker(*args.worker))
        return 0
    names = args.only.split(",") if args.only else list(FAMILIES)
    with tempfile.TemporaryDirectory() as folder:
        rows = measure_all(names, Path(folder))
    return 0 if all(row["passed"] for row in rows) else 1


def measure_all(names: list[str], folder: Path) -> list[dict[str, Any]]:
    """Measure the named families, printing a table row for each as it is done."""
    print(f"{'hostile input':<18} {'KB at 4n':>9} {'n (s)':>8} {'2n (s)':>8} {'4n (s)':>8} ratios")
    rows = []
    for name in names:
        row = measure(name, folder)
        rows.append(row)
        seconds = " ".join(f"{_cell(t):>8}" for t in row["seconds"])
        ratios = " ".join(_cell(r) for r in row["ratios"])
        verdict = "" if row["passed"] else "  FAIL"
        print(f"{name:<18} {row['bytes'][-1] / 1024:>9.0f} {seconds} {ratios}{verdict}", flush=True)
    return rows


if __name__ == "__main__":
    sys.exit(main())
