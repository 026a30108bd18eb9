"""Bad inputs: the real CLI answers each with one line on stderr, exit code 2 (3 for an output it
cannot write) and no traceback."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from sco_compare.cli import app
from sco_compare.readers import source
from tests.conftest import CHINA_DAILY, READOUT

runner = CliRunner()
OTHER = str(CHINA_DAILY)


def error_line(*args: str, stdin: bytes | None = None, code: int = 2) -> str:
    """Run the CLI, check it failed on bad input the documented way, return its one line."""
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr.rstrip("\n")


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    assert error_line("diff", missing, OTHER) == f"sco-compare: error: {missing}: no such file"


def test_missing_second_file_is_named(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    assert error_line("diff", OTHER, missing) == f"sco-compare: error: {missing}: no such file"


def test_claims_reports_a_missing_file_the_same_way(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    assert error_line("claims", missing, OTHER) == f"sco-compare: error: {missing}: no such file"


def test_directory(tmp_path: Path) -> None:
    assert (
        error_line("diff", str(tmp_path), OTHER)
        == f"sco-compare: error: {tmp_path}: is a directory, not a file"
    )


def test_empty_file(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    assert error_line("diff", empty, OTHER) == f"sco-compare: error: {empty}: empty file"


def test_whitespace_only_file(tmp_path: Path) -> None:
    blank = write(tmp_path / "blank.txt", " \t\r\n\r\n\u00a0\u200b\n".encode())
    assert (
        error_line("diff", blank, OTHER)
        == f"sco-compare: error: {blank}: no text (only whitespace)"
    )


def test_file_with_nul_bytes_is_binary(tmp_path: Path) -> None:
    binary = write(tmp_path / "data.txt", b"The minister spoke.\x00\x01\x02\x00")
    assert (
        error_line("diff", binary, OTHER)
        == f"sco-compare: error: {binary}: binary file (it holds NUL bytes), not text"
    )


def test_png_named_txt_is_binary_not_cp1252(tmp_path: Path) -> None:
    image = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert (
        error_line("diff", image, OTHER)
        == f"sco-compare: error: {image}: binary file (a PNG image), not text"
    )


def test_gzip_named_txt_is_binary(tmp_path: Path) -> None:
    packed = write(tmp_path / "report.txt", gzip.compress(READOUT.read_bytes(), mtime=1))
    assert (
        error_line("diff", packed, OTHER)
        == f"sco-compare: error: {packed}: binary file (gzip-compressed), not text"
    )


def test_file_of_control_characters_is_binary(tmp_path: Path) -> None:
    controls = write(tmp_path / "term.txt", bytes(range(1, 9)) * 20 + b"Text.")
    assert (
        error_line("diff", controls, OTHER)
        == f"sco-compare: error: {controls}: binary file (mostly control characters), not text"
    )


def test_file_without_a_sentence(tmp_path: Path) -> None:
    symbols = write(tmp_path / "rule.txt", "* * *\n\n----\n\n!!! ??? …\n".encode())
    assert (
        error_line("diff", symbols, OTHER) == f"sco-compare: error: {symbols}:"
        " no sentence found (no words, only punctuation or symbols)"
    )


def test_html_page_with_only_scripts_and_navigation(tmp_path: Path) -> None:
    page = write(
        tmp_path / "page.html",
        b"<html><head><title>Story</title><style>p{}</style></head><body>"
        b"<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        b"<script>document.write('Hello reader.')</script></body></html>",
    )
    assert (
        error_line("diff", page, OTHER)
        == f"sco-compare: error: {page}: no text outside markup, scripts and navigation"
    )


def test_invalid_utf16(tmp_path: Path) -> None:
    # A BOM, a word, then a high surrogate with no low surrogate after it.
    broken = write(tmp_path / "broken.txt", b"\xff\xfeH\x00i\x00\x00\xd8.\x00")
    assert error_line("diff", broken, OTHER) == (
        f"sco-compare: error: {broken}: invalid UTF-16 text (illegal UTF-16 surrogate at byte 6)"
    )


def test_bytes_that_no_supported_encoding_reads(tmp_path: Path) -> None:
    # 0x81 is invalid UTF-8 and unassigned in cp1252.
    strange = write(tmp_path / "strange.txt", b"Caf\xe9 \x81 closed.")
    assert error_line("diff", strange, OTHER) == (
        f"sco-compare: error: {strange}: not text in UTF-8, UTF-16 or cp1252"
        " (byte 0x81 at offset 5)"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("The minister spoke.", encoding="utf-8")
    locked.chmod(0)
    try:
        assert (
            error_line("diff", str(locked), OTHER)
            == f"sco-compare: error: {locked}: cannot be read (Permission denied)"
        )
    finally:
        locked.chmod(0o600)


def test_unreadable_file_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("The minister spoke.", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert (
        error_line("diff", str(locked), OTHER)
        == f"sco-compare: error: {locked}: cannot be read (Permission denied)"
    )


def test_a_binary_file_is_refused_whatever_its_suffix(tmp_path: Path) -> None:
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.7\n")
    assert error_line("diff", pdf, OTHER) == (
        f"sco-compare: error: {pdf}: binary file (a PDF document), not text"
    )


@pytest.mark.parametrize("suffix", [".log", ".csv", ".eml", ".rst", ".pdf"])
def test_plain_text_is_read_whatever_its_suffix(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"notes{suffix}"
    source.write_text(READOUT.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(source), str(READOUT), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"][0]["coverage"]["unique"] == 0


def test_unknown_output_format() -> None:
    assert error_line("diff", str(READOUT), OTHER, "--format", "xml") == (
        "sco-compare: error: unknown format 'xml' (choose terminal, text, markdown, md, json, html)"
    )


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 1024 * 1024)
    huge = write(tmp_path / "huge.txt", b"The minister spoke. " * 60_000)
    assert error_line("diff", huge, OTHER) == f"sco-compare: error: {huge}: too large (over 1 MiB)"


def test_empty_stdin() -> None:
    assert error_line("diff", "-", OTHER, stdin=b"") == "sco-compare: error: <stdin>: empty file"


def test_binary_stdin() -> None:
    assert (
        error_line("diff", OTHER, "-", stdin=b"GIF89a\x01\x00\x01\x00")
        == "sco-compare: error: <stdin>: binary file (a GIF image), not text"
    )


def test_stdin_for_both_sources() -> None:
    assert error_line("diff", "-", "-", stdin=b"Text.") == (
        "sco-compare: error: only one source can be read from stdin (-)"
    )


def test_a_hostile_file_name_stays_on_one_inert_line(tmp_path: Path) -> None:
    name = tmp_path / "evil\x1b[2J\nsecond line.txt"
    line = error_line("diff", str(name), OTHER)
    assert "\x1b" not in line
    assert line.endswith("evil\ufffd[2J second line.txt: no such file")


def unwritable_cases(tmp_path: Path) -> list[tuple[Path, str]]:
    afile = tmp_path / "afile.txt"
    afile.write_text("x", encoding="utf-8")
    return [
        (tmp_path / "no" / "such" / "dir" / "out.json", "No such file or directory"),
        (afile / "out.json", "Not a directory"),
    ]


def test_output_path_that_cannot_be_written(tmp_path: Path) -> None:
    for target, reason in unwritable_cases(tmp_path):
        assert error_line("diff", str(READOUT), OTHER, "-o", str(target), code=3) == (
            f"sco-compare: error: {target}: cannot write the report ({reason})"
        )
        assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile.txt"]


def test_output_path_that_is_a_directory(tmp_path: Path) -> None:
    assert error_line("diff", str(READOUT), OTHER, "-o", str(tmp_path), code=3) == (
        f"sco-compare: error: {tmp_path}: is a directory, cannot write the report there"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_output_in_a_read_only_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        target = locked / "out.md"
        assert error_line("diff", str(READOUT), OTHER, "-o", str(target), code=3) == (
            f"sco-compare: error: {target}: cannot write the report (Permission denied)"
        )
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_output_in_a_read_only_directory_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / "out.md"
    assert error_line("diff", str(READOUT), OTHER, "-o", str(target), code=3) == (
        f"sco-compare: error: {target}: cannot write the report (Permission denied)"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_old_report_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old report\n", encoding="utf-8")

    def disk_full(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    line = error_line("diff", str(READOUT), OTHER, "-o", str(target), code=3)
    assert line == (
        f"sco-compare: error: {target}: cannot write the report (No space left on device)"
    )
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_fail_under_must_be_a_percentage() -> None:
    for bar in ("150", "-1", "nan", "100.0001"):
        assert error_line("diff", str(READOUT), OTHER, "--fail-under", bar) == (
            f"sco-compare: error: --fail-under {float(bar):.10g}: not a percentage from 0 to 100"
        )


def result_of(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "100"})


def test_fail_under_exits_1_when_a_source_is_below_the_bar(in_root: Path) -> None:
    result = result_of("diff", str(READOUT), OTHER, "-f", "json", "--fail-under", "50")
    sources = json.loads(result.stdout)["sources"]
    expected = [
        f"sco-compare: {s['label']} ({s['name']}) is {s['coverage']['covered_ratio'] * 100:.0f}%"
        " covered, below --fail-under 50"
        for s in sources
        if s["coverage"]["covered_ratio"] < 0.5
    ]
    assert expected  # both reports of the corpus pair are well below half covered
    assert result.exit_code == 1
    assert result.stderr.splitlines() == expected


def test_fail_under_passes_when_every_source_reaches_the_bar(in_root: Path) -> None:
    report = json.loads(result_of("diff", str(READOUT), OTHER, "-f", "json").stdout)
    # The least covered share, exactly: a source exactly at the bar passes.
    least = min(s["coverage"]["covered"] / s["coverage"]["content"] for s in report["sources"])
    assert least > 0
    result = result_of("diff", str(READOUT), OTHER, "-f", "json", "--fail-under", repr(least * 100))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    above = result_of("diff", str(READOUT), OTHER, "-f", "json", "--fail-under", repr(least * 101))
    assert above.exit_code == 1


def test_claims_fail_under_exits_1_too(in_root: Path) -> None:
    result = result_of("claims", str(READOUT), OTHER, "-f", "json", "--fail-under", "90")
    assert result.exit_code == 1
    assert "below --fail-under 90" in result.stderr


def test_a_report_written_to_a_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = result_of("diff", str(READOUT), OTHER, "-o", str(target))
    assert result.exit_code == 0
    mask = os.umask(0o022)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
