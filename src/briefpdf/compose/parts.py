"""The marks a multi-part document (a pack) is composed with, read by the render stage:
where each part starts and how its pages are numbered, and where a part must start on a
right-hand page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

if TYPE_CHECKING:
    from briefpdf.compose.document import ComposedDocument


@dataclass
class PageNumbers:
    """How a run of pages is numbered, in its footers and in the viewer's page labels."""

    offset: int | None = 0
    """The printed number is the physical page number minus this. None: numbering starts
    at 1 on the first page of the first ``Part`` numbered so (a pack's body, whose first
    page is known only once the front matter is laid out)."""
    total: int | None = None
    """The M of "Page N of M"; None: the printed number of the document's last page."""
    roman: bool = False
    template: str | None = None
    """Replaces the style's "Page {page} of {pages}" (e.g. "{page}" for front matter)."""

    def label(self, physical: int) -> str:
        number = physical - (self.offset or 0)
        return _roman(number) if self.roman else str(number)


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + letters, number - value
    return out


class Part(Flowable):
    """A zero-size mark that starts a part of a multi-part document (a pack).

    From the page it lands on, pages have the furniture of ``composed`` (none when
    ``furniture`` is false) and are numbered by ``numbers``. ``render`` makes the page
    templates ``first-KEY`` (full-height frame, for a masthead) and ``body-KEY`` from
    ``composed`` for every part. With ``outline``, the part is a top-level bookmark
    (named KEY, a link target) and the outline entries inside it are nested beneath.
    """

    def __init__(self, key: str, composed: ComposedDocument, numbers: PageNumbers, *,
                 furniture: bool = True, outline: str | None = None):
        super().__init__()
        self.key, self.composed, self.numbers, self.furniture = key, composed, numbers, \
            furniture
        self.outline = outline
        self.first_page = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        self.first_page = canv.getPageNumber()
        if self.numbers.offset is None:
            self.numbers.offset = self.first_page - 1
        canv.part = self
        canv.outline_offset = 0
        if self.outline:
            canv.bookmarkPage(self.key)
            canv.addOutlineEntry(self.outline, self.key, level=0, closed=False)
            canv.outline_offset = 1
        label = ("ROMAN_LOWER" if self.numbers.roman else "ARABIC", self.numbers.offset)
        if getattr(canv, "page_label", None) != label:
            canv.addPageLabel(self.first_page - 1, label[0],
                              start=self.first_page - self.numbers.offset)
            canv.page_label = label


class StartOnRightPage(Flowable):
    """Makes what follows start on a right-hand (odd) page for duplex printing: when the
    next page would be a left-hand one, the ``blank`` flowables (a page that says it is
    blank on purpose) are laid out first. Decided during layout, by the page reached."""

    def __init__(self, blank: list[Flowable]):
        super().__init__()
        self.blank = blank

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass
