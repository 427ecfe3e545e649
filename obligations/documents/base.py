"""The document every reader produces, and the one entry point that picks the reader."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from obligations.errors import KnownError


class DocumentError(KnownError):
    """The file cannot be read as an agreement. The message names the file and the reason, in one line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


@dataclass(frozen=True, slots=True)
class Document:
    path: Path
    text: str  # line endings normalised to "\n"
    sha256: str
    kind: str  # "txt" | "docx" | "pdf" | "image"
    page_starts: list[int] = field(default_factory=lambda: [0])  # text offset where each page begins
    warnings: list[str] = field(default_factory=list)
    # OCR mean line score per page, 0..1; None for a page read from its text layer or with no text found.
    # Empty when nothing was OCR'd. A UI can flag pages below ~0.9 for a human to check against the scan.
    page_confidence: list[float | None] = field(default_factory=list)

    def page_of(self, offset: int) -> int:
        """1-based page number holding the character at `offset`."""
        return max(1, bisect_right(self.page_starts, offset))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_document(path: Path | str) -> Document:
    """Read any supported agreement file. Raises DocumentError for anything unreadable."""
    from obligations.documents import plaintext

    path = Path(path)
    if not path.is_file():
        raise DocumentError(path, "file not found")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return plaintext.read(path)
    raise DocumentError(path, f"unsupported file type {suffix or '(none)'}; use PDF, DOCX or TXT")
