"""The Summary sheet: the month at a glance, for a manager reading on a phone or on one printed page.

Top to bottom: title and period; the state counts; obligations due per week (table and chart); by contract;
by owner; expiries and non-renewal notice deadlines in the next six months. Long lists are cut with a pointer
to the sheet that has them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.pagebreak import Break

from obligations.export.labels import Labels
from obligations.export.period import ReportPeriod
from obligations.export.queries import GroupCounts, HorizonRow
from obligations.export.sheets import AMBER, DATE_FORMAT, FONT, GREEN, GREY, HEADER_FILL, RED, fill, setup_printing

COUNT_HEADERS = ("col.due_month", "col.done", "col.overdue", "sheet.next90", "col.next_deadline")
SUMMARY_LIMIT = 25  # rows per list before "… N more"
CHART_ROWS = 14  # rows left empty under the weekly table for the chart
WIDTHS = {"A": 40, "B": 24, "C": 12, "D": 12, "E": 12, "F": 12, "G": 12}


@dataclass
class SummaryData:
    day_counts: list[tuple[dt.date, str, int]]  # (due date, status, n) this month
    overdue: int
    due_soon: int
    awaiting_review: int
    by_contract: list[GroupCounts]  # key: contract id
    contract_names: dict[int, tuple[str, str | None]]  # id -> (title, counterparty)
    by_owner: list[GroupCounts]
    horizon: list[HorizonRow] = field(default_factory=list)


class _Writer:
    def __init__(self, ws: Any, lang: str) -> None:
        self.ws = ws
        self.row = 0
        self.font = FONT[lang]

    def cell(
        self,
        value: Any,
        *,
        bold: bool = False,
        size: int = 10,
        color: str | None = None,
        bg: str | None = None,
        fmt: str | None = None,
        wrap: bool = False,
    ) -> Cell:
        cell = Cell(self.ws, row=1, column=1, value=value)
        cell.font = Font(name=self.font, size=size, bold=bold, color=color)
        if bg:
            cell.fill = fill(bg)
        if fmt:
            cell.number_format = fmt
        cell.alignment = Alignment(vertical="top", wrap_text=wrap)
        return cell

    def append(self, cells: Sequence[Any] = ()) -> int:
        self.ws.append(list(cells))
        self.row += 1
        return self.row

    def header(self, names: Sequence[str], *, right: Sequence[int] = ()) -> int:
        """A table header; the `right` columns hold numbers or dates and are right-aligned to match."""
        cells = []
        for index, name in enumerate(names):
            cell = self.cell(name, bold=True, color="FFFFFF", bg=HEADER_FILL, wrap=True)
            cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="right" if index in right else None)
            cells.append(cell)
        return self.append(cells)

    def section(self, text: str) -> None:
        self.append()
        self.ws.row_dimensions[self.row + 1].height = 20  # the 12-point heading
        self.append([self.cell(text, bold=True, size=12, color=HEADER_FILL)])


def write_summary(
    ws: Any, data: SummaryData, period: ReportPeriod, labels: Labels, *, masked: bool, sheet_names: dict[str, str]
) -> None:
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    title = f"{labels('title')} {period.label}"
    setup_printing(ws, title=title, landscape=True)
    ws.print_options.gridLines = False  # a page of figures, not a grid
    ws.sheet_view.showGridLines = False
    ws.row_dimensions[1].height = 26  # the 16-point title
    w = _Writer(ws, labels.lang)
    w.append([w.cell(title, bold=True, size=16)])
    subtitle = labels(
        "subtitle",
        period=period.label,
        today=period.today.isoformat(),
        generated=f"{period.generated_at:%Y-%m-%d %H:%M}",
    )
    w.append([w.cell(subtitle, color="595959")])
    w.append(
        [
            w.cell(
                labels("masked_note" if masked else "unmasked_note"),
                color="595959" if masked else "C00000",
                bold=not masked,
            )
        ]
    )
    _states(w, data, labels)
    _weeks(w, data, period, labels)
    # Page 1 printed: the counts and the chart; the lists start on page 2 rather than leave a heading orphaned.
    ws.row_breaks.append(Break(id=w.row))
    _by_contract(w, data, labels, sheet_names["contracts"])
    _by_owner(w, data, labels)
    _horizon(w, data, period, labels)


def _states(w: _Writer, data: SummaryData, labels: Labels) -> None:
    w.section(labels("section.states"))
    total = sum(n for _d, _s, n in data.day_counts)
    by_status: dict[str, int] = {}
    for _day, status, n in data.day_counts:
        by_status[status] = by_status.get(status, 0) + n
    rows = [
        ("count.due_month", total, None),
        ("count.done", by_status.get("done", 0), GREEN),
        ("count.waived", by_status.get("waived", 0), None),
        ("count.open", by_status.get("open", 0), None),
        ("count.overdue", data.overdue, RED if data.overdue else None),
        ("count.due7", data.due_soon, AMBER if data.due_soon else None),
        ("count.review", data.awaiting_review, AMBER if data.awaiting_review else None),
    ]
    for key, value, color in rows:
        indent = key in ("count.done", "count.waived", "count.open")
        label = w.cell(("    " if indent else "") + labels(key), bold=not indent)
        w.append([label, w.cell(value, bold=not indent, bg=color, fmt="0")])


def _weeks(w: _Writer, data: SummaryData, period: ReportPeriod, labels: Labels) -> None:
    """Per week of the month: done, waived, open (not yet due), overdue; a stacked bar chart below."""
    w.section(labels("section.weeks"))
    states = ("done", "waived", "open", "overdue")
    header_row = w.header(
        [labels("col.week"), *(labels.state(s) for s in states), labels("col.total")], right=range(1, 6)
    )
    for start, end in period.weeks():
        counts = dict.fromkeys(states, 0)
        for day, status, n in data.day_counts:
            if start <= day <= end:
                key = "overdue" if status == "open" and day < period.today else status
                counts[key] = counts.get(key, 0) + n
        label = f"{start:%m-%d} – {end:%m-%d}" if start != end else f"{start:%m-%d}"
        values = [counts[s] for s in states]
        w.append([w.cell(label), *(w.cell(v, fmt="0") for v in values), w.cell(sum(values), fmt="0", bold=True)])
    last_row = w.row
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = labels("chart.title")
    chart.y_axis.majorGridlines = None
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.legend.position = "b"
    data_ref = Reference(w.ws, min_col=2, max_col=5, min_row=header_row, max_row=last_row)
    chart.add_data(data_ref, titles_from_data=True)
    chart.set_categories(Reference(w.ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    for series, color in zip(chart.series, (GREEN, GREY, "9DC3E6", RED), strict=True):
        series.graphicalProperties.solidFill = color
        series.graphicalProperties.line.solidFill = color
    chart.width, chart.height = 21, 6.5  # centimetres: about the width of columns A-G
    w.ws.add_chart(chart, f"A{last_row + 2}")
    for _ in range(CHART_ROWS):
        w.append()


def _more(w: _Writer, labels: Labels, hidden: int, sheet: str) -> None:
    if hidden > 0:
        w.append([w.cell(labels("more_rows", n=hidden, sheet=sheet), color="595959")])


def _by_contract(w: _Writer, data: SummaryData, labels: Labels, contracts_sheet: str) -> None:
    w.section(labels("section.by_contract"))
    names = ("col.contract", "col.counterparty", *COUNT_HEADERS)
    w.header([labels(n) for n in names], right=range(2, 7))
    if not data.by_contract:
        w.append([w.cell(labels("none"), color="595959")])
    for row in data.by_contract[:SUMMARY_LIMIT]:
        title, counterparty = data.contract_names.get(row.key, ("?", None))
        w.append(_counts_cells(w, [w.cell(title, wrap=True), w.cell(counterparty, wrap=True)], row))
    _more(w, labels, len(data.by_contract) - SUMMARY_LIMIT, contracts_sheet)


def _counts_cells(w: _Writer, lead: list[Cell], row: GroupCounts) -> list[Cell]:
    return [
        *lead,
        w.cell(row.due_month, fmt="0"),
        w.cell(row.done_month, fmt="0"),
        w.cell(row.overdue, fmt="0", bg=RED if row.overdue else None, bold=bool(row.overdue)),
        w.cell(row.open_next, fmt="0"),
        w.cell(row.next_due, fmt=DATE_FORMAT),
    ]


def _by_owner(w: _Writer, data: SummaryData, labels: Labels) -> None:
    w.section(labels("section.by_owner"))
    names = ("col.owner", "", *COUNT_HEADERS)
    w.header([labels(n) if n else "" for n in names], right=range(2, 7))
    if not data.by_owner:
        w.append([w.cell(labels("none"), color="595959")])
    for row in data.by_owner[:SUMMARY_LIMIT]:
        w.append(_counts_cells(w, [w.cell(row.key or labels("unassigned")), w.cell(None)], row))
    _more(w, labels, len(data.by_owner) - SUMMARY_LIMIT, labels("sheet.next90"))


def _horizon(w: _Writer, data: SummaryData, period: ReportPeriod, labels: Labels) -> None:
    w.section(labels("section.horizon"))
    w.header(
        [labels(n) for n in ("col.contract", "col.counterparty", "col.date", "col.days_left", "col.what")], right=(2, 3)
    )
    if not data.horizon:
        w.append([w.cell(labels("none"), color="595959")])
    for item in data.horizon[: SUMMARY_LIMIT * 2]:
        days = (item.day - period.today).days
        what = labels(f"horizon.{item.what}")
        if item.detail:
            what += f"（{item.detail}）" if labels.lang == "zh" else f" ({item.detail})"
        color = AMBER if days <= 30 else None
        w.append(
            [
                w.cell(item.contract_title, wrap=True),
                w.cell(item.counterparty, wrap=True),
                w.cell(item.day, fmt=DATE_FORMAT, bg=color),
                w.cell(days, fmt="0"),
                w.cell(what),
            ]
        )
    _more(w, labels, len(data.horizon) - SUMMARY_LIMIT * 2, labels("sheet.contracts"))
