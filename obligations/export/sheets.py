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

# Column kinds: (width in characters, wrap). Widths are CJK-aware: a Chinese character counts as two.
KIND_WIDTH: dict[str, tuple[float, bool]] = {
    "date": (11.5, False),
    "datetime": (16.5, False),
    "int": (9, False),
    "state": (12, False),
    "name": (24, True),
    "short": (11, True),
    "wrap": (26, True),
    "long": (48, True),
    "text": (16, True),
}


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


class TableSheet:
    """A table on its own worksheet: row 1 is the header, frozen, filtered and repeated on every printed page."""

    def __init__(self, ws: Any, columns: Sequence[Column], *, lang: str, title: str) -> None:
        self.ws = ws
        self.columns = list(columns)
        self.rows = 0
        self._cell_styles = [self._style_for(c.kind, lang) for c in self.columns]
        for index, column in enumerate(self.columns, 1):
            default, _wrap = KIND_WIDTH[column.kind]
            width = column.width or max(default, min(display_width(column.header) + 3, 30))
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
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
        for column in self.columns:
            cell = Cell(self.ws, row=1, column=1, value=column.header)
            cell.font = style
            cell.fill = fill(HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.border = Border(bottom=Side(style="thin", color="000000"))
            cells.append(cell)
        self.ws.append(cells)

    def append(self, values: Sequence[Any]) -> None:
        cells = []
        for value, style in zip(values, self._cell_styles, strict=True):
            cell = Cell(self.ws, row=1, column=1, value=None, style_array=style)
            if isinstance(value, str) and value.startswith("="):
                cell._value, cell.data_type = value, "s"  # text, never a formula: contract text is data
            else:
                cell.value = value
            cells.append(cell)
        self.ws.append(cells)
        self.rows += 1

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for values in rows:
            self.append(values)

    @property
    def last_column(self) -> str:
        return get_column_letter(len(self.columns))

    def finish(self, fills: Sequence[tuple[str, str]] = ()) -> None:
        """Filter over the whole table and conditional fills: (formula on row 2, colour), first match wins."""
        last_row = self.rows + 1
        self.ws.auto_filter.ref = f"A1:{self.last_column}{last_row}"
        if self.rows:
            area = f"A2:{self.last_column}{last_row}"
            for formula, color in fills:
                rule = FormulaRule(formula=[formula], fill=fill(color), stopIfTrue=True)
                self.ws.conditional_formatting.add(area, rule)


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
