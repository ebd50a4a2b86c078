"""Warnings for links that may deceive a reader: a user name or password in the address,
a host name mixing writing systems (a Cyrillic 'а' in 'pаypal.com'), or invisible
bidirectional controls (U+202E turns text around) in the address or its title; and the
ASCII (punycode) form of an international host, which is what a browser really visits.

Standard library only: `validate` and `briefpdf links` use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from briefpdf.errors import Problem

BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters that change the direction text is shown in, without being seen."""
_ONE_SCRIPT = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}
"""Scripts written together in one word (Japanese, Korean) count as one."""


def link_warnings(refs: Iterable) -> list[Problem]:
    """A warning at each link (a LinkRef) that may deceive a reader."""
    found: list[Problem] = []
    for ref in refs:
        for message in url_warnings(ref.url, ref.title):
            found.append(Problem(ref.file, ref.line, ref.column, message, severity="warning"))
    return found


def url_warnings(url: str, title: str = "") -> list[str]:
    """What may deceive a reader about ``url`` (and its ``title``)."""
    messages: list[str] = []
    for what, text in (("address", url), ("title", title)):
        bad = BIDI_CONTROLS.search(text or "")
        if bad:
            messages.append(
                f"the link's {what} holds the invisible control character "
                f"U+{ord(bad.group()):04X}, which can make text read backwards; delete it "
                "and type the text again")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        has_user = parts.username is not None or parts.password is not None
    except ValueError:
        return messages
    if has_user:
        messages.append("the link's address holds a user name or password before '@'; "
                        "remove it (readers see a trusted-looking name, the browser goes "
                        "to the host after '@')")
    mixed = mixed_scripts(host)
    if mixed:
        messages.append(f"the link's host {host} mixes {' and '.join(mixed)} letters "
                        f"(it is really {ascii_host(host)}), a trick used to imitate "
                        "another site; check the address and type it again")
    return messages


def mixed_scripts(host: str) -> list[str]:
    """The writing systems one label of ``host`` mixes (empty when none does)."""
    for label in _unicode_host(host).split("."):
        scripts = sorted({_script(ch) for ch in label if ch.isalpha()})
        if len(scripts) > 1:
            return [script.title() for script in scripts]
    return []


def _script(char: str) -> str:
    name = unicodedata.name(char, "UNKNOWN").split(" ")[0]
    return _ONE_SCRIPT.get(name, name)


def _unicode_host(host: str) -> str:
    """``xn--…`` labels shown as the letters they stand for."""
    labels = []
    for label in host.split("."):
        if label.lower().startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                pass
        labels.append(label)
    return ".".join(labels)


def ascii_host(host: str) -> str:
    """The host as a browser sends it (IDNA / punycode)."""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def punycode_of(url: str) -> str | None:
    """The ASCII form of ``url``'s host when it is international (else None)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    if host.isascii():
        return None if "xn--" not in host.lower() else _unicode_host(host)
    return ascii_host(host)
