"""The conventions of command-line tools: version, short help, format names, color, quiet."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from sco_compare import __version__
from sco_compare.cli import app
from tests.conftest import CHINA_DAILY, READOUT

runner = CliRunner()
PAIR = [str(READOUT), str(CHINA_DAILY)]


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = runner.invoke(app, [flag])
    assert result.exit_code == 0
    assert result.stdout == f"sco-compare {__version__}\n"


@pytest.mark.parametrize("command", [[], ["diff"], ["claims"]])
def test_short_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "-h"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ") and "-h, --help" in result.stdout
    assert result.stdout == runner.invoke(app, [*command, "--help"]).stdout


@pytest.mark.parametrize(
    ("name", "opening"), [("md", "# Comparison"), ("JSON", "{"), ("Markdown", "# Comparison")]
)
def test_format_names_are_short_and_in_any_case(name: str, opening: str) -> None:
    result = runner.invoke(app, ["diff", *PAIR, "-f", name])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(opening)


def test_color_always_keeps_colors_through_a_pipe() -> None:
    command = [sys.executable, "-m", "sco_compare", "diff", *PAIR]
    piped = subprocess.run([*command, "--color", "always"], capture_output=True, check=True)
    assert b"\x1b[" in piped.stdout
    plain = subprocess.run(command, capture_output=True, check=True)
    assert b"\x1b[" not in plain.stdout and b"[-" in plain.stdout


@pytest.mark.parametrize("flags", [["--color", "never"], ["--no-color"], ["--color", "NEVER"]])
def test_color_never_gives_markers(flags: list[str]) -> None:
    result = runner.invoke(app, ["diff", *PAIR, *flags])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout and "[-" in result.stdout


def test_an_unknown_color_choice_is_a_usage_error() -> None:
    result = runner.invoke(app, ["diff", *PAIR, "--color", "sometimes"])
    assert result.exit_code == 2
    assert result.stderr == "sco-compare: error: --color sometimes: choose auto, always, never\n"


def test_quiet_prints_nothing_and_keeps_the_exit_code() -> None:
    quiet = runner.invoke(app, ["diff", *PAIR, "-q"])
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    below = runner.invoke(app, ["claims", *PAIR, "--quiet", "--fail-under", "90"])
    assert below.exit_code == 1 and below.stdout == ""
    assert "below --fail-under 90" in below.stderr


def test_shell_completion_is_offered() -> None:
    result = runner.invoke(app, ["--help"])
    assert "--install-completion" in result.stdout
    script = runner.invoke(app, ["--show-completion", "bash"])
    assert script.exit_code == 0, script.output
    assert "complete" in script.stdout


def test_quiet_does_not_need_a_stdout() -> None:
    command = [sys.executable, "-m", "sco_compare", "diff", *PAIR, "-q"]
    done = subprocess.run(command, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    assert (done.returncode, done.stderr) == (0, b"")


def test_the_settings_signature_only_when_verbose() -> None:
    for command in ("diff", "claims"):
        plain = runner.invoke(app, [command, *PAIR, "--no-color"])
        assert "settings:" not in plain.stdout
        verbose = runner.invoke(app, [command, *PAIR, "--no-color", "-v"])
        assert "settings: link_cut:" in verbose.stdout


def test_the_summary_comes_first_then_what_one_side_alone_says() -> None:
    output = runner.invoke(app, ["diff", *PAIR, "--no-color"]).stdout
    order = [output.index(title) for title in ("Coverage", "Only in A", "Only in B", "Aligned")]
    assert order == sorted(order)
    assert "[-only in A-]  {+only in B+}" in output  # the legend


def test_fail_on_reported_measures_what_is_carried_at_least_in_part() -> None:
    # The corpus pair: 4% / 6% covered in full, 26% / 44% at least in part.
    covered = runner.invoke(app, ["diff", *PAIR, "-q", "--fail-under", "20"])
    assert covered.exit_code == 1
    assert "A (mfa-readout.txt) is 4% covered, below --fail-under 20" in covered.stderr
    reported = runner.invoke(
        app, ["diff", *PAIR, "-q", "--fail-under", "20", "--fail-on", "reported"]
    )
    assert (reported.exit_code, reported.stderr) == (0, "")
    higher = runner.invoke(
        app, ["diff", *PAIR, "-q", "--fail-under", "30", "--fail-on", "reported"]
    )
    assert higher.exit_code == 1
    assert higher.stderr == (
        "sco-compare: A (mfa-readout.txt) is 26% reported, below --fail-under 30\n"
    )


def test_an_unknown_fail_on_choice_is_a_usage_error() -> None:
    result = runner.invoke(app, ["diff", *PAIR, "--fail-under", "5", "--fail-on", "all"])
    assert result.exit_code == 2
    assert result.stderr == "sco-compare: error: --fail-on all: choose covered, reported\n"


def test_stat_gives_one_line_per_source() -> None:
    diff = runner.invoke(app, ["diff", *PAIR, "--stat"])
    assert diff.exit_code == 0
    assert diff.stdout.splitlines() == [
        "A mfa-readout.txt | 23 content sentences: 1 covered, 5 partial, 17 unique"
        " | 4% covered, 26% reported",
        "B china-daily.txt | 18 content sentences: 1 covered, 7 partial, 10 unique"
        " | 6% covered, 44% reported",
    ]
    claims = runner.invoke(app, ["claims", *PAIR, "--stat"])
    assert [line.split(" | ")[0] for line in claims.stdout.splitlines()] == [
        "A mfa-readout.txt",
        "B china-daily.txt",
    ]
    assert all(" claims: " in line for line in claims.stdout.splitlines())


def test_a_piped_report_is_as_wide_as_columns_says() -> None:
    for columns, widest in (("60", 60), ("140", 140)):
        result = runner.invoke(
            app, ["diff", str(READOUT), str(CHINA_DAILY)], env={"COLUMNS": columns}
        )
        lengths = [len(line) for line in result.stdout.splitlines()]
        assert max(lengths) <= widest and max(lengths) > widest - 20, (columns, max(lengths))


def test_only_lists_the_sentences_of_each_source_with_that_status() -> None:
    report = json.loads(
        runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "-f", "json"]).stdout
    )
    covered = [
        s["id"]
        for source in report["sources"]
        for s in source["sentences"]
        if s["status"] == "covered"
    ]
    result = runner.invoke(
        app, ["diff", str(READOUT), str(CHINA_DAILY), "--only", "covered"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0
    listed = re.findall(r"^\s*([AB]\d+)\s", result.stdout, re.MULTILINE)
    assert listed == covered and covered
    assert "Aligned sentences" not in result.stdout


def test_only_lists_the_claims_of_each_source_with_that_status() -> None:
    report = json.loads(
        runner.invoke(app, ["claims", str(READOUT), str(CHINA_DAILY), "-f", "json"]).stdout
    )
    shared = [c["id"] for c in report["claims"] if c["status"] == "shared"]
    result = runner.invoke(
        app, ["claims", str(READOUT), str(CHINA_DAILY), "--only", "SHARED", "-f", "md"]
    )
    assert result.exit_code == 0
    assert re.findall(r"^- \*\*([AB][\d.]+)\*\*", result.stdout, re.MULTILINE) == shared
    assert "## Speakers only one source quotes" not in result.stdout


def test_only_takes_the_statuses_of_its_command() -> None:
    result = runner.invoke(app, ["claims", str(READOUT), str(CHINA_DAILY), "--only", "covered"])
    assert result.exit_code == 2
    assert result.stderr == "sco-compare: error: --only covered: choose shared, partial, unique\n"


def test_sections_shows_only_the_sections_chosen() -> None:
    result = runner.invoke(
        app, ["diff", str(READOUT), str(CHINA_DAILY), "--sections", "Summary, aligned"]
    )
    assert result.exit_code == 0
    assert "Coverage" in result.stdout and "Aligned sentences" in result.stdout
    assert "Only in A" not in result.stdout and "Set aside as boilerplate" not in result.stdout


def test_sections_chooses_among_the_markdown_sections_too() -> None:
    result = runner.invoke(
        app, ["claims", str(READOUT), str(CHINA_DAILY), "-f", "md", "--sections", "conflicts"]
    )
    headings = re.findall(r"^## (.+)$", result.stdout, re.MULTILINE)
    assert headings == ["Sources", "Conflicting numbers and dates", "Settings"]


def test_sections_takes_the_sections_of_its_command() -> None:
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "--sections", "speakers"])
    assert result.exit_code == 2
    assert result.stderr == (
        "sco-compare: error: --sections speakers: choose from summary, unique, aligned,"
        " boilerplate\n"
    )


def test_a_columns_value_that_is_no_number_gives_the_usual_width() -> None:
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY)], env={"COLUMNS": "²"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) == 100


def test_the_schema_command_with_standard_output_closed_exits_3() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sco_compare", "schema", "diff"],
        preexec_fn=lambda: os.close(1),  # the child's own stdout, as `>&-` closes it
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert result.returncode == 3
    assert result.stderr == "sco-compare: error: standard output is closed\n"
