"""What a file really is, from its first bytes, so a renamed file gets a reason instead of a parser's traceback."""

from __future__ import annotations

# (magic prefix, what to call it) — checked in order; the names finish the sentence "it is ..."
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"),
    (b"\xcf\xfa\xed\xfe", "a macOS program"),
    (b"\xce\xfa\xed\xfe", "a macOS program"),
    (b"\xca\xfe\xba\xbe", "a macOS program"),
    (b"%PDF-", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-format (.doc) or password-protected Office file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
)

PDF_HEADER_WINDOW = 1024  # the PDF header may follow some junk; readers accept it within the first 1 KB


def identify(raw: bytes) -> str | None:
    """What the bytes look like, e.g. "a Windows program"; None when no known signature matches."""
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return name
    if b"%PDF-" in raw[:PDF_HEADER_WINDOW]:
        return "a PDF file"
    return None


def is_program(raw: bytes) -> bool:
    name = identify(raw)
    return name is not None and name.endswith("program")
