"""Logos are embedded at print resolution (300 dpi at their drawn size), keeping alpha."""

from __future__ import annotations

import pypdf
from PIL import Image

from conftest import MINIMAL


def test_big_logo_is_embedded_at_print_size_with_its_transparency(project):
    logo = Image.new("RGBA", (2400, 600), (0, 0, 0, 0))
    logo.paste((200, 30, 30, 255), (0, 0, 1200, 600))
    logo.save(project.root / "styles" / "logo.png")
    project.write("styles/house.yaml", """\
        name: House
        logos:
          - {file: logo.png, alt: House logo, height: 20mm}
        """)
    project.briefing("b", "style: house\n" + MINIMAL)
    pdf = project.build("b")
    images = pypdf.PdfReader(pdf).pages[0].images
    assert len(images) == 1
    drawn_pixels = round(20 / 25.4 * 300)  # 20 mm at 300 dpi
    width, height = images[0].image.size
    assert abs(height - drawn_pixels) <= 1 and abs(width - 4 * drawn_pixels) <= 2
    xobject = images[0].indirect_reference.get_object()
    assert "/SMask" in xobject  # the transparent half stays transparent
    alpha = xobject["/SMask"].get_object()
    assert (alpha["/Width"], alpha["/Height"]) == (width, height)
