"""The main window's frame, made with PySide6 alone so that it paints before the database is open.

Title, menus and toolbar (their actions made here, connected by MainWindow), the search box, the navigation,
and the page stack, which shows an "Opening the database…" page until `add_pages` puts the real ones behind
it and `finish_opening` shows one. Geometry and toolbar state are restored here, so the first paint already
has the window's remembered size.

Built without the `Qt` namespace: creating PySide6's Python type for it costs 10–20 ms, a tenth of a bare
window's start (benchmarks/bench_gui.py); the pages need it, and load it off the GUI thread (ui/app.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.settings import SettingsStore

CALENDAR, OBLIGATIONS, CONTRACTS, REVIEW = range(4)
# The window's strings keep the context "MainWindow" they have always had in the translations: written out, so
# pyside6-lupdate files them there too (self.tr() here would be looked up as "MainWindow" but collected as
# "WindowShell").
translate = QCoreApplication.translate


class OpeningPage(QWidget):
    """The page area while the database opens (integrity check, backup, migrations): says so, and keeps moving."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openingPage")
        self.label = QLabel(translate("MainWindow", "Opening the database…"), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy: how long an integrity check or a migration takes is not known
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.label, self.bar):
            row = QHBoxLayout()  # centred by stretches on both sides
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)

    def failed(self) -> None:
        """The database did not open: stop the busy bar, say so (the message box beside it says why)."""
        self.bar.setRange(0, 1)
        self.bar.hide()
        self.label.setText(translate("MainWindow", "The database could not be opened."))


class WindowShell(QMainWindow):
    def __init__(self, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._opening = True
        self.setWindowTitle(translate("MainWindow", "Tickler — contract deadlines"))
        self.setObjectName("mainWindow")

        self.opening_page = OpeningPage(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.opening_page)
        self._holders: dict[QWidget, QScrollArea] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(translate("MainWindow", "Screens"))
        names = [
            translate("MainWindow", "Calendar"),
            translate("MainWindow", "Obligations"),
            translate("MainWindow", "Contracts"),
            translate("MainWindow", "Review"),
        ]
        for number, name in enumerate(names, start=1):
            item = QListWidgetItem(name, self.nav)
            item.setToolTip(f"{name} (Ctrl+{number})")
            item.setSizeHint(QSize(0, self.fontMetrics().height() * 2 + 6))
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0) + 32, self.fontMetrics().horizontalAdvance("M") * 9))
        self.nav.setCurrentRow(OBLIGATIONS)  # the likely page; the user may choose another while it opens
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
        self.statusBar()
        self.setTabOrder(self.search, self.nav)
        self.setTabOrder(self.nav, self.stack)
        self._restore()

    # --- actions, menus, toolbar, status bar --------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            # setShortcuts([…]) is setShortcut(…) without its overloads, whose resolution builds the Qt namespace.
            action.setShortcuts([QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
        return action

    def _make_actions(self) -> None:
        self.import_action = self._action(
            translate("MainWindow", "&Import agreements…"),
            QKeySequence.StandardKey.Open,
            translate("MainWindow", "Import signed agreements (PDF, DOCX, TXT or scans)"),
        )
        self.import_action.setToolTip(
            translate("MainWindow", "Import agreements (Ctrl+O); you can also drop files on the window")
        )
        self.sample_action = self._action(translate("MainWindow", "Try the &sample agreement"))
        self.export_action = self._action(translate("MainWindow", "&Export monthly report…"), "Ctrl+E")
        self.settings_action = self._action(translate("MainWindow", "&Settings…"), "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(translate("MainWindow", "&Quit"), "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.refresh_action = self._action(translate("MainWindow", "&Refresh"), QKeySequence.StandardKey.Refresh)
        self.find_action = self._action(translate("MainWindow", "&Find…"), QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.page_actions = []
        for number, text in enumerate(
            [
                translate("MainWindow", "&Calendar"),
                translate("MainWindow", "&Obligations"),
                translate("MainWindow", "C&ontracts"),
                translate("MainWindow", "&Review"),
            ]
        ):
            action = self._action(text, f"Ctrl+{number + 1}")
            action.triggered.connect(lambda _checked=False, n=number: self.show_page(n))
            self.page_actions.append(action)
        self.calculator_action = self._action(translate("MainWindow", "Deadline &calculator…"), "Ctrl+Shift+K")
        self.about_action = self._action(translate("MainWindow", "&About Tickler"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        # What needs the database waits for it; navigation, search, Quit and About work from the first paint.
        self.database_actions = [
            self.import_action,
            self.sample_action,
            self.export_action,
            self.settings_action,
            self.refresh_action,
            self.calculator_action,
        ]
        for action in self.database_actions:
            action.setEnabled(False)

    def _make_menus(self) -> None:
        menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        menu.addActions([self.import_action, self.sample_action, self.export_action])
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu(translate("MainWindow", "&Edit"))
        self.edit_menu.addAction(self.find_action)
        view = self.menuBar().addMenu(translate("MainWindow", "&View"))
        view.addActions(self.page_actions)
        view.addSeparator()
        view.addAction(self.refresh_action)
        self.tools_menu = self.menuBar().addMenu(translate("MainWindow", "&Tools"))
        self.tools_menu.addAction(self.calculator_action)
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        bar = self.toolbar = QToolBar(translate("MainWindow", "Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.addAction(self.import_action)
        bar.addAction(self.refresh_action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search = QLineEdit(bar)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(translate("MainWindow", "Search obligations and contracts (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.search.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 28)
        self.search.setAccessibleName(translate("MainWindow", "Search"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)  # one query after typing stops, not one per key
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        bar.addWidget(self.search)
        self.addToolBar(bar)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- the pages ----------------------------------------------------------------------------------------

    def add_pages(self, pages: list[QWidget]) -> None:
        """Put the pages (CALENDAR … REVIEW, then any others) in the stack, behind the opening page: none of
        them is shown, so none loads, before `finish_opening`."""
        for index, page in enumerate(pages):
            # Pages scroll rather than force a window larger than a 1366×768 screen at 125 % scaling.
            holder = QScrollArea(self.stack)
            holder.setWidget(page)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            self._holders[page] = holder
            self.stack.insertWidget(index, holder)

    def finish_opening(self, default_page: int) -> None:
        """The database is open: show the page chosen meanwhile, else `default_page`; enable what waited."""
        self._opening = False
        if self.current_page() is self.opening_page:
            row = self.nav.currentRow()  # the preselected page, or the one chosen meanwhile
            self.show_page(row if 0 <= row < 4 else default_page)
        self.stack.removeWidget(self.opening_page)
        self.opening_page.deleteLater()
        for action in self.database_actions:
            action.setEnabled(True)

    def current_page(self) -> QWidget | None:
        holder = self.stack.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def show_page(self, number: int) -> None:
        if self.nav.currentRow() != number:
            self.nav.setCurrentRow(number)  # → _nav_changed
        else:
            self._nav_changed(number)

    def show_page_widget(self, page: QWidget) -> None:
        """Show a page outside the navigation (the welcome page): no navigation row is selected."""
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(self._holders[page])

    def _nav_changed(self, number: int) -> None:
        if 0 <= number < 4 and not self._opening:  # while opening, the row is remembered: finish_opening
            self.stack.setCurrentIndex(number)

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
        self.settings.sync()
