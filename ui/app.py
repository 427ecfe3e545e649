"""The composition root: QApplication, error handling, translations, database, context, main window.

    tickler-app [--db URL] [--smoke-test] [--minimized] [FILE...]
    python -m ui

The start has two phases, so the window is there at once and fills in. Phase one uses PySide6 alone (no
SQLAlchemy, no domain module): the application, settings, translations and the main window's shell, shown.
Phase two begins once the shell has painted: the log file opens, a pool thread imports the rest and opens the
database (integrity check, the day's backup, migrations: up to seconds on a big file) while the window stays
responsive with its "Opening the database…" page; then, on the GUI thread, `fill_window` builds the pages into
the same window and starts the refreshers and the tray. `python -X importtime` shows what phase one loads;
tests/ui/test_app_start.py keeps SQLAlchemy and the pages out of it.

`--smoke-test` starts the app, waits until the first page has painted with its data and exits 0 (packaging runs
it on the frozen build); any failure on the way exits non-zero without showing a dialog.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget

from obligations.errors import KnownError
from ui.i18n import effective_language, install_translators
from ui.main_window import PAGE_MODULES, MainWindow, Summary, read_summary
from ui.settings import APPLICATION, ORGANIZATION, SettingsStore
from ui.tasks import report_failure, run_task
from ui.widgets.messages import show_crash, show_known_error
from ui.widgets.resources import resources_dir

if TYPE_CHECKING:
    from obligations.store import Database
    from ui.context import AppContext
    from ui.tray import ReminderTray

log = logging.getLogger("tickler.app")
SMOKE_TIMEOUT_MS = 60_000
# What phase two needs besides the pages: loaded on the worker thread with them, off the GUI thread.
FILL_MODULES = ("obligations.reminders.clock", "ui.context", "ui.refresh", "ui.ics_sync", "ui.tray")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]
Milestone = Callable[[str], None]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tickler-app", description="Tickler desktop app")
    parser.add_argument("--db", metavar="URL", help="database URL (default: the setting, else your own SQLite file)")
    parser.add_argument("--smoke-test", action="store_true", help="start, show the data once and exit 0")
    parser.add_argument("--minimized", action="store_true", help="start in the tray (used by start at login)")
    parser.add_argument("files", nargs="*", type=Path, help="agreements to import (Explorer's 'Open with Tickler')")
    return parser.parse_args(list(argv) if argv is not None else sys.argv[1:])


def setup_logging() -> Path | None:
    """Log to a rotating file in the data folder; the crash dialog names it."""
    import logging.handlers

    from obligations.paths import data_dir

    try:
        folder = data_dir() / "logs"
        folder.mkdir(exist_ok=True)
        path = folder / "tickler-app.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None  # a read-only profile must not stop the app; errors then only reach the dialog
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == handler.baseFilename for h in root.handlers):
        root.addHandler(handler)
    else:
        handler.close()
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    return path


def make_excepthook(
    log_path: Callable[[], Path | None], *, smoke_test: bool, failures: list[BaseException]
) -> ExceptHook:
    """Exceptions that escape a slot: KnownError → plain message; anything else → crash dialog with the log."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, KnownError):
            log.warning("%s", exc)
        else:
            log.error("unhandled exception", exc_info=(kind, exc, tb))
        if smoke_test:
            failures.append(exc)
            traceback.print_exception(kind, exc, tb, file=sys.stderr)  # packaging's log shows what failed
            QApplication.exit(1)
            return
        parent = QApplication.activeWindow()
        if isinstance(exc, KnownError):
            show_known_error(parent, exc)
        else:
            show_crash(parent, exc, log_path())

    return hook


