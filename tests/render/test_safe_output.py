"""Text from a report is data: markup, escapes and HTML in it come out inert in every format."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown_it
import pytest
from typer.testing import CliRunner

from sco_compare import compare, compare_claims, load_document
from sco_compare.cli import app
from sco_compare.models import Document, Sentence
from sco_compare.render.json_report import render_json
from sco_compare.render.markdown import render_claims, render_diff
from sco_compare.render.terminal import diff_report, make_console, to_text
from sco_compare.render.terminal_claims import claims_report

runner = CliRunner()
COMMANDS = ("diff", "claims")
PAIR = ["corpus/sco-2012/mfa-readout.txt", "corpus/sco-2012/china-daily.txt"]

RICH_MARKUP = "[bold red]x[/]"
RICH_LINK = "[link=javascript:alert(1)]click here[/link]"
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
CLEAR_SCREEN = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
CSI_C1 = "\x9b31m"
ARABIC_MARK = "\u061c"  # a bidi control outside the usual overrides
TAGS = "\U000e0041\U000e0042"  # invisible tag characters
ADDRESSES = "press@example.org, https://example.org/x, _www.example.org or mailto:a@example.org"

# Each hostile string sits both in sentences the other report shares (diff cells, partial
# claims) and in sentences only one report has (unique lists), with a table pipe and a
# hard-wrapped line that the segmenter joins into one sentence.
REPORT_A = f"""The Shanghai summit minister said {RICH_MARKUP} was agreed in Beijing on Monday.

Envoys from Russia signed {SCRIPT} the border treaty |
with Kazakhstan on Tuesday.

The Russian delegation flagged {CLEAR_SCREEN}{TITLE} a {CSI_C1}problem with the railway.

Only the readout names the pipeline investment of {RICH_MARKUP} {SCRIPT} Uzbekistan | today.

Questions go to {ADDRESSES} at the {ARABIC_MARK}Tashkent{TAGS} customs office.
"""
REPORT_B = f"""The Shanghai summit minister said {RICH_MARKUP} was agreed in Beijing on Monday.

Envoys from Russia signed {SCRIPT} the border treaty |
with Kazakhstan on Tuesday.

The Russian delegation flagged {IMAGE} a problem with the railway.

