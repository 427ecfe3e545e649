"""PDF agreements through pdfium: the text layer page by page, OCR for pages that are only a scanned image."""

from __future__ import annotations

import codecs
import ctypes
import queue
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from obligations.documents import dewrap, pdflines, sniff
from obligations.documents.base import (
    MAX_PDF_PAGES,
    Document,
    DocumentError,
    Progress,
    ShouldCancel,
    check_cancel,
    normalise_newlines,
    sha256_bytes,
)

# pdfium is not thread-safe, not even across documents: every use in the process goes through this lock.
PDFIUM_LOCK = threading.RLock()

SCAN_MAX_CHARS = 100  # fewer letters than this on a page covered by an image: a scan with a stamp or header
SCAN_MIN_IMAGE_SHARE = 0.3  # of the page area covered by images
GARBLED_SHARE = 0.5  # of a page's characters unmapped (private use, U+FFFD, controls): the text layer is junk
_UNMAPPED = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0e-\x1f]")
# The same, or any whitespace but a space (pdflines' list of the others, checked against \s there): one class.
_UNMAPPED_OR_OTHER_SPACE = re.compile(f"[\ue000-\uf8ff\ufffd\x00-\x08\x0e-\x1f\r\n{pdflines._OTHER_SPACE}]")
LOW_OCR_CONFIDENCE = 0.9  # as images.LOW_CONFIDENCE: below it, dates are worth checking against the scan
OCR_DPI = 200  # PLATFORM-NOTES: 0% character error on clean 200-dpi pages
JOIN_BEHIND_PAGES = 16  # from this many pages on, pages are joined on a helper thread while later ones are read
EOF_WINDOW = 4096  # "%%EOF" must be near the end; a download cut short lacks it


def read(
    path: Path, raw: bytes, *, progress: Progress | None = None, should_cancel: ShouldCancel | None = None
) -> Document:
    _check_envelope(path, raw)
    with PDFIUM_LOCK:
        pdf = _open(path, raw)
        try:
            joined = _JoinedBehind() if len(pdf) >= JOIN_BEHIND_PAGES else dewrap.PageJoiner()
            try:
                confidences, warnings = _read_pages(path, pdf, joined.add, progress, should_cancel)
            except BaseException:
                if isinstance(joined, _JoinedBehind):
                    joined.abandon()
                raise
        finally:
            pdf.close()
    text, page_starts = joined.result()
    text = normalise_newlines(text)
    if not text.strip():
        raise DocumentError(path, "the PDF has no text (blank pages only)")
    return Document(
        path=path,
        text=text,
        sha256=sha256_bytes(raw),
        kind="pdf",
        page_starts=page_starts,
        warnings=warnings,
        ocr_confidence=confidences,
    )


def _check_envelope(path: Path, raw: bytes) -> None:
    if b"%PDF-" not in raw[: sniff.PDF_HEADER_WINDOW]:
        kind = sniff.identify(raw)
        raise DocumentError(path, f"not a PDF file (it is {kind})" if kind else "not a PDF file (no PDF header)")
    if b"%%EOF" not in raw[-EOF_WINDOW:]:
        raise DocumentError(path, "damaged PDF (the file is cut short: its end marker is missing)")


def _open(path: Path, raw: bytes) -> Any:
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError(path, "password-protected PDF; remove the password and import again") from exc
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentError(path, "PDF protected by an unsupported security handler (DRM)") from exc
        reason = {
            pdfium_c.FPDF_ERR_FORMAT: "its structure cannot be read",
            pdfium_c.FPDF_ERR_FILE: "the file cannot be read",
        }.get(exc.err_code, str(exc))
        raise DocumentError(path, f"damaged PDF ({reason})") from exc
    total = len(pdf)
    if total == 0:
        pdf.close()
        raise DocumentError(path, "damaged PDF (it has no pages)")
    if total > MAX_PDF_PAGES:
        pdf.close()
        raise DocumentError(
            path, f"too many pages ({total:,}; the limit is {MAX_PDF_PAGES:,}); import the agreement on its own"
        )
    return pdf


