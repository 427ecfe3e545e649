"""A month grid whose days show what falls due on them, one coloured line per item, by state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QCalendarWidget, QWidget

from obligations.services.screens import DayCell, DueItem
from ui.calendar.model import STATE_COLOURS


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DueCalendar(QCalendarWidget):
    MAX_LINES = 3  # more than this: "+n more"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setMinimumSize(560, 420)
        self._cells: dict[dt.date, DayCell] = {}
        self._today: dt.date | None = None

    def set_cells(self, cells: dict[dt.date, DayCell], today: dt.date) -> None:
        self._cells, self._today = cells, today
        self.updateCells()

    def items_on(self, day: dt.date) -> list[DueItem]:
        """The items the grid shows on `day` (its first few: `count_on` says how many there are)."""
        cell = self._cells.get(day)
        return list(cell.items) if cell else []

    def count_on(self, day: dt.date) -> int:
        cell = self._cells.get(day)
        return cell.count if cell else 0

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = pydate(date)
        cell = self._cells.get(day)
        items, count = (cell.items, cell.count) if cell else ([], 0)
        painter.save()
        in_month = date.month() == self.monthShown()
        if day == self._today:
            painter.fillRect(rect, QColor("#e8f0fb"))
        if date == self.selectedDate():
            painter.fillRect(rect, self.palette().highlight().color().lighter(170))
        metrics = QFontMetrics(painter.font())
        line = metrics.height()
        painter.setPen(self.palette().text().color() if in_month else QColor("#a0a0a0"))
        number = rect.adjusted(4, 2, -4, 0)
        painter.drawText(number, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(date.day()))
        y = rect.top() + line + 4
        shown = items if count <= self.MAX_LINES else items[: self.MAX_LINES - 1]
        for item in shown:
            if y + line > rect.bottom():
                break
            bar = QRect(rect.left() + 3, y, rect.width() - 6, line)
            painter.fillRect(bar, QColor(STATE_COLOURS.get(item.state, "#777777")))
            painter.setPen(QColor("#ffffff"))
            text = item.action or item.party or item.contract_title
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, bar.width() - 4)
            painter.drawText(bar.adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, elided)
            y += line + 1
        if count > len(shown) and y + line <= rect.bottom() + 2:
            painter.setPen(self.palette().text().color())
            more = self.tr("+%n more", "", count - len(shown))
            painter.drawText(QRect(rect.left() + 3, y, rect.width() - 6, line), Qt.AlignmentFlag.AlignLeft, more)
        painter.restore()
