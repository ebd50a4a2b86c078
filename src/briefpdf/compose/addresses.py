"""Printed addresses that break where a reader expects.

ReportLab breaks a word too long for its line anywhere, or a web address only after a
slash: ``…/escalation`` then ``-procedure.pdf``, or ``…learning/b`` then ``riefings``.
An ``AddressPara`` is a paragraph that ends with an address (a link): it chooses the
address's line breaks itself for the width it is given (``links.address.break_address``:
after ``/ ? & = # . @``, before a hyphen only when nothing better fits) and sets them
as explicit line breaks, so the paragraph's own line breaking never has to cut it.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from briefpdf.compose.flowables import Para
from briefpdf.compose.markup import link
from briefpdf.compose.semantics import Node
from briefpdf.links.address import break_address

_TALL = 1e6
_SLACK = 0.5
"""Points kept spare on each line: the paragraph measures a line as the sum of its
words, which can differ from the measure of the whole by rounding."""


class AddressPara(Flowable):
    """``prefix`` (ready markup, may be empty) followed by ``address`` shown as a link to
    ``href``, in ``style``, as the structure node ``node``. A container around the
    paragraph it makes for each width: the paragraph marks its own content."""

    def __init__(self, prefix: str, address: str, href: str, style: Any, node: Node | None,
                 *, colour: Any = None, underline: bool = True):
        super().__init__()
        self.prefix, self.address, self.href = prefix, address, href
        self.style, self.node = style, node
        self.colour, self.underline = colour, underline
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self._para: Para | None = None
        self._width: float | None = None

    def lines(self, width: float) -> list[str]:
        """The address's lines in a paragraph ``width`` wide (an empty first line: the
        address starts on the line after the prefix)."""
        style = self.style

        def measure(text: str) -> float:
            return stringWidth(text, style.fontName, style.fontSize)

        rest = width - _SLACK
        first = rest
        if self.prefix:
            alone = Para(self.prefix, style)
            alone.wrap(width, _TALL)
            first = rest - alone.getActualLineWidths0()[-1] - measure(" ")
        lines = break_address(self.address, measure, first, rest)
        if self.prefix and lines[0] and measure(lines[0]) < rest / 3 and len(lines) > 1:
            # A scrap of address beside the prefix ("https://") reads worse than a new line.
            lines = break_address(self.address, measure, 0, rest)
        return lines

    def _paragraph(self, width: float) -> Para:
        if self._para is None or self._width != width:
            parts = [link(line, self.href, self.colour, underline=self.underline)
                     if line else "" for line in self.lines(width)]
            markup = self.prefix + "<br/>".join(parts)
            self._para, self._width = Para(markup, self.style, self.node), width
        return self._para

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self._paragraph(availWidth).wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return self._paragraph(availWidth).split(availWidth, availHeight)

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        self._paragraph(self.width).drawOn(canv, x, y, _sW)
