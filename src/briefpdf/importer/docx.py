"""Word (.docx) with python-docx, after the package itself has been checked.

A .docx is a zip of XML files. Before python-docx opens it, the zip is checked against
the limits (entries, unpacked size) and every XML part is refused if it declares a
document type (``<!DOCTYPE``, ``<!ENTITY``): Word never writes one, and it is how XML
entity tricks (billion laughs, external entities) start. python-docx's own parser
(lxml) does not resolve entities or reach the network either.

What is read: Title/Subtitle/Heading/Quote styles, bold or capitals paragraphs as
headings, bulleted and numbered lists (list styles, Word numbering, pasted bullets),
bold/italic, hyperlinks, pictures with their alt text, a one-cell table as a callout.
Other tables and text boxes are kept as comments; linked (not embedded) pictures are
reported and never fetched.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from briefpdf.importer.blocks import Block, Note, Read, fail, is_all_caps, looks_like_heading
from briefpdf.importer.inline import to_markdown
from briefpdf.model.inline import Span

MAX_ENTRIES = 5_000
MAX_UNPACKED_BYTES = 200_000_000
"""All the parts of a .docx unpacked (the text of a long report is a few megabytes)."""
MAX_PARAGRAPHS = 20_000
EMU_PER_MM = 36_000
"""Word sizes drawings in English Metric Units."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_PASTED_BULLET = re.compile(r"^\s*[•·▪◦‣\u2022]\s*")
_WORD_MAIN = (b"wordprocessingml.document.main", b"ms-word.document.macroEnabled.main",
              b"wordprocessingml.template.main")


def w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def read_docx(raw: bytes, name: str) -> Read:
    """The blocks of a Word document; InputError naming ``name`` for a bad file."""
    _check_package(raw, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # noqa: BLE001 - any failure inside the package is "damaged"
        raise fail(name, "the Word file is damaged and cannot be read "
                         f"({type(exc).__name__}); open it in Word and save it again") from None
    return _Reader(document, name).read()


def _check_package(raw: bytes, name: str) -> None:
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
        infos = package.infolist()
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError):
        raise fail(name, "the file is damaged or incomplete (it is not a readable .docx); "
                         "open it in Word and save it again") from None
    if len(infos) > MAX_ENTRIES:
        raise fail(name, f"the file holds {len(infos):,} parts, over the limit of "
                         f"{MAX_ENTRIES:,}; it is not an ordinary Word document")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise fail(name, f"the document unpacks to {unpacked:,} bytes, over the limit of "
                         f"{MAX_UNPACKED_BYTES:,}; make the pictures smaller or split it")
    names = {info.filename for info in infos}
    try:
        types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        if not any(marker in types for marker in _WORD_MAIN):
            kind = ("a PowerPoint file" if b"presentationml" in types else
                    "an Excel file" if b"spreadsheetml" in types else
                    "a zip file that is not a Word document")
            raise fail(name, f"this is {kind}; briefpdf imports Word documents (.docx), "
                             "Markdown (.md) and text (.txt)")
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):
                data = package.read(info)
                if data.startswith((b"\xff\xfe", b"\xfe\xff")):
                    data = data.decode("utf-16", "replace").encode("utf-8")
                if _DTD.search(data):
                    raise fail(name, f"{info.filename} inside the document declares XML "
                                     "entities or a document type, which Word never writes "
                                     "(it is a known way to attack XML readers); open the "
                                     "file in Word and save it again")
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise fail(name, "the file is damaged or incomplete (a part of it cannot be "
                         "unpacked); open it in Word and save it again") from None


