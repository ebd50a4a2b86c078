"""QR codes for links, so a printed page can be scanned with a phone.

A code is drawn with ReportLab's own QR widget (``reportlab.graphics.barcode.qr``)
as vector modules on a light square that keeps the quiet zone (4 modules) clear
even on a tinted panel. The flowable is a ``Figure`` with alt text
"QR code for <url>", so the tagging stage gives screen readers the address too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from briefpdf.compose.semantics import Node, Semantic
from briefpdf.compose.theme import Theme
from briefpdf.links.address import link_uri

if TYPE_CHECKING:
    from reportlab.graphics.barcode.qr import QrCodeWidget

# ReportLab's graphics package is imported where a code is made: most briefings have
# none, and it is a tenth of a cold build's imports.

QUIET_MODULES = 4
"""The quiet zone around a code, in modules (ISO/IEC 18004 asks for 4)."""
MIN_MODULE_MM = 0.4
"""The smallest module that still scans from print: long addresses get a larger code."""
ERROR_LEVEL = "M"
"""Error correction: M recovers 15% damage (a fold, a smudge) at a modest size."""


def _widget(url: str) -> QrCodeWidget:
    from reportlab.graphics.barcode.qr import QrCodeWidget

    return QrCodeWidget(link_uri(url), barLevel=ERROR_LEVEL, barBorder=QUIET_MODULES)


def code_size(theme: Theme, urls: list[str]) -> float:
    """One outer width (quiet zone included) for a group of codes, so they line up.

    Each symbol (the dark part) is at least the style's ``qr_size`` wide, and larger
    where a long address needs so many modules that they would be under MIN_MODULE_MM.
    """
    size = 0.0
    for url in urls:
        widget = _widget(url)
        widget.qr.make()
        modules = widget.qr.getModuleCount()
        module = max(theme.style.links.qr_size / modules, MIN_MODULE_MM * 72 / 25.4)
        size = max(size, module * (modules + 2 * QUIET_MODULES))
    return size


class QrCode(Semantic, Flowable):
    """A square QR code for ``url`` (its quiet zone included in ``size``)."""

    def __init__(self, url: str, size: float, dark: Color, light: Color, node: Node | None):
        super().__init__()
        self.url, self.size, self.dark, self.light = url, size, dark, light
        self.node = node
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803
        return []

    def draw(self) -> None:
        """The light square, then the dark modules as one filled path, a rectangle per
        run of dark modules in a row. Drawn directly rather than through ReportLab's
        graphics renderer, which sets its default font (an unembedded Helvetica) on the
        page even though a code has no text."""
        widget = _widget(self.url)
        widget.qr.make()
        count = widget.qr.getModuleCount()
        module = self.size / (count + 2 * QUIET_MODULES)
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.light)
        canv.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        path = canv.beginPath()
        for row in range(count):
            y = self.size - (row + QUIET_MODULES + 1) * module
            for start, length in _dark_runs(widget.qr, row, count):
                path.rect((start + QUIET_MODULES) * module, y, length * module, module)
        canv.setFillColor(self.dark)
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()


def _dark_runs(qr: Any, row: int, count: int) -> list[tuple[int, int]]:
    """(first column, length) of each run of dark modules in ``row``."""
    runs: list[tuple[int, int]] = []
    start = None
    for col in range(count + 1):
        dark = col < count and qr.isDark(row, col)
        if dark and start is None:
            start = col
        elif not dark and start is not None:
            runs.append((start, col - start))
            start = None
    return runs


def qr_code(theme: Theme, url: str, parent: Node, size: float | None = None) -> QrCode:
    """A code for ``url`` in the theme's text colour on the page colour, as a Figure of
    ``parent``; ``size`` is the outer width (see code_size)."""
    node = parent.add("Figure", alt=f"QR code for {url}")
    return QrCode(url, size or code_size(theme, [url]), theme.colours.text,
                  theme.colours.background, node)


class Beside(Flowable):
    """``main`` with ``aside`` to its right, their tops aligned; ``main`` wraps in the width
    that is left. ``lift`` raises the aside into the space above (for a QR code: its
    blank quiet zone), so the visible code lines up with the first line of text.
    A container: it never marks content itself."""

    def __init__(self, main: Flowable, aside: Flowable, gap: float, lift: float = 0):
        super().__init__()
        self.main, self.aside, self.gap, self.lift = main, aside, gap, lift
        self._main_height = self._aside_height = self._aside_width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._aside_width, self._aside_height = self.aside.wrap(availWidth, availHeight)
        main_width = availWidth - self._aside_width - self.gap
        _, self._main_height = self.main.wrap(main_width, availHeight)
        self.width = availWidth
        self.height = max(self._main_height, self._aside_height - self.lift)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []  # an entry and its code stay together

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        top = y + self.height
        self.main.drawOn(canv, x, top - self._main_height)
        self.aside.drawOn(canv, x + self.width - self._aside_width,
                          top + self.lift - self._aside_height)


def quiet_zone(size: float, url: str) -> float:
    """The width of the quiet zone of a code of outer width ``size`` for ``url``."""
    widget = _widget(url)
    widget.qr.make()
    return size * QUIET_MODULES / (widget.qr.getModuleCount() + 2 * QUIET_MODULES)


def beside_code(main: Flowable, code: QrCode, theme: Theme, below: Flowable | None = None
                ) -> Beside:
    """``main`` with ``code`` to its right (and ``below`` it, a caption), the visible code
    level with the top of ``main``; the quiet zone may rise into the space above it,
    never more than the theme's gap between blocks."""
    lift = min(quiet_zone(code.size, code.url) * 0.8, theme.gap * 0.6)
    aside: Flowable = code
    if below is not None:
        aside = _Column([code, below], code.size)
    return Beside(main, aside, theme.gap, lift)


class _Column(Flowable):
    """Flowables centred in a fixed-width column, one under the other (a container)."""

    def __init__(self, items: list[Flowable], width: float):
        super().__init__()
        self.items, self.width = items, width
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._heights = [item.wrap(self.width, availHeight)[1] for item in self.items]
        self.height = sum(self._heights)
        return self.width, self.height

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        top = y + self.height
        for item, height in zip(self.items, self._heights, strict=True):
            top -= height
            item.drawOn(canv, x, top)
