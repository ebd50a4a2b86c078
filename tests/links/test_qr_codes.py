"""QR codes: read back from rendered pixels with zxing-cpp, never from what was drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from links_helpers import MM, read_codes

from conftest import ROOT, pdf_links, pdf_words_boxes, run_cli

QR_STYLE = """\
    name: QR test
    extends: default
    links: {qr: true}
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The repository's sample briefing with QR codes (partnership style), built once."""
    out = tmp_path_factory.mktemp("sample")
    result = run_cli("build", "briefings/adults-review-mr-a.yaml", "-o", str(out), cwd=ROOT)
    assert result.code == 0, result.err
    return out / "adults-review-mr-a.pdf"


def test_every_code_in_the_sample_decodes_at_150_dpi(sample: Path) -> None:
    codes, _ = read_codes(sample, dpi=150)
    expected = [
        "https://www.scie.org.uk/self-neglect/",
        "https://www.legislation.gov.uk/ukpga/2014/23/contents",
        "https://www.legislation.gov.uk/ukpga/2005/9/contents",
        "https://forms.anytown.example/sar-mr-a-feedback",  # the feedback survey
    ]
    assert sorted(code.text for code in codes) == sorted(expected)


def test_codes_are_at_least_15mm_with_a_clear_quiet_zone(sample: Path) -> None:
    codes, images = read_codes(sample, dpi=150)
    px_per_mm = 150 / 25.4
    assert codes
    for code in codes:
        width_mm = (code.right - code.left) / px_per_mm
        assert width_mm >= 15, f"{code.text}: {width_mm:.1f} mm"
        module = (code.right - code.left) / code.modules
        image = images[code.page]
        # the band of 4 modules around the symbol holds nothing but page-white pixels,
        # even on the tinted feedback panel
        outer = [round(code.left - 3.5 * module), round(code.top - 3.5 * module),
                 round(code.right + 3.5 * module), round(code.bottom + 3.5 * module)]
        inner = [code.left - 1, code.top - 1, code.right + 1, code.bottom + 1]
        dark = [(x, y) for y in range(outer[1], outer[3]) for x in range(outer[0], outer[2])
                if not (inner[0] <= x <= inner[2] and inner[1] <= y <= inner[3])
                and image.getpixel((x, y)) < 245]
        assert not dark, f"{code.text}: {len(dark)} dark pixels in the quiet zone"


def test_codes_sit_right_of_their_entry_and_the_text_wraps_beside_them(sample: Path) -> None:
    codes, _ = read_codes(sample, dpi=150)
    scale = 72 / 150
    for code in codes:
        left_pt = code.left * scale
        # the entry's text (title, address, note) on the code's rows ends left of the code
        page_height = 297 * MM
        top_pt, bottom_pt = page_height - code.top * scale, page_height - code.bottom * scale
        beside = [box for char, box in pdf_words_boxes(sample, code.page)
                  if bottom_pt <= (box[1] + box[3]) / 2 <= top_pt and char.strip()]
        assert beside, code.text
        assert max(box[2] for box in beside) < left_pt, code.text
        # and the code belongs to the entry on its rows: its title's link is there
        links = [uri for page, uri, rect in pdf_links(sample)
                 if page == code.page and bottom_pt - 2 <= rect[3] <= top_pt + 12]
        assert code.text in links


def _project_with(project, style: str, entries: list[str]):
    project.write("styles/house.yaml", style)
    lines = "".join(f"      - {entry}\n" for entry in entries)
    project.briefing("b", "title: Codes\nstyle: house\nsections:\n"
                          "  - heading: Guidance\n    links:\n" + lines)
    return project.build("b")


def test_a_link_can_ask_for_a_code_when_the_style_does_not(project) -> None:
    pdf = _project_with(project, "name: No QR\nextends: default\nlinks: {qr: false}\n", [
        '{title: With a code, url: "https://example.org/with", qr: true}',
        '{title: Without, url: "https://example.org/without"}'])
    codes, _ = read_codes(pdf)
    assert [code.text for code in codes] == ["https://example.org/with"]


def test_a_link_can_refuse_the_code_the_style_asks_for(project) -> None:
    pdf = _project_with(project, QR_STYLE, [
        '{title: Plain, url: "https://example.org/plain", qr: false}',
        '{title: Coded, url: "https://example.org/coded"}'])
    codes, _ = read_codes(pdf)
    assert [code.text for code in codes] == ["https://example.org/coded"]


def test_no_codes_without_qr(project) -> None:
    project.briefing("b", """\
        title: Codes
        sections:
          - heading: Guidance
            links:
              - {title: One, url: "https://example.org/one"}
        feedback: {survey: "https://example.org/survey", email: a@example.org}
        """)
    codes, _ = read_codes(project.build("b"))
    assert codes == []


def test_survey_code_and_long_addresses_decode(project) -> None:
    long_url = "https://example.org/" + "/".join(f"section-{n}/page" for n in range(12))
    project.write("styles/house.yaml", QR_STYLE)
    project.briefing("b", (
        "title: Codes\nstyle: house\nsections:\n  - heading: Guidance\n    links:\n"
        f'      - {{title: Long, url: "{long_url}"}}\n'
        '      - {title: Email us, url: "mailto:a@example.org?subject=Feedback on Family L"}\n'
        'feedback: {survey: "https://example.org/survey?id=7", email: a@example.org}\n'))
    codes, _ = read_codes(project.build("b"))
    assert sorted(code.text for code in codes) == sorted([
        long_url, "mailto:a@example.org?subject=Feedback%20on%20Family%20L",
        "https://example.org/survey?id=7"])


def test_qr_size_below_15mm_is_refused(project) -> None:
    project.write("styles/house.yaml", "name: Small\nextends: default\n"
                                       "links: {qr: true, qr_size: 10mm}\n")
    project.briefing("b", "title: T\nstyle: house\nsections: [{heading: H}]\n")
    result = project.run("validate", "briefings/b.yaml")
    assert result.code == 1
    assert "styles/house.yaml:3:" in result.err and "15mm" in result.err
