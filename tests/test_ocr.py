"""OCR of scanned agreements: reading order (fast, synthetic boxes) and real pages rendered from the corpus.

The rendered-page tests draw corpus passages at 200 dpi with Noto Sans CJK, OCR them, and compare with the
text that was drawn after NFKC (OCR returns half-width punctuation for full-width) and without whitespace.
`benchmarks/bench_ocr.py` reuses `render_page`, `degrade` and `char_accuracy` from here.
"""

from __future__ import annotations

import json
import re
import socket
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest

from obligations.documents import images, ocr
from obligations.documents.base import Cancelled, DocumentError
from obligations.documents.ocr import OcrLine, assemble

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"  # shared/ sits beside the checkout
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_INDEX_SC = 2  # faces in the .ttc: JP, KR, SC, TC, HK; SC has the Simplified Chinese glyph forms
DPI = 200

requires_ocr = pytest.mark.skipif(not ocr.ocr_available(), reason="rapidocr/onnxruntime not installed")
requires_font = pytest.mark.skipif(not FONT.is_file(), reason="Noto CJK font missing (fonts-noto-cjk)")


# ---------------------------------------------------------------- page rendering and scoring helpers


def _tokens(text: str) -> list[str]:
    """Wrap points: each CJK character alone, Latin words with their trailing spaces."""
    return re.findall(r"[A-Za-z0-9$€£%'’\"“”(),.;:/\-]+\s*|\s+|.", text)


def render_page(paragraphs: list[str], *, dpi: int = DPI, size_pt: float = 11) -> tuple[object, str]:
    """Draw paragraphs on an A4 page as a word processor would; return (image, the text that fitted).

    The text returned has one paragraph per line, wrapped lines joined as OCR should rejoin them.
    """
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    margin = dpi  # one inch
    font = ImageFont.truetype(str(FONT), round(size_pt / 72 * dpi), index=FONT_INDEX_SC)
    pitch = round(size_pt / 72 * dpi * 1.6)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    y = margin
    drawn: list[str] = []
    for paragraph in paragraphs:
        rows, row = [], ""
        for token in _tokens(paragraph):
            if row and draw.textlength(row + token.rstrip(), font=font) > width - 2 * margin:
                rows.append(row.rstrip())
                row = token.lstrip()
            else:
                row += token
        rows.append(row.rstrip())
        if y + pitch * len(rows) > height - margin:
            break
        for text in rows:
            draw.text((margin, y), text, font=font, fill=0)
            y += pitch
        y += pitch // 2  # paragraph spacing
        drawn.append(paragraph)
    return page, "\n".join(drawn)


def degrade(page: object, *, seed: int = 7) -> object:
    """A plausible office scan: rotated 1°, sensor noise, saved as a low-quality JPEG."""
    import numpy as np
    from PIL import Image

    assert isinstance(page, Image.Image)
    rotated = page.convert("L").rotate(1.0, resample=Image.Resampling.BICUBIC, fillcolor=255)
    noise = np.random.default_rng(seed).normal(0, 14, (rotated.height, rotated.width))
    noisy = np.clip(np.asarray(rotated, dtype=float) + noise, 0, 255).astype("uint8")
    buffer = BytesIO()
    Image.fromarray(noisy).save(buffer, format="JPEG", quality=40)
    return Image.open(BytesIO(buffer.getvalue())).convert("RGB")


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def char_accuracy(expected: str, actual: str) -> float:
    """1 - edit distance / length, after NFKC and with all whitespace removed."""
    want, got = normalise(expected), normalise(actual)
    return 1 - edit_distance(want, got) / max(1, len(want))


