"""Real-world inputs the CLI takes: encodings, line endings, invisible characters, HTML, stdin."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from sco_compare import compare, load_document
from sco_compare.cli import app
from tests.conftest import CHINA_DAILY, READOUT

runner = CliRunner()
READOUT_TEXT = READOUT.read_text(encoding="utf-8")


def json_report(*args: str, stdin: bytes | None = None) -> tuple[dict[str, Any], str]:
    """The diff JSON of the CLI, and what it said on stderr."""
    result = runner.invoke(app, ["diff", *args, "-f", "json"], input=stdin)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def sentence_texts(report: dict[str, Any], side: int = 0) -> list[str]:
    return [s["text"] for s in report["sources"][side]["sentences"]]


def content_texts(report: dict[str, Any], side: int = 0) -> list[str]:
    return [s["text"] for s in report["sources"][side]["sentences"] if s["status"] != "boilerplate"]


def statuses(report: dict[str, Any], side: int = 0) -> list[str]:
    return [s["status"] for s in report["sources"][side]["sentences"]]


@cache
def plain() -> dict[str, Any]:
    """The report of the corpus pair as text: what every other form of it must give."""
    return json_report(str(READOUT), str(CHINA_DAILY))[0]


def report_for(tmp_path: Path, name: str, text: str) -> dict[str, Any]:
    """The diff JSON of `text`, saved as `name`, against the China Daily article."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    report, _ = json_report(str(source), str(CHINA_DAILY))
    return report


def same_as_plain(path: Path) -> None:
    report, stderr = json_report(str(path), str(CHINA_DAILY))
    assert stderr == ""
    assert sentence_texts(report) == sentence_texts(plain())
    assert statuses(report) == statuses(plain())


def test_utf8_with_a_bom(tmp_path: Path) -> None:
    source = tmp_path / "bom.txt"
    source.write_bytes(b"\xef\xbb\xbf" + READOUT.read_bytes())
    same_as_plain(source)


