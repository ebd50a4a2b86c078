"""Link addresses two ways: the exact URI a PDF annotation (or QR code) carries, and
the readable text printed on paper.

Addresses are kept in the model as typed (``www.`` already made ``https://``).
Only when they are written into the PDF are they made valid URIs: spaces and
non-ASCII characters percent-encoded (UTF-8), international host names in IDNA,
``%XX`` sequences that are already there left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, unquote, urlsplit, urlunsplit

_SAFE = "%/:=&?~#+!$,;'@()*[]"
"""Characters left as they are: URI delimiters and existing percent-escapes."""


def link_uri(url: str) -> str:
    """The URI written into the PDF for ``url``.

    ``mailto:a@b.org?subject=Feedback on Family L`` →
    ``mailto:a@b.org?subject=Feedback%20on%20Family%20L``.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed [ in the host: keep it, percent-encoded
        return quote(url, safe=_SAFE)
    netloc = parts.netloc
    if netloc and not netloc.isascii():
        userinfo, _, hostport = netloc.rpartition("@")
        host, colon, port = hostport.partition(":")
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:  # not a valid international name: percent-encode it
            host = quote(host, safe="")
        netloc = (userinfo + "@" if userinfo else "") + host + colon + port
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=_SAFE),
                       quote(parts.query, safe=_SAFE), quote(parts.fragment, safe=_SAFE)))


def display_url(url: str) -> str:
    """The address as a person would read and type it from paper.

    Web addresses are shown in full (``https://`` included); ``mailto:`` links show
    the email address, then any subject or other fields in words:
    ``a@b.org (subject: Feedback on Family L)``.
    """
    url = url.strip()
    if url.lower().startswith("tel:"):
        return url[len("tel:"):]
    if not url.lower().startswith("mailto:"):
        return url
    parts = urlsplit(url)
    address = unquote(parts.path)
    fields = []
    for field in parts.query.split("&"):  # RFC 6068: '+' is a plus sign, not a space
        key, _, value = field.partition("=")
        if key and value:
            fields.append(f"{unquote(key)}: {unquote(value)}")
    return f"{address} ({'; '.join(fields)})" if fields else address


def short_web(url: str) -> str:
    """``https://www.example.org/page/`` → ``www.example.org/page``, for compact contacts."""
    for prefix in ("https://", "http://"):
        url = url.removeprefix(prefix)
    return url.rstrip("/")


BREAK_AFTER = frozenset("/?&=#.@")
"""Where a printed address may break: after a slash, query and fragment marks, a dot,
or the @ of an email address (the break then reads as a natural seam, and nothing that
looks like a hyphenation is added)."""


def address_breaks(address: str) -> tuple[list[int], list[int]]:
    """The places a line may end inside ``address``: first the good ones (after a
    separator in BREAK_AFTER that is not followed by another, so ``https://`` keeps
    its slashes together), then the fallbacks (before a hyphen, so the hyphen starts the
    next line and is not mistaken for a hyphenation). Each is an index: the line is
    ``address[:index]``."""
    good, hyphens = [], []
    for index in range(1, len(address)):
        before, char = address[index - 1], address[index]
        if before in BREAK_AFTER and char not in BREAK_AFTER:
            good.append(index)
        elif char == "-" and before != "-":
            hyphens.append(index)
    return good, hyphens


def break_address(address: str, measure: Callable[[str], float], first: float,
                  rest: float) -> list[str]:
    """``address`` in lines: the first at most ``first`` wide, the others ``rest``
    (widths by ``measure``). Each line ends at the last good break that fits; before a
    hyphen only when no good break fits; between two letters only when neither does
    (a single unbroken name wider than the line). The first line is empty when not even
    that much fits beside what precedes the address."""
    lines: list[str] = []
    width = first
    while measure(address) > width:
        good, hyphens = address_breaks(address)
        fitting = ([i for i in good if measure(address[:i]) <= width]
                   or [i for i in hyphens if measure(address[:i]) <= width])
        if fitting:
            cut = fitting[-1]
        elif not lines and width < rest:
            lines.append("")  # start the address on a line of its own
            width = rest
            continue
        else:
            cut = _longest_prefix(address, measure, width)
        lines.append(address[:cut])
        address, width = address[cut:], rest
    return [*lines, address]


def _longest_prefix(text: str, measure: Callable[[str], float], width: float) -> int:
    """The length of the longest start of ``text`` that fits ``width`` (at least one
    character, so every line moves on)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low
