"""The HTML report in a real headless Chromium: a click lights up the counterparts, injected
scripts never run, and the page works with the keyboard, on a phone, in print and without
JavaScript. (Skipped where Chromium is missing, except in CI, where .ci/run installs it.)"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, ViewportSize

from sco_compare import compare, compare_claims, compare_many, document_from_text
from sco_compare.render.html import render
from tests.render.browser import chromium, chromium_path
from tests.render.test_html import HOSTILE, hostile_comparison, seed_comparison, three_sources

pytestmark = pytest.mark.skipif(
    chromium_path() is None and not os.environ.get("CI"), reason="Chromium is not installed"
)

# The WCAG AA contrast of a text's color against the first opaque background behind it.
CONTRASTS = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const back = (e) => {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const e of document.querySelectorAll("body *:not(svg *)")) {
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !e.checkVisibility()) continue;
    const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(back(e))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(e.tagName + "." + e.className + " " + ratio.toFixed(2));
  }
  return low;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


def opened(
    browser: Browser,
    page_html: str,
    folder: Path,
    *,
    viewport: ViewportSize | None = None,
    java_script_enabled: bool = True,
) -> Page:
    """A new page of the report, loaded from a file as a person would open it."""
    path = folder / "report.html"
    path.write_text(page_html, encoding="utf-8")
    context = browser.new_context(
        viewport=viewport or {"width": 1280, "height": 800}, java_script_enabled=java_script_enabled
    )
    page = context.new_page()
    page.goto(path.as_uri())
    return page


def lit(page: Page) -> list[str]:
    """The ids of the sentences lit up as counterparts."""
    return list(page.eval_on_selector_all(".s.lit", "els => els.map(e => e.id)"))


def first_aligned(page: Page) -> list[str]:
    """The counterparts of the first aligned sentence of the texts."""
    return (page.locator(".body .s[data-with]").first.get_attribute("data-with") or "").split()


def test_a_click_lights_up_the_counterparts_and_shows_the_word_diff(
    browser: Browser, tmp_path: Path
) -> None:
    comparison = seed_comparison()
    page = opened(browser, render(comparison), tmp_path)
    page.locator(".body .s[data-with]").first.click()
    assert lit(page) == first_aligned(page)
    assert page.locator("#detail").is_visible()
    assert page.locator("#detail del, #detail ins").count() > 0
    page.screenshot(path=str(tmp_path / "seed.png"))
    assert (tmp_path / "seed.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.keyboard.press("Escape")
    assert lit(page) == [] and not page.locator("#detail").is_visible()


# Where the counterpart is shown: in its column's box, and on screen, not under the panel.
SEEN = """id => {
  const e = document.getElementById(id), r = e.getBoundingClientRect();
  const box = e.closest(".body").getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
  return [box.top <= r.top && r.bottom <= box.bottom, !!hit && e.contains(hit)];
}"""


@pytest.mark.parametrize("page_offset", [0, 150, 480])
def test_a_counterpart_far_down_its_column_is_scrolled_into_view(
    browser: Browser, tmp_path: Path, page_offset: int
) -> None:
    fillers_a = " ".join(f"Apples grow well in orchard {k}." for k in range(40))
    fillers_b = " ".join(f"The river floods the valley town {k}." for k in range(80))
    shared = "The finance ministers agreed on a new customs code for the eastern border."
    a = document_from_text(f"{shared} {fillers_a}", label="A")
    b = document_from_text(f"{fillers_b} {shared}", label="B")
    page = opened(browser, render(compare(a, b)), tmp_path)
    # The columns' top this far down the window (the page scrolled to put it there).
    page.evaluate(f"window.scrollTo(0, document.querySelector('.cols').offsetTop - {page_offset})")
    assert page.evaluate(SEEN, "B81") == [False, False]
    page.locator("#A1").click()
    assert lit(page) == ["B81"]
    assert page.evaluate(SEEN, "B81") == [True, True]


def test_selecting_text_to_copy_it_selects_no_sentence(browser: Browser, tmp_path: Path) -> None:
    page = opened(browser, render(seed_comparison()), tmp_path)
    sentence = page.locator(".body .s[data-with]").first
    sentence.evaluate("e => getSelection().selectAllChildren(e)")
    sentence.dispatch_event("click")  # (as the mouse button comes up at the end of a drag)
    assert lit(page) == [] and not page.locator("#detail").is_visible()


def test_a_long_unbroken_word_does_not_widen_the_page(browser: Browser, tmp_path: Path) -> None:
    word = "Supercalifragilistic" * 30
    a = document_from_text(f"The {word} treaty was signed. Only A has this {word} line.")
    b = document_from_text(f"The {word} treaty was signed on Monday.", label="B")
    for report in (compare(a, b), compare_claims(compare(a, b))):
        for width in (1280, 390):
            page = opened(
                browser, render(report), tmp_path, viewport={"width": width, "height": 800}
            )
            assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_three_sources_side_by_side_light_up_in_every_other_column(
    browser: Browser, tmp_path: Path
) -> None:
    page = opened(
        browser, render(three_sources()), tmp_path, viewport={"width": 1500, "height": 900}
    )
    assert page.locator(".source").count() == 3
    in_both = page.locator(".body .s[data-with*='B'][data-with*='C']").first
    in_both.click()
    assert {i[0] for i in lit(page)} >= {"B", "C"}
    assert page.locator("#presence tr").count() > 1


@pytest.mark.parametrize("command", ["diff", "claims"])
def test_scripts_in_a_source_never_run(browser: Browser, tmp_path: Path, command: str) -> None:
    comparison = hostile_comparison()
    page_html = render(comparison) if command == "diff" else render(compare_claims(comparison))
    dialogs: list[str] = []
    violations: list[str] = []
    page = opened(browser, page_html, tmp_path)

    def dialog(shown: Dialog) -> None:
        dialogs.append(shown.message)
        shown.dismiss()

    def console(message: ConsoleMessage) -> None:
        if "Policy" in message.text:
            violations.append(message.text)

    page.on("dialog", dialog)
    page.on("console", console)
    page.reload()
    page.locator(".body .s[data-with]").first.click()  # the page's own script does run
    assert lit(page)
    page.locator("details summary").first.click()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == [] and violations == []
    shown = page.locator("body").inner_text()
    assert all(h in shown for h in HOSTILE)


def test_the_security_policy_stops_a_script_that_got_in(browser: Browser, tmp_path: Path) -> None:
    planted = render(seed_comparison()).replace(
        "</main>", "<script>window.__pwned = 9</script></main>"
    )
    page = opened(browser, planted, tmp_path)
    assert page.evaluate("window.__pwned") is None


def test_closing_the_panel_gives_the_focus_back(browser: Browser, tmp_path: Path) -> None:
    page = opened(browser, render(seed_comparison()), tmp_path)
    page.locator(".body a.sid").first.focus()
    page.keyboard.press("Enter")
    assert lit(page)
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.matches('.body a.sid')")
    assert lit(page) == []


def test_every_control_is_reached_with_tab_and_works_with_enter(
    browser: Browser, tmp_path: Path
) -> None:
    page = opened(browser, render(seed_comparison()), tmp_path)
    count = page.evaluate(
        """() => {
      const all = [...document.querySelectorAll("a[href], button, summary, [tabindex]")]
        .filter((e) => e.tabIndex >= 0 && e.checkVisibility());
      all.forEach((e, k) => { e.dataset.k = k; });
      return all.length;
    }"""
    )
    reached = set()
    for _ in range(count):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.dataset.k"))
    assert reached == {str(k) for k in range(count)}
    link = page.locator(".body a.sid").first
    link.focus()
    page.keyboard.press("Enter")
    assert lit(page) == first_aligned(page)


def test_text_has_enough_contrast_everywhere(browser: Browser, tmp_path: Path) -> None:
    page = opened(browser, render(compare_claims(seed_comparison())), tmp_path)
    page.locator(".body .s[data-with]").first.click()  # the lit sentences and the panel too
    page.locator("details summary").first.click()
    assert page.evaluate(CONTRASTS) == []


def test_columns_stack_at_a_phones_width(browser: Browser, tmp_path: Path) -> None:
    page = opened(
        browser, render(seed_comparison()), tmp_path, viewport={"width": 390, "height": 844}
    )
    a, b = page.locator("#h-A").bounding_box(), page.locator("#h-B").bounding_box()
    assert a is not None and b is not None
    assert b["y"] > a["y"] + 500 and abs(a["x"] - b["x"]) < 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)


def test_print_shows_the_whole_texts_without_the_panel(browser: Browser, tmp_path: Path) -> None:
    page = opened(browser, render(seed_comparison()), tmp_path)
    page.locator(".body .s[data-with]").first.click()
    page.emulate_media(media="print")
    assert not page.locator("#detail").is_visible()
    assert page.eval_on_selector(".body", "e => getComputedStyle(e).overflowY") == "visible"
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_the_report_reads_without_javascript(browser: Browser, tmp_path: Path) -> None:
    comparison = seed_comparison()
    page = opened(browser, render(comparison), tmp_path, java_script_enabled=False)
    sentences = sum(len(d.sentences) for d in comparison.documents)
    assert page.locator(".body .s").count() == sentences
    assert all(page.locator(".body .s").nth(k).is_visible() for k in (0, sentences - 1))
    assert not page.locator(".js-only").first.is_visible()  # (the "click a sentence" hint)
    pairs = page.locator("details")
    assert not pairs.first.locator(".diff").is_visible()
    pairs.first.locator("summary").click()
    assert pairs.first.locator(".diff").is_visible()
    # A sentence's id opens its pair; in print, every pair's diff is shown.
    page.locator(".body a.sid").last.click()
    assert page.locator(".diff:target").is_visible()
    page.emulate_media(media="print")
    assert all(pairs.nth(k).locator(".diff").is_visible() for k in range(pairs.count()))


def test_many_columns_keep_their_width_and_scroll_to_a_counterpart(
    browser: Browser, tmp_path: Path
) -> None:
    shared = "The finance ministers agreed on a new customs code for the eastern border."
    texts = [shared] + [f"Report {k} tells of the harvest in valley {k}." for k in range(4)]
    texts.append(f"Farmers waited. {shared}")
    documents = [document_from_text(t, label="A") for t in texts]
    page = opened(browser, render(compare_many(documents)), tmp_path)
    widths = page.eval_on_selector_all(".source", "cs => cs.map(c => c.offsetWidth)")
    assert min(widths) >= 250
    last = page.locator("#F2")
    before = last.bounding_box()
    assert before is not None and before["x"] > 1280  # (off to the right, in the row's scroll)
    page.locator("#A1").click()
    assert lit(page) == ["F2"]
    box = last.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 1280
