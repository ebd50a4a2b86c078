"""Page two of a 7-minute briefing: the worksheet, fitted to one page in two columns.

The questions for reflection fill the left column; the team action plan and the
feedback panel fill the right one (with no questions, the action plan takes the left
column and the feedback the right). Each column is measured with the style's own fonts
before it is laid out, so the briefing prints on one sheet, both sides, in any style.
What fills a column, and what gives way when it is full, in this order:

1. the ruled lines under each question: as many as fill the column, at most
   ``MAX_LINES``, as few as one;
2. the action-plan rows: as many as fill the room above the feedback panel, at most
   ``MAX_ROWS``, at least ``MIN_ROWS``, each one and a half writing spaces high;
3. when ``MIN_ROWS`` rows do not fit, the rows get shorter (``SHORTER_ROWS``), then
   fewer (down to one);
4. then the action plan's line of instructions is left out.

If a column still does not fit, the build stops with what to shorten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether

from briefpdf.compose.blocks import BlockComposer
from briefpdf.compose.feedback import feedback_panel
from briefpdf.compose.questions import (
    DEFAULT_QUESTIONS,
    ROW_SPACES,
    action_plan_flowables,
    question_flowables,
)
from briefpdf.compose.semantics import Node
from briefpdf.compose.theme import Theme
from briefpdf.errors import InputError, Problem
from briefpdf.model.briefing import Feedback
from briefpdf.model.document import LoadedBriefing

MAX_LINES = 10
MAX_ROWS = 10
MIN_ROWS = 3
SHORTER_ROWS = (1.25, 1.0)
"""Row heights, in writing spaces, tried in turn when MIN_ROWS full-height rows do not fit."""
_TALL = 1e6
_FUZZ = 1e-6


@dataclass(frozen=True)
class Plan:
    """How the action plan is set: rows, their height in writing spaces, the intro line."""

    rows: int
    spaces: float = ROW_SPACES
    intro: bool = True


def plans() -> list[Plan]:
    """Every way to set the action plan, roomiest first (steps 2 to 4 above)."""
    found = [Plan(rows) for rows in range(MAX_ROWS, MIN_ROWS - 1, -1)]
    found += [Plan(MIN_ROWS, spaces) for spaces in SHORTER_ROWS]
    found += [Plan(rows, SHORTER_ROWS[-1]) for rows in range(MIN_ROWS - 1, 0, -1)]
    return [*found, Plan(1, SHORTER_ROWS[-1], intro=False)]


def column_size(theme: Theme, columns: int) -> tuple[float, float]:
    """Width and height of one column on the worksheet page (as the render stage makes
    its frames: the style's margins, ``column_gap`` between columns)."""
    width = (theme.frame_width - (columns - 1) * theme.column_gap) / columns
    return width, theme.page_height - theme.margin_top - theme.margin_bottom


def stacked_height(flowables: list[Flowable], width: float) -> float:
    """The height ``flowables`` take in a frame ``width`` wide, as ReportLab's frame lays
    them out: no space before the first, and the space between two flowables the larger
    of the one's space after and the other's space before."""
    height, after, first = 0.0, 0.0, True
    for flowable in _unkept(flowables, width):
        if getattr(flowable, "frameAction", None):
            continue  # moves to another column; takes no room
        _, tall = flowable.wrapOn(None, width, _TALL)
        if not first:
            height += max(flowable.getSpaceBefore() - after, 0) + after
        height += tall
        after, first = flowable.getSpaceAfter(), False
    return height


def _unkept(flowables: list[Flowable], width: float) -> list[Flowable]:
    """``flowables`` with each KeepTogether replaced by what it holds (its own wrap gives
    no height: it always asks the frame to split it, which hands over its contents)."""
    out: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            flowable.wrapOn(None, width, _TALL)
            out.extend(_unkept(flowable.split(width, _TALL), width))
        else:
            out.append(flowable)
    return out


class WorksheetFitter:
    """Chooses the question lines and the action-plan rows that fill one page."""

    def __init__(self, loaded: LoadedBriefing, theme: Theme, feedback: Feedback | None,
                 columns: int):
        b = loaded.briefing
        self.loaded, self.t = loaded, theme
        # On paper the survey's QR code is how a team finds the form: always show it here.
        self.composer = BlockComposer(theme.with_link_codes(True), loaded.path.parent)
        self.width, self.height = column_size(theme, columns)
        self.questions = list(DEFAULT_QUESTIONS) if b.questions is None else list(b.questions)
        self.action_plan = bool(b.action_plan)
        self.feedback = feedback

    def _fits(self, make: Callable[[Node], list[Flowable]]) -> bool:
        return stacked_height(make(Node("Div")), self.width) <= self.height + _FUZZ

    def questions_at(self, lines: int, parent: Node, spread: float = 0) -> list[Flowable]:
        return question_flowables(self.composer, self.questions, parent, lines, spread)

    def spread(self, lines: int) -> float:
        """The room left under the questions with ``lines`` lines each, shared out
        between them so that the column ends at the foot of the page (at most one
        writing space each: a short list is not stretched down the page)."""
        gaps = len(self.questions) - 1  # the space after the last one is not on the page
        if gaps < 1:
            return 0.0
        spare = self.height - stacked_height(self.questions_at(lines, Node("Div")),
                                             self.width)
        return max(0.0, min(spare / gaps, self.t.writing_space)) * 0.999

    def plan_at(self, plan: Plan, parent: Node) -> list[Flowable]:
        return action_plan_flowables(self.composer, parent, plan.rows, width=self.width,
                                     row_height=self.t.writing_space * plan.spaces,
                                     intro=plan.intro)

    def closing(self, parent: Node) -> list[Flowable]:
        if self.feedback is None:
            return []
        return feedback_panel(self.composer, self.feedback, parent)

    def lines(self) -> int:
        """Step 1: the most ruled lines per question with which the questions fit."""
        for lines in range(MAX_LINES, 0, -1):
            if self._fits(lambda node, n=lines: self.questions_at(n, node)):
                return lines
        raise InputError([self.loaded.source.problem(("questions",), (
            "the questions for reflection do not fit in their column of the worksheet, "
            "even with one ruled line each; shorten them or ask fewer"), key=True)])

    def plan(self, with_closing: bool) -> Plan:
        """Steps 2 to 4: the roomiest action plan that fits its column (with the feedback
        panel beneath it when ``with_closing``)."""
        for plan in plans():
            def column(node: Node, p: Plan = plan) -> list[Flowable]:
                return self.plan_at(p, node) + (self.closing(node) if with_closing else [])
            if self._fits(column):
                return plan
        raise InputError([self._problem(
            "the team action plan and the feedback panel do not fit in one column of the "
            "worksheet, even with one short row; shorten the feedback text")])

    def check_closing(self) -> None:
        """The feedback panel alone in a column must fit it."""
        if not self._fits(self.closing):
            raise InputError([self._problem(
                "the feedback panel does not fit in one column of the worksheet; shorten "
                "its text")])

    def _problem(self, message: str) -> Problem:
        data = self.loaded.source.data or {}
        where = "feedback" if isinstance(data, dict) and "feedback" in data else "title"
        return self.loaded.source.problem((where,), message, key=True)


def worksheet_columns(loaded: LoadedBriefing, theme: Theme, root: Node,
                      feedback: Feedback | None, columns: int
                      ) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables of the worksheet's left and right columns, attached to ``root`` in
    reading order (questions, action plan, feedback)."""
    fit = WorksheetFitter(loaded, theme, feedback, columns)
    left: list[Flowable] = []
    right: list[Flowable] = []
    if fit.questions:
        lines = fit.lines()
        spread = fit.spread(lines)
        if fit.action_plan:
            plan = fit.plan(with_closing=True)
            left = fit.questions_at(lines, root, spread)
            right = fit.plan_at(plan, root) + fit.closing(root)
        else:
            fit.check_closing()
            left, right = fit.questions_at(lines, root, spread), fit.closing(root)
    elif fit.action_plan:
        plan = fit.plan(with_closing=False)
        fit.check_closing()
        left, right = fit.plan_at(plan, root), fit.closing(root)
    else:
        fit.check_closing()
        left = fit.closing(root)
    return left, right