class _JoinedBehind:
    """`dewrap.PageJoiner` on a helper thread, fed each page as it is read.

    pdfium gives up the GIL while it loads a page, most of a text PDF's reading: joining the pages read so far
    (pure Python, ~4% of reading a long PDF) runs meanwhile on another core instead of after the last page.
    """

    def __init__(self) -> None:
        self._pages: queue.SimpleQueue[list[dewrap.Line] | None] = queue.SimpleQueue()
        self._joiner = dewrap.PageJoiner()
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._join, name="tickler-join-pages", daemon=True)
        self._thread.start()

    def _join(self) -> None:
        try:
            for page in iter(self._pages.get, None):
                self._joiner.add(page)
        except BaseException as exc:  # given to the reading thread in result()
            self._failure = exc

    def add(self, page: list[dewrap.Line]) -> None:
        self._pages.put(page)

    def result(self) -> tuple[str, list[int]]:
        self.abandon()
        if self._failure is not None:
            raise self._failure
        return self._joiner.result()

    def abandon(self) -> None:
        """Stop the helper thread (after the pages given so far) and wait for it."""
        self._pages.put(None)
        self._thread.join()


def _read_pages(
    path: Path,
    pdf: Any,
    add_page: Callable[[list[dewrap.Line]], None],
    progress: Progress | None,
    should_cancel: ShouldCancel | None,
) -> tuple[list[float | None], list[str]]:
    """Each page's lines, given to `add_page` in order; the pages' OCR confidences and warnings."""
    total = len(pdf)
    confidences: list[float | None] = []
    warnings: list[str] = []
    for index in range(total):
        check_cancel(should_cancel)
        try:
            page = _Page(pdf, index)
        except pdfium.PdfiumError as exc:
            raise DocumentError(path, f"damaged PDF (page {index + 1} cannot be read)") from exc
        try:
            textpage = _TextPage(page)
            try:
                lines = pdflines.page_lines(page, textpage)
            finally:
                textpage.close()
            confidence: float | None = None
            if _is_scan(page, lines):
                lines, confidence = _ocr_page(path, page, index + 1)
                if confidence == 0.0:
                    warnings.append(f"page {index + 1}: no text found by OCR")
                elif confidence < LOW_OCR_CONFIDENCE:
                    warnings.append(f"page {index + 1}: OCR confidence {confidence:.0%}; check dates against the scan")
        except pdfium.PdfiumError as exc:
            raise DocumentError(path, f"damaged PDF (page {index + 1}: {exc})") from exc
        finally:
            page.close()
        add_page(lines)
        confidences.append(confidence)
        if progress is not None:
            progress(index + 1, total)
    return confidences, warnings


_DEGREES = {0: 0, 1: 90, 2: 180, 3: 270}  # FPDFPage_GetRotation's answer, as pypdfium2 turns it into degrees


class _Page:
    """A page as pdfium's raw handle, with the little of pypdfium2's `PdfPage` that reading a text page asks.

    pypdfium2's page and text page objects keep finalizer bookkeeping (weak references, trackers, the parent's
    list of children) that costs ~20 µs a page, ~4% of reading a text PDF. The rare page that needs more (its
    images looked at for a scan, rendering for OCR) gets pypdfium2's own page object, loaded then.
    """

    __slots__ = ("_as_parameter_", "_helper", "_index", "_pdf")

    def __init__(self, pdf: Any, index: int) -> None:
        handle = pdfium_c.FPDF_LoadPage(pdf, index)
        if not handle:
            raise pdfium.PdfiumError("Failed to load page.")
        self._as_parameter_: Any = handle  # ctypes passes the handle for this object (as for pypdfium2's)
        self._pdf, self._index, self._helper = pdf, index, None

    def get_rotation(self) -> int:
        rotation = pdfium_c.FPDFPage_GetRotation(self)
        if rotation not in _DEGREES:
            raise pdfium.PdfiumError("Failed to get page rotation.")
        return _DEGREES[rotation]

    def get_bbox(self) -> tuple[float, float, float, float]:
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDF_GetPageBoundingBox(self, rect):
            raise pdfium.PdfiumError("Failed to get page bounding box.")
        return (rect.left, rect.bottom, rect.right, rect.top)

    def helper(self) -> Any:
        """pypdfium2's page object, for everything else; the raw handle is closed first (one page at a time)."""
        if self._helper is None:
            self._close_handle()
            self._helper = self._pdf[self._index]
        return self._helper

    def get_size(self) -> tuple[float, float]:
        return self.helper().get_size()  # type: ignore[no-any-return]

    def get_objects(self, **options: Any) -> Any:
        return self.helper().get_objects(**options)

    def render(self, **options: Any) -> Any:
        return self.helper().render(**options)

    def _close_handle(self) -> None:
        if self._as_parameter_ is not None:
            pdfium_c.FPDF_ClosePage(self._as_parameter_)
            self._as_parameter_ = None

    def close(self) -> None:
        self._close_handle()
        if self._helper is not None:
            self._helper.close()
            self._helper = None


