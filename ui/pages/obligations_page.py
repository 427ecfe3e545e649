"""Obligations: every obligation in one filterable table, with bulk confirm / reject / done / assign owner."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from obligations.services import occurrences, review, views
from obligations.services.views import ObligationFilter, Status
from ui.context import AppContext
from ui.models.obligations_model import COLUMN, ObligationsModel
from ui.pages.obligation_filters import FilterBar
from ui.settings import SettingsStore
from ui.tasks import Task, report_failure, run_task
from ui.widgets.labels import KINDS, STATES, days_left_text, kind_label, state_label
from ui.widgets.lazy import ReloadWhenShown

HEADER_KEY = "obligations/header"


class ObligationsPage(ReloadWhenShown, QWidget):
    def __init__(self, ctx: AppContext, settings: SettingsStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._settings = settings
        self.model = ObligationsModel(ctx, self)
        self.filters = FilterBar(self)
        self.table = QTableView(self)
        self.table.setObjectName("obligationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self._open)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring: 50k rows stay cheap
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN["action"], QHeaderView.ResizeMode.Stretch)
        self._size_columns()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN["next_due"], Qt.SortOrder.AscendingOrder)

        self.count_label = QLabel(self)
        self.empty_label = QLabel(self.tr("No obligations match these filters."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setVisible(False)

        self.actions_ = self._make_actions()
        bar = QHBoxLayout()
        for action in self.actions_:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)

        self.filters.changed.connect(self._apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._after_reset)
        self.model.layoutChanged.connect(self._update_count)
        ctx.events.changed.connect(self.request_reload)
        self.setTabOrder(self.filters.clear, self.table)
        self._restore_header()
        self.request_reload()

    def _size_columns(self) -> None:
        """Widths from what the short columns can hold, in this language: no measuring of 50k rows."""
        metrics = self.table.fontMetrics()
        pad = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 16  # + sort arrow

        def fit(*texts: str) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + pad

        def header(column: str) -> str:
            return str(self.model.headerData(COLUMN[column], Qt.Orientation.Horizontal))

        em = metrics.horizontalAdvance("M")
        widths = {
            "contract": 16 * em,
            "party": 8 * em,
            "kind": fit(header("kind"), *(kind_label(k) for k in KINDS)),
            "next_due": fit(header("next_due"), "2026-12-31"),
            "days_left": fit(header("days_left"), days_left_text(-999), days_left_text(999)),
            "state": fit(header("state"), *(state_label(s) for s in STATES if s != "active")),
            "owner": 8 * em,
        }
        for name, width in widths.items():
            self.table.setColumnWidth(COLUMN[name], width)

    # --- actions ------------------------------------------------------------------------------------------

    def _make_actions(self) -> list[QAction]:
        def action(text: str, shortcut: QKeySequence | str, slot: Callable[[], None], tip: str) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setToolTip(f"{tip} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.confirm_action = action(
            self.tr("&Confirm"),
            "Ctrl+Return",
            self.confirm_selected,
            self.tr("Confirm the selected obligations: they get due dates and reminders"),
        )
        self.reject_action = action(
            self.tr("&Reject"),
            "Ctrl+Delete",
            self.reject_selected,
            self.tr("Reject the selected obligations: not obligations after all"),
        )
        self.done_action = action(
            self.tr("Mark &done"),
            "Ctrl+D",
            self.mark_done_selected,
            self.tr("Mark the next due date of each selected obligation as done"),
        )
        self.owner_action = action(
            self.tr("Assign &owner…"),
            "Ctrl+Shift+O",
            self.assign_owner_selected,
            self.tr("Set who is responsible for the selected obligations"),
        )
        self.open_action = action(
            self.tr("&Open"), "Return", self._open_current, self.tr("Show the selected obligation's details")
        )
        # Enter opens only from the table: in the filter boxes it must keep its usual meaning.
        self.removeAction(self.open_action)
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.open_action)
        self.clear_filters_action = QAction(self.tr("Clear filters"), self)
        self.clear_filters_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.clear_filters_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear_filters_action.triggered.connect(self.filters.reset)
        self.addAction(self.clear_filters_action)
        return [self.confirm_action, self.reject_action, self.done_action, self.owner_action]

    def _context_menu(self, pos: object) -> None:
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        for action in self.actions_:
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.obligation_id(r) for r in rows) if i is not None]

    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        for action in self.actions_:
            action.setEnabled(count > 0)
        self.open_action.setEnabled(count == 1)
        self._update_count()

    def _update_count(self) -> None:
        selected = len(self.table.selectionModel().selectedRows())
        total = self.model.rowCount()
        text = self.tr("%n obligation(s)", "", total)
        if selected:
            text += " · " + self.tr("%n selected", "", selected)
        self.count_label.setText(text)

    def _run(self, work: Callable[[Session, list[int]], object], ids: list[int]) -> Task[object] | None:
        """Write off the GUI thread, then tell every view to refresh."""
        if not ids:
            return None

        def job(_progress: object) -> object:
            with self._ctx.db.transaction() as session:
                return work(session, ids)

        return run_task(
            self, job, on_success=lambda _result: self._ctx.events.changed.emit(), on_failure=self._write_failed
        )

    def _write_failed(self, exc: BaseException) -> None:
        """Another user saved one of these rows first: nothing was written (one transaction); show theirs."""
        if isinstance(exc, StaleDataError):
            QMessageBox.warning(
                self,
                self.tr("Tickler"),
                self.tr(
                    "Someone else changed some of these obligations meanwhile, so nothing was changed. "
                    "The list has been reloaded: check it and try again."
                ),
            )
            self._ctx.events.changed.emit()
            return
        report_failure(self, exc)

    def confirm_selected(self) -> Task[object] | None:
        today = self._ctx.today()
        return self._run(lambda s, ids: review.confirm(s, ids, today=today), self.selected_ids())

    def reject_selected(self) -> Task[object] | None:
        ids = self.selected_ids()
        if not ids:
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Reject obligations"),
            self.tr(
                "Reject %n obligation(s)? They will no longer be reminded of (you can find them under Show: Rejected).",
                "",
                len(ids),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        today = self._ctx.today()
        return self._run(lambda s, ids: review.reject(s, ids, today=today), ids)

    def mark_done_selected(self) -> Task[object] | None:
        def work(session: Session, ids: list[int]) -> int:
            due = views.next_open_occurrences(session, ids)
            for occurrence_id in due.values():
                occurrences.mark_done(session, occurrence_id)
            return len(due)

        return self._run(work, self.selected_ids())

    def assign_owner_selected(self) -> Task[object] | None:
        ids = self.selected_ids()
        if not ids:
            return None
        owners = [self.filters.owner.itemText(i) for i in range(1, self.filters.owner.count())]
        current = self.model.row_view(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        owner, ok = QInputDialog.getItem(
            self,
            self.tr("Assign owner"),
            self.tr("Who is responsible for the %n selected obligation(s)?", "", len(ids)),
            owners,
            owners.index(current.owner) if current and current.owner in owners else 0,
            True,
        )
        if not ok:
            return None
        owner = owner.strip() or None
        today = self._ctx.today()

        def work(session: Session, ids: list[int]) -> None:
            for obligation_id in ids:
                review.edit_obligation(session, obligation_id, owner=owner, today=today)

        return self._run(work, ids)

    def _open(self, index: QModelIndex) -> None:
        obligation_id = self.model.obligation_id(index.row())
        if obligation_id is not None:
            self._ctx.events.open_obligation.emit(obligation_id)

    def _open_current(self) -> None:
        if self.table.currentIndex().isValid():
            self._open(self.table.currentIndex())

    # --- data ---------------------------------------------------------------------------------------------

    def set_search_text(self, text: str) -> None:
        self.filters.set_text(text)

    def show_contract(self, contract_id: int) -> None:
        self.filters.set_status(Status.ACTIVE)
        self.filters.set_contract(contract_id)

    def select_obligation(self, obligation_id: int) -> bool:
        self.ensure_fresh()
        row = self.model.row_of(obligation_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def reload(self) -> None:
        """After any write: refresh the filter choices and the rows, keeping the selection where possible."""
        keep = self.selected_ids()
        with self._ctx.db.reader() as session:
            choices = views.filter_choices(session)
        self.filters.set_choices(choices)
        self.model.set_filter(self.model.filter, force=True)
        selection = self.table.selectionModel()
        for obligation_id in keep:
            row = self.model.row_of(obligation_id) if len(keep) < 500 else None
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _apply_filter(self, flt: ObligationFilter) -> None:
        self.model.set_filter(flt)

    def _after_reset(self) -> None:
        default = self.model.filter == ObligationFilter(text=self.model.filter.text) and not self.model.filter.text
        self.empty_label.setVisible(self.model.rowCount() == 0 and not default)
        self._update_actions()

    # --- layout memory ------------------------------------------------------------------------------------

    def _restore_header(self) -> None:
        state = self._settings.ui_state(HEADER_KEY) if self._settings else None
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    def save_state(self) -> None:
        if self._settings:
            self._settings.save_ui_state(HEADER_KEY, self.table.horizontalHeader().saveState())
