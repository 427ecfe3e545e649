"""Pick the reader by file extension, after the checks every file gets (exists, size, not empty)."""

from __future__ import annotations

from pathlib import Path

from obligations.documents.base import (
    Document,
    DocumentError,
    Progress,
    ShouldCancel,
    os_reason,
    read_bytes,
)

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
SUPPORTED = "PDF, DOCX, TXT or an image (PNG, JPEG, TIFF)"

# Formats people pick by mistake, with what to do instead.
_ADVICE = {
    ".doc": "old Word format (.doc); open it in Word and save as .docx",
    ".docm": "macro-enabled Word file (.docm) is not accepted; save it as .docx (macros are never run)",
    ".dotm": "macro-enabled Word template is not accepted; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx or PDF",
    ".odt": "OpenDocument is not supported; save it as .docx or PDF",
    ".wps": "WPS format is not supported; save it as .docx or PDF",
    ".pages": "Apple Pages format is not supported; export it as PDF or .docx",
}


def load(path: Path, *, progress: Progress | None, should_cancel: ShouldCancel | None) -> Document:
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise DocumentError(path, "file not found")
        if not path.is_file():
            raise DocumentError(path, "is a folder, not a file" if path.is_dir() else "not a regular file")
    except OSError as exc:  # e.g. a path too long or an unreachable network share
        raise DocumentError(path, os_reason(exc)) from exc
    if suffix in _ADVICE:
        raise DocumentError(path, _ADVICE[suffix])
    if suffix in IMAGE_SUFFIXES:
        return _read_image(path, progress=progress, should_cancel=should_cancel)
    if suffix not in {".txt", ".docx", ".pdf"}:
        raise DocumentError(path, f"unsupported file type {suffix or '(no extension)'}; use {SUPPORTED}")
    raw = read_bytes(path)
    if suffix == ".txt":
        from obligations.documents import plaintext

        return plaintext.read(path, raw)
    if suffix == ".docx":
        from obligations.documents import word

        return word.read(path, raw)
    from obligations.documents import pdf

    return pdf.read(path, raw, progress=progress, should_cancel=should_cancel)


def _read_image(path: Path, *, progress: Progress | None, should_cancel: ShouldCancel | None) -> Document:
    """Scanned pages saved as images; `images` (OCR) reads them, with the same size and emptiness checks."""
    try:
        from obligations.documents import images
    except ImportError as exc:
        raise DocumentError(path, "reading scanned images is not available in this installation") from exc
    return images.read(path, progress, should_cancel)
