"""The two-phase start: the real main window paints first, then the database opens and the pages fill it in.

In-process tests drive phase two (`Startup`) without `app.exec()` (see test_app_shell.run_main for why); what
only a whole start shows (what is imported before the first paint, the tray) runs `main()` in a fresh process.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY
from screen_data import make_contract

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from obligations.services.importing import Outcome
from obligations.store import open_database
from ui.app import Startup, parse_args
from ui.main_window import CALENDAR, OBLIGATIONS, REVIEW, MainWindow
from ui.settings import SettingsStore


@pytest.fixture(autouse=True)
def _app_wide_state() -> Iterator[None]:
    """Phase two opens the log file on the root logger and ends with gc.freeze(): right for the app, wrong
    for a test process that goes on to other tests. Undo both."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    gc.unfreeze()
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def shell(qtbot: Any, settings: SettingsStore) -> MainWindow:
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    return window


class Start:
    """Phase two on `window`, with exit codes and milestones recorded instead of ending the test process."""

    def __init__(self, window: MainWindow, *argv: str, watch: Callable[[str], object] = lambda _name: None) -> None:
        self.codes: list[int] = []
        self.seen: list[str] = []

        def milestone(name: str) -> None:
            watch(name)
            self.seen.append(name)

        self.startup = Startup(window, parse_args(list(argv)), exit=self.codes.append, on_milestone=milestone)

    def run(self, qtbot: Any, window: MainWindow, until: str = "filled") -> None:
        self.startup.begin_after_paint()
        window.show()
        qtbot.waitUntil(lambda: until in self.seen or bool(self.codes), timeout=20000)

    def dispose(self) -> None:
        if self.startup.db is not None:
            self.startup.db.dispose()


@pytest.fixture
def start(shell: MainWindow, wait_idle: Any) -> Iterator[Any]:
    started: list[Start] = []

    def make(*argv: str, **kwargs: Any) -> Start:
        started.append(Start(shell, *argv, **kwargs))
        return started[-1]

    yield make
    wait_idle()  # the calendar refresh and the import tasks it started
    for each in started:
        each.dispose()


def a_department(url: str) -> None:
    db = open_database(url)
    make_contract(db, "Lease", "Landlord", today=TODAY, obligations=[{"due": TODAY, "action": "pay rent"}])
    db.dispose()


def test_the_window_paints_before_the_database_opens(
    shell: MainWindow, start: Any, qtbot: Any, db_url: str, tmp_path: Path
) -> None:
    database = tmp_path / "t.db"
    painted: list[tuple[bool, bool, bool]] = []  # at each milestone: database file, opening page, pages built
    run = start(
        "--db",
        db_url,
        watch=lambda _name: painted.append(
            (database.exists(), shell.current_page() is shell.opening_page, shell.is_ready)
        ),
    )
    assert shell.import_action.isEnabled() is False  # what needs the database waits for it
    run.run(qtbot, shell)
    assert run.seen == ["painted", "opened", "filled"] and run.codes == []
    assert painted[0] == (False, True, False)  # first paint: the opening page, no database file yet
    assert painted[-1] == (True, False, True)
    assert shell.current_page() is shell.welcome_page  # an empty database: the first run's page
    assert shell.import_action.isEnabled() and shell.awaiting.isVisible()
    assert shell.findChildren(QWidget, "openingPage") == []  # gone, not hidden behind the pages


def test_the_page_chosen_while_opening_is_the_one_shown(shell: MainWindow, start: Any, qtbot: Any, db_url: str) -> None:
    a_department(db_url)
    assert shell.nav.currentRow() == OBLIGATIONS  # the likely page, highlighted from the first paint
    shell.show_page(CALENDAR)  # Ctrl+1 while the database is still opening
    run = start("--db", db_url)
    run.run(qtbot, shell)
    assert shell.current_page() is shell.calendar_page


def test_a_search_typed_while_opening_runs_once_open(shell: MainWindow, start: Any, qtbot: Any, db_url: str) -> None:
    a_department(db_url)
    shell.show_page(CALENDAR)
    shell.search.setText("rent")
    shell.search_timer.timeout.emit()  # typing stopped while the database was still opening: nothing to search
    run = start("--db", db_url)
    run.run(qtbot, shell)
    assert shell.current_page() is shell.obligations_page  # as any search from another page
    model = shell.obligations_page.model
    qtbot.waitUntil(lambda: model.filter.text == "rent")  # the filter bar's own debounce
    assert model.rowCount() == 1


def test_files_on_the_command_line_and_dropped_early_import_once_open(
    shell: MainWindow, start: Any, qtbot: Any, db_url: str, tmp_path: Path, wait_idle: Any
) -> None:
    agreement, dropped = tmp_path / "lease.txt", tmp_path / "supply.txt"
    agreement.write_text("The Tenant shall pay the rent by 30 June 2026.\n", encoding="utf-8")
    dropped.write_text("The Supplier shall deliver the report by 30 June 2026.\n", encoding="utf-8")
    shell.import_when_ready([agreement])  # what main() does with `tickler-app lease.txt`
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    shell.dropEvent(drop)  # dropped on the window while it says "Opening the database…"
    run = start("--db", db_url, str(agreement))
    run.run(qtbot, shell)
    qtbot.waitUntil(lambda: shell.importer.summary is not None, timeout=20000)
    wait_idle()
    summary = shell.importer.summary
    assert summary is not None
    assert [(r.path, r.outcome) for r in summary.results] == [
        (agreement, Outcome.IMPORTED),
        (dropped, Outcome.IMPORTED),
    ]
    assert shell.nav.currentRow() == REVIEW  # then reviewed, as before
    summary.accept()


