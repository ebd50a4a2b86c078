"""The feedback block's contacts as links: (label, text shown, address) rows."""

from __future__ import annotations

from briefpdf.links.address import short_web
from briefpdf.model.briefing import Feedback

CONTACT_KEYS = ("email", "phone", "twitter", "website", "survey")
"""Feedback keys that become links, in the order the panel shows them."""


def twitter_url(handle: str) -> str:
    return "https://twitter.com/" + handle.strip().lstrip("@")


def tel_uri(number: str) -> str:
    """``0117 496 0123`` → ``tel:01174960123`` (RFC 3966: digits and a leading +)."""
    return "tel:" + "".join(char for char in number if char.isdigit() or char == "+")


def contact_link(key: str, value: str) -> tuple[str, str, str]:
    """(label, shown, address) for one contact key of the feedback block."""
    value = value.strip()
    if key == "email":
        return "Email", value, "mailto:" + value
    if key == "phone":
        return "Phone", value, tel_uri(value)
    if key == "twitter":
        handle = "@" + value.lstrip("@")
        return "Twitter", handle, twitter_url(handle)
    label = "Website" if key == "website" else "Survey"
    return label, short_web(value), value


def contact_rows(feedback: Feedback) -> list[tuple[str, str, str]]:
    """(label, shown text, link) for each contact the feedback block has."""
    return [contact_link(key, getattr(feedback, key)) for key in CONTACT_KEYS
            if getattr(feedback, key)]


def effective_feedback(feedback: Feedback | None, defaults: Feedback | None) -> Feedback | None:
    """A briefing's feedback block merged over its style's defaults (either may be absent)."""
    if feedback is None:
        return defaults.merged_over(None) if defaults is not None else None
    return feedback.merged_over(defaults)
