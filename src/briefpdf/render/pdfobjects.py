"""PDF objects briefpdf writes itself, in one go: many small dictionaries (structure
elements, link annotations) formatted by ReportLab's general ``PDFDictionary`` cost more
than laying out the page they belong to."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObject, PDFObjectReference
from reportlab.pdfbase.pdfdoc import format as pdf_format


class Compact(PDFObject):
    """A PDF dictionary (or, given a list, an array) written in one go.

    A structure tree has hundreds of small objects; ReportLab's general
    ``PDFDictionary`` formats each key and value through several layers, which made
    writing the tree cost more than laying out the page. Keys here are fixed ASCII
    names; values are ints, names (``Name("P")``), lists, other Compacts or any
    ReportLab object (references, strings, pages), which ReportLab formats.
    """

    def __init__(self, entries: dict[str, Any] | list[Any]) -> None:
        self.entries = entries

    def __setitem__(self, key: str, value: Any) -> None:
        self.entries[key] = value  # type: ignore[index]

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def format(self, document: Any) -> bytes:
        if isinstance(self.entries, list):
            return b"[" + b" ".join([_value(v, document) for v in self.entries]) + b"]"
        return b"<<" + b" ".join([Name(k) + b" " + _value(v, document)
                                  for k, v in self.entries.items()]) + b">>"


_NAMES: dict[str, bytes] = {}


def Name(name: str) -> bytes:  # noqa: N802 - reads like the PDF type it makes
    """A PDF name known to be plain ASCII (a key, a role, a type), written as is."""
    found = _NAMES.get(name)
    if found is None:
        found = _NAMES[name] = b"/" + name.encode("ascii")
    return found


def _value(value: Any, document: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, int):
        return b"%d" % value
    if isinstance(value, list):
        return Compact(value).format(document)
    if type(value) is PDFObjectReference:
        return b"%d %d R" % document.idToObjectNumberAndVersion[value.name]
    return pdf_format(value, document)
