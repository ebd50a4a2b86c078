"""The one place briefpdf uses ReportLab's private internals.

Each hook below wraps one private attribute or function that ReportLab offers no public
way to reach, says why briefpdf needs it, and was checked against ReportLab 4.2.0 (the
lowest version pyproject.toml allows, requirements/lowest.txt) and 5.1.0 (the lock file,
requirements/lock.txt). tests/seam/ has a test per hook that fails, naming the hook, if
a ReportLab release changes what it relies on. Nothing else in briefpdf may use a name
starting with an underscore on a ReportLab (or pydantic) object: tests/seam checks that
too. pydantic is used through its public API only.

Any stage that draws may import this module (it imports ReportLab, nothing of briefpdf).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from reportlab.lib import utils as _rl_utils
from reportlab.pdfgen import canvas as _rl_canvas
from reportlab.platypus import Table

# --- the canvas -------------------------------------------------------------------------


def page_code(canv: Any) -> list[str]:
    """The operators of the page being drawn (``Canvas._code``), as a list.

    Tagged PDF: the marker wraps what is drawn in marked-content operators (``BDC`` …
    ``EMC``) and must open the page's stream with an artifact and close it, around
    whatever ReportLab drew; the pack's contents page numbers are spliced into their
    place in the stream when the last page is known. ReportLab joins this list into the
    page's stream in ``showPage``."""
    return canv._code


def set_page_code(canv: Any, code: list[str]) -> None:
    """Replace the operators of the page being drawn (see ``page_code``)."""
    canv._code = code


def pdf_document(canv: Any) -> Any:
    """The ``PDFDocument`` a canvas writes into (``Canvas._doc``).

    The finish stage adds the structure tree and metadata to it before it is written;
    images are registered in it once per process; after saving it is emptied so that a
    big pack's objects are freed at once."""
    return canv._doc


def start_page(canv: Any) -> None:
    """Start the next page without writing this one (``Canvas._startPage``).

    The render stage holds every page back until the total page count is known ("Page N
    of M"); ``showPage`` would write the page, so the held canvas starts the next page
    itself."""
    canv._startPage()


def absolute_rect(canv: Any, rect: Any, relative: int) -> tuple[float, ...]:
    """A link's rectangle in page coordinates (``Canvas._absRect``), as ReportLab's own
    ``linkURL`` computes it, for link annotations that briefpdf writes itself (with a
    StructParent for the structure tree)."""
    return tuple(canv._absRect(rect, relative))


def annotation_border(annotation: Any, colour: Any, thickness: float, dash: Any) -> None:
    """Add the ``C`` and ``Border`` entries ReportLab's links have
    (``canvas._annFormat``), so briefpdf's own link annotations look the same."""
    _rl_canvas._annFormat(annotation, colour, thickness, dash)


def add_annotation(canv: Any, annotation: Any, name: str) -> None:
    """Register an annotation under ``name`` and put it on the page being drawn
    (``Canvas._addAnnotation``): the structure tree refers to a tagged link by name."""
    canv._addAnnotation(annotation, name)


def destination(canv: Any, name: str) -> Any:
    """The (perhaps not yet placed) destination of bookmark ``name``
    (``Canvas._bookmarkReference``), for internal links written by briefpdf."""
    return canv._bookmarkReference(name)


# --- images ---------------------------------------------------------------------------


def digest(data: bytes) -> str:
    """ReportLab's digest (``utils._digester``): ``drawImage`` names an image's XObject
    by it, so a copy compressed once per process is found under the same name."""
    return _rl_utils._digester(data)


def image_alpha(reader: Any) -> Any:
    """An image's transparency as ReportLab read it (``ImageReader._dataA``, set by
    ``getRGBData``), or None: part of the XObject's name, as ``drawImage`` makes it."""
    return getattr(reader, "_dataA", None)


def take_soft_mask(xobject: Any) -> Any:
    """Remove and return an image XObject's transparency mask (``_smask``), or None.

    ReportLab writes the mask as an object of its own when it writes the image; a copy
    of an image for another document must refer to that document's mask instead."""
    mask = getattr(xobject, "_smask", None)
    if mask is not None:
        del xobject._smask
    return mask


def image_source(image: Any) -> Any:
    """What an ``Image`` flowable hands ``drawImage`` (``Image._img``): a file name, an
    ``ImageReader`` or the key of an XObject registered already."""
    return image._img


def set_image_source(image: Any, source: Any) -> None:
    """Make an ``Image`` flowable draw ``source`` (see ``image_source``): a logo prepared
    at print size, or the key of its compressed copy."""
    image._img = source


def image_mask(image: Any) -> Any:
    """The mask an ``Image`` flowable draws with (``Image._mask``)."""
    return image._mask


# --- tables ---------------------------------------------------------------------------


class DecoratedTable(Table):
    """A ReportLab table whose backgrounds and rules are drawn inside ``decoration()``.

    ReportLab draws a table's backgrounds (``_drawBkgrnd``) and rules (``_drawLines``)
    between its cells; a tagged PDF must mark both as artifacts, so these two private
    methods are wrapped."""

    def decoration(self) -> AbstractContextManager[Any]:
        return nullcontext()

    def _drawBkgrnd(self) -> None:  # noqa: N802 (ReportLab's name)
        with self.decoration():
            super()._drawBkgrnd()

    def _drawLines(self) -> None:  # noqa: N802 (ReportLab's name)
        with self.decoration():
            super()._drawLines()


# --- PDF objects ----------------------------------------------------------------------


def add_page_keys(page: Any, keys: list[str]) -> None:
    """Let a ``PDFPage`` write the extra ``keys`` set on it (``__NoDefault__``).

    A tagged page needs ``StructParents`` and ``Tabs``; ReportLab writes only the page
    keys it lists in ``__NoDefault__``."""
    page.__NoDefault__ = [*page.__NoDefault__, *keys]


HOOKS: tuple[Callable[..., Any] | type, ...] = (
    page_code, set_page_code, pdf_document, start_page, absolute_rect, annotation_border,
    add_annotation, destination, digest, image_alpha, take_soft_mask, image_source,
    set_image_source, image_mask, DecoratedTable, add_page_keys)
"""Every hook: tests/seam has a test for each."""
