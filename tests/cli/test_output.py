"""Where -o writes: through a link, into a pipe, never over a source, keeping permissions."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sco_compare.cli import app
from tests.conftest import CHINA_DAILY, READOUT

runner = CliRunner()


def diff_to(output: Path) -> tuple[int, str]:
    """Exit code and stderr of a diff of the corpus pair written to `output`."""
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "-o", str(output)])
    return result.exit_code, result.stderr


def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert diff_to(link) == (0, "")
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["sources"][0]["label"] == "A"


def test_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _ = diff_to(fifo)
    reader.join(timeout=30)
    assert code == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].startswith(b"# Comparison")


def test_an_existing_report_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    assert diff_to(target) == (0, "")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# Comparison")


def test_the_output_cannot_be_a_source(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(READOUT.read_bytes())
    alias = tmp_path / "alias.txt"
    alias.symlink_to(source)
    for sources, label in (
        ((str(source), str(CHINA_DAILY)), "A"),
        ((str(CHINA_DAILY), str(alias)), "B"),
    ):
        result = runner.invoke(app, ["diff", *sources, "-o", str(source)])
        assert result.exit_code == 2
        assert result.stderr == (
            f"sco-compare: error: {source}: is source {label}; the report would overwrite it\n"
        )
    assert source.read_bytes() == READOUT.read_bytes()


def test_a_name_that_is_only_a_suffix_names_the_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "-o", ".json"])
    assert result.exit_code == 0
    assert json.loads((tmp_path / ".json").read_text(encoding="utf-8"))["version"]


def test_dev_stdout_appends_to_the_file_stdout_is_redirected_to(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("header\n", encoding="utf-8")
    with log.open("a", encoding="utf-8") as handle:
        command = [sys.executable, "-m", "sco_compare", "diff", str(READOUT), str(CHINA_DAILY)]
        done = subprocess.run([*command, "-f", "json", "-o", "/dev/stdout"], stdout=handle)
    assert done.returncode == 0
    header, report = log.read_text(encoding="utf-8").split("\n", 1)
    assert header == "header"
    assert json.loads(report)["sources"][1]["name"] == CHINA_DAILY.name


def test_standard_input_read_from_the_output_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(READOUT.read_bytes())
    with source.open("rb") as stdin:
        command = [sys.executable, "-m", "sco_compare", "diff", "-", str(CHINA_DAILY)]
        done = subprocess.run([*command, "-o", str(source)], stdin=stdin, capture_output=True)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        f"sco-compare: error: {source}: is source A; the report would overwrite it\n"
    )
    assert source.read_bytes() == READOUT.read_bytes()


def test_a_new_report_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.md"
    assert diff_to(target) == (0, "")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_a_read_only_report_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: answer as an ordinary user's system would
        monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    assert diff_to(target) == (
        3,
        f"sco-compare: error: {target}: cannot write the report (Permission denied)\n",
    )
    assert target.read_text(encoding="utf-8") == "old\n"


def test_a_reader_that_goes_away_stops_the_report_quietly(tmp_path: Path) -> None:
    long_source = tmp_path / "long.txt"
    long_source.write_text(READOUT.read_text(encoding="utf-8") * 20, encoding="utf-8")
    command = [sys.executable, "-m", "sco_compare", "diff", str(long_source), str(CHINA_DAILY)]
    process = subprocess.Popen(
        [*command, "-f", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -c 0`: the report outgrows the pipe's buffer
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""


def test_dev_stdout_to_a_reader_that_goes_away_is_the_same_as_stdout(tmp_path: Path) -> None:
    long_source = tmp_path / "long.txt"
    long_source.write_text(READOUT.read_text(encoding="utf-8") * 20, encoding="utf-8")
    command = [sys.executable, "-m", "sco_compare", "diff", str(long_source), str(CHINA_DAILY)]
    process = subprocess.Popen(
        [*command, "-f", "json", "-o", "/dev/stdout"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""
