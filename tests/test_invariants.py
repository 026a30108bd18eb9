"""Properties that hold for any input, checked with hypothesis on generated reports.

The "default" profile (tests/conftest.py) runs a few thousand cases in the normal test run;
HYPOTHESIS_PROFILE=thorough runs many more.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from sco_compare import Comparison, InputError, compare, compare_claims, document_from_text
from sco_compare.cli import app
from sco_compare.render.json_report import render_json
from sco_compare.render.markdown import render_claims, render_diff
from sco_compare.render.terminal import diff_report, to_text
from sco_compare.render.terminal_claims import claims_report

STATUSES = {"covered", "partial", "unique", "boilerplate"}

# Content words with distinct stems, none a stopword, so a sentence's content is predictable.
CONTENT_WORDS = (
    "minister summit Beijing trade Russia security council economy treaty border "
    "Xinjiang pipeline agreement delegation president energy railway observers "
    "terrorism cooperation Kazakhstan investment 2012 15 percent"
).split()
FILLERS = "the a of in and said that was it not with on".split()
# What real reports carry besides words: odd line endings and spaces, markup, escapes, controls.
ODDITIES = (
    "\r\n",
    "\r",
    "\n\n",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\t",
    "\x1b[31m",
    "\x00",
    "\u202e",
    "[bold red]",
    "[/]",
    "<script>alert(1)</script>",
    "| --- |",
    "`",
    "Mr.",
    "U.S.",
    "...",
    "“",
    "”",
)

any_unicode = st.text(st.characters(exclude_categories=()), max_size=40)
words = st.sampled_from(CONTENT_WORDS + FILLERS)
sentences = st.builds(
    lambda chosen, end: " ".join(chosen).capitalize() + end,
    st.lists(words, min_size=1, max_size=8),
    st.sampled_from([".", ".", ".", "!", "?", "", ".”"]),
)
# Sentences of two or more distinct content words: enough content to link (see min_shared).
contentful_sentences = st.builds(
    lambda chosen, end: " ".join(chosen).capitalize() + end,
    st.lists(st.sampled_from(CONTENT_WORDS), min_size=2, max_size=8, unique=True),
    st.sampled_from([".", "!", "?", ".”"]),
)
pieces = st.one_of(
    sentences, sentences, sentences, st.sampled_from(ODDITIES), any_unicode, st.just(" ")
)
separators = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\r", "  "])


@st.composite
def report(draw: st.DrawFn, pool: list[str] | None = None) -> str:
    """A short report: sentences (some from a shared pool), oddities and stray Unicode."""
    choices = pieces if not pool else st.one_of(pieces, st.sampled_from(pool))
    parts = draw(st.lists(choices, min_size=1, max_size=7))
    return draw(separators).join(parts)


@st.composite
def report_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two reports that share some sentences, as two reports of one event do.

    Half the time the second retells the first's sentences in another order, with its own
    sentences and oddities mixed in; otherwise both draw freely from a common pool.
    """
    pool = draw(st.lists(st.one_of(sentences, contentful_sentences), min_size=1, max_size=5))
    if draw(st.booleans()):
        return draw(report(pool)), draw(report(pool))
    retold = draw(st.permutations(pool)) + draw(st.lists(pieces, max_size=3))
    return draw(separators).join(pool), draw(separators).join(draw(st.permutations(retold)))


texts = st.one_of(report(), any_unicode)


def compare_or_none(a: str, b: str) -> Comparison | None:
    """compare(a, b), or None when one side has no sentence (the one controlled error).

    Notes what kind of case it was, for --hypothesis-show-statistics.
    """
    try:
        comparison = compare(a, b)
    except InputError as error:
        assert "no text" in str(error) or "no sentence" in str(error), str(error)
        event("no sentence on one side")
        return None
    event("aligned" if comparison.alignments else "compared, nothing aligned")
    return comparison


