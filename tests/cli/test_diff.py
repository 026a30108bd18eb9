"""The real `sco-compare diff` command on the corpus pair, in every format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sco_compare.cli import app
from sco_compare.cli.emit import use_color

runner = CliRunner()
PAIR = ["corpus/sco-2012/mfa-readout.txt", "corpus/sco-2012/china-daily.txt"]


def test_terminal_report_without_color(in_root: Path) -> None:
    result = runner.invoke(app, ["diff", *PAIR, "--no-color"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "Coverage" in result.output
    assert "A mfa-readout.txt" in result.output
    assert "Only in B (china-daily.txt)" in result.output
    assert "[-" in result.output and "{+" in result.output
    assert "\x1b[" not in result.output


def test_terminal_report_names_sentence_ids(in_root: Path) -> None:
    result = runner.invoke(app, ["diff", *PAIR], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "A24" in result.output and "group photo" in result.output
    assert "B11" in result.output and "Xinjiang" in result.output


def test_json_report_is_valid_json(in_root: Path) -> None:
    result = runner.invoke(app, ["diff", *PAIR, "--format", "json"])
    assert result.exit_code == 0
    assert [s["name"] for s in json.loads(result.output)["sources"]] == [
        "mfa-readout.txt",
        "china-daily.txt",
    ]


def test_output_suffix_picks_the_format(in_root: Path, tmp_path: Path) -> None:
    for name, check in (("report.json", json.loads), ("report.md", lambda t: t.startswith("# "))):
        target = tmp_path / name
        result = runner.invoke(app, ["diff", *PAIR, "-o", str(target)])
        assert result.exit_code == 0
        assert check(target.read_text(encoding="utf-8"))


def test_terminal_format_to_a_file_is_plain_text(in_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    result = runner.invoke(app, ["diff", *PAIR, "-o", str(target)])
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "Coverage" in text and "\x1b[" not in text and "[-" in text


def test_json_matches_the_library(in_root: Path) -> None:
    from sco_compare import compare, load_document

    documents = [
        load_document(path, label=label)[0] for path, label in zip(PAIR, "AB", strict=True)
    ]
    expected = compare(*documents).to_dict()
    result = runner.invoke(app, ["diff", *PAIR, "--format", "json"])
    assert json.loads(result.output) == expected


def test_python_dash_m_runs_the_command(in_root: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "sco_compare", "diff", *PAIR, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["sources"][0]["name"] == "mfa-readout.txt"


def test_color_auto_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert use_color("auto")
    assert not use_color("never")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto")
    assert use_color("always")
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert not use_color("auto")
    assert use_color("always")
