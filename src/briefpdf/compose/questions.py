"""The worksheet parts of a briefing: reflective questions with ruled space to write on,
and a printable team action plan (Action | Who | By when | Done) with ruled rows.

Both work in either layout: the seven-minute page puts them on page two, the standard
layout puts them at the end of the briefing, before the feedback panel.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from briefpdf.compose.blocks import BlockComposer
from briefpdf.compose.flowables import Gap, Heading, ListItem, Para, Rule, Stack
from briefpdf.compose.markup import plain
from briefpdf.compose.semantics import Node, marker_of
from briefpdf.seam import DecoratedTable

DEFAULT_QUESTIONS = (
    "What are your key thoughts and reflections on this briefing?",
    "How will we know the learning is embedded in our practice?",
    "What will our team do differently as a result?",
)
"""The three questions partnerships commonly ask teams after a 7-minute briefing."""

QUESTIONS_HEADING = "Questions for reflection"
ACTION_PLAN_HEADING = "Team action plan"
ACTION_PLAN_INTRO = ("Agree as a team what you will do as a result of this briefing, "
                     "who will do it and by when. Tick each action when it is done.")
ACTION_COLUMNS = ("Action", "Who", "By when", "Done")
DEFAULT_LINES = 4
"""Ruled lines under each question when the layout does not size them."""
DEFAULT_ROWS = 6
"""Empty rows in the action plan when the layout does not size them."""


class _Ruling(Flowable, ABC):
    """Lines drawn in one colour and weight, as an artifact (decoration to write on)."""

    def __init__(self, colour: Any, weight: float):
        super().__init__()
        self.colour, self.weight = colour, weight

    def draw(self) -> None:
        with marker_of(self.canv).artifact(self.canv):
            self.canv.saveState()
            self.canv.setStrokeColor(self.colour)
            self.canv.setLineWidth(self.weight)
            self.rule(self.canv)
            self.canv.restoreState()

    @abstractmethod
    def rule(self, canv: Any) -> None:
        """Draw the lines (each kind of ruling says where)."""


class WritingLines(_Ruling):
    """``count`` ruled lines, ``spacing`` apart, across the available width."""

    def __init__(self, count: int, spacing: float, colour: Any, weight: float):
        super().__init__(colour, weight)
        self.count, self.spacing = count, spacing

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, self.count * self.spacing
        return self.width, self.height

    def rule(self, canv: Any) -> None:
        for index in range(1, self.count + 1):
            y = self.height - index * self.spacing
            canv.line(0, y, self.width, y)


class TickBox(_Ruling):
    """An empty square to tick, centred in its table cell."""

    def __init__(self, size: float, colour: Any, weight: float):
        super().__init__(colour, weight)
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, self.size
        return self.width, self.height

    def rule(self, canv: Any) -> None:
        canv.rect((self.width - self.size) / 2, 0, self.size, self.size, stroke=1, fill=0)


class SemanticTable(DecoratedTable):
    """A ReportLab table with a structure node (Table → TR → TH/TD).

    It is a container: cell flowables mark their own content, and the table's
    backgrounds and rules are artifacts.
    """

    def __init__(self, data: list[list[Any]], node: Node, **kw: Any):
        super().__init__(data, **kw)
        self.node = node

    def decoration(self) -> Any:
        return marker_of(self.canv).artifact(self.canv)


def question_flowables(composer: BlockComposer, questions: list[str], parent: Node,
                       lines: int = DEFAULT_LINES, spread: float = 0) -> list[Flowable]:
    """A heading, then each question numbered with ``lines`` ruled lines beneath it and
    ``spread`` more space than usual after it (the worksheet fills its column)."""
    t = composer.t
    sect = parent.add("Sect")
    flow: list[Flowable] = [*_heading(composer, QUESTIONS_HEADING, sect)]
    numbered = sect.add("L", attrs={"ListNumbering": "Decimal"})
    for number, question in enumerate(questions, start=1):
        item = numbered.add("LI")
        label = Para(plain(f"{number}."), t.question, item.add("Lbl"))
        body = Stack([Para(composer.text(question), t.question, item.add("LBody")),
                      WritingLines(lines, t.writing_space, t.colours.muted, t.rule_width)])
        flow.append(KeepTogether([ListItem(label, body, t.indent, item,
                                           space_after=t.gap * 1.6 + spread)]))
    return flow


def action_plan_flowables(composer: BlockComposer, parent: Node, rows: int = DEFAULT_ROWS,
                          *, width: float | None = None, row_height: float | None = None,
                          intro: bool = True) -> list[Flowable]:
    """A heading, one line of instructions (``intro``) and the empty action-plan table,
    ``width`` wide (the frame's by default) with ``rows`` rows ``row_height`` high."""
    t = composer.t
    sect = parent.add("Sect")
    heading = _heading(composer, ACTION_PLAN_HEADING, sect)
    lines = [Para(plain(ACTION_PLAN_INTRO), t.intro, sect.add("P"))] if intro else []
    table = action_plan_table(composer, sect, rows, width or t.frame_width,
                              row_height or t.writing_space * ROW_SPACES)
    return [KeepTogether([*heading, *lines, table])]


def _heading(composer: BlockComposer, text: str, sect: Node) -> list[Flowable]:
    """The accent rule and bookmarked heading every section starts with."""
    t = composer.t
    heading = Heading(plain(text), t.heading, sect.add("H2"), outline=text)
    heading.spaceBefore = 0
    return [Rule(t.indent * 1.6, t.accent_bar * 0.7, t.colours.accent,
                 space_before=t.heading.spaceBefore, space_after=t.gap * 0.6), heading]


def action_plan_table(composer: BlockComposer, parent: Node, rows: int, width: float,
                      row_height: float) -> Table:
    """Action | Who | By when | Done, a header row and ``rows`` ruled empty rows."""
    t = composer.t
    node = parent.add("Table")
    head = node.add("TR")
    data: list[list[Any]] = [[Para(plain(name), t.table_head,
                                   head.add("TH", attrs={"Scope": "Column"}))
                              for name in ACTION_COLUMNS]]
    box = tick_box_size(t)
    for _ in range(rows):
        row = node.add("TR")
        for _name in ACTION_COLUMNS:
            row.add("TD")
        data.append([Gap(0), Gap(0), Gap(0), TickBox(box, t.colours.muted, t.rule_width * 1.4)])
    return SemanticTable(data, node, colWidths=column_widths(t, width), repeatRows=1,
                         rowHeights=[None] + [row_height] * rows,
                         style=_table_style(composer), hAlign="LEFT")


ROW_SPACES = 1.5
"""An action-plan row is one and a half writing spaces high: room for two lines of
handwriting (the worksheet makes them shorter when the page is full)."""
HANDWRITING_SHARES = (0.0, 0.2, 0.16, 0.0)
"""The least share of the table's width each column gets (Who and By when are written
in by hand); Action takes what is left."""


def tick_box_size(t: Any) -> float:
    """The side of the box to tick, from the body size."""
    return t.style.sizes.body * 1.2


def cell_padding(t: Any) -> float:
    return t.gap * 0.8


def column_widths(t: Any, width: float) -> list[float]:
    """Column widths for a table ``width`` wide, measured from the header text in the
    style's own heading font: each header fits on one line (no word is ever broken, as
    "Don / e" was with a wide serif), Who and By when keep their share for handwriting,
    Done its tick box, and Action takes the rest."""
    head, pad = t.table_head, cell_padding(t)
    needs = [stringWidth(name, head.fontName, head.fontSize) + 2 * pad + 1
             for name in ACTION_COLUMNS]
    needs[-1] = max(needs[-1], tick_box_size(t) + 2 * pad)
    widths = [max(need, share * width) for need, share in
              zip(needs, HANDWRITING_SHARES, strict=True)]
    widths[0] = max(width - sum(widths[1:]), needs[0])
    return widths


def _table_style(composer: BlockComposer) -> TableStyle:
    t = composer.t
    pad = cell_padding(t)
    return TableStyle([
        # The table sets this font on the page before its cells draw (ReportLab's default
        # is an unembedded Helvetica); the cells' own paragraphs set theirs.
        ("FONT", (0, 0), (-1, -1), t.table_head.fontName, t.table_head.fontSize),
        ("BACKGROUND", (0, 0), (-1, 0), t.colours.primary),
        ("LINEBELOW", (0, 1), (-1, -1), t.rule_width, t.colours.muted),
        ("LINEAFTER", (0, 1), (-2, -1), t.rule_width, t.colours.muted),
        ("BOX", (0, 0), (-1, -1), t.rule_width * 1.6, t.colours.primary),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, 0), pad * 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, 0), pad * 0.8),
    ])
