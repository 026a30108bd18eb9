"""Time the HTML report of a long pair: the whole command, the page's size, and how long headless
Chromium takes to open it and to answer the first click.

Usage:
    python -m benchmarks.html [--size 2000] [--seed 7] [--json benchmarks/html.json]

The pair is benchmarks/speed.py's generated one (`size` sentences a side), the seed pair is the
corpus's. For each it measures:
  cli_s       `sco-compare diff A B -o report.html`, wall time
  kb          the report's size
  open_s      from navigation to the load event in Chromium (the page laid out, its script run),
              the median of REPEATS fresh pages
  click_s     a click on the last aligned sentence of A until its counterparts are lit, median
The bar: a 2,000-sentence pair opens in under 2 s (OPEN_BAR_S); the exit status is 1 when it
does not.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.speed import CORPUS, ROOT, cli_command, make_pair
from tests.render.browser import chromium

REPEATS = 5
OPEN_BAR_S = 2.0
# The time from navigation start to the end of the load event, as the page itself measured it.
LOAD_TIME = """() => {
  const [entry] = performance.getEntriesByType("navigation");
  return (entry.loadEventEnd - entry.startTime) / 1000;
}"""


def measure(name: str, path_a: Path, path_b: Path, folder: Path) -> dict[str, Any]:
    report = folder / f"{name}.html"
    started = time.perf_counter()
    subprocess_run([*cli_command(), "diff", str(path_a), str(path_b), "-o", str(report)])
    row: dict[str, Any] = {"pair": name, "cli_s": round(time.perf_counter() - started, 3)}
    row["kb"] = round(report.stat().st_size / 1000, 1)
    opens, clicks = [], []
    with chromium() as browser:
        for _ in range(REPEATS):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(report.as_uri(), wait_until="load")
            opens.append(page.evaluate(LOAD_TIME))
            sentence = page.locator("#h-A ~ .body .s[data-with]").last
            started = time.perf_counter()
            sentence.click()
            page.wait_for_selector(".s.lit")
            clicks.append(time.perf_counter() - started)
            page.close()
    row["open_s"] = round(statistics.median(opens), 3)
    row["click_s"] = round(statistics.median(clicks), 3)
    return row


def subprocess_run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()[-300:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "html.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        text_a, text_b = make_pair(args.size, args.seed)
        path_a, path_b = folder / "a.txt", folder / "b.txt"
        path_a.write_text(text_a, encoding="utf-8")
        path_b.write_text(text_b, encoding="utf-8")
        rows = [
            measure("seed", CORPUS / "mfa-readout.txt", CORPUS / "china-daily.txt", folder),
            measure(f"generated-{args.size}", path_a, path_b, folder),
        ]
    for row in rows:
        print(" ".join(f"{key}={value}" for key, value in row.items()))
    args.json.write_text(json.dumps({"rows": rows}, indent=2) + "\n", encoding="utf-8")
    return 1 if rows[-1]["open_s"] >= OPEN_BAR_S else 0


if __name__ == "__main__":
    sys.exit(main())
