"""Refresh every view when another Tickler (a colleague in team mode, a Task Scheduler run) changed the data."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from obligations.services.changes import change_token
from ui.context import AppContext

POLL_MS = 20_000  # a colleague's edit shows within 20 s; the poll is one indexed MAX() query


class ChangeWatcher(QObject):
    def __init__(self, ctx: AppContext, *, interval_ms: int = POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._seen = self._token()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        ctx.events.changed.connect(self._remember)  # our own writes are not "someone else's"

    def start(self) -> None:
        self._timer.start()

    def _token(self) -> int:
        with self._ctx.db.reader() as session:
            return change_token(session)

    def _remember(self) -> None:
        self._seen = self._token()

    def poll(self) -> bool:
        """Emit `events.changed` when the data changed since we last looked; returns whether it did."""
        token = self._token()
        if token == self._seen:
            return False
        self._seen = token
        self._ctx.events.changed.emit()
        return True
