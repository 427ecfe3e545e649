"""The day's digest: every deadline that needs attention, with Snooze, Acknowledge, Done and Waive at hand."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from obligations.errors import KnownError
from obligations.paths import data_dir
from obligations.reminders import Reminder, ReminderState, due_reminders
from obligations.services import occurrences
from ui.context import AppContext

ModelIndex = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#fde2e1")
DUE_SOON = QColor("#fff4d6")
SNOOZE_CHOICES = ((1, "1 day"), (3, "3 days"), (7, "1 week"))


class ReminderModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Reminder] = []
        self._headers = [
            self.tr("Due"),
            self.tr("Days left"),
            self.tr("Obligation"),
            self.tr("Contract"),
            self.tr("Owner"),
        ]

    def set_rows(self, rows: list[Reminder]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def reminder(self, row: int) -> Reminder:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            what = " ".join(x for x in (r.party, r.action) if x) or (r.phrase or r.kind)
            due = r.due_at.strftime("%Y-%m-%d %H:%M") if r.due_at else r.due_date.isoformat()
            return (due, str(r.days_left), what, r.contract_title, r.owner or "")[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.state == ReminderState.OVERDUE:
                return QBrush(OVERDUE)
            if r.days_left <= 7:
                return QBrush(DUE_SOON)
        if role == Qt.ItemDataRole.ToolTipRole and r.provisional:
            return self.tr("Provisional: next year's holiday schedule is not published yet")
        return None


class DigestDialog(QDialog):
    open_obligation = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Deadlines that need attention"))
        self.resize(900, 420)
        self.summary = QLabel()
        self.model = ReminderModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _: self._open())

        self.open_button = QPushButton(self.tr("&Open"))
        self.ack_button = QPushButton(self.tr("&Acknowledge"))
        self.snooze_button = QPushButton(self.tr("&Snooze"))
        self.done_button = QPushButton(self.tr("Mark &done…"))
        self.waive_button = QPushButton(self.tr("&Waive…"))
        snooze_menu = QMenu(self.snooze_button)
        for days, label in SNOOZE_CHOICES:
            snooze_menu.addAction(self.tr(label), lambda d=days: self.snooze_for(d))
        snooze_menu.addAction(self.tr("Until a date…"), self._snooze_until)
        self.snooze_button.setMenu(snooze_menu)
        self.open_button.clicked.connect(self._open)
        self.ack_button.clicked.connect(self.acknowledge)
        self.done_button.clicked.connect(self._done)
        self.waive_button.clicked.connect(self._waive)
        self.done_button.setShortcut(QKeySequence("Ctrl+D"))

        buttons = QHBoxLayout()
        for button in (self.open_button, self.ack_button, self.snooze_button, self.done_button, self.waive_button):
            buttons.addWidget(button)
        buttons.addStretch()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        ctx.events.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        with self._ctx.db.reader() as session:
            rows = due_reminders(session, self._ctx.today())
        self.model.set_rows(rows)
        overdue = sum(r.state == ReminderState.OVERDUE for r in rows)
        text = self.tr("%1 deadline(s) need attention; %2 overdue.").replace("%1", str(len(rows)))
        self.summary.setText(text.replace("%2", str(overdue)))
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def selected(self) -> Reminder | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.reminder(rows[0].row()) if rows else None

    def _write(self, action: object) -> None:
        try:
            with self._ctx.db.transaction() as session:
                action(session)  # type: ignore[operator]
        except KnownError as exc:
            from ui.widgets.messages import show_known_error

            show_known_error(self, exc)
            return
        self._ctx.events.changed.emit()

    # Each action on the selected reminder. Input is asked through small methods tests can replace.
    def acknowledge(self) -> None:
        if (r := self.selected()) is not None:
            self._write(lambda s: occurrences.acknowledge(s, r.occurrence_id))

    def snooze_for(self, days: int, reason: str | None = None) -> None:
        self.snooze_until(self._ctx.today() + dt.timedelta(days=days), reason)

    def snooze_until(self, until: dt.date, reason: str | None = None) -> None:
        r = self.selected()
        if r is None:
            return
        if reason is None:
            reason = self.ask_text(self.tr("Snooze"), self.tr("Why snooze it (optional)?"))
            if reason is None:
                return
        self._write(lambda s: occurrences.snooze(s, r.occurrence_id, until=until, reason=reason or None))

    def mark_done(self, note: str, evidence: Path | None = None) -> None:
        r = self.selected()
        if r is None:
            return
        name = store_evidence(evidence) if evidence else None
        self._write(lambda s: occurrences.mark_done(s, r.occurrence_id, note=note or None, evidence_name=name))

    def waive(self, note: str) -> None:
        if (r := self.selected()) is not None:
            self._write(lambda s: occurrences.waive(s, r.occurrence_id, note=note))

    def ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def _open(self) -> None:
        if (r := self.selected()) is not None:
            self.open_obligation.emit(r.obligation_id)

    def _snooze_until(self) -> None:
        text = self.ask_text(self.tr("Snooze"), self.tr("Snooze until (YYYY-MM-DD):"))
        if text:
            try:
                self.snooze_until(dt.date.fromisoformat(text.strip()))
            except ValueError:
                self.summary.setText(self.tr("Not a date: %1").replace("%1", text))

    def _done(self) -> None:
        note = self.ask_text(self.tr("Mark done"), self.tr("Note (what was done, reference):"))
        if note is None:
            return
        evidence, _ = QFileDialog.getOpenFileName(self, self.tr("Evidence file (optional)"))
        self.mark_done(note, Path(evidence) if evidence else None)

    def _waive(self) -> None:
        note = self.ask_text(self.tr("Waive"), self.tr("Why is it waived? (required)"))
        if note is not None:
            self.waive(note)


def store_evidence(path: Path) -> str:
    """Keep a copy of the evidence file beside the originals, named by content so it is stored once."""
    folder = data_dir() / "evidence"
    folder.mkdir(exist_ok=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    target = folder / f"{digest}-{path.name}"
    if not target.exists():
        shutil.copyfile(path, target)
    return target.name
