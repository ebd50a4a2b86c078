"""The 7-minute briefing: seven numbered panels on one A4 landscape page, fitted text,
reading order 1–7, then the reflective questions and the action plan.

Everything is read back from the PDF: page sizes with pypdf, text, character boxes,
font sizes and the filled panel rectangles with pypdfium2.
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path

import pypdf
import pytest
import yaml

from conftest import ROOT, normalise, pdf_links, pdf_pages_text, pdf_words_boxes, run_cli

SAMPLE = ROOT / "briefings" / "family-l-7-minute.yaml"
BSCB_PANEL = (0xF1, 0xEC, 0xF7)  # styles/bscb.yaml colours.panel
BSCB_PRIMARY = (0x4B, 0x2A, 0x7B)  # styles/bscb.yaml colours.primary
DEFAULT_PANEL = (0xEE, 0xF2, 0xF7)  # the built-in style's colours.panel
DEFAULT_QUESTIONS = (
    "What are your key thoughts and reflections on this briefing?",
    "How will we know the learning is embedded in our practice?",
    "What will our team do differently as a result?",
)

Rect = tuple[float, float, float, float]


def centre_in(box: Rect, rect: Rect) -> bool:
    """Whether the centre of ``box`` lies in ``rect`` (both left, bottom, right, top)."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return rect[0] <= x <= rect[2] and rect[1] <= y <= rect[3]


def within(box: Rect, rect: Rect) -> bool:
    """Whether all of ``box`` lies in ``rect``."""
    return rect[0] <= box[0] and box[2] <= rect[2] and rect[1] <= box[1] and box[3] <= rect[3]


def assert_no_text_crosses_a_panel_edge(path: Path, panels: list[Rect]) -> None:
    """Every character that sits in a panel lies wholly inside it."""
    for char, box in pdf_words_boxes(path, 0):
        for rect in panels:
            if char.strip() and centre_in(box, rect):
                assert within(box, rect), f"{char!r} at {box} crosses the edge of {rect}"


# --- reading the PDF back ---------------------------------------------------------------


def filled_rects(path: Path, colour: tuple[int, int, int], page_index: int = 0) -> list[Rect]:
    """Bounds (left, bottom, right, top) of the filled shapes of one colour, in the order
    they are drawn."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    try:
        rects = []
        for obj in doc[page_index].get_objects(max_depth=5):
            if obj.type != raw.FPDF_PAGEOBJ_PATH:
                continue
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
            if (r.value, g.value, b.value) == colour:
                rects.append(tuple(obj.get_bounds()))
        return rects
    finally:
        doc.close()


def panel_font_sizes(path: Path, panels: list[Rect]) -> list[tuple[str, float]]:
    """(character, font size) for every character inside a panel on page one."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    try:
        textpage = doc[0].get_textpage()
        found = []
        for i in range(textpage.count_chars()):
            box = textpage.get_charbox(i)
            if any(centre_in(box, rect) for rect in panels):
                found.append((textpage.get_text_range(i, 1),
                              raw.FPDFText_GetFontSize(textpage.raw, i)))
        return found
    finally:
        doc.close()


def text_in(path: Path, rect: Rect, page_index: int = 0) -> str:
    """The text whose characters' centres lie in ``rect``."""
    return normalise("".join(char for char, box in pdf_words_boxes(path, page_index)
                             if centre_in(box, rect)))


def page_sizes(path: Path) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(str(path))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def plain(text: str) -> str:
    """The words of inline Markdown as printed: emphasis markers dropped."""
    return normalise(re.sub(r"\*+", "", text))


def section_texts(section: dict) -> list[str]:
    """Every piece of text a section prints (paragraphs, bullets, link titles)."""
    texts = []
    for block in section.get("content", []):
        if isinstance(block, str):
            texts.append(block)
        elif "bullets" in block:
            texts.extend(block["bullets"])
    texts.extend(link["title"] for link in section.get("links", []))
    return [plain(t) for t in texts]


def seven_sections(**override: str) -> str:
    """A seven-minute briefing in the built-in style; ``override`` replaces panel texts
    (keys p1 … p7)."""
    lines = ["title: Seven things", "kind: 7-minute briefing", "layout: seven-minute",
             "sections:"]
    for n in range(1, 8):
        text = override.get(f"p{n}", f"Panel {n} says something short and clear.")
        lines += [f"  - heading: Heading number {n}", "    content:", f"      - {text}"]
    return "\n".join(lines) + "\n"


# --- the sample -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run_cli("build", str(SAMPLE), "-o", str(out), cwd=ROOT)
    assert result.code == 0, result.err
    return out / "family-l-7-minute.pdf"


@pytest.fixture(scope="module")
def sample() -> dict:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def test_the_panels_are_one_a4_landscape_page(sample_pdf: Path) -> None:
    sizes = page_sizes(sample_pdf)
    width, height = sizes[0]
    assert width > height
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    assert len(sizes) == 2  # the panels, then the worksheet


def test_every_heading_and_all_text_is_on_the_panel_page(sample_pdf: Path, sample: dict
                                                         ) -> None:
    page = normalise(pdf_pages_text(sample_pdf)[0])
    assert plain(sample["title"]) in page
    for section in sample["sections"]:
        assert plain(section["heading"]) in page
        for text in section_texts(section):
            assert text in page, f"missing from page 1: {text!r}"


def test_text_is_extracted_in_panel_order_1_to_7(sample_pdf: Path, sample: dict) -> None:
    page = normalise(pdf_pages_text(sample_pdf)[0])
    starts = [page.index(f"{n} {plain(s['heading'])}")
              for n, s in enumerate(sample["sections"], start=1)]
    assert starts == sorted(starts)
    assert page.index(plain(sample["title"])) < starts[0]
    # each panel's text comes after its own heading and before the next one
    for n, section in enumerate(sample["sections"]):
        end = starts[n + 1] if n + 1 < len(starts) else len(page)
        for text in section_texts(section):
            assert starts[n] < page.index(text) < end, text


def test_each_panel_holds_its_own_text_and_no_text_crosses_a_panel_edge(
        sample_pdf: Path, sample: dict) -> None:
    panels = filled_rects(sample_pdf, BSCB_PANEL)
    assert len(panels) == 7  # drawn in number order
    for n, (rect, section) in enumerate(zip(panels, sample["sections"], strict=True), start=1):
        inside = text_in(sample_pdf, rect)
        assert inside.startswith(f"{n} {plain(section['heading'])}")
        for text in section_texts(section):
            assert text in inside
    assert_no_text_crosses_a_panel_edge(sample_pdf, panels)


def test_the_title_is_in_the_centre_panel_between_the_columns(sample_pdf: Path, sample: dict
                                                              ) -> None:
    title_panels = filled_rects(sample_pdf, BSCB_PRIMARY)
    big = [r for r in title_panels if (r[2] - r[0]) * (r[3] - r[1]) > 100 * 100]
    assert len(big) == 1
    centre = big[0]
    inside = text_in(sample_pdf, centre)
    for text in (sample["kind"], sample["title"], sample["subtitle"], "June 2017"):
        assert plain(text) in inside
    assert_no_text_crosses_a_panel_edge(sample_pdf, [centre])
    panels = filled_rects(sample_pdf, BSCB_PANEL)
    assert all(p[2] <= centre[0] for p in panels[:3])  # 1–3 on the left
    assert all(p[0] >= centre[2] for p in panels[4:])  # 5–7 on the right
    assert panels[3][3] <= centre[1]  # 4 under the title


