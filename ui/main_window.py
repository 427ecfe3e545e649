"""The main window: its pages, search, status counts, drag-and-drop import, the dialogs it opens.

Built in two steps so the app paints at once (ui/app.py): `MainWindow(None, settings)` is the frame alone
(ui/shell.py: title, menus, toolbar, navigation, status bar and an "Opening the database…" page, PySide6 only);
`attach(ctx)` builds the pages into the same window once the database is open. `MainWindow(ctx, settings)` does
both. Nothing here imports SQLAlchemy or the domain at module level: the pages' modules load in `attach`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from ui.settings import SettingsStore
from ui.shell import CALENDAR, CONTRACTS, OBLIGATIONS, REVIEW, WindowShell
from ui.tasks import in_turns, run_task, running_tasks, wait_for_tasks
from ui.widgets.resources import sample_agreements

if TYPE_CHECKING:
    import datetime as dt

    from obligations.services.views import Status, StatusCounts
    from obligations.store import Database
    from ui.calendar import CalendarPage
    from ui.context import AppContext
    from ui.pages.contracts_page import ContractsPage
    from ui.pages.importer import Importer
    from ui.pages.obligations_page import ObligationsPage
    from ui.pages.welcome import WelcomePage
    from ui.review import ReviewPage

log = logging.getLogger(__name__)
Summary = tuple["StatusCounts", bool]  # read_summary(): the status bar's counts, whether there is any contract

__all__ = ["CALENDAR", "CONTRACTS", "OBLIGATIONS", "REVIEW", "MainWindow"]
# What attach() imports: ui/app.py loads them on its worker thread while the shell says the database is opening.
PAGE_MODULES = (
    "obligations.services.views",
    "obligations.services.scheduling",
    "ui.pages.obligations_page",
    "ui.pages.contracts_page",
    "ui.pages.importer",
    "ui.pages.welcome",
    "ui.calendar",
    "ui.review",
    "ui.dialogs",
)


def read_summary(db: Database, *, today: dt.date) -> Summary:
    """The status bar's counts, and whether there is any contract (else the welcome page): from any thread."""
    from obligations.services import views

    with db.reader() as session:
        return views.status_counts(session, today=today), views.has_contracts(session)


