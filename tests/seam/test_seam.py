"""Each hook of briefpdf/seam.py against the installed ReportLab: if a release changes
what a hook relies on, its test fails and names the hook. And no module but seam.py
uses a private attribute of ReportLab's or pydantic's objects."""

from __future__ import annotations

import ast
import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFDocument, PDFImageXObject, PDFPage
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, SimpleDocTemplate, TableStyle

from briefpdf import seam

SRC = Path(seam.__file__).parent


def canvas() -> tuple[Canvas, io.BytesIO]:
    buffer = io.BytesIO()
    return Canvas(buffer, pagesize=(200, 200), invariant=1), buffer


def png(tmp_path: Path, mode: str = "RGBA") -> Path:
    path = tmp_path / f"{mode}.png"
    colour = (200, 30, 90, 128) if mode == "RGBA" else (200, 30, 90)
    PILImage.new(mode, (8, 6), colour).save(path)
    return path


def test_page_code_is_the_list_that_becomes_the_page_stream():
    canv, buffer = canvas()
    canv.drawString(10, 10, "hello")
    code = seam.page_code(canv)
    assert isinstance(code, list) and any("hello" in op for op in code), \
        "seam.page_code: Canvas._code is no longer the page's list of operators"
    code.insert(0, "/Artifact BMC")
    code.append("EMC")
    seam.set_page_code(canv, [*seam.page_code(canv), "% spliced"])
    canv.showPage()
    canv.save()
    stream = PdfReader(buffer).pages[0].get_contents().get_data()
    assert stream.startswith(b"/Artifact BMC") or b"\n/Artifact BMC" in stream, \
        "seam.page_code: what is inserted there no longer reaches the page's stream"
    assert b"% spliced" in stream, "seam.set_page_code: the replaced list is not written"


def test_pdf_document_is_the_canvas_document():
    canv, _ = canvas()
    assert isinstance(seam.pdf_document(canv), PDFDocument), \
        "seam.pdf_document: Canvas._doc is no longer a PDFDocument"


def test_start_page_starts_the_next_page_without_writing_this_one():
    canv, _ = canvas()
    pages = len(seam.pdf_document(canv).Pages.pages)
    seam.start_page(canv)
    assert canv.getPageNumber() == 2, "seam.start_page: Canvas._startPage no longer counts pages"
    assert len(seam.pdf_document(canv).Pages.pages) == pages, \
        "seam.start_page: Canvas._startPage now writes the page"


def test_absolute_rect_follows_the_current_transformation():
    canv, _ = canvas()
    canv.translate(10, 20)
    assert seam.absolute_rect(canv, (0, 0, 5, 5), 1) == (10, 20, 15, 25), \
        "seam.absolute_rect: Canvas._absRect changed"
    assert seam.absolute_rect(canv, (0, 0, 5, 5), 0) == (0, 0, 5, 5)


def test_annotations_are_registered_by_name_with_border_and_destination():
    canv, buffer = canvas()
    annotation = PDFDictionary({"Type": "/Annot", "Subtype": "/Link", "Rect": [1, 2, 3, 4]})
    seam.annotation_border(annotation, colors.red, 0, None)
    assert "Border" in annotation.dict and "C" in annotation.dict, \
        "seam.annotation_border: canvas._annFormat no longer adds C and Border"
    annotation["Dest"] = seam.destination(canv, "there")
    seam.add_annotation(canv, annotation, "SP0")
    canv.bookmarkPage("there")
    canv.showPage()
    canv.save()
    assert "SP0" in seam.pdf_document(canv).idToObject or b"/Annots" in buffer.getvalue()
    (annot,) = [a.get_object() for a in PdfReader(buffer).pages[0]["/Annots"]]
    assert annot["/Border"] == [0, 0, 0], "seam.annotation_border: the Border is written otherwise"
    assert annot["/Dest"][0].get_object()["/Type"] == "/Page", \
        "seam.destination: Canvas._bookmarkReference no longer resolves to a page"


def test_digest_names_images_as_draw_image_does(tmp_path):
    assert seam.digest(b"pixels") == hashlib.md5(b"pixels").hexdigest(), \
        "seam.digest: utils._digester is no longer an MD5 hex digest"
    canv, _ = canvas()
    path = str(png(tmp_path, "RGB"))
    canv.drawImage(path, 0, 0, 8, 6)
    name = seam.digest(f"{path}None".encode())
    assert seam.pdf_document(canv).getXObjectName(name) in seam.pdf_document(canv).idToObject, \
        "seam.digest: drawImage no longer names a file's XObject by digest(name + mask)"


def test_image_alpha_and_soft_mask(tmp_path):
    reader = ImageReader(str(png(tmp_path, "RGBA")))
    reader.getRGBData()
    assert seam.image_alpha(reader) is not None, \
        "seam.image_alpha: ImageReader._dataA no longer holds the transparency"
    opaque = ImageReader(str(png(tmp_path, "RGB")))
    opaque.getRGBData()
    assert seam.image_alpha(opaque) is None
    xobject = PDFImageXObject("x", reader, mask="auto")
    mask = seam.take_soft_mask(xobject)
    assert isinstance(mask, PDFImageXObject), \
        "seam.take_soft_mask: PDFImageXObject._smask no longer holds the mask"
    assert seam.take_soft_mask(xobject) is None


