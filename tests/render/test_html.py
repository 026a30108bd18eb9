"""The HTML report as a file: self-contained, escaped, pinned by its security policy, and whole
(the browser tests in test_browser.py open it)."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sco_compare import compare, compare_claims, document_from_text, load_document
from sco_compare.cli import app
from sco_compare.collation import Collation
from sco_compare.models import Comparison
from sco_compare.pipeline import compare_many
from sco_compare.render.html import render
from tests.conftest import CHINA_DAILY, READOUT

runner = CliRunner()
SEED = [str(READOUT), str(CHINA_DAILY)]

HOSTILE = (
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    '<a href="javascript:window.__pwned = 3">link</a>',
    "</style><script>window.__pwned = 4</script>",
    '"><svg onload="window.__pwned = 5">',
    "</textarea></title><iframe src=//example.org>",
)
# Each hostile string both in a sentence the other report shares (its word diff, its pair) and
# in one only this report has (the "only in" list), and in a source's name.
HOSTILE_A = "\n\n".join(
    f"The envoys signed {h} the border treaty with Kazakhstan on Tuesday. "
    f"Only the ministry named {h} the pipeline to Uzbekistan number {k}."
    for k, h in enumerate(HOSTILE)
)
HOSTILE_B = "\n\n".join(
    f"Envoys signed {h} the border treaty with Kazakhstan on Tuesday, officials said."
    for h in HOSTILE
)


def hostile_comparison() -> Comparison:
    a = document_from_text(HOSTILE_A, label="A", name=HOSTILE[0])
    b = document_from_text(HOSTILE_B, label="B", name=HOSTILE[1])
    return compare(a, b)


def seed_comparison() -> Comparison:
    a, _ = load_document(str(READOUT), label="A")
    b, _ = load_document(str(CHINA_DAILY), label="B")
    return compare(a, b)


def three_sources() -> Collation:
    wire = READOUT.parent.parent.parent / "tests" / "fixtures" / "sco-2012-wire.txt"
    return compare_many([load_document(str(p), label="A")[0] for p in (READOUT, CHINA_DAILY, wire)])


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes, and the text of its script and style."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag if tag in self.raw else None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.raw[self._open].append(data)

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture(scope="module", params=["diff", "claims"])
def hostile_page(request: pytest.FixtureRequest) -> str:
    comparison = hostile_comparison()
    if request.param == "diff":
        return render(comparison)
    return render(compare_claims(comparison))


def test_hostile_text_adds_no_element_attribute_or_link(hostile_page: str) -> None:
    page = Elements(hostile_page)
    assert len(page.named("script")) == len(page.named("style")) == 1
    assert not page.named("img") and not page.named("iframe") and not page.named("textarea")
    assert [attrs for attrs in page.named("a") if "javascript" in (attrs.get("href") or "")] == []
    assert [a for _, attrs in page.tags for a in attrs if a.startswith("on")] == []
    assert sum(tag == "svg" for tag, _ in page.tags) == 1  # the coverage chart only


def test_hostile_text_is_shown_as_written(hostile_page: str) -> None:
    for hostile in HOSTILE:
        escaped = hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        escaped = escaped.replace('"', "&quot;")
        assert escaped in hostile_page


def test_the_security_policy_pins_the_pages_own_style_and_script(hostile_page: str) -> None:
    page = Elements(hostile_page)
    (policy,) = [
        attrs["content"]
        for attrs in page.named("meta")
        if attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy is not None
    rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
    assert rules["default-src"] == "'none'"
    for kind in ("style", "script"):
        digest = hashlib.sha256("".join(page.raw[kind]).encode()).digest()
        assert rules[f"{kind}-src"] == f"'sha256-{base64.b64encode(digest).decode()}'"


def test_the_page_loads_nothing_from_anywhere() -> None:
    page = render(seed_comparison())
    parsed = Elements(page)
    assert not [attrs for _, attrs in parsed.tags if "src" in attrs]
    assert not [h for attrs in parsed.named("a") for h in [attrs["href"]] if not h or h[0] != "#"]
    assert "@import" not in page and "url(" not in page and "@font-face" not in page


def test_every_sentence_is_shown_with_its_id_and_status() -> None:
    comparison = seed_comparison()
    spans = {
        attrs["id"]: attrs["class"]
        for attrs in Elements(render(comparison)).named("span")
        if attrs.get("id")
    }
    for document in comparison.documents:
        for sentence, status in zip(
            document.sentences, comparison.statuses(document.label), strict=True
        ):
            assert spans[sentence.id] == f"s {status}"


def test_each_aligned_sentence_names_its_counterparts_and_its_pair() -> None:
    comparison = seed_comparison()
    parsed = Elements(render(comparison))
    spans = {attrs["id"]: attrs for attrs in parsed.named("span") if attrs.get("id")}
    pairs = {attrs["id"] for attrs in parsed.named("details")}
    a, b = comparison.documents
    expected: dict[str, set[str]] = {}
    assert comparison.alignments
    for alignment in comparison.alignments:
        ids_a = {a.sentences[i].id for i in alignment.a}
        ids_b = {b.sentences[i].id for i in alignment.b}
        for mine, theirs in ((ids_a, ids_b), (ids_b, ids_a)):
            for sentence_id in mine:
                expected.setdefault(sentence_id, set()).update(theirs)
    for sentence_id, theirs in expected.items():
        assert set((spans[sentence_id]["data-with"] or "").split()) == theirs
        assert set((spans[sentence_id]["data-pairs"] or "").split()) <= pairs
    unaligned = [s for s in spans.values() if s["data-status"] in ("unique", "boilerplate")]
    assert unaligned and all("data-with" not in s for s in unaligned)


def test_paragraphs_of_a_source_stay_paragraphs() -> None:
    a = document_from_text("First one. Second one.\n\nThird one.", label="A")
    b = document_from_text("Something else entirely here.", label="B")
    page = render(compare(a, b))
    column = page[page.index('id="h-A"') : page.index('id="h-B"')]
    paragraphs = re.findall(r"<p>(.*?)</p>", column)
    assert [re.findall(r'id="(A\d+)"', p) for p in paragraphs] == [["A1", "A2"], ["A3"]]


def test_the_seed_report_is_under_300_kilobytes() -> None:
    comparison = seed_comparison()
    for page in (render(comparison), render(compare_claims(comparison))):
        assert len(page.encode("utf-8")) < 300_000


def test_claims_page_links_a_speaker_only_one_source_quotes_to_the_sentence() -> None:
    report = compare_claims(seed_comparison())
    group = report.groups_of("speaker")[0]
    claim = report.claim(group.claims[0])
    page = render(report)
    section = page[page.index("Speakers only one source quotes") : page.index("Names only")]
    assert f'href="#{claim.source.upper()}{claim.sentence + 1}"' in section
    assert f'id="{claim.source.upper()}{claim.sentence + 1}"' in page


@pytest.mark.parametrize("command", ["diff", "claims"])
def test_an_html_output_file_gets_an_html_report(command: str, tmp_path: Path) -> None:
    result = runner.invoke(app, [command, *SEED, "-o", str(tmp_path / "report.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_format_html_prints_the_page() -> None:
    result = runner.invoke(app, ["diff", *SEED, "--format", "HTML"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("option", [["--only", "unique"], ["--sections", "summary"]])
def test_html_refuses_options_that_cut_the_report(option: list[str]) -> None:
    result = runner.invoke(app, ["diff", *SEED, "-f", "html", *option])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and option[0] in result.stderr


def test_claims_page_links_conflicting_figures_and_lists_partly_reported_claims() -> None:
    fixtures = READOUT.parent.parent.parent / "tests" / "fixtures"
    names = ("geneva-ministry.txt", "geneva-wire.txt")
    pair = [load_document(str(fixtures / name), label="A")[0] for name in names]
    report = compare_claims(compare(*pair))
    assert report.conflicts and report.partial()
    page = render(report)
    conflicts = page[page.index("Conflicting numbers and dates") :]
    conflict = report.conflicts[0]
    for claim_id in (conflict.a, conflict.b):
        assert f'href="#{claim_id.split(".")[0]}">{claim_id}</a>' in conflicts
    partly = page[page.index("Partly reported claims") : page.index("Conflicting numbers")]
    assert all(f">{claim.id}</a>" in partly for claim in report.partial())


def test_each_sentence_takes_its_own_direction() -> None:
    spans = [a for a in Elements(render(seed_comparison())).named("span") if a.get("id")]
    assert spans and all(a.get("dir") == "auto" for a in spans)


@pytest.mark.parametrize("command", ["diff", "claims"])
def test_three_sources_give_three_columns_and_a_presence_table(command: str) -> None:
    wire = READOUT.parent.parent.parent / "tests" / "fixtures" / "sco-2012-wire.txt"
    result = runner.invoke(app, [command, *SEED, str(wire), "-f", "html"])
    assert result.exit_code == 0, result.output
    parsed = Elements(result.stdout)
    assert [a["id"] for a in parsed.named("h3") if (a.get("id") or "").startswith("h-")] == [
        "h-A",
        "h-B",
        "h-C",
    ]
    assert any(a.get("id") == "presence" for a in parsed.named("section"))


def test_a_source_named_like_a_sentence_id_is_not_linked() -> None:
    texts = ("The ministers met in Geneva.", "Ministers met in Geneva on Monday.", "Rain fell.")
    documents = [
        document_from_text(text, label="A", name=name)
        for text, name in zip(texts, ("C2.txt", "B1.txt", "A1.txt"), strict=True)
    ]
    page = render(compare_many(documents))
    for name in ("C2.txt", "B1.txt", "A1.txt"):
        assert f">{name[:2]}</a>.txt" not in page and name in page
