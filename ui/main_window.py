"""The main window: navigation, menus and toolbar, search, status counts, drag-and-drop import."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from obligations.services import views
from obligations.services.scheduling import refresh_for_calendar_data
from obligations.services.views import Status
from ui.context import AppContext
from ui.pages.contracts_page import ContractsPage
from ui.pages.importer import Importer, importable
from ui.pages.obligations_page import ObligationsPage
from ui.pages.settings_dialog import SettingsDialog
from ui.pages.welcome import WelcomePage
from ui.settings import SettingsStore
from ui.tasks import run_task, running_tasks, wait_for_tasks
from ui.widgets.resources import sample_agreements

log = logging.getLogger(__name__)

CALENDAR, OBLIGATIONS, CONTRACTS, REVIEW = range(4)


def optional_page(module: str, name: str, ctx: AppContext, parent: QWidget) -> QWidget | None:
    """A page another part of the app provides (review, calendar), or None while it is not built yet."""
    try:
        page_class = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        log.info("%s.%s not available: %s", module, name, exc)
        return None
    page: QWidget = page_class(ctx, parent)
    return page


class PlaceholderPage(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.setWindowTitle(self.tr("Tickler — contract deadlines"))
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.importer = Importer(ctx, self)

        self.calendar_page = optional_page("ui.calendar", "CalendarPage", ctx, self) or PlaceholderPage(
            self.tr("The calendar is not part of this build yet."), self
        )
        self.obligations_page = ObligationsPage(ctx, settings, self)
        self.contracts_page = ContractsPage(ctx, settings, self)
        self.review_page = optional_page("ui.review", "ReviewPage", ctx, self) or PlaceholderPage(
            self.tr("The review screen is not part of this build yet."), self
        )
        self.welcome_page = WelcomePage(self)
        self.stack = QStackedWidget(self)
        self._holders: dict[QWidget, QScrollArea] = {}
        for page in (
            self.calendar_page,
            self.obligations_page,
            self.contracts_page,
            self.review_page,
            self.welcome_page,
        ):
            # Pages scroll rather than force a window larger than a 1366×768 screen at 125 % scaling.
            holder = QScrollArea(self.stack)
            holder.setWidget(page)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            self._holders[page] = holder
            self.stack.addWidget(holder)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Screens"))
        names = [self.tr("Calendar"), self.tr("Obligations"), self.tr("Contracts"), self.tr("Review")]
        for number, name in enumerate(names, start=1):
            item = QListWidgetItem(name, self.nav)
            item.setToolTip(f"{name} (Ctrl+{number})")
            item.setSizeHint(QSize(0, self.fontMetrics().height() * 2 + 6))
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0) + 32, self.fontMetrics().horizontalAdvance("M") * 9))
        self.nav.currentRowChanged.connect(self._nav_changed)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        self.setTabOrder(self.search, self.nav)
        self.setTabOrder(self.nav, self.stack)

        self.welcome_page.import_requested.connect(self.importer.choose_files)
        self.welcome_page.sample_requested.connect(self.import_sample)
        self.contracts_page.show_obligations.connect(self.show_contract_obligations)
        ctx.events.changed.connect(self._data_changed)
        ctx.events.review_agreement.connect(lambda _id: self.show_page(REVIEW))
        ctx.events.open_contract.connect(lambda _id: self.show_page(CONTRACTS))
        ctx.events.open_obligation.connect(self.open_obligation)

        self._restore()
        self._data_changed()
        if self.welcome_page is not self.current_page():
            self.show_page(OBLIGATIONS)

    # --- building -----------------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: Any, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        self.import_action = self._action(
            self.tr("&Import agreements…"),
            QKeySequence.StandardKey.Open,
            self.importer.choose_files,
            self.tr("Import signed agreements (PDF, DOCX, TXT or scans)"),
        )
        self.import_action.setToolTip(self.tr("Import agreements (Ctrl+O); you can also drop files on the window"))
        self.sample_action = self._action(self.tr("Try the &sample agreement"), None, self.import_sample)
        self.export_action = self._action(self.tr("&Export monthly report…"), "Ctrl+E", self.open_export)
        self.settings_action = self._action(self.tr("&Settings…"), "Ctrl+,", self.open_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.refresh_action = self._action(
            self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.ctx.events.changed.emit
        )
        self.find_action = self._action(self.tr("&Find…"), QKeySequence.StandardKey.Find, self._focus_search)
        self.page_actions = []
        for number, text in enumerate(
            [self.tr("&Calendar"), self.tr("&Obligations"), self.tr("C&ontracts"), self.tr("&Review")]
        ):
            self.page_actions.append(
                self._action(text, f"Ctrl+{number + 1}", lambda _checked=False, n=number: self.show_page(n))
            )
        self.about_action = self._action(self.tr("&About Tickler"), None, self._about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _make_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addActions([self.import_action, self.sample_action, self.export_action])
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.addAction(self.find_action)
        page = self.obligations_page
        edit.addSeparator()
        edit.addActions([page.confirm_action, page.reject_action, page.done_action, page.owner_action])
        view = self.menuBar().addMenu(self.tr("&View"))
        view.addActions(self.page_actions)
        view.addSeparator()
        view.addAction(self.refresh_action)
        calculator = self._dialog_class("CalculatorDialog")
        if calculator is not None:
            tools = self.menuBar().addMenu(self.tr("&Tools"))
            tools.addAction(
                self._action(
                    self.tr("Deadline &calculator…"), "Ctrl+Shift+K", lambda: calculator(self.ctx, self).exec()
                )
            )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.import_action)
        bar.addAction(self.refresh_action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search = QLineEdit(bar)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search obligations and contracts (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.search.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 28)
        self.search.setAccessibleName(self.tr("Search"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)  # one query after typing stops, not one per key
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_search)
        bar.addWidget(self.search)
        self.addToolBar(bar)

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.due_week = self._status_button(lambda: self._show_status(Status.CONFIRMED, 7))  # as counted
        self.overdue = self._status_button(lambda: self._show_status(Status.OVERDUE, None))
        self.awaiting = self._status_button(lambda: self._show_status(Status.PROPOSED, None))
        for button in (self.due_week, self.overdue, self.awaiting):
            status.addPermanentWidget(button)

    def _status_button(self, slot: Any) -> QPushButton:
        button = QPushButton(self.statusBar())
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    # --- navigation ---------------------------------------------------------------------------------------

    def current_page(self) -> QWidget | None:
        holder = self.stack.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def show_page(self, number: int) -> None:
        if self.nav.currentRow() != number:
            self.nav.setCurrentRow(number)  # → _nav_changed
        else:
            self._nav_changed(number)

    def _nav_changed(self, number: int) -> None:
        if 0 <= number < 4:
            self.stack.setCurrentIndex(number)

    def show_welcome(self) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(self._holders[self.welcome_page])
        self.welcome_page.import_button.setFocus()

    def show_contract_obligations(self, contract_id: int) -> None:
        self.search.clear()
        self.obligations_page.show_contract(contract_id)
        self.show_page(OBLIGATIONS)

    def _show_status(self, status: Status, within: int | None) -> None:
        self.search.clear()
        self.obligations_page.filters.reset()
        self.obligations_page.filters.set_status(status)
        if within is not None:
            self.obligations_page.filters.due.setValue(within - 1)  # "this week": today and the next 6 days
        self.show_page(OBLIGATIONS)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        if self.current_page() is self.contracts_page:
            self.contracts_page.set_search_text(text)
            return
        self.obligations_page.set_search_text(text)
        if text and self.current_page() is not self.obligations_page:
            self.show_page(OBLIGATIONS)

    def open_obligation(self, obligation_id: int) -> None:
        dialog_class = self._dialog_class("ObligationDialog")
        if dialog_class is not None:
            dialog_class(self.ctx, obligation_id, self).exec()
            return
        self.show_page(OBLIGATIONS)
        self.obligations_page.select_obligation(obligation_id)

    @staticmethod
    def _dialog_class(name: str) -> Any:
        try:
            return getattr(importlib.import_module("ui.dialogs"), name)
        except (ImportError, AttributeError):
            return None

    # --- data ---------------------------------------------------------------------------------------------

    def _data_changed(self) -> None:
        with self.ctx.db.reader() as session:
            counts = views.status_counts(session, today=self.ctx.today())
            has_contracts = views.has_contracts(session)
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
        SettingsDialog(self.settings, self, on_calendar_loaded=self.refresh_calendar_data).exec()

    def refresh_calendar_data(self) -> None:
        """Holiday data changed (a schedule file loaded, a library upgraded): recompute dates off the GUI thread."""
        today = self.ctx.today()

        def redone(count: int) -> None:
            if count:
                self.statusBar().showMessage(
                    self.tr("Holiday data changed: due dates of %n obligation(s) recomputed.", "", count), 10000
                )
                self.ctx.events.changed.emit()

        run_task(self, lambda _progress: refresh_for_calendar_data(self.ctx.db, today=today), on_success=redone)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Tickler"),
            self.tr("<b>Tickler</b> %1<br>Contract deadlines for in-house counsel.<br>Database: %2")
            .replace("%1", QApplication.applicationVersion())
            .replace("%2", self.ctx.db.url.split("@")[-1]),
        )

    # --- drag and drop ------------------------------------------------------------------------------------

    def _dropped_paths(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return importable([Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event) and not self.importer.busy():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.importer.import_paths(paths)

    # --- window memory ------------------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.ui_state("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QApplication.primaryScreen()
            if screen is not None:
                available = screen.availableGeometry()
                self.resize(min(1280, available.width() * 9 // 10), min(800, available.height() * 9 // 10))
        state = self.settings.ui_state("main/state")
        if state is not None:
            self.restoreState(state)

    def save_state(self) -> None:
        self.settings.save_ui_state("main/geometry", self.saveGeometry())
        self.settings.save_ui_state("main/state", self.saveState())
        self.obligations_page.save_state()
        self.contracts_page.save_state()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if running_tasks() and not wait_for_tasks(15000):
            log.warning("closing while background work is still running")
        self.save_state()
        event.accept()
