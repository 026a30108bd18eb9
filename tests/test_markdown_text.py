"""Markdown sources: what a reader of the rendered page reads, and nothing else lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sco_compare.markdown_text import markdown_to_text


@pytest.mark.parametrize(
    ("markdown", "prose"),
    [
        ("# Xi meets delegates #", "Xi meets delegates"),
        ("> Xi said the **talks** went _well_.", "Xi said the talks went well."),
        ("- First item\n- Second item", "First item\nSecond item"),
        ("1. Talks opened.\n2. Talks closed.", "Talks opened.\nTalks closed."),
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
        "The SCO was founded in Shanghai in June\n2001. Its members met.",
        "Tags: news #",
        "2 * 3 * 4 is twelve times two, and snake_case_names stay.",
    ],
)
def test_text_that_only_looks_like_markup_is_kept(text: str) -> None:
    assert markdown_to_text(text) == text


def test_code_blocks_rules_and_link_definitions_leave_blank_lines() -> None:
    markdown = "Before.\n```python\n~~~\nx = 1\n```\nAfter.\n\n---\n[ref]: https://example.org"
    assert markdown_to_text(markdown) == "Before.\n\n\n\n\nAfter.\n\n\n"


@given(st.text(alphabet=st.sampled_from("ab #*_`~[]()!<>\\-+1.:|\n\ue041")))
def test_any_text_keeps_its_lines(markdown: str) -> None:
    assert markdown_to_text(markdown).count("\n") == markdown.count("\n")
