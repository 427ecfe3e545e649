"""Settings: the app's own preferences (ui.settings) and the ones the reminder run shares (obligations.config)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from obligations.calendars import JURISDICTIONS, load_schedule_file
from obligations.config import Config, load_config, save_config
from obligations.errors import KnownError
from obligations.paths import calendars_dir
from obligations.reminders import autostart
from ui.i18n import LANGUAGES
from ui.settings import Preferences, SettingsStore


def parse_days(text: str) -> tuple[int, ...] | None:
    """ "30, 7, 1" (or "30，7，1" typed with a Chinese IME) → (30, 7, 1), largest first; None if not numbers."""
    parts = [p for p in text.replace("，", ",").replace("、", ",").replace(" ", ",").split(",") if p]
    try:
        days = {int(p) for p in parts}
    except ValueError:
        return None
    if not days or min(days) < 0 or max(days) > 3650:
        return None
    return tuple(sorted(days, reverse=True))


def days_text(days: tuple[int, ...]) -> str:
    return ", ".join(str(d) for d in days)


# Where counsel using Tickler usually count their deadlines; "This computer's time zone" covers the rest.
TIME_ZONES = (
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "UTC",
)


class SettingsDialog(QDialog):
    def __init__(
        self,
        store: SettingsStore,
        parent: QWidget | None = None,
        *,
        config_path: Path | None = None,
        on_calendar_loaded: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_calendar_loaded = on_calendar_loaded
        self.setWindowTitle(self.tr("Settings"))
        self._store = store
        self._config_path = config_path
        self.prefs = store.load()
        self.config = load_config(config_path)
        tabs = QTabWidget(self)
        tabs.addTab(self._general_tab(), self.tr("General"))
        tabs.addTab(self._deadlines_tab(), self.tr("Deadlines"))
        tabs.addTab(self._reminders_tab(), self.tr("Reminders and e-mail"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 42)

    # --- tabs ---------------------------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.database = QLineEdit(self.config.database_url or "", page)
        self.database.setPlaceholderText(self.tr("(default) the database in your Tickler data folder"))
        self.database.setToolTip(
            self.tr(
                "A SQLite file, or a PostgreSQL URL for a shared team database: "
                "postgresql+psycopg://user@server/tickler"
            )
        )
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self._browse_database)
        form.addRow(self.tr("&Database:"), self._row(page, self.database, browse))
        self.language = QComboBox(page)
        self.language.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(self.prefs.language), 0))
        form.addRow(self.tr("&Language:"), self.language)
        self.start_at_login = QCheckBox(self.tr("Start Tickler when I log in, so reminders are never missed"), page)
        # What the desktop really does (the installer may have registered it), not just what was saved last.
        self.start_at_login.setChecked(autostart.is_enabled())
        form.addRow("", self.start_at_login)
        note = QLabel(self.tr("Changes to the database and language take effect when Tickler is restarted."), page)
        note.setWordWrap(True)
        form.addRow("", note)
        return page

    def _deadlines_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.calendar = QComboBox(page)
        chinese = QLocale().language() == QLocale.Language.Chinese  # the language this UI is shown in
        for code, jurisdiction in JURISDICTIONS.items():
            self.calendar.addItem(f"{code} — {jurisdiction.name_zh if chinese else jurisdiction.name}", code)
        self.calendar.setCurrentIndex(max(self.calendar.findData(self.config.default_calendar), 0))
        form.addRow(self.tr("Default working-day &calendar:"), self.calendar)
        self.time_zone = QComboBox(page)
        self.time_zone.addItem(self.tr("This computer's time zone"), None)
        for zone in TIME_ZONES:
            self.time_zone.addItem(zone, zone)
        self.time_zone.setCurrentIndex(max(0, self.time_zone.findData(self.config.time_zone)))
        self.time_zone.setToolTip(self.tr("The day deadlines are counted in, e.g. Beijing time for Chinese contracts"))
        form.addRow(self.tr("Count days in &time zone:"), self.time_zone)
        load = QPushButton(self.tr("Load holiday schedule file…"), page)
        load.setToolTip(self.tr("A JSON or CSV file with a year's official holidays and make-up working days"))
        load.clicked.connect(self._load_schedule)
        form.addRow("", load)
        self.lead_days = QLineEdit(days_text(self.config.default_lead_days), page)
        self.lead_days.setToolTip(self.tr("Days before a due date to remind, separated by commas"))
        form.addRow(self.tr("Default &reminders (days before):"), self.lead_days)
        self.notice_days = QLineEdit(days_text(self.config.notice_lead_days), page)
        form.addRow(self.tr("&Notice, renewal and expiry (days before):"), self.notice_days)
        self.business_days = QCheckBox(self.tr("Count reminder days in working days"), page)
        self.business_days.setChecked(self.config.lead_in_business_days)
        form.addRow("", self.business_days)
        return page

    def _reminders_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.ics_folder = QLineEdit(self.config.ics_folder or "", page)
        self.ics_folder.setPlaceholderText(self.tr("(none) no calendar file"))
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self._browse_ics)
        form.addRow(self.tr("Calendar (.ics) &folder:"), self._row(page, self.ics_folder, browse))
        self.manager = QLineEdit(self.config.escalation_manager or "", page)
        self.manager.setPlaceholderText("manager@example.com")
        form.addRow(self.tr("Escalate to &manager:"), self.manager)
        self.escalate_days = QSpinBox(page)
        self.escalate_days.setRange(0, 365)
        self.escalate_days.setSpecialValueText(self.tr("never"))
        self.escalate_days.setSuffix(self.tr(" days overdue"))
        self.escalate_days.setValue(self.config.escalate_after_days or 0)
        form.addRow(self.tr("Escalate &after:"), self.escalate_days)
        self.smtp_host = QLineEdit(self.config.smtp_host or "", page)
        self.smtp_host.setPlaceholderText(self.tr("(none) no e-mail reminders"))
        form.addRow(self.tr("Mail &server:"), self.smtp_host)
        self.smtp_port = QSpinBox(page)
        self.smtp_port.setRange(1, 65535)
        self.smtp_port.setValue(self.config.smtp_port)
        self.smtp_port.setGroupSeparatorShown(False)
        self.starttls = QCheckBox(self.tr("Encrypt (STARTTLS)"), page)
        self.starttls.setChecked(self.config.smtp_starttls)
        form.addRow(self.tr("&Port:"), self._row(page, self.smtp_port, self.starttls))
        self.smtp_user = QLineEdit(self.config.smtp_username or "", page)
        form.addRow(self.tr("Mail &user name:"), self.smtp_user)
        self.sender = QLineEdit(self.config.smtp_sender, page)
        form.addRow(self.tr("S&ender address:"), self.sender)
        note = QLabel(self.tr("The mail password is kept in the system's credential store, never in a file."), page)
        note.setWordWrap(True)
        form.addRow("", note)
        return page

    @staticmethod
    def _row(parent: QWidget, *widgets: QWidget) -> QWidget:
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, widget in enumerate(widgets):
            layout.addWidget(widget, 1 if i == 0 else 0)
        return row

    # --- buttons ------------------------------------------------------------------------------------------

    def _browse_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            "",
            self.tr("Tickler database (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(f"sqlite:///{Path(path).as_posix()}")

    def _browse_ics(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the calendar file"), self.ics_folder.text())
        if folder:
            self.ics_folder.setText(folder)

    def _load_schedule(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Holiday schedule file"), "", self.tr("Schedule files (*.json *.csv)")
        )
        if path:
            self.load_schedule(Path(path))

    def load_schedule(self, path: Path) -> bool:
        try:
            schedule, _stored = load_schedule_file(path, calendars_dir())
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Holiday schedule"), str(exc))
            return False
        QMessageBox.information(
            self,
            self.tr("Holiday schedule"),
            self.tr(
                "Loaded %1 %2: %3 holidays and %4 make-up working days. Due dates in that year are recomputed with it."
            )
            .replace("%1", schedule.calendar)
            .replace("%2", str(schedule.year))
            .replace("%3", str(len(schedule.holidays)))
            .replace("%4", str(len(schedule.workdays))),
        )
        if self._on_calendar_loaded is not None:
            self._on_calendar_loaded()
        return True

    def accept(self) -> None:
        lead = parse_days(self.lead_days.text())
        notice = parse_days(self.notice_days.text())
        if lead is None or notice is None:
            QMessageBox.warning(
                self,
                self.tr("Settings"),
                self.tr("Reminder days must be whole numbers separated by commas, e.g. 30, 7, 1."),
            )
            return
        self.prefs = Preferences(language=self.language.currentData())
        self.config = replace(
            self.config,
            database_url=self.database.text().strip() or None,
            start_at_login=self.start_at_login.isChecked(),
            default_calendar=self.calendar.currentData(),
            time_zone=self.time_zone.currentData(),
            default_lead_days=lead,
            notice_lead_days=notice,
            lead_in_business_days=self.business_days.isChecked(),
            ics_folder=self.ics_folder.text().strip() or None,
            escalation_manager=self.manager.text().strip() or None,
            escalate_after_days=self.escalate_days.value() or None,
            smtp_host=self.smtp_host.text().strip() or None,
            smtp_port=self.smtp_port.value(),
            smtp_starttls=self.starttls.isChecked(),
            smtp_username=self.smtp_user.text().strip() or None,
            smtp_sender=self.sender.text().strip() or Config().smtp_sender,
        )
        if self.start_at_login.isChecked() != autostart.is_enabled():
            try:
                autostart.enable() if self.config.start_at_login else autostart.disable()
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Settings"), self.tr("Start at login: %1").replace("%1", str(exc)))
        self._store.save(self.prefs)
        save_config(self.config, self._config_path)
        super().accept()
