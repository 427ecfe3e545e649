"""Word (.docx) agreements: body paragraphs and tables in reading order; headers, footers and notes left out.

Tables come out one row per line, cells joined by a tab (how the corpus .txt files were made), so a clause in
a table reads as one line. Macros are never run: python-docx only reads XML, and packages carrying a VBA
project are refused before it opens them (see `ooxml`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from obligations.documents import ooxml
from obligations.documents.base import Document, DocumentError, normalise_newlines, sha256_bytes

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _SDT, _SDT_CONTENT = f"{_W}p", f"{_W}tbl", f"{_W}sdt", f"{_W}sdtContent"
_TR, _TC, _T = f"{_W}tr", f"{_W}tc", f"{_W}t"
# Inline elements that carry text, and what each contributes. w:delText (tracked deletions) is not here.
_INLINE = {
    _T: None,
    f"{_W}tab": "\t",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
    f"{_W}softHyphen": "",
}


def read(path: Path, raw: bytes) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    package = ooxml.open_package(path, raw)
    package.close()
    try:
        body = docx.Document(io.BytesIO(raw)).element.body
    except (PackageNotFoundError, KeyError, SyntaxError, *ooxml.PACKAGE_ERRORS) as exc:
        # lxml's XMLSyntaxError is a SyntaxError; ValueError covers python-docx's "not a Word file" checks;
        # zip-level damage (CRC, deflate) shows here, as only the XML prologs were read before
        raise DocumentError(path, f"damaged Word document ({_one_line(exc)})") from exc
    text = normalise_newlines("\n".join(_blocks(body)))
    if not text.strip():
        raise DocumentError(path, "the Word document has no text in its body")
    return Document(path=path, text=text, sha256=sha256_bytes(raw), kind="docx")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or exc.__class__.__name__


def _blocks(container: Any) -> Iterator[str]:
    """Lines of a body or table cell: one per paragraph, one per table row, content controls unwrapped."""
    for child in container.iterchildren():
        if child.tag == _P:
            yield paragraph_text(child)
        elif child.tag == _TBL:
            yield from _table_rows(child)
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                yield from _blocks(content)


def _table_rows(table: Any) -> Iterator[str]:
    for row in table.iterchildren(_TR):
        cells = [_cell_text(cell) for cell in _row_cells(row)]
        yield "\t".join(cells)


def _row_cells(row: Any) -> Iterator[Any]:
    for child in row.iterchildren():
        if child.tag == _TC:
            yield child
        elif child.tag == _SDT:  # a content control wrapping cells
            for content in child.iterchildren(_SDT_CONTENT):
                yield from content.iterchildren(_TC)


def _cell_text(cell: Any) -> str:
    """A cell on one line: its paragraphs and nested rows joined by spaces, so a row stays one line."""
    return " ".join(line for line in (" ".join(part.split()) for part in _blocks(cell)) if line)


def paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for element in paragraph.iter(*_INLINE):
        if _in_fallback(element, paragraph):
            continue  # mc:Fallback repeats the mc:Choice content for old readers
        if element.tag == _T:
            parts.append(element.text or "")
        else:
            parts.append(_INLINE[element.tag] or "")
    return "".join(parts)


def _in_fallback(element: Any, stop: Any) -> bool:
    node = element.getparent()
    while node is not None and node is not stop:
        if node.tag == _MC_FALLBACK:
            return True
        node = node.getparent()
    return False