def test_panels_do_not_overlap_each_other(sample_pdf: Path) -> None:
    panels = filled_rects(sample_pdf, BSCB_PANEL)
    for i, a in enumerate(panels):
        for b in panels[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_links_in_panels_stay_clickable(sample_pdf: Path) -> None:
    panel_7 = filled_rects(sample_pdf, BSCB_PANEL)[6]
    links = [(uri, rect) for page, uri, rect in pdf_links(sample_pdf) if page == 0]
    escalation = [rect for uri, rect in links if uri.endswith("escalation-procedure.pdf")]
    assert escalation
    assert all(within(rect, panel_7) for rect in escalation)


def test_page_two_has_the_default_questions_the_action_plan_and_the_feedback(
        sample_pdf: Path) -> None:
    page = normalise(pdf_pages_text(sample_pdf)[1])
    for question in DEFAULT_QUESTIONS:
        assert question in page
    for header in ("Team action plan", "Action", "Who", "By when", "Done"):
        assert header in page
    assert "bscb@bristol.gov.uk" in page
    assert page_sizes(sample_pdf)[1][0] > page_sizes(sample_pdf)[1][1]  # landscape too


# --- fitting ------------------------------------------------------------------------------


def test_short_panels_are_set_at_the_body_size(project) -> None:
    project.briefing("seven", seven_sections())
    pdf = project.build("seven")
    panels = filled_rects(pdf, DEFAULT_PANEL)
    assert len(panels) == 7
    sizes = {round(size, 2) for char, size in panel_font_sizes(pdf, panels) if char == "P"}
    assert sizes == {10.5}  # the built-in style's body size: "Panel n says ..."


def test_a_long_panel_shrinks_the_text_but_never_below_8_pt(project) -> None:
    long = " ".join(["Holding parents in high regard can hide the risk to children."] * 18)
    project.briefing("seven", seven_sections(p2=long))
    pdf = project.build("seven")
    panels = filled_rects(pdf, DEFAULT_PANEL)
    body = [size for char, size in panel_font_sizes(pdf, panels) if char == "P"]
    assert body and 8 <= min(body) and max(body) < 10.5
    assert "hide the risk to children" in text_in(pdf, panels[1])
    assert_no_text_crosses_a_panel_edge(pdf, panels)


def test_a_panel_that_cannot_fit_is_an_error_at_its_heading(project) -> None:
    long = " ".join(["Information must be shared promptly with everyone in the plan."] * 60)
    path = project.briefing("seven", seven_sections(p3=long))
    result = project.run("build", "briefings/seven.yaml")
    assert result.code == 1
    assert "Traceback" not in result.err
    heading_line = path.read_text().splitlines().index("  - heading: Heading number 3") + 1
    message = next(line for line in result.err.splitlines() if "panel 3" in line)
    assert message.startswith(f"briefings/seven.yaml:{heading_line}:")
    assert re.search(r"overflows by \d+ mm \(about \d+ lines\)", message)
    assert "cut about" in message and "words" in message
    assert not (project.root / "out" / "seven.pdf").exists()


def test_six_sections_is_an_error_at_the_sections_line(project) -> None:
    text = seven_sections()
    text = text[:text.index("  - heading: Heading number 7")]
    path = project.briefing("six", text)
    result = project.run("validate", "briefings/six.yaml")
    assert result.code == 1
    line = path.read_text().splitlines().index("sections:") + 1
    assert f"briefings/six.yaml:{line}:1:" in result.err
    assert "has 6" in result.err and "exactly 7" in result.err
    build = project.run("build", "briefings/six.yaml")
    assert build.code == 1 and not (project.root / "out" / "six.pdf").exists()


# --- questions and action plan ------------------------------------------------------------


def test_own_questions_and_no_action_plan(project) -> None:
    text = seven_sections().replace("sections:", "questions:\n  - Who needs to hear this?\n"
                                                  "  - What will you change on Monday?\n"
                                                  "sections:")
    project.briefing("seven", text)
    pdf = project.build("seven")
    page = normalise(pdf_pages_text(pdf)[1])
    assert "Who needs to hear this?" in page and "What will you change on Monday?" in page
    assert DEFAULT_QUESTIONS[0] not in page
    assert "Team action plan" not in page


def test_no_questions_and_no_feedback_is_a_single_page(project) -> None:
    project.briefing("seven", seven_sections().replace("sections:", "questions: []\nsections:"))
    pdf = project.build("seven")
    assert len(page_sizes(pdf)) == 1


def test_questions_and_action_plan_in_the_standard_layout(project) -> None:
    project.briefing("standard", """\
        title: A standard briefing
        questions: ["What did you learn?", "What will you do next?"]
        action_plan: true
        sections:
          - heading: What happened
            content: [Something happened.]
        feedback: {heading: Tell us, email: team@example.org}
        """)
    pdf = project.build("standard")
    assert all(w < h for w, h in page_sizes(pdf))  # portrait stays portrait
    text = normalise(" ".join(pdf_pages_text(pdf)))
    order = [text.index(s) for s in ("Something happened.", "Questions for reflection",
                                     "What did you learn?", "What will you do next?",
                                     "Team action plan", "By when", "Done", "Tell us")]
    assert order == sorted(order)


def test_bookmarks_run_1_to_7_then_the_worksheet(sample_pdf: Path, sample: dict) -> None:
    outline = [item.title for item in pypdf.PdfReader(str(sample_pdf)).outline
               if not isinstance(item, list)]
    panels = [f"{n}. {plain(s['heading'])}" for n, s in enumerate(sample["sections"], start=1)]
    assert outline[:7] == panels
    assert outline[7:10] == ["Questions for reflection", "Team action plan",
                             sample["feedback"]["heading"]]


def test_the_worksheet_shows_the_survey_as_a_qr_code(project) -> None:
    """Even when the style does not ask for QR codes: on paper it is how teams find it."""
    import pypdfium2 as pdfium
    import zxingcpp

    survey = "https://example.org/feedback-form"
    project.briefing("seven", seven_sections() + f"feedback: {{email: team@example.org, "
                                                 f"survey: '{survey}'}}\n")
    pdf = project.build("seven")
    doc = pdfium.PdfDocument(str(pdf))
    try:
        image = doc[1].render(scale=150 / 72).to_pil().convert("L")
    finally:
        doc.close()
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in codes] == [survey]
    assert "example.org/feedback-form" in normalise(pdf_pages_text(pdf)[1])


