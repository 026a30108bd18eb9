"""The terminal report in a real terminal: tmux at 80 and 120 columns, captured with its colors."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import CHINA_DAILY, READOUT

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def in_tmux(tmp_path: Path, width: int, *arguments: str, env: str = "PAGER=cat") -> str:
    """What a terminal `width` columns wide shows after the command ran: every line it printed,
    with the terminal's color codes. (PAGER=cat: a report longer than the screen is printed,
    not paged.)"""
    socket = f"sco-compare-test-{uuid.uuid4().hex[:12]}"
    config = tmp_path / "tmux.conf"
    config.write_text(
        f"set -g history-limit 10000\nset -g default-size {width}x40\n", encoding="utf-8"
    )
    tmux = ["tmux", "-L", socket, "-f", str(config)]
    command = shlex.join([sys.executable, "-m", "sco_compare", *arguments])
    # The pane may start at tmux's default size: the command waits until it has its width.
    wait = f'until [ "$(tput cols)" = {width} ]; do sleep 0.05; done'
    script = f"{wait}; {env} {command}; tmux -L {socket} wait-for -S finished; sleep 60"
    try:
        subprocess.run(
            [*tmux, "new-session", "-d", "-x", str(width), "-y", "40", script], check=True
        )
        subprocess.run([*tmux, "wait-for", "finished"], check=True, timeout=60)
        captured = subprocess.run(
            [*tmux, "capture-pane", "-p", "-e", "-S", "-", "-E", "-"],
            capture_output=True,
            check=True,
        )
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False)
    return captured.stdout.decode("utf-8").rstrip("\n")


@pytest.mark.parametrize("width", [80, 120])
def test_the_report_fits_the_terminal_in_color(tmp_path: Path, width: int) -> None:
    screen = in_tmux(tmp_path, width, "diff", str(READOUT), str(CHINA_DAILY))
    assert ESCAPE.search(screen), "no color on a terminal"
    plain = ESCAPE.sub("", screen)
    assert max(len(line) for line in plain.splitlines()) <= width
    assert "[-" not in plain and "{+" not in plain  # colors, not markers
    for shown in ("A mfa-readout.txt", "B china-daily.txt", "26%", "44%", "Only in A", "A24"):
        assert shown in plain, shown


@pytest.mark.parametrize("width", [80, 120])
def test_no_color_gives_markers_in_a_terminal(tmp_path: Path, width: int) -> None:
    screen = in_tmux(
        tmp_path, width, "diff", str(READOUT), str(CHINA_DAILY), env="NO_COLOR=1 PAGER=cat"
    )
    assert not ESCAPE.search(screen)
    assert "[-" in screen and "{+" in screen
    assert max(len(line) for line in screen.splitlines()) <= width


def test_a_narrow_terminal_keeps_the_coverage_figures(tmp_path: Path) -> None:
    screen = ESCAPE.sub("", in_tmux(tmp_path, 50, "diff", str(READOUT), str(CHINA_DAILY)))
    summary = screen.split("Only in A")[0].splitlines()
    assert next(row for row in summary if row.startswith("A ")).endswith(" 4% 26%"), summary
    assert next(row for row in summary if row.startswith("B ")).endswith(" 6% 44%"), summary


def test_the_claims_report_fits_80_columns(tmp_path: Path) -> None:
    screen = ESCAPE.sub("", in_tmux(tmp_path, 80, "claims", str(READOUT), str(CHINA_DAILY)))
    assert max(len(line) for line in screen.splitlines()) <= 80
    assert "Sergei Razov" in screen and "only in B" in screen


def test_a_report_longer_than_the_screen_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = shlex.quote(f"tee {shlex.quote(str(paged))} > /dev/null")
    screen = in_tmux(tmp_path, 120, "diff", str(READOUT), str(CHINA_DAILY), env=f"PAGER={pager}")
    shown = ESCAPE.sub("", paged.read_text(encoding="utf-8"))
    assert "Only in A" in shown and "Aligned sentences" in shown
    assert ESCAPE.search(paged.read_text(encoding="utf-8")), "the pager gets the colors"
    assert "Only in A" not in screen


def test_no_pager_and_a_short_report_print_to_the_terminal(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = shlex.quote(f"tee {shlex.quote(str(paged))} > /dev/null")
    for arguments in (("--no-pager",), ("--only", "covered")):
        screen = in_tmux(
            tmp_path, 120, "diff", str(READOUT), str(CHINA_DAILY), *arguments, env=f"PAGER={pager}"
        )
        assert "Coverage" in ESCAPE.sub("", screen), arguments
        assert not paged.exists(), arguments


def test_large_sources_show_their_progress_on_a_terminal(tmp_path: Path) -> None:
    from benchmarks.speed import as_text, make_documents

    sentences_a, sentences_b, _ = make_documents(3000, 7)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(as_text(sentences_a), encoding="utf-8")
    b.write_text(as_text(sentences_b), encoding="utf-8")
    socket = f"sco-compare-test-{uuid.uuid4().hex[:12]}"
    done = tmp_path / "done"
    command = shlex.join(
        [sys.executable, "-m", "sco_compare", "diff", str(a), str(b), "-o", str(tmp_path / "r.txt")]
    )
    tmux = ["tmux", "-L", socket]
    seen = ""
    try:
        subprocess.run(
            [
                *tmux,
                "new-session",
                "-d",
                "-x",
                "100",
                "-y",
                "20",
                f"{command}; touch {done}; sleep 60",
            ],
            check=True,
        )
        for _ in range(600):  # a minute at most
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=True
            ).stdout
            if "aligning their sentences" in screen:
                seen = screen
                break
            if done.exists():
                break
            time.sleep(0.1)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False)
    assert "aligning their sentences" in seen


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    from benchmarks.speed import as_text, make_documents

    sentences_a, sentences_b, _ = make_documents(1500, 7)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(as_text(sentences_a), encoding="utf-8")
    b.write_text(as_text(sentences_b), encoding="utf-8")
    assert a.stat().st_size + b.stat().st_size > 200_000
    result = subprocess.run(
        [sys.executable, "-m", "sco_compare", "diff", str(a), str(b), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_a_pager_that_fails_leaves_the_report_printed(tmp_path: Path) -> None:
    screen = in_tmux(tmp_path, 120, "diff", str(READOUT), str(CHINA_DAILY), env="PAGER=false")
    assert "Only in A" in ESCAPE.sub("", screen)


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", ["diff", "claims"])
def test_three_sources_fit_the_terminal_with_their_marks(
    tmp_path: Path, width: int, command: str
) -> None:
    wire = READOUT.parent.parent.parent / "tests" / "fixtures" / "sco-2012-wire.txt"
    screen = in_tmux(tmp_path, width, command, str(READOUT), str(CHINA_DAILY), str(wire))
    plain = ESCAPE.sub("", screen)
    assert max(len(line) for line in plain.splitlines()) <= width
    own = "Only in C (" if command == "diff" else "Unique claims of C ("
    assert "In every source" in plain and own in plain
    table = plain[plain.index("Where each") :]
    marked = [line for line in table.splitlines() if re.search(r"[✓~·] +[✓~·] +[✓~·]", line)]
    assert marked, table[:400]
    assert re.search("\x1b\\[[0-9;]*m✓", screen), "the marks are not colored"