def mirrored(alignments: list[dict[str, object]]) -> list[dict[str, object]]:
    """Alignments of compare(B, A) seen from compare(A, B): sides swapped, same order."""
    swapped = [{**g, "a": g["b"], "b": g["a"]} for g in alignments]
    return sorted(swapped, key=lambda g: (min(g["a"]), min(g["b"])))  # type: ignore[call-overload]


def without_terms(alignments: list[dict[str, object]]) -> list[dict[str, object]]:
    """Alignments without shared_terms, which show each side's own spelling of a word."""
    return [{k: v for k, v in g.items() if k != "shared_terms"} for g in alignments]


@given(st.one_of(report_pairs(), st.tuples(texts, texts)))
@example(("\ud800 lone surrogate.", "Lone surrogate \udfff."))
@example(("\x00\x1b[2J\x7f\x9b", "Text."))
def test_compare_and_every_renderer_never_raise(pair: tuple[str, str]) -> None:
    comparison = compare_or_none(*pair)
    if comparison is None:
        return
    assert render_json(comparison.to_dict())
    assert render_diff(comparison)
    assert to_text(diff_report(comparison, color=True))
    assert to_text(diff_report(comparison, color=False))


@given(st.one_of(report_pairs(), st.tuples(texts, texts)))
def test_claims_and_their_renderers_never_raise(pair: tuple[str, str]) -> None:
    comparison = compare_or_none(*pair)
    if comparison is None:
        return
    claims = compare_claims(comparison)
    assert render_json(claims.to_dict())
    assert render_claims(claims)
    assert to_text(claims_report(claims))


HTML_BITS = st.sampled_from(
    [
        "<!DOCTYPE html>",
        "<?xml version='1.0'?>",
        "<p>",
        "</p>",
        "<br/>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<nav>",
        "</nav>",
        "<header>",
        "<li>",
        "<td>",
        "<pre>",
        "<div class='x'>",
        "<a href='",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<!",
        "</",
        "<",
        ">",
        "&#0;",
        "&#x1b;",
        "&#x110000;",
        "&nbsp;",
        "&amp",
        "&lt;",
        "\n",
    ]
)


@given(st.lists(st.one_of(HTML_BITS, HTML_BITS, sentences, any_unicode), max_size=12))
def test_html_extraction_never_raises(parts: list[str]) -> None:
    try:
        document = document_from_text("".join(parts), html=True)
    except InputError as error:
        assert "no text" in str(error) or "no sentence" in str(error), str(error)
        return
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text


@given(report_pairs())
def test_every_sentence_appears_once_with_one_status(pair: tuple[str, str]) -> None:
    comparison = compare_or_none(*pair)
    if comparison is None:
        return
    report_json = json.loads(render_json(comparison.to_dict()))
    for source, document, side in zip(
        report_json["sources"], comparison.documents, "ab", strict=True
    ):
        listed = source["sentences"]
        assert [s["index"] for s in listed] == list(range(len(document.sentences)))
        assert len({s["id"] for s in listed}) == len(listed)
        assert all(s["status"] in STATUSES for s in listed)
        grouped = Counter(k for g in report_json["alignments"] for k in g[side])
        for sentence in listed:
            assert sentence["text"] == document.text[sentence["start"] : sentence["end"]]
            in_a_group = grouped[sentence["index"]] > 0
            assert in_a_group == (sentence["status"] in ("covered", "partial")), sentence
        ends = [(s["start"], s["end"]) for s in listed]
        assert all(end <= start for (_, end), (start, _) in zip(ends, ends[1:], strict=False))


@given(report_pairs())
def test_compare_b_a_mirrors_compare_a_b(pair: tuple[str, str]) -> None:
    forward = compare_or_none(*pair)
    if forward is None:
        return
    backward = compare(pair[1], pair[0])
    assert backward.statuses_a == forward.statuses_b
    assert backward.statuses_b == forward.statuses_a
    assert without_terms(mirrored(backward.to_dict()["alignments"])) == without_terms(
        forward.to_dict()["alignments"]
    )


