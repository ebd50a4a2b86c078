"""Packs in the ordinary build: built along with briefings, the pack's style, the size of a
big pack, the ad-hoc `briefpdf pack` command and the sample pack."""

from __future__ import annotations

import shutil

import pypdf
from packhelp import build_pack, make_briefings, outline, pack_yaml, page_texts

from conftest import ROOT


def test_build_with_no_arguments_builds_packs_and_briefings(project):
    make_briefings(project, {"alpha": 1, "beta": 1})
    project.write("briefings/term.pack.yaml", pack_yaml(["alpha", "beta"]))
    result = project.run("build")
    assert result.code == 0, result.err
    out = project.root / "out"
    assert sorted(p.name for p in out.glob("*.pdf")) == ["alpha.pdf", "beta.pdf", "term.pdf"]
    assert len(outline(pypdf.PdfReader(out / "term.pdf"))) == 2


def test_ten_copies_are_nowhere_near_ten_times_one(project):
    """Fonts and logos are embedded once per pack, not once per briefing. What does grow
    is each copy's own text, links and structure elements (this briefing is mostly text:
    a copy adds about a third of the size of the briefing on its own)."""
    make_briefings(project, {"alpha": 2})
    project.write("briefings/alpha.yaml", (project.root / "briefings" / "alpha.yaml")
                  .read_text().replace("kind: CPIR", "kind: CPIR\nstyle: house"))
    project.write("styles/house.yaml", "name: House\nlogos:\n  - {file: logo.png, alt: "
                  "House, height: 14mm}\n")
    from PIL import Image

    Image.new("RGB", (600, 200), (80, 40, 120)).save(project.root / "styles" / "logo.png")
    single = project.build("alpha")
    pack = build_pack(project, "ten", ["alpha"] * 10, duplex=False)
    assert len(outline(pypdf.PdfReader(pack))) == 10
    ratio = pack.stat().st_size / single.stat().st_size
    assert ratio < 5, f"a pack of ten is {ratio:.1f} times one briefing"
    assert resources(pack, "/Font") == resources(single, "/Font"), "each font embedded once"
    assert resources(pack, "/XObject") == resources(single, "/XObject") == 1, \
        "the logo embedded once"


def resources(path, kind: str) -> int:
    """How many distinct font or image objects the pages use."""
    reader = pypdf.PdfReader(path)
    return len({item.idnum for page in reader.pages
                for item in (page["/Resources"].get(kind) or {}).values()})


def test_the_pack_style_overrides_each_briefings_style(project):
    make_briefings(project, {"alpha": 1})
    project.write("styles/house.yaml", """\
        name: House
        organisation: House Partnership
        short_name: HOUSE
        """)
    pdf = build_pack(project, "styled", ["alpha"], style="house", duplex=False)
    texts = page_texts(pdf)
    assert "House Partnership" in texts[0]  # the cover's organisation
    start = outline(pypdf.PdfReader(pdf))[0][1]
    assert "HOUSE · Briefing alpha" in texts[start]  # the briefing's footer


def test_the_pack_command_makes_an_ad_hoc_pack(project):
    make_briefings(project, {"alpha": 1, "beta": 2})
    result = project.run("pack", "briefings/alpha.yaml", "briefings/beta.yaml", "-o",
                         "handouts/pack.pdf", "--title", "Ad hoc session", "--no-duplex")
    assert result.code == 0, result.err
    pdf = project.root / "handouts" / "pack.pdf"
    reader = pypdf.PdfReader(pdf)
    assert [title for title, _, _ in outline(reader)] == [
        "Case alpha — Briefing alpha", "Case beta — Briefing beta"]
    assert "Ad hoc session" in page_texts(pdf)[0]
    assert reader.metadata.title == "Ad hoc session"


def test_the_sample_pack_builds_with_every_briefing_on_a_right_hand_page(project):
    shutil.rmtree(project.root / "briefings")
    shutil.rmtree(project.root / "styles")
    shutil.copytree(ROOT / "briefings", project.root / "briefings")
    shutil.copytree(ROOT / "styles", project.root / "styles")
    result = project.run("build", "briefings/learning-pack-2017.pack.yaml")
    assert result.code == 0, result.err
    reader = pypdf.PdfReader(project.root / "out" / "learning-pack-2017.pdf")
    entries = outline(reader)
    assert len(entries) >= 2
    assert all(page % 2 == 0 for _, page, _ in entries)
    assert entries[0][0] == "Family L — Child Protection Incident Review Briefing"


def test_a_pack_is_rebuilt_when_one_of_its_briefings_changes(project):
    make_briefings(project, {"alpha": 1, "beta": 1})
    project.write("briefings/term.pack.yaml", pack_yaml(["alpha", "beta"]))
    assert project.run("build", "briefings/term.pack.yaml").code == 0
    again = project.run("build", "briefings/term.pack.yaml")
    assert "1 unchanged" in again.err
    project.briefing("beta", (project.root / "briefings" / "beta.yaml").read_text()
                     .replace("title: Briefing beta", "title: Briefing beta revised"))
    rebuilt = project.run("build", "briefings/term.pack.yaml")
    assert rebuilt.code == 0 and "1 built" in rebuilt.err
    assert "Briefing beta revised" in " ".join(page_texts(project.root / "out" / "term.pdf"))
