"""The feedback block (closing panel) and the compact contacts line for the footer."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether

from briefpdf.compose.addresses import AddressPara
from briefpdf.compose.blocks import BlockComposer
from briefpdf.compose.flowables import Heading, Para, Stack
from briefpdf.compose.markup import link, plain
from briefpdf.compose.qr import beside_code, qr_code
from briefpdf.compose.semantics import Node
from briefpdf.links.address import short_web
from briefpdf.links.contacts import contact_rows, twitter_url
from briefpdf.model.briefing import Feedback

ADDRESS_LABELS = frozenset({"Email", "Website", "Survey"})
"""Contacts printed as addresses (a phone number or a handle is not broken so)."""

__all__ = ["compact_contacts", "contact_rows", "feedback_panel", "short_web", "twitter_url"]


def compact_contacts(feedback: Feedback | None) -> str:
    """The one-line version for the running footer."""
    if feedback is None:
        return ""
    return "  ·  ".join(shown for label, shown, _ in contact_rows(feedback)
                        if label != "Survey")


def feedback_panel(composer: BlockComposer, feedback: Feedback, parent: Node) -> list[Flowable]:
    """The closing feedback panel: heading, text, contacts (clickable), closing words."""
    t = composer.t
    node = parent.add("Sect")
    heading = feedback.heading or "Feedback"
    items: list[Flowable] = [Heading(composer.text(heading), t.panel_title, node.add("H2"),
                                     outline=heading)]
    if feedback.text:
        items.append(Para(composer.text(feedback.text), t.contact, node.add("P")))
    contacts: list[Flowable] = []
    for label, shown, href in contact_rows(feedback):
        prefix = f"<b>{plain(label)}:</b> "
        if label in ADDRESS_LABELS:  # long addresses break at their separators
            contacts.append(AddressPara(prefix, shown, href, t.contact, node.add("P"),
                                        colour=composer.link_colour))
        else:
            markup = prefix + link(shown, href, composer.link_colour)
            contacts.append(Para(markup, t.contact, node.add("P")))
    if feedback.survey and t.style.links.qr:  # the survey's code, beside the contacts
        code = qr_code(t, feedback.survey, node)
        caption_style = ParagraphStyle("qr-caption", parent=t.link_url, alignment=TA_CENTER)
        caption = Para(plain("Survey"), caption_style, node.add("Caption"))
        beside = beside_code(Stack(contacts), code, t, below=caption)
        beside.spaceBefore = beside.lift  # room for the quiet zone above the first contact
        items.append(beside)
    else:
        items.extend(contacts)
    if feedback.closing:
        closing = Para(composer.text(feedback.closing), t.contact, node.add("P"))
        closing.spaceBefore = t.gap * 0.5
        items.append(closing)
    items.extend(composer.link_notes(node))
    # Kept together by ReportLab's KeepTogether, which moves the panel to the next page
    # when it would otherwise split (a lone closing line on a page of its own); a panel
    # taller than a page still splits.
    return [KeepTogether([Stack(items, node, padding=t.panel_padding * 1.2,
                                background=t.colours.panel, bar=t.colours.primary,
                                bar_width=t.accent_bar, space_before=t.gap * 2,
                                keep_together=True)])]