def test_a_damaged_database_gets_its_message_with_the_way_out(
    shell: MainWindow, start: Any, qtbot: Any, db_url: str, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    open_database(db_url).dispose()
    path = tmp_path / "t.db"
    data = bytearray(path.read_bytes())
    data[4096:8192] = os.urandom(4096)  # scribble over the second page
    path.write_bytes(bytes(data))
    run = start("--db", db_url)
    run.run(qtbot, shell)
    assert run.codes == [2] and run.seen == ["painted"]
    [(kind, text)] = message_boxes
    assert kind == "critical"
    assert "damaged" in text and "tickler restore" in text  # the way out: restore a backup
    assert shell.settings.path in text
    assert shell.isVisible() and not shell.is_ready  # shown over the window, which never pretended to be ready
    assert shell.opening_page.label.text() == "The database could not be opened."
    assert shell.opening_page.bar.isHidden()


def test_a_database_from_a_newer_tickler_gets_its_message(
    shell: MainWindow, start: Any, qtbot: Any, db_url: str, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    open_database(db_url).dispose()
    with sqlite3.connect(tmp_path / "t.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    run = start("--db", db_url)
    run.run(qtbot, shell)
    assert run.codes == [2] and run.seen == ["painted"]
    [(kind, text)] = message_boxes
    assert kind == "critical" and "newer version of Tickler" in text


def test_a_failed_migration_reaches_the_crash_handler(
    shell: MainWindow, start: Any, qtbot: Any, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    open_database(db_url).dispose()
    monkeypatch.setattr("obligations.store.migrate.HEAD", "9999")  # as if this build carried a newer migration …

    def broken_upgrade(*_args: Any) -> None:
        raise RuntimeError("migration 9999 failed")  # … that fails: our bug, not the user's database

    monkeypatch.setattr(command, "upgrade", broken_upgrade)
    crashes: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, exc, _tb: crashes.append(exc))  # the app's crash dialog
    run = start("--db", db_url)
    run.run(qtbot, shell)
    assert run.codes == [1]
    assert len(crashes) == 1 and "migration 9999 failed" in str(crashes[0])


def test_the_opening_page_speaks_chinese(qtbot: Any, settings: SettingsStore) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.i18n import CHINESE, install_translators

    app = QApplication.instance()
    translators = install_translators(app, CHINESE)  # type: ignore[arg-type]
    try:
        window = MainWindow(None, settings)
        qtbot.addWidget(window)
        assert window.opening_page.label.text() == "正在打开数据库…"
        assert window.windowTitle() == "Tickler — 合同期限管理"
    finally:
        for translator in translators:
            app.removeTranslator(translator)  # type: ignore[union-attr]


def test_phase_two_waits_for_the_first_paint(shell: MainWindow, start: Any, qtbot: Any, db_url: str) -> None:
    run = start("--db", db_url)
    run.startup.begin_after_paint()
    qtbot.wait(50)
    assert run.seen == [] and run.startup.db is None  # not shown, so not painted: nothing opened yet
    shell.show()
    qtbot.waitUntil(lambda: "filled" in run.seen, timeout=20000)


# --- whole starts, in a fresh process ------------------------------------------------------------------------


def run_start(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TICKLER_HOME": str(home), "XDG_CONFIG_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


HEAVY = ("sqlalchemy", "alembic", "obligations.store", "obligations.services", "ui.pages.obligations_page")


def test_nothing_heavy_is_imported_before_the_first_paint(db_url: str, isolated_home: Path) -> None:
    code = f"""
import json, sys
from ui.app import main
seen = {{}}
def milestone(name):
    seen[name] = sorted(m for m in {HEAVY!r} if m in sys.modules)
code = main(["--smoke-test", "--db", {db_url!r}], on_milestone=milestone)
print(json.dumps(seen))
sys.exit(code)
"""
    result = run_start(code, isolated_home)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert list(seen) == ["painted", "opened", "filled"]
    assert seen["painted"] == []
    assert seen["filled"] == sorted(HEAVY)


def test_minimized_starts_in_the_tray_and_still_opens_the_database(db_url: str, isolated_home: Path) -> None:
    code = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)  # offscreen has no tray: pretend
from ui.app import main
seen = []
def milestone(name):
    seen.append(name)
    def look():
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
        print("visible", window.isVisible(), "ready", window.is_ready, "seen", seen, flush=True)
        QApplication.quit()
    QTimer.singleShot(0, look)
sys.exit(main(["--minimized", "--db", {db_url!r}], on_milestone=milestone))
"""
    result = run_start(code, isolated_home)
    assert result.returncode == 0, result.stderr
    assert "visible False ready True seen ['opened']" in result.stdout
