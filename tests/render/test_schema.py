"""The JSON Schemas of both reports: valid schemas, met by real reports, printed by the CLI."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from sco_compare import compare, compare_claims, document_from_text
from sco_compare.cli import app
from sco_compare.render.json_report import SCHEMAS, json_schema
from tests.conftest import CHINA_DAILY, READOUT, ROOT

runner = CliRunner()
FIXTURES = ROOT / "tests" / "fixtures"
PAIRS = {
    "corpus": (READOUT, CHINA_DAILY),
    "fixture": (FIXTURES / "geneva-ministry.txt", FIXTURES / "geneva-wire.txt"),
}


def validator(report: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(json_schema(report)))


@pytest.mark.parametrize("report", SCHEMAS)
def test_each_schema_is_a_valid_schema(report: str) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(json_schema(report)))


@pytest.mark.parametrize("report", SCHEMAS)
@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_the_cli_reports_meet_their_schema(report: str, pair: str) -> None:
    a, b = PAIRS[pair]
    result = runner.invoke(app, [report, str(a), str(b), "-f", "json"])
    assert result.exit_code == 0
    assert list(validator(report).iter_errors(json.loads(result.stdout))) == []


@pytest.mark.parametrize("report", SCHEMAS)
def test_a_report_of_three_sources_meets_its_schema(report: str) -> None:
    wire = FIXTURES / "sco-2012-wire.txt"
    result = runner.invoke(app, [report, str(READOUT), str(CHINA_DAILY), str(wire), "-f", "json"])
    assert result.exit_code == 0
    assert list(validator(report).iter_errors(json.loads(result.stdout))) == []


@pytest.mark.parametrize("report", SCHEMAS)
def test_three_sources_must_say_where_each_sentence_is_found(report: str) -> None:
    wire = FIXTURES / "sco-2012-wire.txt"
    result = runner.invoke(app, [report, str(READOUT), str(CHINA_DAILY), str(wire), "-f", "json"])
    three = json.loads(result.stdout)
    del three["sources"][1]["sentences"][0]["found_in"]
    assert not validator(report).is_valid(three)
    two = json.loads(
        runner.invoke(app, [report, str(READOUT), str(CHINA_DAILY), "-f", "json"]).stdout
    )
    two["sources"][0]["sentences"][0]["found_in"] = {}
    assert not validator(report).is_valid(two)


def test_a_report_of_odd_text_from_stdin_meets_its_schema() -> None:
    odd = 'He said: "No." \x1b[31m\u202e (AP Photo/Jane Doe) — a report?\n\nBy Jane Doe'
    result = runner.invoke(app, ["claims", "-", str(READOUT), "-f", "json"], input=odd)
    report: dict[str, Any] = json.loads(result.stdout)
    assert report["sources"][0]["path"] is None
    assert list(validator("claims").iter_errors(report)) == []


def test_a_report_that_breaks_the_contract_fails_its_schema() -> None:
    comparison = compare(document_from_text("Xi met Putin."), "Xi met Putin on Monday.")
    report = comparison.to_dict()
    report["sources"][0]["sentences"][0]["status"] = "maybe"
    assert not validator("diff").is_valid(report)
    claims = compare_claims(comparison).to_dict()
    del claims["claims"][0]["speaker_role"]
    assert not validator("claims").is_valid(claims)


@pytest.mark.parametrize("report", SCHEMAS)
def test_the_schema_command_prints_the_schema_in_the_repository(report: str) -> None:
    result = runner.invoke(app, ["schema", report.upper()])
    assert result.exit_code == 0
    path = ROOT / "src" / "sco_compare" / "render" / "schemas" / f"{report}.schema.json"
    assert result.stdout == path.read_text(encoding="utf-8")


def test_the_schema_command_names_the_reports_it_knows() -> None:
    result = runner.invoke(app, ["schema", "xml"])
    assert result.exit_code == 2
    assert result.stderr == "sco-compare: error: schema xml: choose diff, claims\n"
