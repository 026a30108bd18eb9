"""Time sco-compare on long generated document pairs, and check the index against --exhaustive.

Usage:
    python -m benchmarks.speed [--sizes 100,1000,5000,20000] [--exhaustive-up-to 1000]
                               [--json benchmarks/speed.json] [--seed 7]

For each size N it writes a pair of N-sentence documents (fixed seed; see make_documents:
pseudo-words with Zipf frequencies, and a vocabulary that grows with the square root of the text,
as Heaps' law has it for real text), then measures, each in a fresh process so peak memory is the
process's own:
  load_s       reading, decoding and segmenting both documents
  align_s      the alignment stage: normalization, candidates, scoring, groups (align()),
               the fastest of REPEATS runs
  cli_s        the whole command, `sco-compare diff A B --format json -o FILE`, wall time
  peak_mb      peak resident memory of the whole command
  agree_*      at N <= --exhaustive-up-to: the share of sentences whose status and whose best
               counterpart are the same with the index as with --exhaustive
It also times the seed pair (corpus/) through the whole command, and both commands on the
hostile inputs of benchmarks/hostile.py at n, 2n and 4n (long tokens, runs of one pattern, text
without punctuation...), whose time must grow linearly. It prints the tables and writes them as
JSON; the exit status is 1 when a hostile input grows faster than linearly or takes too long.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import hostile
from sco_compare import Side
from sco_compare.align import AlignmentResult

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "sco-2012"
FUNCTION_WORDS = (
    "the of and to in a on for with that by as at from its their has was will be".split()
)
SYLLABLES = "ka ro mi su te na lo vi de pa ri zo ul an es or im et ba ko".split()


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    """Pseudo-words of two to four syllables; the first ones are the most frequent (Zipf)."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_sentence(rng: random.Random, vocabulary: list[str], cumulative: list[float]) -> list[str]:
    length = rng.randint(10, 28)
    content = iter(rng.choices(vocabulary, cum_weights=cumulative, k=length))
    words = []
    for position in range(length):
        if position % 3 == 1:
            words.append(rng.choice(FUNCTION_WORDS))
        else:
            word = next(content)
            words.append(word.capitalize() if rng.random() < 0.08 else word)
    return words


def reword(rng: random.Random, words: list[str], vocabulary: list[str]) -> list[str]:
    """Replace about a fifth of the words, drop a tenth, and move a chunk to the front."""
    out = []
    for word in words:
        roll = rng.random()
        if roll < 0.1:
            continue
        out.append(rng.choice(vocabulary) if roll < 0.3 else word)
    cut = rng.randint(0, max(0, len(out) - 1))
    return out[cut:] + out[:cut] if rng.random() < 0.3 else out


def as_sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def as_text(sentences: list[str], per_paragraph: int = 4) -> str:
    paragraphs = [
        " ".join(sentences[start : start + per_paragraph])
        for start in range(0, len(sentences), per_paragraph)
    ]
    return "\n\n".join(paragraphs) + "\n"


def make_documents(size: int, seed: int) -> tuple[list[str], list[str], list[set[int]]]:
    """Document A: `size` sentences. B: 60% of A reworded (a tenth merged in pairs), the rest new,
    in a shuffled order. Also, for each sentence of B, the sentences of A it rewords (none for a
    new one)."""
    rng = random.Random(seed * 1_000_003 + size)
    # Heaps' law: a text of n words uses about K * sqrt(n) distinct ones (K = 40 here, with
    # about 13 content words a sentence), so the vocabulary grows slower than the text.
    vocabulary = make_vocabulary(rng, max(2_000, int(40 * math.sqrt(size * 13))))
    cumulative = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(vocabulary))))
    document_a = [make_sentence(rng, vocabulary, cumulative) for _ in range(size)]
    document_b: list[tuple[list[str], set[int]]] = []
    kept = rng.sample(range(size), int(size * 0.6))
    k = 0
    while k < len(kept) and len(document_b) < size:
        if rng.random() < 0.1 and k + 1 < len(kept):
            merged = document_a[kept[k]] + ["and"] + document_a[kept[k + 1]]
            document_b.append((reword(rng, merged, vocabulary), {kept[k], kept[k + 1]}))
            k += 2
        else:
            document_b.append((reword(rng, document_a[kept[k]], vocabulary), {kept[k]}))
            k += 1
    while len(document_b) < size:
        document_b.append((make_sentence(rng, vocabulary, cumulative), set()))
    rng.shuffle(document_b)
    return (
        [as_sentence(words) for words in document_a],
        [as_sentence(words) for words, _ in document_b],
        [origin for _, origin in document_b],
    )


