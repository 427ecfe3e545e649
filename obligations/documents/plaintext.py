"""Plain-text agreements: UTF-8 (with or without BOM), else GB18030 as Chinese Windows saves them; UTF-16.

The decoded text, with line endings normalised, is exactly what the evaluation's `read_text` produces for
UTF-8 and GB18030 files, so character offsets agree.
"""

from __future__ import annotations

import re
from pathlib import Path

from obligations.documents import sniff
from obligations.documents.base import Document, DocumentError, normalise_newlines, sha256_bytes

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),  # Windows Notepad's "Unicode"
    (b"\xfe\xff", "utf-16-be"),
)
# C0/C1 controls except \t \n \v \f \r and ^Z (page breaks and a trailing DOS ^Z occur in real files)
_STRAY_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01  # more stray control characters than this and it is not text


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 saved without a BOM: ASCII-heavy text then has a NUL in every other byte."""
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.5 * half and even == 0:
        return "utf-16-le"
    if even > 0.5 * half and odd == 0:
        return "utf-16-be"
    return None


def decode(raw: bytes) -> str:
    """Decode as the evaluation does (BOM, UTF-8, else GB18030), plus UTF-16. Raises UnicodeDecodeError."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding)
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return raw.decode(utf16)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _binary_reason(raw: bytes) -> str | None:
    kind = sniff.identify(raw)
    if kind is not None:
        return f"not a text file (it is {kind})"
    if b"\x00" in raw[:65536] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and not _utf16_without_bom(raw):
        return "not a text file (it contains binary data)"
    return None


def read(path: Path, raw: bytes) -> Document:
    reason = _binary_reason(raw)
    if reason:
        raise DocumentError(path, reason)
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        raise DocumentError(path, "not a text file (neither UTF-8, UTF-16 nor GB18030)") from exc
    if len(_STRAY_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise DocumentError(path, "not a text file (it contains binary data)")
    text = normalise_newlines(text)
    if not text.strip():
        raise DocumentError(path, "empty file (no text)")
    return Document(path=path, text=text, sha256=sha256_bytes(raw), kind="txt")
