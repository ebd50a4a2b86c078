"""`briefpdf serve` in a real browser: Debian's Chromium, headless, driven by Playwright.

Each test works on its own copy of the samples, through the page as a person would:
clicking, typing, saving with the button or Ctrl+S. What the preview shows is checked
against the PDF the server wrote (its text read back with pdfium)."""

from __future__ import annotations

import pytest
from serve_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LIMIT,
    browser_driver,
    sample_project,
    serving,
    wait_for,
)

from conftest import pdf_text

playwright = browser_driver()
TIMEOUT = LIMIT * 1000


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def served(tmp_path):
    with serving(sample_project(tmp_path / "project")) as server:
        yield server


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


def open_editor(page, served, name: str) -> str:
    """Open the editing page of ``name``; return the key of the preview it shows."""
    page.goto(served.url + "edit/" + name)
    page.wait_for_selector("#pages[data-pdf] img")
    return page.get_attribute("#pages", "data-pdf")


def set_text(page, text: str) -> None:
    page.evaluate("text => document.querySelector('.CodeMirror').CodeMirror.setValue(text)",
                  text)


def preview_changed(page, old: str) -> str:
    page.wait_for_function("old => { const p = document.getElementById('pages');"
                           " return p.dataset.pdf && p.dataset.pdf !== old; }", arg=old)
    return page.get_attribute("#pages", "data-pdf")


def test_home_lists_the_samples_newest_first(page, served):
    page.goto(served.url)
    rows = page.locator("table.files tbody tr")
    assert rows.count() == 4
    titles = rows.locator("td:first-child a").all_inner_texts()
    assert titles == ["Safeguarding Adults Review Learning Briefing",
                      "Learning from reviews — practitioner pack 2017", "Family L",
                      "Child Protection Incident Review Briefing"]
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(4)]
    assert cells[0][1:4] == ["SAR", "2024-03", "Ready"]
    assert cells[1][1:] == ["Pack", "2017-09", "Ready", "learning-pack-2017.pack.yaml"]
    assert cells[3][1:] == ["CPIR", "2017-06", "Ready", "family-l.yaml"]
    page.get_by_role("link", name="Child Protection Incident Review Briefing").click()
    page.wait_for_url("**/edit/family-l.yaml")
    assert page.locator(".CodeMirror-linenumber").first.is_visible()


def test_editing_a_heading_and_saving_changes_the_preview(page, served):
    before = open_editor(page, served, "family-l.yaml")
    pages = page.locator("#pages img").count()
    assert pages >= 2
    assert page.get_attribute("#pages img >> nth=0", "alt") == f"Page 1 of {pages}"
    # Type into the editor as a person would: find the heading, select it, type over it.
    line = page.locator(".CodeMirror-line", has_text="heading: What is a CPIR?")
    line.click()
    page.keyboard.press("End")
    for _ in range(len("What is a CPIR?")):
        page.keyboard.press("Shift+ArrowLeft")
    page.keyboard.type("What a CPIR is, and why we do them")
    assert page.inner_text("#save-state") == "Unsaved changes"
    page.keyboard.press("Control+s")
    preview_changed(page, before)
    assert page.inner_text("#save-state") == "Saved"
    source = (served.root / "briefings" / "family-l.yaml").read_text()
    assert "heading: What a CPIR is, and why we do them" in source
    assert "What a CPIR is, and why we do them" in pdf_text(served.root / "out" / "family-l.pdf")
    # The new first page is served as the image the page shows.
    image = served.request("GET", page.get_attribute("#pages img >> nth=0", "src"))
    assert image.status == 200 and image.body.startswith(b"\xff\xd8\xff")


def test_a_broken_file_shows_its_error_at_its_line_and_keeps_the_last_good_pdf(page, served):
    before = open_editor(page, served, "family-l.yaml")
    pdf = served.root / "out" / "family-l.pdf"
    good = pdf.read_bytes()
    text = (served.root / "briefings" / "family-l.yaml").read_text()
    lines = text.splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("date:"))
    lines[number - 1] = "date: sometime last summer\n"
    set_text(page, "".join(lines))
    page.click("#save")
    # (the list already shows `briefpdf check`'s findings: wait for the error itself)
    page.wait_for_selector(f"#problems li >> text=/^line {number}:/")
    problem = page.inner_text("#problems li")
    assert problem.startswith(f"line {number}:")
    assert "date" in problem
    marked = page.locator(".CodeMirror-code > div", has=page.locator(".line-error"))
    assert marked.count() == 1
    assert marked.locator(".CodeMirror-linenumber").inner_text() == str(number)
    assert "date" in page.inner_text(".line-note")
    assert "last good pages" in page.inner_text("#preview-note")
    assert page.inner_text("#save-state") == "Saved; last good PDF kept"
    assert page.get_attribute("#pages", "data-pdf") == before  # the last good pages stay
    assert pdf.read_bytes() == good
    assert "date: sometime last summer" in (served.root / "briefings" /
                                            "family-l.yaml").read_text()
    page.click("#problems li button")  # jumps to the line
    assert page.evaluate("document.querySelector('.CodeMirror').CodeMirror"
                         ".getCursor().line") == number - 1
    page.goto(served.url)
    assert "Errors" in page.locator("tr", has_text="family-l.yaml").inner_text()


