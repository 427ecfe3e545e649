"""One obligation: its source clause, how each due date was computed, its history, and what to do about it."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from sqlalchemy.orm import Session

from PySide6.QtCore import QDateTime, QItemSelectionModel, Qt, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from obligations.errors import KnownError
from obligations.model import AnchorType, OccurrenceStatus
from obligations.services import occurrences, screens
from obligations.services.screens import ObligationDetail, OccurrenceView
from ui.context import AppContext
from ui.dialogs.fields import OptionalDateEdit, StepsView, show_known_error
from ui.dialogs.labels import date_text, kind_label, review_label, rule_summary
from ui.dialogs.models import HistoryModel, OccurrenceModel
from ui.dialogs.writes import write

SNOOZE_DAYS = (1, 3, 7)  # the quick choices; "until a date" is the fourth


def _table(parent: QWidget, model: OccurrenceModel | HistoryModel, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ObligationDialog(QDialog):
    def __init__(
        self, ctx: AppContext, obligation_id: int, parent: QWidget | None = None, *, occurrence_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.obligation_id = obligation_id
        self.detail: ObligationDetail | None = None
        self.setWindowTitle(self.tr("Obligation"))
        self.resize(960, 680)
        self._build()
        self._listening = False
        self.reload(select=occurrence_id)

    # Only a shown dialog follows the database: one closed (and kept by its parent) must not keep reloading.
    def showEvent(self, event: QShowEvent) -> None:
        if not self._listening:
            self.ctx.events.changed.connect(self.reload)
            self._listening = True
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._listening:
            self.ctx.events.changed.disconnect(self.reload)
            self._listening = False
        super().hideEvent(event)

    # ---- layout -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.quote = QPlainTextEdit(self)
        self.quote.setReadOnly(True)
        self.occurrence_model = OccurrenceModel(self)
        self.occurrence_view = _table(self, self.occurrence_model, 4)
        self.steps = StepsView(self)
        dates = QSplitter(Qt.Orientation.Vertical, self)
        dates.addWidget(self.occurrence_view)
        dates.addWidget(self.steps)
        self.history_model = HistoryModel(self)
        self.history_view = _table(self, self.history_model, 3)
        self.history_view.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(dates, self.tr("&Due dates and how they were computed"))
        self.tabs.addTab(self.quote, self.tr("Source &clause"))
        self.tabs.addTab(self.history_view, self.tr("&History"))

        self.actions_box = self._build_actions()
        self.event_box = self._build_event()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addWidget(self.actions_box, 3)
        row.addWidget(self.event_box, 2)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.occurrence_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in the note field must never mark anything done
        chain: list[QWidget] = [self.tabs, self.occurrence_view, self.steps, self.note, self.evidence]
        chain += [self.done_button, self.waive_button, self.snooze_choice, self.snooze_until, self.snooze_reason]
        chain += [self.snooze_button, self.event_at, self.event_note, self.event_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_actions(self) -> QGroupBox:
        box = QGroupBox(self.tr("The selected due date"), self)
        self.note = QLineEdit(box)
        self.note.setPlaceholderText(self.tr("what was done, or why it is waived (required to waive)"))
        self.evidence = QLineEdit(box)
        self.evidence.setPlaceholderText(self.tr("e.g. payment-voucher-0315.pdf"))
        browse = QPushButton(self.tr("&Browse…"), box)
        browse.clicked.connect(self._browse_evidence)
        self.done_button = QPushButton(self.tr("Mark &done"), box)
        self.waive_button = QPushButton(self.tr("&Waive"), box)
        self.snooze_choice = QComboBox(box)
        for days in SNOOZE_DAYS:
            self.snooze_choice.addItem(self.tr("%n day(s)", "", days), days)
        self.snooze_choice.addItem(self.tr("until a date"), 0)
        self.snooze_until = OptionalDateEdit(box)
        self.snooze_reason = QLineEdit(box)
        self.snooze_reason.setPlaceholderText(self.tr("reason"))
        self.snooze_button = QPushButton(self.tr("&Snooze"), box)
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Note:"), box), 0, 0)
        grid.addWidget(self.note, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Evidence file:"), box), 1, 0)
        grid.addWidget(self.evidence, 1, 1, 1, 2)
        grid.addWidget(browse, 1, 3)
        grid.addWidget(self.done_button, 2, 1)
        grid.addWidget(self.waive_button, 2, 2)
        grid.addWidget(QLabel(self.tr("Snooze:"), box), 3, 0)
        grid.addWidget(self.snooze_choice, 3, 1)
        grid.addWidget(self.snooze_until, 3, 2)
        grid.addWidget(self.snooze_reason, 4, 1, 1, 2)
        grid.addWidget(self.snooze_button, 4, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.done_button.clicked.connect(self.mark_done)
        self.waive_button.clicked.connect(self.waive)
        self.snooze_button.clicked.connect(self.snooze)
        self.snooze_choice.currentIndexChanged.connect(
            lambda _i: self.snooze_until.setEnabled(self.snooze_choice.currentData() == 0)
        )
        self.snooze_until.setEnabled(False)
        return box

    def _build_event(self) -> QGroupBox:
        box = QGroupBox(self.tr("Record the triggering event"), self)
        self.event_hint = QLabel(box)
        self.event_hint.setWordWrap(True)
        self.event_at = QDateTimeEdit(box)
        self.event_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.event_at.setCalendarPopup(True)
        self.event_note = QLineEdit(box)
        self.event_note.setPlaceholderText(self.tr("e.g. ticket number, who reported it"))
        self.event_button = QPushButton(self.tr("&Record event"), box)
        self.event_button.clicked.connect(self.record_event)
        grid = QGridLayout(box)
        grid.addWidget(self.event_hint, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("When:"), box), 1, 0)
        grid.addWidget(self.event_at, 1, 1)
        grid.addWidget(QLabel(self.tr("Note:"), box), 2, 0)
        grid.addWidget(self.event_note, 2, 1)
        grid.addWidget(self.event_button, 3, 1)
        return box

    # ---- data ---------------------------------------------------------------------------------------------
    @Slot()
    def reload(self, select: int | None = None) -> None:
        selected = select if select is not None else self._selected_id()
        try:
            with self.ctx.db.reader() as session:
                detail = screens.obligation_detail(session, self.obligation_id, today=self.ctx.today())
        except KnownError as exc:
            show_known_error(self, self.tr("Obligation"), exc)
            return
        self.detail = detail
        ob = detail.obligation
        who = " — ".join(x for x in (ob.party, ob.action or ob.phrase) if x)
        self.heading.setText(who or self.tr("Obligation #%1").replace("%1", str(ob.id)))
        self.setWindowTitle(self.tr("Obligation — %1").replace("%1", detail.contract.title))
        lines = [
            self.tr("Contract: %1").replace("%1", detail.contract.title),
            self.tr("%1 · %2 · %3")
            .replace("%1", kind_label(ob.kind))
            .replace("%2", rule_summary(ob.rule))
            .replace("%3", review_label(ob.review_state)),
            self.tr("Owner: %1 · reminders %2 days before")
            .replace("%1", ob.owner or "—")
            .replace("%2", ", ".join(str(n) for n in ob.lead_times) or "—"),
        ]
        if ob.supersedes_id:
            lines.append(
                self.tr("Replaces obligation #%1 from %2 (supplementary agreement).")
                .replace("%1", str(ob.supersedes_id))
                .replace("%2", date_text(ob.starts_on))
            )
        if ob.superseded:
            by = ", ".join(f"#{i}" for i in ob.superseded_by)
            text = self.tr("Superseded: governs only due dates before %1").replace("%1", date_text(ob.ends_on))
            lines.append(text + (self.tr(" (replaced by %1)").replace("%1", by) if by else self.tr(" (ended)")))
        if ob.review_state != "confirmed":
            lines.append(self.tr("Not confirmed: it drives no reminder."))
        self.summary.setText("\n".join(lines))
        self.quote.setPlainText(ob.quote or ob.phrase or self.tr("(entered by hand: no clause text)"))
        self.occurrence_model.set_rows(detail.occurrences)
        self.history_model.set_rows(list(reversed(detail.history)))  # newest first
        self._set_event_box(detail)
        row = self.occurrence_model.row_of(selected) if selected is not None else -1
        if row < 0:
            row = self._default_row(detail.occurrences)
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.occurrence_view.selectionModel().setCurrentIndex(self.occurrence_model.index(row, 0), flags)
        self._show_selected()

    def _default_row(self, rows: list[OccurrenceView]) -> int:
        """The first open due date from today on, else the last open one, else the last one."""
        today = self.ctx.today()
        open_rows = [i for i, r in enumerate(rows) if r.status == OccurrenceStatus.OPEN and not r.obsolete]
        upcoming = [i for i in open_rows if rows[i].due_date >= today]
        if upcoming:
            return upcoming[0]
        return open_rows[-1] if open_rows else len(rows) - 1

    def _set_event_box(self, detail: ObligationDetail) -> None:
        ob = detail.obligation
        is_event = ob.rule.anchor_type == AnchorType.EVENT
        self.event_box.setEnabled(is_event and not ob.superseded and ob.review_state == "confirmed")
        if not is_event:
            self.event_hint.setText(self.tr("This obligation is dated from the contract, not from an event."))
            return
        trigger = ob.rule.anchor_label or self.tr("the event")
        recorded = ", ".join(f"{at:%Y-%m-%d %H:%M}" for _id, at, _note in detail.events)
        hint = self.tr("Dated from %1: record when it happened.").replace("%1", trigger)
        if recorded:
            hint += " " + self.tr("Recorded: %1").replace("%1", recorded)
        self.event_hint.setText(hint)
        if not self.event_at.hasFocus():
            now = dt.datetime.combine(self.ctx.today(), dt.datetime.now().time().replace(second=0, microsecond=0))
            self.event_at.setDateTime(QDateTime(now))

    def _selected_id(self) -> int | None:
        occ = self.selected()
        return occ.id if occ else None

    def selected(self) -> OccurrenceView | None:
        row: OccurrenceView | None = self.occurrence_model.row(self.occurrence_view.currentIndex().row())
        return row

    def _show_selected(self) -> None:
        occ = self.selected()
        self.steps.set_steps(occ.explanation if occ is not None else [])
        actionable = occ is not None and not occ.obsolete
        self.done_button.setEnabled(actionable and occ.status != OccurrenceStatus.DONE)  # type: ignore[union-attr]
        self.waive_button.setEnabled(actionable and occ.status != OccurrenceStatus.WAIVED)  # type: ignore[union-attr]
        self.snooze_button.setEnabled(actionable and occ.status == OccurrenceStatus.OPEN)  # type: ignore[union-attr]

    # ---- actions ------------------------------------------------------------------------------------------
    def _act(self, title: str, work: Callable[[Session, int], object]) -> bool:
        occ = self.selected()
        if occ is None:
            show_known_error(self, title, self.tr("Choose a due date first."))
            return False
        done = write(self.ctx, self, title, lambda session: (work(session, occ.id), True)[1])
        return bool(done)

    def _browse_evidence(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Evidence file"))
        if path:
            self.evidence.setText(path.replace("\\", "/").rsplit("/", 1)[-1])

    @Slot()
    def mark_done(self) -> None:
        note, evidence = self.note.text().strip() or None, self.evidence.text().strip() or None
        if self._act(self.tr("Mark done"), lambda s, i: occurrences.mark_done(s, i, note=note, evidence_name=evidence)):
            self.note.clear()
            self.evidence.clear()

    @Slot()
    def waive(self) -> None:
        note = self.note.text().strip()
        if not note:
            show_known_error(self, self.tr("Waive"), self.tr("Say why it is waived: a note is required."))
            self.note.setFocus()
            return
        if self._act(self.tr("Waive"), lambda s, i: occurrences.waive(s, i, note=note)):
            self.note.clear()

    @Slot()
    def snooze(self) -> None:
        days = self.snooze_choice.currentData()
        until = self.ctx.today() + dt.timedelta(days=days) if days else self.snooze_until.value()
        if until is None or until <= self.ctx.today():
            show_known_error(self, self.tr("Snooze"), self.tr("Choose a date after today."))
            return
        reason = self.snooze_reason.text().strip() or None
        if self._act(self.tr("Snooze"), lambda s, i: occurrences.snooze(s, i, until=until, reason=reason)):
            self.snooze_reason.clear()

    @Slot()
    def record_event(self) -> None:
        at: dt.datetime = self.event_at.dateTime().toPython()  # type: ignore[assignment]
        note = self.event_note.text().strip() or None
        today = self.ctx.today()
        event = write(
            self.ctx,
            self,
            self.tr("Record event"),
            lambda s: occurrences.record_event(s, self.obligation_id, at, note=note, today=today).id,
        )
        if event is not None:
            self.event_note.clear()
            self._select_event_occurrence(at)

    def _select_event_occurrence(self, at: dt.datetime) -> None:
        """After recording, show the due date the event produced (its anchor is the recorded instant)."""
        if self.detail is None:
            return
        for row, occ in enumerate(self.detail.occurrences):
            if occ.anchor_at == at:
                self.occurrence_view.selectRow(row)
                return