class _Reader:
    def __init__(self, document, name: str):
        self.document = document
        self.name = name
        self.out = Read()
        self.paragraphs = 0
        self.tables = 0
        self.quote: Block | None = None

    def read(self) -> Read:
        self._body(self.document.element.body)
        return self.out

    def _body(self, element) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in element.iterchildren():
            if child.tag == w("p"):
                self.paragraphs += 1
                if self.paragraphs > MAX_PARAGRAPHS:
                    raise fail(self.name, f"the document has more than {MAX_PARAGRAPHS:,} "
                                          "paragraphs; split it into several briefings")
                self._paragraph(Paragraph(child, self.document._body))
            elif child.tag == w("tbl"):
                self.tables += 1
                self.quote = None
                self._table(Table(child, self.document._body))
            elif child.tag == w("sdt"):  # a content control: its content is ordinary text
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._body(content)

    # ---- paragraphs -----------------------------------------------------------------
    def _paragraph(self, paragraph) -> None:
        where = f"paragraph {self.paragraphs}"
        runs, extras = self._runs(paragraph, where)
        text, exact = to_markdown(runs)
        if not exact:
            self.out.notes.append(Note(where, "the text has * _ [ or < that briefpdf reads as "
                                              "formatting and cannot escape; check how it "
                                              "prints"))
        style = _style_names(paragraph)
        plain = "".join(r.text for r in runs).strip()
        if text:
            self._place(paragraph, text, plain, runs, style, where)
        for block in extras:
            self.out.blocks.append(block)

    def _place(self, paragraph, text: str, plain: str, runs: list[Span], style: set[str],
               where: str) -> None:
        blocks = self.out.blocks
        if style & {"quote", "intensequote", "intense quote"}:
            if self.quote is not None and self.quote is (blocks[-1] if blocks else None):
                if re.match(r"^[—–-]\s*\S", plain):
                    self.quote.title = re.sub(r"^[—–-]\s*", "", text)
                else:
                    self.quote.text += " " + text
                return
            self.quote = Block("quote", text, where)
            blocks.append(self.quote)
            return
        self.quote = None
        if style & {"title"}:
            blocks.append(Block("title", text, where))
        elif style & {"subtitle"}:
            blocks.append(Block("subtitle", text, where))
        elif any(re.fullmatch(r"heading ?\d", s) for s in style):
            blocks.append(Block("heading", text, where))
        elif (ordered := self._list_kind(paragraph, style)) is not None:
            blocks.append(Block("item", text, where, ordered=ordered))
        elif _PASTED_BULLET.match(text):
            blocks.append(Block("item", _PASTED_BULLET.sub("", text), where))
        elif looks_like_heading(plain) and (
                _all_bold(runs, paragraph) or is_all_caps(plain)):
            blocks.append(Block("heading", plain, where))
        else:
            blocks.append(Block("para", text, where))

    def _runs(self, paragraph, where: str) -> tuple[list[Span], list[Block]]:
        """The paragraph's formatted text, in order, and the pictures and text boxes in
        it (placed after its text)."""
        from docx.text.run import Run as DocxRun

        runs: list[Span] = []
        extras: list[Block] = []
        field = _Field()

        def visit(element, href: str | None) -> None:
            for child in element.iterchildren():
                tag = child.tag
                if tag == w("r"):
                    if field.step(child):
                        continue
                    run = DocxRun(child, paragraph)
                    bold, italic = _formatting(run)
                    text = run.text
                    if text:
                        runs.append(Span(text, bold, italic, href or field.href))
                    extras.extend(self._drawings(child, paragraph, where))
                elif tag == w("hyperlink"):
                    visit(child, self._address(child, paragraph) or href)
                elif tag == w("fldSimple"):
                    visit(child, _field_address(child.get(w("instr"), "")) or href)
                elif tag in (w("ins"), w("smartTag"), w("customXml")):
                    visit(child, href)
                elif tag == w("sdt"):
                    content = child.find(w("sdtContent"))
                    if content is not None:
                        visit(content, href)

        visit(paragraph._p, None)
        return runs, extras

    @staticmethod
    def _address(link, paragraph) -> str | None:
        rid = link.get(f"{{{_R}}}id")
        if not rid:
            return None
        rel = paragraph.part.rels.get(rid)
        address = rel.target_ref if rel is not None and rel.is_external else ""
        anchor = link.get(w("anchor"))
        if address and anchor:
            address += "#" + anchor
        return address or None

    def _drawings(self, run, paragraph, where: str) -> list[Block]:
        """Pictures (with alt text) and text boxes inside a run."""
        from briefpdf.importer.images import image_block

        found: list[Block] = []
        boxes: list[str] = []
        for box in run.iter(w("txbxContent")):
            text = "\n".join("".join(t.text or "" for t in p.iter(w("t")))
                             for p in box.iter(w("p"))).strip()
            if text and text not in boxes:
                boxes.append(text)
        for text in boxes:
            found.append(Block("unplaced", text, where, what="a text box"))
        for drawing in run.iter(w("drawing")):
            if any(True for _ in drawing.iter(w("txbxContent"))):
                continue
            doc_pr = next(drawing.iter(f"{{{_WP}}}docPr"), None)
            alt = (doc_pr.get("descr") or "") if doc_pr is not None else ""
            blip = next(drawing.iter(f"{{{_A}}}blip"), None)
            if blip is None:
                found.append(Block("unplaced", alt, where, what="a drawing or chart"))
                continue
            embed = blip.get(f"{{{_R}}}embed")
            link = blip.get(f"{{{_R}}}link")
            if not embed:
                rel = paragraph.part.rels.get(link) if link else None
                target = rel.target_ref if rel is not None else "an outside file"
                self.out.notes.append(Note(where, f"a picture linked to {target} (not "
                                                  "inside the document) was not fetched; "
                                                  "in Word, insert the picture itself"))
                continue
            part = paragraph.part.related_parts.get(embed)
            if part is None:
                continue
            block = image_block(part.blob, alt, where, self.name)
            if isinstance(block, Note):
                self.out.notes.append(block)
            else:
                extent = next(drawing.iter(f"{{{_WP}}}extent"), None)
                millimetres = round(int(extent.get("cx", "0")) / EMU_PER_MM) if (
                    extent is not None and extent.get("cx", "").isdigit()) else 0
                block.width = f"{millimetres}mm" if millimetres > 0 else ""
                found.append(block)
        return found

    def _list_kind(self, paragraph, style: set[str]) -> bool | None:
        """True for a numbered item, False for a bulleted one, None for no list."""
        if any("list bullet" in s for s in style):
            return False
        if any("list number" in s for s in style):
            return True
        num = _num_pr(paragraph)
        if num is None:
            return None
        num_id, level = num
        if num_id == "0":
            return None
        fmt = self._number_format(num_id, level)
        if fmt in (None, "none"):
            return False if fmt is None else None
        return fmt != "bullet"

    def _number_format(self, num_id: str, level: str) -> str | None:
        try:
            numbering = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return None
        found = numbering.xpath(f'w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not found:
            return None
        formats = numbering.xpath(f'w:abstractNum[@w:abstractNumId="{found[0]}"]'
                                  f'/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val')
        return str(formats[0]) if formats else None

    # ---- tables ---------------------------------------------------------------------
    def _table(self, table) -> None:
        where = f"table {self.tables}"
        rows = table._tbl.tr_lst
        if len(rows) == 1 and len(rows[0].tc_lst) == 1:
            cell = table.cell(0, 0)
            if not cell.tables:
                self._callout(cell, where)
                return
        lines = []
        for row in table.rows:
            cells = []
            for cell in row.cells:
                text = " ".join(cell.text.split())
                if not cells or text != cells[-1]:  # merged cells repeat
                    cells.append(text)
            lines.append(" | ".join(cells))
        what = f"a table of {len(rows)} rows" if len(rows) != 1 else "a table of one row"
        self.out.blocks.append(Block("unplaced", "\n".join(lines), where, what=what))

    def _callout(self, cell, where: str) -> None:
        """A boxed one-cell table: a callout; a short bold first line is its title."""
        texts: list[str] = []
        title = ""
        for index, paragraph in enumerate(cell.paragraphs):
            runs, extras = self._runs(paragraph, where)
            for block in extras:
                self.out.blocks.append(block)
            text, _ = to_markdown(runs)
            if not text:
                continue
            plain = "".join(r.text for r in runs).strip()
            if (index == 0 and len(cell.paragraphs) > 1 and looks_like_heading(plain)
                    and (_all_bold(runs, paragraph) or any(
                        re.fullmatch(r"heading ?\d", s) for s in _style_names(paragraph)))):
                title = plain
                continue
            texts.append(text)
        if texts:
            self.out.blocks.append(Block("callout", " ".join(texts), where, title=title))
        elif title:
            self.out.blocks.append(Block("callout", title, where))


class _Field:
    """A field written as runs (begin, instruction, separate, result, end), as Word
    stores many links pasted from elsewhere: ``HYPERLINK "https://…"``. The result's
    runs are the link's words; the instruction is never shown."""

    def __init__(self):
        self.depth = 0
        self.instruction = ""
        self.in_result = False
        self.href: str | None = None

    def step(self, run) -> bool:
        """Follow the field through ``run``; True when the run holds no shown text."""
        mark = run.find(w("fldChar"))
        if mark is not None:
            kind = mark.get(w("fldCharType"))
            if kind == "begin":
                self.depth += 1
                if self.depth == 1:
                    self.instruction, self.in_result = "", False
            elif kind == "separate" and self.depth == 1:
                self.in_result = True
                self.href = _field_address(self.instruction)
            elif kind == "end" and self.depth:
                self.depth -= 1
                if not self.depth:
                    self.href, self.in_result = None, False
            return True
        if self.depth and not self.in_result:
            self.instruction += "".join(t.text or "" for t in run.iter(w("instrText")))
            return True
        return False


def _field_address(instruction: str) -> str | None:
    """The address of a ``HYPERLINK "…"`` field (``\\l "anchor"`` links inside the
    document are not web links)."""
    match = re.match(r'\s*HYPERLINK\s+"([^"]+)"', instruction)
    return match.group(1) if match else None


def _style_names(paragraph) -> set[str]:
    """The paragraph style's name and id (and its base styles'), in lower case."""
    names: set[str] = set()
    style = paragraph.style
    depth = 0
    while style is not None and depth < 5:
        names.update(n.lower() for n in (style.name, style.style_id) if n)
        style = style.base_style
        depth += 1
    return names


def _formatting(run) -> tuple[bool, bool]:
    """Bold and italic of a run, from the run or its character style."""
    bold, italic = run.bold, run.italic
    style = run.style if run.element.rPr is not None and run.element.rPr.rStyle is not None \
        else None
    if style is not None:
        bold = style.font.bold if bold is None else bold
        italic = style.font.italic if italic is None else italic
    return bool(bold), bool(italic)


def _all_bold(runs: list[Span], paragraph) -> bool:
    """Every visible character is bold (by the runs, or by the paragraph's style)."""
    visible = [r for r in runs if r.text.strip()]
    if not visible:
        return False
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return all(r.bold for r in visible) or (style_bold and not any(r.href for r in visible))


def _num_pr(paragraph) -> tuple[str, str] | None:
    """(numId, level) of the paragraph's numbering, from itself or its style."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None and len(candidates) < 6:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        num = ppr.numPr if ppr is not None else None
        if num is not None and num.numId is not None:
            level = num.ilvl.val if num.ilvl is not None else 0
            return str(num.numId.val), str(level)
    return None
