"""Fixture files made at test time (no binaries are committed): Word and PDF agreements, and hostile files."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from pathlib import Path

CJK_FONT = "Noto Sans CJK SC"


# ---------------------------------------------------------------- agreements


def write_docx(path: Path, lines: list[str], *, table: slice, header: str = "", footer: str = "") -> Path:
    """`lines` as Word paragraphs, except `lines[table]`, which go two to a table row (tab-joined on reading)."""
    import docx

    document = docx.Document()
    tabled = lines[table]
    for line in lines[: table.start]:
        document.add_paragraph(line)
    grid = document.add_table(rows=0, cols=2)
    for index in range(0, len(tabled), 2):
        cells = grid.add_row().cells
        cells[0].text = tabled[index]
        cells[1].text = tabled[index + 1] if index + 1 < len(tabled) else ""
    for line in lines[table.stop :]:
        document.add_paragraph(line)
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    document.save(str(path))
    return path


def write_text_pdf(path: Path, paragraphs: list[str], *, point_size: float = 11, family: str = CJK_FONT) -> Path:
    """Lay paragraphs out on A5 pages with Qt, as a word processor's "Save as PDF" would; no page numbers.

    Needs a QGuiApplication (pytest-qt's `qapp`). Pages are painted one by one rather than with
    QTextDocument.print_, which adds page numbers.
    """
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setResolution(300)
    # No writer margins: the document's own margin repeats on every page, so anything Qt draws (clipped)
    # beyond a page's text area lands outside the page, as a word processor's output would.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    document = QTextDocument()
    document.setDocumentMargin(15 / 25.4 * writer.resolution())
    font = QFont(family)
    font.setPointSizeF(point_size * writer.resolution() / 72)  # the painter works in device pixels
    document.setDefaultFont(font)
    document.setPlainText("\n".join(paragraphs))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    painter = QPainter(writer)
    try:
        for page in range(document.pageCount()):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * rect.height())
            document.drawContents(painter, QRectF(0, page * rect.height(), rect.width(), rect.height()))
            painter.restore()
    finally:
        painter.end()
    return path


def many_page_pdf(path: Path, pages: int) -> Path:
    """Blank pages, cheaply: enough to test the page limit, not the text."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(200, 200)
    pdf.save(str(path))
    pdf.close()
    return path


# ---------------------------------------------------------------- a password-protected PDF, by hand

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def encrypted_pdf(path: Path, *, user_password: str = "secret", owner_password: str = "owner") -> Path:
    """A one-page PDF under the standard security handler, revision 2 (40-bit RC4), PDF 1.7 section 7.6.

    pypdfium2 cannot encrypt and no qpdf/pikepdf is installed; revision 2 is small enough to write here.
    """
    file_id = hashlib.md5(b"tickler-test").digest()
    permissions = -4  # all permitted: the point is the password, not the restrictions
    owner_key = hashlib.md5((owner_password.encode() + _PAD)[:32]).digest()[:5]
    o_entry = _rc4(owner_key, (user_password.encode() + _PAD)[:32])
    key = hashlib.md5(
        (user_password.encode() + _PAD)[:32] + o_entry + struct.pack("<i", permissions) + file_id
    ).digest()[:5]
    u_entry = _rc4(key, _PAD)

    def object_key(number: int) -> bytes:
        return hashlib.md5(key + struct.pack("<i", number)[:3] + b"\x00\x00").digest()[:10]

    content = _rc4(object_key(4), b"BT /F1 24 Tf 72 700 Td (Confidential agreement) Tj ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + o_entry.hex().encode()
        + b"> /U <"
        + u_entry.hex().encode()
        + b"> /P %d >>" % permissions,
    ]
    return write_pdf(path, objects, trailer=b"/Encrypt 6 0 R /ID [<%s> <%s>]" % ((file_id.hex().encode(),) * 2))


def write_pdf(path: Path, objects: list[bytes], *, trailer: bytes = b"") -> Path:
    """A PDF file of `objects` (numbered from 1, the first the catalog) with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


# ---------------------------------------------------------------- hostile Word files


def _docx_bytes(text: str = "本协议自双方签字之日起生效。") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rewrite_docx(path: Path, *, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> Path:
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(io.BytesIO(_docx_bytes())) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, data in add.items():
            out.writestr(name, data)
    return path


def plain_docx(path: Path, text: str = "本协议自双方签字之日起生效。") -> Path:
    path.write_bytes(_docx_bytes(text))
    return path


def zip_bomb_docx(path: Path, *, megabytes: int = 64) -> Path:
    """A valid Word file plus a part of zeros that inflates about 1000:1."""
    rewrite_docx(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as out, out.open("word/media/image1.png", "w") as member:
        chunk = bytes(1 << 20)
        for _ in range(megabytes):
            member.write(chunk)
    return path


def entity_docx(path: Path) -> Path:
    """word/document.xml opening with a "billion laughs" DTD."""
    laughs = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<!DOCTYPE w:document [\n <!ENTITY lol "lol">\n'
        + b"".join(
            b' <!ENTITY lol%d "%s">\n' % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
            for level in range(1, 10)
        )
        + b"]>\n"
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return rewrite_docx(path, replace={"word/document.xml": laughs})


def macro_docx(path: Path) -> Path:
    return rewrite_docx(path, add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really VBA"})


def zip_without_word(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("readme.txt", "just a zip")
    return path


def windows_program() -> bytes:
    """The start of a PE executable: DOS stub header, PE signature, some code-like bytes."""
    header = bytearray(b"MZ" + bytes(58) + struct.pack("<I", 64))
    header += b"PE\x00\x00" + bytes(20) + b"This program cannot be run in DOS mode.\r\r\n$" + bytes(4000)
    return bytes(header)


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that are only an image (a scan without a text layer), drawn with PIL and placed by pdfium."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    from PIL import Image, ImageDraw

    pdf = pdfium.PdfDocument.new()
    for number in range(pages):
        picture = Image.new("RGB", (420, 595), "white")
        ImageDraw.Draw(picture).text((40, 40), f"scanned page {number + 1}", fill="black")
        page = pdf.new_page(420, 595)
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(pdfium.PdfBitmap.from_pil(picture))
        image.set_matrix(pdfium.PdfMatrix().scale(420, 595))
        page.insert_obj(image)
        page.gen_content()
    pdf.save(str(path))
    pdf.close()
    return path
