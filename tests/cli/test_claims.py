"""The real `sco-compare claims` command on the corpus pair, in every format."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sco_compare.cli import app

runner = CliRunner()
PAIR = ["corpus/sco-2012/mfa-readout.txt", "corpus/sco-2012/china-daily.txt"]


def claims_output(*options: str) -> str:
    result = runner.invoke(app, ["claims", *PAIR, *options], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.output


def test_terminal_report_names_what_only_china_daily_reports(in_root: Path) -> None:
    output = " ".join(claims_output("--no-color").split())
    assert "Sergei Razov: 4 claims, only in B" in output
    assert "Meng Jianzhu: 3 claims, only in B" in output
    assert "Xinjiang: only in B" in output
    assert "founded on June 15, 2001" in output


def test_terminal_report_names_what_only_the_readout_reports(in_root: Path) -> None:
    output = " ".join(claims_output("--no-color").split())
    for phrase in (
        "Great Hall of the People: only in A",
        "West Asia: only in A",
        "North Africa: only in A",
        "took a group photo",
        "SCO Regulations: only in A",
        "2013-2015",
    ):
        assert phrase in output


def test_boilerplate_never_becomes_a_claim(in_root: Path) -> None:
    report = json.loads(claims_output("--format", "json"))
    texts = " ".join(c["text"] for c in report["claims"])
    for boilerplate in ("Suggest to a friend", "Contact the writers", "News & Information"):
        assert boilerplate not in texts


def test_json_claims_contract(in_root: Path) -> None:
    report = json.loads(claims_output("--format", "json"))
    assert set(report) == {"version", "settings", "sources", "claims", "groups", "conflicts"}
    claim = report["claims"][0]
    for key in ("id", "source", "sentence", "start", "end", "text", "speaker", "entities"):
        assert key in claim
    for key in ("numbers", "status", "counterpart", "missing_terms"):
        assert key in claim
    assert {c["status"] for c in report["claims"]} <= {"unique", "partial", "shared"}


def test_output_file_format_from_suffix(in_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "claims.md"
    result = runner.invoke(app, ["claims", *PAIR, "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Claims: mfa-readout.txt")


def test_a_partly_reported_claim_shows_its_counterpart_and_statuses_read_without_color(
    in_root: Path,
) -> None:
    output = claims_output("--no-color")
    partial = output.split("Partly reported claims")[1].split("Conflicting")[0]
    assert "closest: B" in partial and "“" in partial  # the counterpart's own words
    speakers = output.split("Speakers only one source quotes")[1].split("Names only")[0]
    assert "[unique]" in speakers or "[partial]" in speakers or "[shared]" in speakers
