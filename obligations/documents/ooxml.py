"""Checks on a .docx package before python-docx opens it: a real Word zip, no zip bomb, no DTD tricks.

python-docx reads every part of the package into memory and parses the XML with lxml, so the limits apply
to the whole package. The sizes checked are those the zip declares; Python's zipfile never inflates a
member past its declared size (a lying header ends in a CRC error, reported as a damaged file).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from xml.parsers import expat

from obligations.documents import sniff
from obligations.documents.base import DocumentError

MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024  # a Word file with many scanned exhibits stays well below
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # deflated XML reaches ~20:1, padding-heavy XML ~100:1; bombs are 1000:1 and more
RATIO_FLOOR_BYTES = 1024 * 1024  # small members may compress to any ratio without harm
MAIN_PART = "word/document.xml"
# What reading a corrupt zip raises: bad CRC or header, broken deflate data, an unknown compression method
# or zip version, an encrypted member (RuntimeError), a truncated stream.
PACKAGE_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, ValueError, EOFError)


class _PrologDone(Exception):
    """The root element was reached without a DTD; nothing further can declare entities."""


def open_package(path: Path, raw: bytes) -> zipfile.ZipFile:
    """The .docx as an open ZipFile once it passed every check; DocumentError with a one-line reason otherwise."""
    if not raw.startswith(b"PK\x03\x04"):
        kind = sniff.identify(raw)
        raise DocumentError(path, f"not a Word document (it is {kind})" if kind else "not a Word document")
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
        infos = package.infolist()
    except PACKAGE_ERRORS as exc:
        raise DocumentError(path, f"damaged Word document ({exc})") from exc
    names = {info.filename for info in infos}
    if MAIN_PART not in names:
        raise DocumentError(path, "not a Word document (a ZIP archive without word/document.xml)")
    if "word/vbaProject.bin" in names:  # python-docx never runs macros; say plainly why we refuse
        raise DocumentError(path, "contains macros (a renamed .docm); save it as .docx without macros")
    _check_sizes(path, infos)
    for info in infos:
        if not info.is_dir():
            _check_prolog(path, package, info)
    return package


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise DocumentError(path, f"refused: the Word file holds {len(infos):,} parts (a zip bomb?)")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise DocumentError(
            path,
            f"refused: unpacks to {total / 2**20:,.0f} MB, over the {MAX_UNCOMPRESSED_BYTES // 2**20} MB limit"
            " (a zip bomb?)",
        )
    for info in infos:
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocumentError(
                path,
                f"refused: part {info.filename} is compressed {info.file_size // max(info.compress_size, 1):,}:1"
                " (a zip bomb?)",
            )


def _check_prolog(path: Path, package: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse any part whose XML declares a DTD (entity expansion, external entities). Word never writes one.

    Only the prolog is parsed: a DTD must come before the root element, so parsing stops there. Parts that
    are not XML (images) fail to parse at once and are left to python-docx, which treats them as blobs.
    """

    def doctype(*_args: object) -> None:
        raise DocumentError(path, f"refused: part {info.filename} declares a DTD (XML entity expansion attack?)")

    def root(*_args: object) -> None:
        raise _PrologDone

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        with package.open(info) as member:
            while chunk := member.read(8192):
                parser.Parse(chunk, False)
    except _PrologDone:
        return
    except expat.ExpatError:
        return
    except PACKAGE_ERRORS as exc:
        raise DocumentError(path, f"damaged Word document ({exc})") from exc