def test_a_change_on_disk_from_another_editor_updates_the_page(page, served):
    before = open_editor(page, served, "family-l.yaml")
    path = served.root / "briefings" / "family-l.yaml"
    path.write_text(path.read_text().replace("subtitle: Family L", "subtitle: Family Q"))
    preview_changed(page, before)
    wait_for(lambda: "subtitle: Family Q" in page.evaluate(
        "document.querySelector('.CodeMirror').CodeMirror.getValue()"), "reload the text")
    assert "Family Q" in pdf_text(served.root / "out" / "family-l.pdf")


def test_new_briefing_from_the_template(page, served):
    page.goto(served.url)
    page.get_by_role("button", name="New briefing").click()
    page.get_by_label("Name of the new briefing file").fill("family-m")
    page.get_by_role("button", name="Create").click()
    page.wait_for_url("**/edit/family-m.yaml")
    page.wait_for_selector("#pages[data-pdf] img")
    source = (served.root / "briefings" / "family-m.yaml").read_text()
    assert "title: Family m briefing" in source
    assert page.inner_text("#problems-none") == "No problems found."
    assert "Family m briefing" in pdf_text(served.root / "out" / "family-m.pdf")
    page.goto(served.url)
    assert page.get_by_role("link", name="Family m briefing").is_visible()
    page.get_by_role("button", name="New briefing").click()  # the same name again
    page.get_by_label("Name of the new briefing file").fill("family-m")
    page.get_by_role("button", name="Create").click()
    page.wait_for_selector("#message.error")
    assert "already exists" in page.inner_text("#message")


def test_style_picker_and_grayscale_preview_without_changing_the_file(page, served):
    before = open_editor(page, served, "family-l.yaml")
    source = (served.root / "briefings" / "family-l.yaml").read_bytes()
    page.select_option("#style-picker", "partnership")
    styled = preview_changed(page, before)
    assert "in the style partnership" in page.inner_text("#preview-note")
    page.check("#grayscale")
    gray = preview_changed(page, styled)
    assert "in grays" in page.inner_text("#preview-note")
    image = served.request("GET", f"/preview/{gray}/1.jpg").body
    from io import BytesIO

    from PIL import Image

    data = Image.open(BytesIO(image)).convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    assert all(abs(r - g) <= 2 and abs(g - b) <= 2 for r, g, b in pixels)
    assert (served.root / "briefings" / "family-l.yaml").read_bytes() == source
    page.select_option("#style-picker", "")  # (a preview in grays only is on its way)
    page.uncheck("#grayscale")
    assert preview_changed(page, gray) == before
    page.wait_for_load_state("networkidle")  # a late answer must not replace it
    assert page.get_attribute("#pages", "data-pdf") == before
    assert page.inner_text("#preview-note") == ""


def test_downloads_and_the_pack_page(page, served):
    open_editor(page, served, "family-l.yaml")
    with page.expect_download() as download:
        page.click("#download-pdf")
    assert download.value.suggested_filename == "family-l.pdf"
    assert "Family L" in pdf_text(download.value.path())
    with page.expect_download() as download:
        page.click("#download-html")
    assert download.value.suggested_filename == "family-l.html"
    assert "<h1>Child Protection Incident Review Briefing</h1>" in \
        open(download.value.path(), encoding="utf-8").read()
    open_editor(page, served, "learning-pack-2017.pack.yaml")
    assert page.locator("#pages img").count() > 8
    assert "Learning from reviews" in pdf_text(served.root / "out" / "learning-pack-2017.pdf")


MARKDOWN = """\
# Learning from Family N

What every practitioner should take from this review.

## What happened

Agencies did not **share information** about the new partner.

- Ask about new adults in the household
- Record what you are told

## Guidance

- [Information sharing advice](https://www.example.org/sharing)
"""


def test_import_a_markdown_file_with_the_button(page, served, tmp_path):
    upload = tmp_path / "Family N notes.md"
    upload.write_text(MARKDOWN, encoding="utf-8")
    page.goto(served.url)
    assert page.locator("#import-note").count() == 0  # `briefpdf import` is here
    page.set_input_files("#import-file", str(upload))
    page.wait_for_url("**/edit/family-n-notes.yaml")
    page.wait_for_selector("#pages[data-pdf] img")
    source = (served.root / "briefings" / "family-n-notes.yaml").read_text()
    assert "title: Learning from Family N" in source
    text = pdf_text(served.root / "out" / "family-n-notes.pdf")
    assert "Ask about new adults in the household" in text
    page.goto(served.url)  # the same file again: refused, nothing replaced
    page.set_input_files("#import-file", str(upload))
    page.wait_for_selector("#message.error")
    assert "already exists" in page.inner_text("#message")
    assert (served.root / "briefings" / "family-n-notes.yaml").read_text() == source


def test_the_keyboard_reaches_everything_and_leaves_the_editor(page, served):
    open_editor(page, served, "family-l.yaml")
    page.click(".CodeMirror-line >> nth=5")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "style-picker"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "grayscale"
    page.keyboard.press("Space")
    page.wait_for_function("() => document.getElementById('preview-note')"
                           ".textContent.includes('in grays')")
    page.goto(served.url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "new-open"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "new-slug"
