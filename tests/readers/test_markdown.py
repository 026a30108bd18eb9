"""Markdown sources: what a reader of the rendered page reads, and nothing else lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sco_compare.readers.markdown import markdown_to_text


@pytest.mark.parametrize(
    ("markdown", "prose"),
    [
        ("# Xi meets delegates #", "Xi meets delegates"),
        ("> Xi said the **talks** went _well_.", "Xi said the talks went well."),
        ("- First item\n- Second item", "First item\n\nSecond item"),
        ("1. Talks opened.\n2. Talks closed.", "Talks opened.\n\nTalks closed."),
        ("Xi met the\n**delegates** in\nBeijing.", "Xi met the delegates in Beijing."),
        ("The talks:\n- opened\n- closed", "The talks:\n\nopened\n\nclosed"),
        (
            "[![Xi](xi.png)](https://example.org) and [the [big] summit](x.html 'T')",
            "Xi and the [big] summit",
        ),
        ("---\ntitle: Talks\n---\nXi met them.", "Xi met them."),
        ("Xi <!-- 99 died\nhere --> met <b>them</b> &amp; left.", "Xi met them & left."),
        ("[Update]: The toll rose to 15 on Friday.", "[Update]: The toll rose to 15 on Friday."),
        ("***Xi*** met ``a ` b`` there.", "Xi met a ` b there."),
        (
            "| Country | Seats |\n|---|---|\n| Russia | 14 |",
            "| Country | Seats |\n\n| Russia | 14 |",
        ),
        ("<script>var n = 1234;</script>Xi met them.", "Xi met them."),
        ("- An item\n\n    goes on.\n\nText.\n\n    code = 1", "An item\n\ngoes on.\n\nText."),
        ("See [the SCO](https://example.org/SCO_(group)) site.", "See the SCO site."),
        ('A ![photo of Xi](x.png "Xi") here.', "A photo of Xi here."),
        ("Mail <https://example.org> or `code`.", "Mail https://example.org or code."),
        (r"Escaped \*stars\* stay.", "Escaped *stars* stay."),
    ],
)
def test_markup_gives_way_to_its_text(markdown: str, prose: str) -> None:
    assert markdown_to_text(markdown) == prose


@pytest.mark.parametrize(
    "text",
    [
        "The SCO was founded in Shanghai in June 2001. Its members met.",
        "Tags: news #",
        "2 * 3 * 4 is twelve times two, and snake_case_names stay.",
    ],
)
def test_text_that_only_looks_like_markup_is_kept(text: str) -> None:
    assert markdown_to_text(text) == text


def test_a_wrapped_line_that_opens_with_a_number_stays_in_its_paragraph() -> None:
    markdown = "The SCO was founded in Shanghai in June\n2001. Its members met."
    assert (
        markdown_to_text(markdown)
        == "The SCO was founded in Shanghai in June 2001. Its members met."
    )


def test_code_rules_and_link_definitions_are_left_out() -> None:
    markdown = (
        "Before.\n```python\n~~~\nx = 1\n```\nAfter.\n\n    indented = 2\n\n"
        '> ```\n> quoted = 3\n> ```\n---\n[ref]: https://example.org "Title"\nEnd.'
    )
    assert markdown_to_text(markdown) == "Before.\n\nAfter.\n\nEnd."


@given(st.text(alphabet=st.sampled_from("ab #*_`~[]()!<>\\-+1.:|&;\n\r\ue041")))
def test_any_text_gives_text_made_of_its_own_characters(markdown: str) -> None:
    assert set(markdown_to_text(markdown)) <= set(markdown) | {" ", "\n"}


@given(st.lists(st.sampled_from(["Xi", "met", "them.", "In", "Beijing,", "\n", "\n\n"])))
def test_plain_prose_keeps_its_words(words: list[str]) -> None:
    text = " ".join(words)
    assert markdown_to_text(text).split() == text.split()


@pytest.mark.parametrize(
    ("markdown", "prose"),
    [
        (
            "Use `<!--` to open a comment.\n\nXi met the envoy.",
            "Use <!-- to open a comment.\n\nXi met the envoy.",
        ),
        ("```html\n<!-- start\n```\n\nProse.", "Prose."),
        ("<script>\nvar a = 1;\n\nvar b = 2;\n</script>\nAfter.", "After."),
        ("<!--\nhidden 99\n-->\nShown.", "Shown."),
        ("```x``` is a code span.", "x is a code span."),
    ],
)
def test_comments_scripts_and_code_do_not_swallow_prose(markdown: str, prose: str) -> None:
    assert markdown_to_text(markdown) == prose


def test_markdown_nested_past_what_the_parser_reads_is_read_as_text() -> None:
    deep = "> " * 100 + "The minister met the envoys.\n\nThey spoke of trade."
    prose = markdown_to_text(deep)
    assert "The minister met the envoys." in prose
    assert "They spoke of trade." in prose
