"""XMP metadata: title, author, subject, keywords, language and the PDF/UA identification.

PDF/UA-1 (ISO 14289-1, clause 5) asks for ``pdfuaid:part`` = 1 in the XMP packet,
and the title there should agree with the document information dictionary.
The packet is plain XML built here (every value escaped), with no dates, so
it is the same for the same input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream

from briefpdf.compose.markup import escape  # xml.sax.saxutils' escape, without its imports


@dataclass
class DocumentFacts:
    """What the catalogue and metadata say about the document."""

    title: str
    language: str
    author: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    producer: str = ""
    creator: str = ""

_PACKET = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
{optional}   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{producer}</pdf:Producer>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def xmp_packet(facts: DocumentFacts) -> bytes:
    """The XMP packet for a document."""
    optional = ""
    if facts.author:
        optional += (f"   <dc:creator><rdf:Seq><rdf:li>{escape(facts.author)}</rdf:li>"
                     "</rdf:Seq></dc:creator>\n")
    if facts.subject:
        optional += (f'   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
                     f"{escape(facts.subject)}</rdf:li></rdf:Alt></dc:description>\n")
    if facts.keywords:
        items = "".join(f"<rdf:li>{escape(k)}</rdf:li>" for k in facts.keywords)
        optional += f"   <dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject>\n"
        optional += f"   <pdf:Keywords>{escape(', '.join(facts.keywords))}</pdf:Keywords>\n"
    return _PACKET.format(title=escape(facts.title), language=escape(facts.language),
                          producer=escape(facts.producer), creator=escape(facts.creator),
                          optional=optional).encode("utf-8")


def add_xmp(pdf: Any, facts: DocumentFacts) -> None:
    """Attach the XMP packet to the catalogue of ReportLab's document ``pdf``
    (uncompressed, as XMP readers expect)."""
    info = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    pdf.Catalog.Metadata = PDFStream(info, xmp_packet(facts))
