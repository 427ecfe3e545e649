"""Keep `tickler.ics` in the folder chosen in Settings up to date, so Outlook's subscription follows every change.

Writes are debounced (a burst of edits writes once) and run off the GUI thread; the file is replaced atomically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from obligations.config import load_config
from ui.context import AppContext
from ui.tasks import Progress, run_task

FILE_NAME = "tickler.ics"
DEBOUNCE_MS = 3000
LOOK_BACK = dt.timedelta(days=90)  # recent past events stay visible in the calendar


class IcsSync(QObject):
    def __init__(self, ctx: AppContext, window: QWidget, *, folder: Callable[[], str | None] | None = None) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._window = window
        self._folder = folder or (lambda: load_config().ics_folder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.write_now)
        ctx.events.changed.connect(self._timer.start)

    def target(self) -> Path | None:
        folder = self._folder()
        return Path(folder) / FILE_NAME if folder else None

    def write_now(self) -> None:
        target = self.target()
        if target is None:
            return
        since = self._ctx.today() - LOOK_BACK
        db = self._ctx.db

        def work(_progress: Progress) -> int:
            from obligations.reminders.ics import write_ics  # icalendar loads when there is a file to write

            with db.reader() as session:
                return write_ics(session, target, since=since)

        run_task(self._window, work)
