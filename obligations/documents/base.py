"""The document every reader produces, and the one entry point that picks the reader."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from obligations.errors import KnownError

Progress = Callable[[int, int], None]  # (pages done, pages in total)
ShouldCancel = Callable[[], bool]  # polled between pages; True stops the read with Cancelled

MAX_FILE_BYTES = 100 * 1024 * 1024  # a signed agreement is rarely over 20 MB; 100 MB leaves room for scans
MAX_PDF_PAGES = 2000  # beyond this it is a data room, not an agreement; reading it would take minutes


class DocumentError(KnownError):
    """The file cannot be read as an agreement. The message names the file and the reason, in one line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class Cancelled(Exception):
    """The caller's `should_cancel` returned True; the read stopped between two pages."""


@dataclass(frozen=True, slots=True)
class Document:
    path: Path
    text: str  # line endings normalised to "\n"
    sha256: str  # of the original bytes, exactly as read
    kind: str  # "txt" | "docx" | "pdf" | "image"
    page_starts: list[int] = field(default_factory=lambda: [0])  # text offset where each page begins
    warnings: list[str] = field(default_factory=list)
    # One entry per page, parallel to page_starts: the OCR engine's mean confidence (0..1) for a page read by
    # OCR, None for a page whose text came from the file itself.
    ocr_confidence: list[float | None] = field(default_factory=lambda: [None])

    @property
    def page_count(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        """1-based page number holding the character at `offset`."""
        return max(1, bisect_right(self.page_starts, offset))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_bytes(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_cancel(should_cancel: ShouldCancel | None) -> None:
    if should_cancel is not None and should_cancel():
        raise Cancelled


def os_reason(exc: OSError) -> str:
    """One line for a file-system failure, saying what the user can do about it."""
    if isinstance(exc, FileNotFoundError):
        return "file not found (it was moved or deleted while importing)"
    if isinstance(exc, PermissionError):
        return "cannot open the file: it is locked by another program or you lack permission; close it and retry"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    return f"cannot read the file ({exc.strerror or exc.__class__.__name__})"


def read_bytes(path: Path) -> bytes:
    """The whole file, once: size limit and emptiness checked first, every OSError turned into DocumentError.

    Readers parse these bytes and the SHA-256 is taken from them, so the hash always matches what was read
    even if the file changes on disk meanwhile.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(
                path, f"file too large ({size / 2**20:,.0f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB)"
            )
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)  # bounded: the file may grow after stat()
    except OSError as exc:
        raise DocumentError(path, os_reason(exc)) from exc
    if not raw or raw.isspace():
        raise DocumentError(path, "empty file")
    if len(raw) > MAX_FILE_BYTES:
        raise DocumentError(path, f"file too large (over {MAX_FILE_BYTES // 2**20} MB)")
    return raw


def load_document(
    path: Path | str, *, progress: Progress | None = None, should_cancel: ShouldCancel | None = None
) -> Document:
    """Read any supported agreement file. Raises DocumentError for anything unreadable, Cancelled if asked to stop.

    `progress(done, total)` is called after each page of a PDF or image; `should_cancel()` is polled between
    pages. Both are called on the reading thread.
    """
    from obligations import collector
    from obligations.documents import dispatch

    with collector.paused():  # a long document's lines are many objects and no cycles (obligations/collector.py)
        return dispatch.load(Path(path), progress=progress, should_cancel=should_cancel)
