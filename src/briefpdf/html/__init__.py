"""The HTML twin of a briefing: one self-contained, semantic, accessible page."""

from briefpdf.html.page import render_html

__all__ = ["render_html"]
