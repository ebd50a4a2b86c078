"""Compose a whole briefing: masthead, summary, sections, feedback panel.

The result, a ComposedDocument, carries the flowables, the structure tree and
what the page furniture needs (footer text, contacts, protective marking).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from briefpdf.compose.blocks import BlockComposer
from briefpdf.compose.feedback import compact_contacts, contact_rows, feedback_panel
from briefpdf.compose.flowables import Heading, Para, Rule
from briefpdf.compose.masthead import Masthead
from briefpdf.compose.questions import action_plan_flowables, question_flowables
from briefpdf.compose.semantics import Node
from briefpdf.compose.theme import Theme
from briefpdf.model.briefing import Briefing, Feedback, Section
from briefpdf.model.document import LoadedBriefing
from briefpdf.model.inline import plain_text
from briefpdf.model.rules import format_date


@dataclass
class ComposedDocument:
    """Flowables in reading order with their structure tree and page furniture."""

    flowables: list[Flowable]
    root: Node
    theme: Theme
    title: str
    subtitle: str | None
    author: str
    subject: str
    keywords: list[str]
    language: str
    footer_text: str
    contacts: str
    classification: str | None
    running_head: str
    extra: dict = field(default_factory=dict)
    body_columns: int = 1
    """Columns on pages after the first (the seven-minute worksheet uses two)."""


def fill_placeholders(template: str, values: dict[str, str | None]) -> str:
    """Fill {title} {short_name} {organisation} {date}; drop separators around empty ones."""
    parts = [part.strip() for part in template.split("·")]
    filled = []
    for part in parts:
        try:
            text = part.format(**{k: v or "" for k, v in values.items()})
        except (KeyError, IndexError, ValueError):
            text = part
        if text.strip():
            filled.append(text.strip())
    return " · ".join(filled)


def effective_feedback(briefing: Briefing, defaults: Feedback | None) -> Feedback | None:
    """The briefing's feedback block merged over the style's defaults."""
    if briefing.feedback is None:
        defaults = defaults.merged_over(None) if defaults is not None else None
        return defaults if defaults and not defaults.is_empty() and _has_contact(defaults) \
            else None
    return briefing.feedback.merged_over(defaults)


def _has_contact(feedback: Feedback) -> bool:
    return bool(feedback.email or feedback.phone or feedback.website or feedback.twitter
                or feedback.survey)


def compose_briefing(loaded: LoadedBriefing, theme: Theme | None = None) -> ComposedDocument:
    """Model + style → flowables, in reading order (standard or seven-minute layout)."""
    b, style = loaded.briefing, loaded.style
    seven = b.layout == "seven-minute"
    theme = theme or Theme(style, landscape=seven)
    if seven and not theme.landscape:
        theme = Theme(theme.style, landscape=True)
    root = Node("Document", lang=b.language)
    author = b.author or style.organisation or ""
    meta = " · ".join(x for x in (format_date(b.date, b.language), author) if x)
    feedback = effective_feedback(b, style.feedback)
    if seven:
        from briefpdf.compose.seven_minute import BODY_COLUMNS, seven_minute_flow

        flow = seven_minute_flow(loaded, theme, root, meta, feedback)
        columns = BODY_COLUMNS
    else:
        flow = standard_flow(loaded, theme, root, meta, feedback)
        columns = 1
    title = plain_text(b.title)
    values = {"title": title, "short_name": style.short_name or style.organisation,
              "organisation": style.organisation, "date": format_date(b.date, b.language)}
    head = " · ".join(x for x in (b.kind, title, plain_text(b.subtitle or "")) if x)
    return ComposedDocument(
        flowables=flow, root=root, theme=theme, title=title,
        subtitle=plain_text(b.subtitle) if b.subtitle else None, author=author,
        subject=plain_text(b.subtitle or b.summary or ""), keywords=list(b.keywords),
        language=b.language, footer_text=fill_placeholders(style.footer.text, values),
        contacts=compact_contacts(feedback), classification=b.classification,
        running_head=head, body_columns=columns,
        extra={"contact_rows": contact_rows(feedback) if feedback else []})


def standard_flow(loaded: LoadedBriefing, theme: Theme, root: Node, meta: str,
                  feedback: Feedback | None) -> list[Flowable]:
    """Masthead, summary, sections, questions and action plan, then the feedback panel."""
    b, style = loaded.briefing, loaded.style
    composer = BlockComposer(theme, loaded.path.parent)
    flow: list[Flowable] = [Masthead(theme, root, title=b.title, subtitle=b.subtitle,
                                     kind=b.kind, meta=meta,
                                     organisation=style.organisation,
                                     marked=bool(b.classification))]
    if b.summary:
        flow.append(Para(composer.text(b.summary), theme.lead, root.add("P")))
    for section in b.sections:
        flow.extend(compose_section(composer, section, root))
    if b.questions:
        flow.extend(question_flowables(composer, list(b.questions), root))
        flow.extend(composer.link_notes(root))  # addresses of links in the questions
    if b.action_plan:
        flow.extend(action_plan_flowables(composer, root))
    if feedback is not None:
        flow.extend(feedback_panel(composer, feedback, root))
    return flow


def compose_section(composer: BlockComposer, section: Section, root: Node) -> list[Flowable]:
    """A section: accent rule, heading (bookmarked), its blocks, then its link list."""
    t = composer.t
    node = root.add("Sect")
    flow: list[Flowable] = [
        Rule(t.indent * 1.6, t.accent_bar * 0.7, t.colours.accent,
             space_before=t.heading.spaceBefore, space_after=t.gap * 0.6),
        Heading(composer.text(section.heading), t.heading, node.add("H2"),
                outline=plain_text(section.heading)),
    ]
    flow[-1].spaceBefore = 0
    for block in section.content:
        flow.extend(composer.block(block, node))
    if section.links:
        flow.extend(composer.link_list(section.links, node))
    flow.extend(composer.link_notes(node))  # inline links' addresses, if the style asks
    return flow
