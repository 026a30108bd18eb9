"""The README's pictures of the HTML report of the corpus pair: a wide window (1400x900) and a
phone (390x844), each after a click on the first aligned sentence of A (A7), in headless Chromium.

Usage: python docs/screenshot_html.py  (needs Chromium; writes docs/html-wide.png, html-phone.png)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sco_compare.pipeline import compare, load_document  # noqa: E402
from sco_compare.render.html import render  # noqa: E402
from tests.render.browser import chromium  # noqa: E402

SIZES = {"wide": (1400, 900), "phone": (390, 844)}


def main() -> None:
    corpus = ROOT / "corpus" / "sco-2012"
    a, _ = load_document(str(corpus / "mfa-readout.txt"), label="A")
    b, _ = load_document(str(corpus / "china-daily.txt"), label="B")
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        page_file = Path(folder) / "report.html"
        page_file.write_text(render(compare(a, b)), encoding="utf-8")
        for name, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(page_file.as_uri())
            page.locator("#texts").scroll_into_view_if_needed()
            page.locator("#h-A ~ .body .s[data-with]").first.click()
            page.screenshot(path=str(ROOT / "docs" / f"html-{name}.png"))
            page.close()


if __name__ == "__main__":
    main()