class _TextPage:
    """A page's text as pdfium's raw handle, with `get_text_range` over the whole page as pypdfium2's
    `PdfTextPage.get_text_range()` gives it (5.x: characters pdfium leaves out at either end are left out of
    the range asked for). tests/test_pdflines.py compares the two on every test and corpus PDF."""

    __slots__ = ("_as_parameter_", "raw")

    def __init__(self, page: _Page) -> None:
        handle = pdfium_c.FPDFText_LoadPage(page)
        if not handle:
            raise pdfium.PdfiumError("Failed to load text page.")
        self.raw = self._as_parameter_ = handle

    def get_text_range(self, *, errors: str) -> str:
        count = pdfium_c.FPDFText_CountChars(self)
        if count == -1:
            raise pdfium.PdfiumError("Failed to get character count.")
        first, last = 0, count - 1  # the characters pdfium has a text index for, at either end
        while first <= last and pdfium_c.FPDFText_GetTextIndexFromCharIndex(self, first) == -1:
            first += 1
        while first <= last and pdfium_c.FPDFText_GetTextIndexFromCharIndex(self, last) == -1:
            last -= 1
        if first > last:
            return ""
        start = pdfium_c.FPDFText_GetTextIndexFromCharIndex(self, first)
        end = pdfium_c.FPDFText_GetTextIndexFromCharIndex(self, last)
        # with the terminating NUL; sized to a power of two, so that ctypes makes (and keeps) a handful of array
        # types rather than one for every page's length (~15 µs each)
        buffer = (ctypes.c_ushort * (1 << (end + 1 - start).bit_length()))()
        written = pdfium_c.FPDFText_GetText(self, first, last + 1 - first, buffer)
        return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", errors)  # type: ignore[no-any-return]

    def close(self) -> None:
        if self.raw is not None:
            pdfium_c.FPDFText_ClosePage(self.raw)
            self.raw = self._as_parameter_ = None


def _is_scan(page: Any, lines: list[dewrap.Line]) -> bool:
    """No usable text layer: (nearly) no text over a page-sized image, or text that is mostly unmapped glyphs."""
    joined = "".join(line.text for line in lines)
    if len(joined) - joined.count(" ") >= SCAN_MAX_CHARS and not _UNMAPPED_OR_OTHER_SPACE.search(joined):
        return False  # the usual page, decided by two scans in C: plenty of text, nothing unmapped, only spaces
    text = "".join(joined.split())  # every non-space character, in one split
    unusable = len(_UNMAPPED.findall(text))
    if text and unusable > GARBLED_SHARE * len(text):
        return True  # a font without a Unicode map: what shows on the page is only readable by OCR
    if len(text) >= SCAN_MAX_CHARS:
        return False
    width, height = page.get_size()
    area = width * height
    if area <= 0:
        return False
    covered = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = image.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return bool(covered >= SCAN_MIN_IMAGE_SHARE * area)


def _ocr_page(path: Path, page: Any, number: int) -> tuple[list[dewrap.Line], float]:
    """The page rendered and recognised; its lines carry no geometry, as OCR already joined them."""
    try:
        from obligations.documents import ocr
    except ImportError as exc:  # a build without the OCR module
        raise DocumentError(path, f"page {number} is a scanned image and OCR is not installed") from exc
    if not ocr.ocr_available():
        raise DocumentError(path, f"page {number} is a scanned image and OCR is not installed")
    image = page.render(scale=OCR_DPI / 72).to_pil()
    result = ocr.recognize_image(image)
    text = pdflines.clean(normalise_newlines(result.text))
    lines = [dewrap.Line(line) for line in text.split("\n") if line.strip()]
    return lines, float(result.confidence) if lines else 0.0
