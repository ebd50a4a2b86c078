"""The feedback block (closing panel) and the compact contacts line for the footer."""

from __future__ import annotations

from reportlab.platypus import Flowable

from briefpdf.compose.blocks import BlockComposer
from briefpdf.compose.flowables import Heading, Para, Stack
from briefpdf.compose.markup import link, plain
from briefpdf.compose.semantics import Node
from briefpdf.model.briefing import Feedback


def twitter_url(handle: str) -> str:
    return "https://twitter.com/" + handle.strip().lstrip("@")


def short_web(url: str) -> str:
    """``https://www.example.org/page`` → ``www.example.org/page`` for print."""
    for prefix in ("https://", "http://"):
        url = url.removeprefix(prefix)
    return url.rstrip("/")


def contact_rows(feedback: Feedback) -> list[tuple[str, str, str]]:
    """(label, shown text, link) for each contact the feedback block has."""
    rows = []
    if feedback.email:
        rows.append(("Email", feedback.email.strip(), "mailto:" + feedback.email.strip()))
    if feedback.twitter:
        handle = "@" + feedback.twitter.strip().lstrip("@")
        rows.append(("Twitter", handle, twitter_url(handle)))
    if feedback.website:
        rows.append(("Website", short_web(feedback.website), feedback.website))
    if feedback.survey:
        rows.append(("Survey", short_web(feedback.survey), feedback.survey))
    return rows


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
    for label, shown, href in contact_rows(feedback):
        markup = f"<b>{plain(label)}:</b> " + link(shown, href, composer.link_colour)
        items.append(Para(markup, t.contact, node.add("P")))
    if feedback.closing:
        closing = Para(composer.text(feedback.closing), t.contact, node.add("P"))
        closing.spaceBefore = t.gap * 0.5
        items.append(closing)
    return [Stack(items, node, padding=t.panel_padding * 1.2, background=t.colours.panel,
                  bar=t.colours.primary, bar_width=t.accent_bar, space_before=t.gap * 2,
                  keep_together=True)]