def corpus_paragraphs(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------- reading order (no engine needed)


def line(text: str, x0: float, y0: float, x1: float, y1: float) -> OcrLine:
    return OcrLine(text=text, score=0.9, box=((x0, y0), (x1, y0), (x1, y1), (x0, y1)))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # Wrapped Chinese lines join with no space, also before a digit and after half-width punctuation.
        (
            [line("甲方应于本协议生效之日起,", 100, 100, 1000, 130), line("30日内付款。", 100, 150, 400, 180)],
            "甲方应于本协议生效之日起,30日内付款。",
        ),
        # Wrapped English lines join with one space.
        (
            [line("Client shall pay within", 100, 100, 1000, 130), line("thirty days.", 100, 150, 400, 180)],
            "Client shall pay within thirty days.",
        ),
        # A clause number starts a new paragraph even right under a full line.
        (
            [line("本合同自双方签字之日起生效,", 100, 100, 1000, 130), line("第三条付款", 100, 150, 300, 180)],
            "本合同自双方签字之日起生效,\n第三条付款",
        ),
        (
            [
                line("A full-width line of body text here", 100, 100, 1000, 130),
                line("1.2 Payment terms", 100, 150, 500, 180),
            ],
            "A full-width line of body text here\n1.2 Payment terms",
        ),
        (
            [
                line("正文一整行的文字内容写到页边为止了", 100, 100, 1000, 130),
                line("（三）违约责任", 100, 150, 400, 180),
            ],
            "正文一整行的文字内容写到页边为止了\n（三）违约责任",
        ),
        # A bigger vertical gap than the usual pitch starts a new paragraph.
        (
            [
                line("第一行写满整个版心宽度的文字", 100, 100, 1000, 130),
                line("第二行也写满整个版心宽度", 100, 150, 1000, 180),
                line("隔了一段空白的新段落", 100, 260, 1000, 290),
            ],
            "第一行写满整个版心宽度的文字第二行也写满整个版心宽度\n隔了一段空白的新段落",
        ),
        # A short row (the writer pressed Enter) ends its paragraph.
        ([line("标题", 100, 100, 200, 130), line("正文第一行写满了", 100, 150, 1000, 180)], "标题\n正文第一行写满了"),
        # Pieces of one row, listed out of order, are read left to right; far apart they are separate cells.
        (
            [line("乙方（盖章）", 700, 100, 900, 130), line("甲方（盖章）", 100, 102, 300, 132)],
            "甲方（盖章） 乙方（盖章）",
        ),
        # Rows of cells (a table, a signature block) stay one line each instead of joining into a paragraph.
        (
            [
                line("MAL-K-001", 100, 100, 250, 130),
                line("Malaria test kit", 400, 100, 1000, 130),
                line("HBV-K-003", 100, 150, 250, 180),
                line("Hepatitis B screening", 400, 150, 1000, 180),
            ],
            "MAL-K-001 Malaria test kit\nHBV-K-003 Hepatitis B screening",
        ),
        # Lines come sorted top to bottom whatever order the detector gave.
        (
            [
                line("second line of the page", 100, 150, 1000, 180),
                line("First line that is long", 100, 100, 1000, 130),
            ],
            "First line that is long second line of the page",
        ),
    ],
)
def test_assemble_reading_order(lines: list[OcrLine], expected: str) -> None:
    result = assemble(lines)
    assert result.text == expected
    for placed in result.lines:  # every line's offsets point at its own text
        assert result.text[placed.start : placed.end] == placed.text


def test_assemble_empty_page() -> None:
    result = assemble([])
    assert (result.text, result.confidence, result.lines) == ("", 0.0, [])


def test_boxes_for_a_span_inside_one_line() -> None:
    result = assemble([line("甲方应于三十日内付款", 100, 100, 1100, 140)])
    start = result.text.index("三十日")
    [box] = result.boxes_for(start, start + 3)
    assert box == pytest.approx((500, 100, 800, 140))


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("第十二条 保密", True),
        ("第3条", True),
        ("1.1协议目的", True),
        ("2.3.1 Fees", True),
        ("（一）甲方义务", True),
        ("(2) notices", True),
        ("三、付款方式", True),
        ("4、违约", True),
        ("Article 5 Term", True),
        ("(iv) any renewal", True),
        ("30日内", False),  # a continuation starting with an amount
        ("1.5% of the fee", False),  # a decimal, not a clause
        ("2026年1月1日起", False),
        ("thirty (30) days", False),
    ],
)
def test_starts_clause(text: str, clause: bool) -> None:
    assert ocr.starts_clause(text) is clause


# ---------------------------------------------------------------- real OCR of rendered pages


@pytest.fixture(scope="module")
def zh_page() -> tuple[object, str]:
    return render_page(corpus_paragraphs("zh/zh-telecom-00.txt"))


@pytest.fixture(scope="module")
def en_page() -> tuple[object, str]:
    return render_page(corpus_paragraphs("en/en-hosting-01.txt"))


@requires_ocr
@requires_font
@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize(("scan", "target"), [("clean", 0.98), ("degraded", 0.95)])
def test_accuracy_on_rendered_pages(request: pytest.FixtureRequest, language: str, scan: str, target: float) -> None:
    page, expected = request.getfixturevalue(f"{language}_page")
    image = degrade(page) if scan == "degraded" else page
    result = ocr.recognize_image(image)  # type: ignore[arg-type]
    accuracy = char_accuracy(expected, result.text)
    assert accuracy >= target, f"{language} {scan}: {accuracy:.4f}\n{result.text}"
    assert 0.9 <= result.confidence <= 1.0
    # Paragraphs come back as the source has them: one per line (allowing one or two OCR slips).
    assert abs(result.text.count("\n") - expected.count("\n")) <= 2
    for placed in result.lines:
        assert result.text[placed.start : placed.end] == placed.text


