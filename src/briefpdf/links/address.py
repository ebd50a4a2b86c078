"""Link addresses two ways: the exact URI a PDF annotation (or QR code) carries, and
the readable text printed on paper.

Addresses are kept in the model as typed (``www.`` already made ``https://``).
Only when they are written into the PDF are they made valid URIs: spaces and
non-ASCII characters percent-encoded (UTF-8), international host names in IDNA,
``%XX`` sequences that are already there left alone.
"""

from __future__ import annotations

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
