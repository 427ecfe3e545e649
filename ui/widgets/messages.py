"""The two ways an error reaches the user: a plain message (KnownError) or the crash dialog (our bug)."""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def show_known_error(parent: QWidget | None, exc: BaseException) -> None:
    """The environment's fault (bad file, locked database …): its one-line message says what to do."""
    QMessageBox.warning(parent, QCoreApplication.translate("Messages", "Tickler"), str(exc))


def show_crash(parent: QWidget | None, exc: BaseException, log_path: Path | None) -> None:
    """Our bug: apologise, say where the log is, offer the details to copy into a bug report."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Messages", "Tickler — unexpected error"))
    box.setText(QCoreApplication.translate("Messages", "Tickler ran into a bug and could not finish what you asked."))
    where = str(log_path) if log_path else QCoreApplication.translate("Messages", "(no log file)")
    box.setInformativeText(
        QCoreApplication.translate(
            "Messages", "Your data is safe: unfinished changes were not saved. Please send the log file to support:\n%1"
        ).replace("%1", where)
    )
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.exec()