class _OnPaint(QObject):
    """Calls `then` when the watched widget paints next (from the paint event: what the user sees next)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.deleteLater()
            self._then()
        return False


def main(argv: Sequence[str] | None = None, *, on_milestone: Milestone | None = None) -> int:
    """Run the app. `on_milestone` hears "painted" (the shell's first paint), "opened" (the database) and
    "filled" (the first page painted with its data): the smoke test ends there, the benchmark times them."""
    args = parse_args(argv)
    # 125 % and 150 % Windows scaling are scaled exactly, not rounded to 100 % or 200 %: Qt 6's default
    # (HighDpiScaleFactorRoundingPolicy.PassThrough), so the start does not need the Qt namespace for it.
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Tickler")
    icon = resources_dir() / "icons" / "tickler.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    failures: list[BaseException] = []
    previous_hook = sys.excepthook
    settings = SettingsStore()
    prefs = settings.load()
    translators = install_translators(app, effective_language(prefs.language))
    try:
        window = MainWindow(None, settings)  # the shell: PySide6 only, filled in by phase two
        if args.files and not args.smoke_test:  # "Open with Tickler" on a PDF/DOCX: import it, then review it
            window.import_when_ready(args.files)
        in_tray = args.minimized and not args.smoke_test and not args.files and QSystemTrayIcon.isSystemTrayAvailable()
        start = Startup(window, args, exit=QApplication.exit, on_milestone=on_milestone)
        # Slots' exceptions: the crash dialog names the log file, opened when phase two begins.
        sys.excepthook = make_excepthook(lambda: start.log_path, smoke_test=args.smoke_test, failures=failures)
        if args.smoke_test:
            QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: QApplication.exit(3))
        if in_tray:
            app.setQuitOnLastWindowClosed(False)  # living in the tray: closing the window keeps reminders running
            start.begin()  # nothing to paint first
        else:
            start.begin_after_paint()
            window.show()
        code = app.exec()
        window.close()  # waits for background work (a migration, an import) and saves the layout
        window.deleteLater()
        if start.db is not None:
            start.db.dispose()
        return 1 if failures else code
    finally:
        sys.excepthook = previous_hook
        for translator in translators:
            app.removeTranslator(translator)


class Startup(QObject):
    """Phase two: open the database on a pool thread while the shell stays responsive, then fill the window.

    `exit(code)` ends the app (QApplication.exit; tests record it instead): 2 when the database cannot be
    opened (after saying why), 1 after our bug's crash dialog, 0 when the smoke test has seen the filled page.
    """

    def __init__(
        self,
        window: MainWindow,
        args: argparse.Namespace,
        *,
        exit: Callable[[int], None],
        on_milestone: Milestone | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.args = args
        self.db: Database | None = None  # set on the worker as soon as it is open, so main() can dispose of it
        self.log_path: Path | None = None
        self.tray: ReminderTray | None = None
        self._exit = exit
        self._milestone = on_milestone or (lambda _name: None)

    def begin_after_paint(self) -> None:
        """Begin once the shell has painted: nothing in phase two may delay the first paint."""

        def painted() -> None:
            self._milestone("painted")
            QTimer.singleShot(0, self.begin)

        _OnPaint(self.window, painted)

    def begin(self) -> None:
        self.log_path = setup_logging()  # here, not before the first paint: logging.handlers alone takes ~10 ms
        url = self.args.db  # default: $TICKLER_DB, the Settings choice, else the user's SQLite file
        run_task(self.window, lambda _progress: self._open(url), on_success=self._opened, on_failure=self._failed)

    def _open(self, url: str | None) -> tuple[Database, Summary]:
        """On the worker thread: SQLAlchemy and the pages' modules load, the database opens, the counts are read."""
        from obligations.reminders.clock import current_day
        from obligations.store import open_database

        db = self.db = open_database(url)
        for module in (*PAGE_MODULES, *FILL_MODULES):
            importlib.import_module(module)
        return db, read_summary(db, today=current_day())

    def _opened(self, opened: tuple[Database, Summary]) -> None:
        from obligations.reminders.clock import current_day
        from ui.context import AppContext, DataEvents

        self._milestone("opened")
        db, summary = opened
        ctx = AppContext(db=db, events=DataEvents(), today=current_day)  # the day in the contracts' zone
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.tray = fill_window(self.window, ctx, app, smoke_test=self.args.smoke_test, summary=summary)
        page = self.window.current_page()
        if self.window.isVisible() and page is not None:
            _OnPaint(page, self._filled)

    def _filled(self) -> None:
        self._milestone("filled")
        if self.args.smoke_test:
            QTimer.singleShot(0, lambda: self._exit(0))

    def _failed(self, exc: BaseException) -> None:
        self.window.opening_page.failed()
        if not isinstance(exc, (KnownError, OSError)):  # OSError: the database's folder cannot be created
            report_failure(self.window, exc)  # our bug: the crash dialog names the log
            self._exit(1)
            return
        log.error("cannot open the database: %s", exc)
        if self.args.smoke_test:
            print(f"tickler-app: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(
                self.window,
                QApplication.translate("App", "Tickler cannot start"),
                QApplication.translate(
                    "App",
                    "%1\n\nCheck the database location in the settings file %2, or start Tickler with "
                    "--db to use another database.",
                )
                .replace("%1", str(exc))
                .replace("%2", self.window.settings.path),
            )
        self._exit(2)


def fill_window(
    window: MainWindow, ctx: AppContext, app: QApplication, *, smoke_test: bool, summary: Summary | None = None
) -> ReminderTray | None:
    """Phase two on the GUI thread, the database open: the pages, the refreshers and the tray.

    The benchmark's latency run starts its window through this too, so it measures what the app runs.
    """
    from ui.ics_sync import IcsSync
    from ui.refresh import ChangeWatcher

    window.attach(ctx, summary=summary)
    window.refresh_calendar_data()  # like the CLI: dates follow holiday data that changed since the last run
    watcher = ChangeWatcher(ctx, parent=window)  # a colleague's or Task Scheduler's writes refresh the views
    watcher.start()
    ics = IcsSync(ctx, window)  # Settings → calendar folder: Outlook subscribes to tickler.ics there
    ics.write_now()
    tray = start_reminders(ctx, window, app, smoke_test=smoke_test)
    app.setApplicationVersion(_version())
    # Everything built so far lives as long as the app: keep it out of the collector's full passes, which
    # otherwise stall the GUI for ~50 ms while an import allocates (benchmarks/FINDINGS.md).
    gc.freeze()
    return tray


def start_reminders(ctx: AppContext, window: MainWindow, app: QApplication, *, smoke_test: bool) -> ReminderTray | None:
    """The tray icon and its reminder checks; None where the desktop has no tray (the window still works)."""
    if smoke_test or not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    from ui.tray import DigestDialog, QtTrayBackend, ReminderTray

    backend = QtTrayBackend(app.windowIcon(), parent=window)
    tray = ReminderTray(ctx, backend, parent=window)

    def show_window() -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def show_digest() -> None:
        dialog = DigestDialog(ctx, window)
        dialog.open_obligation.connect(window.open_obligation)
        dialog.exec()

    backend.show_window.connect(show_window)
    backend.quit_requested.connect(app.quit)
    tray.open_obligation.connect(lambda obligation_id: (show_window(), window.open_obligation(obligation_id)))
    tray.show_digest.connect(show_digest)
    QTimer.singleShot(2000, tray.start)  # after the window has painted: the first check is the day's digest
    return tray


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tickler")
    except PackageNotFoundError:
        return "dev"
