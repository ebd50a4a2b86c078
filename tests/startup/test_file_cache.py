"""Facts read from fonts and images are kept on disk between runs (model/filecache.py):
a changed file is read again, and a corrupt or unwritable cache changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import font_source_sans_pro
import font_source_serif_pro
from PIL import Image

from conftest import MINIMAL

SERIF = Path(font_source_serif_pro.font_directory)
SANS = Path(font_source_sans_pro.font_directory)
ARROW = "'↗' (U+2197 NORTH EAST ARROW) is in neither Serif-Regular regular"
"""↗ is in Source Serif Pro but not in Source Sans Pro (the fallback)."""


def serif_project(project):
    for face, file in (("Regular", "Regular"), ("Bold", "Bold")):
        target = project.root / "styles" / "fonts" / f"Serif-{face}.ttf"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SERIF / f"SourceSerifPro-{file}.ttf", target)
    project.write("styles/serif.yaml", """\
        name: Serif
        fonts:
          body: {regular: fonts/Serif-Regular.ttf, bold: fonts/Serif-Bold.ttf}
          heading: body
        """)
    project.briefing("a", "style: serif\n" + MINIMAL.replace(
        "Something happened.", "Go ↗ now."))
    return project


def validate(project, cache: Path):
    result = project.run("validate", "briefings/a.yaml", env={"BRIEFPDF_CACHE_DIR": str(cache)})
    assert "Traceback" not in result.err
    return result


def test_a_font_changed_in_place_is_read_again(project, tmp_path):
    cache = tmp_path / "cache"
    serif_project(project)
    first = validate(project, cache)
    assert first.code == 0 and "warning" not in first.err, first.err
    assert list((cache / "font-coverage").glob("*.json"))
    assert validate(project, cache).err == first.err  # from the cache

    # the same path now holds a font without the arrow
    shutil.copy(SANS / "SourceSansPro-Regular.ttf",
                project.root / "styles" / "fonts" / "Serif-Regular.ttf")
    changed = validate(project, cache)
    assert changed.code == 0
    assert ARROW in changed.err, changed.err


def test_a_corrupt_or_unwritable_cache_changes_nothing(project, tmp_path):
    serif_project(project)
    shutil.copy(SANS / "SourceSansPro-Regular.ttf",
                project.root / "styles" / "fonts" / "Serif-Regular.ttf")
    cache = tmp_path / "cache"
    expected = validate(project, cache)
    assert ARROW in expected.err, expected.err

    for entry in cache.rglob("*.json"):
        entry.write_bytes(b"\x00not json{")
    assert validate(project, cache).err == expected.err
    for entry in cache.rglob("*.json"):
        entry.write_text('{"key": "something else", "value": [[0, 1114111]]}')
    assert validate(project, cache).err == expected.err

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    result = validate(project, blocked)
    assert (result.code, result.err) == (expected.code, expected.err)


def test_an_image_changed_in_place_is_checked_again(project, tmp_path):
    cache = tmp_path / "cache"
    picture = project.root / "briefings" / "picture.png"
    Image.new("RGB", (40, 30), "purple").save(picture)
    project.briefing("a", MINIMAL.replace(
        "      - Something happened.",
        "      - Something happened.\n      - {image: picture.png, alt: A purple square}"))
    assert validate(project, cache).code == 0
    assert list((cache / "image").glob("*.json"))

    picture.write_bytes(picture.read_bytes()[:60])  # truncated: no longer decodable
    broken = validate(project, cache)
    assert broken.code == 1
    assert "picture.png looks like a PNG but cannot be read" in broken.err, broken.err
