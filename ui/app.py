"""The composition root: QApplication, error handling, translations, database, context, main window.

    tickler-app [--db URL] [--smoke-test]
    python -m ui

`--smoke-test` starts the app, waits for the main window's first paint and exits 0 (packaging runs it on the
frozen build); any failure on the way exits non-zero without showing a dialog.
"""

from __future__ import annotations

import argparse
import gc
import logging
import logging.handlers
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from obligations.errors import KnownError
from obligations.paths import data_dir
from obligations.reminders.clock import current_day
from obligations.store import open_database
from ui.context import AppContext, DataEvents
from ui.i18n import effective_language, install_translators
from ui.ics_sync import IcsSync
from ui.main_window import MainWindow
from ui.refresh import ChangeWatcher
from ui.settings import APPLICATION, ORGANIZATION, SettingsStore
from ui.tray import DigestDialog, QtTrayBackend, ReminderTray
from ui.widgets.messages import show_crash, show_known_error
from ui.widgets.resources import resources_dir

log = logging.getLogger("tickler.app")
SMOKE_TIMEOUT_MS = 60_000

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tickler-app", description="Tickler desktop app")
    parser.add_argument("--db", metavar="URL", help="database URL (default: the setting, else your own SQLite file)")
    parser.add_argument("--smoke-test", action="store_true", help="start, paint the window once and exit 0")
    parser.add_argument("--minimized", action="store_true", help="start in the tray (used by start at login)")
    parser.add_argument("files", nargs="*", type=Path, help="agreements to import (Explorer's 'Open with Tickler')")
    return parser.parse_args(list(argv) if argv is not None else sys.argv[1:])


def setup_logging() -> Path | None:
    """Log to a rotating file in the data folder; the crash dialog names it."""
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


def make_excepthook(log_path: Path | None, *, smoke_test: bool, failures: list[BaseException]) -> ExceptHook:
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
            QApplication.exit(1)
            return
        parent = QApplication.activeWindow()
        if isinstance(exc, KnownError):
            show_known_error(parent, exc)
        else:
            show_crash(parent, exc, log_path)

    return hook


class _FirstPaint(QObject):
    """Quits the app once the watched window has painted (the smoke test)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if QApplication.instance() is None:
        # 125 % and 150 % Windows scaling: scale exactly instead of rounding to 100 % or 200 %.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Tickler")
    app.setApplicationVersion(_version())
    icon = resources_dir() / "icons" / "tickler.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    log_path = setup_logging()
    failures: list[BaseException] = []
    previous_hook = sys.excepthook
    sys.excepthook = make_excepthook(log_path, smoke_test=args.smoke_test, failures=failures)
    settings = SettingsStore()
    prefs = settings.load()
    translators = install_translators(app, effective_language(prefs.language))
    try:
        try:
            db = open_database(args.db)  # default: $TICKLER_DB, the Settings choice, else the user's SQLite file
        except (KnownError, OSError) as exc:  # OSError: the database's folder cannot be created
            log.error("cannot open the database: %s", exc)
            if args.smoke_test:
                print(f"tickler-app: {exc}", file=sys.stderr)
            else:
                QMessageBox.critical(
                    None,
                    QApplication.translate("App", "Tickler cannot start"),
                    QApplication.translate(
                        "App",
                        "%1\n\nCheck the database location in the settings file %2, or start Tickler with "
                        "--db to use another database.",
                    )
                    .replace("%1", str(exc))
                    .replace("%2", settings.path),
                )
            return 2
        ctx = AppContext(db=db, events=DataEvents(), today=current_day)  # the day in the contracts' zone
        window = MainWindow(ctx, settings)
        window.refresh_calendar_data()  # like the CLI: dates follow holiday data that changed since the last run
        watcher = ChangeWatcher(ctx, parent=window)  # a colleague's or Task Scheduler's writes refresh the views
        watcher.start()
        ics = IcsSync(ctx, window)  # Settings → calendar folder: Outlook subscribes to tickler.ics there
        ics.write_now()
        tray = start_reminders(ctx, window, app, smoke_test=args.smoke_test)
        if args.smoke_test:
            painted = _FirstPaint(window)
            window.installEventFilter(painted)
            QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: QApplication.exit(3))
        if args.files and not args.smoke_test:  # "Open with Tickler" on a PDF/DOCX: import it, then review it
            QTimer.singleShot(0, lambda: window.importer.import_paths(args.files))
        if args.minimized and tray is not None and not args.smoke_test and not args.files:
            app.setQuitOnLastWindowClosed(False)  # living in the tray: closing the window keeps reminders running
        else:
            window.show()
        # Everything built so far lives as long as the app: keep it out of the collector's full passes, which
        # otherwise stall the GUI for ~50 ms while an import allocates (benchmarks/FINDINGS.md).
        gc.freeze()
        code = app.exec()
        window.close()
        window.deleteLater()
        db.dispose()
        return 1 if failures else code
    finally:
        sys.excepthook = previous_hook
        for translator in translators:
            app.removeTranslator(translator)


def start_reminders(ctx: AppContext, window: MainWindow, app: QApplication, *, smoke_test: bool) -> ReminderTray | None:
    """The tray icon and its reminder checks; None where the desktop has no tray (the window still works)."""
    if smoke_test or not QSystemTrayIcon.isSystemTrayAvailable():
        return None
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
