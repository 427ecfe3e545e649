"""Fixtures for the desktop app's tests: offscreen Qt, a temp database and settings, a fixed "today"."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Run as `pytest` (not `python -m pytest`) the project root is not on sys.path, and this folder's name would
# make `import ui` find tests/ui as a namespace package instead of the app: put the app first.
ROOT = Path(__file__).resolve().parents[2]
if sys.path[:1] != [str(ROOT)]:
    sys.path.insert(0, str(ROOT))
if getattr(sys.modules.get("ui"), "__file__", "set") is None:
    del sys.modules["ui"]

from PySide6.QtCore import QSettings  # noqa: E402 - after the platform is chosen
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from obligations.store import Database, open_database  # noqa: E402
from ui.context import AppContext, DataEvents  # noqa: E402
from ui.i18n import ENGLISH, install_translators  # noqa: E402
from ui.settings import SettingsStore  # noqa: E402
from ui.tasks import running_tasks  # noqa: E402

TODAY = dt.date(2026, 3, 2)  # a Monday


@pytest.fixture(scope="session", autouse=True)
def english(qapp: Any) -> Iterator[None]:
    """The app's English: source strings plus the plural forms ("1 day", "3 days") from tickler_en.qm."""
    translators = install_translators(qapp, ENGLISH)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Data folder, settings file and the copied originals all under tmp_path: never the developer's own."""
    home = tmp_path / "home"
    monkeypatch.setenv("TICKLER_HOME", str(home))
    monkeypatch.delenv("TICKLER_DB", raising=False)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    return home


@pytest.fixture(autouse=True)
def fail_on_slot_exceptions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """An exception in a slot does not stop Qt's event loop: collect it and fail the test."""
    caught: list[BaseException] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        caught.append(exc)
        sys.__excepthook__(kind, exc, tb)

    monkeypatch.setattr(sys, "excepthook", hook)
    yield caught
    assert not caught, f"exception in a Qt slot: {caught!r}"


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Modal message boxes would block the test: record them and answer Yes / OK."""
    shown: list[tuple[str, str]] = []

    def fake(kind: str, answer: QMessageBox.StandardButton) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
            shown.append((kind, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", fake("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", fake("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", fake("critical", QMessageBox.StandardButton.Ok))
    return shown


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 't.db'}"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> AppContext:
    return AppContext(db=db, events=DataEvents(), today=lambda: TODAY)


@pytest.fixture
def settings(tmp_path: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def wait_idle(qtbot: Any) -> Any:
    """Wait until every background task has delivered its result on the GUI thread."""

    def wait(timeout: int = 20000) -> None:
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=timeout)

    return wait
