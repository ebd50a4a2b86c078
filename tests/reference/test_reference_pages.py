"""Every sample's pages look as they did: each is drawn small and compared pixel by
pixel with tests/reference/pages/. On a difference, an image of it is written to
out/reference-diff/ (changed pixels in red over the new page, faded). After a change
meant to alter the pages, redraw them: `make reference` (tools/update_reference.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parent.parent.parent
spec = importlib.util.spec_from_file_location("update_reference",
                                              ROOT / "tools" / "update_reference.py")
update_reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_reference)

DIFFS = ROOT / "out" / "reference-diff"
CHANNEL = 48
"""A pixel has changed when a colour channel moved by more than this (out of 255):
anti-aliasing that differs between PDFium versions stays below it."""
SHARE = 0.002
"""A page has changed when more than this share of its pixels changed (0.2%: a word)."""
HOW = "if the change is meant, run `make reference` (or python tools/update_reference.py)"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return update_reference.rendered_pages(tmp_path_factory.mktemp("samples"))


def changed_pixels(old: Image.Image, new: Image.Image) -> tuple[int, Image.Image]:
    """How many pixels changed, and the mask of them."""
    difference = ImageChops.difference(old, new).convert("L")
    mask = difference.point(lambda value: 255 if value > CHANNEL // 3 else 0)
    return mask.width * mask.height - mask.histogram()[0], mask  # all but the black


def difference_image(new: Image.Image, mask: Image.Image) -> Image.Image:
    faded = Image.blend(new, Image.new("RGB", new.size, "white"), 0.7)
    return Image.composite(Image.new("RGB", new.size, (220, 0, 0)), faded, mask)


def test_every_sample_page_has_a_reference_and_no_reference_is_left_over(pages):
    kept = {p.name for p in update_reference.PAGES.glob("*.png")}
    assert set(pages) == kept, (
        f"new pages: {sorted(set(pages) - kept)}; gone: {sorted(kept - set(pages))}; {HOW}")


def test_pages_look_as_their_reference(pages):
    changed = []
    for name, new in sorted(pages.items()):
        reference = update_reference.PAGES / name
        if not reference.exists():
            continue  # the test above names it
        old = Image.open(reference).convert("RGB")
        if old.size != new.size:
            changed.append(f"{name}: size {old.size} → {new.size}")
            continue
        count, mask = changed_pixels(old, new)
        if count > SHARE * new.width * new.height:
            DIFFS.mkdir(parents=True, exist_ok=True)
            difference_image(new, mask).save(DIFFS / name)
            changed.append(f"{name}: {count} pixels changed, see {DIFFS / name}")
    assert not changed, "pages changed:\n" + "\n".join(changed) + f"\n{HOW}"


def test_a_moved_block_is_seen(pages):
    """The comparison itself: a page shifted by a few pixels counts as changed."""
    name, page = sorted(pages.items())[0]
    moved = Image.new("RGB", page.size, "white")
    moved.paste(page, (0, 4))
    count, _ = changed_pixels(page, moved)
    assert count > SHARE * page.width * page.height
    assert changed_pixels(page, page.copy())[0] == 0
