"""The worksheet parts of a briefing: reflective questions with ruled space to write on,
and a printable team action plan (Action | Who | By when | Done) with ruled rows.

Both work in either layout: the seven-minute page puts them on page two, the standard
layout puts them at the end of the briefing, before the feedback panel.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from briefpdf.compose.blocks import BlockComposer
from briefpdf.compose.flowables import Gap, Heading, ListItem, Para, Rule, Stack
from briefpdf.compose.markup import plain
from briefpdf.compose.semantics import Node, marker_of

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


class SemanticTable(Table):
    """A ReportLab table with a structure node (Table → TR → TH/TD).

    It is a container: cell flowables mark their own content, and the table's
    backgrounds and rules are artifacts.
    """

    def __init__(self, data: list[list[Any]], node: Node, **kw: Any):
        super().__init__(data, **kw)
        self.node = node

    def _drawBkgrnd(self) -> None:  # noqa: N802
        with marker_of(self.canv).artifact(self.canv):
            super()._drawBkgrnd()

    def _drawLines(self) -> None:  # noqa: N802
        with marker_of(self.canv).artifact(self.canv):
            super()._drawLines()


def question_flowables(composer: BlockComposer, questions: list[str], parent: Node,
                       lines: int = DEFAULT_LINES) -> list[Flowable]:
    """A heading, then each question numbered with ``lines`` ruled lines beneath it."""
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
                                           space_after=t.gap * 1.6)]))
    return flow


def action_plan_flowables(composer: BlockComposer, parent: Node,
                          rows: int = DEFAULT_ROWS) -> list[Flowable]:
    """A heading, one line of instructions and the empty action-plan table."""
    t = composer.t
    sect = parent.add("Sect")
    heading = _heading(composer, ACTION_PLAN_HEADING, sect)
    intro = Para(plain(ACTION_PLAN_INTRO), t.intro, sect.add("P"))
    return [KeepTogether([*heading, intro, action_plan_table(composer, sect, rows)])]


def _heading(composer: BlockComposer, text: str, sect: Node) -> list[Flowable]:
    """The accent rule and bookmarked heading every section starts with."""
    t = composer.t
    heading = Heading(plain(text), t.heading, sect.add("H2"), outline=text)
    heading.spaceBefore = 0
    return [Rule(t.indent * 1.6, t.accent_bar * 0.7, t.colours.accent,
                 space_before=t.heading.spaceBefore, space_after=t.gap * 0.6), heading]


def action_plan_table(composer: BlockComposer, parent: Node, rows: int) -> Table:
    """Action | Who | By when | Done, a header row and ``rows`` ruled empty rows."""
    t = composer.t
    node = parent.add("Table")
    head = node.add("TR")
    data: list[list[Any]] = [[Para(plain(name), t.table_head,
                                   head.add("TH", attrs={"Scope": "Column"}))
                              for name in ACTION_COLUMNS]]
    box = t.style.sizes.body * 1.2
    for _ in range(rows):
        row = node.add("TR")
        for _name in ACTION_COLUMNS:
            row.add("TD")
        data.append([Gap(0), Gap(0), Gap(0), TickBox(box, t.colours.muted, t.rule_width * 1.4)])
    return SemanticTable(data, node, colWidths=list(COLUMN_SHARES), repeatRows=1,
                         rowHeights=[None] + [t.writing_space * 1.5] * rows,
                         style=_table_style(composer), hAlign="LEFT")


COLUMN_SHARES = ("52%", "22%", "16%", "10%")
"""Action gets the room; Who, By when and Done are sized for handwriting."""


def _table_style(composer: BlockComposer) -> TableStyle:
    t = composer.t
    pad = t.gap * 0.8
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
