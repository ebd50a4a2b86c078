"""The preview page of `briefpdf serve` shows `briefpdf check`'s findings beside their
lines, like other problems (a real browser: Debian's Chromium, driven by Playwright)."""

from __future__ import annotations

from serve.serve_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LIMIT,
    browser_driver,
    sample_project,
    serving,
)

playwright = browser_driver()


def test_findings_show_beside_their_lines(tmp_path):
    with serving(sample_project(tmp_path / "project")) as served, \
            playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.set_default_timeout(LIMIT * 1000)
            page.goto(served.url + "edit/family-l.yaml")
            page.wait_for_selector("#pages[data-pdf] img")
            item = page.locator("#problems li", has_text="MARAC is never spelt out")
            assert item.inner_text().startswith("line 55 (warning):")
            item.locator("button").click()  # jumps to the line (the editor draws only
            # the lines in view)
            row = page.locator(".CodeMirror-code > div", has=page.locator(
                ".line-note", has_text="MARAC is never spelt out"))
            assert row.locator(".CodeMirror-linenumber").inner_text() == "55"
            assert row.locator(".line-warning").count() == 1
            # a finding in the style file is listed with its file, not marked in this one
            style = page.locator("#problems li", has_text="sizes.body is 10.5 pt")
            assert style.inner_text().startswith("styles/bscb.yaml line 21 (warning):")
        finally:
            browser.close()
