"""The tray: what is due, a notification when something enters a lead window, the day's digest with actions."""

from ui.tray.digest import DigestDialog
from ui.tray.tray import QtTrayBackend, ReminderTray, TrayBackend

__all__ = ["DigestDialog", "QtTrayBackend", "ReminderTray", "TrayBackend"]
