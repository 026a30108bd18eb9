"""`diff` and `claims` of three to twelve sources, through the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sco_compare.cli import app
from tests.conftest import CHINA_DAILY, READOUT, ROOT
from tests.render.test_safe_output import assert_tables_intact

runner = CliRunner()
WIRE = ROOT / "tests" / "fixtures" / "sco-2012-wire.txt"
THREE = [str(READOUT), str(CHINA_DAILY), str(WIRE)]


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_three_sources_get_the_matrix_the_core_each_ones_own_and_the_table() -> None:
    output = run("diff", *THREE, "--no-color")
    titles = [
        "Coverage",
        "How much of each row's content",
        "In every source",
        "Only in A (mfa-readout.txt)",
        "Only in B (china-daily.txt)",
        "Only in C (sco-2012-wire.txt)",
        "Where each sentence is found",
        "Set aside as boilerplate",
    ]
    assert [output.index(t) for t in titles] == sorted(output.index(t) for t in titles)


def test_the_json_labels_three_sources_and_says_where_each_sentence_is_found() -> None:
    report = json.loads(run("diff", *THREE, "-f", "json"))
    assert [s["label"] for s in report["sources"]] == ["A", "B", "C"]
    for source in report["sources"]:
        for sentence in source["sentences"]:
            if sentence["status"] == "unique":
                assert sentence["found_in"] == {}
            assert source["label"] not in sentence["found_in"]
    assert {tuple(a["sources"]) for a in report["alignments"]} == {
        ("A", "B"),
        ("A", "C"),
        ("B", "C"),
    }


def test_claims_of_three_sources_name_the_speakers_only_some_quote() -> None:
    output = run("claims", *THREE, "--no-color", "--sections", "speakers")
    assert "Speakers only some sources quote" in output
    assert "quoted by" in output and "; not by" in output
    report = json.loads(run("claims", *THREE, "-f", "json"))
    assert all("found_in" in claim for claim in report["claims"])
    assert report["speakers"] and "groups" not in report


@pytest.mark.parametrize("command", ["diff", "claims"])
def test_the_markdown_of_three_sources_keeps_its_tables_whole(command: str) -> None:
    markdown = run(command, *THREE, "-f", "markdown")
    assert markdown.startswith("# ") and "| A | B | C |" not in markdown.splitlines()[0]
    assert_tables_intact(markdown)


def test_only_lists_each_sources_sentences_of_that_status() -> None:
    output = run("diff", *THREE, "--no-color", "--only", "covered")
    for label in "ABC":
        assert f"Covered in {label} (" in output
    assert "Where each sentence is found" not in output


def test_the_stat_line_is_given_for_every_source() -> None:
    lines = run("diff", *THREE, "--stat").splitlines()
    assert [line[:2] for line in lines] == ["A ", "B ", "C "]


@pytest.mark.parametrize("count", [1, 13])
def test_one_or_more_than_twelve_sources_are_refused(count: int) -> None:
    result = runner.invoke(app, ["diff", *([str(READOUT)] * count)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"sco-compare: error: give 2 to 12 sources, not {count}\n"


def test_standard_input_is_read_once_at_most() -> None:
    result = runner.invoke(app, ["diff", "-", str(READOUT), "-"], input="Text.")
    assert (result.exit_code, result.stderr) == (
        2,
        "sco-compare: error: only one source can be read from stdin (-)\n",
    )


def test_a_section_of_two_sources_alone_is_refused_for_three() -> None:
    result = runner.invoke(app, ["diff", *THREE, "--sections", "aligned"])
    assert result.exit_code == 2
    assert "--sections aligned: choose from summary, common, unique, presence" in result.stderr


def test_twelve_sources_are_compared(tmp_path: Path) -> None:
    paths = []
    for k in range(12):
        path = tmp_path / f"report-{k}.txt"
        path.write_text(
            f"The ministers met in Geneva on Monday. Report {k} adds the river {k} talks.",
            encoding="utf-8",
        )
        paths.append(str(path))
    report = json.loads(run("diff", *paths, "-f", "json"))
    assert [s["label"] for s in report["sources"]] == list("ABCDEFGHIJKL")
    first = report["sources"][0]["sentences"][0]
    assert first["status"] == "covered" and len(first["found_in"]) == 11


def write(folder: Path, texts: dict[str, str]) -> list[str]:
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def test_people_who_share_a_name_word_stay_apart_in_any_order(tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        {
            "li.txt": "Li Wei said the bridge would open in May.",
            "wang-yi.txt": "Wang Yi said the talks had gone well.",
            "wang-wei.txt": "Wang Wei said the river was still rising.",
        },
    )
    for order in (paths, paths[::-1], [paths[2], paths[0], paths[1]]):
        report = json.loads(run("claims", *order, "-f", "json"))
        names = {Path(s["path"]).name: s["label"] for s in report["sources"]}
        quoted = {s["name"]: s["sources"] for s in report["speakers"]}
        assert quoted == {
            "Li Wei": [names["li.txt"]],
            "Wang Yi": [names["wang-yi.txt"]],
            "Wang Wei": [names["wang-wei.txt"]],
        }


def test_a_conflict_between_two_sources_is_given_once_in_any_order(tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        {
            "a.txt": "Police said 12 people died in the flood on Monday.",
            "b.txt": "Police said 14 people died in the flood on Monday.",
            "c.txt": "Rescuers said 14 people died in the flood on Monday.",
        },
    )
    for order in (paths, [paths[1], paths[2], paths[0]]):
        conflicts = json.loads(run("claims", *order, "-f", "json"))["conflicts"]
        pairs = [(c["a"], c["b"]) for c in conflicts]
        assert len(pairs) == len(set(pairs)) == 2
        assert all(a < b for a, b in pairs)  # the earlier source's claim first


def test_a_source_given_twice_is_compared_with_a_warning(tmp_path: Path) -> None:
    result = runner.invoke(app, ["diff", str(READOUT), str(CHINA_DAILY), str(READOUT), "--stat"])
    assert result.exit_code == 0
    assert "warning: C (mfa-readout.txt) is the same text as A (mfa-readout.txt)" in result.stderr


@pytest.mark.parametrize("columns", ["50", "80"])
def test_twelve_sources_fit_a_narrow_terminal_with_every_column(
    tmp_path: Path, columns: str
) -> None:
    texts = {
        f"r{k:02}.txt": f"The ministers met in Geneva on Monday. Report {k} adds the river {k}."
        for k in range(12)
    }
    result = runner.invoke(
        app, ["diff", *write(tmp_path, texts), "--no-color"], env={"COLUMNS": columns}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    matrix = result.stdout[result.stdout.index("How much") : result.stdout.index("In every")]
    # The matrix's headings: the labels of its columns, in one part or in several.
    heads = [line.split() for line in matrix.splitlines() if re.fullmatch(r"[A-L ]+", line)]
    assert [label for head in heads for label in head] == list("ABCDEFGHIJKL")
    table = result.stdout[result.stdout.index("Where each") :].splitlines()
    assert any(line.split()[:1] == ["ids"] and "L" in line.split() for line in table)