def test_utf16_with_a_bom_either_byte_order(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-16-be"):
        source = tmp_path / f"{encoding}.txt"
        bom = b"\xfe\xff" if encoding.endswith("be") else b""
        source.write_bytes(bom + READOUT_TEXT.encode(encoding))
        same_as_plain(source)


def test_windows_line_endings(tmp_path: Path) -> None:
    source = tmp_path / "crlf.txt"
    source.write_bytes(READOUT_TEXT.replace("\n", "\r\n").encode("utf-8"))
    same_as_plain(source)


def test_old_mac_line_endings(tmp_path: Path) -> None:
    source = tmp_path / "cr.txt"
    source.write_bytes(READOUT_TEXT.replace("\n", "\r").encode("utf-8"))
    same_as_plain(source)


def test_cp1252_is_read_with_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "legacy.txt"
    source.write_bytes(
        "The caf\u00e9 \u201cLe D\u00f4me\u201d opened \u2014 at last.".encode("cp1252")
    )
    report, stderr = json_report(str(source), str(CHINA_DAILY))
    assert sentence_texts(report) == [
        "The caf\u00e9 \u201cLe D\u00f4me\u201d opened \u2014 at last."
    ]
    assert stderr == (
        f"sco-compare: warning: {source}: not valid UTF-8; read as cp1252 (Windows-1252)\n"
    )


def test_utf8_with_one_bad_byte_stays_utf8(tmp_path: Path) -> None:
    source = tmp_path / "glitch.txt"
    source.write_bytes("Xi met the \u201cthree forces\u201d envoy.\xff".encode() + b"\xff")
    report, stderr = json_report(str(source), str(CHINA_DAILY))
    assert sentence_texts(report) == ["Xi met the \u201cthree forces\u201d envoy.\xff\ufffd"]
    assert stderr == (
        f"sco-compare: warning: {source}: 1 invalid UTF-8 sequence(s) replaced with \ufffd\n"
    )


def test_no_break_spaces_zero_width_characters_and_soft_hyphens_still_match(
    tmp_path: Path,
) -> None:
    source = tmp_path / "invisible.txt"
    text = (
        READOUT_TEXT.replace(" the ", "\u00a0the\u00a0")
        .replace("cooperation", "co\u00adoper\u00adation")
        .replace("security", "secu\u200brity")
    )
    source.write_text(text, encoding="utf-8")
    report, _ = json_report(str(source), str(CHINA_DAILY))
    assert statuses(report) == statuses(plain())
    assert statuses(report, 1) == statuses(plain(), 1)


def test_terminal_escape_sequences_are_dropped_from_the_text(tmp_path: Path) -> None:
    source = tmp_path / "colored.txt"
    source.write_text(
        "\x1b[1mXi\x1b[0m met the \x1b]8;;https://example.org\x07envoys\x1b]8;;\x07 today.",
        encoding="utf-8",
    )
    report, _ = json_report(str(source), str(CHINA_DAILY))
    assert sentence_texts(report) == ["Xi met the envoys today."]


def test_suffixless_files_are_text(tmp_path: Path) -> None:
    source = tmp_path / "readout"
    source.write_text(READOUT_TEXT, encoding="utf-8")
    same_as_plain(source)


def as_markdown(text: str) -> str:
    """The readout as a Markdown page: heading, emphasis, links, a quote, code and a rule."""
    lines = text.splitlines()
    body = "\n".join(lines[2:])
    body = body.replace("Xi Jinping", "**Xi Jinping**").replace(
        "Great Hall of the People", "[Great Hall of the People](https://example.com/hall)"
    )
    body = body.replace("\nXi pointed out", "\n> Xi pointed out", 1)
    return (
        f"{lines[0]}\n# {lines[1]}\n{body}\n\n---\n\n```\nprint('not prose')\n```\n"
        "[hall]: https://example.com/hall\n"
    )


def test_markdown_is_reduced_to_its_prose(tmp_path: Path) -> None:
    source = tmp_path / "readout.md"
    source.write_text(as_markdown(READOUT_TEXT), encoding="utf-8")
    same_as_plain(source)


def test_an_html_fragment_is_read_as_html(tmp_path: Path) -> None:
    report = report_for(
        tmp_path,
        "fragment.txt",
        "<p>Xi met the <b>envoys</b> today.</p>\n<p>They discussed security.</p>\n",
    )
    assert sentence_texts(report) == ["Xi met the envoys today.", "They discussed security."]
    assert "boilerplate" not in statuses(report)


def test_a_one_line_html_fragment_is_read_as_html(tmp_path: Path) -> None:
    report = report_for(
        tmp_path, "fragment.txt", "<p>Xi met the envoys today.</p> <p>They discussed security.</p>"
    )
    assert sentence_texts(report) == ["Xi met the envoys today.", "They discussed security."]


def test_text_that_mentions_tags_is_not_html(tmp_path: Path) -> None:
    report = report_for(
        tmp_path, "howto.txt", "Use the <p> tag and close it with </p> at the end.\n"
    )
    assert sentence_texts(report) == ["Use the <p> tag and close it with </p> at the end."]


def test_markdown_with_html_blocks_is_still_markdown(tmp_path: Path) -> None:
    report = report_for(
        tmp_path,
        "story.md",
        '<div align="center">\n<p>Banner</p>\n</div>\n\n# Xi meets SCO delegates\n\n'
        "Xi met the **delegates** in Beijing.\n",
    )
    assert sentence_texts(report)[-2:] == [
        "Xi meets SCO delegates",
        "Xi met the delegates in Beijing.",
    ]


def test_a_source_of_headlines_only_is_compared(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text("Xi Meets SCO Delegates in Beijing\n", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("SCO delegates meet Xi in Beijing\n", encoding="utf-8")
    report, _ = json_report(str(first), str(second))
    assert statuses(report, 0) == statuses(report, 1) == ["covered"]


def test_a_source_mostly_of_headlines_keeps_them_but_not_its_contact_line(
    tmp_path: Path,
) -> None:
    report = report_for(
        tmp_path,
        "headlines.txt",
        "Xi meets SCO delegates in Beijing\nSCO members agree to fight cyber crime\n"
        "Will Beijing host the summit in June?\nContact: press@example.org\n",
    )
    assert [s == "boilerplate" for s in statuses(report)] == [False, False, False, True]


def test_stdin(tmp_path: Path) -> None:
    report, _ = json_report("-", str(CHINA_DAILY), stdin=READOUT.read_bytes())
    assert report["sources"][0]["name"] == "stdin"
    assert report["sources"][0]["path"] is None
    assert sentence_texts(report) == sentence_texts(plain())


def as_html_page(text: str) -> str:
    paragraphs = "\n".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return (
        "<!-- saved from url=(0040)https://www.fmprc.gov.cn/eng/zxxx/ -->\n"
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Readout</title>'
        "<style>p { color: red; }</style><script>var tracking = 'Hello reader.';</script>"
        "</head><body><form id='aspnetForm'>"
        "<nav><ul><li><a href='/'>Home</a></li><li>Press releases</li></ul></nav>"
        f"<article>{paragraphs}</article>"
        "<footer>Copyright reserved. Contact us.</footer></form></body></html>"
    )


def test_html_keeps_paragraphs_drops_scripts_and_sets_navigation_aside(tmp_path: Path) -> None:
    source = tmp_path / "readout.html"
    source.write_text(as_html_page(READOUT_TEXT), encoding="utf-8")
    report, _ = json_report(str(source), str(CHINA_DAILY))
    sentences = report["sources"][0]["sentences"]
    chrome = {"Home", "Press releases", "Copyright reserved.", "Contact us."}
    assert [(s["text"], s["status"]) for s in sentences if s["text"] not in chrome] == list(
        zip(sentence_texts(plain()), statuses(plain()), strict=True)
    )
    assert {s["text"]: s["status"] for s in sentences if s["text"] in chrome} == dict.fromkeys(
        chrome, "boilerplate"
    )
    assert "Hello reader." not in sentence_texts(report)


def test_html_on_stdin_is_recognised(tmp_path: Path) -> None:
    report, _ = json_report("-", str(CHINA_DAILY), stdin=as_html_page(READOUT_TEXT).encode())
    assert content_texts(report) == content_texts(plain())


def test_utf16_html_on_stdin_is_recognised() -> None:
    page = as_html_page(READOUT_TEXT).encode("utf-16")
    report, _ = json_report("-", str(CHINA_DAILY), stdin=page)
    assert content_texts(report) == content_texts(plain())


def test_html_entities_become_text(tmp_path: Path) -> None:
    source = tmp_path / "entities.htm"
    source.write_text(
        "<p>Xi&nbsp;met the &ldquo;SCO&rdquo; envoys &amp; aides &lt;today&gt;.</p>",
        encoding="utf-8",
    )
    report, _ = json_report(str(source), str(CHINA_DAILY))
    assert sentence_texts(report) == ["Xi\u00a0met the \u201cSCO\u201d envoys & aides <today>."]


def test_html_declared_charset_is_used_without_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "gbk.html"
    sentence = "上海合作组织成员国安全会议秘书会议在北京举行。"
    page = f'<html><head><meta charset="gb2312"></head><body><p>{sentence}</p>'
    source.write_bytes(page.encode("gbk"))
    report, stderr = json_report(str(source), str(CHINA_DAILY))
    assert sentence_texts(report) == [sentence]
    assert stderr == ""


def test_a_very_long_line(tmp_path: Path) -> None:
    source = tmp_path / "long.txt"
    source.write_text("The council met again " * 20_000 + "in Beijing.", encoding="utf-8")
    report, _ = json_report(str(source), str(CHINA_DAILY))
    assert len(report["sources"][0]["sentences"]) == 1


def test_offsets_point_into_the_cleaned_text(tmp_path: Path) -> None:
    source = tmp_path / "mixed.txt"
    source.write_bytes(b"\xef\xbb\xbfFirst line here.\r\nSecond \x1b[31mone\x1b[0m.\rThird.")
    document, _ = load_document(str(source), label="A")
    assert document.text == "First line here.\nSecond one.\nThird."
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text


def test_the_library_takes_a_lone_surrogate() -> None:
    comparison = compare("Xi met the envoys \ud800 today.", "Xi met the envoys today.")
    assert comparison.document_a.sentences[0].text == "Xi met the envoys \ufffd today."
    assert comparison.statuses_a == ("covered",)


def test_an_article_keeps_its_crumbs_byline_and_prompts_aside(tmp_path: Path) -> None:
    report = report_for(
        tmp_path,
        "article.txt",
        "Home\nWorld\nAsia\nXi meets SCO envoys in Beijing\nBy Li Wei\nShare this article\n"
        "Xi met the envoys on Thursday.\nThey discussed security.\n",
    )
    assert [s != "boilerplate" for s in statuses(report)] == [False] * 6 + [True] * 2


def test_html_comments_are_dropped_and_a_stray_lt_is_text(tmp_path: Path) -> None:
    report = report_for(
        tmp_path,
        "page.html",
        "<p>Xi met the envoys.</p>\n<!-- <p>Old draft: 50 people died.</p> -->\n"
        "<p>A < B < C, the weaker ones said.</p>",
    )
    assert sentence_texts(report) == ["Xi met the envoys.", "A < B < C, the weaker ones said."]


def test_a_marked_section_the_html_parser_rejects_is_text(tmp_path: Path) -> None:
    report = report_for(
        tmp_path, "page.html", "<p>Xi met the envoys.</p>\n<p>Then <![0 came <b>talks</b>.</p>"
    )
    # (The segmenter reads the "!" as a sentence end.)
    assert " ".join(sentence_texts(report)) == "Xi met the envoys. Then <! [0 came talks."


def test_markdown_entities_give_no_control_characters(tmp_path: Path) -> None:
    report = report_for(tmp_path, "story.md", "Xi met&#13;the envoys&#12;today.\n")
    assert sentence_texts(report) == ["Xi met\nthe envoys\ntoday."]
