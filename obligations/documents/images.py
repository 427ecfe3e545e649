"""Scanned agreements saved as images (PNG, JPEG, TIFF — one page per TIFF frame), read by OCR.

`read()` is what `load_document` calls. `recognize_pages()` is for the UI: the per-page `OcrResult`s with
line boxes, so it can highlight a span on the page image. The Document's text is the pages' OCR text
joined by newlines, so a document offset `o` on page `p` is offset `o - document.page_starts[p - 1]` in that
page's `OcrResult.text`.
"""

from __future__ import annotations

import warnings
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from obligations.documents import ocr
from obligations.documents.base import (
    Document,
    DocumentError,
    Progress,
    ShouldCancel,
    check_cancel,
    read_bytes,
    sha256_bytes,
)

if TYPE_CHECKING:
    from PIL import Image

# Below this mean line score a page's text is worth checking against the scan before relying on dates.
LOW_CONFIDENCE = 0.9
# A page image larger than this (about A3 at 600 dpi) is refused rather than exhausting memory.
MAX_PIXELS = 120_000_000


def read(path: Path, progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> Document:
    """OCR every page of an image file. Raises DocumentError, or base.Cancelled between pages."""
    path = Path(path)
    raw = read_bytes(path)
    pages = recognize_pages(path, raw, progress=progress, should_cancel=should_cancel)
    return document_from_pages(path, pages, sha256=sha256_bytes(raw))


def recognize_pages(
    path: Path,
    raw: bytes | None = None,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> list[ocr.OcrResult]:
    """The OCR result of each page (TIFF frame), in order. `raw` is the file's bytes if already read."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    if not ocr.ocr_available():
        raise DocumentError(path, "this is a scanned image and reading it needs the OCR add-on; install tickler[ocr]")
    results: list[ocr.OcrResult] = []
    try:
        with warnings.catch_warnings():
            # Our own per-page limit below applies instead (PIL's would warn from about 89 Mpx).
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(raw if raw is not None else read_bytes(path)))
        with image:
            total = getattr(image, "n_frames", 1)
            for frame in ImageSequence.Iterator(image):
                check_cancel(should_cancel)
                if frame.width * frame.height > MAX_PIXELS:
                    raise DocumentError(
                        path,
                        f"page {len(results) + 1} is too large to OCR "
                        f"({frame.width}×{frame.height} pixels); scan at 300 dpi",
                    )
                page = _flatten(ImageOps.exif_transpose(frame))
                results.append(ocr.recognize_image(page))
                if progress is not None:
                    progress(len(results), total)
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise DocumentError(path, f"not a readable image ({exc})") from exc
    except ocr.OcrUnavailableError as exc:
        raise DocumentError(path, str(exc)) from exc
    except OSError as exc:  # truncated or corrupt image data
        raise DocumentError(path, f"the image is damaged or truncated ({exc})") from exc
    return results


def _flatten(frame: Image.Image) -> Image.Image:
    """8-bit RGB on white, whatever the scanner wrote (1-bit fax, 16-bit grey, CMYK, transparent PNG)."""
    from PIL import Image

    if frame.mode in ("I", "I;16", "I;16B", "I;16L", "F"):  # 16-bit or float grey: stretch to 0..255
        low, high = frame.getextrema()  # one band: two numbers
        assert isinstance(low, int | float) and isinstance(high, int | float)
        if high <= low:  # one flat value: a blank page
            return Image.new("RGB", frame.size, "white")
        scale = 255 / (high - low)
        frame = frame.convert("F").point(lambda value: (value - low) * scale).convert("L")
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        # Transparent areas would otherwise turn black and hide the text.
        rgba = frame.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return frame.convert("RGB")


def document_from_pages(path: Path, pages: list[ocr.OcrResult], *, sha256: str) -> Document:
    texts = [page.text for page in pages]
    page_starts = []
    offset = 0
    for text in texts:
        page_starts.append(offset)
        offset += len(text) + 1  # the newline between pages
    notes = []
    confidences: list[float | None] = []
    for number, page in enumerate(pages, start=1):
        if not page.lines:
            notes.append(f"page {number}: no text found by OCR")
            confidences.append(0.0)  # OCR'd but nothing recognised (None would mean "had a text layer")
            continue
        confidences.append(page.confidence)
        if page.confidence < LOW_CONFIDENCE:
            notes.append(f"page {number}: OCR confidence {page.confidence:.0%}; check dates against the scan")
    return Document(
        path=path,
        text="\n".join(texts),
        sha256=sha256,
        kind="image",
        page_starts=page_starts or [0],
        warnings=notes,
        ocr_confidence=confidences,
    )