@requires_ocr
@requires_font
@pytest.mark.slow
def test_multipage_tiff_and_cli_extract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    first, first_text = render_page(["第一条 本协议自双方签字盖章之日起生效,有效期为一年。"], dpi=150)
    second, second_text = render_page(["第二条 甲方应于收到发票后30日内支付服务费。"], dpi=150)
    path = tmp_path / "scan.tif"
    assert isinstance(first, Image.Image) and isinstance(second, Image.Image)
    # Page 1 as a 1-bit (fax-like) frame, page 2 as 16-bit grey: both must read like 8-bit pages.
    fax = first.convert("1")
    grey16 = second.convert("I").point(lambda value: value * 200).convert("I;16")
    fax.save(path, save_all=True, append_images=[grey16], compression="tiff_deflate")
    seen: list[tuple[int, int]] = []

    document = images.read(path, progress=lambda done, total: seen.append((done, total)))

    assert seen == [(1, 2), (2, 2)]
    assert document.kind == "image" and len(document.page_starts) == 2
    assert len(document.ocr_confidence) == 2 and all(c and c > 0.9 for c in document.ocr_confidence)
    offset = document.text.index("30日内")
    assert document.page_of(offset) == 2
    assert normalise(document.text) == normalise(first_text + second_text)

    png = tmp_path / "scan.png"
    second.convert("RGB").save(png)
    from obligations.cli import main
    from obligations.documents import load_document

    try:
        load_document(png)
    except DocumentError as exc:
        pytest.skip(f"load_document does not dispatch images to images.read yet: {exc}")
    assert main(["extract", str(png), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["document"] == str(png)


@requires_ocr
@pytest.mark.slow
def test_cancel_before_first_page(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("RGB", (200, 200), "white").save(path)
    with pytest.raises(Cancelled):
        images.read(path, should_cancel=lambda: True)


@requires_ocr
@pytest.mark.slow
def test_blank_page_is_read_as_no_text(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("RGB", (600, 800), "white").save(path)
    document = images.read(path)
    assert (document.text, document.ocr_confidence) == ("", [0.0])
    assert document.warnings == ["page 1: no text found by OCR"]


@requires_ocr
def test_unreadable_image_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(DocumentError, match=r"broken\.jpg"):
        images.read(path)


@requires_ocr
@requires_font
@pytest.mark.slow
def test_engine_builds_and_runs_with_the_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The models come from the wheel: building the engine must not even try to connect anywhere."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(ocr, "_engine", None)  # force a fresh build under the block
    page, expected = render_page(["第五条 乙方应在合同终止前30日书面通知甲方。"], dpi=150)
    result = ocr.recognize_image(page)  # type: ignore[arg-type]
    assert char_accuracy(expected, result.text) >= 0.95


@requires_ocr
@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "en" / "en-distribution-02.pdf").is_file(), reason="corpus missing")
def test_real_scanned_table_keeps_one_row_per_line() -> None:
    """Page 5 of this CUAD filing is a real scan of a price table: rows must not run into each other."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(CORPUS / "en" / "en-distribution-02.pdf")
    try:
        image = pdf[4].render(scale=200 / 72).to_pil()
    finally:
        pdf.close()
    result = ocr.recognize_image(image)
    lines = result.text.splitlines()
    assert result.confidence > 0.9
    assert any(line.startswith("ZIKV-K-004") and line.endswith("100 Reactions") for line in lines)
    assert "Vector Smart™ Nucleic Acid Test Kits for Research Use, in Mosqito Pools" in lines  # sic


@requires_ocr
@requires_font
@pytest.mark.slow
def test_a_scan_imports_with_its_page_confidence_kept(tmp_path: Path) -> None:
    """A photographed agreement goes through the same import as text: obligations, and the OCR confidence the
    review screen uses to flag pages to check by eye."""
    from sqlalchemy import select

    from obligations.services.importing import Outcome, import_files
    from obligations.store import open_database
    from obligations.store.tables import Agreement

    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample-office-lease-shanghai.txt"
    lines = [line for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    image, _text = render_page(lines[10:24])  # the term, rent and deposit clauses
    path = tmp_path / "扫描件 page 1.png"
    image.save(path)  # type: ignore[attr-defined]
    db = open_database(f"sqlite:///{(tmp_path / 't.db').as_posix()}")
    result = import_files(db, [path])[0]
    assert result.outcome == Outcome.IMPORTED and result.obligation_count > 0
    with db.reader() as session:
        confidence = session.scalars(select(Agreement.page_confidence)).one()
    assert len(confidence) == 1 and 0.9 < confidence[0] <= 1.0
    db.dispose()
