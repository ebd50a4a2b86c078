"""Bad files fail cleanly: the file name in the message, exit status 1, nothing written,
and never a network access (pictures and entities point at a loopback server that
counts requests)."""

from __future__ import annotations

import http.server
import io
import threading
import zipfile

import pytest
from docx_maker import add_linked_picture, full_briefing, png, rewrite_part

from conftest import serving


def _nothing_written(project) -> None:
    written = [p for p in (project.root / "briefings").rglob("*") if p.is_file()]
    assert written == [], written


def _fails(project, name: str, *expected: str) -> str:
    result = project.run("import", name)
    assert result.code == 1, (result.out, result.err)
    assert "Traceback" not in result.err
    assert result.err.startswith(f"{name}:1:1: "), result.err
    for words in expected:
        assert words in result.err, result.err
    _nothing_written(project)
    return result.err


class _Counting(http.server.ThreadingHTTPServer):
    """A loopback server that counts every request it is sent."""

    def __init__(self):
        self.requests = 0
        self.release = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the stdlib's name
                server.requests += 1
                self.send_response(200)
                self.end_headers()
                self.wfile.write(png())

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def test_empty_file(project):
    project.write("empty.docx", b"")
    _fails(project, "empty.docx", "the file is empty")


def test_corrupt_docx(project):
    whole = full_briefing(project.root / "whole.docx").read_bytes()
    project.write("broken.docx", whole[: len(whole) // 2])
    _fails(project, "broken.docx", "damaged", "save it again")
    project.write("noise.docx", bytes(range(256)) * 40)
    _fails(project, "noise.docx", "damaged")


def test_old_binary_doc(project):
    project.write("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    _fails(project, "old.doc", "old Word document (.doc)", "save it as .docx")


def test_password_protected(project):
    """Word saves an encrypted .docx as an OLE compound file holding EncryptedPackage."""
    body = b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 3000
    project.write("secret.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + body)
    _fails(project, "secret.docx", "protected with a password")


def test_zip_that_is_not_word(project):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("notes/readme.txt", "hello")
    project.write("archive.docx", buffer.getvalue())
    _fails(project, "archive.docx", "a zip file that is not a Word document")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", '<Types><Override ContentType="application/'
                         'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                         "</Types>")
    project.write("sheet.docx", buffer.getvalue())
    _fails(project, "sheet.docx", "an Excel file")


def test_other_formats_are_named(project):
    project.write("brief.pdf", b"%PDF-1.7\n" + b"x" * 100)
    _fails(project, "brief.pdf", "cannot read .pdf files", "save it as .docx")
    project.write("binary.txt", b"abc\x00\x01\x02" * 50)
    _fails(project, "binary.txt", "binary file")


def test_billion_laughs_is_refused(project):
    source = full_briefing(project.root / "source.docx")
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(laughs) + "]>"
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
           'main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    rewrite_part(source, project.root / "laughs.docx", "word/document.xml", xml.encode())
    _fails(project, "laughs.docx", "word/document.xml", "declares XML entities")


def test_external_entity_is_refused_and_never_fetched(project):
    source = full_briefing(project.root / "source.docx")
    with serving(_Counting()) as server:
        xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY ext SYSTEM '
               f'"{server.url}/secret">]><w:document xmlns:w="http://schemas.openxmlformats.'
               'org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&ext;</w:t></w:r>'
               "</w:p></w:body></w:document>")
        rewrite_part(source, project.root / "xxe.docx", "word/document.xml", xml.encode())
        _fails(project, "xxe.docx", "declares XML entities")
        assert server.requests == 0


def test_linked_picture_is_reported_and_never_fetched(project):
    from docx import Document

    with serving(_Counting()) as server:
        document = Document()
        document.add_heading("Linked picture briefing", 0)
        document.add_heading("What happened", 1)
        document.add_paragraph("Some text.")
        add_linked_picture(document, f"{server.url}/timeline.png", "Timeline")
        document.save(project.root / "linked.docx")
        result = project.run("import", "linked.docx")
        assert server.requests == 0
    assert result.code == 0, result.err
    assert f"a picture linked to {server.url}/timeline.png" in result.out
    assert "was not fetched" in result.out
    assert not (project.root / "briefings" / "assets").exists()
    project.build("linked")


def test_huge_picture_is_refused(project):
    from docx import Document

    document = Document()
    document.add_heading("Big picture", 0)
    document.add_picture(io.BytesIO(png(10_000, 9_000, mode="1")))
    document.save(project.root / "big.docx")
    _fails(project, "big.docx", "10000×9000 pixels", "over the limit of 40 megapixels")


def test_huge_document_is_refused(project, monkeypatch):
    """The unpacked size is checked before anything is unpacked (the limit is lowered here
    so the test needs no 200 MB file)."""
    from briefpdf.cli import main
    from briefpdf.importer import docx as reader

    full_briefing(project.root / "long.docx")
    monkeypatch.setattr(reader, "MAX_UNPACKED_BYTES", 10_000)
    monkeypatch.chdir(project.root)
    assert main(["import", "long.docx"]) == 1
    _nothing_written(project)


def test_zip_bomb_member_is_refused_from_its_header(project):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "wordprocessingml.document.main")
        package.writestr("word/document.xml", b"\x00" * 210_000_000)
    project.write("bomb.docx", buffer.getvalue())
    _fails(project, "bomb.docx", "unpacks to 210,000,", "over the limit")


def test_never_overwrites_without_force(project):
    full_briefing(project.root / "mr-a.docx")
    existing = project.briefing("mr-a", "title: Mine\nsections:\n  - heading: Kept\n")
    result = project.run("import", "mr-a.docx")
    assert result.code == 1
    assert "briefings/mr-a.yaml already exists; add --force" in result.err
    assert existing.read_text() == "title: Mine\nsections:\n  - heading: Kept\n"
    assert not (project.root / "briefings" / "assets").exists()
    forced = project.run("import", "mr-a.docx", "--force")
    assert forced.code == 0, forced.err
    assert "Safeguarding Adults Review briefing" in existing.read_text()


def test_never_writes_over_a_file_that_is_not_yaml(project):
    full_briefing(project.root / "mr-a.docx")
    project.write("briefings/mr-a.yaml", png())
    result = project.run("import", "mr-a.docx", "--force")
    assert result.code == 1
    assert "is not a YAML file; it is not replaced, even with --force" in result.err
    assert (project.root / "briefings" / "mr-a.yaml").read_bytes() == png()


def test_one_bad_file_does_not_stop_the_others(project):
    full_briefing(project.root / "good.docx")
    project.write("empty.txt", b"")
    result = project.run("import", "empty.txt", "good.docx")
    assert result.code == 1
    assert "empty.txt:1:1: the file is empty" in result.err
    assert (project.root / "briefings" / "good.yaml").is_file()


@pytest.mark.parametrize("style", ["nosuch"])
def test_unknown_style_writes_nothing(project, style):
    full_briefing(project.root / "mr-a.docx")
    result = project.run("import", "mr-a.docx", "--style", style)
    assert result.code == 1
    assert "no style named 'nosuch'" in result.err
    _nothing_written(project)