@given(texts)
def test_a_document_compared_with_itself_is_covered_the_same_on_both_sides(text: str) -> None:
    comparison = compare_or_none(text, text)
    if comparison is None:
        return
    assert comparison.statuses_a == comparison.statuses_b
    assert set(comparison.statuses_a) <= {"covered", "boilerplate"}
    alignments = comparison.to_dict()["alignments"]
    assert without_terms(alignments) == without_terms(mirrored(alignments))


@given(st.lists(contentful_sentences, min_size=1, max_size=8), separators)
def test_a_document_compared_with_itself_is_fully_covered(
    chosen: list[str], separator: str
) -> None:
    text = separator.join(chosen)
    comparison = compare(text, text)
    content = [s for s in comparison.statuses_a if s != "boilerplate"]
    assert content
    assert set(content) == {"covered"}


SPEAKERS = ("Smith", "Anna Keller", "the ministry", "he", "she", "they", "Meng Jianzhu")
# Claims with speakers, quotes and figures: what makes two identical claims look different.
attributed = st.one_of(
    st.builds(lambda s, who: f'"{s}" {who} said.', contentful_sentences, st.sampled_from(SPEAKERS)),
    st.builds(lambda who, s: f"{who.capitalize()} said {s}", st.sampled_from(SPEAKERS), sentences),
    st.builds(lambda s: f'"{s}"', contentful_sentences),
    st.builds(
        lambda s, n: f"{s.rstrip('.!?”')} by {n}% in 20{n:02d}.",
        contentful_sentences,
        st.integers(1, 99),
    ),
)


@given(st.lists(st.one_of(attributed, contentful_sentences, texts), min_size=1, max_size=8))
def test_claims_of_a_text_against_itself_are_all_shared(parts: list[str]) -> None:
    text = " ".join(parts)
    comparison = compare_or_none(text, text)
    if comparison is None:
        return
    report = compare_claims(comparison)
    assert {c.status for c in report.claims} <= {"shared"}, [
        (c.id, c.status, c.notes) for c in report.claims if c.status != "shared"
    ]
    assert not report.conflicts
    assert not report.groups


def test_a_one_word_sentence_compared_with_itself_is_covered() -> None:
    assert compare("Talks.", "Talks.").statuses_a == ("covered",)


def test_a_sentence_and_its_negation_compared_with_themselves_are_covered() -> None:
    text = "The talks ended. The talks did not end."
    assert compare(text, text).statuses_a == ("covered", "covered")


runner = CliRunner()
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")


@st.composite
def source_bytes(draw: st.DrawFn) -> bytes:
    """What a user may pipe in: text in any supported encoding, or any bytes at all."""
    text = draw(texts)
    encoding = draw(st.sampled_from(ENCODINGS))
    encoded = text.encode(encoding, errors="replace")
    return draw(st.one_of(st.just(encoded), st.binary(max_size=80)))


@given(
    data=source_bytes(),
    command=st.sampled_from(["diff", "claims"]),
    output_format=st.sampled_from(["json", "markdown"]),
)
def test_the_cli_answers_any_input_with_a_report_or_one_error_line(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, command: str, output_format: str
) -> None:
    other = tmp_path_factory.getbasetemp() / "other.txt"
    other.write_text("The minister met the delegation in Beijing.\n", encoding="utf-8")
    result = runner.invoke(app, [command, "-", str(other), "-f", output_format], input=data)
    assert result.exit_code in (0, 2), result.exception
    event(f"exit {result.exit_code}")
    if result.exit_code == 2:
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("sco-compare: error: <stdin>: "), lines
    else:
        assert "Traceback" not in result.stderr


def test_json_is_byte_identical_across_processes(in_root: Path) -> None:
    """Different hash seeds must not reorder anything (sets, dicts) in the report."""
    pair = ["corpus/sco-2012/mfa-readout.txt", "corpus/sco-2012/china-daily.txt"]
    outputs = set()
    for command in ("diff", "claims"):
        for seed in ("0", "1", "12345"):
            completed = subprocess.run(
                [sys.executable, "-m", "sco_compare", command, *pair, "-f", "json"],
                capture_output=True,
                check=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )
            outputs.add((command, completed.stdout))
    assert len(outputs) == 2