def make_pair(size: int, seed: int) -> tuple[str, str]:
    """The two documents of make_documents, as text."""
    sentences_a, sentences_b, _ = make_documents(size, seed)
    return as_text(sentences_a), as_text(sentences_b)


def make_sources(count: int, size: int, seed: int) -> list[str]:
    """`count` reports of one event, `size` sentences each: each rewords a shuffled half of a
    common pool of sentences (so any two share about a quarter of their sentences) and adds
    sentences of its own."""
    rng = random.Random(seed * 1_000_003 + count * 7 + size)
    vocabulary = make_vocabulary(rng, max(2_000, int(40 * math.sqrt(size * 13))))
    cumulative = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(vocabulary))))
    pool = [make_sentence(rng, vocabulary, cumulative) for _ in range(size)]
    texts = []
    for _ in range(count):
        shared = [reword(rng, words, vocabulary) for words in rng.sample(pool, size // 2)]
        own = [make_sentence(rng, vocabulary, cumulative) for _ in range(size - len(shared))]
        sentences = shared + own
        rng.shuffle(sentences)
        texts.append(as_text([as_sentence(words) for words in sentences]))
    return texts


SOURCE_COUNTS = (4, 8, 12)
SOURCE_SIZE = 200
"""The many-sources rows: 4, 8 and 12 reports of 200 sentences each."""


def measure_sources(count: int, seed: int, folder: Path) -> dict[str, Any]:
    """The whole `sco-compare diff` of `count` reports (JSON to a file): time and peak memory."""
    paths = []
    for k, text in enumerate(make_sources(count, SOURCE_SIZE, seed)):
        paths.append(folder / f"source-{count}-{k}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    output = folder / f"out-sources-{count}.json"
    command = [*cli_command(), "diff", *map(str, paths), "--format", "json", "-o", str(output)]
    wall, peak, _ = run_measured_peak(command)
    return {"sources": count, "sentences_each": SOURCE_SIZE, "cli_s": wall, "peak_mb": peak}


REPEATS = 5
"""The alignment stage is timed this many times and the fastest run kept (as timeit does): the
slower runs measure the machine's other work, not the code."""


def worker(path_a: str, path_b: str, exhaustive_too: bool) -> dict[str, Any]:
    """Run in a child process: time the alignment stage (and compare with --exhaustive)."""
    from sco_compare import Settings, load_document
    from sco_compare.align import align
    from sco_compare.text import normalize

    started = time.perf_counter()
    document_a, _ = load_document(path_a, label="A")
    document_b, _ = load_document(path_b, label="B")
    loaded = time.perf_counter()
    timings = []
    for _ in range(REPEATS):
        normalize.clear_caches()  # each run stems its words afresh, as a first run does
        before = time.perf_counter()
        indexed = align(document_a.sentences, document_b.sentences, Settings())
        timings.append(time.perf_counter() - before)
    result: dict[str, Any] = {"load_s": loaded - started, "align_s": min(timings)}
    if exhaustive_too:
        started = time.perf_counter()
        exhaustive = align(document_a.sentences, document_b.sentences, Settings(exhaustive=True))
        result["exhaustive_s"] = time.perf_counter() - started
        result["agree_status"], result["agree_counterpart"] = agreement(indexed, exhaustive)
    return result


def agreement(indexed: AlignmentResult, exhaustive: AlignmentResult) -> tuple[float, float]:
    """The share of sentences with the same status, and with the same best counterpart, found
    with the index and with --exhaustive."""
    pairs = [
        (mine, theirs)
        for side in Side
        for mine, theirs in zip(indexed.side(side), exhaustive.side(side), strict=True)
    ]
    same_status = sum(mine[0] == theirs[0] for mine, theirs in pairs)
    same_counterpart = sum(mine[1] == theirs[1] for mine, theirs in pairs)
    return same_status / len(pairs), same_counterpart / len(pairs)


def cli_command() -> list[str]:
    return [sys.executable, "-m", "sco_compare"]


def measure(size: int, seed: int, exhaustive_up_to: int, folder: Path) -> dict[str, Any]:
    text_a, text_b = make_pair(size, seed)
    path_a, path_b = folder / f"a-{size}.txt", folder / f"b-{size}.txt"
    path_a.write_text(text_a, encoding="utf-8")
    path_b.write_text(text_b, encoding="utf-8")
    flags = ["--exhaustive-too"] if size <= exhaustive_up_to else []
    _, _, stdout = run_measured_peak(
        [sys.executable, "-m", "benchmarks.speed", "--worker", str(path_a), str(path_b), *flags]
    )
    row: dict[str, Any] = {"n": size, **json.loads(stdout)}
    output = folder / f"out-{size}.json"
    command = [
        *cli_command(),
        "diff",
        str(path_a),
        str(path_b),
        "--format",
        "json",
        "-o",
        str(output),
    ]
    row["cli_s"], row["peak_mb"], _ = run_measured_peak(command)
    return row


def run_measured_peak(command: list[str]) -> tuple[float, float, str]:
    """Run a command: its wall time, its own peak memory (from wait4) and its stdout; exit if it
    fails."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stdout = process.stdout.read().decode() if process.stdout else ""
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(command)} failed: {stderr.strip()[-300:]}")
    return wall, usage.ru_maxrss / 1024, stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000,5000,20000")
    parser.add_argument("--exhaustive-up-to", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "speed.json")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--exhaustive-too", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker[0], args.worker[1], args.exhaustive_too)))
        return 0
    rows = []
    seed_pair = [str(CORPUS / "mfa-readout.txt"), str(CORPUS / "china-daily.txt")]
    seed_wall, seed_peak, _ = run_measured_peak([*cli_command(), "diff", *seed_pair, "--no-color"])
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(measure(size, args.seed, args.exhaustive_up_to, Path(folder)))
            print_row(rows[-1], header=len(rows) == 1)
        source_rows = [measure_sources(count, args.seed, Path(folder)) for count in SOURCE_COUNTS]
        for row in source_rows:
            print(" ".join(f"{key}={value}" for key, value in row.items()), flush=True)
        hostile_rows = hostile.measure_all(list(hostile.FAMILIES), Path(folder))
    by_size = {row["n"]: row for row in rows}
    slowest = max(hostile_rows, key=lambda row: max(t or math.inf for t in row["seconds"]))
    summary: dict[str, Any] = {
        "seed_pair_cli_s": round(seed_wall, 3),
        "seed_pair_peak_mb": round(seed_peak, 1),
        "hostile_slowest_s": max(t or math.inf for t in slowest["seconds"]),
        "hostile_slowest": slowest["family"],
        "hostile_largest_ratio": max(r or math.inf for row in hostile_rows for r in row["ratios"]),
        "hostile_failed": [row["family"] for row in hostile_rows if not row["passed"]],
    }
    summary["sources_growth_12_over_4"] = round(
        source_rows[-1]["cli_s"] / source_rows[0]["cli_s"], 2
    )
    if 5000 in by_size and 20000 in by_size:
        summary["growth_20000_over_5000"] = round(
            by_size[20000]["align_s"] / by_size[5000]["align_s"], 2
        )
    print(" ".join(f"{k}={v}" for k, v in summary.items()))
    report = {"rows": rows, "sources": source_rows, "hostile": hostile_rows, **summary}
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if summary["hostile_failed"] else 0


COLUMNS = (
    "n",
    "load_s",
    "align_s",
    "cli_s",
    "peak_mb",
    "exhaustive_s",
    "agree_status",
    "agree_counterpart",
)


def print_row(row: dict[str, Any], *, header: bool) -> None:
    if header:
        print(" ".join(f"{c:>17}" for c in COLUMNS))
    cells = []
    for column in COLUMNS:
        value = row.get(column, "")
        cells.append(f"{value:>17.3f}" if isinstance(value, float) else f"{value!s:>17}")
    print(" ".join(cells), flush=True)


if __name__ == "__main__":
    sys.exit(main())
