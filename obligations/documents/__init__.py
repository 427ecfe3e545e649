"""Reading signed agreements into text with a map back to their pages."""

from obligations.documents.base import (
    MAX_FILE_BYTES,
    MAX_PDF_PAGES,
    Cancelled,
    Document,
    DocumentError,
    Progress,
    ShouldCancel,
    load_document,
)

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PDF_PAGES",
    "Cancelled",
    "Document",
    "DocumentError",
    "Progress",
    "ShouldCancel",
    "load_document",
]