Razov praised {IMAGE} {RICH_LINK} about |
trade with Tajikistan, said the newspaper.
"""


@pytest.fixture
def hostile_pair(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in (("a.txt", REPORT_A), ("b.txt", REPORT_B)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def run(command: str, pair: list[str], *options: str) -> str:
    result = runner.invoke(app, [command, *pair, *options], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def assert_no_control_characters(output: str, where: str = "") -> None:
    """Nothing a terminal would act on: no ESC, BEL, C1 controls, bidi controls or tags."""
    found = re.search(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
        "\U000e0000-\U000e007f]",
        output,
    )
    assert found is None, (where, found)


@pytest.mark.parametrize("command", COMMANDS)
def test_terminal_prints_rich_markup_literally(command: str, hostile_pair: list[str]) -> None:
    output = run(command, hostile_pair, "--no-color")
    flat = " ".join(output.split())
    assert RICH_MARKUP in flat
    assert RICH_LINK in flat
    assert_no_control_characters(output)


@pytest.mark.parametrize("command", COMMANDS)
def test_terminal_keeps_html_as_text(command: str, hostile_pair: list[str]) -> None:
    flat = " ".join(run(command, hostile_pair, "--no-color").split())
    assert SCRIPT in flat and IMAGE in flat


@pytest.mark.parametrize("command", COMMANDS)
def test_colored_terminal_output_only_has_its_own_color_codes(
    command: str, hostile_pair: list[str]
) -> None:
    documents = [
        load_document(path, label=label)[0] for path, label in zip(hostile_pair, "AB", strict=True)
    ]
    comparison = compare(*documents)
    if command == "diff":
        parts = diff_report(comparison, color=True)
    else:
        parts = claims_report(compare_claims(comparison))
    console = make_console(color=True, width=400)
    with console.capture() as capture:
        for part in parts:
            console.print(part)
    output = capture.get()
    assert "\x1b[" in output  # it is colored
    without_colors = re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert "\x1b" not in without_colors  # no cursor moves, screen clears, titles, hyperlinks
    assert RICH_MARKUP in " ".join(without_colors.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_markdown_escapes_html_and_markup(command: str, hostile_pair: list[str]) -> None:
    output = run(command, hostile_pair, "-f", "markdown")
    assert "<script" not in output and "<img" not in output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert "&lt;img src=x onerror=alert(1)&gt;" in output
    assert_no_control_characters(output)


@pytest.mark.parametrize("command", COMMANDS)
def test_markdown_renders_report_text_as_text(command: str, hostile_pair: list[str]) -> None:
    html = (
        markdown_it.MarkdownIt("commonmark", {"linkify": True})
        .enable(["table", "strikethrough", "linkify"])
        .render(run(command, hostile_pair, "-f", "markdown"))
    )
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[bold red]x[/]" in html
    shown = re.sub(r"<[^>]+>", "", html)
    assert "Uzbekistan | today." in shown
    assert ADDRESSES in shown  # shown as written, and not as links


@pytest.mark.parametrize("command", COMMANDS)
def test_github_shows_addresses_in_report_text_as_text(
    command: str, hostile_pair: list[str]
) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")
    html = cmarkgfm.github_flavored_markdown_to_html(run(command, hostile_pair, "-f", "markdown"))
    assert "<a " not in html and "<script" not in html and "<img" not in html
    assert ADDRESSES in re.sub(r"<[^>]+>", "", html)


def assert_tables_intact(markdown: str) -> None:
    """Every table row is one line with as many unescaped pipes as its table's header."""
    tables: list[list[str]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        elif previous.startswith("|"):
            assert line == "", f"a table row spilled onto the next line: {line!r}"
        previous = line
    assert tables
    for table in tables:
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
        assert len(widths) == 1, table


@pytest.mark.parametrize("command", COMMANDS)
def test_markdown_cells_cannot_break_their_tables(command: str, hostile_pair: list[str]) -> None:
    assert_tables_intact(run(command, hostile_pair, "-f", "markdown"))


@pytest.mark.parametrize("command", COMMANDS)
def test_json_holds_the_text_as_written(command: str, hostile_pair: list[str]) -> None:
    output = run(command, hostile_pair, "-f", "json")
    assert_no_control_characters(output)
    sources = json.loads(output)["sources"]
    texts = " ".join(s["text"] for source in sources for s in source["sentences"])
    for hostile in (RICH_MARKUP, RICH_LINK, SCRIPT, IMAGE, "|\nwith Kazakhstan", ADDRESSES, TAGS):
        assert hostile in texts


@pytest.mark.parametrize("command", COMMANDS)
def test_report_files_are_as_inert_as_stdout(
    command: str, hostile_pair: list[str], tmp_path: Path
) -> None:
    for name in ("report.txt", "report.md", "report.json"):
        target = tmp_path / name
        run(command, hostile_pair, "-o", str(target))
        written = target.read_text(encoding="utf-8")
        assert_no_control_characters(written)
        if name == "report.md":
            assert "<script" not in written and "<img" not in written


def hand_built(label: str, texts: list[str]) -> Document:
    """A Document made without the loader, so its text keeps every control character."""
    sentences, position, parts = [], 0, []
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, label, text, position, position + len(text)))
        parts.append(text)
        position += len(text) + 1
    name = f"{label} | evil\x1b[2J\nname.txt"
    return Document(label, name, " ".join(parts), "0" * 64, tuple(sentences))


def test_renderers_neutralise_controls_the_loader_never_saw() -> None:
    hostile = f"Envoys signed {CLEAR_SCREEN}{TITLE}{CSI_C1} the border \u202etreaty\u202c today."
    comparison = compare(
        hand_built("A", [hostile, "Xi met the envoys in Beijing."]),
        hand_built("B", [hostile, "Razov spoke \x1b[5mof trade\x07."]),
    )
    claims = compare_claims(comparison)
    outputs = {
        "terminal": to_text(diff_report(comparison, color=False)),
        "terminal claims": to_text(claims_report(claims)),
        "markdown": render_diff(comparison),
        "markdown claims": render_claims(claims),
        "json": render_json(comparison.to_dict()),
        "json claims": render_json(claims.to_dict()),
    }
    for name, output in outputs.items():
        assert_no_control_characters(output, name)
    assert_tables_intact(outputs["markdown"])
    assert_tables_intact(outputs["markdown claims"])
    assert json.loads(outputs["json"])["sources"][0]["sentences"][0]["text"] == hostile


def run_with_ascii_locale(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The real command under a locale that can only show ASCII."""
    return subprocess.run(
        [sys.executable, "-m", "sco_compare", *args],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "100"},
    )


def test_a_piped_report_is_utf8_plain_text_whatever_the_locale(in_root: Path) -> None:
    completed = run_with_ascii_locale("diff", *PAIR, "--no-color")
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == b""
    expected = runner.invoke(app, ["diff", *PAIR, "--no-color"]).stdout
    assert completed.stdout.decode("utf-8") == expected


def test_json_and_markdown_are_utf8_whatever_the_locale(in_root: Path) -> None:
    for output_format in ("json", "markdown"):
        completed = run_with_ascii_locale("diff", *PAIR, "-f", output_format)
        assert completed.returncode == 0, completed.stderr
        expected = runner.invoke(app, ["diff", *PAIR, "-f", output_format]).stdout
        assert completed.stdout.decode("utf-8") == expected
