"""Settings persist (ours in QSettings, the shared ones in obligations.config); Chinese loads from the .qm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from obligations.config import load_config
from obligations.paths import calendars_dir
from ui.context import AppContext
from ui.i18n import CHINESE, ENGLISH, effective_language, install_translators
from ui.main_window import MainWindow
from ui.pages.settings_dialog import SettingsDialog, parse_days
from ui.settings import Preferences, SettingsStore, describe
from ui.widgets.labels import days_left_text, kind_label


def test_every_preference_is_declared_with_type_default_and_description() -> None:
    for name, kind, default, description in describe():
        assert isinstance(default, kind), name
        assert description, name


def test_settings_dialog_saves_and_a_new_store_reads_them_back(
    qtbot: Any, settings: SettingsStore, tmp_path: Path
) -> None:
    config_path = tmp_path / "settings.json"
    dialog = SettingsDialog(settings, config_path=config_path)
    qtbot.addWidget(dialog)
    dialog.database.setText("sqlite:///C:/Legal/tickler.sqlite3")
    dialog.language.setCurrentIndex(dialog.language.findData(CHINESE))
    dialog.start_at_login.setChecked(True)
    dialog.calendar.setCurrentIndex(dialog.calendar.findData("HK"))
    dialog.lead_days.setText("60，14，3")  # typed with a Chinese IME
    dialog.ics_folder.setText("/srv/ics")
    dialog.smtp_host.setText("smtp.example.com")
    dialog.smtp_port.setValue(2525)
    dialog.starttls.setChecked(False)
    dialog.smtp_user.setText("法务部")
    dialog.manager.setText("boss@example.com")
    dialog.escalate_days.setValue(5)
    dialog.accept()

    assert SettingsStore(settings._q).load() == Preferences(language=CHINESE)  # type: ignore[attr-defined]
    config = load_config(config_path)
    assert config.database_url == "sqlite:///C:/Legal/tickler.sqlite3"  # the CLI and Task Scheduler see it too
    assert config.start_at_login is True
    from obligations.reminders import autostart

    assert autostart.is_enabled()  # registered with the desktop (XDG autostart here, the Run key on Windows)
    assert config.default_calendar == "HK"
    assert config.default_lead_days == (60, 14, 3)
    assert (config.ics_folder, config.smtp_host, config.smtp_port, config.smtp_starttls) == (
        "/srv/ics",
        "smtp.example.com",
        2525,
        False,
    )
    assert (config.smtp_username, config.escalation_manager, config.escalate_after_days) == (
        "法务部",
        "boss@example.com",
        5,
    )
    reopened = SettingsDialog(settings, config_path=config_path)
    qtbot.addWidget(reopened)
    assert reopened.lead_days.text() == "60, 14, 3"
    assert reopened.language.currentData() == CHINESE


def test_bad_reminder_days_are_refused(
    qtbot: Any, settings: SettingsStore, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    dialog = SettingsDialog(settings, config_path=tmp_path / "settings.json")
    qtbot.addWidget(dialog)
    dialog.lead_days.setText("thirty")
    dialog.accept()
    assert message_boxes and message_boxes[-1][0] == "warning"
    assert not (tmp_path / "settings.json").exists()


@pytest.mark.parametrize(
    ("text", "days"),
    [("30, 7, 1", (30, 7, 1)), ("1 7 30", (30, 7, 1)), ("7、7", (7,)), ("", None), ("-1", None), ("x", None)],
)
def test_parse_days(text: str, days: tuple[int, ...] | None) -> None:
    assert parse_days(text) == days


def test_window_remembers_its_geometry(
    qtbot: Any, ctx: AppContext, settings: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.close()
    saved = settings.ui_state("main/geometry")
    assert saved is not None and settings.ui_state("main/state") is not None
    restored: list[bytes] = []
    monkeypatch.setattr(MainWindow, "restoreGeometry", lambda self, state: restored.append(bytes(state)) or True)
    again = MainWindow(ctx, settings)  # (offscreen's 800x800 screen clamps sizes, so compare what is restored)
    qtbot.addWidget(again)
    assert restored == [bytes(saved)]


def test_chinese_ui_loads_from_the_translation(qtbot: Any, ctx: AppContext, settings: SettingsStore) -> None:
    app = QApplication.instance()
    assert effective_language(CHINESE) == CHINESE and effective_language("") in (CHINESE, ENGLISH)
    locale = QLocale()
    translators = install_translators(app, CHINESE)  # type: ignore[arg-type]
    try:
        assert translators, "tickler_zh_CN.qm was not built or not found"
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[0] == "文件(&F)"
        assert [window.nav.item(i).text() for i in range(4)] == ["日历", "义务", "合同", "审核"]
        assert window.welcome_page.sample_button.text() == "试用示例协议(&S)"
        assert kind_label("payment") == "付款"
        assert days_left_text(-3) == "逾期 3 天"
    finally:
        for translator in translators:
            app.removeTranslator(translator)  # type: ignore[union-attr]
        QLocale.setDefault(locale)
    assert kind_label("payment") == "Payment"
    assert days_left_text(3) == "3 days"


def test_holiday_schedule_file_is_checked_and_loaded(
    qtbot: Any, settings: SettingsStore, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    example = Path(__file__).resolve().parents[2] / "resources" / "calendars" / "CN-2027.example.json"
    if not example.is_file():
        pytest.skip("the example schedule file is not in this checkout")
    loaded: list[bool] = []
    dialog = SettingsDialog(
        settings, config_path=tmp_path / "settings.json", on_calendar_loaded=lambda: loaded.append(True)
    )
    qtbot.addWidget(dialog)
    assert not dialog.load_schedule(example)  # an example file's dates are not official: refused
    assert message_boxes[-1][0] == "warning" and "example" in message_boxes[-1][1]
    official = tmp_path / "CN-2027.json"
    official.write_text(
        example.read_text(encoding="utf-8").replace('"example": true', '"example": false'), encoding="utf-8"
    )
    assert dialog.load_schedule(official)
    assert message_boxes[-1][0] == "information"
    assert loaded == [True]  # the main window then recomputes due dates in the background
    assert (calendars_dir() / "CN-2027.json").is_file()
