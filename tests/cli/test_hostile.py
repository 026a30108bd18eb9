"""Hostile input and hostile output targets: the real command answers each with a report or one
line on stderr and its documented exit code, never a traceback or a hang."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sco_compare import compare, compare_claims, document_from_text
from sco_compare.cli import app
from sco_compare.cli import commands as cli_module
from tests.conftest import CHINA_DAILY, READOUT

runner = CliRunner()
TIMEOUT_S = 60
"""A run that takes longer hangs: each of these inputs takes well under a second when linear."""


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "sco_compare", *args]


def run_command(*args: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    """The real command in its own process, stopped (and failed) if it hangs."""
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    return subprocess.run(command(*args), timeout=TIMEOUT_S, check=False, **streams)  # type: ignore[call-overload, no-any-return]


def one_error_line(done: subprocess.CompletedProcess[bytes], code: int) -> str:
    """The single stderr line of a run that failed with `code`; nothing on stdout."""
    stderr = done.stderr.decode()
    assert done.returncode == code, stderr
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1, stderr
    assert not done.stdout
    return stderr.rstrip("\n")


def test_a_text_that_opens_with_a_run_of_html_comments_is_text(tmp_path: Path) -> None:
    source = tmp_path / "comments.txt"
    source.write_text("<!---->" * 40 + "x The minister met the press.", encoding="utf-8")
    done = run_command("diff", str(source), str(source), "-f", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sources"][0]["coverage"]["covered_ratio"] == 1.0


def test_a_long_run_of_spaced_dots_is_split_without_reaching_nltks_time_limit(
    tmp_path: Path,
) -> None:
    source = tmp_path / "dots.txt"
    source.write_text(". " * 50_000 + "The minister met.", encoding="utf-8")
    done = run_command("claims", str(source), str(READOUT), "-f", "json")
    assert done.returncode == 0, done.stderr.decode()[-500:]
    assert done.stderr == b""


def test_punkts_time_limit_falls_back_to_a_plain_splitter(monkeypatch: pytest.MonkeyPatch) -> None:
    from sco_compare.text import segment

    class TimingOut:
        def span_tokenize(self, text: str) -> list[tuple[int, int]]:
            raise TimeoutError("regular-expression match exceeded its 5.0s time limit")

    monkeypatch.setattr(segment, "_tokenizer", lambda: TimingOut())
    sentences = segment.split_sentences("The minister met. He left! Was it late? Yes", "A")
    assert [s.text for s in sentences] == ["The minister met.", "He left!", "Was it late?", "Yes"]


@pytest.mark.parametrize(
    "codec", ["hex", "base64", "rot13", "zlib", "bz2", "quopri", "uu", "undefined"]
)
def test_a_meta_charset_that_is_not_a_text_encoding_is_ignored(tmp_path: Path, codec: str) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(
        f'<html><head><meta charset="{codec}"></head><body><p>The minister met'.encode()
        + b" \xe9l\xe8ves in Beijing.</p></body></html>"
    )
    result = runner.invoke(app, ["diff", str(page), str(READOUT), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"sco-compare: warning: {page}: not valid UTF-8; read as cp1252" + (
        " (Windows-1252)\n"
    )
    sentences = json.loads(result.stdout)["sources"][0]["sentences"]
    assert sentences[0]["text"] == "The minister met élèves in Beijing."


def test_a_full_disk_on_stdout_is_one_line_and_exit_3() -> None:
    with open("/dev/full", "wb") as full:
        done = run_command("diff", str(READOUT), str(CHINA_DAILY), stdout=full)
    assert one_error_line(done, 3) == (
        "sco-compare: error: standard output: cannot write the report (No space left on device)"
    )


def test_a_closed_stdout_is_one_line_and_exit_3() -> None:
    done = run_command(
        "diff", str(READOUT), str(CHINA_DAILY), preexec_fn=lambda: os.close(1)
    )  # like `>&-`
    assert one_error_line(done, 3) == (
        "sco-compare: error: standard output is closed (write the report with -o FILE)"
    )


def test_a_closed_stdout_does_not_matter_with_an_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    done = run_command(
        "diff", str(READOUT), str(CHINA_DAILY), "-o", str(target), preexec_fn=lambda: os.close(1)
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["version"]


def test_a_reader_that_stops_after_one_byte_gets_exit_141(tmp_path: Path) -> None:
    long_source = tmp_path / "long.txt"
    long_source.write_text(READOUT.read_text(encoding="utf-8") * 20, encoding="utf-8")
    process = subprocess.Popen(
        command("claims", str(long_source), str(CHINA_DAILY), "-f", "json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(1) == b"{"  # like `| head -c1`
    process.stdout.close()
    assert process.wait(timeout=TIMEOUT_S) == 141
    assert process.stderr.read() == b""


def test_a_reader_gone_before_exit_is_noticed_though_every_write_fitted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli_module, "reader_gone", lambda: True)
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "-f", "json"])
    assert result.exit_code == 141
    assert result.stderr == ""


def test_reader_gone_tells_a_closed_pipe_from_an_open_one() -> None:
    probe = "from sco_compare.cli.output import reader_gone; import sys, time; time.sleep(0.5);"
    for close_reader, expected in ((True, "True"), (False, "False")):
        process = subprocess.Popen(
            [sys.executable, "-c", probe + "print(reader_gone(), file=sys.stderr)"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        if close_reader:
            process.stdout.close()
        assert process.wait(timeout=TIMEOUT_S) == 0
        assert process.stderr.read().decode().strip() == expected
        if not close_reader:
            process.stdout.close()


def test_an_internal_error_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the aligner broke")

    monkeypatch.setattr(cli_module, "compare", broken)
    monkeypatch.delenv("SCO_COMPARE_DEBUG", raising=False)
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY)])
    assert result.exit_code == 70
    assert result.stderr == (
        "sco-compare: error: internal error (RuntimeError: the aligner broke); please report it"
        " (SCO_COMPARE_DEBUG=1 shows where it happened)\n"
    )
    assert result.stdout == ""
    monkeypatch.setenv("SCO_COMPARE_DEBUG", "1")
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY)])
    assert isinstance(result.exception, RuntimeError)


def test_an_output_name_ending_in_a_slash_is_not_written_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "-o", "reports/"])
    assert result.exit_code == 3
    assert result.stderr == (
        "sco-compare: error: reports/: names a directory, cannot write the report there\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_run_stopped_while_writing_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old report\n", encoding="utf-8")

    def stopped_by_sigterm(path: str, mode: int) -> None:
        cli_module._stopped(signal.SIGTERM, None)  # what main() installs for SIGTERM

    monkeypatch.setattr(os, "chmod", stopped_by_sigterm)
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "-o", str(target)])
    assert result.exit_code == 128 + signal.SIGTERM
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert target.read_text(encoding="utf-8") == "old report\n"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_unwind_in_the_real_command(signum: int) -> None:
    probe = (
        "import os, sys; from sco_compare.cli import commands; sys.argv = ['sco-compare'];"
        f"commands.app = lambda: os.kill(os.getpid(), {int(signum)}); commands.main()"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=TIMEOUT_S)
    assert done.returncode == 128 + signum
    assert done.stderr == b""


def test_a_file_name_that_is_not_utf8_gives_valid_json(tmp_path: Path) -> None:
    source = Path(os.fsdecode(bytes(tmp_path) + b"/r\xe9sum\xe9.txt"))
    source.write_bytes(READOUT.read_bytes())
    done = subprocess.run(
        [*command("diff", str(source), str(CHINA_DAILY), "-f", "json")],
        capture_output=True,
        timeout=TIMEOUT_S,
        check=True,
    )
    report = json.loads(done.stdout.decode("utf-8", "strict"))
    assert report["sources"][0]["name"] == "r\ufffdsum\ufffd.txt"
    assert "\\ud" not in done.stdout.decode()  # no escaped lone surrogate either


def test_cjk_text_compared_with_itself_is_fully_covered(tmp_path: Path) -> None:
    source = tmp_path / "zh.txt"
    source.write_text(
        "部长周一在北京会见了记者。他说两国关系很好！会议取得了成功吗？是的。", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["diff", str(source), str(source), "-f", "json", "--fail-under", "100"]
    )
    assert result.exit_code == 0, result.stderr
    sentences = json.loads(result.stdout)["sources"][0]["sentences"]
    assert [s["status"] for s in sentences] == ["covered"] * 4
    assert sentences[1]["text"] == "他说两国关系很好！"


def test_cjk_sentences_are_compared_by_their_characters() -> None:
    comparison = compare("部长周一在北京会见了记者。", "周一，部长在北京会见了记者。")
    assert comparison.statuses_a == ("covered",)


def test_thai_text_without_stops_is_content_not_boilerplate() -> None:
    thai = "รัฐมนตรีพบนักข่าวที่กรุงเทพฯ วันจันทร์ เขากล่าวว่าความสัมพันธ์ดีมาก"
    text = f"{thai}\n\n{thai[::-1]}\n\nThe minister met the press. Trade was discussed."
    document = document_from_text(text)
    assert [s.boilerplate for s in document.sentences] == [False] * 4
    assert compare(text, text).statuses_a == ("covered",) * 4


def test_claims_of_a_text_with_repeated_quotes_against_itself_are_all_shared() -> None:
    text = 'Smith said the talks ended. "We will win." Jones said the talks ended. "We will win."'
    report = compare_claims(compare(text, text))
    assert {c.status for c in report.claims} == {"shared"}
    assert all(c.counterpart and c.counterpart.claim_id[1:] == c.id[1:] for c in report.claims)
    assert not report.conflicts


def test_a_long_ordinal_is_data_not_a_crash(tmp_path: Path) -> None:
    source = tmp_path / "ordinal.txt"
    source.write_text(f"The city marked its {'1' * 4301}th anniversary on Monday.", "utf-8")
    result = runner.invoke(app, ["claims", str(source), str(source), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert {c["status"] for c in json.loads(result.stdout)["claims"]} == {"shared"}


def test_a_sentence_repeated_past_the_index_limit_is_still_found_in_its_copy() -> None:
    text = "The minister met the press. " * 101  # each word in more sentences than are indexed
    comparison = compare(text, text)
    assert set(comparison.statuses_a) == set(comparison.statuses_b) == {"covered"}
    assert {c.status for c in compare_claims(comparison).claims} == {"shared"}


def test_a_clause_without_words_is_not_a_claim() -> None:
    text = "* * * *; The minister met the press on Monday."
    assert {c.status for c in compare_claims(compare(text, text)).claims} == {"shared"}


@pytest.mark.parametrize("name", ["newdir/.", "nodir/x/..", "reports/"])
def test_an_output_name_that_names_a_directory_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "-o", name])
    assert result.exit_code == 3
    assert result.stderr == (
        f"sco-compare: error: {name}: names a directory, cannot write the report there\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_output_link_loop_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    target = tmp_path / "loop1"
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "-o", str(target)])
    assert result.exit_code == 3
    assert result.stderr == (
        f"sco-compare: error: {target}: cannot write the report"
        " (Too many levels of symbolic links)\n"
    )
    assert target.is_symlink()


def test_an_output_of_a_dash_is_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), "-f", "json", "-o", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["version"]
    assert list(tmp_path.iterdir()) == []
