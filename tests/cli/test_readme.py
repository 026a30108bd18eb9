"""The README's exit codes and error lines are what the command does: each documented case is
made and run, and the tables are read from the README itself."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sco_compare.cli import commands
from tests.conftest import CHINA_DAILY, READOUT, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def table(heading: str) -> dict[str, str]:
    """The first table after a heading or a line that opens a paragraph: first cell -> second."""
    after = README[README.index(heading) :]
    rows = re.findall(r"^\| (.+?) \| (.+?) \|$", after.split("\n\n", 2)[1], re.MULTILINE)
    return {first: second for first, second in rows[1:]}  # (the first row is the header)


def run(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sco_compare", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


def test_every_exit_code_the_readme_lists_is_one_the_command_uses() -> None:
    documented = {
        int(code) for cell in table("### Exit codes") for code in re.findall(r"`(\d+)`", cell)
    }
    used = {
        value
        for name, value in vars(commands).items()
        if name.startswith("EXIT_") and isinstance(value, int)
    }
    # 0 is success, 143 and 129 are 128 + SIGTERM and SIGHUP (signals.py's _stopped).
    assert documented == used | {0, 128 + 15, 128 + 1}


Case = Callable[[Path], tuple[list[str], int]]
"""Makes a documented problem in a folder: the command's arguments, and its exit code."""


def _written(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


CASES: dict[str, Case] = {
    "missing file": lambda d: (["diff", str(d / "gone.txt"), str(READOUT)], 2),
    "a directory": lambda d: (["diff", str(d), str(READOUT)], 2),
    "empty file": lambda d: (["diff", _written(d / "e.txt", b""), str(READOUT)], 2),
    "whitespace only": lambda d: (["diff", _written(d / "w.txt", b" \n\t\n"), str(READOUT)], 2),
    "no sentence (only symbols, or an HTML page of scripts and menus)": lambda d: (
        ["diff", _written(d / "s.txt", b"!!! ??? ..."), str(READOUT)],
        2,
    ),
    "binary file": lambda d: (
        ["diff", _written(d / "i.png", b"\x89PNG\r\n\x1a\n" + bytes(64)), str(READOUT)],
        2,
    ),
    "unknown `--format`": lambda d: (["diff", str(READOUT), str(CHINA_DAILY), "-f", "xml"], 2),
    "unknown `--color`": lambda d: (
        ["diff", str(READOUT), str(CHINA_DAILY), "--color", "sometimes"],
        2,
    ),
    "unknown `--fail-on`": lambda d: (
        ["diff", str(READOUT), str(CHINA_DAILY), "--fail-under", "5", "--fail-on", "all"],
        2,
    ),
    "`--fail-under` outside 0–100": lambda d: (
        ["diff", str(READOUT), str(CHINA_DAILY), "--fail-under", "150"],
        2,
    ),
    "output not writable (exit 3)": lambda d: (
        ["diff", str(READOUT), str(CHINA_DAILY), "-o", str(d / "no" / "such" / "r.md")],
        3,
    ),
    "output is a directory (exit 3)": lambda d: (
        ["diff", str(READOUT), str(CHINA_DAILY), "-o", str(d)],
        3,
    ),
    "output is one of the sources": lambda d: (
        ["diff", str(READOUT), str(CHINA_DAILY), "-o", str(READOUT)],
        2,
    ),
    "`-` given twice": lambda d: (["diff", "-", "-"], 2),
    "one source, or more than twelve": lambda d: (["diff", *[str(READOUT)] * 13], 2),
}


@pytest.mark.parametrize("problem", sorted(CASES))
def test_each_documented_error_line_is_the_one_printed(problem: str, tmp_path: Path) -> None:
    documented = table("What exit codes `2` and `3` say, by problem:")[problem]
    args, code = CASES[problem](tmp_path)
    result = run(*args)
    assert (result.returncode, result.stdout) == (code, ""), result.stderr
    # The first form the README shows; FILE is the file, "…" stands for the rest of the line.
    expected = re.findall(r"`([^`]+)`", documented)[0]
    line = result.stderr.rstrip("\n")
    assert "\n" not in line
    pattern = re.escape(expected).replace(re.escape("…"), ".*").replace("FILE", ".+")
    assert re.fullmatch(pattern, line), (line, expected)


def test_exit_1_below_the_bar_prints_the_report() -> None:
    result = run("diff", str(READOUT), str(CHINA_DAILY), "--fail-under", "100")
    assert result.returncode == 1
    assert "Only in A" in result.stdout
    assert "below --fail-under 100" in result.stderr


def test_exit_3_when_standard_output_is_full() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:  # noqa: PTH123 (a device, opened for the child)
        result = run("diff", str(READOUT), str(CHINA_DAILY), stdout=full.fileno())
    assert result.returncode == 3
    assert result.stderr.startswith("sco-compare: error: standard output: cannot write the report")


def test_the_option_table_lists_every_option_of_the_commands_and_no_other() -> None:
    from typer.main import get_command

    rows = README[README.index("| option | meaning |") :].split("\n\n", 1)[0].splitlines()
    documented = {
        name for row in rows[2:] for name in re.findall(r"`(--?[\w-]+)", row.split(" | ")[0])
    }
    command = get_command(commands.app)
    offered = {
        name
        for sub in ("diff", "claims")
        for param in command.commands[sub].params  # type: ignore[attr-defined]
        for name in (*param.opts, *param.secondary_opts)
        if name.startswith("-")
    }
    offered |= {"--help", "-h", "--version", "-V", "--install-completion", "--show-completion"}
    assert documented == offered
