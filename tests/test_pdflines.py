"""PDF lines: probing a few characters' boxes gives the lines that asking every character's box gives."""

from __future__ import annotations

from pathlib import Path

import docgen
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
import pytest

from obligations.documents import pdflines
from obligations.documents.dewrap import Line

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

PARAGRAPHS = [
    "技术服务合同",
    "第一条 服务内容。乙方应当在收到甲方书面通知后30日内完成系统的安装、调试和验收，并提供为期十二个月的免费维护。",
    "第二条 付款方式。甲方应于每月账单日起15日内支付上月服务费；逾期付款的，每逾期一日按未付金额的万分之五支付违约金。",
    "SECTION 4. PAYMENT",
    "Licensee shall pay each invoice within thirty (30) days after receipt, and any amount not paid when due shall "
    "bear interest at one percent per month. Either party may terminate this Agreement upon ninety (90) days' prior "
    "written notice to the other party.",
    "(a) Short item.",
    "第三条 保密。双方对在履行本合同过程中知悉的对方商业秘密负有保密义务，保密期限为本合同终止后三年。",
] * 4  # long enough to run over page breaks, where Qt repeats a split line outside the page


def every_character(page: object, textpage: object) -> list[Line]:
    """The slow path over the whole page: every character's box asked and every decision taken on it."""
    exact = pdflines._Exact(pdflines._Probe(page, textpage))
    exact.feed(0, max(pdfium_c.FPDFText_CountChars(textpage.raw), 0))  # type: ignore[attr-defined]
    exact.finish()
    return exact.lines


def lines_both_ways(path: Path) -> list[tuple[list[Line], list[Line]]]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append((pdflines.page_lines(page, textpage), every_character(page, textpage)))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def rotated(path: Path, degrees: int) -> Path:
    """The same pages shown turned by /Rotate, their content turned the other way: they read as before."""
    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        page = pdf[index]
        width, height = page.get_size()
        turn = pdfium.PdfMatrix().rotate(-degrees)
        corners = [turn.on_point(x, y) for x, y in ((0, 0), (width, 0), (0, height), (width, height))]
        left, bottom = min(x for x, _ in corners), min(y for _, y in corners)
        right, top = max(x for x, _ in corners), max(y for _, y in corners)
        turn = turn.translate(-left, -bottom)
        for drawn in list(page.get_objects()):
            drawn.transform(turn)
        page.gen_content()
        page.set_mediabox(0, 0, right - left, top - bottom)
        page.set_cropbox(0, 0, right - left, top - bottom)
        page.set_rotation(degrees)
    out = path.with_name(f"{path.stem}-{degrees}.pdf")
    pdf.save(str(out))
    pdf.close()
    return out


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("family", [docgen.CJK_FONT, "DejaVu Serif"])
def test_probed_lines_equal_every_character(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, family: str, rotation: int
) -> None:
    path = docgen.write_text_pdf(tmp_path / "agreement.pdf", PARAGRAPHS, family=family)
    upright = [[line.text for line in reference] for _, reference in lines_both_ways(path)]
    if rotation:
        path = rotated(path, rotation)
    pages = lines_both_ways(path)
    assert len(pages) >= 3
    assert [line.text for line in pages[0][1]] == upright[0]  # turned pages read as before
    for probed, reference in pages:
        assert probed == reference  # text and geometry, to the last bit
    calls = 0
    box = pdflines._Probe.box

    def counted(self: pdflines._Probe, index: int) -> pdflines.Box | None:
        nonlocal calls
        calls += 1
        return box(self, index)

    monkeypatch.setattr(pdflines._Probe, "box", counted)
    pdf = pdfium.PdfDocument(str(path))
    for index in range(len(pdf)):
        page = pdf[index]
        pdflines.page_lines(page, page.get_textpage())
    pdf.close()
    characters = sum(len(line.text) for probed, _ in pages for line in probed)
    assert calls < characters / 4  # measured: a box for 1 character in 10 (Chinese) or 6 (English), not every one