def test_a_title_panel_that_leaves_no_room_is_an_error_at_the_title(project) -> None:
    summary = " ".join(["A summary that goes on and on about the briefing."] * 30)
    text = seven_sections().replace("sections:", f"summary: {summary}\nsections:")
    project.briefing("seven", text)
    result = project.run("build", "briefings/seven.yaml")
    assert result.code == 1
    assert "briefings/seven.yaml:1:1: the title panel" in result.err
    assert "shorten the title, subtitle or summary" in result.err
    assert not (project.root / "out" / "seven.pdf").exists()


# --- tagged structure ---------------------------------------------------------------------


def structure_roles(path: Path) -> list[tuple[int, str]]:
    """(depth, role) of every structure element, depth first, in tree order."""
    reader = pypdf.PdfReader(str(path))
    found: list[tuple[int, str]] = []

    def visit(node, depth: int) -> None:
        node = node.get_object()
        if isinstance(node, pypdf.generic.ArrayObject):
            for kid in node:
                visit(kid, depth)
        elif isinstance(node, pypdf.generic.DictionaryObject) and "/S" in node:
            found.append((depth, str(node["/S"])))
            if "/K" in node:
                visit(node["/K"], depth + 1)

    visit(reader.trailer["/Root"]["/StructTreeRoot"]["/K"], 0)
    return found


def test_the_structure_tree_runs_title_panels_1_to_7_then_the_worksheet(sample_pdf: Path
                                                                        ) -> None:
    roles = structure_roles(sample_pdf)
    top = [role for depth, role in roles if depth == 1]  # the children of /Document
    assert top.index("/H1") < top.index("/Sect")
    assert top[top.index("/Sect"):] == ["/Sect"] * 10  # 7 panels, questions, plan, feedback
    headings = [role for depth, role in roles if depth == 2 and role == "/H2"]
    assert len(headings) == 10
    table = [role for depth, role in roles if role in ("/Table", "/TR", "/TH", "/TD")]
    assert table[:6] == ["/Table", "/TR", "/TH", "/TH", "/TH", "/TH"]


def test_both_pdf_ua_checkers_find_nothing(sample_pdf: Path) -> None:
    import outloud
    import pdfua

    report = pdfua.validate(str(sample_pdf))
    assert [f.message for f in report.findings if f.severity >= pdfua.Severity.WARNING] == []
    assert [o.rule_id for o in report.skipped] == []  # no rule gave up on this file
    result = outloud.check(str(sample_pdf))
    assert result.error is None
    assert [f.message for f in result.findings if f.severity in ("error", "warning")] == []
