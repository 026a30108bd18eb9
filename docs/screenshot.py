"""The README's picture of the terminal report: the corpus pair in tmux at 120x40, the screen a
reader sees first, captured with its colors (tmux capture-pane -e) and drawn as SVG by rich.

Usage: python docs/screenshot.py  (needs tmux; writes docs/terminal-120.svg)
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 120, 40


def capture() -> str:
    """The first screen of `sco-compare diff` on the corpus pair in a tmux pane, with colors."""
    socket = f"sco-compare-shot-{uuid.uuid4().hex[:8]}"
    corpus = ROOT / "corpus" / "sco-2012"
    command = shlex.join(
        [
            sys.executable,
            "-m",
            "sco_compare",
            "diff",
            str(corpus / "mfa-readout.txt"),
            str(corpus / "china-daily.txt"),
        ]
    )
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "tmux.conf"
        config.write_text(f"set -g default-size {WIDTH}x{HEIGHT}\n", encoding="utf-8")
        tmux = ["tmux", "-L", socket, "-f", str(config)]
        wait = f'until [ "$(tput cols)" = {WIDTH} ]; do sleep 0.05; done'
        # The report goes through `head`, as a pager would show its first screen.
        script = (
            f"{wait}; cd {shlex.quote(str(ROOT))};"
            f" COLUMNS={WIDTH} {command} --color always | head -n {HEIGHT - 1};"
            f" tmux -L {socket} wait-for -S finished; sleep 60"
        )
        try:
            subprocess.run(
                [*tmux, "new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT), script],
                check=True,
            )
            subprocess.run([*tmux, "wait-for", "finished"], check=True, timeout=60)
            shown = subprocess.run(
                [*tmux, "capture-pane", "-p", "-e"], capture_output=True, check=True
            )
        finally:
            subprocess.run([*tmux, "kill-server"], capture_output=True, check=False)
    return shown.stdout.decode("utf-8")


def main() -> int:
    screen = capture()
    console = Console(record=True, width=WIDTH, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(Text.from_ansi(screen), end="")
    target = ROOT / "docs" / "terminal-120.svg"
    console.save_svg(str(target), title="sco-compare diff (tmux, 120 columns)")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