def character_spaced_pdf(path: Path) -> Path:
    """A page written the way ghostscript justifies groff's lines: the gap after "6" is character spacing
    (Tc) inside one text object, which pdfium does not report as a space ("6shall")."""
    content = (
        b"BT /F1 11 Tf 13 TL 72 700 Td (Licensee shall pay each invoice within thirty days.) Tj\n"
        b"11.7 Tc (6s) ' 0 Tc 24.9 0 Td (hall survive the end of this Agreement.) Tj\n"
        b"-24.9 -13 Td (1.) Tj 30 0 Td (Grant of licence.) Tj ET\n"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    ]
    return docgen.write_pdf(path, objects)


def test_a_gap_pdfium_reports_as_nothing_still_reads_as_a_space(tmp_path: Path) -> None:
    path = character_spaced_pdf(tmp_path / "spaced.pdf")
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        assert "6shall" in textpage.get_text_range()  # the case: pdfium's own text runs the words together
    finally:
        pdf.close()
    [(probed, reference)] = lines_both_ways(path)
    assert probed == reference
    assert [line.text for line in probed] == [
        "Licensee shall pay each invoice within thirty days.",
        "6 shall survive the end of this Agreement.",
        "1. Grant of licence.",
    ]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not beside the project")
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*/*.pdf")), ids=lambda p: p.stem)
def test_corpus_probed_lines_read_as_every_character(path: Path) -> None:
    """The same lines with the same text. Geometry may differ a little on a line that mixes fonts or glyph
    heights its probes do not see (medians of height and bottom): measured, 82 of 29,406 lines, none changing
    a join or a break (the reading's text is identical on every corpus and test PDF)."""
    for probed, reference in lines_both_ways(path):
        assert [line.text for line in probed] == [line.text for line in reference]


def test_unsettled_characters_are_whitespace_but_space_and_line_breaks_and_controls() -> None:
    """`_UNSETTLED` lists its whitespace (one character class scans 4x faster): the same set as before."""
    import re

    for code in range(0x110000):
        ch = chr(code)
        expected = bool(re.match("[^\\S \r\n]|[\x00-\x09\x0b\x0c\x0e-\x1f\ufffe\ud800-\udfff]", ch))
        assert bool(pdflines._UNSETTLED.match(ch)) == expected, hex(code)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not beside the project")
def test_raw_page_handles_read_as_pypdfium2s_helpers(tmp_path: Path) -> None:
    """The reader's raw handles (`pdf._Page`, `pdf._TextPage`) give the text, rotation and box pypdfium2's
    objects give, on the corpus, a character-spaced page and rotated pages."""
    from obligations.documents import pdf as reader

    paths = [*sorted(CORPUS.glob("*/*.pdf")), character_spaced_pdf(tmp_path / "spaced.pdf")]
    paths += [rotated(character_spaced_pdf(tmp_path / "turned.pdf"), degrees) for degrees in (90, 180, 270)]
    for path in paths:
        document = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(document)):
                page = reader._Page(document, index)
                textpage = reader._TextPage(page)
                helper = document[index]
                helper_text = helper.get_textpage()
                try:
                    assert page.get_rotation() == helper.get_rotation()
                    assert page.get_bbox() == helper.get_bbox()
                    expected = helper_text.get_text_range(errors="surrogatepass")
                    assert textpage.get_text_range(errors="surrogatepass") == expected
                    assert pdflines.page_lines(page, textpage) == pdflines.page_lines(helper, helper_text)
                finally:
                    textpage.close()
                    page.close()
                    helper_text.close()
                    helper.close()
        finally:
            document.close()


def test_the_scan_checks_fast_class_is_unmapped_glyphs_or_whitespace_but_space() -> None:
    """`_is_scan` settles the usual page with one scan of this class: it must hold exactly the characters that
    count as unmapped, and every whitespace character but the space (which the full rule leaves out)."""
    from obligations.documents import pdf

    for code in range(0x110000):
        ch = chr(code)
        expected = bool(pdf._UNMAPPED.match(ch)) or (ch.isspace() and ch != " ")
        assert bool(pdf._UNMAPPED_OR_OTHER_SPACE.match(ch)) == expected, hex(code)
