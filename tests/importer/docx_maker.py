"""Word files for the import tests, generated with python-docx (no binary fixtures).

python-docx has no call for hyperlinks, text boxes or linked pictures; those are added
as the XML Word itself writes for them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from PIL import Image, ImageDraw

URL_ESCALATION = "https://bristolsafeguarding.org/media/1176/escalation-procedure.pdf"
URL_SHARING = "https://bristolsafeguarding.org/media/1280/92info-sharing-2013-new-link.pdf"
URL_INLINE = "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"


def png(width: int = 240, height: int = 120, mode: str = "RGB") -> bytes:
    """A picture: a dark bar on a pale ground (or, in mode "1", a blank bitmap)."""
    out = io.BytesIO()
    image = Image.new(mode, (width, height), 0 if mode == "1" else "#dde6f0")
    if mode != "1":
        ImageDraw.Draw(image).rectangle((width // 8, height // 3, width * 7 // 8,
                                         height * 2 // 3), fill="#1f3a5f")
    image.save(out, "PNG")
    return out.getvalue()


def add_hyperlink(paragraph, text: str, url: str, *, bold: bool = False) -> None:
    """A hyperlink run as Word writes it: w:hyperlink with an external relationship."""
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r>{props}'
        f'<w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'))


def add_field_link(paragraph, text: str, url: str) -> None:
    """A link stored as a HYPERLINK field (begin, instruction, separate, result, end), as
    Word keeps many links pasted from web pages and older documents."""
    for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r><w:instrText xml:space="preserve"> HYPERLINK "{url}" </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>',
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f'<w:r {nsdecls("w")}>', 1)))


def add_text_box(paragraph, text: str) -> None:
    """A floating text box (the VML form Word also writes as a fallback)."""
    run = paragraph.add_run()
    run._r.append(parse_xml(
        f'<w:pict {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><v:shape>'
        f'<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
        f'</w:txbxContent></v:textbox></v:shape></w:pict>'))


def add_linked_picture(document, url: str, alt: str) -> None:
    """A picture that points at an outside address instead of being inside the file."""
    document.add_picture(io.BytesIO(png()))
    inline = document.inline_shapes[-1]._inline
    inline.docPr.set("descr", alt)
    blip = inline.find(".//" + qn("a:blip"))
    rid = document.part.relate_to(url, RT.IMAGE, is_external=True)
    del blip.attrib[qn("r:embed")]
    blip.set(qn("r:link"), rid)


def numbered_paragraph(document, text: str, style: str) -> None:
    """A Normal paragraph numbered directly (w:numPr), as pasted lists often are: it
    borrows the numbering of the template's list style."""
    numbering = document.styles[style].element.pPr.numPr
    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
        f'<w:numId w:val="{numbering.numId.val}"/></w:numPr>'))


def full_briefing(path: Path, *, picture: bytes | None = None) -> Path:
    """A briefing that uses every construct the import recognises."""
    doc = Document()
    doc.add_heading("Safeguarding Adults Review briefing", 0)
    doc.add_paragraph("Mr A", style="Subtitle")

    doc.add_heading("What happened", 1)
    p = doc.add_paragraph("Mr A lived alone. Agencies ")
    p.add_run("did not share").bold = True
    p.add_run(" what they knew, and ")
    p.add_run("nobody").italic = True
    p.add_run(" asked him why: see ")
    add_hyperlink(p, "Working together", URL_INLINE)
    p.add_run(".")
    doc.add_paragraph("Review dates: 2019–2020 # not a comment; - not a list; key: value.")
    doc.add_picture(io.BytesIO(picture or png()), width=Mm(80))
    doc.inline_shapes[-1]._inline.docPr.set("descr", "Timeline of contacts with Mr A")

    bold_caps = doc.add_paragraph().add_run("WHAT WE HAVE LEARNT FROM THE SAR")
    bold_caps.bold = True
    doc.add_paragraph("Record facts accurately.", style="List Bullet")
    doc.add_paragraph("Share information promptly.", style="List Bullet")
    doc.add_paragraph("• A bullet pasted from another program")
    doc.add_paragraph("Agree who will go back, and when.", style="List Number")
    numbered_paragraph(doc, "Record how you reached your view.", "List Number")

    heading = doc.add_paragraph().add_run("Now in Bristol")
    heading.bold = True
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    cell.paragraphs[0].add_run("Remember").bold = True
    cell.add_paragraph("Bristol now has a Multi Agency Safeguarding Hub (MASH).")
    doc.add_paragraph("Nobody ever asked him why.", style="Quote")
    doc.add_paragraph("— Mr A’s sister", style="Quote")

    grid = doc.add_table(rows=2, cols=2)
    grid.cell(0, 0).text, grid.cell(0, 1).text = "Agency", "Contacts"
    grid.cell(1, 0).text, grid.cell(1, 1).text = "GP surgery", "14"
    add_text_box(doc.add_paragraph("A note beside a box."), "Text in a floating box")

    doc.add_heading("Guidance", 1)
    add_hyperlink(doc.add_paragraph(), "BSCB escalation procedure", URL_ESCALATION)
    doc.add_paragraph("What to do when professionals disagree")
    add_hyperlink(doc.add_paragraph(style="List Bullet"), "BSCB information sharing",
                  URL_SHARING)

    doc.add_heading("Feedback, suggestions and ideas", 1)
    doc.add_paragraph("Tell us how you have used this briefing:")
    add_hyperlink(email := doc.add_paragraph("Email: "), "sab@example.org",
                  "mailto:sab@example.org")
    assert email
    doc.add_paragraph("Twitter: @ExampleSAB")
    doc.add_paragraph("Website: https://www.example.org/sab/contact")
    doc.add_paragraph("Phone: 0117 496 0123")
    doc.add_paragraph("Thank you for your help.")
    doc.save(path)
    return path


def rewrite_part(source: Path, target: Path, part: str, data: bytes) -> Path:
    """A copy of a .docx with one part replaced (for XML tricks)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, data if info.filename == part else old.read(info))
    return target
