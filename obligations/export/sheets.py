"""Writing one streamed table to a write-only worksheet: header, widths, cell styles, fills, filter, printing.

openpyxl's write-only mode keeps memory flat (rows go straight to a temporary file), at a price: everything
written at the top of the sheet XML (column widths, frozen panes, fit-to-page) must be set before the first
row; what comes after the rows (filter, conditional formats, page setup) may be set at the end.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "yyyy-mm-dd"  # unambiguous in both languages, sorts as text too
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
FONT = {"zh": "等线", "en": "Calibri"}  # Excel's default body font for each UI language

# Fills: the usual traffic-light pastels, dark enough to print on a grey-scale laser printer.
RED, AMBER, GREEN, GREY = "F8CBAD", "FFE699", "C6EFCE", "E7E6E6"
HEADER_FILL = "1F4E78"

# Column kinds: (width in characters, wrap). Widths are CJK-aware: a Chinese character counts as two. Chosen so
# the twelve occurrence columns print on A4 landscape at about 75%: wide enough to read, small enough to fit.
KIND_WIDTH: dict[str, tuple[float, bool]] = {
    "date": (10.5, False),
    "datetime": (15.5, False),
    "int": (6.5, False),
    "state": (10, False),
    "name": (18, True),
    "short": (8, True),
    "wrap": (22, True),
    "long": (36, True),
    "note": (18, True),
    "text": (14, True),
}
LINE_HEIGHT = 13.0  # points per line of 10-point text
MAX_LINES = 12  # a row never grows taller (a long explanation): the full text is still in the cell
HEADER_LINES = 2  # "剩余天数" in a 6.5-wide column wraps once


def display_width(text: str | None) -> int:
    """Columns `text` takes in a monospace view: East Asian wide/full-width characters count double.

    >>> display_width("合同abc")
    7
    """
    if not text:
        return 0
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # a KIND_WIDTH key
    width: float | None = None  # None: the kind's width, widened to fit the header


def fill(color: str) -> PatternFill:
    # Conditional formats (dxf) paint with the background colour; normal cells with the foreground: set both.
    return PatternFill(fill_type="solid", start_color=color, end_color=color)


def text_width(text: str) -> int:
    """display_width(), fast enough for every cell of 100,000 rows: the UTF-8 length tells CJK (3 bytes) from
    ASCII (1 byte) without a Python-level loop. Exact for CJK and ASCII, close for the rest."""
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def line_count(text: str, width: float) -> int:
    """Lines `text` wraps to in a column `width` characters wide (each explicit line break starts a new one)."""
    # Rather a line too many than a clipped one: fonts differ by machine, and wrapping breaks at words.
    per_line = max(width * 0.85, 1)
    return sum(max(1, -int(-text_width(line) // per_line)) for line in text.split("\n"))


class TableSheet:
    """A table on its own worksheet: row 1 is the header, frozen, filtered and repeated on every printed page.

    Rows with wrapped text get an explicit height: neither LibreOffice nor every Excel re-measures rows of a
    generated file, and a one-line row hides the second line of an explanation.
    """

    def __init__(self, ws: Any, columns: Sequence[Column], *, lang: str, title: str) -> None:
        self.ws = ws
        self.columns = list(columns)
        self.rows = 0
        self._cell_styles = [self._style_for(c.kind, lang) for c in self.columns]
        self._wrapped: list[tuple[int, float]] = []  # (index, width) of the columns whose text wraps
        for index, column in enumerate(self.columns):
            default, wrap = KIND_WIDTH[column.kind]
            width = column.width or default
            ws.column_dimensions[get_column_letter(index + 1)].width = width
            if wrap:
                self._wrapped.append((index, width))
        ws.freeze_panes = "A2"
        setup_printing(ws, title=title)
        ws.print_title_rows = "1:1"
        self._write_header(lang)

    def _style_for(self, kind: str, lang: str) -> Any:
        """A template cell carrying the column's style; data cells copy its style array (cheap)."""
        cell = Cell(self.ws, row=1, column=1)
        cell.font = Font(name=FONT[lang], size=10)
        wrap = KIND_WIDTH[kind][1]
        cell.alignment = Alignment(wrap_text=wrap, vertical="top")
        if kind == "date":
            cell.number_format = DATE_FORMAT
        elif kind == "datetime":
            cell.number_format = DATETIME_FORMAT
        elif kind == "int":
            cell.number_format = "0"
            cell.alignment = Alignment(vertical="top", horizontal="right")
        return cell._style

    def _write_header(self, lang: str) -> None:
        style = Font(name=FONT[lang], size=10, bold=True, color="FFFFFF")
        cells = []
        lines = 1
        for column in self.columns:
            cell = Cell(self.ws, row=1, column=1, value=column.header)
            cell.font = style
            cell.fill = fill(HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.border = Border(bottom=Side(style="thin", color="000000"))
            cells.append(cell)
            lines = max(lines, line_count(column.header, column.width or KIND_WIDTH[column.kind][0]))
        self.ws.row_dimensions[1].height = min(lines, HEADER_LINES) * LINE_HEIGHT + 4
        self.ws.append(cells)

    def append(self, values: Sequence[Any]) -> None:
        cells: list[Cell | None] = []
        for value, style in zip(values, self._cell_styles, strict=True):
            if value is None or value == "":
                cells.append(None)  # no cell at all: cheaper to write, and the row's fill still covers it
                continue
            cell = Cell(self.ws, row=1, column=1, value=None, style_array=style)
            if isinstance(value, str):
                # Always text, never a formula ("=..." in contract text is data). The report's strings are
                # already clean (rows.clean), so openpyxl's per-string checks are skipped (7% of the export).
                cell._value, cell.data_type = value, "s"
            else:
                cell.value = value
            cells.append(cell)
        lines = 1
        for index, width in self._wrapped:
            value = values[index]
            if isinstance(value, str) and len(value) * 2 > width - 1:  # could need a second line
                lines = max(lines, line_count(value, width))
        row = self.rows + 2
        if lines > 1:
            self.ws.row_dimensions[row].height = min(lines, MAX_LINES) * LINE_HEIGHT + 3
        self.ws.append(cells)
        if lines > 1:
            del self.ws.row_dimensions[row]  # written: keep memory flat
        self.rows += 1

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for values in rows:
            self.append(values)

    @property
    def last_column(self) -> str:
        return str(get_column_letter(len(self.columns)))

    def finish(self, fills: Sequence[Highlight] = ()) -> None:
        """Filter over the whole table, then the conditional fills in order (the first that matches wins)."""
        last_row = self.rows + 1
        self.ws.auto_filter.ref = f"A1:{self.last_column}{last_row}"
        if not self.rows:
            return
        for highlight in fills:
            areas = highlight.columns or [f"A:{self.last_column}"]
            ranges = []
            for area in areas:
                first, _, last = area.partition(":")
                ranges.append(f"{first}2:{last or first}{last_row}")
            rule = FormulaRule(formula=[highlight.formula], fill=fill(highlight.color), stopIfTrue=True)
            self.ws.conditional_formatting.add(" ".join(ranges), rule)


@dataclass(frozen=True)
class Highlight:
    """A conditional fill: `formula` written for row 2 (Excel shifts it down), on `columns` ("K", "A:C") or
    the whole row."""

    formula: str
    color: str
    columns: tuple[str, ...] = ()


def setup_printing(ws: Any, *, title: str, landscape: bool = True) -> None:
    """A4 landscape, one page wide and as many long as needed, sheet and page number on every page."""
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # 0 = as many pages as it takes
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.gridLines = True
    ws.oddHeader.left.text = title.replace("&", "&&")
    ws.oddHeader.right.text = "&A"  # the sheet's name
    ws.oddFooter.right.text = "&P / &N"


def as_cell_datetime(value: dt.datetime | None) -> dt.datetime | None:
    """Excel stores no time zone and no microseconds worth showing."""
    return value.replace(microsecond=0, tzinfo=None) if value is not None else None
