"""Reading signed agreements into text with a map back to their pages."""

from obligations.documents.base import Document, DocumentError, load_document

__all__ = ["Document", "DocumentError", "load_document"]