class MainWindow(WindowShell):
    ctx: AppContext
    importer: Importer
    calendar_page: CalendarPage
    obligations_page: ObligationsPage
    contracts_page: ContractsPage
    review_page: ReviewPage
    welcome_page: WelcomePage
    due_week: QPushButton  # the status bar's counts, each opening the list it counted
    overdue: QPushButton
    awaiting: QPushButton

    def __init__(self, ctx: AppContext | None, settings: SettingsStore, parent: QWidget | None = None) -> None:
        """The shell; with `ctx`, the pages too (tests, scripts). Without, call `attach(ctx)` once it is open."""
        super().__init__(settings, parent)
        self._ready = False
        self._recount_requested = False
        self._pending_imports: list[Path] = []  # dropped or passed on the command line while it was opening
        self.setAcceptDrops(True)
        self.import_action.triggered.connect(lambda: self.importer.choose_files())
        self.sample_action.triggered.connect(self.import_sample)
        self.export_action.triggered.connect(self.open_export)
        self.settings_action.triggered.connect(self.open_settings)
        self.refresh_action.triggered.connect(lambda: self.ctx.events.changed.emit())
        self.about_action.triggered.connect(self._about)
        self.search_timer.timeout.connect(self._apply_search)
        self.search.returnPressed.connect(self._apply_search)
        if ctx is not None:
            self.attach(ctx)

    # --- the pages, once the database is open -------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        """Whether the pages are built (`attach` has run)."""
        return self._ready

    def attach(self, ctx: AppContext, *, summary: Summary | None = None) -> None:
        """Build the pages into the window for the open database, and show the one the data calls for.

        `summary` is `read_summary()` already read off the GUI thread (ui/app.py), else it is read here."""
        from PySide6.QtCore import Qt

        from ui.calendar import CalendarPage
        from ui.dialogs import CalculatorDialog
        from ui.pages.contracts_page import ContractsPage
        from ui.pages.importer import Importer
        from ui.pages.obligations_page import ObligationsPage
        from ui.pages.welcome import WelcomePage
        from ui.review import ReviewPage

        assert not self._ready, "attach() runs once"
        self.ctx = ctx
        self.importer = Importer(ctx, self)
        self.calendar_page = CalendarPage(ctx, self)
        self.obligations_page = ObligationsPage(ctx, self.settings, self)
        self.contracts_page = ContractsPage(ctx, self.settings, self)
        self.review_page = ReviewPage(ctx, self)
        self.welcome_page = WelcomePage(self)
        self.add_pages(
            [self.calendar_page, self.obligations_page, self.contracts_page, self.review_page, self.welcome_page]
        )
        self._ready = True
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)  # as the shell's, icons or not
        self.due_week = self._status_button(lambda: self._show_status("confirmed", 7))  # as counted: today + 6
        self.overdue = self._status_button(lambda: self._show_status("overdue", None))
        self.awaiting = self._status_button(lambda: self._show_status("proposed", None))

        page = self.obligations_page
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([page.confirm_action, page.reject_action, page.done_action, page.owner_action])
        self.calculator_action.triggered.connect(lambda: CalculatorDialog(self.ctx, self).exec())
        self.welcome_page.import_requested.connect(self.importer.choose_files)
        self.welcome_page.sample_requested.connect(self.import_sample)
        self.contracts_page.show_obligations.connect(self.show_contract_obligations)
        ctx.events.changed.connect(self._request_recount)
        ctx.events.review_agreement.connect(lambda _id: self.show_page(REVIEW))
        ctx.events.review_prepared.connect(lambda _screen: self.show_page(REVIEW))
        ctx.events.open_contract.connect(lambda _id: self.show_page(CONTRACTS))
        ctx.events.open_obligation.connect(self.open_obligation)

        self._data_changed(summary)  # the counts, and the welcome page for an empty database
        self.finish_opening(OBLIGATIONS)
        if self.search.text().strip():
            self._apply_search()  # typed while the database was opening
        if self._pending_imports:
            paths, self._pending_imports = self._pending_imports, []
            QTimer.singleShot(0, lambda: self.importer.import_paths(paths))  # after the filled window paints

    def _status_button(self, slot: Any) -> QPushButton:
        from PySide6.QtCore import Qt

        button = QPushButton(self.statusBar())
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        self.statusBar().addPermanentWidget(button)
        return button

    def import_when_ready(self, paths: Sequence[Path]) -> None:
        """Import these files now, or as soon as the database is open ("Open with Tickler", an early drop)."""
        if self._ready:
            self.importer.import_paths(list(paths))
        else:
            self._pending_imports.extend(paths)

    # --- navigation ---------------------------------------------------------------------------------------

    def show_welcome(self) -> None:
        self.show_page_widget(self.welcome_page)
        self.welcome_page.import_button.setFocus()

    def show_contract_obligations(self, contract_id: int) -> None:
        self.search.clear()
        self.obligations_page.show_contract(contract_id)
        self.show_page(OBLIGATIONS)

    def _show_status(self, status: Status | str, within: int | None) -> None:
        from obligations.services.views import Status

        self.search.clear()
        self.obligations_page.filters.reset()
        self.obligations_page.filters.set_status(Status(status))
        if within is not None:
            self.obligations_page.filters.due.setValue(within - 1)  # "this week": today and the next 6 days
        self.show_page(OBLIGATIONS)

    def _apply_search(self) -> None:
        self.search_timer.stop()
        if not self._ready:
            return  # attach() applies what was typed
        text = self.search.text().strip()
        if self.current_page() is self.contracts_page:
            self.contracts_page.set_search_text(text)
            return
        self.obligations_page.set_search_text(text)
        if text and self.current_page() is not self.obligations_page:
            self.show_page(OBLIGATIONS)

    def open_obligation(self, obligation_id: int) -> None:
        from ui.dialogs import ObligationDialog

        ObligationDialog(self.ctx, obligation_id, self).exec()

    # --- data ---------------------------------------------------------------------------------------------

    def _request_recount(self) -> None:
        """The counts on the next turn of the event loop, once however many changes one turn reports: the end of
        an import then does not count them in the turn that opens the review page."""
        if not self._recount_requested:
            self._recount_requested = True
            in_turns(self._recount)

    def _recount(self) -> None:
        self._recount_requested = False
        self._data_changed()

    def _data_changed(self, summary: Summary | None = None) -> None:
        counts, has_contracts = summary or read_summary(self.ctx.db, today=self.ctx.today())
        self.due_week.setText(self.tr("Due this week: %1").replace("%1", str(counts.due_this_week)))
        self.due_week.setToolTip(self.tr("Confirmed obligations due today or in the next 6 days"))
        self.overdue.setText(self.tr("Overdue: %1").replace("%1", str(counts.overdue)))
        self.overdue.setStyleSheet("color: #b22222; font-weight: bold;" if counts.overdue else "")
        self.awaiting.setText(self.tr("Awaiting review: %1").replace("%1", str(counts.awaiting_review)))
        if not has_contracts:
            self.show_welcome()
        elif self.current_page() is self.welcome_page:
            self.show_page(OBLIGATIONS)

    def import_sample(self) -> None:
        samples = sample_agreements()
        if not samples:
            QMessageBox.warning(
                self, self.tr("Tickler"), self.tr("The sample agreement is missing from this installation.")
            )
            return
        self.importer.import_paths(samples[:1])

    def open_export(self) -> None:
        from ui.pages.export_dialog import ExportDialog  # openpyxl loads on first use, not at every start

        ExportDialog(self.ctx, self).exec()

    def open_settings(self) -> None:
        from ui.pages.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self, on_calendar_loaded=self.refresh_calendar_data).exec()

    def refresh_calendar_data(self) -> None:
        """Holiday data changed (a schedule file loaded, a library upgraded): recompute dates off the GUI thread."""
        from obligations.services.scheduling import refresh_for_calendar_data

        today = self.ctx.today()
        db = self.ctx.db

        def redone(count: int) -> None:
            if count:
                self.statusBar().showMessage(
                    self.tr("Holiday data changed: due dates of %n obligation(s) recomputed.", "", count), 10000
                )
                self.ctx.events.changed.emit()

        run_task(self, lambda _progress: refresh_for_calendar_data(db, today=today), on_success=redone)

    def _about(self) -> None:
        database = self.ctx.db.url.split("@")[-1] if self._ready else "…"
        QMessageBox.about(
            self,
            self.tr("About Tickler"),
            self.tr("<b>Tickler</b> %1<br>Contract deadlines for in-house counsel.<br>Database: %2")
            .replace("%1", QApplication.applicationVersion())
            .replace("%2", database),
        )

    # --- drag and drop ------------------------------------------------------------------------------------

    def _dropped_paths(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        from ui.pages.importer import importable

        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return importable([Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event) and not (self._ready and self.importer.busy()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_when_ready(paths)

    # --- window memory ------------------------------------------------------------------------------------

    def save_state(self) -> None:
        if self._ready:
            self.obligations_page.save_state()
            self.contracts_page.save_state()
        super().save_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        if running_tasks() and not wait_for_tasks(15000):
            log.warning("closing while background work is still running")
        self.save_state()
        event.accept()