def test_image_flowable_source_and_mask(tmp_path):
    path = str(png(tmp_path, "RGB"))
    image = Image(path, width=8, height=6)
    source = seam.image_source(image)
    assert source == path or getattr(source, "fileName", None) == path, \
        "seam.image_source: Image._img is no longer the image to draw"
    assert seam.image_mask(image) == "auto", "seam.image_mask: Image._mask changed"
    other = str(png(tmp_path, "RGBA"))
    seam.set_image_source(image, ImageReader(other))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build([image])
    page = PdfReader(buffer).pages[0]
    (xobject,) = page["/Resources"]["/XObject"].values()
    assert "/SMask" in xobject.get_object(), \
        "seam.set_image_source: Image.draw no longer draws what Image._img holds"


def test_decorated_table_draws_backgrounds_and_rules_inside_decoration():
    entered = []

    class Watched(seam.DecoratedTable):
        def decoration(self):
            entered.append(len(seam.page_code(self.canv)))
            return super().decoration()

    table = Watched([["a", "b"]], style=TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.yellow), ("GRID", (0, 0), (-1, -1), 1,
                                                          colors.black)]))
    SimpleDocTemplate(io.BytesIO(), invariant=1).build([table])
    assert len(entered) == 2, \
        "seam.DecoratedTable: Table._drawBkgrnd and Table._drawLines are no longer both called"


def test_add_page_keys_writes_extra_page_entries():
    page = PDFPage()
    assert isinstance(page.__NoDefault__, list) and "Contents" in page.__NoDefault__, \
        "seam.add_page_keys: PDFPage.__NoDefault__ is no longer the list of page keys"
    canv, buffer = canvas()
    canv.showPage()
    written = seam.pdf_document(canv).Pages.pages[-1]
    seam.add_page_keys(written, ["StructParents"])
    written.StructParents = 7
    canv.save()
    assert PdfReader(buffer).pages[0]["/StructParents"] == 7, \
        "seam.add_page_keys: a key listed in __NoDefault__ is no longer written"


def test_every_hook_has_a_test():
    tested = Path(__file__).read_text()
    untested = [hook.__name__ for hook in seam.HOOKS if f"seam.{hook.__name__}" not in tested]
    assert not untested, f"hooks without a test here: {untested}"


# --- nothing but seam.py reaches into the libraries -----------------------------------

def library_private_names() -> set[str]:
    """Private names (``_x``, ``__x__`` beyond object's) on the ReportLab and pydantic
    objects briefpdf works with: classes, modules, and instances' own attributes."""
    import pydantic
    from reportlab.lib import utils
    from reportlab.pdfgen import canvas as canvas_module
    from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Paragraph, Table
    from reportlab.platypus.paraparser import ParaFrag

    canv, _ = canvas()
    pixel = io.BytesIO()
    PILImage.new("RGB", (2, 2)).save(pixel, "PNG")
    objects = [Canvas, canv, Image, Image(pixel), Table([["x"]]), Paragraph, Flowable, Frame,
               BaseDocTemplate,
               PDFPage, PDFDocument(), ImageReader, PDFImageXObject, ParaFrag, utils,
               canvas_module, pydantic.TypeAdapter, pydantic]
    names = set()
    for thing in objects:
        names |= set(dir(thing)) | set(getattr(thing, "__dict__", {}))
    return {n for n in names if n.startswith("_") and n not in dir(object)
            and n not in ("__module__", "__dict__", "__weakref__", "__annotations__",
                          "__all__", "__file__", "__name__", "__path__", "__package__",
                          "__spec__", "__loader__", "__cached__", "__builtins__",
                          "__version__", "__getattr__", "__slots__", "__call__",
                          "__iter__", "__len__", "__getitem__", "__setitem__",
                          "__contains__", "__enter__", "__exit__", "__orig_bases__",
                          "__parameters__", "__class_getitem__", "__dataclass_fields__")}


def own_names(trees: list[ast.Module]) -> set[str]:
    """Names briefpdf defines itself (functions, methods, ``self._x = …``): its own
    subclasses of ReportLab's classes keep their own state under such names."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for part in ast.walk(target):
                        if isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name) \
                                and part.value.id == "self" and part.attr not in LIBRARY_STATE:
                            names.add(part.attr)
    return names


LIBRARY_STATE = {"_code", "_doc", "_img", "_mask", "_smask"}
"""Library attributes that setting would not make briefpdf's own."""


def test_no_module_but_seam_uses_library_internals():
    files = [p for p in sorted(SRC.rglob("*.py")) if p.name != "seam.py"]
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}
    overridden = {"_drawBkgrnd", "_drawLines", "_startPage", "_absRect", "_addAnnotation",
                  "_bookmarkReference"}
    private = library_private_names() - (own_names(list(trees.values())) - overridden)
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            name = None
            if isinstance(node, ast.Attribute):
                name = node.attr
            elif isinstance(node, ast.FunctionDef):
                name = node.name  # overriding a private method is using it too
            elif isinstance(node, ast.ImportFrom) and node.module and \
                    node.module.split(".")[0] in ("reportlab", "pydantic", "pydantic_core"):
                found += [f"{path.relative_to(SRC)}:{node.lineno}: imports {a.name}"
                          for a in node.names if a.name.startswith("_")]
            if name in private:
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {name}")
    assert not found, "library internals outside briefpdf/seam.py:\n" + "\n".join(found)


@pytest.mark.parametrize("name", ["_code", "_doc", "__NoDefault__", "_img", "_drawLines"])
def test_the_internals_check_knows_the_usual_suspects(name):
    assert name in library_private_names()
