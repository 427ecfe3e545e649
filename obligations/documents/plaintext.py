"""Plain-text agreements: UTF-8 (with or without BOM), else GB18030 as Chinese Windows saves them."""

from __future__ import annotations

from pathlib import Path

from obligations.documents.base import Document, DocumentError, normalise_newlines, sha256_of


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def read(path: Path) -> Document:
    raw = path.read_bytes()
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        raise DocumentError(path, "not UTF-8 or GB18030 text") from exc
    return Document(path=path, text=normalise_newlines(text), sha256=sha256_of(path), kind="txt")
