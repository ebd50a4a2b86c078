"""Logos are drawn as images, left to right; --grayscale (or grayscale: true) prints
every page, logos and photos included, without any colour."""

from PIL import Image, ImageChops
from style_helpers import BRIEFING, images_on_page, page_count, pixels, with_shipped_styles

from conftest import pdf_words_boxes


def test_partnership_logos_are_images_on_page_one(project):
    with_shipped_styles(project)
    project.briefing("p", "style: partnership\n" + BRIEFING)
    project.briefing("b", "style: bscb\n" + BRIEFING)
    assert project.run("build").code == 0
    out = project.root / "out"
    for pdf, names, height_mm in (
            (out / "p.pdf", ("anytown-council", "anytown-police", "anytown-nhs"), 11),
            (out / "b.pdf", ("bscb-logo",), 14)):
        shapes = []
        for name in names:
            with Image.open(project.root / "styles" / "assets" / f"{name}.png") as image:
                shapes.append(image.width / image.height)
        found = images_on_page(pdf)
        assert len(found) == len(names)
        # each logo, by its shape, embedded with enough pixels for print (>= 150 dpi)
        assert sorted(round(w / h, 1) for w, h in found) == sorted(round(r, 1) for r in shapes)
        assert all(h >= 150 * height_mm / 25.4 for _, h in found)


def test_logos_sit_left_to_right_at_their_height(project):
    """Three logos of three flat colours: their order and printed height on the page."""
    colours = {"red.png": (200, 0, 0), "green.png": (0, 140, 0), "blue.png": (0, 0, 200)}
    for name, colour in colours.items():
        path = project.root / "styles" / "assets" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (600, 300), colour).save(path)
    project.write("styles/three.yaml", """\
        name: Three
        logos:
          - {file: assets/red.png, alt: Red, height: 20mm}
          - {file: assets/green.png, alt: Green, height: 20mm}
          - {file: assets/blue.png, alt: Blue, height: 20mm}
        """)
    project.briefing("t", "style: three\n" + BRIEFING)
    image = pixels(project.build("t"), scale=2)
    found = {}
    for x in range(0, image.width, 2):
        for y in range(0, image.height // 4, 2):
            colour = image.getpixel((x, y))
            for name, wanted in colours.items():
                if all(abs(a - b) <= 2 for a, b in zip(colour, wanted, strict=True)):
                    box = found.setdefault(name, [x, y, x, y])
                    box[0], box[1] = min(box[0], x), min(box[1], y)
                    box[2], box[3] = max(box[2], x), max(box[3], y)
    assert found["red.png"][0] < found["green.png"][0] < found["blue.png"][0]
    for box in found.values():
        height_mm = (box[3] - box[1]) / 2 * 25.4 / 72
        assert abs(height_mm - 20) < 0.6


def colourful(image) -> int:
    """How many pixels have channels that differ by more than 1."""
    r, g, b = image.split()
    spread = ImageChops.lighter(ImageChops.difference(r, g), ImageChops.difference(g, b))
    return sum(spread.histogram()[2:])


def colour_briefing(project):
    with_shipped_styles(project)
    photo = project.root / "briefings" / "photo.png"
    Image.new("RGB", (400, 200), (30, 160, 220)).save(photo)
    return "style: partnership\n" + BRIEFING + """\
      - {image: photo.png, alt: A blue rectangle, width: 60mm}
  - heading: Links
    content:
      - numbered: [First, Second]
      - quote: Said someone.
        by: A practitioner
    links:
      - {title: A link, url: "https://example.org/page"}
feedback:
  email: team@example.org
"""


def all_pixels_gray(pdf) -> bool:
    return all(colourful(pixels(pdf, page)) == 0 for page in range(page_count(pdf)))


def test_grayscale_flag_leaves_no_colour(project):
    project.briefing("c", colour_briefing(project))
    gray = project.build("c", "--grayscale")
    assert all_pixels_gray(gray)
    assert len(images_on_page(gray)) == 4  # three logos and the photo, still images


def test_grayscale_style_option(project):
    text = colour_briefing(project)
    project.write("styles/mono.yaml", "name: Mono\nextends: partnership\ngrayscale: true\n")
    project.briefing("m", text.replace("style: partnership", "style: mono"))
    project.briefing("c", text)
    assert project.run("build").code == 0
    coloured, pdf = project.root / "out" / "c.pdf", project.root / "out" / "m.pdf"
    assert colourful(pixels(coloured)) > 1000  # the test can fail: colour is there
    assert all_pixels_gray(pdf)
    # the text is all there, and the title is still light on a dark band
    chars = pdf_words_boxes(pdf)
    assert "".join(c for c, _ in chars).count("Learning from a review") >= 1
    image = pixels(pdf)
    band = image.getpixel((2, image.height // 5))
    assert band[0] < 110
