"""Check that a change leaves the answers alone: `diff` and `claims` JSON of every gold pair.

Usage:
    python -m benchmarks.same_output save DIR      # write the reports of this checkout to DIR
    python -m benchmarks.same_output check DIR     # compare this checkout's reports with DIR
    (--gold FOLDER: where the gold pairs are, default ../shared/gold)

The pairs are the seed pair and every pair folder (a.txt, b.txt) under ../shared/gold. The
version and the settings signature (which carries the version) are left out of the comparison,
so a version bump alone is no difference. Exit status 1 when any report differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"
COMMANDS = ("diff", "claims")
VOLATILE = ("version", "signature")
"""Fields a version bump changes, wherever they occur."""


def pairs(gold: Path) -> dict[str, tuple[Path, Path]]:
    """Each gold pair's name and its two texts."""
    seed = Path("corpus", "sco-2012")  # relative, as reports name the path given
    found = {"sco-2012": (seed / "mfa-readout.txt", seed / "china-daily.txt")}
    for folder in sorted(gold.glob("*/*/")):
        if (folder / "a.txt").is_file() and (folder / "b.txt").is_file():
            found[f"{folder.parent.name}-{folder.name}"] = (folder / "a.txt", folder / "b.txt")
    return found


def report(command: str, a: Path, b: Path) -> Any:
    """The JSON report of one command on one pair, with the volatile fields removed."""
    done = subprocess.run(
        [sys.executable, "-m", "sco_compare", command, str(a), str(b), "--format", "json"],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},  # this checkout, whatever is installed
    )
    return _without_volatile(json.loads(done.stdout))


def _without_volatile(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_volatile(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_without_volatile(v) for v in value]
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--gold", type=Path, default=GOLD, help=f"default: {GOLD}")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    differing = 0
    gold_pairs = pairs(args.gold)
    for name, (a, b) in gold_pairs.items():
        for command in COMMANDS:
            stored = args.folder / f"{name}.{command}.json"
            current = report(command, a, b)
            if args.action == "save":
                stored.write_text(json.dumps(current, indent=1, sort_keys=True), "utf-8")
                continue
            same = json.loads(stored.read_text("utf-8")) == current
            differing += not same
            print(f"{'same' if same else 'DIFFERENT':<9} {command:<6} {name}")
    if args.action == "check":
        print(f"{differing} of {len(gold_pairs) * len(COMMANDS)} reports differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
