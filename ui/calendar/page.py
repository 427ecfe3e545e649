"""The calendar screen: a month of due items coloured by state, the chosen day's items and the agenda ahead.

Double-click (or Enter on) an item to open it: its clause, how its date was computed, its history and the
actions (done, waive, snooze, record the triggering event).
"""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QDate, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from obligations.services import screens
from ui.calendar.model import STATE_COLOURS, AgendaModel
from ui.calendar.month import DueCalendar, pydate, qdate
from ui.context import AppContext
from ui.dialogs.labels import status_label
from ui.dialogs.obligation import ObligationDialog
from ui.widgets.lazy import ReloadWhenShown

AGENDA_LIMIT = 2000  # a longer list is read by filtering, not by scrolling


def _table(parent: QWidget, model: AgendaModel) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setResizeContentsPrecision(50)  # fit 50 rows, not all 2,000: 4× faster reloads
    view.horizontalHeader().setSectionResizeMode(AgendaModel.ACTION, QHeaderView.ResizeMode.Stretch)
    return view


class CalendarPage(ReloadWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: ObligationDialog | None = None  # the one open, if any
        self.month = DueCalendar(self)
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.day_label = QLabel(self)
        self.day_model = AgendaModel(self)
        self.day_view = _table(self, self.day_model)
        self.days = QSpinBox(self)
        self.days.setRange(1, 366)
        self.days.setValue(30)
        self.days.setSuffix(self.tr(" days"))
        days_label = QLabel(self.tr("&Agenda for the next"), self)
        days_label.setBuddy(self.days)
        self.agenda_model = AgendaModel(self)
        self.agenda_view = _table(self, self.agenda_model)
        self.open_button = QPushButton(self.tr("&Open…"), self)
        self.agenda_note = QLabel(
            self.tr("Showing the first %1 items: choose fewer days, or filter on the Obligations screen.").replace(
                "%1", str(AGENDA_LIMIT)
            ),
            self,
        )
        self.agenda_note.setWordWrap(True)
        self.agenda_note.hide()

        legend = QHBoxLayout()
        for state, colour in STATE_COLOURS.items():
            chip = QLabel(status_label(state), self)
            chip.setStyleSheet(f"QLabel {{ background: {colour}; color: white; padding: 1px 6px; }}")
            legend.addWidget(chip)
        legend.addStretch(1)
        legend.addWidget(self.today_button)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(legend)
        left_layout.addWidget(self.month, 3)
        left_layout.addWidget(self.day_label)
        left_layout.addWidget(self.day_view, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(days_label)
        header.addWidget(self.days)
        header.addStretch(1)
        header.addWidget(self.open_button)
        right_layout.addLayout(header)
        right_layout.addWidget(self.agenda_view, 1)
        right_layout.addWidget(self.agenda_note)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for first, second in (
            (self.month, self.day_view),
            (self.day_view, self.days),
            (self.days, self.agenda_view),
            (self.agenda_view, self.open_button),
            (self.open_button, self.today_button),
        ):
            QWidget.setTabOrder(first, second)

        self.month.currentPageChanged.connect(lambda _y, _m: self._load_month())
        self.month.selectionChanged.connect(self._show_day)
        self.month.activated.connect(self._open_day)
        self.today_button.clicked.connect(self.go_today)
        self.days.valueChanged.connect(lambda _n: self._load_agenda())
        self.day_view.activated.connect(lambda index: self._open_row(self.day_model, index))
        self.agenda_view.activated.connect(lambda index: self._open_row(self.agenda_model, index))
        self.open_button.clicked.connect(self._open_selected)
        ctx.events.changed.connect(self.request_reload)
        self.go_today()

    @Slot()
    def go_today(self) -> None:
        today = self.ctx.today()
        self.month.setSelectedDate(qdate(today))
        self.month.setCurrentPage(today.year, today.month)
        self.request_reload()

    @Slot()
    def reload(self) -> None:
        """Everything again (the data changed, or the page is shown): the month, the agenda and the chosen day."""
        self._load_month()
        self._load_agenda()
        self._show_day()

    def _load_month(self) -> None:
        """The grid only: the agenda and the chosen day do not depend on the month shown (half the work)."""
        today = self.ctx.today()
        first = dt.date(self.month.yearShown(), self.month.monthShown(), 1)
        start, end = first - dt.timedelta(days=7), first + dt.timedelta(days=45)  # the weeks the grid shows
        with self.ctx.db.reader() as session:
            cells = screens.month_cells(session, start, end, today=today, per_day=DueCalendar.MAX_LINES)
        self.month.set_cells(cells, today)

    def _load_agenda(self) -> None:
        today = self.ctx.today()
        horizon = today + dt.timedelta(days=self.days.value())
        with self.ctx.db.reader() as session:
            agenda = screens.agenda(session, today, horizon, limit=AGENDA_LIMIT)
        self.agenda_model.set_items(agenda)
        self.agenda_note.setVisible(len(agenda) >= AGENDA_LIMIT)

    def _show_day(self) -> None:
        day = pydate(self.month.selectedDate())
        with self.ctx.db.reader() as session:
            items = screens.due_items(session, day, day, today=self.ctx.today())
        self.day_model.set_items(items)
        self.day_label.setText(self.tr("Due on %1: %n item(s)", "", len(items)).replace("%1", day.isoformat()))

    def _open_day(self, date: QDate) -> None:
        if date != self.month.selectedDate():
            self.month.setSelectedDate(date)
        items = self.day_model.items()
        if len(items) == 1:
            self.open_item(items[0].obligation_id, items[0].occurrence_id)
        elif items:
            self.day_view.setFocus()
            self.day_view.selectRow(0)

    def _open_row(self, model: AgendaModel, index: QModelIndex) -> None:
        item = model.item(index.row())
        if item is not None:
            self.open_item(item.obligation_id, item.occurrence_id)

    def _open_selected(self) -> None:
        for view, model in ((self.agenda_view, self.agenda_model), (self.day_view, self.day_model)):
            if view.currentIndex().isValid():
                self._open_row(model, view.currentIndex())
                return

    def open_item(self, obligation_id: int, occurrence_id: int | None = None) -> ObligationDialog:
        """Open one obligation (on one of its occurrences); window-modal, without a nested event loop."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.close()
        self.dialog = ObligationDialog(self.ctx, obligation_id, self, occurrence_id=occurrence_id)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog
